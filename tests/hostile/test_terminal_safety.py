"""Nothing in an article, a file name or a note ever reaches the terminal as a command.

Articles, titles, speakers, casualty names and notes carry ANSI/OSC/DCS escapes, 8-bit CSI,
other C0/C1 controls, bidi overrides and Rich/Textual markup. They are ingested through a
file (whose name holds escapes too) and stdin, then every command that prints is run and its
bytes are checked; markup must show as the literal text it is; the reader (Textual, run_test)
must show it all inertly.
"""

from __future__ import annotations

import html
import json
import re
from dataclasses import dataclass
from pathlib import Path

import pytest
from hostile_helpers import Result, cli, env_for, run_all, unsafe

from briefings.model import Article, Briefing, Casualty, Figure, Quote, SummarySentence
from briefings.store import Library

# Every kind of hostile sequence, each at least once.
CLEAR = "\x1b[2J"
CLIPBOARD = "\x1b]52;c;aGk=\x07"  # OSC 52: write "hi" to the clipboard
HYPERLINK = "\x1b]8;;http://127.0.0.1/\x1b\\{}\x1b]8;;\x1b\\"  # OSC 8 around its (visible) link text
CSI8 = "\x9b31m"  # 8-bit CSI: red
DCS = "\x1bP1$r0m\x1b\\"  # a device control string
TITLE_SET = "\x1b]0;pwned\x07"
CONTROLS = "\x01\x02\x07\x08\x0b\x0c\x0e\x1a\x7f\x85\x90\x9c\x9d\x9f"
BIDI = "\u202eevil\u202c \u2066iso\u2069"
MARKUP = ("[bold red]", "[link=http://127.0.0.1]", "[@click=app.quit]x[/]")

ARTICLE = (
    f"Blast at {CLEAR}plant [bold red]kills[/] two{CLIPBOARD}\n\n"
    f"KESTREL PORT (Wire) \u2014 Two workers, John {HYPERLINK.format('Smith')}, 46, and Mary {CSI8}Jones, 23, were "
    f"killed in an explosion at the [link=http://127.0.0.1]plant[/link] on Friday, police said.{TITLE_SET} "
    f"Another 14 people were injured.{CONTROLS}\n\n"
    f"\u201cWe are devastated{DCS} by this [@click=app.quit]x[/] loss,\u201d said Fire Chief Anna {BIDI} Lee. "
    f"\u201cThe \x07bell rang twice,\u201d she told reporters.\n"
)
PIPED = (f"Ferry {CLEAR}aground [bold red]off[/] the coast\n\n"
         f"x{CLIPBOARD} \u201cWe are all safe,\u201d said Captain Rosa {CSI8}Almeida{TITLE_SET}. "
         f"Three crew members, including Tom [link=http://127.0.0.1]Reed[/link], 31, were injured.\n")
FILE_NAME = f"art{CLIPBOARD}{CLEAR}{CSI8} [bold red]{BIDI}.txt"
NOTE = f"[bold red]loud[/] note {CLEAR}{CLIPBOARD}{HYPERLINK.format('link')} {CSI8}{DCS}{CONTROLS} [@click=app.quit]x[/] {BIDI}"
NOTE_NO_C1 = re.sub("[\x80-\x9f]", "", NOTE)


def markdown_unescaped(text: str) -> str:
    return re.sub(r"\\([\\`*_\[\]<>|])", r"\1", text)


@dataclass
class World:
    base: Path
    lib: Path
    env: dict[str, str]
    article_file: Path
    file_id: str
    piped_id: str
    outputs: dict[str, Result]


COMMANDS = {
    "list": ("list",), "list --json": ("list", "--json"),
    "show": ("show", "{id}"), "show --json": ("show", "{id}", "--json"), "show --md": ("show", "{id}", "--md"),
    "show piped": ("show", "{piped}"), "show piped --json": ("show", "{piped}", "--json"),
    "export --md": ("export", "{id}", "--md"), "export -o": ("export", "{id}", "-o", "{out}"),
    "notes": ("notes",), "notes BRIEFING": ("notes", "{id}"), "notes --md": ("notes", "--md"),
    "notes --json": ("notes", "--json"),
    "extract": ("extract", "{file}"), "extract --json": ("extract", "{file}", "--json"),
}
JSON = {name for name in COMMANDS if name.endswith("--json")}


@pytest.fixture(scope="module")
def world(tmp_path_factory: pytest.TempPathFactory) -> World:
    base = tmp_path_factory.mktemp("terminal")
    env = env_for(base / "home")
    lib = base / "library"
    article_file = base / FILE_NAME
    article_file.write_text(ARTICLE, encoding="utf-8")
    outputs = {"ingest file": cli("ingest", "--library", lib, article_file, env=env),
               "ingest stdin": cli("ingest", "--library", lib, "-", stdin=PIPED.encode(), env=env)}
    ids = {Library(lib).get(e.id).article.title.split()[0]: e.id for e in Library(lib).entries()}
    file_id, piped_id = ids["Blast"], ids["Ferry"]
    quote = json.loads(cli("show", "--library", lib, file_id, "--json", env=env).stdout)["quotes"][0]["id"]
    for args in ((file_id, quote, NOTE), (file_id, NOTE), (piped_id, NOTE_NO_C1)):
        added = cli("notes", "--library", lib, "add", *args, env=env)
        assert added.returncode == 0, added.describe()
    subst = {"id": file_id, "piped": piped_id, "file": str(article_file), "out": str(base / "export.md")}
    names = list(COMMANDS)
    jobs = [((*[a.format(**subst) for a in COMMANDS[n]], "--library", str(lib)), {"env": env}) for n in names]
    jobs.append((("extract", "-", "--library", str(lib)), {"env": env, "stdin": PIPED.encode()}))
    names.append("extract -")
    outputs.update(zip(names, run_all(jobs)))
    return World(base, lib, env, article_file, file_id, piped_id, outputs)


@pytest.mark.parametrize("name", ["ingest file", "ingest stdin", *COMMANDS, "extract -"])
def test_no_escape_or_control_reaches_the_output(world: World, name: str):
    result = world.outputs[name]
    assert result.returncode == 0, result.describe()
    # JSON is data: bidi characters may stay in it, escaped controls ("\\u001b") are harmless text.
    # A note's C1 characters and DEL come out raw in `notes --json`: test_json_never_carries_c1_controls.
    result.assert_safe(bidi=name not in JSON, c1=name != "notes --json")


def test_the_exported_file_is_clean_too(world: World):
    data = (world.base / "export.md").read_bytes()
    assert not unsafe(data), unsafe(data)
    assert "wrote" in world.outputs["export -o"].stderr


@pytest.mark.parametrize("name", ["show", "show --md", "export --md", "show piped"])
def test_markup_is_shown_as_the_text_it_is(world: World, name: str):
    out = world.outputs[name].stdout
    shown = markdown_unescaped(out) if "--md" in name else out
    assert "[bold red]" in shown, out
    if name != "show piped":
        assert "[@click=app.quit]x[/]" in shown and "[link=http://127.0.0.1]plant[/link]" in shown, out
    if "--md" in name:  # the notes, as written (escapes gone)
        assert "[bold red]loud[/]" in shown


def test_the_stored_briefing_holds_no_escape(world: World):
    for briefing_id in (world.file_id, world.piped_id):
        data = json.dumps(Library(world.lib).get(briefing_id).to_dict(), ensure_ascii=False).encode()
        assert not unsafe(data), unsafe(data)
    b = Library(world.lib).get(world.file_id)
    assert "aGk=" not in b.article.text and "pwned" not in b.article.text and "127.0.0.1/" not in b.article.text
    assert [c.name for c in b.casualties] == ["John Smith", "Mary Jones"]


@pytest.mark.parametrize("name", ["list", "show"])
def test_a_colour_terminal_gets_only_colour_codes(world: World, name: str):
    """With colour forced (as in a terminal) Rich adds SGR codes; nothing else may appear."""
    args = {"list": ("list",), "show": ("show", world.file_id)}[name]
    env = {**world.env, "FORCE_COLOR": "1", "NO_COLOR": "", "TERM": "xterm-256color"}
    result = cli(*args, "--library", world.lib, env=env)
    assert result.returncode == 0, result.describe()
    assert b"\x1b[" in result.stdout_bytes  # colour really was on
    result.assert_safe(styled=True)
    assert "[bold red]" in re.sub(r"\x1b\[[0-9;]*m", "", result.stdout)


def test_error_messages_are_one_safe_line(world: World, tmp_path: Path):
    bad = tmp_path / f"bad{CLIPBOARD}{CLEAR}{CSI8}\u202eeman.txt"
    bad.write_bytes(b"")
    missing = tmp_path / f"missing{TITLE_SET}.txt"
    cases = [
        ("ingest", "--library", world.lib, bad),
        ("ingest", "--library", world.lib, missing),
        ("extract", bad),
        ("extract", missing, "--json"),
        ("show", "--library", world.lib, f"{CLEAR}{CSI8}beef"),
        ("export", "--library", world.lib, world.file_id, "-o", tmp_path / f"no{CLIPBOARD}such" / "out.md"),
        ("notes", "--library", world.lib, "add", world.file_id, f"q-{CLEAR}{CSI8}", "text"),
        ("notes", "--library", world.lib, "rm", f"n-{CLIPBOARD}{DCS}"),
        ("show", "--library", tmp_path / f"lib{CLEAR}{BIDI}", "0000"),
    ]
    for args in cases:
        result = cli(*args, env=world.env)
        assert result.returncode == 1, result.describe()
        result.assert_safe()
        errors = [line for line in result.err_lines if line.startswith("briefing: ")]
        assert errors and all("error" in e or "failed" in e for e in errors), result.describe()
        assert len([e for e in errors if "error" in e or "failed:" in e]) == 1, result.describe()


def test_python_dash_m_reports_known_errors(isolated_dirs: Path):
    import subprocess
    import sys

    proc = subprocess.run([sys.executable, "-m", "briefings.cli", "ingest"], capture_output=True, text=True, check=False)
    assert proc.returncode == 1, proc.stderr
    assert "unexpected" not in proc.stderr


ACCEPTANCE = b'x\x1b]52;c;aGk=\x07 "hi," said Bob.'


def test_acceptance_example(tmp_path: Path, isolated_dirs: Path):
    ingest = cli("ingest", "-", stdin=ACCEPTANCE)
    assert ingest.returncode == 0, ingest.describe()
    ingest.assert_safe()
    (entry,) = Library(isolated_dirs / "library").entries()
    for show in (cli("show", entry.id), cli("show", entry.id[:6], "--md"), cli("show", entry.id, "--json")):
        assert show.returncode == 0, show.describe()
        show.assert_safe()
        assert 'x "hi," said Bob' in show.stdout.replace('\\"', '"'), show.stdout
        assert "aGk=" not in show.stdout and "52;c" not in show.stdout


async def test_acceptance_example_in_the_reader(isolated_dirs: Path):
    from tui.app import BriefingApp

    assert cli("ingest", "-", stdin=ACCEPTANCE).returncode == 0
    app = BriefingApp(Library(isolated_dirs / "library"), restore=False)
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        assert_inert(screen_text(app), 'x "hi," said Bob')
        await pilot.press("enter")
        await settle(pilot)
        text = screen_text(app)
        assert_inert(text, 'x "hi," said Bob')
        assert "aGk=" not in text and "52;c" not in text


def test_acceptance_example_with_a_bare_show(isolated_dirs: Path):
    assert cli("ingest", "-", stdin=ACCEPTANCE).returncode == 0
    show = cli("show")
    assert show.returncode == 0, show.describe()
    assert 'x "hi," said Bob' in show.stdout


# -- a library written by another program: escapes stored raw, to be neutralised on display ---------

def raw_briefing() -> Briefing:
    text = f"Raw {CLEAR}title [bold red]here[/]\n\nJohn {CSI8}Smith{CLIPBOARD}, 46, was killed, said Ann {BIDI}Lee."
    art = Article(title=f"Raw {CLEAR}title [bold red]here[/]{CLIPBOARD}{CSI8}", text=text, source=f"feed{TITLE_SET}.txt")
    return Briefing(article=art, summary=[SummarySentence(text[text.index("John"):], (text.index("John"), len(text)), "s-1")],
                    figures=[Figure(1, f"one {DCS}", f"people {CSI8}killed", (0, 3), "f-1")],
                    casualties=[Casualty(f"John {CSI8}Smith{CLIPBOARD} [bold red]", "killed", (0, 4), 46,
                                         f"[link=http://127.0.0.1]x{HYPERLINK.format('y')}", "c-1")],
                    quotes=[Quote(f"hi {CONTROLS}[@click=app.quit]x[/]", f"Ann {BIDI}Lee [bold red]", (0, 3),
                                  f"role {TITLE_SET}", "q-1")])


@pytest.fixture
def raw_library(tmp_path: Path) -> tuple[Path, str]:
    lib = tmp_path / "raw"
    b = raw_briefing()
    Library(lib).add(b)
    return lib, b.id


@pytest.mark.parametrize("args", [("list",), ("show", "{id}"), ("show", "{id}", "--md"), ("export", "{id}"),
                                  ("notes",)], ids=" ".join)
def test_a_library_written_by_another_program_is_shown_inertly(raw_library, args):
    lib, briefing_id = raw_library
    Library(lib).notes.add(briefing_id, None, NOTE)
    result = cli(*(a.format(id=briefing_id) for a in args), "--library", lib)
    assert result.returncode == 0, result.describe()
    result.assert_safe()


@pytest.mark.parametrize("args", [("notes", "--json"), ("show", "{id}", "--json"), ("list", "--json")],
                         ids=" ".join)
def test_json_never_carries_c1_controls(raw_library, args):
    lib, briefing_id = raw_library
    Library(lib).notes.add(briefing_id, None, NOTE)
    result = cli(*(a.format(id=briefing_id) for a in args), "--library", lib)
    assert result.returncode == 0, result.describe()
    result.assert_safe(bidi=False)


# -- the reader ---------------------------------------------------------------------------------------

def screen_text(app) -> str:
    """What the screen shows, as text: the SVG screenshot with its XML escapes undone."""
    svg = app.export_screenshot()
    assert "\x1b" not in svg and "&#27;" not in svg and "&#x1b;" not in svg.lower()
    return html.unescape(svg).replace("\xa0", " ")


async def settle(pilot) -> None:
    for _ in range(200):
        await pilot.pause(0.02)
        if getattr(pilot.app.screen, "complete", True) and not pilot.app.workers:
            return
    raise AssertionError("the reader never settled")


def assert_inert(text: str, *literal: str) -> None:
    found = unsafe(text.encode("utf-8", "surrogatepass"))
    assert not found, found[:10]
    for lit in literal:
        assert lit in text, (lit, text[:2000])


async def test_the_reader_shows_hostile_text_inertly(world: World):
    from tui.app import BriefingApp
    from tui.screens.briefing import BriefingScreen
    from tui.screens.notes import NotesScreen

    app = BriefingApp(Library(world.lib), restore=False)
    async with app.run_test(size=(160, 50)) as pilot:
        await settle(pilot)
        assert_inert(screen_text(app), "[bold red]off[/]", "[bold red]kills[/]")  # the library list
        await pilot.press("enter")
        await settle(pilot)
        assert isinstance(app.screen, BriefingScreen)
        if app.screen.briefing.id != world.file_id:
            await pilot.press("right_square_bracket")
            await settle(pilot)
        assert app.screen.briefing.id == world.file_id
        # Header, the five panes side by side, and the briefing's note under them.
        assert_inert(screen_text(app), "[bold red]kills[/]", "[@click=app.quit]x[/]", "John Smith",
                     "[bold red]loud[/]")
        await pilot.press("4")  # the quotes pane: its first quote carries a note
        await settle(pilot)
        assert_inert(screen_text(app), "[@click=app.quit]x[/]", "[bold red]loud[/]")
        await pilot.press("enter")  # its evidence in the source pane
        await settle(pilot)
        assert_inert(screen_text(app), "[link=http://127.0.0.1]plant[/link]")
        await pilot.press("N")
        await settle(pilot)
        assert isinstance(app.screen, NotesScreen)
        assert_inert(screen_text(app), "[bold red]loud[/]")
        assert app.is_running

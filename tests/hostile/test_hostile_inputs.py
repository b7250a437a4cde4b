"""Hostile inputs through every ingest path of the real CLI: file arguments, folders, stdin.

The corpus is generated here (no binary fixtures). Each input must either ingest sensibly
or fail with exactly one stderr line that names it and says why, never a traceback; the
other inputs of the same run still ingest, and the exit status is 1 iff something failed.
Every output is also checked for bytes a terminal would act on.

Run with ``pytest -s`` to see how many inputs were tried.
"""

from __future__ import annotations

import codecs
import os
import random
import re
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pytest
from hostile_helpers import Result, cli, env_for, run_all, safe_parts

from briefings.model import Article
from briefings.store import Library

TRIED: Counter[str] = Counter()  # "(input, path)" trials, by path; printed at the end of the module
INPUTS: set[str] = set()  # distinct hostile inputs


@pytest.fixture(scope="module", autouse=True)
def report_count():
    yield
    print(f"\n[hostile inputs] {len(INPUTS)} distinct hostile inputs, {sum(TRIED.values())} (input, path) "
          f"trials: " + ", ".join(f"{n} via {path}" for path, n in sorted(TRIED.items())))


def tried(name: str, path: str, n: int = 1) -> None:
    INPUTS.add(name)
    TRIED[path] += n


# -- the corpus --------------------------------------------------------------------------------

LEAD = "The river rose by two metres overnight, closing the Old Bridge, officials said."
BODY = ("Rescue crews worked through the night. \u201cWe have never seen water this high,\u201d "
        "said Chief Fire Officer Dana Whitlock.")
MAGIC = {"png": b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "jpeg": b"\xff\xd8\xff\xe0\x00\x10JFIF\x00",
         "gif": b"GIF89a\x01\x00\x01\x00", "pdf": b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n", "zip": b"PK\x03\x04\x14\x00",
         "gzip": b"\x1f\x8b\x08\x00", "elf": b"\x7fELF\x02\x01\x01\x00"}
BIG_LINE_BYTES = 3_900_000  # one line, just under the 4 MiB limit


def noise(seed: int, n: int, alphabet: bytes | None = None) -> bytes:
    rng = random.Random(seed)
    if alphabet is None:
        return bytes(rng.getrandbits(8) for _ in range(n))
    return bytes(rng.choice(alphabet) for _ in range(n))


def article(tag: str, kind: str) -> str:
    """A small, ordinary article that carries ``tag`` (so each copy is a briefing of its own)."""
    if kind == "html":
        # An HTML headline is the title only, and the id is the text's digest: the tag is in the text too.
        return (f"<html><body><article><h1>Bridge closed {tag}</h1><p>Report {tag}: {LEAD}</p><p>{BODY}</p>"
                "</article></body></html>")
    if kind == "md":
        return f"# Bridge closed {tag}\n\n{LEAD}\n\n{BODY}\n"
    return f"Bridge closed {tag}\n\n{LEAD}\n\n{BODY}\n"


def big_line(tag: str, kind: str) -> bytes:
    # One 3.9 MB sentence: no newline and no full stop until the very end.
    clause = "crews worked through the night as the river rose and the water reached the old bridge; "
    line = f"Flood {tag} update: " + clause * ((BIG_LINE_BYTES - 60) // len(clause)) + "and then it stopped."
    return (f"<p>{line}</p>" if kind == "html" else line).encode()


def deep_html(tag: str, kind: str) -> bytes:
    return (f"<html><body>{'<div>' * 20_000}<h1>Deep {tag}</h1><p>{LEAD}</p>{'</div>' * 20_000}"
            "</body></html>").encode()


def zalgo(tag: str, kind: str) -> bytes:
    # One letter under two million out-of-order combining marks: ~4 MB of UTF-8.
    return (f"Zalgo {tag}\n\nThe river rose" + "\u0316\u0301" * 1_000_000 + f" by two metres. {LEAD}\n").encode()


@dataclass(frozen=True)
class Hostile:
    """One hostile input: its bytes for a kind ("txt", "md", "html"), the kinds it is tried as,
    and the outcome: None = ingests, else a fragment of the one-line reason."""

    name: str
    make: Callable[[str, str], bytes]
    kinds: tuple[str, ...] = ("txt", "md", "html")
    expect: str | None = None
    want: tuple[str, ...] = ()  # text the stored article must contain when it ingests
    stdin: bool = True  # also piped to `briefing ingest -`

    def data(self, tag: str, kind: str) -> bytes:
        return self.make(tag, kind)


def _const(data: bytes) -> Callable[[str, str], bytes]:
    return lambda tag, kind: data


def _text(fn: Callable[[str, str], str], encoding: str = "utf-8") -> Callable[[str, str], bytes]:
    return lambda tag, kind: fn(tag, kind).encode(encoding)


CORPUS: list[Hostile] = [
    Hostile("empty", _const(b""), expect="empty"),
    Hostile("whitespace-only", _const(b" \n\t\r\n\x0b\x0c   \r\n\n"), expect="empty"),
    Hostile("utf8-bom-only", _const(codecs.BOM_UTF8), expect="empty"),
    Hostile("invisible-only", _const("\u00a0\u3000\u200b\u2060\u200d\n\u2800\u3164\n".encode()), expect="empty"),
    *[Hostile(f"binary-{name}", _const(magic + noise(seed, 4096)), expect="binary")
      for seed, (name, magic) in enumerate(MAGIC.items())],
    Hostile("random-bytes", _const(b"\x00" + noise(99, 16_384)), expect="binary"),
    Hostile("random-bytes-no-nul", _const(b"\x01" + noise(7, 16_384, bytes(range(1, 256)))), expect="binary"),
    Hostile("nul-bytes", lambda tag, kind: article(tag, kind).replace("night.", "night.\x00\x00").encode(),
            expect="binary"),
    Hostile("utf16-no-bom", _text(article, "utf-16-le"), expect="binary"),
    Hostile("invalid-utf8", lambda tag, kind: article(tag, kind).encode().replace(
        b"Rescue", b"Res\xc3cue \xff\xfe\x80 \xed\xa0\x80 \xc0\xaf \xf8\x88\x80\x80\x80"), want=("two metres",)),
    Hostile("utf16-le-bom", lambda tag, kind: codecs.BOM_UTF16_LE + article(tag, kind).encode("utf-16-le"),
            want=("two metres", "\u201cWe have")),
    Hostile("utf16-be-bom", lambda tag, kind: codecs.BOM_UTF16_BE + article(tag, kind).encode("utf-16-be"),
            want=("two metres", "\u201cWe have")),
    Hostile("utf16-damaged", lambda tag, kind: codecs.BOM_UTF16_LE + article(tag, kind).encode("utf-16-le")
            + "\ud800".encode("utf-16-le", "surrogatepass") + b"\x41", want=("two metres",)),
    Hostile("utf32-le-bom", lambda tag, kind: codecs.BOM_UTF32_LE + article(tag, kind).encode("utf-32-le"),
            want=("two metres",)),
    Hostile("windows-1252", lambda tag, kind: article(tag, kind).replace(
        "Rescue crews", "Caf\u00e9 owner Jos\u00e9 Ruiz \u2014 \u20ac5 \u2018a\u2019 \u2026 Rescue crews").encode("cp1252"),
        want=("Jos\u00e9 Ruiz \u2014 \u20ac5", "\u201cWe have")),
    Hostile("windows-1252-holes", lambda tag, kind: article(tag, kind).encode("cp1252").replace(
        b"Rescue", b"Res\x81\x8d\x8f\x90\x9dcue"), want=("Rescue crews",)),
    Hostile("control-soup", lambda tag, kind: article(tag, kind).replace(
        "Rescue", "\x01R\x02e\x03s\x04c\x05u\x06e\x7f\x1b[2J\x1b]0;x\x07\x08\x0e\x0f\u0085\u009b\u009c\u202e").encode(),
        want=("Rescue crews",)),
    Hostile("cr-line-ends", lambda tag, kind: article(tag, kind).replace("\n", "\r").encode(),
            want=(LEAD,)),
    Hostile("huge-20mb", lambda tag, kind: (LEAD.encode() + b"\n") * (20 * 2**20 // (len(LEAD) + 1) + 1),
            expect="too large"),
    Hostile("line-5mb", lambda tag, kind: (LEAD.encode() + b" ") * (5 * 2**20 // len(LEAD)), expect="too large"),
    Hostile("line-4mb", big_line, want=("crews worked through the night", "bridge; and then it stopped.")),
    Hostile("zalgo-4mb", zalgo, kinds=("txt",), want=("by two metres",)),
    Hostile("html-nested-20000", deep_html, kinds=("html",), want=(LEAD,)),
    Hostile("html-unclosed-nesting", lambda tag, kind: (f"<p>{tag} {LEAD}" + "<div><span><b><i>" * 5000
                                                         + "<p>More text.").encode(), kinds=("html",), want=(LEAD,)),
    Hostile("html-all-script", _const(b"<html><head><script>" + b"var a = '<p>not text</p>';" * 2000
                                      + b"</script><style>p { color: red }</style></head><body><script>alert(1)"
                                      b"</script><noscript></noscript></body></html>"),
            kinds=("html",), expect="no article text"),
    Hostile("html-unclosed-script", _const(b"<html><body><script>" + b"document.write('<p>x</p>');" * 20_000),
            kinds=("html",), expect="no article text"),
    Hostile("html-broken-tags", lambda tag, kind: f"<p>{tag} {LEAD}</p>".encode() + b"<a" * 200_000,
            kinds=("html",), want=(LEAD,)),
    Hostile("html-unterminated-comment", lambda tag, kind: f"<p>{tag} {LEAD}</p><!--".encode() + b"x" * 1_000_000,
            kinds=("html",), want=(LEAD,)),
    Hostile("md-blockquotes-10000", lambda tag, kind: f"# Quotes {tag}\n\n{'> ' * 10_000}{LEAD}\n".encode(),
            kinds=("md",), want=(LEAD,)),
    Hostile("md-lists-10000", lambda tag, kind: f"# Lists {tag}\n\n{'- ' * 10_000}{LEAD}\n".encode(),
            kinds=("md",), want=(LEAD,)),
    Hostile("md-mixed-nesting", lambda tag, kind: f"# Mixed {tag}\n\n{'> 1. - ' * 3_400}{LEAD}\n".encode(),
            kinds=("md",), want=(LEAD,)),
    Hostile("md-brackets", lambda tag, kind: f"# Brackets {tag}\n\n{LEAD}\n\n".encode() + b"[" * 30_000
            + b"x" + b"](" * 10_000, kinds=("md",), want=(LEAD,)),
    Hostile("md-emphasis", lambda tag, kind: f"# Stars {tag}\n\n{LEAD}\n\n".encode() + b"*_" * 20_000 + b"x",
            kinds=("md",), want=(LEAD,)),
]
KIND_SUFFIX = {"txt": ".txt", "md": ".md", "html": ".html"}


@dataclass(frozen=True)
class Variant:
    """One corpus entry written as one kind of file."""

    entry: Hostile
    kind: str

    @property
    def tag(self) -> str:
        return "k" + re.sub(r"[^a-z0-9]", "", f"{self.entry.name}{self.kind}")

    @property
    def filename(self) -> str:
        return f"{self.entry.name}{KIND_SUFFIX[self.kind]}"


VARIANTS = [Variant(e, k) for e in CORPUS for k in e.kinds]


def stdin_kind(entry: Hostile) -> str:
    """What stdin is sniffed as: the entry's HTML or Markdown form when that is all it has."""
    return entry.kinds[0] if len(entry.kinds) == 1 else "txt"


# -- the runs, all at once (each in a library of its own) -------------------------------------------

@dataclass
class Runs:
    base: Path
    folder: Path
    files: Result  # every variant as a file argument, plus a good control file
    folder_run: Result  # the corpus folder
    stdin: dict[str, Result]
    good_only: Result  # a few ingestible variants alone: exit 0

    def library(self, name: str) -> Library:
        return Library(self.base / name)


# The 4 MB variants cost most of this module's time; the file-argument run and stdin cover them,
# and the folder run (which walks the same code per file) takes the rest.
BIG = {"line-4mb", "zalgo-4mb"}


def variant_path(base: Path, v: Variant) -> Path:
    return base / ("corpus-big" if v.entry.name in BIG else "corpus") / v.filename


@pytest.fixture(scope="module")
def runs(tmp_path_factory: pytest.TempPathFactory) -> Runs:
    base = tmp_path_factory.mktemp("hostile")
    env = env_for(base / "home")
    folder = base / "corpus"
    folder.mkdir()
    (base / "corpus-big").mkdir()
    for v in VARIANTS:
        (variant_path(base, v)).write_bytes(v.entry.data(v.tag, v.kind))
    control = base / "control.txt"
    control.write_text(article("kcontrol", "txt"))
    good = [str(control), *(str(folder / v.filename) for v in VARIANTS
                            if v.entry.name in ("utf16-le-bom", "windows-1252", "html-nested-20000", "md-lists-10000"))]
    jobs = [(("ingest", "--library", str(base / "lib-files"), *[str(variant_path(base, v)) for v in VARIANTS],
              str(control)), {"env": env}),
            (("ingest", "--library", str(base / "lib-folder"), str(folder)), {"env": env}),
            (("ingest", "--library", str(base / "lib-good"), *good), {"env": env})]
    stdin_entries = [e for e in CORPUS if e.stdin]
    for e in stdin_entries:
        kind = stdin_kind(e)
        jobs.append((("ingest", "--library", str(base / f"lib-stdin-{e.name}"), "-"),
                     {"env": env, "stdin": e.data(f"kstdin{re.sub('[^a-z0-9]', '', e.name)}", kind)}))
    results = run_all(jobs)
    return Runs(base, folder, results[0], results[1], dict(zip((e.name for e in stdin_entries), results[3:])),
                results[2])


_STORED: dict[Path, list[Article]] = {}


def stored(library: Library) -> list[Article]:
    """Every article in ``library`` (read once: some are 4 MB)."""
    if library.root not in _STORED:
        _STORED[library.root] = [library.get(e.id).article for e in library.entries()]
    return _STORED[library.root]


def check_ingested(library: Library, tag: str, entry: Hostile, source_end: str) -> None:
    """The variant carrying ``tag`` was stored once, sensibly: visible title, clean text, its source."""
    # Tags are in the headline: the lead of the text, or (an HTML page's headline) the title only.
    found = [a for a in stored(library) if re.search(rf"\b{tag}\b", a.title + "\n" + a.text[:300])]
    assert len(found) == 1, (entry.name, tag, [a.title for a in stored(library)])
    art = found[0]
    assert art.title.strip(), entry.name
    assert not re.search("[\x00-\x09\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069\ud800-\udfff]", art.title + art.text), \
        entry.name
    assert art.source.endswith(source_end), (entry.name, art.source)
    for want in entry.want:
        assert want in art.text, (entry.name, want, art.text[:300])


def check_one_failure_line(result: Result, name: str, reason: str) -> None:
    """Exactly one stderr line names the input, and it gives the reason."""
    naming = [line for line in result.err_lines if name in line]
    assert len(naming) == 1, (name, result.describe())
    assert naming[0].startswith("briefing: failed: ") and reason in naming[0], (name, reason, naming[0])


def test_every_variant_as_a_file_argument(runs: Runs):
    result = runs.files
    result.assert_safe()
    library = runs.library("lib-files")
    failing = [v for v in VARIANTS if v.entry.expect]
    for v in VARIANTS:
        tried(v.entry.name, "file argument")
        if v.entry.expect:
            check_one_failure_line(result, str(variant_path(runs.base, v)), v.entry.expect)
        else:
            check_ingested(library, v.tag, v.entry, v.filename)
    check_ingested(library, "kcontrol", Hostile("control", _const(b"")), "control.txt")
    assert len(result.failure_lines()) == len(failing), result.describe()
    assert result.returncode == 1, result.describe()
    assert f"{len(VARIANTS) - len(failing) + 1} ingested" in result.stderr, result.describe()
    assert f"{len(failing)} failed" in result.stderr, result.describe()


def test_every_variant_inside_a_folder(runs: Runs):
    result = runs.folder_run
    result.assert_safe()
    library = runs.library("lib-folder")
    variants = [v for v in VARIANTS if v.entry.name not in BIG]
    failing = [v for v in variants if v.entry.expect]
    for v in variants:
        tried(v.entry.name, "folder")
        if v.entry.expect:
            check_one_failure_line(result, os.path.join(str(runs.folder), v.filename), v.entry.expect)
        else:
            check_ingested(library, v.tag, v.entry, v.filename)
    assert len(result.failure_lines()) == len(failing), result.describe()
    assert result.returncode == 1, result.describe()


@pytest.mark.parametrize("entry", [e for e in CORPUS if e.stdin], ids=lambda e: e.name)
def test_every_input_on_stdin(runs: Runs, entry: Hostile):
    result = runs.stdin[entry.name]
    tried(entry.name, "stdin")
    result.assert_safe()
    if entry.expect:
        assert result.returncode == 1, result.describe()
        check_one_failure_line(result, "failed: -:", entry.expect)
        assert "0 ingested" in result.stderr
    else:
        assert result.returncode == 0, result.describe()
        assert not result.failure_lines(), result.describe()
        check_ingested(runs.library(f"lib-stdin-{entry.name}"), f"kstdin{re.sub('[^a-z0-9]', '', entry.name)}",
                       entry, "-")


def test_a_run_of_only_good_inputs_exits_0(runs: Runs):
    result = runs.good_only
    result.assert_safe()
    assert result.returncode == 0, result.describe()
    assert not result.failure_lines() and "failed" not in result.stderr, result.describe()


def test_a_single_4mb_line_ingests(runs: Runs):
    """A 4 MB one-line article ingests. (No wall-clock bound here: a busy machine must not fail
    the suite. Growth is bounded by work counts in tests/ingest and by ratio in bench/.)"""
    big = runs.stdin["line-4mb"]
    assert big.returncode == 0, big.describe()


def test_zalgo_text_is_cut_to_a_sane_stack(runs: Runs):
    """Two million combining marks on one letter: ingested in seconds, the stack cut short."""
    library = runs.library("lib-stdin-zalgo-4mb")
    (entry,) = library.entries()
    text = library.get(entry.id).article.text
    assert len(text) < 1000 and "by two metres" in text


# -- files that change under the reader ----------------------------------------------------------

GOOD_A = article("kgooda", "txt")
GOOD_B = article("kgoodb", "md")


@pytest.mark.parametrize("mode,reason", [
    ("vanish", "no such file"),            # deleted between discovery and reading
    ("vanish-at-open", "no such file"),    # deleted after it was stat()ed, before open()
    ("becomes-folder", "is a directory"),  # replaced by a folder
    ("emptied", "empty"),                  # truncated to nothing
    ("unreadable", "permission denied"),   # read permission gone (simulated: root ignores chmod)
    ("read-fails", "input/output error"),  # the read itself fails half-way
])
@pytest.mark.parametrize("path", ["file argument", "folder"])
def test_a_file_that_changes_mid_ingest(tmp_path: Path, mode: str, reason: str, path: str):
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "a good one.txt").write_text(GOOD_A)
    victim = folder / "b victim.txt"
    victim.write_text(article("kvictim", "txt"))
    (folder / "c good two.md").write_text(GOOD_B)
    lib = tmp_path / "lib"
    args = [str(folder)] if path == "folder" else [str(p) for p in sorted(folder.iterdir())]
    result = cli("ingest", "--library", str(lib), *args, patch=(mode, victim))
    tried(f"changes mid-ingest: {mode}", path)
    result.assert_safe()
    assert result.returncode == 1, result.describe()
    check_one_failure_line(result, "b victim.txt", reason)
    assert len(result.failure_lines()) == 1, result.describe()
    titles = sorted(e.title for e in Library(lib).entries())
    assert titles == ["Bridge closed kgooda", "Bridge closed kgoodb"], result.describe()


@pytest.mark.skipif(not hasattr(os, "geteuid") or os.geteuid() == 0, reason="root reads files whatever their mode")
def test_an_unreadable_file_for_real(tmp_path: Path):
    good, bad = tmp_path / "good.txt", tmp_path / "locked.txt"
    good.write_text(GOOD_A)
    bad.write_text(GOOD_B)
    bad.chmod(0)
    try:
        result = cli("ingest", "--library", str(tmp_path / "lib"), str(bad), str(good))
    finally:
        bad.chmod(0o644)
    tried("unreadable (chmod 0)", "file argument")
    result.assert_safe()
    assert result.returncode == 1
    check_one_failure_line(result, "locked.txt", "permission denied")


# -- folders with loops, odd entries and odd names ------------------------------------------------------

def test_symlink_loops_and_odd_entries_in_folders(tmp_path: Path):
    root = tmp_path / "tree"
    (root / "a").mkdir(parents=True)
    (root / "b").mkdir()
    (root / "top.txt").write_text(article("ktop", "txt"))
    (root / "a" / "one.md").write_text(article("kone", "md"))
    (root / "b" / "two.html").write_text(article("ktwo", "html"))
    (root / "a" / "self").symlink_to(".")                       # a folder that contains itself
    (root / "a" / "to-b").symlink_to("../b")                    # a -> b -> a
    (root / "b" / "to-a").symlink_to("../a")
    (root / "b" / "up").symlink_to("..")                        # back to the top
    (root / "ring1.txt").symlink_to("ring2.txt")                # a file loop
    (root / "ring2.txt").symlink_to("ring1.txt")
    (root / "dangling.md").symlink_to("nowhere.md")
    (root / "same-as-top.txt").symlink_to("top.txt")            # the same file twice: ingested once
    os.mkfifo(root / "pipe.txt")                                # reading it would block forever
    (root / "folder.txt").mkdir()                               # a folder named like a file
    (root / "folder.txt" / "inner.txt").write_text(article("kinner", "txt"))
    (root / ".hidden.txt").write_text(article("khidden", "txt"))
    (root / "photo.jpg").write_bytes(MAGIC["jpeg"])             # not a supported suffix: not read
    lib = tmp_path / "lib"
    result = cli("ingest", "--library", str(lib), str(root), timeout=60)
    for name in ("folder loops", "file symlink loop", "dangling symlink", "duplicate symlink", "fifo in folder",
                 "folder named .txt", "hidden file", "unsupported suffix"):
        tried(name, "folder")
    result.assert_safe()
    assert result.returncode == 1, result.describe()
    check_one_failure_line(result, "ring1.txt", "symbolic link loop")
    check_one_failure_line(result, "ring2.txt", "symbolic link loop")
    check_one_failure_line(result, "dangling.md", "no such file")
    assert len(result.failure_lines()) == 3, result.describe()
    library = Library(lib)
    texts = [library.get(e.id).article.text for e in library.entries()]
    for tag in ("ktop", "kone", "ktwo", "kinner"):
        assert sum(tag in t for t in texts) == 1, (tag, result.describe())
    assert len(texts) == 4  # not the hidden file, not the picture, nothing twice

    # The loops given directly, and the special files a shell glob might hand over.
    solo = tmp_path / "solo"
    solo.mkdir()
    (solo / "inner.txt").write_text(article("ksolo", "txt"))
    (solo / "again").symlink_to(".")
    result = cli("ingest", "--library", str(tmp_path / "lib2"), str(root / "ring1.txt"), str(solo / "again"),
                 "/dev/null", "/dev/zero", timeout=60)
    for name in ("file symlink loop", "/dev/null", "/dev/zero"):
        tried(name, "file argument")
    tried("folder loops", "folder argument")
    result.assert_safe()
    assert result.returncode == 1, result.describe()
    check_one_failure_line(result, "ring1.txt", "symbolic link loop")
    # Devices are refused unread (only regular files are articles): no read of /dev/zero at all.
    check_one_failure_line(result, "/dev/null", "is a device, not a regular file")
    check_one_failure_line(result, "/dev/zero", "is a device, not a regular file")
    assert "1 ingested" in result.stderr, result.describe()  # inner.txt, once, through the looping link


NAMES = [
    "with  spaces.txt",
    "new\nline.txt",
    "tab\tand\rcarriage return.md",
    "caf\u00e9 \u6771\u4eac \u0645\u0631\u062d\u0628\u0627 \U0001f525.txt",
    "esc\x1b[31mred\x1b]0;owned\x07 \x1b]8;;http:127.0.0.1\x1b\\link.txt",  # (no "/": it would be a folder)
    "csi\u009b31m and bell\x07.html",
    "bidi \u202egnp.exe\u202c.txt",
    "-looks-like-an-option.txt",
    "x" * 200 + ".txt",
    os.fsdecode(b"not utf-8 \xff\xfe\xc3.txt"),
]


@pytest.mark.parametrize("path", ["file argument", "folder"])
def test_odd_file_names(tmp_path: Path, path: str):
    good_dir, bad_dir = tmp_path / "good", tmp_path / "bad"
    good_dir.mkdir()
    bad_dir.mkdir()
    for n, name in enumerate(NAMES):
        kind = "html" if name.endswith(".html") else "md" if name.endswith(".md") else "txt"
        (good_dir / name).write_text(article(f"kname{n}", kind))
        (bad_dir / name).write_bytes(b"")
    lib = tmp_path / "lib"
    if path == "folder":
        args = [str(good_dir), str(bad_dir)]
    else:
        args = [str(d / name) for d in (good_dir, bad_dir) for name in NAMES]
    result = cli("ingest", "--library", str(lib), *args)
    for name in NAMES:
        tried(f"file name {name!r}", path, 2)
    result.assert_safe()
    assert result.returncode == 1, result.describe()
    assert len(result.failure_lines()) == len(NAMES), result.describe()
    for name in NAMES:
        lines = [line for line in result.failure_lines() if all(p in line for p in safe_parts(name))]
        assert len(lines) == 1, (name, safe_parts(name), result.describe())
        assert "empty" in lines[0]
    library = Library(lib)
    sources = {library.get(e.id).article.title: e.source for e in library.entries()}  # the headline, in any format
    assert len(sources) == len(NAMES)
    for n, name in enumerate(NAMES):
        source = sources[f"Bridge closed kname{n}"]
        assert all(p in source for p in safe_parts(name)), (name, source)
        assert not re.search("[\x00-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069\ud800-\udfff]", source), source

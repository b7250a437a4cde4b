"""Issue 11, bugs 1-10: each as the analyst met it, driven with Pilot (the tmux ones are in test_terminal)."""

from __future__ import annotations

import re
import subprocess
import sys

from conftest import build, sample_paths
from test_reader_keys import app_for, open_first, settle

from tui import state
from tui.app import BriefingApp
from tui.screens.briefing import PANES, BriefingScreen
from tui.screens.help import HelpScreen
from tui.screens.library import LibraryScreen
from tui.widgets.briefing_list import count
from tui.widgets.items import ItemPane, figure_label
from tui.widgets.source import SourcePane


def screen_lines(app) -> list[str]:
    return ["".join(seg.text for seg in strip) for strip in app.screen._compositor.render_strips()]


def region_text(app, widget) -> str:
    """What ``widget`` shows on screen right now (its region cut out of the whole frame)."""
    r = widget.region
    return "\n".join(line[r.x:r.right] for line in screen_lines(app)[r.y:r.bottom])


async def test_1_a_reused_briefing_screen_shows_one_pane_only(library):
    app = app_for(library)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_first(pilot)
        await pilot.press("4", "escape", "j", "enter")
        await pilot.pause()
        assert screen.pane == "summary"
        shown = [name for name in PANES if screen.query_one(f"#{name}").region.area > 0]
        assert shown == ["summary"]
        await pilot.press("5", "escape", "j", "enter", "3")
        await pilot.pause()
        assert [name for name in PANES if screen.query_one(f"#{name}").region.area > 0] == ["casualties"]


async def test_2_palette_in_a_briefing_jumps_to_a_pane_and_exports(library, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    app = app_for(library)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_first(pilot, "ferry")
        await pilot.press("ctrl+p", *"Pane: Quotes")
        await pilot.pause(0.4)
        await pilot.press("enter")
        await pilot.pause()
        assert app.screen is screen and screen.pane == "quotes"
        await pilot.press("ctrl+p", *"Export this briefing as JSON")
        await pilot.pause(0.4)
        await pilot.press("enter")
        await pilot.pause()
        (written,) = tmp_path.glob("briefing-*.json")
        assert screen.briefing.id in written.read_text(encoding="utf-8")


async def test_3_source_pane_keys_scroll_jump_and_go_back(library):
    app = app_for(library)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_first(pilot, "callow")
        await pilot.press("5")
        area = screen.query_one(SourcePane).text_area
        assert area.max_scroll_y > 5
        await pilot.press("j", "j", "j")
        assert area.scroll_offset.y == 3  # one line per press, from the first press
        await pilot.press("k")
        assert area.scroll_offset.y == 2
        await pilot.press("G")
        assert area.scroll_offset.y == area.max_scroll_y
        await pilot.press("g")
        assert area.scroll_offset.y == 0
        await pilot.press("end")
        assert area.scroll_offset.y == area.max_scroll_y
        await pilot.press("home", "backspace")
        assert isinstance(app.screen, LibraryScreen)


async def test_4_evidence_names_the_paragraph_not_a_reflowed_line(library):
    app = app_for(library)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_first(pilot, "ferry")
        await pilot.press("4", "j", "j", "enter")
        quote = screen.query_one("#quotes", ItemPane).current
        paragraphs = screen.briefing.article.text.split("\n\n")
        expected = next(n for n, p in enumerate(paragraphs, 1) if quote.text[:25] in p)
        caption = str(screen.query_one("#evidence-caption").render())
        assert f"(paragraph {expected})" in caption
        assert "line" not in caption


async def test_5_resize_keeps_the_selected_quote_whole(library):
    app = app_for(library)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_first(pilot, "dalmir")
        await pilot.press("4", *"jjjjj")
        quote = screen.query_one("#quotes", ItemPane).current
        await pilot.resize_terminal(120, 30)
        await pilot.pause(0.3)
        shown = " ".join(region_text(app, screen.query_one("#quotes")).split())
        assert "\u25b8" in shown
        assert quote.speaker.split()[0] in shown.split("\u25b8", 1)[1]  # the speaker line under the mark


async def test_8_selected_item_and_note_row_are_marked_in_text(library):
    app = app_for(library)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_first(pilot, "ferry")
        await pilot.press("4", "j")
        pane = screen.query_one("#quotes", ItemPane)
        marked = [n for n in range(len(pane.items)) if str(pane.get_option_at_index(n).prompt).startswith("\u25b8")]
        assert marked == [1]
        library.notes.add(screen.briefing.id, None, "first note", kind="briefing")
        library.notes.add(screen.briefing.id, None, "second note", kind="briefing")
        await pilot.press("N")
        await pilot.pause(0.2)
        await pilot.press("j")
        await pilot.pause()
        rows = [line for line in screen_lines(app) if "note" in line and "\u2502" not in line]
        marked_rows = [line for line in screen_lines(app) if "\u25b8" in line and "note" in line]
        assert len(marked_rows) == 1 and "first note" in marked_rows[0], rows  # newest first: j moved to the 2nd


def test_9_counts_and_figure_values_keep_their_units():
    assert [count(n) for n in (7, 9999, 10000, 123456, 5_000_000)] == ["7", "9999", "10k", "123k", "5M+"]
    assert all(len(count(n)) <= 4 for n in (10**k for k in range(12)))

    class F:
        def __init__(self, value, text):
            self.value, self.text = value, text

    assert figure_label(F(1_200_000_000, "£1.2bn contract")) == "£1.2 billion"
    assert figure_label(F(3_500_000, "a $3.5 million fund")) == "$3.5 million"
    assert figure_label(F(4.5, "4.5 per cent next year")) == "4.50%"
    assert figure_label(F(1100, "about 1,100 metres")) == "1,100"


async def test_9_figures_pane_shows_the_whole_value(library):
    app = app_for(library)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_first(pilot, "budget")
        await pilot.press("2", "G")
        await pilot.pause()
        shown = region_text(app, screen.query_one("#figures"))
        assert "£1.2 billion" in shown


async def test_9_help_scrolls_with_j_k_g_G(library):
    app = app_for(library)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("question_mark")
        box = app.screen.query_one("#help")
        assert isinstance(app.screen, HelpScreen) and box.max_scroll_y > 2
        await pilot.press("j", "j")
        assert box.scroll_offset.y == 2
        await pilot.press("k")
        assert box.scroll_offset.y == 1
        await pilot.press("G")
        assert box.scroll_offset.y == box.max_scroll_y
        await pilot.press("g")
        assert box.scroll_offset.y == 0


async def test_9_theme_from_the_palette_is_kept_for_the_next_start(library):
    app = BriefingApp(library, restore=True)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("ctrl+p", *"Theme: light")
        await pilot.pause(0.4)
        await pilot.press("enter")
        await pilot.pause()
        assert app.theme == "textual-light"
    assert state.load_theme() == "textual-light"
    again = BriefingApp(library, restore=True)
    assert again.theme == "textual-light"


def test_9_reader_without_a_terminal_says_so_and_exits_2(tmp_path):
    build(tmp_path / "lib", sample_paths()[:1])
    out = tmp_path / "out.txt"
    with open(out, "wb") as f:
        proc = subprocess.run([sys.executable, "-m", "briefings.cli", "--library", str(tmp_path / "lib")],
                              stdin=subprocess.DEVNULL, stdout=f, stderr=subprocess.PIPE, timeout=60)
    assert proc.returncode == 2
    assert out.read_bytes() == b""  # no escape sequences written into the file
    assert proc.stderr.decode().count("\n") == 1 and "needs a terminal" in proc.stderr.decode()


async def test_10_footer_fits_80_columns_and_evidence_is_offered_on_items(library):
    app = app_for(library)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_first(pilot)
        for key in ("4", "1", "2", "3"):
            await pilot.press(key)
            await pilot.pause()
            footer = screen_lines(app)[-1]
            assert "q Quit" in footer and "Evidence" in footer, footer
        await pilot.press("5")
        await pilot.pause()
        footer = screen_lines(app)[-1]
        assert "Evidence" not in footer and "q Quit" in footer, footer


async def test_10_saving_a_note_shows_no_toast_over_the_note(library):
    app = app_for(library)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_first(pilot, "ferry")
        await pilot.press("4", "n", *"check the operator", "ctrl+s")
        await pilot.pause()
        assert not [n for n in app._notifications if "saved" in n.message.lower()]
        view = screen.query_one("#notes-view")
        assert "saved" in str(view.border_title)
        assert "check the operator" in region_text(app, view)


def test_summary_of_this_module_covers_every_bug():
    names = [n for n in globals() if n.startswith("test_")]
    assert {int(m.group(1)) for n in names if (m := re.match(r"test_(\d+)_", n))} >= {1, 2, 3, 4, 5, 8, 9, 10}

"""Junk is not an article (issue 11): code, placeholder text, tables, logs and "Hello world."
are refused at ingest with a one-line reason; short real news is not. All text is our own."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from briefings.cli import main
from briefings.ingest import IngestError, load, load_text
from briefings.store import Library

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "cli"))
from cli_helpers import run  # noqa: E402

PYTHON = '''#!/usr/bin/env python3
"""Tally the ferry timetable for the harbour office."""
import csv
import sys


def load(path):
    # Read every row of the timetable and keep the departures.
    with open(path) as handle:
        rows = list(csv.DictReader(handle))
    return [r for r in rows if r["kind"] == "departure"]


if __name__ == "__main__":
    departures = load(sys.argv[1])
    print(len(departures), "departures")
'''
JAVASCRIPT = '''// Count the ferries that left the quay before noon.
const quay = require("./quay");

function earlyFerries(list) {
  let count = 0;
  for (const ferry of list) {
    if (ferry.hour < 12) {
      count += 1;
    }
  }
  return count;
}

module.exports = { earlyFerries };
'''
C = '''#include <stdio.h>

/* Print the number of berths that are free at the quay today. */
int main(void) {
    int berths = 12;
    int taken = 7;
    printf("%d berths free\\n", berths - taken);
    return 0;
}
'''
LOREM = ("Lorem ipsum dolor sit amet, consectetur adipiscing elit, sed do eiusmod tempor incididunt ut labore et "
         "dolore magna aliqua. Ut enim ad minim veniam, quis nostrud exercitation ullamco laboris.\n\n"
         "Duis aute irure dolor in reprehenderit in voluptate velit esse cillum dolore eu fugiat nulla pariatur.\n")
CSV = ("date,port,ferries,passengers,delayed\n2026-03-01,Kestrel,14,2310,2\n2026-03-02,Kestrel,12,1984,0\n"
       "2026-03-03,Orvel,9,1202,1\n2026-03-04,Orvel,11,1460,3\n")
LOG = ("2026-03-01 08:14:02 INFO quay-service started on port 8080\n"
       "2026-03-01 08:14:05 WARN berth 4 sensor did not answer, retrying in 5 seconds\n"
       "2026-03-01 08:15:11 ERROR connection to the harbour database was closed by the peer.\n"
       "2026-03-01 08:15:12 INFO reconnected after 1 attempt\n")
JSON = '{\n  "port": "Kestrel",\n  "ferries": 14,\n  "note": "Two sailings were cancelled because of the wind."\n}\n'

CODE, DATA = "not an article: looks like source code", "not an article: looks like a data table or log"


@pytest.mark.parametrize("name, text, reason", [
    ("tally.txt", PYTHON, CODE),
    ("quay.txt", JAVASCRIPT, CODE),
    ("berths.txt", C, CODE),
    ("filler.txt", LOREM, "not an article: placeholder text (lorem ipsum)"),
    ("sailings.txt", CSV, DATA),
    ("quay-service.txt", LOG, DATA),
    ("sailings-json.txt", JSON, DATA),
    ("hello.txt", "Hello world.\n", "not an article: no sentences of prose"),
    ("tags.txt", "Ferries\n\nKestrel Port\n\nHarbour News Today\n", "not an article: no sentences of prose"),
    ("blank.txt", "\u200b \n\t\u2060\n", "empty file: no article text"),
])
def test_junk_is_refused_with_the_reason(tmp_path, name, text, reason):
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    with pytest.raises(IngestError) as info:
        load(str(path))
    assert str(info.value) == f"{path}: {reason}"


@pytest.mark.parametrize("text", [
    "Police said a man, 41, was hurt on Main Street on Friday.",
    "Ferry strike\n\nThe quay reopened.",
    "KESTREL PORT FERRY SAILS AGAIN AFTER THREE DAYS OF STORMS, HARBOUR OFFICIALS SAID.",
    "It costs about 8 or $9.",
    "Die Fähre nach Orvel fährt seit Montag wieder, teilte der Hafen mit.",
    "オルヴェル港のフェリーは月曜日に運航を再開したと港湾局が発表した。",
    # A results table under a paragraph of prose is still a sports report.
    "Kestrel Rovers won the Orvel Cup on Saturday, beating the holders in the final.\n\n"
    "Team | Played | Won\nKestrel | 5 | 4\nOrvel | 5 | 3\nMarrow | 5 | 1\n",
    # A news story about software may quote a line of code.
    "The harbour office said its new timetable app had a bug that hid late ferries from passengers.\n\n"
    "The fix changed one line, if hour > 12: show(ferry), according to the office.\n\n"
    "x = load(path)\n\nThe app is used by about 3,000 people a day, officials said.",
])
def test_short_and_unusual_real_news_is_accepted(text):
    assert load_text(text).text


def test_a_folder_with_one_junk_file_ingests_the_rest_and_exits_1(tmp_path, capsys):
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "a-ferry.txt").write_text("Ferry sails again\n\nThe ferry to Orvel sailed on Monday, officials said.\n")
    (folder / "b-script.txt").write_text(PYTHON)
    (folder / "c-quay.txt").write_text("Quay reopens\n\nPolice said a man, 41, was hurt on the quay on Friday.\n")
    assert main(["ingest", "--library", str(tmp_path / "lib"), str(folder)]) == 1
    err = capsys.readouterr().err
    assert f"briefing: failed: {folder / 'b-script.txt'}: {CODE}\n" in err
    assert "2 ingested (2 new, 0 updated), 1 failed" in err
    assert sorted(e.title for e in Library(tmp_path / "lib").entries()) == ["Ferry sails again", "Quay reopens"]


def test_extract_on_junk_is_one_line_and_exit_1(tmp_path, capsys):
    path = tmp_path / "filler.txt"
    path.write_text(LOREM)
    assert main(["extract", str(path)]) == 1
    out, err = capsys.readouterr()
    assert (out, err) == ("", f"briefing: error: {path}: not an article: placeholder text (lorem ipsum)\n")


def test_junk_on_stdin_is_refused(tmp_path):
    proc = run("ingest", "-", "--library", str(tmp_path / "lib"), stdin=C.encode())
    assert proc.returncode == 1
    assert proc.stderr.splitlines()[0] == f"briefing: failed: -: {CODE}"


def test_the_check_lists_refusals_and_counts(tmp_path, capsys):
    """The measuring tool (python -m briefings.ingest.junkcheck) names each refusal and the total."""
    from briefings.ingest.junkcheck import check

    (tmp_path / "news.txt").write_text("Quay reopens\n\nThe quay at Kestrel reopened on Monday.\n")
    (tmp_path / "tally.txt").write_text(PYTHON)
    assert check([str(tmp_path)]) == 1
    assert capsys.readouterr().out == f"{tmp_path / 'tally.txt'}: {CODE}\n1 of 2 articles refused as not an article\n"


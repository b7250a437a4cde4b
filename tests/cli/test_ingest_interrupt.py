"""A stop in the middle of a batch (Ctrl-C, an extractor bug) keeps every briefing already extracted."""

from __future__ import annotations

from pathlib import Path

import pytest

from briefings import commands_ingest as commands
from briefings.cli import main
from briefings.store import Library


def _articles(tmp_path: Path, n: int) -> list[str]:
    paths = []
    for i in range(n):
        p = tmp_path / f"quay-{i}.txt"
        p.write_text(f"Quay {i} reopens\n\nThe quay at Kestrel Port {i} reopened on Monday, harbour officials said.\n")
        paths.append(str(p))
    return paths


@pytest.mark.parametrize("stop", [KeyboardInterrupt, RuntimeError])
def test_a_stop_keeps_what_was_extracted(tmp_path, monkeypatch, capsys, stop):
    paths = _articles(tmp_path, 5)
    real = commands.extract

    def extract(article):
        if "Port 3" in article.text:
            raise stop("the fourth file")
        return real(article)

    monkeypatch.setattr(commands, "extract", extract)
    code = main(["ingest", "--library", str(tmp_path / "lib"), *paths])
    titles = sorted(e.title for e in Library(tmp_path / "lib").entries())
    if stop is KeyboardInterrupt:
        assert code == 130
        assert titles == ["Quay 0 reopens", "Quay 1 reopens", "Quay 2 reopens"]
        assert "3 ingested before the stop" in capsys.readouterr().err
    else:  # an extractor bug fails that one file, the batch goes on
        assert code == 1
        assert titles == ["Quay 0 reopens", "Quay 1 reopens", "Quay 2 reopens", "Quay 4 reopens"]
        err = capsys.readouterr().err
        assert "quay-3.txt: could not extract a briefing (RuntimeError)" in err and "4 ingested" in err

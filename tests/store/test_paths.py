"""Where the library lives: --library > $BRIEFING_HOME > platform data folder."""

from __future__ import annotations

from pathlib import Path

import platformdirs
import pytest

from briefings.paths import config_dir, library_root


def test_precedence(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("BRIEFING_HOME", raising=False)
    assert library_root() == Path(platformdirs.user_data_dir("briefing", appauthor=False)) / "library"
    monkeypatch.setenv("BRIEFING_HOME", str(tmp_path / "home"))
    assert library_root() == tmp_path / "home"
    assert library_root(str(tmp_path / "flag")) == tmp_path / "flag"
    assert library_root(tmp_path / "flag") == tmp_path / "flag"


def test_tilde_and_blank_env(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("BRIEFING_HOME", "  ")
    assert library_root().name == "library"
    assert library_root("~/lib") == Path.home() / "lib"


def test_config_dir() -> None:
    assert config_dir() == Path(platformdirs.user_config_dir("briefing", appauthor=False))

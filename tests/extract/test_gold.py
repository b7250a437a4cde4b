"""Extraction quality on the bundled gold set (12 articles written by the team)."""

import io

import pytest

from briefings.eval import evaluate


@pytest.fixture(scope="module")
def totals(request):
    from pathlib import Path

    samples = Path(__file__).resolve().parents[2] / "briefings" / "samples"
    out = io.StringIO()
    result = evaluate([samples], verbose=True, out=out)
    print(out.getvalue())
    return result


@pytest.mark.parametrize("kind,floor", [("casualties", 0.9), ("quotes", 0.9), ("figures", 0.8)])
def test_f1_meets_the_floor(totals, kind, floor):
    assert totals[kind].prf()[2] >= floor


def test_speakers_mostly_right(totals):
    q = totals["quotes"]
    assert q.extra / (q.tp + q.fn) >= 0.8


def test_gold_set_is_big_enough(totals):
    assert totals["quotes"].tp + totals["quotes"].fn >= 60
    assert totals["casualties"].tp + totals["casualties"].fn >= 40

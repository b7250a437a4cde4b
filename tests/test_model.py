"""The JSON contract round-trips and ids are stable."""

import json

import pytest

from briefings.extract import extract
from briefings.ingest import load
from briefings.model import Briefing


@pytest.fixture(params=["seedless-samples"])
def briefings(samples):
    return [extract(load(str(p))) for p in sorted(samples.iterdir()) if not p.name.endswith(".gold.json")]


def test_json_round_trip_is_exact(briefings):
    for b in briefings:
        data = json.loads(json.dumps(b.to_dict()))
        assert Briefing.from_dict(data).to_dict() == b.to_dict()


def test_ids_are_stable_and_unique(briefings, samples):
    for b in briefings:
        again = extract(load(b.article.source))
        assert [i.id for i in again.items()] == [i.id for i in b.items()]
        ids = [i.id for i in b.items()]
        assert len(ids) == len(set(ids))
        assert b.id == again.id


def test_every_span_is_evidence_inside_the_text(briefings):
    for b in briefings:
        text = b.article.text
        for item in b.items():
            start, end = item.span
            assert 0 <= start < end <= len(text)
        for c in b.casualties:
            assert c.name.split()[0] in text[c.span[0]:c.span[1]]
        for q in b.quotes:
            assert q.text.split()[0] in text[q.span[0]:q.span[1]]


def test_other_schema_is_refused():
    with pytest.raises(ValueError, match="schema"):
        Briefing.from_dict({"schema": 3})

"""`python -m briefings.eval --public DIR`: the issue-9 table from folders of annotated articles.

The folders here are tiny and fictional, written in the layout of ../shared/eval/public, so
the command is tested without ../shared (it falls back to the package's own matching rules).
"""

import io
import json

from briefings.eval import main
from briefings.eval_public import report


def _doc(folder, stem, text, gold, meta=None, fields=None):
    folder.mkdir(exist_ok=True)
    (folder / f"{stem}.txt").write_text(text, encoding="utf-8")
    (folder / f"{stem}.gold.json").write_text(json.dumps(gold), encoding="utf-8")
    if meta is not None:
        (folder / f"{stem}.meta.json").write_text(json.dumps(meta), encoding="utf-8")
    if fields is not None:
        (folder / "MANIFEST.json").write_text(json.dumps({"annotated_fields": fields}), encoding="utf-8")


def test_the_table_scores_each_set_and_prints_the_speed(tmp_path):
    _doc(tmp_path / "gvdb", "a", "Ravi Holt, 33, was shot and killed outside the depot on Friday, police said.",
         {"casualties": [{"name": "Ravi Holt", "age": 33, "status": "killed"},
                         {"name": "Uma Reyes", "age": 40, "status": "injured"}]}, fields=["casualties"])
    _doc(tmp_path / "newsquant", "b", "The council spent $4.5 million on 12 new buses.",
         {"figures": [{"value": 4500000, "text": "$4.5 million", "counts": "$"},
                      {"value": 12, "text": "12 new buses", "counts": "buses"}]}, fields=["figures"])
    quote = "We will rebuild the harbour wall before winter comes"
    _doc(tmp_path / "polnear", "c", f"Mayor Lena Ostrova spoke on Monday. \u201c{quote},\u201d Ostrova said.",
         {"quotes": [{"text": quote, "speaker": "Lena Ostrova"}]},
         meta={"quotes": [{"speaker_kind": "ner_in_source_span"}]}, fields=["quotes"])
    out = io.StringIO()
    results = report(tmp_path, out)
    text = out.getvalue()
    assert results["gvdb"].counts["casualties"] == {"tp": 1, "fp": 0, "fn": 1, "ages_right": 1}
    assert "gvdb" in text and "1.00/0.50/0.67; 1.00" in text  # P/R/F1 and ages of the one victim found
    assert "newsquant" in text and "1.00/1.00/1.00" in text
    assert results["polnear"].speakers_right == results["polnear"].speakers_scored == 1
    assert "articles/s" in text and "ggt" not in text.split("\n", 2)[2]  # an absent set is not invented


def test_a_missing_folder_is_one_clear_line(tmp_path, capsys):
    assert main(["--public", str(tmp_path / "nowhere")]) == 1
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "nowhere" in err and "Traceback" not in err


def test_polnear_is_also_shown_without_the_documents_that_quote_with_two_apostrophes(tmp_path):
    quote = "We will rebuild the harbour wall before winter comes"
    _doc(tmp_path / "polnear", "modern", f"Mayor Lena Ostrova spoke on Monday. \u201c{quote},\u201d Ostrova said.",
         {"quotes": [{"text": quote, "speaker": "Lena Ostrova"}]}, fields=["quotes"])
    _doc(tmp_path / "polnear", "archive", f"Mayor Lena Ostrova spoke on Monday. ''{quote},'' Ostrova said.",
         {"quotes": []})  # the archive's gold lists no quotes: the one read counts as a false positive
    out = io.StringIO()
    results = report(tmp_path, out)
    rows = out.getvalue().splitlines()
    assert results["polnear"].archive_docs == 1
    assert "0.67; 1.00" in rows[2]  # every document: the archive quote is a false positive (P 0.5, R 1)
    assert rows[3].split()[0] == "1" and "1.00/1.00/1.00" in rows[3] and "1 docs quoting with ''" in rows[3]

"""``python -m helpers evaluate``: matching by the labelling rules, and the labelled corpus as a quality gate."""
from __future__ import annotations

import json
import subprocess
import sys

import pytest

from conftest import DEVSET_TRUTH, HOLDOUT_TRUTH, ROOT
from helpers.evaluate import EvaluationError, canonical_name, evaluate
from helpers.tables import render_csv

PROCESSED = ROOT / "data" / "processed"

# What issue #11 asks of the committed tables on the labelled corpus.
MIN_RECALL, MIN_PRECISION, MIN_FIELDS = 0.95, 0.97, 0.95


def _truth(report_id="r1", **over):
    truth = {"report_id": report_id, "province": "Thanh Hóa", "province_2025": "Thanh Hóa",
             "period_start": "2023-01-01", "period_end": "2023-12-31", "published": "2024-01-05",
             "published_alt": [],
             "facts": [{"metric": "docs_received", "kind": "level", "value": 52200, "qualifier": "exact",
                        "denominator": None, "cue": "tiếp nhận 52.200 văn bản đến"},
                       {"metric": "targets_met", "kind": "level", "value": 18, "qualifier": "exact",
                        "denominator": 20, "cue": "18/20 chỉ tiêu"}],
             "acceptable": [{"metric": "docs_received", "kind": "level", "value": 52000, "qualifier": "over",
                             "denominator": None, "cue": "hơn 52.000 văn bản"}]}
    truth.update(over)
    return truth


def _report(report_id="r1", **over):
    row = {"report_id": report_id, "sha256": "0" * 64, "title": "t", "published": "2024-01-05",
           "province": "Thanh Hoá", "province_code": "38", "province_2025": "Tỉnh Thanh Hóa",
           "province_evidence": "text", "period_start": "2023-01-01", "period_end": "2023-12-31",
           "period_label": "năm 2023", "source_url": "", "n_facts": 0}
    row.update(over)
    return row


def _fact(metric, value, qualifier="exact", denominator=None, report_id="r1", kind="level"):
    return {"report_id": report_id, "metric": metric, "kind": kind, "value": value, "qualifier": qualifier,
            "denominator": denominator, "unit": "count", "reference": "", "period_start": "", "period_end": "",
            "sentence": f"câu có {value}", "start": 0, "end": 1}


def _write(tmp_path, truths, reports, facts):
    processed, truth_dir = tmp_path / "processed", tmp_path / "truth"
    processed.mkdir()
    truth_dir.mkdir()
    (processed / "reports.csv").write_text(render_csv("reports", reports), encoding="utf-8")
    (processed / "facts.csv").write_text(render_csv("facts", facts), encoding="utf-8")
    for truth in truths:
        (truth_dir / f"{truth['report_id']}.json").write_text(json.dumps(truth, ensure_ascii=False), encoding="utf-8")
    return processed, truth_dir


def test_found_missed_acceptable_and_wrong(tmp_path):
    processed, truth_dir = _write(tmp_path, [_truth()], [_report()], [
        _fact("docs_received", 52200.0),              # found
        _fact("docs_received", 52000.0, "over"),      # acceptable
        _fact("targets_met", 18.0),                   # wrong: the labelled fact has the denominator 20
        _fact("docs_issued", 13000.0, "over"),        # wrong: not labelled at all
    ])
    score = evaluate(processed, truth_dir)
    (report,) = score.reports
    assert [f.metric for f in report.found] == ["docs_received"]
    assert [f.metric for f in report.missed] == ["targets_met"]
    assert [f.value for f in report.acceptable] == [52000.0]
    assert sorted(f.metric for f in report.wrong) == ["docs_issued", "targets_met"]
    assert (score.recall, score.precision) == (0.5, 0.5)
    assert report.field_errors == {}  # "Thanh Hoá" = "Thanh Hóa", "Tỉnh Thanh Hóa" = "Thanh Hóa"
    assert score.field_accuracy == 1.0


def test_a_fact_is_found_once_and_values_match_to_a_millionth(tmp_path):
    truth = _truth(facts=[{"metric": "grdp_growth", "kind": "level", "value": 7.46, "qualifier": "exact",
                           "denominator": None}], acceptable=[])
    processed, truth_dir = _write(tmp_path, [truth], [_report()],
                                  [_fact("grdp_growth", 7.4600001), _fact("grdp_growth", 7.46)])
    (report,) = evaluate(processed, truth_dir).reports
    assert len(report.found) == 1 and len(report.wrong) == 1


def test_report_fields_with_alternatives(tmp_path):
    truths = [_truth("a", period_alt=[["2023-01-01", "2023-09-30"]], published=None, published_alt=["2023-10-02"]),
              _truth("b", published=None), _truth("c")]
    reports = [_report("a", period_end="2023-09-30", published="2023-10-02"),
               _report("b", published="2024-01-05", province="", province_2025=""),
               _report("c", period_start="2023-07-01")]
    processed, truth_dir = _write(tmp_path, truths, reports, [])
    scores = {s.report_id: s for s in evaluate(processed, truth_dir).reports}
    assert scores["a"].field_errors == {}
    assert set(scores["b"].field_errors) == {"province", "province_2025", "published"}
    assert set(scores["c"].field_errors) == {"period"}


def test_a_rejected_report_misses_everything(tmp_path):
    processed, truth_dir = _write(tmp_path, [_truth()], [], [])
    score = evaluate(processed, truth_dir)
    assert not score.reports[0].accepted
    assert score.recall == 0.0 and score.field_accuracy == 0.0


def test_names_compare_without_prefixes_and_tone_placement():
    assert canonical_name("TP. Hồ Chí Minh") == canonical_name("Hồ Chí Minh")
    assert canonical_name("Tỉnh Khánh Hoà") == canonical_name("Khánh Hòa")
    assert canonical_name("Hà Nam") != canonical_name("Nam Định")


def test_bad_truth_is_a_clear_error(tmp_path):
    processed, truth_dir = _write(tmp_path, [], [_report()], [])
    with pytest.raises(EvaluationError, match="no \\*.json"):
        evaluate(processed, truth_dir)
    (truth_dir / "x.json").write_text("{not json", encoding="utf-8")
    with pytest.raises(EvaluationError, match="not valid JSON"):
        evaluate(processed, truth_dir)


def _cli(*args):
    return subprocess.run([sys.executable, "-m", "helpers", "evaluate", *map(str, args)],
                          capture_output=True, text=True, cwd=ROOT)


def test_cli_prints_details_and_exits_by_threshold(tmp_path):
    processed, truth_dir = _write(tmp_path, [_truth()], [_report()], [_fact("docs_received", 52200.0)])
    result = _cli(processed, truth_dir)
    assert result.returncode == 0
    assert "missed targets_met level 18/20" in result.stdout
    assert result.stdout.strip().splitlines()[-1].startswith("recall 0.500 (1/2), precision 1.000 (1/1)")
    failing = _cli(processed, truth_dir, "--min-recall", "0.9")
    assert failing.returncode == 1 and "recall 0.500 < 0.900" in failing.stderr
    assert _cli(processed, truth_dir, "--min-precision", "1.0").returncode == 0
    missing = _cli(tmp_path / "nowhere", truth_dir)
    assert missing.returncode == 2 and "error:" in missing.stderr and "Traceback" not in missing.stderr


def test_the_labelled_corpus_meets_the_bar():
    """The committed tables against the devset truth (tests/devset): issue #11's thresholds."""
    score = evaluate(PROCESSED, DEVSET_TRUTH)
    assert len(score.reports) == len(list(DEVSET_TRUTH.glob("*.json"))) >= 24
    assert score.recall >= MIN_RECALL, score.summary()
    assert score.precision >= MIN_PRECISION, score.summary()
    assert score.field_accuracy >= MIN_FIELDS, score.summary()


def test_the_second_labelled_set_reads_like_unseen_pages_should():
    """The second set (tests/holdout: ten real pages labelled blind, before the extractor was run on them) at the
    bar the issue sets for pages the project has not seen. It was looked at once to fix kinds of mistakes, so it
    is a second development set now, kept as a guard against rules that only fit the first."""
    score = evaluate(PROCESSED, HOLDOUT_TRUTH)
    assert len(score.reports) == len(list(HOLDOUT_TRUTH.glob("*.json"))) >= 10
    assert score.recall >= 0.90, score.summary()
    assert score.precision >= 0.85, score.summary()
    assert score.field_accuracy >= 0.85, score.summary()

"""Property check: on a generated corpus, what the extractor reads equals what was generated."""
from __future__ import annotations

import json
from collections import Counter

import pytest

from conftest import ROOT, load_benchmark
from helpers.extract import extract

make_corpus = load_benchmark("make_corpus")


def _key(fact):
    return (fact["metric"], fact["kind"], round(fact["value"], 2), fact["qualifier"], fact["denominator"])


@pytest.mark.parametrize("seed", [11, 12])
def test_generated_corpus_reads_back(tmp_path, seed):
    raw, truth = tmp_path / "raw", tmp_path / "truth.jsonl"
    make_corpus.write_corpus(80, raw, truth, seed=seed)
    result = extract(raw)
    assert result.rejected == []
    reports = {r["report_id"]: r for r in result.reports}
    facts: dict[str, Counter] = {}
    for fact in result.facts:
        facts.setdefault(fact["report_id"], Counter())[_key(fact)] += 1
    for line in truth.read_text(encoding="utf-8").splitlines():
        expected = json.loads(line)
        report = reports[expected["report_id"]]
        assert (report["province"], report["period_start"], report["period_end"], report["published"]) == (
            expected["province"], expected["period_start"], expected["period_end"], expected["published"])
        assert facts[expected["report_id"]] == Counter(_key(f) for f in expected["facts"]), expected["report_id"]


def test_same_seed_same_corpus(tmp_path):
    make_corpus.write_corpus(5, tmp_path / "a", tmp_path / "a.jsonl", seed=3)
    make_corpus.write_corpus(5, tmp_path / "b", tmp_path / "b.jsonl", seed=3)
    assert (tmp_path / "a.jsonl").read_bytes() == (tmp_path / "b.jsonl").read_bytes()
    for path in (tmp_path / "a").iterdir():
        assert path.read_bytes() == (tmp_path / "b" / path.name).read_bytes()


def test_extraction_benchmark_runs_on_a_tiny_corpus(tmp_path):
    """The benchmark code itself works (its numbers are measured by `make bench`, not asserted here)."""
    import subprocess
    import sys

    result = subprocess.run([sys.executable, str(ROOT / "benchmarks" / "bench_extract.py"), "--sizes", "20,40",
                             "--repeat", "1", "--work", str(tmp_path)], capture_output=True, text=True, cwd=ROOT)
    assert result.returncode == 0, result.stderr
    figures = json.loads(result.stdout)
    assert figures["20"]["reports"] == 20 and figures["40"]["extract_seconds"] > 0
    assert figures["40"]["skeleton_seconds"] > 0 and figures["40"]["skeleton_ratio_to_floor"] > 0
    assert set(figures["stages_single_process"]) >= {"figures (numbers.py, figures.py)", "reviewed period (dates.py)"}


def test_skeleton_counts_every_quantity_the_extraction_reads(tmp_path):
    """The skeleton is a lower bound only if it does part of the extraction's work: it must see every
    number that ends as a fact (and more: dates and counts no rule takes)."""
    skeleton = load_benchmark("skeleton_extract")
    make_corpus.write_corpus(6, tmp_path / "raw", tmp_path / "truth.jsonl", seed=11)
    result = extract(tmp_path / "raw", workers=1)
    for path in sorted((tmp_path / "raw").iterdir()):
        n_facts = sum(f["report_id"] == path.stem for f in result.facts)
        assert skeleton.count_quantities(path) >= n_facts > 0

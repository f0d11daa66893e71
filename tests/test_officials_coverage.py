"""The coverage table of officials.csv: counted on evidence only, and the one in data/reference/README.md is current."""
from __future__ import annotations

from conftest import ROOT
from helpers.officials_coverage import TERMS, coverage_table, serves_in

FIRST, SECOND = TERMS


def _row(start="", end="", note=""):
    return {"from": start, "to": end, "note": note}


def test_a_term_is_counted_on_evidence_only():
    assert serves_in(_row("2016-06-20"), FIRST) and not serves_in(_row("2016-06-20"), SECOND)
    assert serves_in(_row("2019-03-01", "2023-05-01"), SECOND)
    assert serves_in(_row("2016-06-20", note="Re-elected for 2021-2026 on 2021-06-25."), SECOND)
    assert not serves_in(_row("2014-01-01", "2016-04-15"), FIRST)  # left before the term's first month was out
    assert serves_in(_row("", "2018-05-01"), FIRST)
    assert not serves_in(_row(), FIRST) and not serves_in(_row(), SECOND)
    assert not serves_in(_row("2022-01-01", note="Elected for 2016-2021 earlier elsewhere."), FIRST)


def test_the_reference_readme_shows_the_current_table():
    readme = (ROOT / "data" / "reference" / "README.md").read_text(encoding="utf-8")
    assert coverage_table() in readme, "data/reference/README.md is stale: paste `python -m helpers officials`"

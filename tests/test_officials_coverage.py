"""The coverage table of officials.csv: counted on evidence only, and the one in data/reference/README.md is current."""
from __future__ import annotations

from datetime import date

from conftest import ROOT
from helpers.officials_coverage import TERMS, coverage_rows, coverage_table, serves_in, terms_of

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


def _reference(tmp_path, officials):
    """A reference folder with three provinces (A alone in its 2025 unit; B and C merged into B) and ``officials``."""
    (tmp_path / "provinces.csv").write_text(
        "code,name,kind,aliases,province_2025,source\n"
        "01,Tỉnh A,province,,Tỉnh A,test\n02,Tỉnh B,province,,Tỉnh B,test\n03,Tỉnh C,province,,Tỉnh B,test\n",
        encoding="utf-8")
    header = "name,post,province,province_2025,from,to,source_url,note\n"
    (tmp_path / "officials.csv").write_text(header + "".join(officials), encoding="utf-8")
    return {entry["province"]: entry for entry in coverage_rows(tmp_path)}


def test_an_unmerged_province_keeps_its_2021_term_until_the_2026_election(tmp_path):
    vice = "Phó Chủ tịch UBND tỉnh"
    table = _reference(tmp_path, [
        f"Người Một,{vice},,Tỉnh A,2025-10-29,,https://example.org/1,Elected for 2021-2026.\n",
        f"Người Hai,{vice},Tỉnh A,,2025-12-01,,https://example.org/2,In post by then.\n",
        f"Người Ba,{vice},,Tỉnh A,2026-04-01,,https://example.org/3,Elected for 2026-2031.\n",
        f"Người Bốn,{vice},,Tỉnh B,2025-10-29,,https://example.org/4,Elected for 2021-2026.\n",
    ])
    assert table["Tỉnh A"]["vice-chairs 2021–2026"] == 2  # the 2025 unit's row and the late one; not the 2026 one
    # B and C were merged: their 2021–2026 committees ended on 30 June 2025, and the new unit's rows are not theirs
    assert table["Tỉnh B"]["vice-chairs 2021–2026"] == 0 and table["Tỉnh C"]["vice-chairs 2021–2026"] == 0
    assert terms_of(True)[1].end == date(2026, 3, 14) and terms_of(False) == TERMS


def test_the_table_says_which_provinces_rest_on_an_inferred_year(tmp_path):
    chair, vice = "Chủ tịch UBND tỉnh", "Phó Chủ tịch UBND tỉnh"
    rows = [f"Chủ {i},{chair},Tỉnh C,,2016-06-20,2025-06-30,https://example.org/c{i},Chair.\n" for i in (1,)]
    rows += [f"Phó {i},{vice},Tỉnh C,,2016-06-20,2025-06-30,https://example.org/v{i},Vice-chair.\n" for i in (1, 2)]
    rows[-1] = rows[-1].replace("Vice-chair.", "Vice-chair on 5 May (2022 inferred from the session number).")
    _reference(tmp_path, rows)
    text = coverage_table(tmp_path)
    assert "1 of 3 provinces have a chair" in text
    assert "Without the rows whose year was inferred, 0 would be: Tỉnh C rest on such a row." in text

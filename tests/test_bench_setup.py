"""The set-up benchmark: a new user's environment, and its section of RESULTS.md replaced, never repeated."""
from __future__ import annotations

import os

from conftest import load_benchmark

bench_setup = load_benchmark("bench_setup")

ROW = {"how": "uv", "commit": "abc1234", "python": "3.11.2", "cold_seconds": 12.5, "warm_seconds": 4.1,
       "date": "2026-11-25", "cores": 2, "system": "Linux"}


def test_the_measured_set_up_sees_no_pip_or_uv_configuration(tmp_path, monkeypatch):
    monkeypatch.setenv("PIP_FIND_LINKS", "/opt/wheels")
    monkeypatch.setenv("UV_INDEX_URL", "file:///mirror")
    env = bench_setup._clean_env(tmp_path)
    assert env["PIP_CONFIG_FILE"] == os.devnull and env["UV_NO_CONFIG"] == "1"
    assert "PIP_FIND_LINKS" not in env and "UV_INDEX_URL" not in env
    assert env["PIP_CACHE_DIR"].startswith(str(tmp_path)) and env["UV_CACHE_DIR"].startswith(str(tmp_path))


def test_the_set_up_section_is_replaced_and_the_rest_kept(tmp_path, monkeypatch):
    results = tmp_path / "RESULTS.md"
    results.write_text("# Benchmarks\n\n## Batch\n\nkept\n", encoding="utf-8")
    monkeypatch.setattr(bench_setup, "RESULTS", results)
    bench_setup.write_section({"before": ROW})
    bench_setup.write_section({"before": ROW, "after": {**ROW, "how": "uv, faster", "cold_seconds": 9.9,
                                                           "cold_rounds": [9.9, 11.0], "warm_rounds": [4.1, 4.3]}})
    text = results.read_text(encoding="utf-8")
    assert text.startswith("# Benchmarks\n\n## Batch\n\nkept\n\n## Set-up\n")
    assert text.count("## Set-up") == 1
    assert "| before | abc1234 | uv | 3.11.2 | 12.5 | 4.1 |  | 2026-11-25 |" in text
    assert "| after | abc1234 | uv, faster | 3.11.2 | 9.9 (9.9, 11.0) | 4.1 (4.1, 4.3) | 1.3, 1.0 | 2026-11-25 |" in text

"""Shared fixtures: the project's paths and a fresh extraction of the seed reports."""
from __future__ import annotations

import importlib.util
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
RAW = ROOT / "data" / "raw"
SEEDS = RAW / "seeds"  # the five seed reports; RAW also holds the labelled devset (RAW / "devset")
DEVSET_TRUTH = ROOT / "tests" / "devset" / "truth"
HOLDOUT_TRUTH = ROOT / "tests" / "holdout" / "truth"  # a second labelled set (see tests/holdout/SOURCES.md)


def raw_folder(parent: Path, files: dict[str, str], name: str = "raw") -> Path:
    """A new raw folder ``parent/name`` holding ``files`` (file name → its text, written as UTF-8)."""
    raw = parent / name
    raw.mkdir(parents=True)
    for file_name, text in files.items():
        (raw / file_name).write_text(text, encoding="utf-8")
    return raw


def panel_frame(rows) -> "pd.DataFrame":
    """A panel table (the contract's columns, in order) from tuples of cells, as the compare stage reads it."""
    import pandas as pd

    from helpers.tables import COLUMNS

    frame = pd.DataFrame([dict(zip(COLUMNS["panel"], row)) for row in rows], columns=COLUMNS["panel"])
    frame["denominator"] = pd.to_numeric(frame["denominator"])
    return frame


def load_benchmark(name: str):
    """The script ``benchmarks/<name>.py`` as a module (the benchmarks are scripts, not a package)."""
    spec = importlib.util.spec_from_file_location(name, ROOT / "benchmarks" / f"{name}.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="session")
def seed_extraction():
    from helpers.extract import extract

    return extract(SEEDS)

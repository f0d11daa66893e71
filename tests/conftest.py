"""Shared fixtures: the project's paths and a fresh extraction of the seed reports."""
from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
RAW = ROOT / "data" / "raw"


@pytest.fixture(scope="session")
def seed_extraction():
    from helpers.extract import extract

    return extract(RAW)

"""A lower bound for extraction in this design: only the work that every figure goes through before a
rule decides what it is.

    python benchmarks/skeleton_extract.py RAW_DIR

Reads, decodes and normalizes each report (``reading.read_report``), splits it into sentences and finds
its quantities (``numbers.find_numbers``), one process per core like ``python -m helpers extract``, and
prints how many quantities it found. No rule, period, province, duplicate check, panel or table: all of
that is what ``python -m helpers extract`` does on top of this, so its time can only be larger.
"""
from __future__ import annotations

import multiprocessing
import os
import sys
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

from helpers.numbers import find_numbers
from helpers.reading import read_report
from helpers.sentences import split_sentences


def count_quantities(path: Path) -> int:
    """The number of quantities in the report at ``path``."""
    text = read_report(path).text
    return sum(len(find_numbers(text, start, end, quantities_only=True)) for start, end in split_sentences(text))


def main(raw: Path) -> int:
    paths = sorted(p for p in raw.iterdir() if p.is_file())
    context = multiprocessing.get_context("fork")  # as the extraction does
    with ProcessPoolExecutor(os.cpu_count() or 1, mp_context=context) as pool:
        return sum(pool.map(count_quantities, paths, chunksize=64))


if __name__ == "__main__":
    print(f"{main(Path(sys.argv[1]))} quantities")

"""Extraction of 1,000 and 10,000 generated reports, as whole processes, against a floor run side by side.

    python benchmarks/bench_extract.py [--sizes 1000,10000] [--repeat 3] [--work DIR]

The floor is a process that only reads, decodes and NFC-normalizes the same files
(``benchmarks/floor_read.py``); the skeleton (``benchmarks/skeleton_extract.py``) is the part of the
extraction that every figure goes through before a rule decides anything, a lower bound for this design.
Prints one JSON object: per size the seconds, reports per second, MB per second, peak memory, the ratios
of the extraction and of the skeleton to the floor, and the ratio of the largest to the smallest time.
"""
from __future__ import annotations

import argparse
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from common import PYTHON, ROOT, best_of, print_measurement  # noqa: E402
from make_corpus import write_corpus  # noqa: E402


def stage_profile(raw: Path) -> dict[str, float]:
    """Seconds spent in each step of the analysis of every report of ``raw``, in one process."""
    import time

    from helpers import extract as steps
    from helpers.dates import clause_period, find_period, find_published
    from helpers.figures import extract_figures
    from helpers.places import resolve_province
    from helpers.reading import read_bytes

    spent: dict[str, float] = {}

    def clock(name, function, *args):
        start = time.perf_counter()
        value = function(*args)
        spent[name] = spent.get(name, 0.0) + time.perf_counter() - start
        return value

    for path in sorted(raw.iterdir()):
        data = clock("read file", path.read_bytes)
        text = clock("decode and normalize (reading.py)", read_bytes, data, path.suffix, path).text
        body_end = steps._body_end(text)
        body = text[:body_end]
        published = clock("publication date (dates.py)", find_published, text)
        period = clock("reviewed period (dates.py)", find_period, body, published)
        head = steps._head(body)
        clock("province (places.py)", resolve_province, body, head, published, "", "")
        figures = clock("figures (numbers.py, figures.py)", extract_figures, text, body_end)
        for figure in figures:
            clock("figure periods (dates.py)", clause_period, text, figure.start, figure.sentence_start, period)
    return {name: round(seconds, 3) for name, seconds in sorted(spent.items(), key=lambda kv: -kv[1])}


def measure(sizes: list[int], repeat: int, work: Path) -> dict:
    results = {}
    for n in sizes:
        raw, out = work / f"raw_{n}", work / f"out_{n}"
        if not raw.exists():
            write_corpus(n, raw, work / f"truth_{n}.jsonl", seed=n)  # corpus made outside the timed region
        megabytes = sum(p.stat().st_size for p in raw.iterdir()) / 1e6
        extract = [PYTHON, "-m", "helpers", "extract", str(raw), str(out)]
        floor = [PYTHON, str(ROOT / "benchmarks" / "floor_read.py"), str(raw)]
        skeleton = [PYTHON, str(ROOT / "benchmarks" / "skeleton_extract.py"), str(raw)]
        # Side by side: the three alternate, so all see the same machine state.
        floor_runs, skeleton_runs, extract_runs = [], [], []
        for _ in range(repeat):
            floor_runs.append(best_of(1, floor))
            skeleton_runs.append(best_of(1, skeleton))
            extract_runs.append(best_of(1, extract))
        best_floor = min(floor_runs, key=lambda r: r.seconds)
        best_skeleton = min(skeleton_runs, key=lambda r: r.seconds)
        best = min(extract_runs, key=lambda r: r.seconds)
        results[n] = {
            "reports": n, "megabytes": round(megabytes, 2),
            "extract_seconds": round(best.seconds, 3), "floor_seconds": round(best_floor.seconds, 3),
            "reports_per_second": round(n / best.seconds), "mb_per_second": round(megabytes / best.seconds, 2),
            "peak_mb": round(best.peak_mb), "floor_peak_mb": round(best_floor.peak_mb),
            "ratio_to_floor": round(best.seconds / best_floor.seconds, 1),
            "skeleton_seconds": round(best_skeleton.seconds, 3),
            "skeleton_ratio_to_floor": round(best_skeleton.seconds / best_floor.seconds, 1),
            "command": " ".join(["python", "-m", "helpers", "extract", f"<raw_{n}>", f"<out_{n}>"]),
        }
    results["stages_single_process"] = stage_profile(work / f"raw_{min(sizes)}")
    if len(sizes) >= 2:
        small, large = min(sizes), max(sizes)
        results["scaling"] = {"sizes": [small, large],
                              "time_ratio": round(results[large]["extract_seconds"] / results[small]["extract_seconds"], 2)}
    return results


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="1000,10000")
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--work", type=Path, default=None, help="keep corpora here (default: a temporary folder)")
    args = parser.parse_args(argv)
    sizes = [int(s) for s in args.sizes.split(",")]
    return print_measurement(lambda folder: measure(sizes, args.repeat, folder), args.work, "bench-extract-")


if __name__ == "__main__":
    sys.exit(main())

"""The per-province batch against a plain shell loop of the papermill command, run side by side.

    python benchmarks/bench_batch.py [--provinces 12] [--jobs 2] [--work DIR]

Both run the same profile notebook on the same processed tables for the same provinces (the batch also
renders the comparison and the cleaning record, and the index). Also measured: one papermill run of an
empty notebook (the floor for a notebook), and the batch run again with nothing changed (it renders
nothing: every page's key is in the manifest) against the full run. Prints one JSON object.
"""
from __future__ import annotations

import argparse
import shlex
import sys
from pathlib import Path

import nbformat

sys.path.insert(0, str(Path(__file__).resolve().parent))
from common import PYTHON, ROOT, best_of, print_measurement, timed  # noqa: E402
from make_corpus import write_corpus  # noqa: E402

PAPERMILL = str(Path(PYTHON).parent / "papermill")
NOTEBOOK = ROOT / "notebooks" / "03_province_profile.ipynb"
KERNEL = "vn-office-reports"


def measure(n_provinces: int, jobs: int, work: Path) -> dict:
    raw, processed = work / "raw", work / "processed"
    write_corpus(max(2 * n_provinces, 24), raw, work / "truth.jsonl", seed=7)
    if timed([PYTHON, "-m", "helpers", "extract", str(raw), str(processed)]).returncode:
        raise SystemExit("extraction failed")
    provinces = sorted({line.split(",")[0] for line in (processed / "panel.csv").read_text(encoding="utf-8")
                        .splitlines()[1:]})[:n_provinces]

    empty = work / "empty.ipynb"
    notebook = nbformat.v4.new_notebook()
    notebook.metadata["kernelspec"] = {"name": KERNEL, "display_name": KERNEL, "language": "python"}
    nbformat.write(notebook, empty)
    floor = best_of(3, [PAPERMILL, str(empty), str(work / "empty_out.ipynb"), "-k", KERNEL])

    loop_out = work / "loop"
    loop_out.mkdir()
    script = "set -e\n" + "\n".join(
        f"{shlex.quote(PAPERMILL)} {shlex.quote(str(NOTEBOOK))} {shlex.quote(str(loop_out / f'{i}.ipynb'))} "
        f"-p province {shlex.quote(p)} -p processed_dir {shlex.quote(str(processed))} -k {KERNEL} "
        f"--cwd {shlex.quote(str(NOTEBOOK.parent))}" for i, p in enumerate(provinces))
    (work / "loop.sh").write_text(script, encoding="utf-8")
    loop = timed(["bash", str(work / "loop.sh")])
    batch_out = work / "batch"
    batch = timed([PYTHON, "-m", "helpers", "batch", "--provinces", ",".join(provinces), "--processed",
                   str(processed), "--out", str(batch_out), "--jobs", str(jobs), "--quiet"])
    rerun = timed([PYTHON, "-m", "helpers", "batch", "--provinces", ",".join(provinces), "--processed",
                   str(processed), "--out", str(batch_out), "--jobs", str(jobs), "--quiet"])
    if loop.returncode or batch.returncode or rerun.returncode:
        raise SystemExit(f"a run failed: loop {loop.returncode}, batch {batch.returncode}, re-run {rerun.returncode}")
    durations = [nbformat.read(p, as_version=4).metadata["papermill"]["duration"]
                 for p in sorted(batch_out.glob("*.ipynb")) if p.stem not in ("compare", "cleaning")]
    amortized = batch.seconds * jobs / len(provinces)
    return {
        "provinces": len(provinces), "jobs": jobs,
        "batch_seconds": round(batch.seconds, 2), "loop_seconds": round(loop.seconds, 2),
        "speedup_over_loop": round(loop.seconds / batch.seconds, 2),
        "rerun_unchanged_seconds": round(rerun.seconds, 2),
        "rerun_fraction_of_full_run": round(rerun.seconds / batch.seconds, 3),
        "empty_notebook_seconds": round(floor.seconds, 2),
        "profile_execution_seconds_max": round(max(durations), 2),
        "profile_execution_seconds_mean": round(sum(durations) / len(durations), 2),
        "profile_amortized_seconds": round(amortized, 2),
        "profile_to_floor_ratio": round(amortized / floor.seconds, 2),
        "batch_peak_mb": round(batch.peak_mb),
        "commands": {
            "batch": f"python -m helpers batch --provinces <{len(provinces)} provinces> --processed <dir> --out <dir> "
                     f"--jobs {jobs}",
            "loop": "for p in ...; do papermill notebooks/03_province_profile.ipynb out/$i.ipynb -p province \"$p\" "
                    "-p processed_dir <dir> -k vn-office-reports --cwd notebooks; done",
            "floor": "papermill empty.ipynb out.ipynb -k vn-office-reports",
        },
    }


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--provinces", type=int, default=12)
    parser.add_argument("--jobs", type=int, default=2)
    parser.add_argument("--work", type=Path, default=None)
    args = parser.parse_args(argv)
    return print_measurement(lambda folder: measure(args.provinces, args.jobs, folder), args.work, "bench-batch-")


if __name__ == "__main__":
    sys.exit(main())

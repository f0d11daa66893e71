"""Run both benchmarks and write benchmarks/RESULTS.md (``make bench``)."""
from __future__ import annotations

import json
import subprocess
import sys
from datetime import date
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from common import PYTHON, ROOT, machine  # noqa: E402

RESULTS = ROOT / "benchmarks" / "RESULTS.md"


def _run(script: str, *args: str) -> dict:
    completed = subprocess.run([PYTHON, str(ROOT / "benchmarks" / script), *args], capture_output=True, text=True,
                               cwd=ROOT, check=True)
    return json.loads(completed.stdout)


def _mark(ok: bool) -> str:
    return "met" if ok else "**not met**"


def main() -> int:
    extract = _run("bench_extract.py")
    batch = _run("bench_batch.py")
    small, large = extract["1000"], extract["10000"]
    scaling = extract["scaling"]["time_ratio"]
    lines = [
        "# Benchmarks", "",
        f"Measured {date.today().isoformat()} by `make bench` on: {machine()}",
        "Every ratio is against a baseline measured in the same run, alternating with it.", "",
        "## Extraction", "",
        "Whole processes on generated corpora (`benchmarks/make_corpus.py`, seed = size); the floor is a process that",
        "only reads, decodes and NFC-normalizes the same files (`benchmarks/floor_read.py`). Best of 3. Peak MB is the",
        "largest resident set of one process of the run (the extraction forks one worker per core; the main process,",
        "which holds every table, is the largest).", "",
        "| reports | MB | seconds | reports/s | MB/s | peak MB | floor s | × floor | skeleton s | skeleton × floor |",
        "|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|",
    ]
    for row in (small, large):
        lines.append(f"| {row['reports']:,} | {row['megabytes']} | {row['extract_seconds']} | {row['reports_per_second']:,} | "
                     f"{row['mb_per_second']} | {row['peak_mb']} | {row['floor_seconds']} | {row['ratio_to_floor']} | "
                     f"{row['skeleton_seconds']} | {row['skeleton_ratio_to_floor']} |")
    lines += [
        "", f"Time for 10,000 / time for 1,000: **{scaling}**.", "",
        "| target (2 cores) | measured | |", "|---|---|---|",
        f"| at most 10 × the floor | {small['ratio_to_floor']} × (1,000), {large['ratio_to_floor']} × (10,000) | "
        f"{_mark(max(small['ratio_to_floor'], large['ratio_to_floor']) <= 10)} |",
        f"| at least 1,000 reports/s | {small['reports_per_second']:,} (1,000), {large['reports_per_second']:,} (10,000) | "
        f"{_mark(min(small['reports_per_second'], large['reports_per_second']) >= 1000)} |",
        f"| 10,000/1,000 time ratio at most 11 | {scaling} | {_mark(scaling <= 11)} |",
        f"| peak memory at most 400 MB for 10,000 | {large['peak_mb']} MB | {_mark(large['peak_mb'] <= 400)} |",
        "", "Reproduce a line: `python benchmarks/make_corpus.py --n 1000 --out /tmp/raw --truth /tmp/truth.jsonl "
        "--seed 1000`, then `python -m helpers extract /tmp/raw /tmp/out` and `python benchmarks/floor_read.py /tmp/raw`.",
        "", "### Where the time goes", "",
        "One process over the 1,000-report corpus (`stage_profile` in `bench_extract.py`), seconds:", "",
        "| step | seconds |", "|---|---:|",
    ]
    lines += [f"| {name} | {seconds} |" for name, seconds in extract["stages_single_process"].items()]
    lines += [
        "",
        "Profiled with cProfile, then with py-spy (`--native`, which tells the regular-expression engine apart from",
        "Python). First round: the rule engine (every rule over every number), regular expressions anchored at the",
        "end of a window, the decoding check and the CSV rendering dominated; they became digit-first number",
        "scanning, word-set look-ups, rules grouped by their noun, a direct CSV writer and one process per core.",
        "Second round: the time was spread over some 700 regular-expression tries per report, most of them failing",
        "on short windows. Each pattern is now guarded by the words every match must contain, read off the parsed",
        "pattern (`patterns.required_words`) and looked for with `str.find` in the lower-cased text, with the same",
        "results (`tests/test_patterns.py`); all the nouns after a number are matched in one call; numbers are",
        "found from digit runs; normalization skips the clean-up passes that have nothing to do; worker results",
        "are merged as they arrive. Together: 23 % fewer instructions for the same output (callgrind, 200",
        "reports: 2,301 M → 1,775 M), normalization 2.5 × faster, figures 15 % faster.",
        "",
        "Why 10 × the floor is still out of reach: the floor reads, decodes and NFC-normalizes in C, about 25 µs",
        "per report. Ten times that on 2 cores leaves about 0.5 ms of CPU per report for everything; this engine",
        "spends about 0.65 ms on figures alone, spread thin over one Python pass per number and per candidate",
        "rule (numbers and their date/identifier checks about a fifth, the rules about a third, periods a tenth),",
        "and the main process adds the panel and the CSV rendering. Reaching it needs another engine (the",
        "sentence tokenized once and the rules compiled into one pass over its words), not more tuning.",
        "", "## Batch", "",
        f"The profile notebook for {batch['provinces']} provinces with `--jobs {batch['jobs']}`, against a plain shell "
        "loop calling the `papermill` command once per province on the same notebook and data.", "",
        "| run | seconds |", "|---|---:|",
        f"| batch (`{batch['commands']['batch']}`) | {batch['batch_seconds']} |",
        f"| plain loop (`{batch['commands']['loop']}`) | {batch['loop_seconds']} |",
        f"| one empty notebook (`{batch['commands']['floor']}`) | {batch['empty_notebook_seconds']} |",
        "",
        f"Per profile: {batch['profile_execution_seconds_mean']} s executing on average (max "
        f"{batch['profile_execution_seconds_max']} s, papermill's own duration), {batch['profile_amortized_seconds']} s "
        f"of the batch's wall time per province and job (batch seconds × jobs / provinces). Peak memory of the "
        f"batch process: {batch['batch_peak_mb']} MB.", "",
        "| target | measured | |", "|---|---|---|",
        f"| batch at least 3 × faster than the loop | {batch['speedup_over_loop']} × | {_mark(batch['speedup_over_loop'] >= 3)} |",
        f"| each profile within 1.5 × the empty-notebook floor | {batch['profile_to_floor_ratio']} × (amortized), "
        f"{round(batch['profile_execution_seconds_max'] / batch['empty_notebook_seconds'], 2)} × (slowest execution) | "
        f"{_mark(batch['profile_to_floor_ratio'] <= 1.5)} |",
        "", "### Where the time goes", "",
        "Each `papermill` call of the loop pays a Python start with papermill's imports, a kernel start, and the",
        "notebook's imports (pandas, matplotlib, helpers) before it executes anything. The batch pays the first",
        "once, and hides the other two: a `KernelPool` starts each province's kernel, and runs those imports in it,",
        "while the previous province executes. Every province still gets a fresh kernel, used once and shut down.",
        "What is left per province is the execution itself and the HTML rendering (about 0.15 s).",
        "", "Reproduce: `python benchmarks/bench_batch.py` (or `make bench` for both and this file).", "",
    ]
    RESULTS.write_text("\n".join(lines), encoding="utf-8")
    print(f"wrote {RESULTS}")
    return 0


if __name__ == "__main__":
    sys.exit(main())

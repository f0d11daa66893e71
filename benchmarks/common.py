"""Helpers shared by the benchmarks: timing a whole process with its peak memory, machine facts."""
from __future__ import annotations

import json
import os
import platform
import shutil
import tempfile
import subprocess
import sys
import time
from dataclasses import dataclass
from importlib import metadata
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PYTHON = sys.executable


@dataclass
class Run:
    seconds: float
    peak_mb: float
    returncode: int


def timed(command: list[str], cwd: Path = ROOT, env: dict | None = None) -> Run:
    """Run ``command`` as its own process; wall time and that process's peak resident memory.

    ``os.wait4`` reports the resources of exactly this child (its own children are not counted).
    """
    start = time.perf_counter()
    process = subprocess.Popen(command, cwd=cwd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                               env=env)
    _pid, status, usage = os.wait4(process.pid, 0)
    seconds = time.perf_counter() - start
    return Run(seconds, usage.ru_maxrss / 1024, os.waitstatus_to_exitcode(status))


def best_of(n: int, command: list[str], cwd: Path = ROOT) -> Run:
    """The fastest of ``n`` runs (the least disturbed by the rest of the machine)."""
    runs = [timed(command, cwd) for _ in range(n)]
    for run in runs:
        if run.returncode != 0:
            raise SystemExit(f"benchmark command failed ({run.returncode}): {' '.join(command)}")
    return min(runs, key=lambda r: r.seconds)


def machine() -> str:
    """One paragraph on where the numbers were measured."""
    versions = ", ".join(f"{name} {metadata.version(name)}" for name in
                         ("pandas", "matplotlib", "papermill", "nbclient", "ipykernel", "selectolax"))
    cpu = "unknown CPU"
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    return (f"{os.cpu_count()} cores ({cpu}), {platform.system()} {platform.machine()}, "
            f"Python {platform.python_version()}; {versions}.")


def print_measurement(measure, work: Path | None, prefix: str) -> int:
    """Print ``measure(work_dir)`` as JSON; the work folder is temporary unless ``work`` names one."""
    folder = work or Path(tempfile.mkdtemp(prefix=prefix))
    folder.mkdir(parents=True, exist_ok=True)
    try:
        print(json.dumps(measure(folder), indent=2))
    finally:
        if work is None:
            shutil.rmtree(folder, ignore_errors=True)
    return 0

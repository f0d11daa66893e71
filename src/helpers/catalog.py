"""The metric catalog (``data/reference/metric_catalog.csv``): ids, units, groups and labels."""
from __future__ import annotations

import csv
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

CATALOG_PATH = Path(__file__).resolve().parents[2] / "data" / "reference" / "metric_catalog.csv"


@dataclass(frozen=True)
class Metric:
    id: str
    unit: str  # count | percent | rank
    group: str
    label_en: str
    label_vi: str
    cues: tuple[str, ...]


@lru_cache(maxsize=2)
def load_catalog(path: Path = CATALOG_PATH) -> dict[str, Metric]:
    """Metric id → :class:`Metric`, in catalog order."""
    with open(path, encoding="utf-8", newline="") as handle:
        return {
            row["metric"]: Metric(row["metric"], row["unit"], row["group"], row["label_en"], row["label_vi"],
                                  tuple(row["cues"].split("|")))
            for row in csv.DictReader(handle)
        }

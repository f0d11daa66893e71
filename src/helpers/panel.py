"""Facts of many reports → one row per province, period and metric (``panel.csv``).

The rules, in order:

1. Only ``level`` facts of reports whose province is known enter the panel (a ``change`` is a
   difference, not a level; a report without a province cannot be compared).
2. Within one report, the first statement of a metric is its headline; later ones are breakdowns
   (``trong đó Chủ tịch UBND tỉnh tiếp 11 kỳ``) and do not enter the panel. Ranks are kept per group
   size (the denominator), so ``2/14`` in the region and ``18/63`` nationally are two rows.
3. Across reports of the same province and period, each value is read as an interval: exact ``v`` is
   ``[v, v]``; ``over`` (``trên``, ``hơn``) is ``(v, 1.25·v]``; ``nearly`` (``gần``) is ``[0.8·v, v)``;
   ``about`` is ``[0.9·v, 1.1·v]``; a denominator must be equal. When all intervals meet, the row takes
   the most exact value (exact, then about, then over/nearly; ties by report id) and ``conflict`` is
   False, so ``52.200`` satisfies ``hơn 52.000``. When they do not meet, the row keeps the same pick and
   says ``conflict=True``; the facts table still holds every value.
"""
from __future__ import annotations

from collections import defaultdict

_PRECISION = {"exact": 0, "about": 1, "over": 2, "nearly": 2}


def interval(value: float, qualifier: str) -> tuple[float, float, bool, bool]:
    """(low, high, low_open, high_open) of the true value a hedged figure allows."""
    if qualifier == "over":
        return (value, value * 1.25, True, False) if value >= 0 else (value, value * 0.75, True, False)
    if qualifier == "nearly":
        return (value * 0.8, value, False, True) if value >= 0 else (value * 1.2, value, False, True)
    if qualifier == "about":
        low, high = sorted((value * 0.9, value * 1.1))
        return (low, high, False, False)
    return (value, value, False, False)


def _all_meet(items: list[dict]) -> bool:
    low, high, low_open, high_open = float("-inf"), float("inf"), False, False
    for item in items:
        l, h, lo, ho = interval(item["value"], item["qualifier"])
        if l > low or (l == low and lo):
            low, low_open = l, lo
        if h < high or (h == high and ho):
            high, high_open = h, ho
    if low > high:
        return False
    if low == high and (low_open or high_open):
        return False
    return len({item["denominator"] for item in items}) == 1


def build_panel(facts: list[dict], reports: dict[str, dict]) -> list[dict]:
    """Reconcile ``facts`` (dict rows with numeric value/denominator) given report rows by id."""
    headline: dict[tuple, dict] = {}
    for fact in sorted(facts, key=lambda f: (f["report_id"], f["start"])):
        report = reports[fact["report_id"]]
        if fact["kind"] != "level" or not report["province"]:
            continue
        denominator_key = fact["denominator"] if fact["unit"] == "rank" else None
        key = (fact["report_id"], fact["period_start"], fact["period_end"], fact["metric"], denominator_key)
        headline.setdefault(key, fact)

    groups: dict[tuple, list[dict]] = defaultdict(list)
    for (report_id, start, end, metric, denominator_key), fact in headline.items():
        report = reports[report_id]
        groups[(report["province"], start, end, metric, denominator_key)].append(fact)

    rows = []
    for (province, start, end, metric, _den), items in groups.items():
        report = reports[items[0]["report_id"]]
        chosen = min(items, key=lambda f: (_PRECISION[f["qualifier"]], f["report_id"]))
        rows.append({
            "province": province,
            "province_code": report["province_code"],
            "province_2025": report["province_2025"],
            "period_start": start,
            "period_end": end,
            "metric": metric,
            "value": chosen["value"],
            "qualifier": chosen["qualifier"],
            "denominator": chosen["denominator"],
            "unit": chosen["unit"],
            "n_sources": len(items),
            "report_ids": ";".join(sorted(f["report_id"] for f in items)),
            "conflict": not _all_meet(items),
        })
    return rows

"""Write N realistic synthetic office reports and the figures they state.

    python benchmarks/make_corpus.py --n 1000 --out DIR --truth FILE.jsonl [--seed S]

Each report is a portal article: a title naming the office and province (in any of its spellings), a
dateline in one of the formats portals use, a lead, paragraphs in which every catalog metric may be
stated in one of several phrasings with a hedge (``trên``, ``hơn``, ``gần``, ``khoảng``) or none, and
site noise (view counters, lists of other news with dates, awards, decree numbers, slogans). The truth
file has one JSON object per report: report_id, province, period, published and its facts.

The same seed gives the same corpus, byte for byte.
"""
from __future__ import annotations

import argparse
import json
import random
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "src"))
from helpers.places import load_provinces  # noqa: E402

HEDGES = [("", "exact")] * 5 + [("trên ", "over"), ("hơn ", "over"), ("gần ", "nearly"), ("khoảng ", "about")]

# metric → phrasings; {n} is the (hedged) number, {d} a denominator. Written from how reports phrase them.
TEMPLATES: dict[str, list[str]] = {
    "docs_received": ["Văn phòng đã tiếp nhận {n} văn bản đến", "tiếp nhận, xử lý {n} văn bản đến",
                      "tổng số văn bản đến: {n} văn bản"],
    "docs_issued": ["tham mưu UBND tỉnh, Chủ tịch UBND tỉnh ban hành {n} văn bản chỉ đạo, điều hành",
                    "phát hành {n} văn bản đi", "trình ban hành {n} văn bản"],
    "docs_on_time": ["xử lý đúng hạn {n} hồ sơ, văn bản"],
    "docs_on_time_rate": ["tỷ lệ văn bản xử lý đúng hạn đạt {p}%"],
    "tasks_assigned": ["theo dõi, đôn đốc {n} nhiệm vụ được UBND tỉnh giao", "có {n} nhiệm vụ được giao"],
    "tasks_completed": ["hoàn thành {n}/{d} nhiệm vụ do Chính phủ, Thủ tướng Chính phủ giao",
                        "đã hoàn thành {n} nhiệm vụ"],
    "meetings_regular": ["tổ chức họp thường kỳ {n} cuộc", "tổ chức {n} phiên họp thường kỳ"],
    "meetings_thematic": ["tổ chức {n} cuộc họp chuyên đề", "{n} phiên họp chuyên đề"],
    "meetings_served": ["phục vụ {n} cuộc họp, hội nghị", "chuẩn bị, phục vụ {n} hội nghị"],
    "citizen_sessions": ["tổ chức tiếp công dân định kỳ {n} kỳ", "tổ chức {n} buổi tiếp công dân"],
    "citizens_received": ["tiếp {n} lượt công dân", "đón tiếp {n} lượt công dân đến kiến nghị, phản ánh"],
    "petitions_handled": ["xử lý {n} đơn thư", "tiếp nhận, xử lý {n} lượt đơn thư"],
    "procedures_announced": ["công bố {n} thủ tục hành chính", "công bố danh mục {n} TTHC"],
    "procedures_abolished": ["bãi bỏ {n} thủ tục hành chính", "công bố bãi bỏ {n} TTHC"],
    "procedures_simplified": ["kiến nghị đơn giản hóa {n} TTHC", "cắt giảm, đơn giản hóa {n} thủ tục hành chính"],
    "procedures_simplified_rate": ["tỷ lệ đơn giản hóa đạt {p}%"],
    "procedure_decisions": ["ban hành {n} quyết định công bố TTHC"],
    "online_services": ["cung cấp {n} dịch vụ công trực tuyến", "công bố {n} dịch vụ công mức độ 3, 4"],
    "dossiers_received": ["Trung tâm Phục vụ hành chính công đã tiếp nhận {n} hồ sơ",
                          "số hồ sơ tiếp nhận là {n} hồ sơ"],
    "dossiers_on_time": ["giải quyết đúng hạn {n} hồ sơ", "giải quyết đúng và trước hạn {n} hồ sơ"],
    "dossiers_on_time_rate": ["tỷ lệ hồ sơ giải quyết đúng hạn đạt {p}%",
                              "hồ sơ giải quyết đúng và trước hạn đạt tỷ lệ {p}%"],
    "dossiers_online": ["tiếp nhận {n} hồ sơ trực tuyến", "giải quyết {n} hồ sơ trực tuyến toàn trình"],
    "dossiers_postal": ["tiếp nhận qua dịch vụ bưu chính công ích {n} hồ sơ"],
    "results_delivered_home": ["chuyển trả kết quả tận nhà {n} hồ sơ"],
    "news_published": ["biên tập, đăng tải {n} tin, bài trên Cổng thông tin điện tử tỉnh"],
    "photos_published": ["cập nhật {n} ảnh trên Cổng thông tin điện tử"],
    "portal_rank": ["Cổng thông tin điện tử tỉnh xếp hạng thứ {n}/{d} tỉnh, thành phố"],
    "targets_met": ["có {n}/{d} chỉ tiêu kinh tế - xã hội đạt và vượt kế hoạch", "đạt và vượt {n} chỉ tiêu chủ yếu"],
    "grdp_growth": ["tốc độ tăng trưởng kinh tế (GRDP) đạt {p}%", "GRDP tăng {p}%"],
    "grdp_growth_rank": ["tốc độ tăng GRDP đạt {p2}%, xếp thứ {n}/{d} tỉnh, thành phố trong cả nước"],
}
RANGES = {"docs_received": (5_000, 120_000), "docs_issued": (2_000, 40_000), "docs_on_time": (1_000, 30_000),
          "tasks_assigned": (300, 20_000), "tasks_completed": (50, 900), "meetings_regular": (6, 12),
          "meetings_thematic": (10, 400), "meetings_served": (30, 900), "citizen_sessions": (4, 48),
          "citizens_received": (10, 900), "petitions_handled": (20, 3_000), "procedures_announced": (50, 2_000),
          "procedures_abolished": (5, 600), "procedures_simplified": (5, 500), "procedure_decisions": (3, 120),
          "online_services": (50, 2_000), "dossiers_received": (2_000, 400_000), "dossiers_on_time": (1_000, 390_000),
          "dossiers_online": (500, 300_000), "dossiers_postal": (100, 60_000), "results_delivered_home": (100, 60_000),
          "news_published": (100, 9_000), "photos_published": (100, 9_000), "portal_rank": (1, 63),
          "targets_met": (10, 25), "grdp_growth_rank": (1, 63)}
NOISE = [
    "Số người online: {a}", "Số lượt truy cập: {b}", "Thực hiện Nghị định số {c}/2018/NĐ-CP và Chỉ thị số 05-CT/TW.",
    "Đẩy mạnh phong trào thi đua “5 đúng, 4 rõ, 3 bảo đảm”.", "Trao Bằng khen cho {c} tập thể và {a} cá nhân.",
    "Hội nghị học tập Nghị quyết Trung ương {c} (khóa XIII) ngày {day}/{month}/{year}.",
    "Quy hoạch tỉnh thời kỳ 2021-2030, tầm nhìn đến năm 2050.", "Phòng chống dịch Covid-19 hiệu quả.",
]


def vi_number(value: float, decimals: int = 0) -> str:
    """52200 → ``52.200``; 99.5 with decimals=1 → ``99,5``."""
    if decimals:
        integer, fraction = f"{value:.{decimals}f}".split(".")
        return f"{int(integer):,}".replace(",", ".") + "," + fraction
    return f"{int(value):,}".replace(",", ".")


def _province_spelling(rng: random.Random, province) -> str:
    spelling = rng.choice(province.names[:2]) if len(province.names) > 1 else province.name
    if spelling.startswith(("TP", "Thành phố", "Thủ đô")):
        return spelling
    # old tone placement, as many portals still write it
    return spelling.replace("Hóa", "Hoá").replace("Hòa", "Hoà") if rng.random() < 0.3 else spelling


def make_report(rng: random.Random, index: int, provinces) -> tuple[str, dict]:
    province = provinces[index % len(provinces)] if index < len(provinces) else rng.choice(provinces)
    year = rng.randint(2016, 2024)
    partial = rng.random() < 0.25
    months = rng.choice([6, 9]) if partial else 12
    period_label = f"{months} tháng đầu năm {year}" if partial else f"năm {year}"
    period_end = f"{year}-{months:02d}-{30 if months in (6, 9) else 31}"
    pub_year = year if partial else year + 1
    pub_month = (months + 1) if partial else rng.randint(1, 2)
    pub_day = rng.randint(1, 28)
    name = _province_spelling(rng, province)
    unit = "thành phố" if name.startswith(("TP", "Thành phố", "Hà Nội", "Hải Phòng", "Đà Nẵng", "Cần Thơ")) else "tỉnh"
    office = f"Văn phòng UBND {unit} {name}" if not name.startswith(("TP", "Thành phố")) else f"Văn phòng UBND {name}"
    title = (f"{office} sơ kết công tác {period_label}" if partial else
             f"{office} tổng kết công tác {period_label}, triển khai nhiệm vụ năm {year + 1}")
    dateline = rng.choice([f"{pub_day:02d}/{pub_month:02d}/{pub_year} {rng.randint(7, 17):02d}:{rng.randint(0, 59):02d}:00",
                           f"Đăng ngày {pub_day:02d} - {pub_month:02d} - {pub_year}",
                           f"{pub_day}/{pub_month}/{pub_year}, {rng.randint(7, 17)}:{rng.randint(10, 59)} (GMT+7)"])
    facts = []
    clauses = []
    metrics = rng.sample(list(TEMPLATES), rng.randint(6, 14))
    for metric in metrics:
        template = rng.choice(TEMPLATES[metric])
        hedge, qualifier = rng.choice(HEDGES)
        fact = {"metric": metric, "kind": "level", "qualifier": "exact", "denominator": None}
        states_growth = "{p2}" in template
        if "{p}" in template or states_growth:
            value = round(rng.uniform(60, 99.9) if "rate" in metric else rng.uniform(3, 11), 2)
            text = template = template.replace("{p}", vi_number(value, 2)).replace("{p2}", vi_number(value, 2))
            if states_growth:
                facts.append({"metric": "grdp_growth", "kind": "level", "value": value, "qualifier": "exact",
                              "denominator": None})
            else:
                fact["value"] = value
        if "{n}" in template:
            low, high = RANGES[metric]
            value = rng.randint(low, high)
            if "{d}" in template:
                denominator = rng.randint(value, high + 5) if metric != "portal_rank" and metric != "grdp_growth_rank" \
                    else rng.choice([63, 61, 14, 11])
                value = min(value, denominator)
                hedge, qualifier = "", "exact"
                fact["denominator"] = denominator
                template = template.replace("{d}", str(denominator))
            text = template.replace("{n}", hedge + vi_number(value))
            fact.update(value=value, qualifier=qualifier)
        clauses.append(text)
        facts.append(fact)
    paragraphs = []
    while clauses:
        chunk = clauses[:rng.randint(1, 3)]
        clauses = clauses[len(chunk):]
        sentence = "; ".join(chunk)
        if sentence[1:2].islower():
            sentence = sentence[0].lower() + sentence[1:]
        paragraphs.append(f"Trong {period_label}, {sentence}.")
    noise = [n.format(a=rng.randint(100, 9999), b=rng.randint(10**6, 10**8), c=rng.randint(1, 99),
                      day=rng.randint(1, 28), month=rng.randint(1, 12), year=year) for n in rng.sample(NOISE, 4)]
    lead = (f"Sáng {pub_day}-{pub_month}, {office} tổ chức hội nghị {('sơ kết' if partial else 'tổng kết')} "
            f"công tác {period_label} và triển khai nhiệm vụ thời gian tới.")
    body = [title, dateline, lead] + paragraphs[:1] + noise[:2] + paragraphs[1:] + [
        noise[2], f"Năm {year + 1}, Văn phòng tiếp tục đổi mới công tác tham mưu, tổng hợp.", "Tin mới nhất",
        f"Phiên họp thường kỳ UBND tỉnh tháng {rng.randint(1, 12)} năm {year + 1}.({pub_day:02d}/{pub_month:02d}/{pub_year})",
        noise[3]]
    truth = {"report_id": f"r{index:06d}", "province": province.name, "period_start": f"{year}-01-01",
             "period_end": period_end, "published": f"{pub_year}-{pub_month:02d}-{pub_day:02d}", "facts": facts}
    return "\n\n".join(body) + "\n", truth


def write_corpus(n: int, out: Path, truth_path: Path, seed: int = 0) -> None:
    rng = random.Random(seed)
    provinces = sorted(load_provinces(), key=lambda p: p.code)
    out.mkdir(parents=True, exist_ok=True)
    with open(truth_path, "w", encoding="utf-8") as truth_file:
        for index in range(n):
            text, truth = make_report(rng, index, provinces)
            (out / f"{truth['report_id']}.txt").write_text(text, encoding="utf-8")
            truth_file.write(json.dumps(truth, ensure_ascii=False, sort_keys=True) + "\n")


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--n", type=int, required=True)
    parser.add_argument("--out", type=Path, required=True)
    parser.add_argument("--truth", type=Path, required=True)
    parser.add_argument("--seed", type=int, default=0)
    args = parser.parse_args(argv)
    write_corpus(args.n, args.out, args.truth, args.seed)
    return 0


if __name__ == "__main__":
    sys.exit(main())

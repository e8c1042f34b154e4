"""A prose duty closing with its roles and a span of years in brackets, the span written with "năm" before its
first year only: "(Sở A chủ trì, phối hợp với B; năm 2026 - 2027)." is due at the end of 2027 (made-up plan)."""

from __future__ import annotations

import datetime as dt

from giamsat.domain.deadline import DeadlineKind
from giamsat.ingest.deadlines import DEADLINE_PHRASE
from giamsat.ingest.pipeline import parse_text

PLAN = "\n".join([
    "ỦY BAN NHÂN DÂN", "TỈNH BẮC HÀ", "", "Số: 41/KH-UBND", "", "KẾ HOẠCH",
    "Phát triển hạ tầng số tỉnh Bắc Hà giai đoạn 2026 - 2027", "",
    "II. NHIỆM VỤ, GIẢI PHÁP", "1. Phát triển hạ tầng số",
    "a) Phủ sóng di động 4G tại các thôn, bản vùng sâu (Sở Khoa học và Công nghệ chủ trì, phối hợp với Viettel tỉnh;"
    " năm 2026 - 2027).",
    "b) Nâng cấp mạng truyền số liệu chuyên dùng đến cấp xã (Sở Khoa học và Công nghệ chủ trì; năm 2026).",
])


def test_the_phrase_takes_the_whole_span() -> None:
    m = DEADLINE_PHRASE.search("chu tri; nam 2026 - 2027).")
    assert m is not None and m.group(0) == "nam 2026 - 2027"


def test_the_duty_is_due_at_the_spans_end() -> None:
    tasks = parse_text(PLAN).tasks
    got = [(t.lead_code, t.deadline.kind if t.deadline else None, t.deadline.end if t.deadline else None)
           for t in tasks]
    assert got == [("SKHCN", DeadlineKind.RANGE, dt.date(2027, 12, 31)), ("SKHCN", DeadlineKind.YEAR, dt.date(2026, 12, 31))]

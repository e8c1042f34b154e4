"""A unit's name in Latin-OCR'd text with a damaged word ('Sở Noi vy': 'ụ' read as 'y', the marks lost) is the unit
the registry names once the damaged word is repaired from the registry's words, as sure as a known near name: a
directive's duties under 'Giám đốc Sở Nội vụ:' take it as their lead. Made-up directive, degraded as the seeds are."""

from __future__ import annotations

from giamsat.ingest.agencies import AgencyMatcher, default_registry
from giamsat.ingest.pipeline import parse_text

_TEXT = [
    "ỦY BAN NHÂN DÂN TỈNH BÌNH SƠN",
    "",
    "Số: 09/CT-UBND",
    "",
    "CHỈ THỊ",
    "Về đẩy mạnh chuyển đổi số trong cơ quan nhà nước năm 2026",
    "",
    "Chủ tịch Ủy ban nhân dân tỉnh yêu cầu:",
    "",
    "1. Giam doc Sở Noi vy:",
    "",
    "a) Rà soát quy trình nội bộ giải quyết thủ tục hành chính trên Hệ thống",
    "thông tin của tỉnh, hoàn thành trong tháng 9/2026.",
    "",
    "b) Đưa kết quả chuyển đổi số vào đánh giá, xếp loại cơ quan, hoàn thành",
    "trong tháng 12/2026.",
    "",
    "2. Giám đốc Sở Tài chính:",
    "",
    "Bố trí kinh phí chuyển đổi số trong dự toán năm 2027, hoàn thành trong tháng 11/2026.",
]


def test_a_damaged_word_repaired_from_the_registry_names_the_unit() -> None:
    hit = AgencyMatcher(default_registry()).match("Sở Noi vy")
    assert hit.agency is not None and hit.agency.code == "SNV" and hit.score >= 90


def test_the_heads_duties_take_the_repaired_unit_as_lead() -> None:
    plan = parse_text("\n".join(_TEXT))
    assert [t.lead_code for t in plan.tasks] == ["SNV", "SNV", "STC"]

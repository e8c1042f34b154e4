"""A dash that closes a line of a target's sentence ('… kết nối với Trung tâm giám -' / 'sát, điều hành … vào năm 2026.':
a speck OCR read at the line's end, or a word broken with a hyphen) parts no clause: the year after it is the
target's. Made-up commune plan as a scan reads it."""

from __future__ import annotations

from giamsat.ingest.pipeline import parse_text

_PLAN = [
    "ỦY BAN NHÂN DÂN",
    "XÃ ĐỒNG TÂM",
    "",
    "Số: 62/KH-UBND",
    "",
    "KẾ HOẠCH",
    "Bảo đảm an ninh trật tự bằng công nghệ số",
    "",
    "I. MỤC TIÊU",
    "",
    "- Có tối thiểu 30 camera giám sát được kết nối với Trung tâm giám -",
    "sát, điều hành của Công an tỉnh vào năm 2026.",
    "- Tỷ lệ thôn có loa truyền thanh thông minh đạt 100% vào năm 2027.",
]


def test_the_year_after_a_dash_closing_a_line_is_the_target_s() -> None:
    plan = parse_text("\n".join(_PLAN))
    assert [(t.value, t.year) for t in plan.targets] == [("30", 2026), ("100", 2027)]

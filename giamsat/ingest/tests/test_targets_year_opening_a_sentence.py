"""A year that opens a sentence of objectives ("Đến năm 2027, 100% …; số bài báo … đạt 120 bài/năm; …", "Năm 2026:
60% …; 30 hợp tác xã …") is the year of every clause of that sentence, not only of the first; a clause naming its
own year keeps it, and the next sentence starts afresh. Made-up objectives, also with their marks lost."""

from __future__ import annotations

from giamsat.ingest.pipeline import parse_text
from giamsat.ingest.restore.syllable import strip_marks

HEAD = ["KẾ HOẠCH", "Chuyển đổi số của Trường Cao đẳng Sông Lam giai đoạn 2026 - 2027", "", "I. MỤC TIÊU", ""]


def _years(*lines: str, marks: bool = True) -> list[tuple[str | None, int | None]]:
    body = list(lines) if marks else [strip_marks(x) for x in lines]
    return [(t.value, t.year) for t in parse_text("\n".join(HEAD + body)).targets]


def test_the_opening_year_holds_for_every_clause() -> None:
    line = ("Đến năm 2027, 100% học phần có bài giảng điện tử trên hệ thống học tập trực tuyến; số bài báo khoa học "
            "đăng trên tạp chí quốc tế đạt ít nhất 120 bài/năm; thương mại hóa tối thiểu 05 sản phẩm khoa học, công nghệ.")
    assert _years(line) == [("100", 2027), ("120", 2027), ("05", 2027)]
    assert _years(line, marks=False) == [("100", 2027), ("120", 2027), ("05", 2027)]


def test_a_year_and_a_colon_hold_for_the_clauses_after_them() -> None:
    line = ("1. Năm 2026: 60% diện tích lúa được cấp mã số vùng trồng và quản lý trên nền tảng số; 30 hợp tác xã "
            "nông nghiệp ứng dụng công nghệ số trong sản xuất, tiêu thụ.")
    assert _years(line) == [("60", 2026), ("30", 2026)]


def test_a_clause_with_its_own_year_and_the_next_sentence_keep_theirs() -> None:
    line = ("Đến năm 2030, kinh tế số đạt tối thiểu 20% GRDP; đến năm 2028, 80% doanh nghiệp nhỏ và vừa sử dụng nền "
            "tảng số. Tỷ lệ hộ gia đình có cáp quang đạt 95%.")
    assert _years(line) == [("20", 2030), ("80", 2028), ("95", None)]

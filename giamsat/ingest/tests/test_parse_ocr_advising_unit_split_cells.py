"""Plain OCR text of a commune's task table whose lead cell names the committee and, in brackets, the office that
advises it ("UBND xã (Phòng Kinh tế tham mưu)": the office does the work and leads, as in a table read with its cells);
in a narrow cell Tesseract reads the bracket down the row's lines among the other columns' words ("UBND Các thôn" /
"xã (Phòng" / "Kinh tế tham" / "mưu)") (made-up lines)."""

from __future__ import annotations

from giamsat.ingest.pipeline import parse_text

HEAD = ["ỦY BAN NHÂN DÂN", "XÃ TÂN HÒA", "", "Số: 21/KH-UBND", "", "KẾ HOẠCH", "Chuyển đổi số xã Tân Hòa năm 2027", "",
        "I. NHIỆM VỤ", "", "TT | Nhiệm vụ | Đơn vị chủ | Đơn vị phối | Thời gian", "trì hợp", ""]
TAIL = ["", "II. TỔ CHỨC THỰC HIỆN", "", "1. Văn phòng HĐND và UBND xã theo dõi, tổng hợp."]


def _leads(rows: list[str]) -> list[str | None]:
    return [t.lead_code for t in parse_text("\n".join([*HEAD, *rows, *TAIL])).tasks]


def test_the_advising_office_split_down_the_cell_leads() -> None:
    assert _leads(["1 | Cập nhật dữ liệu | UBND Các thôn Quý II/2027",
                   "đất đai trên hệ | xã (Phòng",
                   "thống | Kinh tế tham",
                   "mưu)",
                   "2 | Tổ chức lớp tập | UBND Các thôn Quý III/2027",
                   "huấn kỹ năng số | xã (Văn",
                   "cho nông dân | phòng HĐND",
                   "và UBND",
                   "xã tham mưu)"]) == ["PHONG_KT", "VP_HDND_UBND_XA"]


def test_a_bracket_of_other_words_changes_no_lead() -> None:
    assert _leads(["1 | Cập nhật dữ liệu | Phòng Kinh Các thôn Quý II/2027",
                   "đất đai (bản đồ | tế",
                   "số) trên hệ thống"]) == ["PHONG_KT"]

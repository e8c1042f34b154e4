"""Plain OCR text of a task table keyed by a code column instead of running numbers ('Mã nhiệm vụ | Tên nhiệm vụ |
Cơ quan chủ trì | …' / 'NV-01 | …'): Tesseract reads each row's lines with the code opening the first; the rows are
the lines that open with a code, each task numbered by its code (made-up lines)."""

from __future__ import annotations

from giamsat.ingest.pipeline import parse_text

HEAD = ["ỦY BAN NHÂN DÂN", "TỈNH HẢI LONG", "", "Số: 88/KH-UBND", "", "KẾ HOẠCH",
        "Chuyển đổi số trong lĩnh vực y tế năm 2027", "", "I. MỤC ĐÍCH, YÊU CẦU", "",
        "Mỗi nhiệm vụ được gắn mã để theo dõi trên hệ thống.", "", "II. NHIỆM VỤ", ""]
TAIL = ["", "III. TỔ CHỨC THỰC HIỆN", "", "1. Sở Y tế theo dõi, tổng hợp, báo cáo Ủy ban nhân dân tỉnh."]


def _tasks(lines: list[str]) -> list[tuple[str | None, str, str | None, str | None]]:
    plan = parse_text("\n".join([*HEAD, *lines, *TAIL]))
    return [(t.no, t.name, t.lead_code, t.deadline_text) for t in plan.tasks]


def test_rows_opened_by_their_codes() -> None:
    got = _tasks([
        "Mã Tên nhiệm vụ Cơ quan chủ | Cơ quan phối | Thời hạn",
        "nhiệm trì hợp",
        "vụ",
        "YT-01 Triển khai bệnh án Sở Y tế | Bảo hiểm xã Quý IV/2027",
        "điện tử tại các bệnh hội tỉnh",
        "viện tuyến tỉnh",
        "tuyến tỉnh",
        "YT-02 Kết nối dữ liệu tiêm chủng | Sở Y tế | Công an tỉnh | 30/6/2027",
        "với cơ sở dữ liệu dân cư",
        "YT-03 Đào tạo kỹ năng số cho Sở Nội vụ | Sở Y tế Năm 2027",
        "cán bộ y tế cơ sở",
    ])
    assert [(no, lead, when) for no, _n, lead, when in got] == [
        ("YT-01", "SYT", "Quý IV/2027"), ("YT-02", "SYT", "30/6/2027"), ("YT-03", "SNV", "Năm 2027")]
    assert got[1][1].startswith("Kết nối dữ liệu tiêm chủng")


def test_a_code_cited_inside_a_name_opens_no_row() -> None:
    got = _tasks([
        "Mã Tên nhiệm vụ Cơ quan chủ | Cơ quan phối | Thời hạn",
        "nhiệm trì hợp",
        "YT-01 Bố trí kinh phí thực hiện Sở Tài chính | Sở Y tế Hằng năm",
        "nhiệm vụ theo mã",
        "YT-03",
        "YT-02 Kết nối dữ liệu tiêm chủng | Sở Y tế | Công an tỉnh | 30/6/2027",
    ])
    assert [no for no, _n, _l, _w in got] == ["YT-01", "YT-02"]

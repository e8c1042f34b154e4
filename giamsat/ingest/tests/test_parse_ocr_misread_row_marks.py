"""Plain OCR text of a roadmap task table ('Lộ trình thực hiện' over '2026 | 2027 | 2028', 'x' in the years a task
runs) whose row numbers are misread as a number and a bracket ("9)" for 2) or as marks ("=;" for 4), and whose marks
lose their columns, so a row ends with the roadmap at the latest (made-up lines)."""

from __future__ import annotations

from giamsat.ingest.agencies import Agency, default_registry
from giamsat.ingest.pipeline import parse_text

REGISTRY = [*default_registry(), Agency("BCNTT", "Ban Công nghệ thông tin"), Agency("BKD", "Ban Kinh doanh"),
            Agency("BKT", "Ban Kỹ thuật"), Agency("BTCKT", "Ban Tài chính - Kế toán")]


def _plan(*rows: list[str]) -> str:
    head = ["TỔNG CÔNG TY ĐIỆN LỰC MIỀN TÂY", "KẾ HOẠCH", "Chuyển đổi số giai đoạn 2026 - 2028", "",
            "II. NHIỆM VỤ VÀ LỘ TRÌNH THỰC HIỆN", "",
            "| 2026_ |2027 |2028", "",
            "TT | Nhiệm vụ Đơn vị chủ Đơn vị phối | Lộ trình",
            "trì hợp thực", "hiện", ""]
    return "\n".join([*head, *(x for r in rows for x in [*r, ""]), "III. KINH PHÍ", "",
                      "Kinh phí từ nguồn đầu tư phát triển của Tổng công ty."])


ROWS = (["1 Triển khai hệ thống | Ban Công Ban Kinh | x",
         "quản lý khách hàng | nghệ thông doanh", "dùng chung tin"],
        ["9) Số hóa hồ sơ | Ban Kinh Ban Công | x x",
         "khách hàng sử dụng | doanh nghệ thông", "điện tin"],
        ["3 Xây dựng kho dữ liệu Ban Kỹ | Ban Tài X",
         "đo đếm điện năng thuật chính - Kế", "toán"],
        ["=; Lắp đặt công tơ điện Ban Kỹ Ban Công X",
         "tử đo xa tại các | thuật | nghệ thông", "trạm biến áp tin"],
        ["5 Đào tạo kỹ năng số cho | Ban Tài Ban Kinh | x X",
         "người lao động chính - Kế doanh", "toán"])


def test_a_row_whose_year_marks_lost_their_columns_ends_with_the_roadmap() -> None:
    plan = parse_text(_plan(*ROWS), registry=REGISTRY)
    assert {str(t.deadline.end) if t.deadline else None for t in plan.tasks} == {"2028-12-31"}
    assert any("lộ trình" in w for w in plan.warnings)


def test_rows_whose_numbers_are_misread_as_a_bracket_or_as_marks_are_rows() -> None:
    tasks = parse_text(_plan(*ROWS), registry=REGISTRY).tasks
    assert [t.no for t in tasks] == ["1", "2", "3", "4", "5"]
    assert [t.lead_code for t in tasks] == ["BCNTT", "BKD", "BKT", "BKT", "BTCKT"]


def test_a_bracketed_number_in_the_tasks_words_is_no_row() -> None:
    # "2) …" inside a row's cell, below its number line and no row lost around it: the row's own words
    rows = (["1 Triển khai hệ thống | Ban Công Ban Kinh | x",
             "quản lý gồm: 1) Quản lý nghệ thông doanh", "khách hàng; 2) Quản lý tin", "hợp đồng"],
            ["2 Số hóa hồ sơ | Ban Kinh Ban Công | x x",
             "khách hàng sử dụng | doanh nghệ thông", "điện tin"])
    tasks = parse_text(_plan(*rows), registry=REGISTRY).tasks
    assert [t.no for t in tasks] == ["1", "2"]

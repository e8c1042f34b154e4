"""The word "số" of a unit's name ("… Chuyển đổi" / "số y tế", "Bản đồ số") written on its own line of a narrow OCR'd
cell is not the department "Sở Y tế": a department's name opens with a capital "Sở"; "số" in lower case, also
without its marks ("so y te") or with a digit for its "ô" ("s6"), is the word (made-up lines)."""

from __future__ import annotations

import pytest

from giamsat.ingest.agencies import AgencyMatcher
from giamsat.ingest.pipeline import parse_text

ROWS = [
    "TT | Nhiệm vụ | Thời gian hoàn | Đơn vị chủ trì | Đơn vị phối hợp", "thành", "",
    "1 Xây dựng kho | Tháng 6/2026 | Trung tâm | Văn phòng", "dữ liệu dùng Điều hành và Bộ",
    "chung của ngành Chuyển đổi", "y tế số số y tế", "",
    "2 Số hóa hồ sơ | Quý IV/2026 | Sở Y tế | Các bệnh viện", "khám sức khỏe", "",
    "3 Cập nhật bản | Tháng 9/2026 | Cục Bản đồ | Sở Xây dựng", "đồ trạm y tế số y tế", "",
]


def _plan(rows: list[str]) -> list[tuple[str | None, str | None]]:
    plan = parse_text("\n".join(["BỘ Y TẾ", "KẾ HOẠCH", "Chuyển đổi số năm 2026", "", "PHỤ LỤC", "", *rows]))
    return [(t.no, t.lead_code) for t in plan.tasks]


def test_a_lead_cell_ending_in_so_y_te_is_no_department_of_health() -> None:
    assert _plan(ROWS) == [("1", None), ("2", "SYT"), ("3", None)]


def test_the_same_table_with_its_marks_lost() -> None:
    unmarked = [r.replace("số", "so").replace("Sở", "So").replace("tế", "te") for r in ROWS]
    assert _plan(unmarked) == [("1", None), ("2", "SYT"), ("3", None)]


@pytest.mark.parametrize(
    ("line", "codes"),
    [
        ("chung của ngành số y tế", []),
        ("chung cua nganh so y te", []),
        ("chung cua nganh s6 y te", []),
        ("chung của ngành Sở Y tế", ["SYT"]),
        ("chung cua nganh So Y te", ["SYT"]),
        ("chung cua nganh S& Y te", ["SYT"]),
        ("Các sở, ngành", ["CAC_SO"]),
    ],
)
def test_which_so_opens_a_department(line: str, codes: list[str]) -> None:
    assert [c.agency.code for c in AgencyMatcher().scan_cells([line])] == codes

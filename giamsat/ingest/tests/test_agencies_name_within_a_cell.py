"""A unit's name is read within one cell of an OCR'd row: the bar between two cells ends every name, so the last word
of the task's cell and the first of the lead's ('… cho học sinh | Đoàn trường …') make no unit ('Tỉnh đoàn' from
'sinh' repaired to 'tỉnh'), and the name in the cell past the bar is still found. Made-up school plan."""

from __future__ import annotations

from giamsat.ingest.agencies import Agency, AgencyMatcher, default_registry
from giamsat.ingest.pipeline import parse_text

_SCHOOL = [Agency("TO_TIN", "Tổ Tin học", (), "department"), Agency("DOAN_TRUONG", "Đoàn trường", (), "department")]

_OCR = [
    "TRƯỜNG THPT LÊ LỢI",
    "",
    "Số: 20/KH-THPT",
    "",
    "KẾ HOẠCH",
    "Chuyển đổi số trong nhà trường năm 2026",
    "",
    "II. NHIỆM VỤ",
    "",
    "TT | Nội dung công việc | Đơn vị chủ trì | Thời gian | Sản phẩm",
    "",
    "1 | Cấp tài khoản học tập | Tổ Tin học | Tháng 9/2026 Tài khoản",
    "trực tuyến cho học sinh được cấp",
    "",
    "2 Tập huấn kỹ năng số cho học sinh | Đoàn trường Tháng 10/2026 Lớp tập",
    "các khối lớp huấn",
    "",
    "III. TỔ CHỨC THỰC HIỆN",
    "Tổ Tin học tổng hợp kết quả, báo cáo Hiệu trưởng.",
]


def test_no_name_runs_over_a_cells_bar() -> None:
    matcher = AgencyMatcher([*default_registry(), *_SCHOOL])
    cells = matcher.scan_cells(["2 Tập huấn kỹ năng số cho học sinh | Đoàn trường Tháng 10/2026"])
    assert [c.agency.code for c in cells] == ["DOAN_TRUONG"]


def test_the_lead_past_the_bar_is_the_rows() -> None:
    plan = parse_text("\n".join(_OCR), registry=[*default_registry(), *_SCHOOL])
    assert [(t.no, t.lead_code) for t in plan.tasks] == [("1", "TO_TIN"), ("2", "DOAN_TRUONG")]

"""Units a plan names by their codes (a provincial police's departments: "PA05", "PC06"), registered as aliases, are
found where the code stands as a word of a line, as OCR reads a task table's row (made-up registry and lines)."""

from __future__ import annotations

from giamsat.ingest.agencies import Agency, AgencyMatcher, default_registry

POLICE = [
    Agency("PA05", "Phòng An ninh mạng và phòng, chống tội phạm sử dụng công nghệ cao", ("PA05",)),
    Agency("PC06", "Phòng Cảnh sát quản lý hành chính về trật tự xã hội", ("PC06",)),
]


def _codes(line: str) -> list[str]:
    return [agency.code for _, _, agency in AgencyMatcher([*default_registry(), *POLICE]).scan(line)]


def test_a_code_in_a_row_is_its_unit() -> None:
    assert _codes("4 Rà soát tài khoản định danh PA05 Sở Tư pháp | Quý III/2026") == ["PA05", "STP"]  # was ["STP"]
    assert _codes("| 2 | Làm sạch dữ liệu dân cư | PC06 | Công an xã |")[0] == "PC06"


def test_a_code_inside_a_longer_word_or_unregistered_is_no_unit() -> None:
    assert _codes("Kế hoạch số 12/KH-CAT-PA05 về an ninh mạng") == []  # a part of the plan's symbol
    assert _codes("Mã PA05X của hệ thống") == []
    assert _codes("Phòng PH10 hỗ trợ") == []


def test_a_code_in_an_ocr_rows_cells() -> None:
    matcher = AgencyMatcher([*default_registry(), *POLICE])
    cells = matcher.scan_cells(["3 Kiểm tra an toàn hệ thống PA05 Sở Tư pháp | Quý II/2026"])
    assert [c.agency.code for c in cells] == ["PA05", "STP"]  # was ["STP"]: the row's lead lost

"""A task table numbers its rows under a numbered group row with the group's number as prefix ("5 | | Nhân lực y tế
số" / "5.1" / "5.2"). When OCR misreads one prefix ("3.1" under group 5, the next row "5.2"), the row is the group's."""

from __future__ import annotations

from giamsat.ingest.agencies import Agency
from giamsat.ingest.pipeline import parse_text

REG = [Agency("PTCCB", "Phòng Tổ chức cán bộ"), Agency("CDC", "Trung tâm Kiểm soát bệnh tật"),
       Agency("VPS", "Văn phòng Sở")]
HEAD = ["SỞ Y TẾ", "Số: 77/KH-SYT", "KẾ HOẠCH", "Chuyển đổi số ngành y tế năm 2026", "I. NHIỆM VỤ",
        "| STT | Thời gian hoàn thành | Nội dung nhiệm vụ | Đơn vị chủ trì | Đơn vị phối hợp |",
        "|---|---|---|---|---|"]


def rows(first: str) -> list[str]:
    return ["| 4 | | Truyền thông | | |",
            "| 4.1 | Hằng quý | Truyền thông về hồ sơ sức khỏe điện tử | Trung tâm Kiểm soát bệnh tật | Văn phòng Sở |",
            "| 5 | | Nhân lực y tế số | | |",
            f"| {first} | Quý III/2026 | Đào tạo kỹ năng số cho cán bộ y tế tuyến xã | Phòng Tổ chức cán bộ | Văn phòng Sở |",
            "| 5.2 | Thường xuyên | Bố trí cán bộ chuyên trách công nghệ thông tin | Phòng Tổ chức cán bộ | Văn phòng Sở |"]


def test_a_sub_row_whose_prefix_ocr_misread_takes_its_groups_number() -> None:
    plan = parse_text("\n".join([*HEAD, *rows("3.1")]), registry=REG)
    assert [(t.no, t.lead_code) for t in plan.tasks] == [("4.1", "CDC"), ("5.1", "PTCCB"), ("5.2", "PTCCB")]


def test_sub_rows_that_agree_with_their_group_are_left_alone() -> None:
    plan = parse_text("\n".join([*HEAD, *rows("5.1")]), registry=REG)
    assert [t.no for t in plan.tasks] == ["4.1", "5.1", "5.2"]

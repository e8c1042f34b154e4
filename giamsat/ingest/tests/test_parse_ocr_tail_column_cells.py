"""An annex task table whose first page OCR read row by row and whose next page it read column by column,
each cell a paragraph, without the row numbers: past the header that page repeats, every name followed by
its lead's cell is a row numbered on from the last number read."""

from __future__ import annotations

from giamsat.ingest.agencies import Agency
from giamsat.ingest.pipeline import parse_text

REG = [Agency("VP", "Văn phòng Sở"), Agency("PKH", "Phòng Kế hoạch - Tài chính"),
       Agency("PNV", "Phòng Nghiệp vụ Y"), Agency("TTYT", "Trung tâm Y tế dự phòng"),
       Agency("CAT", "Công an tỉnh")]

FIRST_PAGE = [
    "KẾ HOẠCH", "Ứng dụng công nghệ số trong y tế dự phòng năm 2026", "",
    "I. MỤC ĐÍCH", "", "Nâng cao hiệu quả phòng bệnh.", "",
    "PHỤ LỤC", "", "DANH MỤC NHIỆM VỤ NĂM 2026", "",
    "| STT Nội dung nhiệm vụ Đơn vị chủ trì Đơn vị phối hợp Thời gian hoàn thành", "",
    "1 Số hóa hồ sơ tiêm chủng | Phòng Nghiệp vụ Y | Trung tâm Y tế Tháng 6/2026",
    "của trẻ em trên địa bàn | dự phòng", "",
    "2 Lập bản đồ số các ổ dịch | Trung tâm Y tế | Phòng Nghiệp vụ Y Quý III/2026",
    "sốt xuất huyết | dự phòng", "",
]

# the page after: its header's titles one under another, then the rows' cells column after column in bands
NEXT_PAGE = [
    "STT", "", "Nội dung", "nhiệm vụ", "", "Đơn vị", "chủ trì", "", "Thời gian", "hoàn thành", "",
    "Triển khai phần", "mềm giám sát", "dịch bệnh tại", "các xã, phường", "",
    "Trung tâm Y tế", "dự phòng", "",
    "Công an tỉnh", "",
    "Hằng tháng", "",
    "Tổ chức tập huấn", "sử dụng phần mềm", "cho nhân viên", "",
    "y tế cơ sở", "",
    "Phòng Nghiệp vụ Y", "",
    "Văn phòng Sở", "",
    "Tháng 4/2026", "",
    "Tháng 9/2026", "",
]


def test_rows_of_a_page_read_column_by_column_follow_the_last_numbered_row() -> None:
    plan = parse_text("\n".join([*FIRST_PAGE, "", *NEXT_PAGE]), registry=REG)
    assert [(t.no, t.lead_code) for t in plan.tasks] == [("1", "PNV"), ("2", "TTYT"), ("3", "TTYT"), ("4", "PNV")]
    assert [t.name for t in plan.tasks[2:]] == ["Triển khai phần mềm giám sát dịch bệnh tại các xã, phường",
                                                "Tổ chức tập huấn sử dụng phần mềm cho nhân viên y tế cơ sở"]
    # each row's cells come in column order: the end date is the last cell that is a deadline
    assert [t.deadline_text for t in plan.tasks[2:]] == ["Hằng tháng", "Tháng 9/2026"]


def test_without_the_repeated_header_the_paragraphs_below_the_table_are_no_rows() -> None:
    # a note under the table, then a unit: not a page of the table (no header repeated above it)
    after = ["Ghi chú: các đơn vị báo cáo kết quả", "về Văn phòng Sở trước ngày 15/12/2026", "",
             "Văn phòng Sở", ""]
    plan = parse_text("\n".join([*FIRST_PAGE, "", *after]), registry=REG)
    assert [t.no for t in plan.tasks] == ["1", "2"]

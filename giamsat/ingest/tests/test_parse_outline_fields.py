"""The outline of plans laid out in other ways (made-up lines): a task's fields on lines of their own, a task table's
column-number row, a 'Phân công thực hiện' section that gives the assignments."""

from __future__ import annotations

from giamsat.domain.deadline import DeadlineKind
from giamsat.ingest.agencies import Agency
from giamsat.ingest.pipeline import parse_text

REG = [Agency("STP", "Sở Tư pháp"), Agency("SNV", "Sở Nội vụ"), Agency("STC", "Sở Tài chính"),
       Agency("CAT", "Công an tỉnh"), Agency("SYT", "Sở Y tế")]
HEAD = ["ỦY BAN NHÂN DÂN TỈNH NAM ĐỒNG", "Số: 54/KH-UBND", "KẾ HOẠCH", "Chuyển đổi số trong cải cách hành chính năm 2027",
        "", "I. MỤC TIÊU", "", "Hoàn thành các nhiệm vụ chuyển đổi số của tỉnh đúng thời hạn.", ""]


def test_fields_on_lines_of_their_own_belong_to_the_task_above() -> None:
    # each task a numbered item, then its lead, partners, product and deadline as '- label: …' lines
    lines = [*HEAD, "II. NHIỆM VỤ CỤ THỂ", "",
             "1. Số hóa sổ hộ tịch lưu trữ tại các xã, phường.",
             "- Cơ quan chủ trì: Sở Tư pháp.",
             "- Cơ quan phối hợp: Công an tỉnh, Sở Nội vụ.",
             "- Sản phẩm: Dữ liệu hộ tịch điện tử.",
             "- Thời gian hoàn thành: Quý II/2027.",
             "",
             "2. Triển khai sổ sức khỏe điện tử cho người cao tuổi.",
             "",                                 # paragraphs spaced apart
             "+ Đơn vị chủ trì: Sở Y tế;",
             "+ Thời hạn: tháng 9/2027.",
             "", "III. TỔ CHỨC THỰC HIỆN", "", "Các sở, ngành triển khai thực hiện Kế hoạch này."]
    tasks = parse_text("\n".join(lines), registry=REG).tasks
    assert [(t.name, t.lead_code, t.deadline_text) for t in tasks] == [
        ("Số hóa sổ hộ tịch lưu trữ tại các xã, phường", "STP", "Quý II/2027"),
        ("Triển khai sổ sức khỏe điện tử cho người cao tuổi", "SYT", "tháng 9/2027")]
    assert tasks[0].output == "Dữ liệu hộ tịch điện tử"
    assert tasks[0].deadline is not None and tasks[0].deadline.kind == DeadlineKind.QUARTER


def test_a_dash_line_without_a_label_stays_an_item_of_its_own() -> None:
    lines = [*HEAD, "II. NHIỆM VỤ CỤ THỂ", "",
             "1. Cải cách thủ tục hành chính:",
             "- Rà soát, cắt giảm thủ tục hành chính nội bộ; Sở Nội vụ chủ trì, hoàn thành trong Quý I/2027.",
             "- Thời gian tới tập trung số hóa hồ sơ; Sở Tư pháp chủ trì, thực hiện thường xuyên."]
    tasks = parse_text("\n".join(lines), registry=REG).tasks
    assert [t.lead_code for t in tasks] == ["SNV", "STP"]


def test_the_column_number_row_under_a_task_table_header_is_no_task() -> None:
    # '| 1 | 2 | 3 | 4 |' numbers the columns; it comes again with the header repeated on the next page
    lines = [*HEAD, "II. NHIỆM VỤ CỤ THỂ", "",
             "| TT | Nội dung nhiệm vụ | Cơ quan chủ trì | Thời gian hoàn thành |",
             "|---|---|---|---|",
             "| (1) | (2) | (3) | (4) |",
             "| 1 | Số hóa sổ hộ tịch lưu trữ tại các xã, phường | Sở Tư pháp | Quý II/2027 |",
             "| 2 | Triển khai sổ sức khỏe điện tử | Sở Y tế | Tháng 9/2027 |",
             "",
             "4",
             "",
             "| TT | Nội dung nhiệm vụ | Cơ quan chủ trì | Thời gian hoàn thành |",
             "|---|---|---|---|",
             "| 1 | 2 | 3 | 4 |",
             "| 3 | Cấp chữ ký số cho cán bộ cấp xã | Sở Nội vụ | Năm 2027 |"]
    tasks = parse_text("\n".join(lines), registry=REG).tasks
    assert [(t.no, t.lead_code) for t in tasks] == [("1", "STP"), ("2", "SYT"), ("3", "SNV")]


def test_a_phan_cong_thuc_hien_section_gives_the_assignments_of_a_plan_without_to_chuc_thuc_hien() -> None:
    lines = [*HEAD, "II. NHIỆM VỤ CỤ THỂ", "",
             "| TT | Nội dung nhiệm vụ | Cơ quan chủ trì | Thời gian hoàn thành |",
             "|---|---|---|---|",
             "| 1 | Số hóa sổ hộ tịch lưu trữ tại các xã, phường | Sở Tư pháp | Quý II/2027 |",
             "", "III. PHÂN CÔNG THỰC HIỆN", "",
             "1. Sở Nội vụ theo dõi, đôn đốc việc thực hiện Kế hoạch; tổng hợp, báo cáo Ủy ban nhân dân tỉnh.",
             "",
             "2. Sở Tài chính bố trí kinh phí thực hiện Kế hoạch trong dự toán ngân sách hằng năm."]
    plan = parse_text("\n".join(lines), registry=REG)
    assert [a.org_code for a in plan.assignments] == ["SNV", "STC"]
    assert [t.lead_code for t in plan.tasks] == ["STP"]

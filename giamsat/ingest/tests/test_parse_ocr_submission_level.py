"""Plain OCR text of a table of drafts to submit ('Tên đề án | Cấp trình | Cơ quan chủ trì | Cơ quan phối hợp |
Thời gian trình'): the level a draft goes to stands between the task's first words and the lead, and the table
goes on over a page under "(tiếp theo)" (made-up lines)."""

from __future__ import annotations

from giamsat.ingest.pipeline import parse_text

HEAD = ["ỦY BAN NHÂN DÂN TỈNH BẮC HÀ", "KẾ HOẠCH", "Xây dựng thể chế năm 2026", "",
        "PHỤ LỤC", "DANH MỤC ĐỀ ÁN, NHIỆM VỤ TRÌNH CẤP CÓ THẨM QUYỀN", "",
        "TT | Tên đề án, nhiệm | Cấp trình | Cơ quan Cơ quan phối | Thời gian trình",
        "vụ chủ trì hợp", ""]


def test_a_lead_just_after_the_level_the_draft_goes_to_is_a_cell_not_the_tasks_words() -> None:
    # a long line: "Sở Nội vụ" stands early, after words in lower case, yet "Tỉnh ủy" before it is the level's cell
    text = "\n".join([*HEAD,
                      "1 Đề án đào tạo, Tỉnh ủy Sở Nội vụ | Ban Tổ chức Tháng 9/2026",
                      "bồi dưỡng cán bộ Tỉnh ủy, Sở Tài",
                      "quản lý khoa học chính", "",
                      "2 Nghị quyết quy HĐND tỉnh Sở Tư pháp | Sở Tài chính Tháng 12/2026",
                      "định mức chi hỗ trợ", "pháp lý cho doanh", "nghiệp", ""])
    tasks = parse_text(text).tasks
    assert [(t.no, t.lead_code) for t in tasks] == [("1", "SNV"), ("2", "STP")]


def test_a_pages_continued_mark_is_no_part_of_a_year_and_the_years_after_it() -> None:
    # "năm 2026" ends the row's deadline cell; "(tiếp theo)" heads the next page, not "và những năm tiếp theo"
    text = "\n".join([*HEAD,
                      "1 Nghị quyết quy HĐND Sở Giáo Sở Tài chính Kỳ họp cuối",
                      "định mức chi hỗ tỉnh dục và năm 2026",
                      "trợ đào tạo nhân Đào tạo", "lực công nghệ số", "",
                      "(tiếp theo)", "", *HEAD[7:],
                      "2 Kế hoạch phát UBND Sở Khoa Sở Xây dựng | Năm 2027",
                      "triển hạ tầng số | tỉnh học và", "của tỉnh Công nghệ", ""])
    tasks = parse_text(text).tasks
    assert [(t.no, t.deadline_text) for t in tasks] == [("1", "năm 2026"), ("2", "Năm 2027")]

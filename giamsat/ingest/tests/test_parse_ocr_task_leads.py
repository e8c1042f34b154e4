"""Task leads and deadlines: which unit leads a task, read from tables, headings and OCR text (made-up lines)."""

from __future__ import annotations

from giamsat.ingest.agencies import Agency, default_registry
from giamsat.ingest.pipeline import parse_text


def test_a_moved_deadline_column_wins_over_the_deadline_first_given() -> None:
    text = "\n".join(["KẾ HOẠCH", "Điều chỉnh thời hạn một số nhiệm vụ", "", "PHỤ LỤC", "",
                      "| STT | Nhiệm vụ | Cơ quan chủ trì | Thời hạn đã giao | Thời hạn điều chỉnh |",
                      "|---|---|---|---|---|",
                      "| 1 | Số hóa sổ hộ tịch của các xã | Sở Tư pháp | Quý IV/2025 | Quý III/2026 |",
                      "| 2 | Lập bản đồ số về đất đai | Sở Tài chính | Năm 2025 | Tháng 6/2026 |"])
    tasks = parse_text(text).tasks
    assert [(t.lead_code, t.deadline_text) for t in tasks] == [("STP", "Quý III/2026"), ("STC", "Tháng 6/2026")]
    assert tasks[0].deadline is not None and str(tasks[0].deadline.end) == "2026-09-30"


def test_a_numbered_heading_that_names_a_unit_leads_the_duties_below_it() -> None:
    text = "\n".join(["KẾ HOẠCH", "Triển khai chuyển đổi số", "", "III. NHIỆM VỤ CỤ THỂ CỦA CÁC ĐƠN VỊ", "",
                      "1. Sở Tư pháp", "",
                      "a) Rà soát văn bản quy phạm pháp luật về chuyển đổi số; thực hiện hằng năm.", "",
                      "b) Số hóa sổ hộ tịch của các xã, phường; hoàn thành trong tháng 8/2026.", "",
                      "2. Sở Tài chính", "",
                      "a) Bố trí kinh phí thực hiện các nhiệm vụ chuyển đổi số hằng năm.", "",
                      "3. Hoàn thiện thể chế về dữ liệu", "",
                      "a) Xây dựng quy chế chia sẻ dữ liệu giữa các cơ quan nhà nước.", "",
                      "IV. TỔ CHỨC THỰC HIỆN", "", "1. Các sở báo cáo kết quả."])
    tasks = parse_text(text).tasks
    assert [t.lead_code for t in tasks] == ["STP", "STP", "STC", None]


def _rows(*rows: list[str]) -> str:
    head = ["ĐẢNG BỘ XÃ PHÚ LẠC", "KẾ HOẠCH", "thực hiện chuyển đổi số", "", "PHỤ LỤC", "PHÂN CÔNG NHIỆM VỤ", "",
            "STT | Nhiệm vụ Cơ quan Cơ quan Thời gian | Sản phẩm", "chủ trì | phối hợp hoàn thành", ""]
    return "\n".join([*head, *(x for r in rows for x in [*r, ""])])


def test_a_communes_unit_split_down_its_cell_is_not_read_as_the_provinces() -> None:
    # "Ủy ban" / "nhân dân" / "xã" and "Ủy ban" / "Kiểm tra" / "Đảng ủy xã": the level stands on the cell's last
    # line; read without it the name is the province's body of the same title
    reg = [*default_registry(), Agency("UBX", "Ủy ban nhân dân xã"), Agency("KTX", "Ủy ban Kiểm tra Đảng ủy xã"),
           Agency("HND", "Hội Nông dân xã")]
    text = _rows(["1 Đưa sản phẩm nông | Ủy ban Hội Nông | 2027 - 2028 Gian hàng",
                  "nghiệp của nông dân | nhân dân | dân xã trên sàn",
                  "lên sàn giao dịch | xã thương mại",
                  "thương mại điện tử"],
                 ["2 Giám sát việc ứng | Ủy ban Hội Nông Quý II/2027 Báo cáo",
                  "dụng phần mềm quản Kiểm tra dân xã kết quả",
                  "lý tại các thôn | Đảng ủy xã | giám sát"])
    tasks = parse_text(text, registry=reg).tasks
    assert [(t.no, t.lead_code) for t in tasks] == [("1", "UBX"), ("2", "KTX")]


def test_a_name_split_down_its_cell_is_read_whole_above_and_below_its_head() -> None:
    # "Sở Công" / "Thương" (the sentence's "hợp tác" before it, repaired as "các") and "Văn phòng" / "Ủy ban"
    # / "nhân dân" / "tỉnh" (read from "Ủy ban" down as the province's people's committee)
    text = _rows(["1 | Hỗ trợ hợp tác Sở Công Sở Nội vụ Năm 2027 | Báo cáo",
                  "xã, tiểu Thương kết quả",
                  "thương xây dựng gian hàng trên sàn",
                  "thương mại điện tử"],
                 ["2 | Ban hành Quy Văn phòng | Các sở, Trước Quyết định",
                  "chế số hóa hồ Ủy ban ban, ngành | 30/9/2027",
                  "sơ của các cơ nhân dân",
                  "quan hành chính | tỉnh"])
    tasks = parse_text(text).tasks
    assert [(t.no, t.lead_code) for t in tasks] == [("1", "SCT"), ("2", "VPUBND")]


def test_a_lead_split_down_its_cell_from_a_head_the_scan_does_not_know_is_found() -> None:
    # "Liên minh" / "Hợp tác xã" / "tỉnh" after the deadline cell, "Hội Liên" / "hiệp Phụ nữ" beside a coordinator;
    # a line's words drift left where the name column's words are short, so the pieces stand at other columns
    reg = [*default_registry(), Agency("LM", "Liên minh Hợp tác xã tỉnh")]
    text = _rows(["1 Xây dựng sổ | 2026 - 2027 Liên minh Sở Công Sổ điện tử",
                  "tay điện tử cho Hợp tác xã | Thương được",
                  "các tổ hợp tác tỉnh dùng"],
                 ["2 Tập huấn kỹ | Hằng năm Hội Liên Sở Nội vụ Lớp tập",
                  "năng số cho hiệp Phụ nữ huấn",
                  "phụ nữ làm kinh tế"])
    tasks = parse_text(text, registry=reg).tasks
    assert [(t.no, t.lead_code) for t in tasks] == [("1", "LM"), ("2", "HLHPN")]


def test_a_duty_with_labelled_fields_keeps_its_sentence_as_name_and_gives_the_coordinators() -> None:
    text = "\n".join(["KẾ HOẠCH", "Triển khai chuyển đổi số", "", "II. NHIỆM VỤ", "", "1. Nhiệm vụ bổ sung", "",
                      "a) Lập bản đồ số các công trình thủy lợi. Đơn vị chủ trì: Sở Tài chính; đơn vị phối hợp: Sở Nội "
                      "vụ, Công an tỉnh; thời gian hoàn thành: Quý III năm 2027.", "",
                      "b) Số hóa hồ sơ lưu trữ của các cơ quan; cơ quan chủ trì: Sở Nội vụ; thời hạn hoàn thành: "
                      "tháng 6/2027; sản phẩm: kho lưu trữ số.", "",
                      "c) Rà soát quy trình nội bộ (cơ quan chủ trì: Sở Tư pháp; thời gian: năm 2027).", "",
                      "III. TỔ CHỨC THỰC HIỆN", "", "1. Các sở báo cáo kết quả."])
    tasks = parse_text(text).tasks
    assert [(t.name, t.lead_code, t.coordinators, t.output) for t in tasks] == [
        ("Lập bản đồ số các công trình thủy lợi", "STC", ["Sở Nội vụ", "Công an tỉnh"], None),
        ("Số hóa hồ sơ lưu trữ của các cơ quan", "SNV", [], "kho lưu trữ số"),
        ("Rà soát quy trình nội bộ", "STP", [], None)]      # the bracket of its fields is no part of its name
    assert [t.deadline_text for t in tasks] == ["Quý III năm 2027", "tháng 6/2027", "năm 2027"]


def test_a_unit_named_at_the_start_of_a_task_line_is_the_task_s_words_not_its_lead() -> None:
    # "trình Hội đồng nhân" / "dân tỉnh ban hành …": the task's column is the first; the lead is "Sở Tư" / "pháp"
    text = _rows(["1 | Xây dựng, trình | Sở Tư Sở Nội vụ Tháng 5/2027 | Nghị quyết",
                  "Hội đồng nhân | pháp của Hội đồng",
                  "dân tỉnh ban hành Quy định nhân dân",
                  "chế hòa giải trực tuyến"],
                 ["2 | Số hóa sổ hộ | Sở Tư pháp | Các xã Quý II/2027 | Sổ số hóa",
                  "tịch của các xã"])
    tasks = parse_text(text).tasks
    assert [(t.no, t.lead_code) for t in tasks] == [("1", "STP"), ("2", "STP")]


def test_a_deadline_cell_wrapped_beside_the_next_cells_is_read_whole() -> None:
    # "Năm 2027 và" / "các năm tiếp" / "theo" and "Quý IV/2026 -" / "Quý I/2027", each beside an output cell
    text = _rows(["1 Bồi dưỡng kỹ Sở Nội vụ Sở Tư pháp Năm 2027 và Lớp bồi",
                  "năng số cho cán học và các năm tiếp dưỡng",
                  "bộ cấp xã pháp | theo"],
                 ["2 | Triển khai thí Sở Tư pháp | Sở Nội vụ Quý IV/2026 - Mô hình",
                  "điểm sổ hộ tịch Quý I/2027 thí điểm",
                  "điện tử tại xã"])
    tasks = parse_text(text).tasks
    assert [t.deadline_text for t in tasks] == ["Năm 2027 và các năm tiếp theo", "Quý IV/2026 - Quý I/2027"]
    spans = [(t.deadline.kind.value, str(t.deadline.end)) if t.deadline else None for t in tasks]
    assert spans == [("continuous", "None"), ("quarter", "2027-03-31")]

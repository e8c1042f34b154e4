"""A working programme whose time column comes first ("STT | Thời gian | Nội dung | Cơ quan chủ trì | …"), read by OCR
as plain text: a month's cell is merged down the rows it covers and read on its first row only, so a row below it with
no time of its own shares it; a time cell wrapped at the lines' starts ("5 Thường Tổng hợp …" / "xuyên kết quả …") is
"Thường xuyên" (made-up plan)."""

from __future__ import annotations

from giamsat.ingest.pipeline import parse_text

TEXT = "\n".join([
    "TỈNH ỦY BẮC LĨNH", "BAN CHỈ ĐẠO CHUYỂN ĐỔI SỐ", "", "Số 03-CTr/BCĐ", "", "CHƯƠNG TRÌNH",
    "Công tác năm 2026 của Ban Chỉ đạo chuyển đổi số tỉnh", "",
    "I. NỘI DUNG CHƯƠNG TRÌNH CÔNG TÁC", "",
    "STT | Thời gian Nội dung Cơ quan Cơ quan phối | Hình thức",
    "chủ trì hợp",
    "1 Tháng Ban hành Kế hoạch Sở Tài Văn phòng Họp Ban",
    "3/2026 hoạt động năm chính Tỉnh ủy Chỉ đạo",
    "2026",
    "2 Kiện toàn Tổ giúp Sở Nội vụ | Văn phòng Văn bản",
    "việc Ban Chỉ đạo Tỉnh ủy",
    "3 Tháng Sơ kết 6 tháng Sở Tài Các sở, ban, Họp Ban",
    "7/2026 thực hiện Chương chính ngành Chỉ đạo",
    "trình",
    "4 Báo cáo tiến độ Công an | Sở Tài chính | Văn bản",
    "giải ngân vốn tỉnh",
    "5 Thường Tổng hợp kết quả Sở Tài Văn phòng Báo cáo",
    "xuyên thực hiện các chỉ chính Tỉnh ủy",
    "tiêu được giao", "",
    "II. TỔ CHỨC THỰC HIỆN", "",
    "Văn phòng Tỉnh ủy theo dõi, đôn đốc việc thực hiện Chương trình.", "",
])


def test_a_row_under_a_merged_month_shares_it() -> None:
    tasks = parse_text(TEXT).tasks
    assert [t.no for t in tasks] == ["1", "2", "3", "4", "5"]
    spans = [(t.deadline.kind.value, t.deadline.end and t.deadline.end.isoformat()) if t.deadline else None
             for t in tasks]
    assert spans == [("month", "2026-03-31"), ("month", "2026-03-31"), ("month", "2026-07-31"),
                     ("month", "2026-07-31"), ("continuous", None)]


def test_the_time_cells_first_word_is_no_part_of_the_name() -> None:
    tasks = parse_text(TEXT).tasks
    assert tasks[2].name.startswith("Sơ kết 6 tháng")
    assert tasks[2].deadline_text == "Tháng 7/2026" and tasks[3].deadline_text == "Tháng 7/2026"
    assert tasks[4].name.startswith("Tổng hợp kết quả") and "xuyên" not in tasks[4].name

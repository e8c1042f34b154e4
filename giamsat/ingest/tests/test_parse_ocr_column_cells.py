"""OCR'd task rows of a narrow table read cell by cell: the cells below a row's name (made-up lines)."""

from __future__ import annotations

from giamsat.ingest.pipeline import parse_text

_HEAD = ["UBND TỈNH HÒA SƠN", "KẾ HOẠCH", "Chuyển đổi số năm 2026", "", "PHỤ LỤC", "NHIỆM VỤ CỤ THỂ", "",
         "STT | Nội dung Đơn vị Đơn vị Sản phẩm | Bắt đầu | Hoàn thành", "công việc | thực hiện | phối hợp", ""]
_ROW_1 = ["1 Xây dựng kho dữ liệu | Sở Khoa học Sở Tài Kho dữ liệu | Tháng 2/2026 | Tháng 9/2026",
          "dùng chung của tỉnh | và Công nghệ chính được vận hành", ""]
_ROW_2 = ["2 Số hóa hồ sơ hộ tịch | Sở Tư pháp | UBND các xã | Dữ liệu số | Tháng 3/2026 | Tháng 12/2026",
          "của các xã, phường", ""]
# row 3: the name's cell a few words a line, then the other cells one paragraph each, in column order
_ROW_3 = ["3 Lắp đặt", "camera", "giám sát", "giao thông", "tại các nút", "", "Công an", "tỉnh", "", "Sở Xây", "dựng", "",
          "Hệ thống Tháng", "5/2026", "", "Tháng", "10/2027", ""]
_ROW_4 = ["4 Tập huấn kỹ năng số | Sở Nội vụ | UBND các xã | Lớp tập huấn | Quý I/2026 | Quý III/2026",
          "cho cán bộ cấp xã", ""]


def test_a_rows_cells_read_one_below_the_other_give_its_lead_and_end() -> None:
    tasks = parse_text("\n".join([*_HEAD, *_ROW_1, *_ROW_2, *_ROW_3, *_ROW_4])).tasks
    assert [t.no for t in tasks] == ["1", "2", "3", "4"]
    assert (tasks[2].lead_code, tasks[2].deadline_text) == ("CAT", "Tháng 10/2027")
    assert tasks[2].deadline is not None and str(tasks[2].deadline.end) == "2027-10-31"
    assert tasks[2].name.startswith("Lắp đặt camera giám sát giao thông")


def test_cells_below_a_name_are_not_taken_when_a_row_number_was_lost_after_it() -> None:
    # row 4's number lost with its name's first word: the paragraphs below row 3's name are row 4's cells as well
    # ("Tháng" / "9/2026" is row 4's end, not row 3's)
    row_4 = ["huấn kỹ năng số 1/2026", "cho cán bộ", "cấp xã", "", "Sở Nội", "vụ", "", "Tháng", "9/2026", ""]
    row_5 = ["5 Đánh giá mức độ | Sở Khoa học | Các sở, | Quyết định | Tháng 6/2026 | Tháng 11/2026",
             "chuyển đổi số | và Công nghệ ngành công bố", ""]
    tasks = parse_text("\n".join([*_HEAD, *_ROW_1, *_ROW_2, *_ROW_3, *row_4, *row_5])).tasks
    assert [t.no for t in tasks] == ["1", "2", "3", "5"]
    assert tasks[2].deadline is None

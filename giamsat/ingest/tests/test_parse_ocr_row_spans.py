"""Which lines of an OCR'd task table belong to a row: where a row starts and where the table's last row ends
(made-up lines)."""

from __future__ import annotations

from giamsat.ingest.pipeline import parse_text

_PLAN = ["ỦY BAN NHÂN DÂN CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "TỈNH LAM HÀ Độc lập - Tự do - Hạnh phúc",
         "Số: 31/KH-UBND Lam Hà, ngày 02 tháng 3 năm 2026", "KẾ HOẠCH",
         "Sửa đổi, bổ sung một số nội dung của Kế hoạch số 75/KH-UBND ngày 10/6/2025", "",
         "I. ĐIỀU CHỈNH, BỔ SUNG NHIỆM VỤ", "",
         "1. Điều chỉnh thời hạn hoàn thành của một số nhiệm vụ tại Phụ lục kèm theo", "Kế hoạch số 75/KH-UBND như sau:", "",
         "STT [Nhiệm vụ (số thứ tự | Cơ quan chủ | Thời hạn đã Thời hạn điều", "tại Phụ lục) trì giao chỉnh",
         "1 Nhiệm vụ số 3: Lập Sở Tư pháp Quý III/2025 Quý I/2026", "bản đồ số hộ tịch của", "các xã, phường", "",
         # row 2's number with the rule under the row above read as dashes
         "2 = ————", "Nhiệm vụ số 8: Số Sở Xây dựng 10/2025 8/2026", "hóa hồ sơ cấp phép", "xây dựng của tỉnh",
         "3 Nhiệm vụ số 12: Lập | Sở Công Thương 30/9/2025 Trước ngày", "sàn thương mại điện tử 30/11/2026", "",
         # the body goes on below the table: an item numbered below the last row's number
         "2. Bổ sung các nhiệm vụ sau vào Phụ lục kèm theo Kế hoạch số 75/KH-", "", "UBND:", "",
         "a) Xây dựng trung tâm điều hành thông minh của tỉnh. Đơn vị chủ trì: Sở Khoa học và Công nghệ; thời gian",
         "hoàn thành: Quý IV năm 2026.", ""]


def test_a_number_with_dashes_opens_its_row_and_the_body_below_ends_the_last_row() -> None:
    tasks = parse_text("\n".join(_PLAN)).tasks
    assert [(t.no, t.lead_code, t.deadline_text) for t in tasks] == [
        ("1", "STP", "Quý I/2026"), ("2", "SXD", "8/2026"), ("3", "SCT", "30/11/2026"),
        ("a", "SKHCN", "Quý IV năm 2026")]
    assert tasks[1].name == "Nhiệm vụ số 8: Số hóa hồ sơ cấp phép xây dựng của tỉnh"
    assert tasks[2].name == "Nhiệm vụ số 12: Lập sàn thương mại điện tử"
    assert tasks[2].deadline is not None and str(tasks[2].deadline.end) == "2026-11-30"


def _table(*rows: list[str]) -> str:
    head = ["UBND TỈNH LAM HÀ", "KẾ HOẠCH", "Chuyển đổi số năm 2026", "", "PHỤ LỤC", "NHIỆM VỤ CỤ THỂ", "",
            "STT | Nhiệm vụ Cơ quan Thời gian", "chủ trì hoàn thành", ""]
    return "\n".join([*head, *(x for r in rows for x in r)])


def test_a_lone_numbers_own_name_below_a_run_on_paragraph_stays_in_its_row() -> None:
    # row 4's number alone, then the end of row 3's name ("tử mức độ 2", run on past a page break), then row 4's
    # own cells; row 5's number line follows at once (its name is not centred above it)
    text = _table(["3 Cập nhật, làm sạch dữ liệu Công an tỉnh Hằng tháng", "dân cư, hướng dẫn kích", "hoạt tài khoản định danh điện",
                   "", "4", "", "tử mức độ 2", ""],
                  ["Số hóa hồ sơ, kết quả giải Sở Tư pháp Trước 30/9/2026", "quyết thủ tục hành chính đã",
                   "lưu trữ tại các sở, ngành", ""],
                  ["5 Xây dựng cơ sở dữ liệu hộ kinh | Sở Tài chính | Quý IV/2026", "doanh, hợp tác xã của tỉnh", ""])
    tasks = parse_text(text).tasks
    four = next(t for t in tasks if t.no == "4")
    assert (four.lead_code, four.deadline_text) == ("STP", "30/9/2026")
    assert four.source is not None and four.source.start_line <= four.source.end_line

"""A task table whose lead column comes first ('TT | Đơn vị chủ trì | Nhiệm vụ | Thời gian'), read by plain OCR
cell by cell, each cell a paragraph: a row whose lead cell was merged with the row above's shows only its name and
its deadline, and OCR lost its number (made-up lines)."""

from __future__ import annotations

from giamsat.ingest.pipeline import parse_text

_HEAD = ["ỦY BAN NHÂN DÂN XÃ TÂN LẬP", "Số: 30/KH-UBND", "KẾ HOẠCH", "Chuyển đổi số xã Tân Lập năm 2026", "",
         "II. NHIỆM VỤ VÀ PHÂN CÔNG", "", "TT Đơn vị chủ trì | Nhiệm vụ Thời gian hoàn Ghi chú", "thành"]
_ROW_1 = ["1 Phòng Văn hóa", "- Xã hội", "", "Tổ chức lớp tập huấn kỹ năng số", "cho người dân các thôn", "",
          "Quý II/2026", ""]
# row 2: its number lost, its lead cell merged with row 1's
_ROW_2 = ["Xây dựng trang thông tin điện tử", "giới thiệu du lịch của xã", "", "Tháng 9/2026", ""]
_ROW_3 = ["3 Công an xã", "", "Làm sạch dữ liệu dân cư phục vụ", "cấp căn cước cho người dân", "", "Thường xuyên", ""]
_ROW_4 = ["4 Phòng Kinh tế", "", "Hỗ trợ hộ kinh doanh mở tài khoản", "thanh toán số", "", "Năm 2026", ""]
_END = ["III. TỔ CHỨC THỰC HIỆN", "1. Văn phòng HĐND và UBND xã theo dõi, tổng hợp kết quả."]


def test_a_name_followed_by_its_deadline_below_a_lead_cell_row_is_the_lost_row() -> None:
    plan = parse_text("\n".join([*_HEAD, *_ROW_1, *_ROW_2, *_ROW_3, *_ROW_4, *_END]))
    got = [(t.no, t.name, t.lead, t.deadline_text) for t in plan.tasks]
    assert got[1] == ("2", "Xây dựng trang thông tin điện tử giới thiệu du lịch của xã", "Phòng Văn hóa - Xã hội",
                      "Tháng 9/2026")
    assert [no for no, _name, _lead, _end in got] == ["1", "2", "3", "4"]
    assert got[0][3] == "Quý II/2026"


def test_the_rows_own_name_below_its_lead_cell_is_not_taken_for_a_lost_row() -> None:
    # no number lost: row 1's name, then its deadline, is row 1's own
    plan = parse_text("\n".join([*_HEAD, *_ROW_1, *(x.replace("3 ", "2 ", 1) for x in _ROW_3[:1]), *_ROW_3[1:],
                                 *(x.replace("4 ", "3 ", 1) for x in _ROW_4[:1]), *_ROW_4[1:], *_END]))
    assert [(t.no, t.name[:20]) for t in plan.tasks] == [
        ("1", "Tổ chức lớp tập huấn"), ("2", "Làm sạch dữ liệu dân"), ("3", "Hỗ trợ hộ kinh doanh")]

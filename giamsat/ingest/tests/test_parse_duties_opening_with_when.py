"""Numbered duties that open with when (or on what condition) they are done and then name the unit that does them,
with no 'chủ trì' ("3. Từ tháng 5/2026, Công an tỉnh thường xuyên …"): each is a task led by that unit (made-up lines)."""

from __future__ import annotations

from giamsat.ingest.pipeline import parse_text

TEXT = "\n".join([
    "ỦY BAN NHÂN DÂN TỈNH HÀ NAM SƠN", "", "KẾ HOẠCH", "Bổ sung nhiệm vụ chuyển đổi số năm 2026", "",
    "I. MỤC ĐÍCH, YÊU CẦU", "", "Bổ sung nhiệm vụ, xác định rõ thời hạn và cơ quan thực hiện.", "",
    "II. NHIỆM VỤ BỔ SUNG", "",
    "1. Trước ngày 30/6/2026, Sở Tư pháp chủ trì, phối hợp với Công an tỉnh số hóa sổ hộ tịch.", "",
    "2. Từ tháng 5/2026, Công an tỉnh thường xuyên phối hợp với Sở Tư pháp làm sạch dữ liệu hộ tịch.", "",
    "3. Chậm nhất ngày 20/10/2026, Sở Xây dựng hoàn thành cơ sở dữ liệu nhà ở và thị trường bất động sản.", "",
    "4. Hằng quý, Sở Nội vụ tổng hợp, đánh giá kết quả chuyển đổi số của các cơ quan, đơn vị.", "",
    "5. Trong năm 2026, Ủy ban nhân dân các xã, phường bố trí điểm truy cập Internet công cộng.", "",
    "6. Khi Bộ Tài chính ban hành hướng dẫn, Sở Tài chính tham mưu Ủy ban nhân dân tỉnh sửa đổi quy chế.", "",
    "III. TỔ CHỨC THỰC HIỆN", "",
    "Các sở, ban, ngành báo cáo kết quả thực hiện hằng quý về Sở Khoa học và Công nghệ.", "",
])


def test_a_duty_opening_with_its_time_names_its_lead_after_it() -> None:
    tasks = parse_text(TEXT).tasks
    assert [(t.no, t.lead_code) for t in tasks] == [("1", "STP"), ("2", "CAT"), ("3", "SXD"), ("4", "SNV"),
                                                    ("5", "UBND_XA"), ("6", "STC")]


def test_the_opening_clause_is_the_deadline_a_start_that_goes_on_is_continuous() -> None:
    kinds = [(t.deadline.kind.value if t.deadline else None) for t in parse_text(TEXT).tasks]
    assert kinds == ["date", "continuous", "date", "recurring", "year", "conditional"]
    tasks = parse_text(TEXT).tasks
    assert str(tasks[2].deadline.end if tasks[2].deadline else None) == "2026-10-20"

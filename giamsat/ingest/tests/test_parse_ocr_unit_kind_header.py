"""A body whose units are departments ("phòng") or clinical wards ("khoa") — a bank branch, a hospital — titles its
task table's lead and coordinator columns by that kind of unit: "Phòng chủ trì | Phòng phối hợp", "Khoa chủ trì".
In OCR text without positions that header is what tells a task table from the lines around it."""

from __future__ import annotations

from giamsat.ingest.agencies import Agency
from giamsat.ingest.pipeline import _task_header, parse_text

REG = [Agency("PCNTT", "Phòng Công nghệ thông tin"), Agency("PDD", "Phòng Điều dưỡng"),
       Agency("KKB", "Khoa Khám bệnh"), Agency("PTCKT", "Phòng Tài chính - Kế toán")]

# a hospital's plan as Tesseract reads it: the header's titles wrap over two lines ('Khoa chủ' / 'trì'),
# cells run side by side
OCR = ["SỞ Y TẾ TỈNH LẠC SƠN", "BỆNH VIỆN ĐA KHOA KHU VỰC MIỀN NÚI", "Số: 96/KH-BVKV", "KẾ HOẠCH",
       "Chuyển đổi số của Bệnh viện năm 2026", "", "I. MỤC TIÊU", "Triển khai bệnh án điện tử tại các khoa lâm sàng.",
       "", "II. NHIỆM VỤ", "", "TT Nội dung nhiệm vụ Khoa chủ | Khoa phối Thời hạn",
       "trì hợp hoàn thành",
       "1 Triển khai đặt lịch khám trực tuyến Khoa Khám bệnh Phòng Công Quý II/2026",
       "trên ứng dụng của Bệnh viện nghệ thông tin",
       "2 Thanh toán viện phí không dùng Phòng Tài chính - Phòng Điều Tháng 9/2026",
       "tiền mặt tại quầy và tại khoa Kế toán dưỡng",
       "3 Nâng cấp hệ thống lưu trữ và Phòng Công nghệ Khoa Khám bệnh Quý IV/2026",
       "truyền hình ảnh y tế thông tin", "",
       "III. TỔ CHỨC THỰC HIỆN", "Phòng Điều dưỡng theo dõi, tổng hợp kết quả thực hiện."]


def test_a_header_naming_the_lead_by_its_unit_kind_is_a_task_header() -> None:
    assert _task_header(["TT Nội dung nhiệm vụ Phòng chủ | Phòng phối Thời hạn", "trì hợp hoàn thành"], 0)
    assert _task_header(["TT Nhiệm vụ Khoa chủ trì Khoa phối hợp Thời gian hoàn thành"], 0)
    # a sentence about departments is no header
    assert not _task_header(["Các phòng chủ trì, phối hợp thực hiện nhiệm vụ đúng thời hạn. Thời gian: năm 2026."], 0)


def test_a_hospital_task_table_titled_khoa_chu_tri_is_read_from_ocr_text() -> None:
    plan = parse_text("\n".join(OCR), registry=REG)
    assert [(t.no, t.lead_code, t.deadline_text) for t in plan.tasks] == [
        ("1", "KKB", "Quý II/2026"), ("2", "PTCKT", "Tháng 9/2026"), ("3", "PCNTT", "Quý IV/2026")]

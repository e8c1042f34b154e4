"""An annex task table grouped by when its rows are due ("| A | NHIỆM VỤ HOÀN THÀNH TRONG QUÝ II/2026 | | |"), read by
OCR as plain text: the group rows stand in capitals, wrapped in their cell, their letter kept or lost, and each is
taken for an annex heading of its own. The rows of every group are the table's rows and take the group's time, also
where a row's name holds years of its own ("năm học 2026 - 2027"); a row's own time inside its group's period
("Tháng 5/2026" under Quý II) stays (made-up plan)."""

from __future__ import annotations

from giamsat.ingest.pipeline import parse_text

TEXT = "\n".join([
    "UBND TỈNH NAM HÀ SƠN", "SỞ GIÁO DỤC VÀ ĐÀO TẠO", "", "Số: 112/KH-SGDĐT", "", "KẾ HOẠCH",
    "Chuyển đổi số trong giáo dục năm 2026", "",
    "I. NHIỆM VỤ", "",
    "Các nhiệm vụ cụ thể tại Phụ lục kèm theo Kế hoạch này.", "",
    "II. TỔ CHỨC THỰC HIỆN", "",
    "Văn phòng Sở theo dõi, tổng hợp kết quả thực hiện Kế hoạch.", "",
    "PHỤ LỤC", "",
    "NHIỆM VỤ CHUYỂN ĐỔI SỐ NĂM 2026 THEO THỜI HẠN HOÀN THÀNH", "",
    "Đơn vị chủ trì", "",
    "TT Nhiệm vụ Đơn vị phối hợp", "",
    "A NHIỆM VỤ HOÀN", "THÀNH TRONG QUÝ", "", "II/2026", "",
    "1 Ban hành quy chế quản lý học bạ số Phòng Giáo dục trung học Tháng 5/2026", "",
    "2 Rà soát dữ liệu học sinh năm học 2026 - 2027 Văn phòng Sở", "",
    "B NHIỆM VỤ HOÀN THÀNH", "TRƯỚC NGÀY 31/10/2026", "",
    "3 Tập huấn kỹ năng số cho giáo viên tiểu học Phòng Tổ chức cán bộ", "",
    "4 Triển khai thanh toán học phí không dùng tiền mặt Phòng Kế hoạch - Tài chính", "",
    "C NHIỆM VỤ THỰC HIỆN", "THƯỜNG XUYÊN", "",
    "5 Cập nhật tin bài về chuyển đổi số trên trang thông tin của Sở Văn phòng Sở", "",
])


def test_rows_of_every_group_are_read() -> None:
    names = [t.name for t in parse_text(TEXT).tasks]
    assert len(names) == 5 and names[4].startswith("Cập nhật tin bài")
    assert not any("NHIỆM VỤ" in n for n in names)


def test_each_row_takes_its_groups_time() -> None:
    ends = [(t.deadline.kind.value, t.deadline.end and t.deadline.end.isoformat()) if t.deadline else None
            for t in parse_text(TEXT).tasks]
    assert ends == [("month", "2026-05-31"), ("quarter", "2026-06-30"), ("date", "2026-10-31"),
                    ("date", "2026-10-31"), ("continuous", None)]

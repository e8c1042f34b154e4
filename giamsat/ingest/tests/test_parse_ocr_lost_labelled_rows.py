"""Sub-rows whose numbers plain OCR lost, in a task table whose unit cells label their roles ('Chủ trì: …; Phối
hợp: …') read cell by cell: a row has one lead label, so a further one, with a task's name above it, is a row of
its own (made-up lines)."""

from __future__ import annotations

from giamsat.ingest.pipeline import parse_text

_HEAD = ["ỦY BAN NHÂN DÂN XÃ HÒA PHÚ", "Số: 12/KH-UBND", "KẾ HOẠCH", "Chuyển đổi số xã Hòa Phú năm 2026", "",
         "II. NHIỆM VỤ CỤ THỂ", "TT Nội dung Đơn vị thực hiện Thời gian"]
_GROUP_1 = ["1 Xây dựng chính quyền số",
            "1.1 Chủ trì: Văn phòng HĐND | Quý II/2026", "",
            "Số hóa hồ sơ một cửa của xã", "từ năm 2021 đến nay", "",
            "và UBND xã; Phối hợp: Công", "an xã", "",
            # rows 1.2 and 1.3: their numbers lost, each cell a paragraph
            "Cập nhật dữ liệu đất đai lên", "hệ thống dùng chung của tỉnh", "",
            "Chủ trì: Phòng Kinh tế;", "Phối hợp: các thôn", "",
            "Tháng 9/2026", "",
            "Tập huấn sử dụng chữ ký số", "cho cán bộ, công chức xã", "",
            "Chủ trì: Văn phòng HĐND và", "UBND xã", "",
            "Năm 2026", ""]
_GROUP_2 = ["2 Phát triển xã hội số",
            "2.1 Hướng dẫn người dân cài đặt | Chủ trì: Công an xã | Quý III/2026", "ứng dụng định danh điện tử", "",
            "2.2 Tuyên truyền kỹ năng số trên | Chủ trì: Phòng Văn hóa - Xã hội | Hằng tháng", "loa truyền thanh xã", "",
            "III. TỔ CHỨC THỰC HIỆN", "1. Văn phòng HĐND và UBND xã theo dõi, tổng hợp kết quả."]


def test_a_further_lead_label_under_a_row_opens_a_row_numbered_on() -> None:
    plan = parse_text("\n".join([*_HEAD, *_GROUP_1, *_GROUP_2]))
    got = {t.no: (t.name, t.lead, t.deadline_text) for t in plan.tasks}
    assert list(got) == ["1.1", "1.2", "1.3", "2.1", "2.2"]
    assert got["1.2"] == ("Cập nhật dữ liệu đất đai lên hệ thống dùng chung của tỉnh", "Phòng Kinh tế", "Tháng 9/2026")
    assert got["1.3"] == ("Tập huấn sử dụng chữ ký số cho cán bộ, công chức xã", "Văn phòng HĐND và UBND xã", "Năm 2026")
    found = [t for t in plan.tasks if t.no in ("1.2", "1.3")]
    assert all(t.confidence <= 0.45 for t in found)
    assert any("1.2, 1.3" in w and "mất số thứ tự" in w for w in plan.warnings)


def test_one_label_a_row_adds_no_row() -> None:
    group_1 = ["1 Xây dựng chính quyền số",
               "1.1 Số hóa hồ sơ một cửa của xã | Chủ trì: Văn phòng HĐND | Quý II/2026", "từ năm 2021 đến nay", "",
               "1.2 Cập nhật dữ liệu đất đai lên | Chủ trì: Phòng Kinh tế; | Tháng 9/2026",
               "hệ thống dùng chung của tỉnh | Phối hợp: các thôn", ""]
    plan = parse_text("\n".join([*_HEAD, *group_1, *_GROUP_2]))
    assert [t.no for t in plan.tasks] == ["1.1", "1.2", "2.1", "2.2"]
    assert not any("mất số thứ tự" in w for w in plan.warnings)

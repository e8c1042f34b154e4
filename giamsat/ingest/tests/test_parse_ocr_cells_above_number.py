"""OCR'd task rows without positions whose other cells were read ABOVE the row's number (made-up lines)."""

from __future__ import annotations

from giamsat.ingest.pipeline import parse_text

_HEAD = ["ỦY BAN NHÂN DÂN", "TỈNH BÌNH MINH", "KẾ HOẠCH", "Số hóa hồ sơ hành chính năm 2026", "",
         "II. NHIỆM VỤ CỤ THỂ", "",
         "TT Nội dung nhiệm vụ Cơ quan chủ Cơ quan phối | Thời gian hoàn", "trì hợp thành", ""]


def test_cell_blocks_standing_above_each_number_are_that_rows() -> None:
    # rows 1-2 read across; on the next page each row's cells block (lead, coordinator, deadline) stands above its
    # number, and nothing follows the last row's name: each block is the row's below it, not the row's above it
    lines = [*_HEAD,
             "1 Số hóa sổ hộ tịch lưu | Sở Tư pháp Sở Nội vụ | Quý II/2026", "trữ tại cấp xã", "",
             "2 Cấp phiếu lý lịch tư | Sở Tư pháp Công an tỉnh | Năm 2026", "pháp trực tuyến", "",
             "TT Nội dung nhiệm vụ Cơ quan chủ Cơ quan phối | Thời gian hoàn", "trì hợp thành", "",
             "Sở Tài chính Sở Nội vụ | Tháng 9/2026", "",
             "3 Xây dựng cơ sở dữ liệu", "giá đất của tỉnh", "",
             "Văn phòng Sở Tư pháp | Hằng quý", "UBND tỉnh", "",
             "4 Vận hành hệ thống", "quản lý văn bản và", "điều hành", "",
             "III. TỔ CHỨC THỰC HIỆN", "",
             "1. Sở Nội vụ theo dõi, đôn đốc thực hiện Kế hoạch này."]
    tasks = parse_text("\n".join(lines)).tasks
    assert [t.no for t in tasks][:4] == ["1", "2", "3", "4"]
    assert [t.lead for t in tasks][:4] == ["Sở Tư pháp", "Sở Tư pháp", "Sở Tài chính", "Văn phòng UBND tỉnh"]
    assert [t.deadline_text for t in tasks][2:4] == ["Tháng 9/2026", "Hằng quý"]

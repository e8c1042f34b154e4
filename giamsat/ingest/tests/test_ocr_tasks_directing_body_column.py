"""A Party committee's annex names the party body that directs each duty before the body that leads it ("TT | Nội
dung nhiệm vụ | Cấp ủy, tổ chức đảng lãnh đạo, chỉ đạo | Cơ quan chủ trì thực hiện | Cơ quan phối hợp | Thời gian
hoàn thành"), read by OCR as plain text with its titles wrapped: on a row's lines the directing body comes first, so
the lead is the unit right of it, never the Ban cán sự đảng or Đảng đoàn that directs. Made-up programme."""

from __future__ import annotations

from giamsat.ingest.pipeline import parse_text

TEXT = "\n".join([
    "TỈNH ỦY BẮC LĨNH", "", "Số 41-CTr/TU", "", "CHƯƠNG TRÌNH HÀNH ĐỘNG",
    "thực hiện Nghị quyết số 57-NQ/TW của Bộ Chính trị", "",
    "PHỤ LỤC", "DANH MỤC NHIỆM VỤ TRỌNG TÂM", "",
    "TT | Nội dung nhiệm vụ | Cấp ủy, tổ Cơ quan Cơ quan Thời gian",
    "chức đảng chủ trì thực | phối hợp hoàn thành",
    "lãnh đạo, hiện",
    "chỉ đạo", "",
    "1 Xây dựng hệ thống | Ban cán sự | Sở Khoa | Văn phòng | Quý II/2026",
    "thông tin phục vụ đảng UBND học và Tỉnh ủy",
    "điều hành tỉnh Công nghệ", "",
    "2 Vận động nông dân Đảng đoàn | Hội Nông | Các tổ chức | 2025 - 2026",
    "tham gia Bình dân Ủy ban dân tỉnh chính trị -",
    "học vụ số MTTQ tỉnh xã hội tỉnh", "",
    "3 Giám sát chuyên đề Đảng đoàn | Hội đồng | Các Ban của | Năm 2026",
    "về chuyển đổi số HĐND tỉnh | nhân dân | Hội đồng",
    "tỉnh nhân dân tỉnh", "",
])


def test_the_lead_is_the_unit_right_of_the_directing_body() -> None:
    tasks = parse_text(TEXT).tasks
    assert [t.no for t in tasks] == ["1", "2", "3"]
    assert [t.lead_code for t in tasks] == ["SKHCN", "HND", "HDND_TINH"]

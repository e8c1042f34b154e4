"""An amending plan's table of labelled cells ("| STT | Nội dung cũ | Nội dung điều chỉnh | Lý do |", each cell "…;
chủ trì: Sở X; thời gian: …") that OCR read column by column, its cells broken into paragraphs under the section's
heading (its numeral OCR'd "IL"): a paragraph opening in lower case ("đô thị; chủ trì: Sở" / "Xây dựng; thời gian:") or with a unit's name and the next
field's label ("Sở Nông nghiệp và Môi trường; thời gian: Quý IV/2026") is a piece of a cell, not a duty; a paragraph where a row opens
after the cell above ran into it ("năm 2025 2 Nhiệm vụ số 7: …") still is one (made-up plan)."""

from __future__ import annotations

from giamsat.ingest.pipeline import parse_text

TEXT = "\n".join([
    "ỦY BAN NHÂN DÂN", "TỈNH BẮC LĨNH", "", "Số: 140/KH-UBND", "", "KẾ HOẠCH",
    "Điều chỉnh, bổ sung Kế hoạch số 31/KH-UBND ngày 10/3/2025", "",
    "I. ĐIỀU CHỈNH CHỈ TIÊU", "", "Giữ nguyên các chỉ tiêu của Kế hoạch số 31/KH-UBND.", "",
    "IL ĐIỀU CHỈNH, BỔ SUNG NHIỆM VỤ", "",
    "| Nội dung cũ", "", "Nội dung điều chỉnh", "", "Lý do điều chỉnh", "", "STT", "1", "", "|",
    "| Bản đồ số quy hoạch", "",
    "Nhiệm vụ số 3: Xây dựng | Xây dựng bản đồ số quy", "hoạch đô thị; chủ trì: Sở", "",
    "Chờ quy hoạch", "tỉnh được duyệt", "", "", "",
    "Nội dung điều chỉnh", "", "Lý do điều chỉnh", "", "STT | Nội dung cũ", "",
    "đô thị; chủ trì: Sở", "Xây dựng; thời gian:", "Quý IV/2025", "",
    "Khoa học và Công nghệ; thời gian:", "Quý III/2026", "",
    "năm 2025 2 Nhiệm vụ số 7: Số Số hóa hồ sơ đất đai | Sắp xếp đơn vị", "hóa hồ sơ đất đai; chủ trì: | hành chính", "",
    "Sở Nông nghiệp và Môi trường; thời gian: Quý IV/2026", "",
    "III. TỔ CHỨC THỰC HIỆN", "",
    "Sở Tài chính theo dõi, tổng hợp việc thực hiện Kế hoạch.", "",
])


def test_cell_pieces_are_no_duties() -> None:
    names = [t.name for t in parse_text(TEXT).tasks]
    assert not any(n.startswith(("Khoa học", "Sở Nông", "đô thị")) for n in names)
    assert any("Số hóa hồ sơ đất đai" in n for n in names)

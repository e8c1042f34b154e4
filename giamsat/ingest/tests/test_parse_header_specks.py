"""Task table headers with OCR's specks in their cells (made-up lines)."""

from __future__ import annotations

from giamsat.ingest.pipeline import parse_text


def test_a_speck_before_an_end_columns_title_keeps_it_the_deadline_column() -> None:
    # a two-row header whose empty top cell over "Kết thúc" holds a speck ("-"): the merged title "- Kết thúc"
    text = "\n".join(["ỦY BAN NHÂN DÂN XÃ BÌNH AN", "KẾ HOẠCH", "Chuyển đổi số năm 2027", "", "PHỤ LỤC", "",
                      "| STT | Nội dung nhiệm vụ | Chủ trì | Thời gian | - |",
                      "|---|---|---|---|---|",
                      "| | | | Bắt đầu | Kết thúc |",
                      "| 1 | Số hóa sổ hộ tịch | Công an xã | 01/2027 | 06/2027 |",
                      "| 2 | Lập bản đồ số du lịch | Phòng Văn hóa - Xã hội | 03/2027 | 12/2027 |"])
    tasks = parse_text(text).tasks
    assert [(t.no, t.deadline_text) for t in tasks] == [("1", "06/2027"), ("2", "12/2027")]

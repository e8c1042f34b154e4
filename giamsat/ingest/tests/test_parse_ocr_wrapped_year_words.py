"""Plain OCR text of an annex whose deadline cells are narrow: a cell's first words on the row's line, its year
wrapped below ("Năm" / "2027", "6 tháng cuối năm" / "2026"), the next cells' words between (made-up lines)."""

from __future__ import annotations

from giamsat.ingest.pipeline import parse_text

HEAD = ["ỦY BAN NHÂN DÂN TỈNH KON PLÔNG", "", "KẾ HOẠCH", "Đầu tư phát triển y tế số giai đoạn 2026 - 2028", "",
        "PHỤ LỤC", "DANH MỤC DỰ ÁN Y TẾ SỐ", "",
        "TT | Dự án | Cơ quan chủ trì | Thời gian | Kinh phí | Nguồn vốn", "thực hiện | (tỷ đồng)", ""]


def test_a_year_cell_whose_year_wrapped_below_its_word_is_read_whole() -> None:
    text = "\n".join([*HEAD,
                      "1 Dự án hồ sơ sức | Sở Y tế Năm 64,5 Ngân sách",
                      "khỏe điện tử toàn 2027 tỉnh, nguồn", "dân tại các xã | thu sự nghiệp", "",
                      "2 Đề án kết nối | Sở Tài chính Năm | 20 Ngân sách",
                      "dữ liệu bảo hiểm | 2026 tỉnh", ""])
    tasks = parse_text(text).tasks
    assert [(t.no, t.lead_code) for t in tasks] == [("1", "SYT"), ("2", "STC")]
    assert [(t.deadline_text, str(t.deadline.end) if t.deadline else None) for t in tasks] == [
        ("Năm 2027", "2027-12-31"), ("Năm 2026", "2026-12-31")]


def test_a_half_year_whose_year_wrapped_below_is_that_half() -> None:
    text = "\n".join([*HEAD,
                      "1 Rà soát lỗ hổng bảo | Sở Y tế 6 tháng cuối năm",
                      "mật các bệnh viện | 2026", "",
                      "2 Đề án kết nối | Sở Tài chính Quý IV/2026 | 20 Ngân sách",
                      "dữ liệu bảo hiểm | tỉnh", ""])
    task = parse_text(text).tasks[0]
    assert task.deadline is not None
    assert (task.deadline_text, task.deadline.kind.value, str(task.deadline.end)) == \
        ("6 tháng cuối năm 2026", "half", "2026-12-31")

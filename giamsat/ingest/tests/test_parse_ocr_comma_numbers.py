"""OCR may read a numbered duty's "." as "," or ";" ("7, Giai đoạn 2026 - 2027, Sở Công Thương chủ trì …"). At the
start of a line that follows a blank line or a finished sentence, "N, Capital…" right after item N-1 is item N: the
duties stay siblings, none of them becomes the heading of the next."""

from __future__ import annotations

from giamsat.ingest.pipeline import parse_text
from giamsat.ingest.structure import classify

HEAD = ["ỦY BAN NHÂN DÂN TỈNH LẠC SƠN", "Số: 61/KH-UBND", "KẾ HOẠCH", "Thực hiện chuyển đổi số năm 2026", "",
        "I. MỤC TIÊU", "Hoàn thành các nhiệm vụ chuyển đổi số của tỉnh.", "", "II. NHIỆM VỤ", ""]
DUTIES = ["5. Hằng quý, Sở Nội vụ tổng hợp kết quả đánh giá chỉ số cải cách hành chính của các sở, ngành.", "",
          "6, Trong năm 2026, Sở Y tế chủ trì triển khai bệnh án điện tử tại các bệnh viện tuyến tỉnh.", "",
          "7. Khi Bộ Y tế ban hành hướng dẫn, Sở Y tế tham mưu triển khai sổ sức khỏe điện tử; hoàn thành trong Quý IV/2026.",
          ""]
TAIL = ["III. TỔ CHỨC THỰC HIỆN", "Các sở, ngành triển khai thực hiện Kế hoạch này."]


def test_a_number_followed_by_a_comma_after_the_item_before_it_is_the_next_item() -> None:
    plan = parse_text("\n".join([*HEAD, *DUTIES, *TAIL]))
    assert [(t.no, t.lead_code) for t in plan.tasks] == [("5", "SNV"), ("6", "SYT"), ("7", "SYT")]


def test_a_figure_and_a_comma_inside_a_paragraph_stays_text() -> None:
    assert classify("6, Trong năm 2026, …")[0] == "text"          # alone, a line is not judged by its neighbours
    lines = [*HEAD, "5. Các sở rà soát danh mục dịch vụ công thuộc các nhóm", "4, 5 và 6 theo hướng dẫn của Bộ.", "",
             *TAIL]
    plan = parse_text("\n".join(lines))
    assert [t.no for t in plan.tasks] in ([], ["5"])

"""Duties written as paragraphs under a numbered heading, each closing with the sentence that assigns it ("Giao Sở A
chủ trì, phối hợp với Sở B thực hiện; hoàn thành …"), often open with a paragraph saying why the heading matters,
which assigns nothing and sets no time: that paragraph is no duty. A first paragraph that names its unit or its
time stays a duty. Made-up paragraphs of a provincial tourism plan."""

from __future__ import annotations

from giamsat.ingest.pipeline import parse_text

HEAD = ["ỦY BAN NHÂN DÂN TỈNH AN BÌNH", "Số: 12/KH-UBND", "", "KẾ HOẠCH",
        "Phát triển du lịch thông minh giai đoạn 2026 - 2030", "", "III. NHIỆM VỤ, GIẢI PHÁP", "",
        "1. Phát triển hạ tầng số và dữ liệu du lịch", ""]
DUTY = ("Xây dựng cơ sở dữ liệu du lịch của tỉnh, kết nối với Nền tảng dữ liệu du lịch quốc gia. Giao Sở Văn hóa, Thể "
        "thao và Du lịch chủ trì, phối hợp với Sở Khoa học và Công nghệ thực hiện; hoàn thành trong tháng 12/2026.")


def _tasks(*paragraphs: str) -> list[tuple[str, str | None]]:
    plan = parse_text("\n".join(HEAD + [p + "\n" for p in paragraphs]))
    return [(t.name[:30], t.lead_code) for t in plan.tasks]


def test_the_heading_preamble_is_no_duty() -> None:
    preamble = ("Hạ tầng số là nền tảng của du lịch thông minh; các cơ quan, đơn vị ưu tiên đầu tư hạ tầng tại các "
                "khu, điểm du lịch trọng điểm.")
    assert _tasks(preamble, DUTY) == [("Xây dựng cơ sở dữ liệu du lịch", "SVHTTDL")]


def test_a_first_paragraph_with_its_time_stays_a_duty() -> None:
    first = "Rà soát hiện trạng hạ tầng mạng tại các điểm du lịch, hoàn thành trong Quý II/2026."
    assert _tasks(first, DUTY) == [("Rà soát hiện trạng hạ tầng mạn", None), ("Xây dựng cơ sở dữ liệu du lịch", "SVHTTDL")]

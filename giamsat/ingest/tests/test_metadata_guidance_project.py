"""Document fields of a guidance ("HƯỚNG DẪN", code HD) and a scheme ("ĐỀ ÁN", code ĐA), the kind read from a
symbol's kind code and not from an issuer's code, and a header whose motto OCR broke after its first word
(made-up headers)."""

from __future__ import annotations

from typing import Any

from giamsat.ingest.pipeline import parse_text

HEAD = """\
UBND TỈNH HÒA BÌNH                    CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
{issuer}                    Độc lập - Tự do - Hạnh phúc

Số: {number}                    Hòa Bình, ngày 12 tháng 3 năm 2026

{kind}
{title}

Căn cứ Nghị quyết số 57-NQ/TW ngày 22/12/2024 của Bộ Chính trị;

I. MỤC ĐÍCH, YÊU CẦU
Đẩy mạnh ứng dụng công nghệ số trong hoạt động của các cơ quan.
"""


def _doc(text: str) -> dict[str, Any]:
    doc: dict[str, Any] = parse_text(text).to_json()["document"]
    return doc


def test_a_guidance_is_a_guidance_and_keeps_its_code() -> None:
    doc = _doc(HEAD.format(issuer="SỞ KHOA HỌC VÀ CÔNG NGHỆ", number="15/HD-SKHCN", kind="HƯỚNG DẪN",
                           title="Triển khai ký số trong cơ quan nhà nước năm 2026"))
    assert doc["number"] == "15/HD-SKHCN"  # was "15/HĐ-SKHCN": a contract's code
    assert doc["doc_type"] == "guidance"  # was "plan": the "KH" inside "SKHCN"
    assert doc["title"] == "Hướng dẫn Triển khai ký số trong cơ quan nhà nước năm 2026"  # was None


def test_a_scheme_numbered_with_its_own_code() -> None:
    text = HEAD.format(issuer="SỞ NỘI VỤ", number="05/ĐA-SNV", kind="ĐỀ ÁN",
                       title="Phát triển nhân lực số giai đoạn 2026 - 2030")
    doc = _doc(text)
    assert (doc["number"], doc["doc_type"]) == ("05/ĐA-SNV", "project")
    # OCR read the Đ as D and lost the marks
    ocr = _doc(text.replace("05/ĐA-SNV", "05/DA-SNV").replace("ĐỀ ÁN", "DE AN"))
    assert (ocr["number"], ocr["doc_type"]) == ("05/ĐA-SNV", "project")


def test_a_joint_plans_code_names_a_plan() -> None:
    doc = _doc(HEAD.format(issuer="SỞ NỘI VỤ", number="07/KHPH-SNV-TĐTN", kind="KẾ HOẠCH PHỐI HỢP",
                           title="Hỗ trợ thanh niên khởi nghiệp sáng tạo"))
    assert (doc["number"], doc["doc_type"]) == ("07/KHPH-SNV-TĐTN", "plan")


def test_the_mottos_first_word_broken_off_its_line_is_no_issuer() -> None:
    text = HEAD.format(issuer="SO NOI VU", number="07/KH-SNV", kind="KẾ HOẠCH", title="Chuyển đổi số năm 2026")
    lines = text.split("\n")
    # the scan's line broke after the motto's first word: "… CONG" / "HOA XA HOI CHU NGHIA VIET NAM"
    lines[0:1] = ["UBND TINH HOA BINH                    CONG", "HOA XA HOI CHU NGHIA VIET NAM"]
    assert _doc("\n".join(lines))["issuer"] == "SỞ NỘI VỤ"  # was "UBND TỈNH HÒA BÌNH"


def test_a_notice_of_conclusions_is_a_notice_with_its_title() -> None:
    doc = _doc(HEAD.format(issuer="VĂN PHÒNG", number="88/TB-UBND", kind="THÔNG BÁO",
                           title="Kết luận của Chủ tịch Ủy ban nhân dân tỉnh tại buổi làm việc về chuyển đổi số"))
    assert doc["number"] == "88/TB-UBND"
    assert doc["doc_type"] == "notice"  # was None
    assert doc["title"] == "Thông báo Kết luận của Chủ tịch Ủy ban nhân dân tỉnh tại buổi làm việc về chuyển đổi số"

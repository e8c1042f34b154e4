"""Document metadata of other kinds of documents: joint plans, official letters, a number cited in the header."""

from __future__ import annotations

from typing import Any

from giamsat.ingest.pipeline import parse_text
from giamsat.ingest.quality import degrade

JOINT = """\
UBND TỈNH BẮC SƠN                    HỘI LIÊN HIỆP PHỤ NỮ              CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
SỞ NỘI VỤ                            TỈNH BẮC SƠN                          Độc lập - Tự do - Hạnh phúc

Số: 05/KHLT-SNV-HLHPN                                    Bắc Sơn, ngày 02 tháng 7 năm 2025

KẾ HOẠCH LIÊN TỊCH
Hỗ trợ phụ nữ khởi nghiệp đổi mới sáng tạo năm 2025

Căn cứ Kế hoạch số 210/KH-UBND ngày 15/12/2024 của UBND tỉnh;
Căn cứ Chương trình phối hợp số 03/CTrPH-BNV-TWHLHPN ngày 01/3/2025;

I. MỤC ĐÍCH
"""

LETTER = """\
UBND TỈNH BẮC SƠN                 CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
SỞ XÂY DỰNG                       Độc lập - Tự do - Hạnh phúc

Số: 987/SXD-VP                    Bắc Sơn, ngày 03 tháng 10 năm 2025
V/v rà soát dữ liệu công trình theo Kế hoạch số 77/KH-UBND
ngày 15/9/2025 của UBND tỉnh

Kính gửi:
- UBND các xã, phường.

Thực hiện Kế hoạch số 77/KH-UBND ngày 15/9/2025 của UBND tỉnh, Sở Xây dựng đề nghị:
1. Rà soát, cập nhật dữ liệu trước ngày 30/10/2025.
"""


def _doc(text: str) -> dict[str, Any]:
    doc: dict[str, Any] = parse_text(text).to_json()["document"]
    return doc


def test_a_joint_plan_of_two_bodies_side_by_side_is_the_first_bodys() -> None:
    doc = _doc(JOINT)
    assert doc["issuer"] == "SỞ NỘI VỤ"  # was both columns run together, or "UBND TỈNH BẮC SƠN"
    assert doc["number"] == "05/KHLT-SNV-HLHPN"  # was the cited "210/KH-UBND"
    assert doc["doc_type"] == "plan"
    assert doc["parents"] == ["210/KH-UBND", "03/CTrPH-BNV-TWHLHPN"]
    for seed in range(3):
        damaged = _doc(degrade(JOINT, seed))
        assert (damaged["issuer"], damaged["number"]) == ("SỞ NỘI VỤ", "05/KHLT-SNV-HLHPN")


def test_two_parties_names_in_the_header_of_a_joint_plan_two_numbers() -> None:
    text = (
        "ĐẢNG ỦY XÃ AN PHÚ              ỦY BAN NHÂN DÂN XÃ AN PHÚ      ĐẢNG CỘNG SẢN VIỆT NAM\n"
        "Số: 08-KH/ĐU                   Số: 35/KH-UBND               An Phú, ngày 05 tháng 9 năm 2025\n\n"
        "KẾ HOẠCH\nPhối hợp thực hiện chuyển đổi số trên địa bàn xã năm 2025\n\nI. MỤC ĐÍCH\n"
    )
    doc = _doc(text)
    assert (doc["issuer"], doc["number"]) == ("ĐẢNG ỦY XÃ AN PHÚ", "08-KH/ĐU")


def test_a_number_cited_in_the_header_is_not_the_documents() -> None:
    text = JOINT.replace("Số: 05/KHLT-SNV-HLHPN", "Số: /KHLT-SNV-HLHPN")  # OCR lost the number's digits
    assert _doc(text)["number"] is None  # was "210/KH-UBND", the plan "Căn cứ Kế hoạch số …" cites


def test_an_official_letter_its_number_subject_and_parent() -> None:
    doc = _doc(LETTER)
    assert doc["issuer"] == "SỞ XÂY DỰNG"
    assert doc["number"] == "987/SXD-VP"  # was "77/KH-UBND", the plan the subject line cites
    assert doc["doc_type"] == "official_letter"
    assert doc["title"] == (
        "Công văn về việc rà soát dữ liệu công trình theo Kế hoạch số 77/KH-UBND ngày 15/9/2025 của UBND tỉnh"
    )
    assert doc["parents"] == ["77/KH-UBND"]


def test_an_official_letter_whose_subject_ocr_ran_into_the_number_line() -> None:
    text = LETTER.replace("2025\nV/v", "2025 V/v")
    doc = _doc(text)
    assert doc["number"] == "987/SXD-VP"
    assert doc["doc_type"] == "official_letter"
    assert (doc["title"] or "").startswith("Công văn về việc rà soát dữ liệu công trình")


def test_a_plan_whose_header_names_no_kind_code_is_no_letter() -> None:
    text = LETTER.replace("Số: 987/SXD-VP", "Số: 987/KH-SXD").replace("V/v", "KẾ HOẠCH\nVề việc")
    doc = _doc(text)
    assert doc["doc_type"] == "plan"
    assert doc["number"] == "987/KH-SXD"

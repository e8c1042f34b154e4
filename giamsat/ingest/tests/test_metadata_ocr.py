"""Document metadata read from OCR text that kept part of its marks: made-up headers."""

from __future__ import annotations

from giamsat.ingest.pipeline import parse_bytes

HEADER = """\
UBND HUYEN AN LAO CONG HOA XA HOI CHU NGHIA VIET NAM
S& NOI VU Doc lap - Tu do - Hanh phuc
So: 45/KH-SNV An Lao, ngay 10 thang 3 nam 2026
KẾ HOACH
Chuyen doi so trong cong tác noi vu
cua huyện An Lao đến nam 2028

Căn cứ Kế hoạch số 12/KH-UBND ngày 01/02/2026 của Ủy ban nhân dân huyện;

I. MỤC ĐÍCH
"""


def test_issuer_in_capitals_and_title_restored() -> None:
    doc = parse_bytes(HEADER.encode(), "plan.txt").to_json()["document"]
    assert doc["issuer"] == "SỞ NỘI VỤ"         # "S&": OCR kept one capital of "SỞ"
    assert doc["title"] == "Kế hoạch Chuyển đổi số trong công tác nội vụ của huyện An Lão đến năm 2028"
    assert (doc["number"], doc["date"], doc["doc_type"]) == ("45/KH-SNV", "2026-03-10", "plan")
    assert doc["parents"] == ["12/KH-UBND"]


def test_a_decision_title_in_capitals_that_kept_some_marks() -> None:
    text = HEADER.replace("KẾ HOACH", "QUYET ĐỊNH").replace("45/KH-SNV", "45/QĐ-SNV")
    doc = parse_bytes(text.encode(), "plan.txt").to_json()["document"]
    assert doc["title"] == "Quyết định Chuyển đổi số trong công tác nội vụ của huyện An Lão đến năm 2028"
    assert doc["doc_type"] == "decision"


def test_an_agency_code_whose_d_stands_for_dj_is_spelt_as_the_body_it_names() -> None:
    text = """\
BO TAI CHINH CONG HOA XA HOI CHU NGHIA VIET NAM
TRUONG CAO DANG TAI CHINH DONG NAM Doc lap - Tu do - Hanh phuc
So: 77/KH-CDTCDN Ha Noi, ngay 02 thang 4 nam 2026
KE HOACH
Ứng dụng công nghệ số trong đào tạo giai đoạn 2026 - 2030

Căn cứ Quyết định số 15/QĐ-HDT ngày 10/3/2026 của Hội đồng trường Trường Cao đẳng Tài chính Đông Nam;
Căn cứ Kế hoạch số 9/KH-UBND ngày 01/02/2026 của Ủy ban nhân dân tỉnh;

I. MỤC ĐÍCH
"""
    doc = parse_bytes(text.encode(), "plan.txt").to_json()["document"]
    assert doc["number"] == "77/KH-CĐTCĐN"
    assert sorted(doc["parents"]) == ["15/QĐ-HĐT", "9/KH-UBND"]


def test_a_number_line_broken_after_so() -> None:
    text = HEADER.replace("So: 45/KH-SNV An Lao,", "So:\n45/KH-SNV An Lao,")
    doc = parse_bytes(text.encode(), "plan.txt").to_json()["document"]
    assert (doc["number"], doc["doc_type"], doc["issuer"]) == ("45/KH-SNV", "plan", "SỞ NỘI VỤ")


def test_the_kind_run_into_the_title_or_into_the_date_line() -> None:
    joined = HEADER.replace("KẾ HOACH\nChuyen doi so", "KẾ HOACH chuyen doi so")
    doc = parse_bytes(joined.encode(), "plan.txt").to_json()["document"]
    assert doc["title"] == "Kế hoạch chuyển đổi số trong công tác nội vụ của huyện An Lão đến năm 2028"
    decision = HEADER.replace("45/KH-SNV", "45/QĐ-SNV").replace("nam 2026\nKẾ HOACH\n", "nam 2026 QUYET DINH\n\n")
    decision = decision.replace("I. MỤC ĐÍCH\n", "QUYẾT ĐỊNH:\n\nĐiều 1. Ban hành kèm theo Quyết định này Kế hoạch chuyển đổi số.\n")
    doc = parse_bytes(decision.encode(), "plan.txt").to_json()["document"]
    assert doc["title"] == "Quyết định Chuyển đổi số trong công tác nội vụ của huyện An Lão đến năm 2028"
    assert doc["parents"] == ["12/KH-UBND"]

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
    assert doc["issuer"] == "SỞ NỘI VỤ"  # "S&": OCR kept one capital of "SỞ"
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
    decision = HEADER.replace("45/KH-SNV", "45/QĐ-SNV").replace(
        "nam 2026\nKẾ HOACH\n", "nam 2026 QUYET DINH\n\n"
    )
    decision = decision.replace(
        "I. MỤC ĐÍCH\n", "QUYẾT ĐỊNH:\n\nĐiều 1. Ban hành kèm theo Quyết định này Kế hoạch chuyển đổi số.\n"
    )
    doc = parse_bytes(decision.encode(), "plan.txt").to_json()["document"]
    assert doc["title"] == "Quyết định Chuyển đổi số trong công tác nội vụ của huyện An Lão đến năm 2028"
    assert doc["parents"] == ["12/KH-UBND"]


PARTY_HEAD = """\
ĐẢNG BỘ TỈNH BẮC SƠN                    ĐẢNG CỘNG SẢN VIỆT NAM
TỈNH ỦY
*                                   Bắc Sơn, ngày 05 tháng 3 năm 2026
Số: 12-CTr/TU

CHƯƠNG TRÌNH HÀNH ĐỘNG
của Ban Thường vụ Tỉnh ủy thực hiện Nghị quyết số 57-NQ/TW

Căn cứ Nghị quyết số 57-NQ/TW ngày 22/12/2024 của Bộ Chính trị;
Căn cứ Kế hoạch số 01-KH/TU ngày 15/01/2025 của Ban Thường vụ Tỉnh ủy;
Ban Thường vụ Tỉnh ủy ban hành Chương trình hành động như sau:

I. MỤC TIÊU
"""


def test_a_party_committee_below_its_organisation_is_named_with_its_place() -> None:
    doc = parse_bytes(PARTY_HEAD.encode(), "plan.txt").to_json()["document"]
    assert doc["issuer"] == "TỈNH ỦY BẮC SƠN"
    assert (doc["number"], doc["date"], doc["doc_type"]) == ("12-CTr/TU", "2026-03-05", "programme")
    assert doc["parents"] == ["57-NQ/TW", "01-KH/TU"]
    commune = PARTY_HEAD.replace("ĐẢNG BỘ TỈNH BẮC SƠN", "ĐẢNG BỘ XÃ AN KHÊ").replace(
        "TỈNH ỦY\n", "ĐẢNG ỦY\n"
    )
    assert parse_bytes(commune.encode(), "plan.txt").to_json()["document"]["issuer"] == "ĐẢNG ỦY XÃ AN KHÊ"
    # a committee of a lower level, named with its own place, is the organisation's committee below it that issues
    # (the Party's header: the organisation above, then the issuing committee)
    other = PARTY_HEAD.replace("TỈNH ỦY\n", "HUYỆN ỦY AN KHÊ\n")
    assert parse_bytes(other.encode(), "plan.txt").to_json()["document"]["issuer"] == "HUYỆN ỦY AN KHÊ"


def test_a_party_executive_committee_named_over_two_lines() -> None:
    text = PARTY_HEAD.replace("ĐẢNG BỘ TỈNH BẮC SƠN   ", "BAN CHẤP HÀNH ĐẢNG BỘ").replace(
        "TỈNH ỦY\n", "HUYỆN TÂN HÒA\n"
    )
    doc = parse_bytes(text.encode(), "plan.txt").to_json()["document"]
    assert doc["issuer"] == "BAN CHẤP HÀNH ĐẢNG BỘ HUYỆN TÂN HÒA"


def test_the_motto_as_ocr_misread_it_is_no_part_of_the_issuer() -> None:
    text = PARTY_HEAD.replace(
        "TỈNH BẮC SƠN                    ĐẢNG CỘNG SẢN VIỆT NAM",
        "TỈNH BẮC SƠN                    DANG C9NG SAN VI¢T NAM",
    ).replace("TỈNH ỦY\n", "\n")
    assert parse_bytes(text.encode(), "plan.txt").to_json()["document"]["issuer"] == "ĐẢNG BỘ TỈNH BẮC SƠN"


def test_a_date_line_broken_by_ocr() -> None:
    for broken in (
        "Bắc Sơn, ngày\n                                   05 tháng 3 năm 2026",
        "Bắc Sơn, ngay 05 thang 3\n\nnam 2026",
    ):
        text = PARTY_HEAD.replace("Bắc Sơn, ngày 05 tháng 3 năm 2026", broken)
        assert parse_bytes(text.encode(), "plan.txt").to_json()["document"]["date"] == "2026-03-05"


UNIVERSITY_HEAD = """\
BỘ GIÁO DỤC VÀ ĐÀO TẠO          CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
TRƯỜNG ĐẠI HỌC BẮC SƠN                 Độc lập - Tự do - Hạnh phúc

Số: 215/KH-ĐHBS                   Bắc Sơn, ngày 05 tháng 3 năm 2026

KẾ HOẠCH
Chuyển đổi số của Trường Đại học Bắc Sơn giai đoạn 2026 - 2030

Căn cứ Quyết định số 131/QĐ-TTg ngày 25/01/2022 của Thủ tướng Chính phủ;
Căn cứ Kế hoạch số 45/KH-BGDĐT ngày 10/02/2026 của Bộ Giáo dục và Đào tạo;
Kế hoạch này thay thế Kế hoạch số 98/KH-ĐHBS ngày 12/4/2024 của Hiệu trưởng.

I. MỤC ĐÍCH
1. Nâng cao năng lực số của giảng viên.

III. TỔ CHỨC THỰC HIỆN
Kế hoạch có hiệu lực kể từ ngày ký, thay thế Kế hoạch số 98/KH-ĐHBS ngày 12/4/2024 và Kế hoạch số 17/KH-ĐHBS
ngày 02/01/2025 của Hiệu trưởng về chuyển đổi số, Quyết định số 131/QĐ-TTg.
"""


def test_a_replaced_document_is_no_parent_and_a_list_of_them_is_read() -> None:
    doc = parse_bytes(UNIVERSITY_HEAD.encode(), "plan.txt").to_json()["document"]
    assert doc["issuer"] == "TRƯỜNG ĐẠI HỌC BẮC SƠN"
    assert doc["parents"] == ["131/QĐ-TTg", "45/KH-BGDĐT"]
    assert doc["replaces"] == ["98/KH-ĐHBS", "17/KH-ĐHBS"]
    # without "này": the sentence on the plan's force names what it replaces
    alone = UNIVERSITY_HEAD.replace(
        "Kế hoạch này thay thế Kế hoạch số 98/KH-ĐHBS ngày 12/4/2024 của Hiệu trưởng.\n", ""
    )
    alone = alone.replace(" và Kế hoạch số 17/KH-ĐHBS\nngày 02/01/2025", "\nngày 02/01/2025")
    doc = parse_bytes(alone.encode(), "plan.txt").to_json()["document"]
    assert doc["replaces"] == ["98/KH-ĐHBS"]
    # a task that issues a document in place of another replaces nothing of this plan
    task = alone.replace(
        "Kế hoạch có hiệu lực kể từ ngày ký, thay thế", "Phòng Đào tạo ban hành quy chế thay thế"
    )
    assert parse_bytes(task.encode(), "plan.txt").to_json()["document"]["replaces"] == []


def test_the_kind_run_into_a_capitalised_title() -> None:
    text = UNIVERSITY_HEAD.replace("KẾ HOẠCH\nChuyển đổi số", "KE HOACH Chuyen doi so")
    doc = parse_bytes(text.encode(), "plan.txt").to_json()["document"]
    assert doc["title"] == "Kế hoạch Chuyển đổi số của Trường Đại học Bắc Sơn giai đoạn 2026 - 2030"
    text = UNIVERSITY_HEAD.replace("KẾ HOẠCH\n", "KẾ HOẠCH Số 12\n")
    assert parse_bytes(text.encode(), "plan.txt").to_json()["document"]["title"] != "Kế hoạch Số 12"


def test_a_company_below_its_owner_named_over_two_lines() -> None:
    text = """\
UBND TỈNH BẮC SƠN                         CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
CÔNG TY TNHH MỘT THÀNH VIÊN                 Độc lập - Tự do - Hạnh phúc
MÔI TRƯỜNG ĐÔ THỊ BẮC SƠN

Số: 31/KH-MTĐT                              Bắc Sơn, ngày 12 tháng 5 năm 2026

KẾ HOẠCH
Chuyển đổi số trong thu gom, xử lý chất thải của Công ty năm 2026

I. MỤC ĐÍCH, YÊU CẦU
"""
    doc = parse_bytes(text.encode(), "plan.txt").to_json()["document"]
    assert doc["issuer"] == "CÔNG TY TNHH MỘT THÀNH VIÊN MÔI TRƯỜNG ĐÔ THỊ BẮC SƠN"
    joint = text.replace("CÔNG TY TNHH MỘT THÀNH VIÊN   ", "CÔNG TY CỔ PHẦN              ")
    assert parse_bytes(joint.encode(), "plan.txt").to_json()["document"]["issuer"] == (
        "CÔNG TY CỔ PHẦN MÔI TRƯỜNG ĐÔ THỊ BẮC SƠN"
    )


def test_a_central_steering_committee_code_whose_dj_ocr_read_as_d() -> None:
    text = PARTY_HEAD.replace("Căn cứ Kế hoạch số 01-KH/TU", "Can cu Ke hoach so 01-KH/BCDTW")
    assert parse_bytes(text.encode(), "plan.txt").to_json()["document"]["parents"] == [
        "57-NQ/TW",
        "01-KH/BCĐTW",
    ]


def test_a_company_board_code_whose_dj_ocr_read_as_d() -> None:
    text = PARTY_HEAD.replace("Căn cứ Kế hoạch số 01-KH/TU", "Can cu Nghi quyet so 03/NQ-HDTV")
    assert parse_bytes(text.encode(), "plan.txt").to_json()["document"]["parents"] == [
        "57-NQ/TW",
        "03/NQ-HĐTV",
    ]


def test_a_council_resolution_names_the_assemblys_resolution_among_its_parents() -> None:
    text = """\
HỘI ĐỒNG NHÂN DÂN                 CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
TỈNH BẮC SƠN                              Độc lập - Tự do - Hạnh phúc

Số: 15/2026/NQ-HĐND                   Bắc Sơn, ngày 10 tháng 7 năm 2026

NGHỊ QUYẾT
Quy định chính sách hỗ trợ chuyển đổi số trên địa bàn tỉnh Bắc Sơn

Căn cứ Luật Tổ chức chính quyền địa phương ngày 19 tháng 02 năm 2025;
Căn cứ Nghị quyết số 193/2025/QH15 ngày 19/02/2025 của Quốc hội;
Căn cứ Nghị định số 88/2025/NĐ-CP ngày 10/4/2025 của Chính phủ;
Xét Tờ trình số 45/TTr-UBND ngày 20/6/2026 của Ủy ban nhân dân tỉnh;

QUYẾT NGHỊ:

Điều 1. Phạm vi điều chỉnh
"""
    doc = parse_bytes(text.encode(), "plan.txt").to_json()["document"]
    assert (doc["issuer"], doc["number"], doc["doc_type"]) == (
        "HỘI ĐỒNG NHÂN DÂN TỈNH BẮC SƠN",
        "15/2026/NQ-HĐND",
        "resolution",
    )
    assert doc["parents"] == ["193/2025/QH15", "88/2025/NĐ-CP"]


def test_a_title_run_into_the_kind_line_ends_at_the_blank_line() -> None:
    text = """\
TỈNH ỦY BẮC SƠN                        ĐẢNG CỘNG SẢN VIỆT NAM
*
Số 45-CT/TU                           Bắc Sơn, ngày 20 tháng 8 năm 2026

CHI THI cua Ban Thuong vu Tinh uy ve tang cuong lanh dao doi voi cong tac chuyen doi so

Thoi gian qua, thuc hien Nghi quyet so 57-NQ/TW ngay 22/12/2024 cua Bo Chinh tri, cong tac chuyen doi so dat ket qua.

1. Cac cap uy, to chuc dang
"""
    doc = parse_bytes(text.encode(), "plan.txt").to_json()["document"]
    assert doc["doc_type"] == "directive"
    assert (
        doc["title"]
        == "Chỉ thị của Ban Thường vụ Tỉnh ủy về tăng cường lãnh đạo đối với công tác chuyển đổi số"
    )
    assert doc["parents"] == ["57-NQ/TW"]


def test_the_headers_two_lines_run_into_one() -> None:
    """OCR ran the header's two lines into one: the words between the motto's two lines are the issuer's second line."""
    head = """\
{line}

So: 312/KH-UBND                        Bac Son, ngay 21 thang 8 nam 2026

KE HOACH
Chuyen doi so tinh Bac Son nam 2026

I. MUC DICH
"""
    one = (
        "ỦY BAN NHAN DAN     CỘNG HOA XA HOI CHU NGHĨA VIET NAM TINH BAC SON      Doc lap - Tu do - Hanh phuc"
    )
    doc = parse_bytes(head.format(line=one).encode(), "plan.txt").to_json()["document"]
    assert doc["issuer"] == "ỦY BAN NHÂN DÂN TỈNH BẮC SƠN"
    two = (
        "UBND TINH BAC SON     C9NG HOA XA HOI CHU NGHIA VIỆT NAM SO Y TE        Doc lập - Tu do - Hạnh phúc"
    )
    doc = parse_bytes(head.format(line=two).replace("KH-UBND", "KH-SYT").encode(), "plan.txt").to_json()[
        "document"
    ]
    assert doc["issuer"] == "SỞ Y TẾ"

"""Headers in capitals that lost their marks ("UY BAN NHAN DAN TINH …"): the restorer reads a word in
capitals as it reads it capitalised (candidates are searched on the lower-case token and the case put
back; a word in capitals or capitalised may be a name's, one in lower case is not), so a header
restores as its capitalised words would, re-cased; acronyms stay."""

from __future__ import annotations

import pytest

from giamsat.ingest.restore import restore_text

HEADERS = ["UY BAN NHAN DAN TINH BINH DINH", "KE HOACH TRIEN KHAI THUC HIEN NGHI QUYET",
           "CONG HOA XA HOI CHU NGHIA VIET NAM", "CHUONG TRINH HANH DONG CUA CHINH PHU",
           "DANH MUC CAC CHI TIEU CU THE", "BAN CHAP HANH DANG BO XA"]


@pytest.mark.parametrize("header", HEADERS)
def test_a_header_in_capitals_restores_like_its_capitalised_words(header: str) -> None:
    assert restore_text(header) == restore_text(header.title()).upper()


def test_header_words_in_capitals_get_their_marks_and_acronyms_stay() -> None:
    assert restore_text("UY BAN NHAN DAN TINH BINH DINH") == "ỦY BAN NHÂN DÂN TỈNH BÌNH ĐỊNH"
    assert restore_text("SO KHOA HOC VA CONG NGHE TINH") == "SỞ KHOA HỌC VÀ CÔNG NGHỆ TỈNH"
    assert restore_text("UBND TINH, SO KH&CN") == "UBND TỈNH, SỞ KH&CN"

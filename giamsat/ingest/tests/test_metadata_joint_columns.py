"""A joint plan's header whose two columns a PDF's text or OCR ran together (or took in turn): the issuer is
the left body's, as the number is. Made-up heads."""

from __future__ import annotations

from giamsat.ingest.metadata import parse_metadata
from giamsat.ingest.pipeline import parse_text
from giamsat.ingest.quality import degrade

BODY = (
    "\n\nKẾ HOẠCH LIÊN TỊCH\nHỗ trợ phụ nữ khởi nghiệp đổi mới sáng tạo năm 2025\n\n"
    "Căn cứ Kế hoạch số 210/KH-UBND ngày 15/12/2024 của UBND tỉnh;\n\nI. MỤC ĐÍCH\n"
)
MOTTO = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\nBắc Sơn, ngày 02 tháng 7 năm 2025"
# "UBND TỈNH BẮC SƠN   HỘI LIÊN HIỆP PHỤ NỮ" / "SỞ NỘI VỤ   TỈNH BẮC SƠN", each line's columns run together
RUN_TOGETHER = f"UBND TỈNH BẮC SƠN HỘI LIÊN HIỆP PHỤ NỮ\nSỞ NỘI VỤ TỈNH BẮC SƠN\n\nSố: 21/KH-SNV Số: 14/KH-HLHPN\n\n{MOTTO}"
ONE_NUMBER = (
    "UBND TỈNH BẮC SƠN HỘI LIÊN HIỆP PHỤ NỮ CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n"
    "SỞ NỘI VỤ TỈNH BẮC SƠN Độc lập - Tự do - Hạnh phúc\n\n"
    "Số: 05/KHLT-SNV-HLHPN Bắc Sơn, ngày 02 tháng 7 năm 2025"
)
IN_TURN = f"UBND TỈNH BẮC SƠN\nHỘI LIÊN HIỆP PHỤ NỮ\nSỞ NỘI VỤ\nTỈNH BẮC SƠN\n\nSố: 21/KH-SNV Số: 14/KH-HLHPN\n\n{MOTTO}"
PARTY = (
    "ĐẢNG ỦY XÃ AN PHÚ ỦY BAN NHÂN DÂN XÃ AN PHÚ ĐẢNG CỘNG SẢN VIỆT NAM\n"
    "Số: 08-KH/ĐU Số: 35/KH-UBND An Phú, ngày 05 tháng 9 năm 2025"
)


def _issuer(text: str) -> str | None:
    issuer: str | None = parse_text(text + BODY).document.issuer
    return issuer


def test_a_joint_header_run_together_line_by_line_is_the_left_bodys() -> None:
    for head in (RUN_TOGETHER, ONE_NUMBER):
        assert _issuer(head) == "SỞ NỘI VỤ"  # was "SỞ NỘI VỤ TỈNH BẮC SƠN" (the right column's place)
        for seed in range(3):
            assert _issuer(degrade(head, seed)) == "SỞ NỘI VỤ"


def test_a_joint_header_its_columns_lines_in_turn() -> None:
    assert _issuer(IN_TURN) == "SỞ NỘI VỤ"  # was "UBND TỈNH BẮC SƠN"


def test_two_committees_of_one_commune_run_together() -> None:
    assert _issuer(PARTY) == "ĐẢNG ỦY XÃ AN PHÚ"  # was both names run together



def test_a_level_after_the_bodys_name_is_spelt_as_the_level() -> None:
    # the restorer read the header's 'TINH' as a commune name's 'Tịnh' (capitals: no case to tell a name by)
    lines = ["UY BAN NHAN DAN CONG HOA XA HOI CHU NGHIA VIET NAM", "TINH BAC SON Doc lap - Tu do - Hanh phuc", "",
             "So: 12/KH-UBND Bac Son, ngay 02 thang 3 nam 2026", "KE HOACH", "Chuyen doi so nam 2026"]
    restored = ["ỦY BAN NHÂN DÂN CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "TỊNH BẮC SƠN Độc lập - Tự do - Hạnh phúc", "",
                "Số: 12/KH-UBND Bắc Sơn, ngày 02 tháng 3 năm 2026", "KẾ HOẠCH", "Chuyển đổi số năm 2026"]
    meta = parse_metadata(lines, restored, lambda text: text)
    assert meta.issuer == "ỦY BAN NHÂN DÂN TỈNH BẮC SƠN"  # was "… TỊNH BẮC SƠN"
    restored[1] = restored[1].replace("TỊNH BẮC SƠN", "XÃ TỊNH BIÊN")
    lines[1] = lines[1].replace("TINH BAC SON", "XA TINH BIEN")
    assert parse_metadata(lines, restored, lambda text: text).issuer == "ỦY BAN NHÂN DÂN XÃ TỊNH BIÊN"  # a name's

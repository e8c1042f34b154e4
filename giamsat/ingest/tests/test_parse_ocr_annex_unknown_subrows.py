"""An OCR'd indicator annex where a row lost its number after sub-rows whose count is unknown ("3.1" … "5":
row 4 is the last row read across its cells above row 5; the sub-rows between stay unread, not guessed)."""

from __future__ import annotations

from giamsat.ingest.agencies import Agency
from giamsat.ingest.model import Target
from giamsat.ingest.pipeline import parse_text

REG = [Agency("SYT", "Sở Y tế"), Agency("STC", "Sở Tài chính"), Agency("SKHCN", "Sở Khoa học và Công nghệ")]
HEAD = ["PHỤ LỤC I", "DANH MỤC CÁC CHỈ TIÊU CỤ THỂ", "TT Chỉ tiêu Đơn vị Kết quả Cơ quan chủ trì", "I Đến năm 2030"]
ROWS = [
    "1 Tỉ lệ trạm y tế xã có bệnh án điện tử | % 90 Sở Y tế",
    "2 Chi ngân sách cho y tế số | % tổng chi > 2 Sở Tài chính",
    "3 Hạ tầng y tế số Hiện đại, kết nối Sở Y tế",
    "3.1 Tỉ lệ bệnh viện kết nối mạng dữ liệu y tế tỉnh % 100% Sở Y tế",
    "Số bệnh viện có nền tảng khám chữa bệnh từ xa",
    "",
    "Bệnh viện",
    "",
    "12",
    "",
    "Sở Y tế",
    "Tổng số ca tư vấn khám từ xa mỗi năm Lượt > 5000 Sở Y tế",
    "Hoàn thành kho dữ liệu sức khỏe người dân toàn tỉnh Kho dữ liệu >1 Sở Khoa học và Công nghệ",
    "và kết nối với cơ sở dữ liệu quốc gia",
    "5 Tỉ lệ người dân có hồ sơ sức khỏe điện tử % >95 Sở Y tế",
]


def _targets(rows: list[str]) -> dict[str, Target]:
    return {t.no or "": t for t in parse_text("\n".join(HEAD + rows), registry=REG).targets}


def test_the_row_before_the_next_numbered_one_takes_the_lost_number() -> None:
    targets = _targets(ROWS)
    four = targets["4"]
    assert four.name.startswith("Hoàn thành kho dữ liệu sức khỏe người dân toàn tỉnh")
    assert (four.value, four.comparator, four.lead_code) == ("1", ">=", "SKHCN")
    # row 5 keeps its own cells (not row 4's "> 1" and lead)
    assert (targets["5"].value, targets["5"].lead_code) == ("95", "SYT")
    # the sub-rows' numbers are not guessed
    assert not any(no.startswith("3.") and no != "3.1" for no in targets)


def test_no_lost_row_when_a_title_opens_below_the_last_row_read_across() -> None:
    rows = [*ROWS[:-1], "Chỉ tiêu về dữ liệu y tế dùng chung", ROWS[-1]]
    assert "4" not in _targets(rows)

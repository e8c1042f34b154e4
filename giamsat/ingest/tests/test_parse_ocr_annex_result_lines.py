"""An OCR'd indicator annex whose result cell runs over two lines ("Thứ bậc <5 Miền" / "Trung; < 20 cả nước"):
the result's second line is not the indicator's name."""

from __future__ import annotations

from giamsat.ingest.agencies import Agency
from giamsat.ingest.pipeline import parse_text

REG = [Agency("SYT", "Sở Y tế"), Agency("SKHCN", "Sở Khoa học và Công nghệ")]
HEAD = ["PHỤ LỤC I", "DANH MỤC CÁC CHỈ TIÊU CỤ THỂ", "TT Chỉ tiêu Đơn vị Kết quả Cơ quan chủ trì", "I Đến năm 2030"]


def test_the_result_cells_second_line_stays_out_of_the_name() -> None:
    text = "\n".join([*HEAD,
                      "1 Xếp hạng chỉ số chuyển đổi số cấp tỉnh Thứ bậc <5 Miền | Sở Khoa học và Công nghệ",
                      "Trung; < 20 cả nước",
                      "",
                      "2 Tỉ lệ trạm y tế xã có bệnh án điện tử kết nối với bệnh viện tuyến % 90 Sở Y tế",
                      "tỉnh",
                      "",
                      "3 Tỉ lệ người dân có hồ sơ sức khỏe điện tử % 95 Sở Y tế"])
    got = {t.no: (t.name, t.value, t.comparator) for t in parse_text(text, registry=REG).targets}
    assert got["1"] == ("Xếp hạng chỉ số chuyển đổi số cấp tỉnh", "5", "<=")
    assert got["2"][0] == "Tỉ lệ trạm y tế xã có bệnh án điện tử kết nối với bệnh viện tuyến tỉnh"


def test_a_first_row_number_misread_into_glyphs_below_the_group_row() -> None:
    text = "\n".join([*HEAD[:-1], "I Đến năm 2030", "",
                      "hÌ Năng lực đổi mới sáng tạo của cơ sở sản xuất trong tỉnh Thứ bậc Khá | Sở Khoa học và Công nghệ",
                      "",
                      "2 Tỉ lệ người dân có hồ sơ sức khỏe điện tử % 95 Sở Y tế"])
    got = {t.no: (t.name, t.value, t.lead_code, t.year) for t in parse_text(text, registry=REG).targets}
    assert got["1"] == ("Năng lực đổi mới sáng tạo của cơ sở sản xuất trong tỉnh", "Khá", "SKHCN", 2030)

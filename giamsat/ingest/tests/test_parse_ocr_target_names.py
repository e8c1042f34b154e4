"""Indicator names in an OCR'd annex whose lines OCR ran into one another: the lead's words (a cell to
the right) met inside the name's words are the lead's, the name's words around them stay the name's."""

from __future__ import annotations

from giamsat.ingest.agencies import Agency
from giamsat.ingest.pipeline import parse_text

REGISTRY = [Agency("TC", "Bộ Tài chính"), Agency("VP", "Văn phòng Chính phủ"), Agency("KHCN", "Bộ Khoa học và Công nghệ")]

HEAD = ["PHỤ LỤC I", "DANH MỤC CÁC CHỈ TIÊU", "TT Chỉ tiêu Đơn vị Kết quả Cơ quan chủ", "trì theo dõi,", "đánh giá",
        "", "I Đến năm 2030", ""]
ROWS = ["1 Tỉ lệ hồ sơ nộp trực | % 80 Bộ Tài chính", "tuyến qua cổng dịch vụ", "",
        "2 Tỉ lệ văn bản ký số | % 95 Bộ Tài chính", "của các cơ quan nhà", "nước cấp tỉnh", "",
        "3 Tỉ lệ hộ gia đình có | % 70 Bộ Tài chính", "kết nối mạng cáp quang", ""]


def _targets(lines: list[str]) -> dict[str, tuple[object, ...]]:
    targets = parse_text("\n".join(lines), registry=REGISTRY).targets
    return {t.no or "": (t.name, t.value, t.lead_code) for t in targets}


def test_the_leads_next_words_run_into_a_name_line_between_its_words_are_the_leads() -> None:
    # "… kê khai Chính phủ thuế doanh nghiệp,": the lead's last words ran between the name's; the name's
    # line ends with "chính" too, the lead's word, which alone is not the lead's
    lines = [*HEAD, *ROWS,
             "4 Tỉ lệ hồ sơ quyết toán | % 60 Văn phòng", "thuế nộp qua hệ thống Chính phủ hồ sơ tài chính,",
             "đất đai", "",
             "5 Tỉ lệ người nộp thuế | % 90 Bộ Tài chính", "dùng hóa đơn điện tử", ""]
    got = _targets(lines)
    assert got["4"] == ("Tỉ lệ hồ sơ quyết toán thuế nộp qua hệ thống hồ sơ tài chính, đất đai", "60", "VP")
    assert got["5"][2] == "TC"


def test_a_number_line_run_into_the_next_splits_the_leads_name_around_the_names_words() -> None:
    # "| % 85 Văn phòng cấp mã định danh Chính phủ": the lead's first words, the name's next line, the
    # lead's last words; no agency's name stands whole on the line (the lead is told by the row's lines)
    lines = [*HEAD, *ROWS,
             "4 Tỉ lệ hộ kinh doanh được | % 85 Văn phòng cấp mã định danh Chính phủ", "điện tử trên tổng số",
             "hộ kinh doanh chính thức", "",
             "5 Tỉ lệ người nộp thuế | % 90 Bộ Tài chính", "dùng hóa đơn điện tử", ""]
    got = _targets(lines)
    assert got["4"] == ("Tỉ lệ hộ kinh doanh được cấp mã định danh điện tử trên tổng số hộ kinh doanh chính thức", "85", "VP")


def test_a_leads_first_words_alone_below_the_number_then_its_next_words_run_into_the_name() -> None:
    # "Bộ Khoa học" alone below the number line, its next words "và Công" run into the name's next line
    # between the name's words, its last word "nghệ" at that line's end
    lines = [*HEAD, *ROWS,
             "4 Số hợp tác xã ứng | Hợp tác xã >25", "Bộ Khoa học",
             "dụng nền tảng số và Công trong quản lý kho hàng nghệ", "",
             "5 Tỉ lệ người nộp thuế | % 90 Bộ Tài chính", "dùng hóa đơn điện tử", ""]
    got = _targets(lines)
    assert got["4"] == ("Số hợp tác xã ứng dụng nền tảng số trong quản lý kho hàng", "25", "KHCN")

"""Indicator annexes in OCR text without positions: a row's name cell runs down several lines, and
the lead's cell (the right-most) puts its next words at the end of the same lines ("Bộ Kế hoạch" /
"… và Đầu tư"); the number line starts the name, so the lines above it end the row before."""

from __future__ import annotations

from giamsat.ingest.agencies import Agency
from giamsat.ingest.pipeline import parse_text

REGISTRY = [Agency("KHCN", "Bộ Khoa học và Công nghệ"), Agency("KHDT", "Bộ Kế hoạch và Đầu tư"),
            Agency("VP", "Văn phòng Chính phủ"), Agency("TC", "Bộ Tài chính")]

HEAD = ["PHỤ LỤC I", "DANH MỤC CÁC CHỈ TIÊU", "TT Chỉ tiêu Đơn vị Kết quả Cơ quan chủ", "trì theo dõi,", "đánh giá",
        "", "I Đến năm 2030", ""]


def _names(lines: list[str]) -> dict[str, str]:
    return {t.no or "": t.name for t in parse_text("\n".join(lines), registry=REGISTRY).targets}


def test_a_name_down_its_cell_without_the_leads_words_beside_it() -> None:
    names = _names([*HEAD,
                    "1 Tỉ lệ đóng góp của % >55 Bộ Kế hoạch",
                    "năng suất nhân tố và Đầu tư",
                    "tổng hợp vào",
                    "tăng trưởng",
                    "",
                    "2 Tỉ trọng xuất khẩu % >50 Bộ Khoa học",
                    "sản phẩm công nghệ và Công nghệ",
                    "cao trên tổng giá trị",
                    "xuất khẩu",
                    "3 Tỉ lệ hồ sơ trực | % 100 Văn phòng",
                    "tuyến được giải Chính phủ",
                    "quyết đúng hạn"])
    assert names == {"1": "Tỉ lệ đóng góp của năng suất nhân tố tổng hợp vào tăng trưởng",
                     "2": "Tỉ trọng xuất khẩu sản phẩm công nghệ cao trên tổng giá trị xuất khẩu",
                     "3": "Tỉ lệ hồ sơ trực tuyến được giải quyết đúng hạn"}


def test_a_page_break_repeats_the_header_and_the_name_goes_on_below_it() -> None:
    names = _names([*HEAD,
                    "1 Tỉ lệ sản phẩm công | % >5 Bộ Khoa học",
                    "nghệ được thương và Công",
                    "", "", "",
                    "TT Chỉ tiêu Đơn vị Kết quả Cơ quan chủ", "trì theo dõi,", "đánh giá", "",
                    "mại hóa mỗi năm nghệ",
                    "",
                    "2 Tỉ lệ chi ngân sách | % 3 Bộ Tài chính",
                    "cho nghiên cứu"])
    assert names == {"1": "Tỉ lệ sản phẩm công nghệ được thương mại hóa mỗi năm", "2": "Tỉ lệ chi ngân sách cho nghiên cứu"}


def test_a_lone_short_word_ending_a_line_stays_in_the_name() -> None:
    # "và" could be the lead's next word ("Bộ Khoa học" / "và Công nghệ"), but alone it is the name's own
    names = _names([*HEAD,
                    "1 Số doanh nghiệp % 40 Bộ Khoa học",
                    "khởi nghiệp sáng tạo và",
                    "vườn ươm và Công nghệ"])
    assert names == {"1": "Số doanh nghiệp khởi nghiệp sáng tạo và vườn ươm"}


def test_a_measure_after_the_figure_is_its_unit() -> None:
    text = "\n".join(["KẾ HOẠCH", "Chuyển đổi số năm 2026", "", "I. MỤC TIÊU", "1. Đến hết năm 2026",
                      "- Tốc độ truy cập Internet băng rộng cố định trung bình đạt trên 150 Mbps.",
                      "- Tổng vốn đầu tư cho hạ tầng số của tỉnh đạt tối thiểu 500 tỷ đồng."])
    got = [(t.name, t.comparator, t.value, t.unit, t.year) for t in parse_text(text).targets]
    assert got == [("Tốc độ truy cập Internet băng rộng cố định trung bình", ">", "150", "Mbps", 2026),
                   ("Tổng vốn đầu tư cho hạ tầng số của tỉnh", ">=", "500", "tỷ đồng", 2026)]


def test_a_lead_centred_above_the_number_line_is_still_the_rows() -> None:
    # cells centred on the row's number: the lead's cell starts above it though the name starts on it
    lines = [*HEAD,
             "1 Tỉ lệ hồ sơ trực tuyến | % 80 Văn phòng Chính phủ",
             "Bộ Khoa học và Công nghệ",
             "2 Quy mô kinh tế số % 30 Bộ Tài chính"]
    targets = parse_text("\n".join(lines), registry=REGISTRY).targets
    assert [(t.no, t.name, t.lead_code) for t in targets] == [("1", "Tỉ lệ hồ sơ trực tuyến", "VP"),
                                                              ("2", "Quy mô kinh tế số", "KHCN")]


def test_a_unit_cell_no_pattern_knows_is_not_part_of_the_name() -> None:
    lines = [*HEAD,
             "1 Số tuyến cáp quang Tuyến cáp quang | 09 Bộ Khoa học",
             "biển mới đưa vào hoạt và Công nghệ",
             "động",
             "2 Tỉ lệ hồ sơ của Việt Nam 80 Bộ Tài chính"]
    targets = parse_text("\n".join(lines), registry=REGISTRY).targets
    assert [(t.no, t.name, t.unit, t.value) for t in targets] == [
        ("1", "Số tuyến cáp quang biển mới đưa vào hoạt động", "Tuyến cáp quang", "09"),
        ("2", "Tỉ lệ hồ sơ của Việt Nam", None, "80")]


# five rows whose number line's unit cell shows where the name's first line ends (about 20 characters)
FULL_ROWS = ["1 Tỉ lệ đóng góp của | % >55 Bộ Kế hoạch", "năng suất nhân tố và Đầu tư", "tổng hợp vào tăng", "trưởng kinh tế", "",
             "2 Tỉ trọng xuất khẩu | % >50 Bộ Khoa học", "sản phẩm công nghệ và Công nghệ", "cao trên tổng giá trị",
             "hàng hoá xuất khẩu", "",
             "3 Tỉ lệ hồ sơ trực | % 100 Văn phòng", "tuyến được giải quyết Chính phủ", "đúng hạn trên tổng số",
             "hồ sơ tiếp nhận", "",
             "4 Tỉ lệ chi ngân sách | % 3 Bộ Tài chính", "cho nghiên cứu phát", "triển khoa học", ""]


def test_a_line_whose_first_word_would_have_fitted_above_is_not_the_names() -> None:
    # a cell's line breaks only where the next word does not fit: after "nghiệp" (a short last line)
    # "giải quyết phi địa giới" is another row's line that OCR put here, or the next page's
    names = _names([*HEAD, *FULL_ROWS,
                    "5 Tỉ lệ sử dụng dịch vụ | % 80 Bộ Kế hoạch",
                    "công trực tuyến của và Đầu tư",
                    "người dân và doanh",
                    "nghiệp",
                    "",
                    "giải quyết phi địa giới",
                    "",
                    "6 Quy mô kinh tế số | % 30 Bộ Tài chính",
                    "trên tổng sản phẩm",
                    "trong tỉnh"])
    assert names["5"] == "Tỉ lệ sử dụng dịch vụ công trực tuyến của người dân và doanh nghiệp"
    assert names["6"] == "Quy mô kinh tế số trên tổng sản phẩm trong tỉnh"      # a short last line ends the name
    assert names["1"] == "Tỉ lệ đóng góp của năng suất nhân tố tổng hợp vào tăng trưởng kinh tế"


def test_rows_read_column_by_column_are_found_when_their_cells_fill_the_lost_numbers() -> None:
    # OCR read three rows cell by cell, each cell a paragraph, and lost their numbers: the names, then
    # the units, results and leads in the rows' order; the row before keeps its own last line only
    lines = [*HEAD,
             "1 Tỉ lệ đóng góp của | % >55 Bộ Kế hoạch", "năng suất nhân tố và Đầu tư", "tổng hợp",
             "",
             "2 Tỉ lệ chi ngân sách | % 3 Bộ Tài chính", "", "cho nghiên cứu",
             "",
             "Số doanh nghiệp khởi", "nghiệp sáng tạo", "",
             "Chỉ số đổi mới sáng", "tạo cấp tỉnh", "",
             "Doanh nghiệp", "", "Thứ bậc", "",
             ">40", "", "<10", "",         # (a bare "40" between blank lines is taken for a page number)
             "Bộ Khoa học", "và Công nghệ", "", "Văn phòng", "Chính phủ", "",
             "5 Tỉ lệ hồ sơ trực | % 100 Văn phòng", "tuyến Chính phủ"]
    targets = parse_text("\n".join(lines), registry=REGISTRY).targets
    got = {t.no: (t.name, t.unit, t.comparator, t.value, t.lead_code, t.year) for t in targets}
    assert got["2"] == ("Tỉ lệ chi ngân sách cho nghiên cứu", "%", "=", "3", "TC", 2030)
    assert got["3"] == ("Số doanh nghiệp khởi nghiệp sáng tạo", "Doanh nghiệp", ">=", "40", "KHCN", 2030)
    assert got["4"] == ("Chỉ số đổi mới sáng tạo cấp tỉnh", "Thứ bậc", "<=", "10", "VP", 2030)
    assert got["5"][0] == "Tỉ lệ hồ sơ trực tuyến"


def test_a_column_with_a_cell_lost_is_left_out_not_guessed() -> None:
    lines = [*HEAD,
             "1 Tỉ lệ chi ngân sách | % 3 Bộ Tài chính", "cho nghiên cứu", "",
             "Số doanh nghiệp khởi", "nghiệp sáng tạo", "", "Quy mô kinh tế số", "",
             ">40", "",
             "Bộ Khoa học", "và Công nghệ", "", "Bộ Tài chính", "",
             "4 Tỉ lệ hồ sơ trực | % 100 Văn phòng", "tuyến Chính phủ"]
    targets = parse_text("\n".join(lines), registry=REGISTRY).targets
    got = {t.no: (t.name, t.value, t.lead_code) for t in targets}
    assert got["2"] == ("Số doanh nghiệp khởi nghiệp sáng tạo", None, "KHCN")
    assert got["3"] == ("Quy mô kinh tế số", None, "TC")
    assert got["1"] == ("Tỉ lệ chi ngân sách cho nghiên cứu", "3", "TC")


def test_unit_and_result_cells_of_several_lines_stay_out_of_the_name() -> None:
    # the unit ("% tổng chi" / "NSNN") and the result ("> 3% và tăng" / "dần theo yêu" / …) run down the
    # row's lines after the name's words: a line holds no more of the name than its first line did
    names = _names([*HEAD, *FULL_ROWS,
                    "5 Chi ngân sách hàng % tổng chi > 3% và tăng | Bộ Tài chính",
                    "năm cho phát triển NSNN dần theo yêu",
                    "khoa học, công nghệ, cầu phát",
                    "đổi mới sáng tạo, triển",
                    "chuyển đổi số quốc",
                    "gia",
                    "",
                    "6 Tỉ lệ doanh nghiệp | Số doanh 1 Bộ Khoa học",
                    "công nghệ số nghiệp/1000 dân và Công nghệ"])
    assert names["5"] == "Chi ngân sách hàng năm cho phát triển khoa học, công nghệ, đổi mới sáng tạo, chuyển đổi số quốc gia"
    assert names["6"] == "Tỉ lệ doanh nghiệp công nghệ số"
    assert names["2"] == "Tỉ trọng xuất khẩu sản phẩm công nghệ cao trên tổng giá trị hàng hoá xuất khẩu"


def test_a_row_number_written_with_a_leading_zero_is_the_row() -> None:
    names = _names([*HEAD, "01 Quy mô kinh tế số | % 30 Bộ Tài chính", "02 Tỉ lệ hồ sơ trực | % 100 Văn phòng",
                    "tuyến Chính phủ"])
    assert names == {"1": "Quy mô kinh tế số", "2": "Tỉ lệ hồ sơ trực tuyến"}


def test_results_written_out_in_a_column_read_band_are_results_not_names() -> None:
    # past the names and a unit, a capitalised paragraph is a result cell ("Tăng dần theo từng năm"); a
    # result that opens with a figure ("≤ 10 trong vùng; …") gives its first figure
    lines = [*HEAD,
             "1 Tỉ lệ chi ngân sách | % 3 Bộ Tài chính", "cho nghiên cứu", "",
             "Số doanh nghiệp khởi", "nghiệp sáng tạo", "",
             "Chỉ số đổi mới sáng", "tạo cấp tỉnh", "",
             "Doanh nghiệp", "", "Thứ bậc", "",
             "Tăng dần theo", "từng năm", "",
             "≤ 10 trong vùng;", "≤ 30 cả nước", "",
             "Bộ Khoa học", "và Công nghệ", "", "Văn phòng", "Chính phủ", "",
             "4 Tỉ lệ hồ sơ trực | % 100 Văn phòng", "tuyến Chính phủ"]
    targets = parse_text("\n".join(lines), registry=REGISTRY).targets
    got = {t.no: (t.name, t.unit, t.comparator, t.value, t.lead_code) for t in targets}
    assert got["2"] == ("Số doanh nghiệp khởi nghiệp sáng tạo", "Doanh nghiệp", "text", None, "KHCN")
    assert got["3"] == ("Chỉ số đổi mới sáng tạo cấp tỉnh", "Thứ bậc", "<=", "10", "VP")
    assert got["1"][0] == "Tỉ lệ chi ngân sách cho nghiên cứu"


def test_rows_with_results_written_out_and_their_numbers_lost_fill_the_gap() -> None:
    # no figure on their first lines, so only a unit or a second capitalised cell and the lead at the
    # end tell a row read across its cells; as many such lines as numbers are missing
    lines = [*HEAD,
             "1 Tiềm lực khoa học | Thứ bậc | Đạt mức tiên tiến | Bộ Khoa học", "và công nghệ và Công nghệ", "",
             "Lĩnh vực khoa học, công | Thứ bậc | Một số lĩnh vực | Bộ Khoa học", "nghệ đạt trình độ và Công nghệ", "",
             "Hạ tầng số Tiên tiến, hiện đại Bộ Tài chính", "",
             "4 Quy mô kinh tế số | % 30 Bộ Tài chính"]
    targets = parse_text("\n".join(lines), registry=REGISTRY).targets
    assert [(t.no, t.name.split()[0], t.lead_code) for t in targets] == [
        ("1", "Tiềm", "KHCN"), ("2", "Lĩnh", "KHCN"), ("3", "Hạ", "TC"), ("4", "Quy", "TC")]


def test_a_sub_number_that_lost_its_dot_and_a_misread_number_still_open_their_rows() -> None:
    # "13" for "1.3" where only 1.3 is missing; "30" for "1.5", out of the sequence, on a line shaped
    # like a row read across its cells (name, figure, lead)
    lines = [*HEAD,
             "1 Chỉ tiêu về dịch vụ công",
             "1.1 Tỉ lệ hồ sơ trực tuyến % 80 Văn phòng Chính phủ",
             "1.2 Tỉ lệ thanh toán trực tuyến % 50 Văn phòng Chính phủ",
             "13 Tỉ lệ số hóa hồ sơ % 100 Văn phòng Chính phủ",
             "1.4 Tỉ lệ cấp kết quả điện tử % 100 Văn phòng Chính phủ",
             "30 Tỉ lệ văn bản điện tử % 90 Văn phòng Chính phủ",
             "2 Quy mô kinh tế số % 30 Bộ Tài chính"]
    targets = parse_text("\n".join(lines), registry=REGISTRY).targets
    assert [(t.no, t.name, t.value) for t in targets] == [
        ("1.1", "Tỉ lệ hồ sơ trực tuyến", "80"), ("1.2", "Tỉ lệ thanh toán trực tuyến", "50"),
        ("1.3", "Tỉ lệ số hóa hồ sơ", "100"), ("1.4", "Tỉ lệ cấp kết quả điện tử", "100"),
        ("1.5", "Tỉ lệ văn bản điện tử", "90"), ("2", "Quy mô kinh tế số", "30")]


def test_a_parent_row_whose_number_was_lost_keeps_its_sub_rows() -> None:
    # "2" lost: 2.1 … are its sub-rows (not 1's with a misread parent), and the line above them shaped
    # like a row (a result written out, the lead at its end) is row 2
    lines = [*HEAD,
             "1 Quy mô kinh tế số | % 30 Bộ Tài chính",
             "Hạ tầng số Tiên tiến, hiện đại Bộ Khoa học",
             "2.1 Tỉ lệ hồ sơ trực tuyến | % 80 Văn phòng Chính phủ",
             "2.2 Phủ sóng 5G cho % dân số 99 Bộ Khoa học",
             "3 Tỉ lệ văn bản điện tử | % 90 Văn phòng Chính phủ"]
    targets = parse_text("\n".join(lines), registry=REGISTRY).targets
    assert [(t.no, t.name.split()[0], t.lead_code) for t in targets] == [
        ("1", "Quy", "TC"), ("2", "Hạ", "KHCN"), ("2.1", "Tỉ", "VP"), ("2.2", "Phủ", "KHCN"), ("3", "Tỉ", "VP")]


def test_a_sub_row_with_a_figure_in_a_word_is_shaped_like_a_row() -> None:
    lines = [*HEAD,
             "1 Hạ tầng số | Tiên tiến Bộ Khoa học",
             "1.1 Tỉ lệ hồ sơ trực tuyến | % 80 Văn phòng Chính phủ",
             "Phủ sóng 5G cho % dân số 99 Bộ Khoa học",
             "2 Tỉ lệ văn bản điện tử | % 90 Văn phòng Chính phủ"]
    targets = parse_text("\n".join(lines), registry=REGISTRY).targets
    assert [(t.no, t.value) for t in targets] == [("1", None), ("1.1", "80"), ("1.2", "99"), ("2", "90")]


def test_a_one_line_name_before_a_result_written_out() -> None:
    # no unit, no figure: the name ends where a capitalised word follows a lower-case one with a few words
    # after it ("Tiên tiến,"), when the lines below are the result's short ones, not a name's full lines
    names = _names([*HEAD, *FULL_ROWS,
                    "5 Hạ tầng số Tiên tiến, Bộ Khoa học",
                    "hiện đại, và Công nghệ",
                    "dung lượng",
                    "siêu lớn",
                    "",
                    "6 Tỷ lệ dân số có Căn cước Bộ Tài chính",
                    "điện tử được kích hoạt",
                    "trên tổng dân số",
                    "",
                    "7 Quy mô kinh tế số | % 30 Bộ Tài chính",
                    "trên tổng sản phẩm"])
    assert names["5"] == "Hạ tầng số"
    assert names["6"] == "Tỷ lệ dân số có Căn cước điện tử được kích hoạt trên tổng dân số"


def test_two_lines_of_a_row_run_into_one_keep_the_names_words() -> None:
    # OCR (or a paste) ran a line into the one above: the lead's next words now stand inside the line
    names = _names([*HEAD,
                    "1 Tổ chức khoa học và | Tổ chức 40 - 50 Bộ Khoa học",
                    "công nghệ được xếp và Công nghệ hạng khu vực và thế",
                    "giới",
                    "",
                    "2 Tỉ lệ hồ sơ trực | % 100 Bộ Khoa học tuyến được giải và Công nghệ",
                    "quyết đúng hạn",
                    "",
                    "3 Quy mô kinh tế số | % 30 Bộ Tài chính"])
    assert names == {"1": "Tổ chức khoa học và công nghệ được xếp hạng khu vực và thế giới",
                     "2": "Tỉ lệ hồ sơ trực tuyến được giải quyết đúng hạn", "3": "Quy mô kinh tế số"}

"""Indicator annexes in OCR text without positions, damaged as OCR damages them: a value cell alone on
its line, a row number lost past a band read column by column, a cell split by a page break, a unit's
line lost, columns read out of order."""

from __future__ import annotations

from giamsat.ingest.agencies import Agency
from giamsat.ingest.clean import clean_lines
from giamsat.ingest.pipeline import parse_text

REGISTRY = [Agency("KHCN", "Bộ Khoa học và Công nghệ"), Agency("KHDT", "Bộ Kế hoạch và Đầu tư"),
            Agency("VP", "Văn phòng Chính phủ"), Agency("TC", "Bộ Tài chính")]

HEAD = ["PHỤ LỤC I", "DANH MỤC CÁC CHỈ TIÊU", "TT Chỉ tiêu Đơn vị Kết quả Cơ quan chủ", "trì theo dõi,", "đánh giá",
        "", "I Đến năm 2030", ""]
FILLER = [f"Nội dung đoạn thứ {k} của kế hoạch." for k in range(20)]      # most of a page


def _targets(lines: list[str]) -> dict[str, tuple[object, ...]]:
    targets = parse_text("\n".join(lines), registry=REGISTRY).targets
    return {t.no or "": (t.name, t.unit, t.comparator, t.value, t.lead_code) for t in targets}


def test_a_lone_figure_off_the_page_numbers_run_is_a_cell_not_a_page_number() -> None:
    # pages numbered "7", "8", "9" at their breaks; "40" and "10" alone between blank lines in a band
    # OCR read column by column are the results of rows 3 and 4
    lines = [*FILLER, "", "", "", "7", "", *FILLER, *HEAD,
             "1 Tỉ lệ đóng góp của | % >55 Bộ Kế hoạch", "năng suất nhân tố và Đầu tư", "",
             "2 Tỉ lệ chi ngân sách | % 3 Bộ Tài chính", "cho nghiên cứu", "", "", "", "8", "",
             "Số doanh nghiệp khởi", "nghiệp sáng tạo", "",
             "Chỉ số đổi mới sáng", "tạo cấp tỉnh", "",
             "Doanh nghiệp", "", "Thứ bậc", "",
             "40", "", "10", "",
             "Bộ Khoa học", "và Công nghệ", "", "Văn phòng", "Chính phủ", "",
             "5 Tỉ lệ hồ sơ trực | % 100 Văn phòng", "tuyến Chính phủ", *FILLER, "", "", "", "9", "", *FILLER]
    got = _targets(lines)
    assert got["3"] == ("Số doanh nghiệp khởi nghiệp sáng tạo", "Doanh nghiệp", "=", "40", "KHCN")
    assert got["4"] == ("Chỉ số đổi mới sáng tạo cấp tỉnh", "Thứ bậc", "=", "10", "VP")
    kept = clean_lines(lines).lines
    assert "40" in kept and "10" in kept and "7" not in kept and "8" not in kept and "9" not in kept


def test_page_numbers_are_still_dropped_when_a_figure_stands_alone_nearby() -> None:
    lines = ["", "5", "", *FILLER, "", "60", "", *FILLER, "", "", "6", "", *FILLER, *FILLER, "", "", "7", "", *FILLER]
    assert clean_lines(lines).lines.count("60") == 1
    assert [x for x in clean_lines(lines).lines if x.isdigit()] == ["60"]
    # with a single lone number there is no run to tell by: it is a page number at a page break only
    assert "6" not in clean_lines([*FILLER, "", "", "6", "", *FILLER]).lines
    assert "6" in clean_lines([*FILLER, "", "6", "", *FILLER]).lines


BAND = ["Số doanh nghiệp khởi", "nghiệp sáng tạo", "",
        "Chỉ số đổi mới sáng", "tạo cấp tỉnh", "",
        "Doanh nghiệp", "", "Thứ bậc", "",
        ">40", "", "<10", "",
        "Bộ Khoa học", "và Công nghệ", "", "Văn phòng", "Chính phủ", ""]
BAND_ROWS = {"3": ("Số doanh nghiệp khởi nghiệp sáng tạo", "Doanh nghiệp", ">=", "40", "KHCN"),
             "4": ("Chỉ số đổi mới sáng tạo cấp tỉnh", "Thứ bậc", "<=", "10", "VP")}


def test_the_sequence_resumes_past_a_band_when_the_next_rows_number_is_lost_too() -> None:
    # rows 3 and 4 read column by column, row 5 read across its cells without its number, and only two
    # numbered rows left in the table: the numbering resumes at 6, row 5 is the row-shaped line
    lines = [*HEAD, "1 Tỉ lệ đóng góp của | % >55 Bộ Kế hoạch", "năng suất nhân tố và Đầu tư", "",
             "2 Tỉ lệ chi ngân sách | % 3 Bộ Tài chính", "cho nghiên cứu", "", *BAND,
             "Tỉ lệ hồ sơ trực | % 100 Văn phòng", "tuyến Chính phủ", "",
             "6 Quy mô kinh tế số | % 30 Bộ Tài chính", "trên tổng sản phẩm", "",
             "7 Tỉ lệ văn bản điện tử | % 90 Văn phòng Chính phủ"]
    got = _targets(lines)
    assert sorted(got) == ["1", "2", "3", "4", "5", "6", "7"]
    assert {k: got[k] for k in BAND_ROWS} == BAND_ROWS
    assert got["5"] == ("Tỉ lệ hồ sơ trực tuyến", "%", "=", "100", "VP")
    assert got["2"] == ("Tỉ lệ chi ngân sách cho nghiên cứu", "%", "=", "3", "TC")


def test_a_row_before_a_band_whose_number_was_lost_takes_the_first_number() -> None:
    lines = [*HEAD, "1 Tỉ lệ đóng góp của | % >55 Bộ Kế hoạch", "năng suất nhân tố và Đầu tư", "",
             "Tỉ lệ chi ngân sách | % 3 Bộ Tài chính", "cho nghiên cứu", "", *BAND,
             "5 Tỉ lệ hồ sơ trực | % 100 Văn phòng", "tuyến Chính phủ", "",
             "6 Quy mô kinh tế số | % 30 Bộ Tài chính"]
    got = _targets(lines)
    assert sorted(got) == ["1", "2", "3", "4", "5", "6"]
    assert {k: got[k] for k in BAND_ROWS} == BAND_ROWS
    assert got["2"] == ("Tỉ lệ chi ngân sách cho nghiên cứu", "%", "=", "3", "TC")


def test_a_figure_after_a_stretch_of_text_does_not_resume_the_numbering() -> None:
    # "6" and "7" further on are no rows' numbers unless they follow closely: the 40 lines' bound
    lines = [*HEAD, "1 Tỉ lệ đóng góp của | % >55 Bộ Kế hoạch", "năng suất nhân tố và Đầu tư", "",
             "2 Tỉ lệ chi ngân sách | % 3 Bộ Tài chính", "cho nghiên cứu", "",
             "6 Quy mô kinh tế số | % 30 Bộ Tài chính", *FILLER, *FILLER, "",
             "7 Tỉ lệ văn bản điện tử | % 90 Văn phòng Chính phủ"]
    assert sorted(_targets(lines)) == ["1", "2"]


def test_a_band_whose_unit_column_ocr_read_first_is_still_one_column_after_another() -> None:
    units, names = BAND[6:10], BAND[:6]
    lines = [*HEAD, "2 Tỉ lệ chi ngân sách | % 3 Bộ Tài chính", "cho nghiên cứu", "", *units, *names, *BAND[10:],
             "5 Tỉ lệ hồ sơ trực | % 100 Văn phòng", "tuyến Chính phủ"]
    got = _targets(lines)
    assert {k: got[k] for k in BAND_ROWS} == BAND_ROWS
    assert got["2"] == ("Tỉ lệ chi ngân sách cho nghiên cứu", "%", "=", "3", "TC")


def test_lost_rows_whose_cells_come_row_by_row_are_read_row_by_row() -> None:
    rows = ["Số doanh nghiệp khởi", "nghiệp sáng tạo", "", "Doanh nghiệp", "", ">40", "", "Bộ Khoa học", "và Công nghệ", "",
            "Chỉ số đổi mới sáng", "tạo cấp tỉnh", "", "Thứ bậc", "", "<10", "", "Văn phòng", "Chính phủ", ""]
    lines = [*HEAD, "2 Tỉ lệ chi ngân sách | % 3 Bộ Tài chính", "cho nghiên cứu", "", *rows,
             "5 Tỉ lệ hồ sơ trực | % 100 Văn phòng", "tuyến Chính phủ"]
    got = _targets(lines)
    assert {k: got[k] for k in BAND_ROWS} == BAND_ROWS
    assert got["2"] == ("Tỉ lệ chi ngân sách cho nghiên cứu", "%", "=", "3", "TC")
    # one row's lead and result both lost: the rows are not guessed
    rows_short = rows[:5] + rows[10:]
    got = _targets([*HEAD, "2 Tỉ lệ chi ngân sách | % 3 Bộ Tài chính", "", *rows_short, "5 Tỉ lệ hồ sơ trực | % 100 Văn phòng"])
    assert "3" not in got and "4" not in got


def test_a_lead_split_by_a_page_break_and_the_repeated_header_is_still_the_rows() -> None:
    lines = [*HEAD, "1 Tỉ lệ hồ sơ trực | % 80 Văn phòng", "", "", "",
             "TT Chỉ tiêu Đơn vị Kết quả Cơ quan chủ", "trì theo dõi,", "đánh giá", "",
             "tuyến được giải Chính phủ", "quyết đúng hạn", "",
             "2 Quy mô kinh tế số | % 30 Bộ Tài chính"]
    got = _targets(lines)
    assert got["1"] == ("Tỉ lệ hồ sơ trực tuyến được giải quyết đúng hạn", "%", "=", "80", "VP")


def test_sub_rows_keep_their_parent_whose_number_was_lost_and_its_title_ends_the_row_above() -> None:
    lines = [*HEAD, "1 Quy mô kinh tế số | % 30 Bộ Tài chính", "trên tổng sản phẩm", "",
             "Chỉ tiêu về dịch vụ công", "", "trực tuyến và quản trị", "",
             "2.1 Tỉ lệ hồ sơ trực tuyến | % 80 Văn phòng Chính phủ",
             "Tỉ lệ thanh toán trực | % 50 Văn phòng Chính phủ",
             "2.3 Tỉ lệ số hóa hồ sơ | % 100 Văn phòng Chính phủ",
             "2.4 Tỉ lệ cấp kết quả điện tử | % 90 Văn phòng Chính phủ",
             "3 Tỉ lệ văn bản điện tử | % 90 Văn phòng Chính phủ"]
    got = _targets(lines)
    assert sorted(got) == ["1", "2.1", "2.2", "2.3", "2.4", "3"]
    assert got["1"][0] == "Quy mô kinh tế số trên tổng sản phẩm"
    assert [got[k][3] for k in ("2.1", "2.2", "2.3", "2.4")] == ["80", "50", "100", "90"]


def test_the_tables_last_row_without_its_number_is_read() -> None:
    lines = [*HEAD, "1 Quy mô kinh tế số | % 30 Bộ Tài chính", "trên tổng sản phẩm", "",
             "2 Tỉ lệ văn bản điện tử | % 90 Văn phòng Chính phủ", "",
             "Làm chủ một số công | % 20% - 50% Bộ Khoa học", "", "nghệ chiến lược"]
    got = _targets(lines)
    assert got["3"] == ("Làm chủ một số công nghệ chiến lược", "%", "range", "20-50", "KHCN")


def test_a_digit_read_for_a_vowel_inside_a_leads_word_still_names_the_lead() -> None:
    # "ô" read as "6" in the middle of a word ("Th6ng", "ph6ng"), as the seeds show; a digit ending a
    # word ("noi1 vu") is still no letter
    from giamsat.ingest.agencies import AgencyMatcher

    matcher = AgencyMatcher([*REGISTRY, Agency("TT", "Bộ Thông tin và Truyền thông")])
    assert [a.code for _s, _e, a in matcher.scan("Bo Th6ng tin va Truyen thong")] == ["TT"]
    assert [a.code for _s, _e, a in matcher.scan("Văn ph6ng Chính phủ")] == ["VP"]
    got = _targets([*HEAD, "1 Tỉ lệ hồ sơ trực | % 80 Văn ph6ng Chính phủ", "tuyến", "", "2 Quy mô kinh tế số | % 30 Bộ Tài chính"])
    assert got["1"][4] == "VP"


def test_bo_read_with_a_digit_is_the_ministry_and_its_next_words_leave_the_name() -> None:
    # "Bộ" read "B9" / "B6": the lead is the ministry (not "Công an tỉnh" from its last words), and the
    # lead's next words at the end of the name's lines are still the lead's
    reg = [*REGISTRY, Agency("BCA", "Bộ Công an"), Agency("CAT", "Công an tỉnh", ("Công an",))]
    targets = parse_text("\n".join([*HEAD, "1 Làm chủ một số công | % 20 Bộ Công an", "nghệ chiến lược", "",
                                    "2 Số lượng công bố | % 10 B9 Khoa học", "khoa học quốc tế và Công nghệ",
                                    "", "3 Tỉ lệ làm chủ | % 30 B6 Công an", "công nghệ lõi"]), registry=reg).targets
    got = {t.no: (t.name, t.lead_code) for t in targets}
    assert got == {"1": ("Làm chủ một số công nghệ chiến lược", "BCA"),
                   "2": ("Số lượng công bố khoa học quốc tế", "KHCN"), "3": ("Tỉ lệ làm chủ công nghệ lõi", "BCA")}


def test_a_repeated_header_with_a_glyph_for_a_vowel_is_no_name_cell_of_a_band() -> None:
    lines = [*HEAD, "2 Tỉ lệ chi ngân sách | % 3 Bộ Tài chính", "cho nghiên cứu", "", "",
             "C& quan chu trì theo doi, danh gia", "", *BAND, "5 Tỉ lệ hồ sơ trực | % 100 Văn phòng", "tuyến Chính phủ"]
    got = _targets(lines)
    assert {k: got[k] for k in BAND_ROWS} == BAND_ROWS


def test_a_sub_number_whose_parent_lost_its_first_digit_is_the_sub_row() -> None:
    lines = [*HEAD, "1 Quy mô kinh tế số | % 30 Bộ Tài chính", "2 Tỉ lệ chi ngân sách | % 3 Bộ Tài chính",
             "3 Hạ tầng số hiện đại | Tiên tiến Bộ Khoa học",
             "3.1 Tỉ lệ hồ sơ trực tuyến | % 80 Văn phòng Chính phủ",
             "13 Tỉ lệ văn bản điện tử | % 90 Văn phòng Chính phủ",
             "14 Tỉ lệ dân số có căn cước | % 95 Bộ Tài chính",
             "Tỉ lệ người dùng có khả năng truy nhập", "4.1 băng rộng cố định | % 99 Bộ Khoa học",
             "14.2 Tỉ lệ hộ gia đình có cáp quang | % 90 Bộ Khoa học",
             "15 Quy mô thương mại điện tử | % 20 Bộ Tài chính"]
    lines[len(HEAD) + 4:len(HEAD) + 4] = [f"{n} Chỉ số thành phần thứ {chr(96 + n)} | % 50 Bộ Tài chính" for n in range(4, 13)]
    got = _targets(lines)
    assert got["14.1"] == ("Tỉ lệ người dùng có khả năng truy nhập băng rộng cố định", "%", "=", "99", "KHCN")
    assert [k for k in got if k.startswith("14")] == ["14", "14.1", "14.2"]


def test_a_result_centred_in_a_tall_row_stands_before_the_leads_name_below_the_number() -> None:
    # the number line holds no result; a line below it ends with the result and the lead's name
    lines = [*HEAD, "1 Khoa học và công nghệ góp phần", "quan trọng xây dựng giá trị văn hoá,",
             "duy trì chỉ số phát triển con người 0,75 Bộ Khoa học và Công nghệ", "",
             "2 Thu hút thêm tổ chức, doanh nghiệp", "công nghệ lớn đặt trụ sở >03 Bộ Tài chính", "",
             "3 Quy mô kinh tế số | % 30 Bộ Tài chính"]
    got = _targets(lines)
    assert (got["1"][3], got["1"][4]) == ("0,75", "KHCN")
    assert (got["2"][2], got["2"][3], got["2"][4]) == (">=", "03", "TC")

"""OCR text without positions as Tesseract's plain output gives it: row numbers alone on their line
("12."), stretches of lost numbers, names of ministries split over lines ("Bộ Khoa" / "học và Công nghệ")."""

from __future__ import annotations

from giamsat.ingest.agencies import Agency, AgencyMatcher
from giamsat.ingest.rows import row_anchors

MINISTRIES = [Agency("BA", "Bộ Khoa học và Công nghệ"), Agency("BB", "Bộ Tài chính"), Agency("BC", "Bộ Công an"),
              Agency("BD", "Bộ Nội vụ"), Agency("BE", "Bộ Y tế")]


def test_a_number_with_its_full_stop_alone_on_a_line_opens_a_row() -> None:
    lines = ["1.", "Lập danh mục dữ liệu", "2.", "Ban hành quy chế", "3. Tổ chức tập huấn"]
    assert row_anchors(lines, 0, len(lines) - 1) == [(0, "1"), (2, "2"), (4, "3")]


def test_the_sequence_goes_on_past_numbers_ocr_lost() -> None:
    # rows 2-5 lost their numbers; 6, 7, 8 follow one another closely, so the sequence resumes at 6
    lines = ["1 Lập danh mục", "Ban hành quy chế", "Tổ chức tập huấn", "6 Xây dựng cơ sở dữ liệu",
             "7 Kết nối hệ thống", "8 Đánh giá kết quả"]
    assert [v for _i, v in row_anchors(lines, 0, 5, resync=True)] == ["1", "6", "7", "8"]
    assert [v for _i, v in row_anchors(lines, 0, 5)] == ["1"]


def test_no_resync_while_the_expected_numbers_are_just_below() -> None:
    # "7" is a misread 2: the real 2, 3 … follow, so 7 does not restart the sequence
    lines = ["1 Lập danh mục", "7 Ban hành quy chế", "8 Tổ chức", "9 Kết nối", "2 Xây dựng", "3 Đánh giá"]
    assert [v for _i, v in row_anchors(lines, 0, 5, resync=True)][:3] == ["1", "2", "3"]


def test_a_ministry_name_split_over_the_cell_lines_is_found() -> None:
    m = AgencyMatcher(MINISTRIES)
    lines = ["43. Xây dựng chương trình quốc gia | Bộ Khoa Các bộ, Quyết định | 2025",
             "về công nghệ chiến lược | học và ngành, địa của Thủ",
             "trong giai đoạn mới | Công phương tướng",
             "nghệ"]
    assert [c.agency.code for c in m.scan_cells(lines)] == ["BA"]


def test_a_group_name_split_over_the_cell_lines_is_found() -> None:
    m = AgencyMatcher([*MINISTRIES, Agency("ALL", "Các bộ, ngành, địa phương", ("Các bộ, ngành",), "group")])
    lines = ["65. | Lập đề án ứng dụng cảm biến | Các bộ, Bộ Y tế | Quyết định | 12/2025",
             "trong nông nghiệp | ngành, địa | của Thủ",
             "và giao thông | phương tướng"]
    assert [c.agency.code for c in m.scan_cells(lines)] == ["ALL", "BE"]


def test_co_so_in_a_sentence_is_not_a_department() -> None:
    m = AgencyMatcher()
    assert [a.code for _s, _e, a in m.scan("Nâng cấp cơ sở giáo dục nghề nghiệp; Sở Y tế")] == ["SYT"]
    # the sentence's "cơ" ends the line above, "sở giáo dục" opens the next: the lead is the ministry
    text = "\n".join(["Phu luc", "DANH MUC NHIEM VU", "TT Ten nhiem vu Co quan chu tri Co quan phoi hop Thoi gian",
                      "1. Chuyen cac co | Bo Y te Cac bo, Quyet dinh | 2025",
                      "so giao duc dai hoc | nganh, dia",
                      "ve dia phuong quan ly. | phuong",
                      "2. Lap de an | Bo Noi vu Cac bo, Quyet dinh | 2026",
                      "ve nhan luc y te. | nganh"])
    from giamsat.ingest.pipeline import parse_text

    tasks = parse_text(text, registry=MINISTRIES).tasks
    assert [(t.no, t.lead_code) for t in tasks] == [("1", "BE"), ("2", "BD")]


def test_an_indicator_annex_group_row_without_bars_gives_the_year() -> None:
    from giamsat.ingest.pipeline import parse_text

    text = "\n".join(["PHU LUC I", "DANH MUC CAC CHI TIEU", "TT Chi tieu Don vi Ket qua Co quan chu tri",
                      "I Den nam 2030",
                      "1 Ty le ho so truc tuyen | % 80 Bo Noi vu",
                      "2 Ty le dich vu cong | % 90 Bo Y te",
                      "II Den nam 2035",
                      "3 Ty le thanh toan so | % 70 Bo Y te"])
    targets = parse_text(text, registry=MINISTRIES).targets
    assert [(t.no, t.year, t.lead_code) for t in targets] == [("1", 2030, "BD"), ("2", 2030, "BE"), ("3", 2035, "BE")]


def test_a_bare_year_ending_a_row_line_is_its_deadline() -> None:
    from giamsat.ingest.pipeline import parse_text

    text = "\n".join(["Phu luc", "DANH MUC NHIEM VU", "TT Ten nhiem vu Co quan chu tri Co quan phoi hop Thoi gian",
                      "1. Lap de an theo Nghi dinh | Bo Y te Cac bo, Quyet dinh | 2026",
                      "so 79/2021 ve y te so | nganh, dia",
                      "2. Ra soat quy chuan | Bo Noi vu Cac bo, Thong tu",
                      "ve nhan luc y te. | nganh 2027"])
    tasks = parse_text(text, registry=MINISTRIES).tasks
    assert [(t.no, t.deadline_text) for t in tasks] == [("1", "2026"), ("2", "2027")]
    assert tasks[0].deadline is not None and tasks[0].deadline.end is not None and tasks[0].deadline.end.year == 2026


def test_rows_read_column_by_column_take_their_cells_in_order() -> None:
    from giamsat.ingest.pipeline import parse_text

    text = "\n".join(["Phu luc", "DANH MUC NHIEM VU", "TT Ten nhiem vu Co quan chu tri Co quan phoi hop Thoi gian", "",
                      "1.", "", "2.", "",
                      "Lap de an y te so cho", "cac benh vien.", "",
                      "Ra soat quy chuan nhan", "luc y te.", "",
                      "Bo Y te", "", "Bo Noi", "vu", "", "Cac bo,", "nganh", "", "Cac bo,", "nganh", "",
                      "6/2026", "", "Năm 2027", "",
                      "3. Ban hanh quy che | Bo Cong an | Cac bo, nganh | 2028"])
    reg = [*MINISTRIES, Agency("ALL", "Các bộ, ngành, địa phương", ("Các bộ, ngành",), "group")]
    tasks = parse_text(text, registry=reg).tasks
    assert [(t.no, t.lead_code, t.deadline_text) for t in tasks] == [
        ("1", "BE", "6/2026"), ("2", "BD", "Năm 2027"), ("3", "BC", "2028")]


def test_a_programme_title_in_capitals_ends_the_resolutions_signature_block() -> None:
    from giamsat.ingest.clean import clean_lines

    raw = ["Điều 3. Các Bộ trưởng chịu trách nhiệm thi hành Nghị quyết này.", "", "Nơi nhận:",
           "- Ban Bí thư Trung ương Đảng;", "- Lưu: VT.", "TM. CHÍNH PHỦ", "THỦ TƯỚNG", "",
           "CHƯƠNG TRÌNH HÀNH ĐỘNG CỦA CHÍNH PHỦ", "I. MỤC TIÊU", "1. Tổ chức thực hiện đầy đủ các nhiệm vụ."]
    kept = clean_lines(raw).lines
    assert kept[0].startswith("Điều 3.") and "Nơi nhận:" not in kept and "THỦ TƯỚNG" not in kept
    assert kept[-3:] == ["CHƯƠNG TRÌNH HÀNH ĐỘNG CỦA CHÍNH PHỦ", "I. MỤC TIÊU", "1. Tổ chức thực hiện đầy đủ các nhiệm vụ."]


def test_indicator_units_per_year_and_of_gdp_are_not_part_of_the_value() -> None:
    from giamsat.ingest.pipeline import parse_text

    text = "\n".join(["PHU LUC I", "DANH MUC CAC CHI TIEU", "TT Chi tieu Don vi Ket qua Co quan chu tri",
                      "I Den nam 2030",
                      "1 So bai bao khoa hoc quoc te tang | %/năm 12 Bo Y te",
                      "2 Chi cho nghien cuu va phat trien | % GDP 2 Bo Noi vu"])
    targets = parse_text(text, registry=MINISTRIES).targets
    assert [(t.no, t.value, t.comparator) for t in targets] == [("1", "12", "="), ("2", "2", "=")]


def test_a_name_split_down_its_cell_is_a_cell_even_beside_a_narrow_task_column() -> None:
    from giamsat.ingest.tasks import _pick_lead

    # the task column is narrow: "Bộ Khoa" stands early on a long line after task words, yet goes on
    # below at its own column ("học và" / "Công" / "nghệ"), so it is the lead cell, not the sentence
    m = AgencyMatcher([*MINISTRIES, Agency("ALL", "Các bộ, ngành, địa phương", ("Các bộ, ngành",), "group")])
    bodies = ["    Xay dung va cong bo nhanh Bo Khoa    Cac bo, Quyet dinh cua Thu | 2026",
              "danh muc cac nhiem vu     hoc va     nganh, dia tuong",
              "trong diem ve chuyen      Cong       phuong Chinh phu",
              "doi so.                   nghe"]
    pick = _pick_lead(m.scan_cells(bodies), bodies, 0)
    assert pick is not None and pick.agency.code == "BA"


def test_a_bracket_before_a_capital_between_two_rows_is_the_missing_number() -> None:
    # OCR read the narrow "2" as ")": between rows 1 and 3 it opens row 2
    lines = ["1 Nâng cấp hạ tầng mạng", "đáp ứng yêu cầu", ") Triển khai phần mềm", "chung cho các xã", "3 Kết nối dữ liệu"]
    assert row_anchors(lines, 0, len(lines) - 1) == [(0, "1"), (2, "2"), (4, "3")]
    # a closing bracket before lower-case text is the end of a bracketed phrase, not a row
    lines[2] = ") triển khai phần mềm"
    assert row_anchors(lines, 0, len(lines) - 1) == [(0, "1"), (4, "3")]


def test_a_year_and_the_years_after_wrapped_over_the_ends_of_row_lines_is_continuous() -> None:
    from giamsat.ingest.pipeline import parse_text

    text = "\n".join(["Phu luc", "DANH MUC NHIEM VU", "TT Ten nhiem vu Co quan chu tri Co quan phoi hop Thoi gian",
                      "1. | Đẩy mạnh kết nối dữ liệu | Bộ Y tế Các bộ, 2025 và",
                      "y tế giữa các bệnh viện | ngành những năm",
                      "và cơ sở khám bệnh. | tiếp theo",
                      "2. | Rà soát quy chuẩn | Bộ Nội vụ Các bộ, 2027",
                      "về nhân lực y tế. | ngành"])
    tasks = parse_text(text, registry=MINISTRIES).tasks
    assert [(t.no, t.deadline_text) for t in tasks] == [("1", "2025 và những năm tiếp theo"), ("2", "2027")]
    assert tasks[0].deadline is not None and tasks[0].deadline.kind.value == "continuous"


def test_a_split_lead_just_after_the_deadline_cell_beats_a_coordinator_read_whole() -> None:
    from giamsat.ingest.tasks import _pick_lead

    # the deadline column stands before the lead's: "Bộ Khoa" opens the lead cell right after "Quý III/2026"
    # on a long line, its name going on further left below; the coordinator "Bộ Tài chính" is read whole
    m = AgencyMatcher(MINISTRIES)
    for deadline in ("Quý III/2026", "Hằng quý", "Tháng 5/2027", "Thường xuyên"):
        bodies = [f"   Xây dựng bộ chỉ | {deadline} Bộ Khoa Bộ Tài chính - | Bộ chỉ số".replace("|  ", "| "),
                  "số đánh giá mức độ học và Công | được ban",
                  "chuyển đổi số nghệ hành",
                  "cấp xã"]
        pick = _pick_lead(m.scan_cells(bodies), bodies, 0)
        assert pick is not None and pick.agency.code == "BA", deadline


def test_a_half_year_wrapped_in_its_cell_and_a_deadline_by_the_projects_progress() -> None:
    from giamsat.ingest.pipeline import parse_text

    text = "\n".join(["Phu luc", "DANH MUC NHIEM VU", "TT | Nhiệm vụ Thời gian Đơn vị chủ trì Đơn vị phối hợp",
                      "1 | Chuẩn hóa dữ liệu 6 tháng cuối Bộ Nội vụ Bộ Y tế",
                      "hồ sơ cán bộ năm 2027 các địa phương",
                      "2 | Nâng cấp cổng Theo tiến độ dự | Bộ Công an Bộ Tài chính",
                      "dịch vụ công án được phê duyệt",
                      "3 | Mua sắm thiết bị năm 2026 Bộ Y tế Bộ Tài chính"])
    tasks = parse_text(text, registry=MINISTRIES).tasks
    got = [(t.no, t.deadline.kind.value if t.deadline else None, t.deadline.end if t.deadline else None)
           for t in tasks]
    assert [g[:2] for g in got] == [("1", "half"), ("2", "conditional"), ("3", "year")]
    assert str(got[0][2]) == "2027-12-31"

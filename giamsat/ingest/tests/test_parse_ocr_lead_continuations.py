"""Leads of OCR'd annex rows read as plain text (no positions): the rest of a lead's name split down its cell,
a word of a unit run into a line of the task's text, group rows and neighbouring rows' lines (made-up lines)."""

from __future__ import annotations

from giamsat.ingest.pipeline import parse_text


def _rows(*rows: list[str]) -> str:
    head = ["UY BAN NHAN DAN TINH AN PHU", "KE HOACH", "thuc hien chuyen doi so nam 2026", "", "PHU LUC",
            "DANH MUC NHIEM VU", "", "TT Ten nhiem vu Co quan Co quan Ket qua Thoi gian",
            "chu tri phoi hop hoan thanh", ""]
    return "\n".join([*head, *(x for r in rows for x in [*r, ""])])


def _leads(text: str) -> list[tuple[str | None, str | None]]:
    return [(t.no, t.lead_code) for t in parse_text(text).tasks]


def test_the_rest_of_a_lead_split_down_its_cell_just_before_the_coordinators_puts_it_left_of_them() -> None:
    # "Sở Nông nghiệp" / … "| và Môi Các sở, ngành," / "trường": the lead's head stands alone above, its next
    # words just before the coordinators' "Các sở, ngành" on the line below; they share no line
    text = _rows(["1 | Lap ban do so ve dat nong nghiep toan | So Noi vu | Cac so, nganh | Ban do so | Nam 2026",
                  "tinh, cap nhat hang nam."],
                 ["   So Nong nghiep",
                  "",
                  "Xay dung co so du lieu vung trong | va Moi Cac so, nganh, | Co so du lieu",
                  "2 £ A e ) A 1. Quy III/2026",
                  "",
                  "cay an qua tren dia ban tinh. truong dia phuong duoc cap nhat"],
                 ["3 | Tap huan ky nang so cho can bo | So Noi vu | Cac so, nganh | Lop tap huan | Nam 2027",
                  "cap xa."])
    assert _leads(text) == [("1", "SNV"), ("2", "SNNMT"), ("3", "SNV")]


def test_the_rest_of_a_lead_before_the_coordinators_may_be_cut_by_ocr() -> None:
    # "So Nong nghiep" on a line above the row's number (OCR's noise before it), "va Moi" (cut: "Môi trường")
    # just before the coordinators on the number line: the coordinators' cell, nearer the number, is not the lead
    text = _rows(["1 | Lap ban do so ve dat nong nghiep toan | So Noi vu | Cac so, nganh | Ban do so | Nam 2026",
                  "tinh, cap nhat hang nam."],
                 ["Cap nhat du lieu quan trac moi truong | ., He thong duoc",
                  "A 2A- re So Nong nghiep , ) A",
                  "",
                  "2 | tu dong vao he thong giam sat chung cua | va Moi Cac so, nganh, | xay dung Quy IV/2026",
                  "",
                  "cua tinh. truong dia phuong van hanh"])
    assert _leads(text) == [("1", "SNV"), ("2", "SNNMT")]


def test_a_lone_word_of_a_unit_does_not_make_a_name_with_the_first_words_of_the_task_text() -> None:
    # "o Ban quản lý" / "Xây dựng kế hoạch …": OCR's "o" (for "Sở") with the task's "Xây dựng" is no "Sở Xây
    # dựng"; the lead's "Ban quản lý" / "Khu kinh tế" stands left of the coordinator "Sở Khoa học và" / "Công nghệ"
    text = _rows(["1 | Lap ban do so ve dat nong nghiep toan | So Noi vu | Cac so, nganh | Ban do so | Nam 2026",
                  "tinh, cap nhat hang nam."],
                 [", o Ban quan ly ,",
                  "Xay dung ke hoach thi diem chuyen doi so cac khu | Khu kinh te; So Khoa hoc va Ke hoach duoc ban",
                  "2 | cong nghiep thanh khu cong nghiep thong minh | Cong nghe hanh 06/2026"])
    assert _leads(text) == [("1", "SNV"), ("2", "BQLKKT")]


def test_a_row_without_a_unit_of_its_own_does_not_take_the_neighbouring_rows_units() -> None:
    # row 2 names no unit OCR could read; the line above is row 1's number line (its lead "Công an tỉnh"), the
    # line below opens row 3's task text (its lead "Sở Tài chính"): no lead and a warning rather than a wrong one
    text = _rows(["Trien khai giai phap bao mat cho he thong",
                  "1 | thong tin cua cac co quan | Cong an tinh | Cac so, nganh | Nam 2026"],
                 ["2 | Trien khai~khf11 cac giai phap ma hoa du | Bq Chi h}ly | Cac bd, nganh | Hang nam",
                  "lieu trong linh vuc quoc phong."],
                 ["Bo tri kinh phi cho cac du an chuyen doi so So Tai chinh | Cac so, nganh | Nam 2026",
                  "3 | cua tinh theo ke hoach duoc duyet."])
    plan = parse_text(text)
    assert [(t.no, t.lead_code) for t in plan.tasks] == [("1", "CAT"), ("2", None), ("3", "STC")]
    assert any("Dòng 2" in w for w in plan.warnings)


def test_a_group_row_below_a_rows_number_ends_the_row_for_its_lead() -> None:
    # row 2's lead is unreadable and its cells have no full stop: its lines would run on past the group row
    # "II | …" to the unit that heads row 3's lines ("Sở Tư pháp" above "3 |")
    text = _rows(["1 | Lap ban do so ve dat nong nghiep toan | So Noi vu | Cac so, nganh | Ban do so | Nam 2026",
                  "tinh, cap nhat hang nam."],
                 ["Thanh lap trung tam dao tao chuyen sau | Pai hoc Sgan ne 1111: | Trung tam Thang",
                  "2 | ve tri tue nhan tao tai cac truong dai | Y ' o bai hoc FPT | duoc thanh lap 12/2026",
                  "II | Day manh chuyen doi so trong hoat dong cua cac co quan trong he thong chinh tri, nang cao hieu qua",
                  "So Tu phap , A",
                  "Xay dung co so du lieu ho tich dien tu Cac so, nganh | Co so du lieu",
                  "cua tinh phuc vu cap ban sao trich luc",
                  "3 | ho tich cho nguoi dan tren moi truong mang Nam 2026"])
    # (row 3's own lines start below "Sở Tư pháp": which of its units leads is not this rule's)
    assert _leads(text)[:2] == [("1", "SNV"), ("2", "DH")]


def test_a_short_name_the_registry_does_not_know_in_the_lead_cell_leaves_no_lead_rather_than_the_coordinator() -> None:
    # "| TTDL |", "| TT CNTT&TT |": a unit the plan shortens without defining it; the unit after it is the
    # coordinator, not the lead: the short name is kept as the lead's text, without a code, with a warning
    text = _rows(["1 | Lap ban do so ve dat nong nghiep toan | So Noi vu | Cac so, nganh | Ban do so | Nam 2026",
                  "tinh, cap nhat hang nam."],
                 ["2 | Xay dung trung tam du lieu dung chung | BQLDA | So Tai chinh | Trung tam | Quy IV/2026",
                  "cua tinh."],
                 ["3 | Van hanh cong du lieu mo cua tinh | TT CNTT&TT | So Noi vu, So Tai | Cong du lieu | Nam 2027",
                  "chinh"],
                 ["4 | Trien khai he thong IOC | So Tai chinh | Cac so, nganh | He thong | Nam 2027",
                  "cua tinh."])
    plan = parse_text(text)
    assert [(t.no, t.lead_code, t.lead) for t in plan.tasks] == [
        ("1", "SNV", "Sở Nội vụ"), ("2", None, "BQLDA"), ("3", None, "TT CNTT&TT"), ("4", "STC", "Sở Tài chính")]
    assert "Sở Tài chính" in plan.tasks[1].coordinators
    assert any("BQLDA" in w for w in plan.warnings)

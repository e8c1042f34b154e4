"""The reporting regime is the units' duty to report on the plan, wherever a plan states it; a task's own report of
its product ('…, báo cáo kết quả hằng tháng' in a duty) is not. Made-up plans of an imaginary district."""

from __future__ import annotations

from giamsat.ingest.pipeline import parse_text

_HEAD = ["ỦY BAN NHÂN DÂN", "HUYỆN HÒA VANG XUÂN", "", "KẾ HOẠCH", "Chuyển đổi số năm 2027", ""]


def _plan(*lines: str) -> list[str]:
    return [*_HEAD, *lines]


def test_a_duty_reporting_its_own_product_monthly_is_not_the_regime() -> None:
    # a unit's duties as OCR gives a table cell it lost: the dash duty reports its product every month
    text = "\n".join(_plan(
        "II. NHIỆM VỤ", "",
        "1. Trung tâm Y tế huyện", "",
        "- Cấp thẻ bảo hiểm y tế điện tử cho học sinh các trường, báo cáo kết quả hằng",
        "tháng; - Hướng dẫn các trạm y tế xã sử dụng bệnh án điện tử, hoàn thành trong Quý II/2027.", "",
        "III. TỔ CHỨC THỰC HIỆN", "",
        "Các cơ quan, đơn vị báo cáo kết quả thực hiện định kỳ 6 tháng (trước ngày 12/6) và năm (trước ngày 12/12)",
        "về Phòng Văn hóa và Thông tin huyện để tổng hợp."))
    regime = parse_text(text).reporting
    assert (regime.frequencies, regime.due_day) == (["semiannual", "annual"], 12)


def test_a_product_report_in_a_task_item_is_not_the_regime() -> None:
    text = "\n".join(_plan(
        "II. NHIỆM VỤ", "",
        "a) Tổng hợp, báo cáo số liệu tuyển sinh trực tuyến của các trường; thực hiện hằng tháng.", "",
        "III. TỔ CHỨC THỰC HIỆN", "",
        "3. Các phòng báo cáo kết quả thực hiện hằng quý, trước ngày 20 của tháng cuối quý, về Văn phòng."))
    assert parse_text(text).reporting.frequencies == ["quarterly"]


def test_reports_of_the_plan_without_the_word_dinh_ky_are_the_regime() -> None:
    # the report is of the plan's results; the standing unit's consolidated report; a sentence opening with its period
    text = "\n".join(_plan(
        "III. TỔ CHỨC THỰC HIỆN", "",
        "1. Giao Ủy ban nhân dân huyện:", "a) Báo cáo Hội đồng nhân dân huyện kết quả thực hiện Nghị quyết tại kỳ họp "
        "cuối năm, thực hiện hằng năm.", "",
        "2. Phòng Kinh tế là đầu mối, theo dõi tiến độ, tổng hợp báo cáo Chủ tịch Ủy ban nhân dân huyện hằng tháng.", "",
        "Hằng quý, các xã gửi báo cáo về Phòng Kinh tế."))
    assert parse_text(text).reporting.frequencies == ["monthly", "quarterly", "annual"]


def test_regime_words_that_ocr_damaged_still_open_the_regime() -> None:
    text = "\n".join(_plan(
        "II. NHIỆM VỤ", "",
        "- Thuc hien che d6 bao cdo, so ket: pinh ky 6 thang, 1 nam hoac dot xuat, bao cao Ban Chi dao huyen.", ""))
    assert parse_text(text).reporting.frequencies == ["semiannual", "annual"]


def test_an_item_opening_with_the_period_of_reports_is_no_assignment() -> None:
    text = "\n".join(_plan(
        "III. TỔ CHỨC THỰC HIỆN", "",
        "1. Phòng Tài chính - Kế hoạch bố trí kinh phí thực hiện Kế hoạch.", "",
        "2. Định kỳ hằng quý (trước ngày 20 của tháng cuối quý), các phòng báo cáo kết quả thực hiện về Văn phòng.", ""))
    assert [a.org for a in parse_text(text).assignments] == ["Phòng Tài chính - Kế hoạch"]


def test_the_unit_after_an_opening_period_holds_the_duty() -> None:
    text = "\n".join(_plan(
        "III. TỔ CHỨC THỰC HIỆN", "",
        "1. Định kỳ, Văn phòng Hội đồng nhân dân và Ủy ban nhân dân huyện chủ trì kiểm tra việc thực hiện Kế hoạch "
        "tại các xã.", ""))
    got = [(a.org, a.duties[:9]) for a in parse_text(text).assignments]
    assert got == [("Văn phòng Hội đồng nhân dân và Ủy ban nhân dân huyện", "chủ trì k")]


def test_a_regime_sentence_cut_by_a_paragraph_break_is_read_whole() -> None:
    # OCR put a blank line inside the sentence, before the recipient and the period
    text = "\n".join(_plan(
        "III. TỔ CHỨC THỰC HIỆN", "",
        "1. Phòng Kế hoạch tổng hợp là đầu mối, theo dõi tiến độ, tổng hợp báo cáo", "",
        "Giám đốc Trung tâm hằng tháng.", "",
        "2. Phòng Tài chính kế toán bảo đảm kinh phí theo dự toán được duyệt.", ""))
    assert parse_text(text).reporting.frequencies == ["monthly"]

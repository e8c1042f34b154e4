"""The reporting regime and the assignments of "Tổ chức thực hiện", from sentences written the ways plans write them (made-up lines)."""

from __future__ import annotations

import pytest

from giamsat.ingest.pipeline import parse_text


def _regime(sentence: str) -> tuple[list[str], int | None]:
    text = "\n".join(["KẾ HOẠCH", "Chuyển đổi số năm 2026", "", "IV. TỔ CHỨC THỰC HIỆN", "",
                      "1. Sở Tài chính: bố trí kinh phí thực hiện Kế hoạch.", "", sentence])
    regime = parse_text(text).reporting
    return regime.frequencies, regime.due_day


@pytest.mark.parametrize(("sentence", "frequencies", "due_day"), [
    # a second period named as "báo cáo năm" after the first one's parenthesis
    ("Các cơ quan báo cáo kết quả thực hiện hằng quý (trước ngày 20 của tháng cuối quý) và báo cáo năm "
     "(trước ngày 15/12) gửi Sở Khoa học và Công nghệ.", ["quarterly", "annual"], 20),
    # the due dates stand between "định kỳ" and "báo cáo"
    ("Sở Nông nghiệp và Môi trường định kỳ 6 tháng, trước ngày 10/6 và 10/12, tổng hợp kết quả thực hiện "
     "báo cáo Chủ tịch Ủy ban nhân dân tỉnh.", ["semiannual"], 10),
    ("Định kỳ hằng quý, các đơn vị báo cáo kết quả trước ngày 25 của tháng cuối quý.", ["quarterly"], 25),
    # the due day of every period opens the sentence, before "báo cáo"
    ("Trước ngày 25 của tháng cuối quý, các cơ quan gửi báo cáo định kỳ hằng quý về Sở Tài chính.", ["quarterly"], 25),
    # the last day in other words than "trước ngày": "chậm nhất vào ngày 18", "không muộn hơn ngày 20"
    ("Định kỳ hằng quý, chậm nhất vào ngày 18 của tháng cuối quý, các đơn vị báo cáo kết quả về Sở Nội vụ.",
     ["quarterly"], 18),
    ("Các xã báo cáo kết quả định kỳ hằng tháng, không muộn hơn ngày 20 hằng tháng, về Văn phòng.", ["monthly"], 20),
    # the day the period's report is sent on: "vào ngày 22"
    ("Các bộ phận báo cáo kết quả định kỳ hằng tháng vào ngày 22 về Văn phòng HĐND và UBND xã.", ["monthly"], 22),
    ("Các đơn vị gửi báo cáo định kỳ vào ngày 20 hằng tháng về Phòng Kinh tế.", ["monthly"], 20),
    # a school's terms: twice a year
    ("Định kỳ cuối mỗi học kỳ (trước ngày 15/01 và 15/6), các trường báo cáo kết quả thực hiện về Sở.", ["semiannual"], 15),
    # "sơ kết 6 tháng, tổng kết năm": two periods
    ("Các cơ quan báo cáo sơ kết 6 tháng, tổng kết năm trước ngày 10/12.", ["semiannual", "annual"], 10),
])
def test_reporting_regime_from_a_sentence(sentence: str, frequencies: list[str], due_day: int) -> None:
    assert _regime(sentence) == (frequencies, due_day)


def test_a_date_in_an_earlier_sentence_is_not_the_due_day() -> None:
    sentence = ("Kế hoạch được ban hành trước ngày 30/6/2026. Định kỳ 6 tháng, các đơn vị tổng hợp "
                "kết quả báo cáo Ủy ban nhân dân tỉnh.")
    assert _regime(sentence) == (["semiannual"], None)


def test_a_one_off_meeting_day_is_not_the_due_day() -> None:
    sentence = "Định kỳ hằng quý, các đơn vị báo cáo kết quả; tổ chức hội nghị sơ kết vào ngày 15/7/2026."
    assert _regime(sentence) == (["quarterly"], None)


def test_a_one_off_date_before_the_report_is_not_its_due_day() -> None:
    sentence = "Trước ngày 30/6/2026, các sở xây dựng kế hoạch chi tiết và báo cáo định kỳ hằng quý."
    assert _regime(sentence) == (["quarterly"], None)


def test_an_assigned_unit_ends_before_la_dau_moi() -> None:
    text = "\n".join(["KẾ HOẠCH", "Chuyển đổi số năm 2026", "", "III. TỔ CHỨC THỰC HIỆN", "",
                      "1. Văn phòng HĐND và UBND phường là đầu mối theo dõi, đôn đốc các bộ phận triển khai Kế hoạch.",
                      "", "2. Công an phường là đơn vị chủ trì bảo đảm an ninh mạng trên địa bàn."])
    got = [(a.org, a.org_code, a.duties[:12]) for a in parse_text(text).assignments]
    assert got == [("Văn phòng HĐND và UBND phường", "VP_HDND_UBND_XA", "là đầu mối t"),
                   ("Công an phường", "CA_XA", "là đơn vị ch")]

"""A plan followed on a shared system asks units to update its figures rather than to send a report ("cập nhật số
liệu … trước ngày 25 hằng tháng"): that is its reporting regime. A report due "trước ngày 10 tháng cuối quý" is a
quarterly one. A duty's own data ("Sở Y tế cập nhật dữ liệu tiêm chủng … hằng tháng") is no regime."""

from __future__ import annotations

import pytest

from giamsat.ingest.model import ParsedPlan
from giamsat.ingest.pipeline import parse_text


def _plan(duty: str) -> ParsedPlan:
    return parse_text("\n".join([
        "KẾ HOẠCH", "Chuyển đổi số năm 2026", "", "IV. TỔ CHỨC THỰC HIỆN",
        "1. Sở Khoa học và Công nghệ chủ trì theo dõi, đôn đốc thực hiện Kế hoạch.",
        "2. " + duty]))


@pytest.mark.parametrize(("duty", "frequencies", "due_day"), [
    ("Các sở, ngành, Ủy ban nhân dân các xã, phường cập nhật số liệu, kết quả thực hiện các chỉ tiêu lên Hệ thống "
     "theo dõi, đánh giá trước ngày 25 hằng tháng.", ["monthly"], 25),
    ("Định kỳ hằng tháng (trước ngày 20), các cơ quan, đơn vị cập nhật tiến độ thực hiện nhiệm vụ trên phần mềm "
     "giám sát của tỉnh.", ["monthly"], 20),
    ("Các cơ quan, đơn vị gửi báo cáo về Sở Khoa học và Công nghệ trước ngày 10 tháng cuối quý để tổng hợp, báo cáo "
     "Ủy ban nhân dân tỉnh.", ["quarterly"], 10),
])
def test_the_regime_of_updates_and_of_the_last_month_of_a_quarter(duty: str, frequencies: list[str], due_day: int) -> None:
    regime = _plan(duty).reporting
    assert (regime.frequencies, regime.due_day) == (frequencies, due_day)


@pytest.mark.parametrize("duty", [
    "Sở Y tế cập nhật dữ liệu tiêm chủng lên hệ thống hằng tháng.",
    "Sở Y tế chủ trì cập nhật số liệu khám chữa bệnh lên hệ thống hằng tháng.",
])
def test_a_duty_of_its_own_data_is_no_regime(duty: str) -> None:
    assert _plan(duty).reporting.frequencies == []


@pytest.mark.parametrize(("duty", "frequencies"), [
    ("Các cơ quan, đơn vị báo cáo kết quả thực hiện Kế hoạch về Sở Khoa học và Công nghệ trước ngày 15/6 và 15/12 "
     "hằng năm để tổng hợp.", ["semiannual", "annual"]),
    ("Các cơ quan, đơn vị báo cáo kết quả thực hiện Kế hoạch trước ngày 15/3, 15/6, 15/9 và 15/12 hằng năm.",
     ["quarterly", "annual"]),
])
def test_reports_due_on_days_named_every_year(duty: str, frequencies: list[str]) -> None:
    regime = _plan(duty).reporting
    assert (regime.frequencies, regime.due_day) == (frequencies, 15)

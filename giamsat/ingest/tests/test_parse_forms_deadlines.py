"""Deadline phrases of plans in other forms (tests/data/forms/ and variants of them), on made-up cells."""

from __future__ import annotations

import pytest

from giamsat.ingest.deadlines import DEADLINE_PHRASE, parse_deadline
from giamsat.ingest.fold import fold


@pytest.mark.parametrize(("cell", "kind", "end", "start"), [
    ("Quý III - IV/2027", "quarter", "2027-12-31", "2027-07-01"),
    ("Quý I, II/2028", "quarter", "2028-06-30", "2028-01-01"),
    ("Quý 2-3/2027", "quarter", "2027-09-30", "2027-04-01"),
    ("Quý II và Quý III năm 2029", "quarter", "2029-09-30", "2029-04-01"),
])
def test_two_quarters_of_one_year_are_due_by_the_last(cell: str, kind: str, end: str, start: str) -> None:
    d = parse_deadline(cell).to_dict()
    assert (d["kind"], d["end"], d["start"]) == (kind, end, start)


def test_a_quarter_pair_in_prose_is_one_phrase() -> None:
    m = DEADLINE_PHRASE.search(fold("Rà soát dữ liệu hộ tịch, hoàn thành trong Quý III - IV/2027."))
    assert m is not None and m.group(0) == "quy iii - iv/2027"


@pytest.mark.parametrize(("cell", "recurrence"), [
    ("6 tháng/lần", "semiannual"), ("03 tháng/lần", "quarterly"), ("06 tháng một lần", "semiannual")])
def test_every_n_months(cell: str, recurrence: str) -> None:
    d = parse_deadline(cell).to_dict()
    assert (d["kind"], d["recurrence"]) == ("recurring", recurrence)


@pytest.mark.parametrize("cell", ["45 ngày kể từ ngày Quyết định có hiệu lực",
                                  "Trong vòng 03 tháng sau khi Đề án được phê duyệt",
                                  "Trong 15 ngày làm việc kể từ ngày nhận đủ hồ sơ"])
def test_a_time_counted_from_an_event_is_conditional(cell: str) -> None:
    assert parse_deadline(cell).to_dict()["kind"] == "conditional"


@pytest.mark.parametrize(("cell", "kind", "end"), [
    ("Quý IV/2026 sang Quý II/2027", "quarter", "2027-06-30"),
    ("Từ tháng 9/2026 sang tháng 3/2027", "month", "2027-03-31"),
    ("Điều chỉnh từ 30/11/2026 thành 31/10/2027", "date", "2027-10-31"),
    ("Năm 2026 sang năm 2028", "year", "2028-12-31"),
    # 'thành lập': a verb, not a move; the work is done in stages, due when the last is
    ("Quý II/2027 thành lập Tổ công tác, Quý IV/2027 hoàn thành", "quarter", "2027-12-31"),
])
def test_a_deadline_moved_by_an_amending_plan_is_the_new_one(cell: str, kind: str, end: str) -> None:
    d = parse_deadline(cell).to_dict()
    assert (d["kind"], d["end"]) == (kind, end)


def test_a_moved_deadline_in_prose_is_one_phrase() -> None:
    m = DEADLINE_PHRASE.search(fold("Điều chỉnh thời hạn hoàn thành nhiệm vụ số 8 từ Quý IV/2026 sang Quý II/2027."))
    assert m is not None and parse_deadline(m.group(0)).to_dict()["end"] == "2027-06-30"

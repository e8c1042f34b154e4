"""OCR'd deadline cells whose slash was lost or doubled (made-up phrases)."""

from __future__ import annotations

import datetime as dt

from giamsat.ingest.deadlines import DEADLINE_PHRASE, parse_deadline
from giamsat.ingest.fold import fold


def _month(text: str) -> tuple[str, dt.date | None]:
    spec = parse_deadline(text)
    return spec.kind.value, spec.end


def test_month_whose_slash_ocr_lost() -> None:
    # "Tháng 10/2027" read "Tháng 102027": the digits before the year are the month
    assert _month("Tháng 102027") == ("month", dt.date(2027, 10, 31))
    assert _month("tháng 042028") == ("month", dt.date(2028, 4, 30))
    # a month that cannot be (""Tháng 7/2027" read "Tháng 712027", its slash a "1"): the slash was read as a digit
    assert _month("Tháng 712027") == ("month", dt.date(2027, 7, 31))
    # no month word: a bare number is no month
    assert parse_deadline("Đợt 102027").kind.value != "month"
    assert DEADLINE_PHRASE.search(fold("hoàn thành tháng 082027"))


def test_quarter_and_date_with_a_doubled_slash() -> None:
    # OCR reads one slash as two glyphs ("/⁄", "//") or as a fraction slash
    spec = parse_deadline("Quý III/⁄2027")
    assert (spec.kind.value, spec.end) == ("quarter", dt.date(2027, 9, 30))
    spec = parse_deadline("Quý I⁄2028")
    assert (spec.kind.value, spec.end) == ("quarter", dt.date(2028, 3, 31))
    assert _month("Tháng 9//2027") == ("month", dt.date(2027, 9, 30))
    spec = parse_deadline("Trước 20/5⁄2027")
    assert (spec.kind.value, spec.end) == ("date", dt.date(2027, 5, 20))
    assert DEADLINE_PHRASE.search(fold("hoàn thành Quý II/⁄2027"))

"""An OCR'd quarter whose slash was lost, its numeral glued to the year ("Quý II2027", "Quý IV2026", "Quý lII2026"):
the quarter of that year, found in a duty's words too; a count before a year ("Quý 12027") stays unread, as the
numeral may be the slash read as "1". Made-up cells."""

from __future__ import annotations

import datetime as dt

from giamsat.ingest.deadlines import DEADLINE_PHRASE, parse_deadline
from giamsat.ingest.fold import fold


def _end(text: str) -> tuple[str, dt.date | None]:
    spec = parse_deadline(text)
    return spec.kind.value, spec.end


def test_a_quarter_glued_to_its_year() -> None:
    assert _end("Quý II2027") == ("quarter", dt.date(2027, 6, 30))
    assert _end("Quý IV2026") == ("quarter", dt.date(2026, 12, 31))
    assert _end("Quý lII2026") == ("quarter", dt.date(2026, 9, 30))
    assert DEADLINE_PHRASE.search(fold("hoàn thành trong Quý III2026"))


def test_digits_before_a_year_stay_unread() -> None:
    assert parse_deadline("Quý 12027").kind.value == "unknown"

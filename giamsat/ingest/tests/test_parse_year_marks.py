"""A roadmap table with one column per year under 'Lộ trình thực hiện', marked 'x' in the years a task runs;
a quarter's numeral OCR read with an 'H' in its middle
(made-up lines)."""

from __future__ import annotations

import datetime as dt

from giamsat.domain.deadline import DeadlineKind
from giamsat.ingest.agencies import Agency
from giamsat.ingest.deadlines import parse_deadline
from giamsat.ingest.pipeline import parse_text

D = dt.date

UNITS = [
    Agency("BKT", "Ban Kỹ thuật"),
    Agency("BKD", "Ban Kinh doanh"),
]


def _plan(*lines: str) -> str:
    return "\n".join(["CÔNG TY CỔ PHẦN CẤP NƯỚC HÀ SƠN", "", "KẾ HOẠCH",
                      "Chuyển đổi số giai đoạn 2027 - 2029", "", "I. NHIỆM VỤ", *lines])


def test_year_columns_under_a_roadmap_title_give_the_end_of_the_last_marked_year() -> None:
    text = _plan(
        "| STT | Nội dung | Đơn vị chủ trì | Lộ trình thực hiện | | |",
        "|---|---|---|---|---|---|",
        "| | | | 2027 | 2028 | 2029 |",
        "| 1 | Lắp đồng hồ nước thông minh cho khách hàng | Ban Kỹ thuật | x | x | |",
        "| 2 | Thu tiền nước qua ứng dụng di động | Ban Kinh doanh | | | x |",
    )
    tasks = parse_text(text, registry=UNITS).tasks
    assert [(t.no, t.lead_code) for t in tasks] == [("1", "BKT"), ("2", "BKD")]
    assert [t.deadline.end if t.deadline else None for t in tasks] == [D(2028, 12, 31), D(2029, 12, 31)]
    assert tasks[0].deadline is not None and tasks[0].deadline.kind == DeadlineKind.YEAR
    assert tasks[0].deadline.start == D(2027, 1, 1)
    assert tasks[0].deadline_text == "2027, 2028"


def test_a_quarter_numeral_with_an_h_between_two_strokes_is_the_third() -> None:
    spec = parse_deadline("hoàn thành trong Quý IHI/2027")
    assert spec.kind == DeadlineKind.QUARTER and spec.end == D(2027, 9, 30)
    assert parse_deadline("Quý IH/2027").end == D(2027, 9, 30)

"""Figures from giamsat's own data for computed criteria, and the ranking of a round.

Computed criteria read the evaluation engine through `giamsat.reporting.evaluation` (approved
reports only, as of the round's `data_as_of`); rating bands and ranks are the engine's
(`giamsat.evaluate.scorecard.band_for`, `rank_group`), so a unit's band here means the same
as on the dashboard.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal

from giamsat.assessment.models import Criterion, Formula
from giamsat.evaluate.model import Evaluation, Scorecard
from giamsat.evaluate.scorecard import UNRATED, band_for, rank_group
from giamsat.org.models import OrgUnit
from giamsat.plans.models import Target
from giamsat.reporting import evaluation

CENT = Decimal("0.01")


@dataclass(frozen=True)
class Computed:
    score: Decimal | None  # None: no figure (nothing due, no value): the unit scores it by hand
    detail: str


def points(max_points: Decimal, fraction: float) -> Decimal:
    fraction = min(1.0, max(0.0, fraction))
    return (max_points * Decimal(str(fraction))).quantize(CENT, rounding=ROUND_HALF_UP)


def unit_evaluation(unit: OrgUnit, as_of: dt.date) -> Evaluation:
    return evaluation.evaluate_scope(unit, as_of)


def compute(criterion: Criterion, unit: OrgUnit, ev: Evaluation) -> Computed:
    card = ev.scorecards.get(unit.code)
    if criterion.formula == Formula.TASK_ON_TIME:
        item = next((i for i in card.items if i.component == "task_on_time"), None) if card else None
        if item is None or item.value is None:
            return Computed(None, "Không có nhiệm vụ đến hạn trong năm: đơn vị tự chấm kèm minh chứng.")
        return Computed(points(criterion.max_points, item.value / 100.0),
                        f"{item.numerator:g}/{item.denominator:g} nhiệm vụ hoàn thành đúng hạn ({_pct(item.value)} %)")
    if criterion.formula == Formula.COMPOSITE:
        if card is None or card.band == UNRATED:
            return Computed(None, "Chưa đủ dữ liệu để tính điểm tổng hợp.")
        return Computed(points(criterion.max_points, card.score / 100.0),
                        f"Điểm tổng hợp {_pct(card.score)}/100 ({card.band})")
    if criterion.formula == Formula.INDICATOR:
        return _indicator(criterion, unit, ev)
    return Computed(None, "Tiêu chí không có công thức.")


def _indicator(criterion: Criterion, unit: OrgUnit, ev: Evaluation) -> Computed:
    own = {int(tid) for tid, r in ev.targets.items() if r.unit_id == unit.code and r.latest_value is not None}
    ids = list(Target.objects.filter(pk__in=own, indicator__code=criterion.indicator_code).values_list("pk", flat=True))
    results = sorted((ev.targets[str(pk)] for pk in ids), key=lambda r: (r.latest_date or dt.date.min, r.target_id))
    if not results or not criterion.full_at:
        return Computed(None, f"Chưa có số liệu đã duyệt cho chỉ tiêu “{criterion.indicator_code}”.")
    latest = results[-1]
    value = float(latest.latest_value or 0.0)
    return Computed(points(criterion.max_points, value / float(criterion.full_at)),
                    f"Giá trị {_pct(value)} (mức đạt điểm tối đa {_pct(float(criterion.full_at))})")


def _pct(value: float) -> str:
    return f"{value:.1f}".replace(".", ",")


def rate(percent: float | None) -> str:
    return band_for(percent) if percent is not None else UNRATED


def rank(percents: dict[int, float | None]) -> dict[int, int | None]:
    """Ranks by percentage of the applicable maximum; ties share a rank (1, 2, 2, 4)."""
    cards = {str(pk): Scorecard(str(pk), None, p or 0.0, rate(p), ()) for pk, p in percents.items()}
    rank_group(cards, list(cards))
    return {int(k): c.rank for k, c in cards.items()}

"""Scorecards: a composite 0–100 score per unit, explained item by item, and peer rankings.

Components (each 0–100, from a numerator and a denominator):

- ``task_on_time``: tasks due in the window (one-off deadlines, closed
  occurrences of recurring/continuous tasks) that were completed on time.
- ``reporting_timeliness``: closed reporting periods in the window whose
  report was submitted by its due date (a missing report counts as late).
- ``reporting_quality``: reports submitted that were never returned.
- ``target_achievement``: mean status points of the unit's targets
  (`ScoreWeights.target_points`).

The composite is the weighted mean over the components that had anything
due; weights of empty components are redistributed (the item shows
``value=None`` and a zero contribution). Peers are units of the same kind
under the same parent; ties share a rank (1, 2, 2, 4).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field

from giamsat.domain.states import TargetStatus
from giamsat.evaluate.model import Scorecard, ScoreItem, UnitFigures, UnitRef


def _default_points() -> dict[TargetStatus, float]:
    return {TargetStatus.ACHIEVED: 100.0, TargetStatus.ON_TRACK: 80.0, TargetStatus.AT_RISK: 50.0,
            TargetStatus.OFF_TRACK: 0.0, TargetStatus.NO_DATA: 0.0}


@dataclass(frozen=True)
class ScoreWeights:
    """Weights of the composite index; defaults: tasks on time 0.40, reporting
    timeliness 0.20, reporting quality 0.10, target achievement 0.30. Target
    status points: achieved 100, on track 80, at risk 50, off track 0, no data 0
    (a target without data earns nothing)."""

    task_on_time: float = 0.40
    reporting_timeliness: float = 0.20
    reporting_quality: float = 0.10
    target_achievement: float = 0.30
    target_points: dict[TargetStatus, float] = field(default_factory=_default_points)


DEFAULT_BANDS: tuple[tuple[float, str], ...] = (
    (90.0, "Xuất sắc"), (80.0, "Tốt"), (70.0, "Khá"), (50.0, "Trung bình"), (0.0, "Yếu"),
)
UNRATED = "Chưa đủ dữ liệu"


def band_for(score: float, bands: tuple[tuple[float, str], ...] = DEFAULT_BANDS) -> str:
    """The first band (sorted by descending minimum) whose minimum the score reaches."""
    for minimum, label in sorted(bands, key=lambda b: -b[0]):
        if score >= minimum:
            return label
    return bands[-1][1] if bands else UNRATED


def score(unit_id: str, f: UnitFigures, weights: ScoreWeights | None = None,
          bands: tuple[tuple[float, str], ...] = DEFAULT_BANDS, period: str | None = None) -> Scorecard:
    w = weights or ScoreWeights()
    target_num = sum(w.target_points.get(s, 0.0) * n for s, n in f.target_status.items()) / 100.0
    raw = [
        ("task_on_time", "Nhiệm vụ hoàn thành đúng hạn", f.tasks_on_time, f.tasks_due, w.task_on_time),
        ("reporting_timeliness", "Báo cáo đúng hạn", f.submissions_on_time, f.submissions_due,
         w.reporting_timeliness),
        ("reporting_quality", "Báo cáo không bị trả lại", f.submissions_clean, f.submissions_made,
         w.reporting_quality),
        ("target_achievement", "Mức đạt chỉ tiêu", target_num, f.targets, w.target_achievement),
    ]
    total_w = sum(wt for _, _, _, den, wt in raw if den > 0)
    items: list[ScoreItem] = []
    composite = 0.0
    for comp, label, num, den, wt in raw:
        if den > 0 and total_w > 0:
            value = min(100.0, max(0.0, 100.0 * num / den))
            contribution = value * wt / total_w
            composite += contribution
            items.append(ScoreItem(comp, label, float(num), float(den), value, wt, contribution))
        else:
            items.append(ScoreItem(comp, label, float(num), float(den), None, wt, 0.0))
    composite = min(100.0, max(0.0, composite))
    band = band_for(composite, bands) if total_w > 0 else UNRATED
    return Scorecard(unit_id, period, round(composite, 6), band, tuple(items))


def rank_peers(cards: dict[str, Scorecard], units: Iterable[UnitRef]) -> None:
    """Set ``rank``/``peers`` on each card among units of the same kind and parent."""
    groups: dict[tuple[str | None, str], list[str]] = defaultdict(list)
    for u in units:
        if u.id in cards:
            groups[(u.parent_id, u.kind)].append(u.id)
    for ids in groups.values():
        rank_group(cards, ids)


def rank_group(cards: dict[str, Scorecard], ids: list[str]) -> None:
    rated = [i for i in ids if cards[i].band != UNRATED]
    rated.sort(key=lambda i: (-cards[i].score, i))
    prev: float | None = None
    rank = 0
    for pos, i in enumerate(rated, start=1):
        s = cards[i].score
        if prev is None or s != prev:
            rank = pos
            prev = s
        cards[i].rank = rank
        cards[i].peers = len(rated)
    for i in ids:
        if cards[i].band == UNRATED:
            cards[i].rank = None
            cards[i].peers = len(rated)

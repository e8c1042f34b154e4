"""Target achievement per milestone, the planned trajectory, and the trend projection.

Rules:

- A milestone falls due on 31/12 of its year. The comparator decides whether
  a value meets it (`meets`); rank_top means rank ≤ N; text targets report a
  qualitative score 0..1 and meet the milestone at its value (1 = đạt).
- Achievement ratio (`achievement_ratio`): ≥/>/text: value/target; ≤/<:
  target/value; rank_top: N/rank; =: 1 − |value − target|/|target|; range: 1
  inside, else the ratio to the nearer bound. None when undefined (≤ 0 bases).
- Planned trajectory: the straight line from the baseline (or, lacking one,
  the first trusted value) to the milestone. ``progress`` is the share of
  that distance covered by the latest value; ``planned_progress`` the share of
  the time elapsed at the latest value's date.
- Status of a future milestone: ACHIEVED if met; else ON_TRACK if progress
  lags the plan by at most `ON_TRACK_SLACK`, AT_RISK by at most
  `AT_RISK_SLACK`, else OFF_TRACK. Without a trajectory (one value, no
  baseline) the achievement ratio decides: ≥ `RATIO_ON_TRACK` on track, ≥
  `RATIO_AT_RISK` at risk. A past milestone is ACHIEVED or OFF_TRACK on the
  latest value dated on or before its due date (else the first one after).
  No trusted value: NO_DATA.
- The target's headline status is that of the next milestone not yet due,
  or of the last one when all are past.
- Projection: ordinary least squares of value on time (years) over the
  trusted values (≥ `MIN_POINTS_FOR_TREND`), evaluated at the next
  milestone, with the standard error of prediction
  s·√(1 + 1/n + (x₀ − x̄)²/Sxx) and a 95% prediction interval (Student t).
  ``since`` is the date of the value from which every projection made on the
  history up to then kept missing the milestone.
"""

from __future__ import annotations

import datetime as dt
import math
from functools import lru_cache

from giamsat.domain.states import Comparator, TargetStatus
from giamsat.evaluate.model import Milestone, MilestoneResult, Projection, TargetFacts, TargetResult

ON_TRACK_SLACK = 0.05
AT_RISK_SLACK = 0.20
RATIO_ON_TRACK = 0.90
RATIO_AT_RISK = 0.70
EQ_REL_TOLERANCE = 1e-9
MIN_POINTS_FOR_TREND = 3

# Two-sided 95% Student t quantiles by degrees of freedom (1..30); 1.96 beyond.
_T975 = (12.706, 4.303, 3.182, 2.776, 2.571, 2.447, 2.365, 2.306, 2.262, 2.228, 2.201, 2.179, 2.160,
         2.145, 2.131, 2.120, 2.110, 2.101, 2.093, 2.086, 2.080, 2.074, 2.069, 2.064, 2.060, 2.056,
         2.052, 2.048, 2.045, 2.042)
_EPOCH = dt.date(2000, 1, 1)


def t975(df: int) -> float:
    return _T975[df - 1] if 1 <= df <= len(_T975) else 1.96


@lru_cache(maxsize=65536)
def years(day: dt.date) -> float:
    """Time axis of the trend, in years since 2000 (cached: reports share few dates)."""
    return (day - _EPOCH).days / 365.25


def milestone_date(m: Milestone) -> dt.date:
    return _year_end(m.year)


@lru_cache(maxsize=512)
def _year_end(year: int) -> dt.date:
    return dt.date(year, 12, 31)


def meets(comparator: Comparator, value: float, m: Milestone) -> bool:
    t = m.value
    if comparator is Comparator.GE or comparator is Comparator.TEXT:
        return value >= t
    if comparator is Comparator.GT:
        return value > t
    if comparator is Comparator.LE or comparator is Comparator.RANK_TOP:
        return value <= t
    if comparator is Comparator.LT:
        return value < t
    if comparator is Comparator.EQ:
        return abs(value - t) <= EQ_REL_TOLERANCE * max(1.0, abs(t))
    upper = m.upper if m.upper is not None else math.inf
    return t <= value <= upper


def achievement_ratio(comparator: Comparator, value: float, m: Milestone) -> float | None:
    return _ratio(comparator, value, m, meets(comparator, value, m))


def _ratio(comparator: Comparator, value: float, m: Milestone, met: bool) -> float | None:
    """`achievement_ratio` given whether the value meets the milestone."""
    t = m.value
    if comparator is Comparator.GE or comparator is Comparator.GT or comparator is Comparator.TEXT:
        if t > 0 and value >= 0:
            return value / t
        return 1.0 if met else (0.0 if t > 0 else None)
    if comparator is Comparator.LE or comparator is Comparator.LT or comparator is Comparator.RANK_TOP:
        if value > 0 and t > 0:
            return t / value
        return 1.0 if met else None
    if comparator is Comparator.EQ:
        if t == 0:
            return 1.0 if met else 0.0
        return max(0.0, 1.0 - abs(value - t) / abs(t))
    upper = m.upper if m.upper is not None else math.inf
    if met:
        return 1.0
    if value < t:
        return value / t if t > 0 and value >= 0 else None
    return upper / value if value > 0 else None


def goal(comparator: Comparator, m: Milestone, start: float) -> float:
    """The point the trajectory aims at (for a range: the nearer bound)."""
    if comparator is Comparator.RANGE:
        upper = m.upper if m.upper is not None else math.inf
        if start < m.value:
            return m.value
        if start > upper:
            return upper
        return start
    return m.value


def shortfall(comparator: Comparator, value: float, m: Milestone) -> float:
    """How far `value` is from meeting the milestone (0 if it meets), in the target's unit."""
    if meets(comparator, value, m):
        return 0.0
    t = m.value
    if comparator is Comparator.RANGE:
        upper = m.upper if m.upper is not None else math.inf
        return t - value if value < t else value - upper
    if comparator in (Comparator.LE, Comparator.LT, Comparator.RANK_TOP):
        return value - t
    if comparator is Comparator.EQ:
        return abs(value - t)
    return t - value


def _value_for_past(values: list[tuple[dt.date, float]], due: dt.date) -> tuple[dt.date, float]:
    """The latest value dated on or before `due` (values sorted by date), else the first one."""
    for k in range(len(values) - 1, -1, -1):
        if values[k][0] <= due:
            return values[k]
    return values[0]


def judge_milestone(t: TargetFacts, m: Milestone, values: list[tuple[dt.date, float]],
                    as_of: dt.date) -> MilestoneResult:
    """`values`: trusted values known on `as_of`, sorted by date."""
    if not values:
        return MilestoneResult(m.year, m.value, TargetStatus.NO_DATA, None, None, None, None)
    due = _year_end(m.year)
    day, v = _value_for_past(values, due) if due < as_of else values[-1]
    comparator = t.comparator
    met = meets(comparator, v, m)
    ratio = _ratio(comparator, v, m, met)
    if t.baseline is not None and t.baseline_date is not None:
        has_baseline = True
        b, bday = t.baseline, t.baseline_date
    else:
        has_baseline = False
        bday, b = values[0]
    g = goal(comparator, m, b)
    progress = planned_progress = planned_value = None
    if bday < due and (has_baseline or day > bday):
        planned_progress = min(1.0, max(0.0, (day - bday).days / (due - bday).days))
        planned_value = b + planned_progress * (g - b)
        progress = (v - b) / (g - b) if g != b else (1.0 if met else 0.0)
    if met:
        status = TargetStatus.ACHIEVED
    elif due < as_of:
        status = TargetStatus.OFF_TRACK
    elif progress is not None and planned_progress is not None:
        lag = planned_progress - progress
        status = (TargetStatus.ON_TRACK if lag <= ON_TRACK_SLACK
                  else TargetStatus.AT_RISK if lag <= AT_RISK_SLACK else TargetStatus.OFF_TRACK)
    elif ratio is not None:
        status = (TargetStatus.ON_TRACK if ratio >= RATIO_ON_TRACK
                  else TargetStatus.AT_RISK if ratio >= RATIO_AT_RISK else TargetStatus.OFF_TRACK)
    else:
        status = TargetStatus.AT_RISK
    return MilestoneResult(m.year, m.value, status, ratio, planned_value, progress, planned_progress)


def _fit(n: int, sx: float, sy: float, sxx: float, sxy: float, syy: float,
         x0: float) -> tuple[float, float, float] | None:
    """(prediction at x0, standard error of prediction, slope) from running sums; None if degenerate."""
    cxx = sxx - sx * sx / n
    if n < MIN_POINTS_FOR_TREND or cxx <= 1e-12:
        return None
    cxy = sxy - sx * sy / n
    cyy = syy - sy * sy / n
    slope = cxy / cxx
    xbar, ybar = sx / n, sy / n
    pred = ybar + slope * (x0 - xbar)
    sse = max(0.0, cyy - slope * cxy)
    s = math.sqrt(sse / (n - 2))
    se = s * math.sqrt(1.0 + 1.0 / n + (x0 - xbar) ** 2 / cxx)
    return pred, se, slope


def project(t: TargetFacts, m: Milestone, values: list[tuple[dt.date, float]]) -> Projection | None:
    """Least-squares projection of the trusted values to milestone `m` (see module doc)."""
    if t.comparator is Comparator.TEXT or len(values) < MIN_POINTS_FOR_TREND:
        return None
    # sums are taken about the first point (x and y shifted) to keep the
    # raw-moment formulas free of cancellation
    xf, yf = years(values[0][0]), values[0][1]
    x0 = years(_year_end(m.year)) - xf
    sums: list[tuple[int, float, float, float, float, float]] = []
    append = sums.append
    n = 0
    sx = sy = sxx = sxy = syy = 0.0
    for day, v0 in values:
        x = years(day) - xf
        v = v0 - yf
        n += 1
        sx += x
        sy += v
        sxx += x * x
        sxy += x * v
        syy += v * v
        append((n, sx, sy, sxx, sxy, syy))
    fit = _fit(n, sx, sy, sxx, sxy, syy, x0)
    if fit is None:
        return None
    last = (fit[0] + yf, fit[1], fit[2])
    comparator = t.comparator
    since: dt.date | None = None
    if not meets(comparator, last[0], m):
        # walk back through the projections made on shorter histories while they missed too
        since = values[-1][0]
        for k in range(len(sums) - 2, -1, -1):
            f = _fit(*sums[k], x0)
            if f is None or meets(comparator, f[0] + yf, m):
                break
            since = values[k][0]
    pred, se, slope = last
    half = t975(n - 2) * se
    miss = not meets(t.comparator, pred, m)
    return Projection(m.year, pred, se, pred - half, pred + half, n, slope, miss,
                      shortfall(t.comparator, pred, m), since if miss else None)


def judge_target(t: TargetFacts, trusted: list[tuple[dt.date, float]], as_of: dt.date,
                 excluded: int = 0, flagged: int = 0) -> TargetResult:
    """`trusted`: the values that passed `checks.check_target`, sorted by date."""
    known = trusted if not trusted or trusted[-1][0] <= as_of else [dv for dv in trusted if dv[0] <= as_of]
    milestones = t.milestones
    results = tuple([judge_milestone(t, m, known, as_of) for m in milestones])
    head: int | None = None
    for i, m in enumerate(milestones):
        if _year_end(m.year) >= as_of and (head is None or m.year < milestones[head].year):
            head = i
    if head is None and milestones:
        head = max(range(len(milestones)), key=lambda i: milestones[i].year)
    status = results[head].status if head is not None else TargetStatus.NO_DATA
    projection = None
    if head is not None and known and _year_end(milestones[head].year) >= as_of:
        projection = project(t, milestones[head], known)
    latest_day, latest = (known[-1] if known else (None, None))
    return TargetResult(t.id, t.unit_id, status, latest, latest_day,
                        t.milestones[head].year if head is not None else None, results, projection,
                        excluded, flagged)

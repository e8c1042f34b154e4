"""Data checks run before figures are trusted.

Every finding becomes a `DataIssue` for the approver; nothing is dropped
silently. Impossible values (severity ERROR: a percentage outside 0–100, a
value outside the plausible range, a monotone stock that falls) are excluded
from the figures and the issue says so (``excluded=True``). Suspicious values
(severity WARNING: a jump far outside the series' own history by robust
z-score) are kept and flagged.

Robust z-score (Iglewicz & Hoaglin): z = 0.6745·(d − median)/MAD over the
consecutive differences d of the series; |z| > `MAD_Z_LIMIT` is a jump. It is
computed only with more than `MAD_MIN_DIFFS` differences; the MAD is floored
at `JUMP_MIN_REL` of the series' median level; when it is still 0 the mean
absolute deviation ×1.2533 stands in (same scale for normal data).
"""

from __future__ import annotations

import datetime as dt
import itertools

from giamsat.domain.deadline import DeadlineKind
from giamsat.evaluate.model import DataIssue, Severity, TargetFacts, TaskFacts

MAD_Z_LIMIT = 3.5
MAD_MIN_DIFFS = 5
JUMP_MIN_REL = 0.02  # the MAD is floored at 2 % of the series' median level: noise on a smooth
# trend has a tiny MAD, and without a floor ordinary wobbles would score as jumps


def _median(xs: list[float]) -> float:
    """`statistics.median` (same result), without its generality."""
    data = sorted(xs)
    n = len(data)
    if n % 2:
        return data[n // 2]
    i = n // 2
    return (data[i - 1] + data[i]) / 2


def robust_z(xs: list[float], mad_floor: float = 0.0) -> list[float]:
    """Robust z-scores of xs (0 for all if the spread is nil)."""
    if not xs:
        return []
    med = _median(xs)
    dev = [abs(x - med) for x in xs]
    mad = max(_median(dev), mad_floor)
    if mad > 0:
        return [0.6745 * (x - med) / mad for x in xs]
    mean_ad = sum(dev) / len(dev)
    if mean_ad == 0:
        return [0.0] * len(xs)
    return [(x - med) / (1.2533 * mean_ad) for x in xs]


def check_target(t: TargetFacts, monotone_tolerance: float = 0.0) -> tuple[list[tuple[dt.date, float]], list[DataIssue]]:
    """(trusted values sorted by date, issues) for one target."""
    values = t.values if _is_sorted(t.values) else sorted(t.values)
    issues: list[DataIssue] = []
    trusted: list[tuple[dt.date, float]] = []
    lo, hi = t.plausible_min, t.plausible_max
    if t.is_percent:
        lo = 0.0 if lo is None else max(lo, 0.0)
        hi = 100.0 if hi is None else min(hi, 100.0)
    peak: float | None = None
    for day, v in values:
        if v != v:  # NaN
            issues.append(DataIssue("not_a_number", Severity.ERROR, t.unit_id, t.id,
                                    "Giá trị không phải là số", day, None, True))
            continue
        if (lo is not None and v < lo) or (hi is not None and v > hi):
            if t.is_percent and (v < 0 or v > 100):
                code, msg = "percent_out_of_range", f"Tỷ lệ {v:g}% nằm ngoài khoảng 0–100%"
            else:
                code, msg = "implausible_value", f"Giá trị {v:g} nằm ngoài khoảng hợp lý [{_fmt(lo)}; {_fmt(hi)}]"
            issues.append(DataIssue(code, Severity.ERROR, t.unit_id, t.id, msg, day, v, True))
            continue
        if t.monotone and peak is not None and v < peak - monotone_tolerance:
            issues.append(DataIssue("stock_decrease", Severity.ERROR, t.unit_id, t.id,
                                    f"Chỉ tiêu lũy kế giảm từ {peak:g} xuống {v:g}", day, v, True))
            continue
        if peak is None or v > peak:
            peak = v
        trusted.append((day, v))
    if len(trusted) > MAD_MIN_DIFFS:
        diffs = [b[1] - a[1] for a, b in itertools.pairwise(trusted)]
        floor = JUMP_MIN_REL * _median([abs(v) for _, v in trusted])
        for i, z in enumerate(robust_z(diffs, floor)):
            if abs(z) > MAD_Z_LIMIT:
                day, v = trusted[i + 1]
                issues.append(DataIssue(
                    "unusual_jump", Severity.WARNING, t.unit_id, t.id,
                    f"Biến động bất thường: {trusted[i][1]:g} → {v:g} (z = {z:.1f})", day, v, False))
    return trusted, issues


def check_task(task: TaskFacts) -> list[DataIssue]:
    """Percent outside 0–100 (excluded: the at-risk and pace rules ignore it; the reported
    state still counts), progress going backwards, a deadline the parser could not read."""
    issues: list[DataIssue] = []
    kind = task.deadline.kind
    if kind is DeadlineKind.UNKNOWN:
        issues.append(DataIssue("unknown_deadline", Severity.WARNING, task.unit_id, task.id,
                                f"Không xác định được thời hạn: “{task.deadline.raw}”"))
    reports = task.reports
    if kind is DeadlineKind.RECURRING or kind is DeadlineKind.CONTINUOUS:
        # each period starts afresh: only the range is checked
        for r in reports:
            p = r.percent
            if p is not None and (p < 0 or p > 100):
                issues.append(DataIssue("percent_out_of_range", Severity.ERROR, task.unit_id, task.id,
                                        f"Tiến độ {p:g}% nằm ngoài khoảng 0–100%", r.period_end, p, True))
        return issues
    decreases: list[DataIssue] = []
    peak = -1.0
    prev_end: dt.date | None = None
    ordered = True
    for r in reports:  # one pass: range, order and (while in order) progress going backwards
        p = r.percent
        pe = r.period_end
        if prev_end is not None and pe < prev_end:
            ordered = False
        prev_end = pe
        if p is None:
            continue
        if p < 0 or p > 100:
            issues.append(DataIssue("percent_out_of_range", Severity.ERROR, task.unit_id, task.id,
                                    f"Tiến độ {p:g}% nằm ngoài khoảng 0–100%", pe, p, True))
        if ordered:
            if p < peak:
                decreases.append(_decrease(task, peak, p, pe))
            elif p > peak:
                peak = p
    if not ordered:
        decreases = []
        peak = -1.0
        for r in sorted(reports, key=lambda r: (r.period_end, r.reported_on)):
            p = r.percent
            if p is None:
                continue
            if p < peak:
                decreases.append(_decrease(task, peak, p, r.period_end))
            elif p > peak:
                peak = p
    issues.extend(decreases)
    return issues


def _decrease(task: TaskFacts, peak: float, p: float, day: dt.date) -> DataIssue:
    return DataIssue("progress_decrease", Severity.WARNING, task.unit_id, task.id,
                     f"Tiến độ giảm từ {peak:g}% xuống {p:g}%", day, p, False)


def _is_sorted(values: list[tuple[dt.date, float]]) -> bool:
    prev = values[0][0] if values else None
    for day, _ in values:
        if prev is not None and day < prev:
            return False
        prev = day
    return True


def _fmt(x: float | None) -> str:
    return "—" if x is None else f"{x:g}"

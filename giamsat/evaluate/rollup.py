"""Figures per unit and their roll-up along the unit tree and the plan cascade.

Roll-up rules:

- Unit tree: a unit's roll-up is its own figures plus its children's
  roll-ups. All figures are counts or numerator/denominator pairs, so they
  sum; every rate (on-time share, score components) is recomputed from the
  summed numerators and denominators, never averaged across units. A
  province's score is therefore the score of all its tasks, targets and
  reports, weighted by their number.
- Plan cascade: a target with ``parent_target_id`` feeds its parent target's
  ``derived_value`` by the child's ``rollup`` rule: SUM adds the children's
  latest values, RATIO recomputes Σ(value·denominator)/Σ denominator (the
  ratio of summed numerators to summed denominators), MIN/MAX take the
  extreme. A child without a reported value contributes its own derived value
  (multi-level cascades), or nothing.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Iterable

from giamsat.domain.states import SubmissionState, TaskStatus
from giamsat.evaluate.model import (
    RollupRule,
    SubmissionFacts,
    TargetFacts,
    TargetResult,
    TaskResult,
    UnitFigures,
    UnitRef,
)
from giamsat.evaluate.periods import Period

_COMPLETED_ON_TIME = TaskStatus.COMPLETED_ON_TIME
_OK = (TaskStatus.COMPLETED_ON_TIME, TaskStatus.IN_PROGRESS_ON_TIME)  # an occurrence done on time


def unit_figures(tasks: Iterable[TaskResult], targets: Iterable[TargetResult],
                 submissions: Iterable[SubmissionFacts], closed_periods: list[Period],
                 window: tuple[dt.date, dt.date], as_of: dt.date) -> UnitFigures:
    """A unit's own figures. Tasks count when due inside `window`, reporting periods when their
    data window lies inside it; targets as of `as_of`."""
    f = UnitFigures(units=1)
    lo, hi = window
    ts = f.task_status
    due = ok = 0
    for r in tasks:  # `counts_as_due`, inlined: a national run counts millions of occurrences
        st = r.status
        ts[st] = ts.get(st, 0) + 1
        if r.occurrences:
            for o in r.occurrences:
                if o.closed and lo <= o.end <= hi:
                    due += 1
                    if o.status in _OK:
                        ok += 1
        elif r.due_date is not None and lo <= r.due_date <= hi:
            due += 1
            if st is _COMPLETED_ON_TIME:
                ok += 1
    f.tasks_due += due
    f.tasks_on_time += ok
    gs = f.target_status
    for g in targets:
        gs[g.status] = gs.get(g.status, 0) + 1
        f.targets += 1
    by_key: dict[str, SubmissionFacts] = {}
    for s in submissions:
        prev = by_key.get(s.period)
        if prev is None or _better(s, prev):
            by_key[s.period] = s
    for p in closed_periods:
        if p.start < lo or p.end > hi:
            continue
        f.submissions_due += 1
        s2 = by_key.get(p.key)
        if s2 is None or s2.submitted_at is None or s2.submitted_at > as_of or s2.state is SubmissionState.DRAFT:
            continue
        f.submissions_made += 1
        if s2.submitted_at <= s2.due_date:
            f.submissions_on_time += 1
        if s2.returned_count == 0:
            f.submissions_clean += 1
    return f


def _better(a: SubmissionFacts, b: SubmissionFacts) -> bool:
    """Of two rows for the same period, the one submitted (earliest) wins."""
    if a.submitted_at is None:
        return False
    return b.submitted_at is None or a.submitted_at < b.submitted_at


def children_map(units: Iterable[UnitRef]) -> dict[str | None, list[str]]:
    out: dict[str | None, list[str]] = defaultdict(list)
    for u in units:
        out[u.parent_id].append(u.id)
    return out


def ancestors(unit_id: str, parent: dict[str, str | None]) -> list[str]:
    """Parent, grandparent, … up to the root (excluding `unit_id`)."""
    out: list[str] = []
    seen = {unit_id}
    p = parent.get(unit_id)
    while p is not None and p not in seen:
        out.append(p)
        seen.add(p)
        p = parent.get(p)
    return out


def rollup_tree(units: list[UnitRef], own: dict[str, UnitFigures]) -> dict[str, UnitFigures]:
    """Every unit's subtree figures (own + children's roll-ups), bottom-up."""
    ids = {u.id for u in units}
    kids = children_map(units)
    roots = [u.id for u in units if u.parent_id is None or u.parent_id not in ids]
    order: list[str] = []
    stack = list(roots)
    while stack:
        uid = stack.pop()
        order.append(uid)
        stack.extend(kids.get(uid, ()))
    out: dict[str, UnitFigures] = {}
    for uid in reversed(order):
        f = own[uid].copy() if uid in own else UnitFigures(units=1)
        for c in kids.get(uid, ()):
            f.add(out[c])
        out[uid] = f
    return out


def recompute_rollup(uid: str, own: dict[str, UnitFigures], rollups: dict[str, UnitFigures],
                     kids: dict[str | None, list[str]]) -> UnitFigures:
    f = own[uid].copy() if uid in own else UnitFigures(units=1)
    for c in kids.get(uid, ()):
        if c in rollups:
            f.add(rollups[c])
    return f


def derive_cascade(targets: Iterable[TargetFacts], results: dict[str, TargetResult]) -> None:
    """Set ``derived_value`` on every parent target from its children (see module doc)."""
    kids: dict[str, list[TargetFacts]] = defaultdict(list)
    for t in targets:
        if t.parent_target_id is not None and t.rollup is not RollupRule.NONE:
            kids[t.parent_target_id].append(t)
    done: dict[str, float | None] = {}

    def value_of(tid: str, depth: int) -> float | None:
        r = results.get(tid)
        if r is not None and r.latest_value is not None:
            return r.latest_value
        return derived(tid, depth + 1)

    def derived(tid: str, depth: int) -> float | None:
        if tid in done:
            return done[tid]
        if depth > 50 or tid not in kids:
            return None
        done[tid] = None  # cycle guard
        children = kids[tid]
        rule = children[0].rollup
        vals = [(value_of(c.id, depth), c.denominator) for c in children]
        known = [(v, d) for v, d in vals if v is not None]
        out: float | None = None
        if known:
            if rule is RollupRule.SUM:
                out = sum(v for v, _ in known)
            elif rule is RollupRule.RATIO:
                weighted = [(v, d) for v, d in known if d is not None and d > 0]
                den = sum(d for _, d in weighted)
                out = sum(v * d for v, d in weighted) / den if den > 0 else None
            elif rule is RollupRule.MIN:
                out = min(v for v, _ in known)
            else:
                out = max(v for v, _ in known)
        done[tid] = out
        return out

    for tid in kids:
        value = derived(tid, 0)
        if tid in results:
            results[tid].derived_value = value

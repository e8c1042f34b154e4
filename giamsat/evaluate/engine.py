"""The evaluation entry points: `evaluate` (full, or one subtree) and `update_unit` (incremental).

Order of work: data checks → task and target judgements (on trusted values
only) → early warnings → each unit's own figures → roll-up along the unit tree
→ scorecards from the roll-ups (so a province is scored on everything under
it) → rankings among peers (same kind, same parent).
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, replace
from typing import TypeVar

from giamsat.domain.states import SubmissionState
from giamsat.evaluate.checks import check_target, check_task
from giamsat.evaluate.early_warning import (
    PACE_STATUSES as _PACE_STATUSES,
)
from giamsat.evaluate.early_warning import (
    stopped_reporting_warning,
    target_projection_warning,
    target_without_task_warning,
    task_pace_warning,
)
from giamsat.evaluate.model import (
    Dataset,
    EvalConfig,
    Evaluation,
    Scorecard,
    Severity,
    SubmissionFacts,
    TargetFacts,
    TargetResult,
    TaskFacts,
    TaskResult,
    UnitRef,
)
from giamsat.evaluate.periods import Period, periods_between
from giamsat.evaluate.rollup import (
    ancestors,
    children_map,
    derive_cascade,
    recompute_rollup,
    rollup_tree,
    unit_figures,
)
from giamsat.evaluate.scorecard import DEFAULT_BANDS, ScoreWeights, rank_group, rank_peers, score
from giamsat.evaluate.targets import judge_target
from giamsat.evaluate.tasks import judge_task
from giamsat.evaluate.util import paused_gc

_BEGINNING = dt.date(1900, 1, 1)
_T = TypeVar("_T", TaskFacts, TargetFacts, SubmissionFacts)


def reporting_start(dataset: Dataset) -> dt.date | None:
    """The configured start, else the earliest submission due date's period."""
    if dataset.config.reporting_start is not None:
        return dataset.config.reporting_start
    first = min((s.due_date for s in dataset.submissions), default=None)
    return first


def closed_periods(dataset: Dataset, as_of: dt.date, start: dt.date | None = None) -> list[Period]:
    """Reporting periods (of the configured frequency) whose report due date is before `as_of`."""
    cfg = dataset.config
    start = start if start is not None else reporting_start(dataset)
    if start is None:
        return []
    # the first period is the one whose report falls due on or after `start`
    ps = periods_between(start - dt.timedelta(days=400), as_of, cfg.reporting_frequency, cfg.regime)
    return [p for p in ps if start <= p.due_date < as_of]


def effective_config(dataset: Dataset) -> EvalConfig:
    """The dataset's config with ``reporting_start`` filled in (from the submissions if unset)."""
    cfg = dataset.config
    return cfg if cfg.reporting_start is not None else replace(cfg, reporting_start=reporting_start(dataset))


def _evaluate_unit(uid: str, tasks: list[TaskFacts], targets: list[TargetFacts],
                   subs: list[SubmissionFacts], cfg: EvalConfig, as_of: dt.date,
                   closed: list[Period], ev: Evaluation) -> None:
    """Judge one unit's facts and store the results in `ev` (its tasks, targets, issues and
    warnings appended in the facts' order, its own figures under ``ev.own[uid]``)."""
    if not (tasks or targets or subs):
        closed = []  # a unit without a plan or any report (e.g. the nation root) owes no reports
    issues = ev.issues
    warnings = ev.warnings
    issues0, warnings0 = len(issues), len(warnings)
    task_out = ev.tasks
    target_out = ev.targets
    task_results: list[TaskResult] = []
    served: set[str] = set()
    for task in tasks:
        found = check_task(task)
        if found:
            issues.extend(found)
        r = judge_task(task, as_of, cfg)
        task_results.append(r)
        task_out[r.task_id] = r
        if task.target_ids:
            served.update(task.target_ids)
        if r.status in _PACE_STATUSES and r.due_date is not None and not r.occurrences:
            w = task_pace_warning(task, r, as_of)
            if w is not None:
                warnings.append(w)
    target_results: list[TargetResult] = []
    tolerance = cfg.monotone_tolerance
    for t in targets:
        trusted, t_issues = check_target(t, tolerance)
        excluded = flagged = 0
        if t_issues:
            excluded = sum(1 for i in t_issues if i.excluded)
            flagged = sum(1 for i in t_issues if i.severity is Severity.WARNING)
            issues.extend(t_issues)
        tr = judge_target(t, trusted, as_of, excluded, flagged)
        target_results.append(tr)
        target_out[tr.target_id] = tr
        if tr.projection is not None and tr.projection.misses:
            w = target_projection_warning(t, tr)
            if w is not None:
                warnings.append(w)
        if t.id not in served:
            warnings.append(target_without_task_warning(t))
    submitted = {s.period for s in subs if s.submitted_at is not None and s.submitted_at <= as_of
                 and s.state is not SubmissionState.DRAFT}
    w2 = stopped_reporting_warning(uid, closed, submitted, cfg.stopped_reporting_periods)
    if w2 is not None:
        warnings.append(w2)
    f = unit_figures(task_results, target_results, subs, closed, (_BEGINNING, as_of), as_of)
    f.issues = len(issues) - issues0
    f.warnings = len(warnings) - warnings0
    ev.own[uid] = f


def _group(items: Iterable[_T], scope: set[str] | None) -> dict[str, list[_T]]:
    out: dict[str, list[_T]] = defaultdict(list)
    for it in items:
        if scope is None or it.unit_id in scope:
            out[it.unit_id].append(it)
    return out


def subtree(units: list[UnitRef], root: str) -> list[UnitRef]:
    kids = children_map(units)
    by_id = {u.id: u for u in units}
    if root not in by_id:
        raise KeyError(f"unknown unit {root!r}")
    out: list[UnitRef] = []
    stack = [root]
    while stack:
        uid = stack.pop()
        out.append(by_id[uid])
        stack.extend(kids.get(uid, ()))
    return out


def evaluate(dataset: Dataset, as_of: dt.date, unit_id: str | None = None,
             weights: ScoreWeights | None = None,
             bands: tuple[tuple[float, str], ...] = DEFAULT_BANDS, workers: int | None = None) -> Evaluation:
    """Judge everything as of `as_of`, for the whole dataset or the subtree of `unit_id`.

    With `unit_id`, rankings are among peers inside that subtree only (the
    unit itself is ranked alone) and its ancestors are not rolled up.
    ``workers`` > 1 judges the provinces in that many processes
    (`giamsat.evaluate.parallel`); the result is the same as the serial one.
    """
    if workers is not None and workers > 1:
        from giamsat.evaluate.parallel import evaluate_parallel

        return evaluate_parallel(dataset, as_of, unit_id, weights, bands, workers=workers)
    with paused_gc():
        job = prepare(dataset, as_of, unit_id)
        ev = job.empty()
        for u in job.units:
            job.judge_unit(u.id, ev)
        return finish(job, ev, weights, bands)


@dataclass
class Job:
    """One evaluation's inputs, grouped by unit: what every unit's judgement needs."""

    units: list[UnitRef]
    tasks_by: dict[str, list[TaskFacts]]
    targets_by: dict[str, list[TargetFacts]]
    subs_by: dict[str, list[SubmissionFacts]]
    closed: list[Period]
    cfg: EvalConfig
    as_of: dt.date
    unit_id: str | None

    def empty(self) -> Evaluation:
        return Evaluation(self.as_of, self.unit_id, {}, {}, [], [], {}, {}, {})

    def judge_unit(self, uid: str, ev: Evaluation) -> None:
        _evaluate_unit(uid, self.tasks_by.get(uid, []), self.targets_by.get(uid, []),
                       self.subs_by.get(uid, []), self.cfg, self.as_of, self.closed, ev)


def prepare(dataset: Dataset, as_of: dt.date, unit_id: str | None = None) -> Job:
    units = dataset.units if unit_id is None else subtree(dataset.units, unit_id)
    scope = None if unit_id is None else {u.id for u in units}
    return Job(units, _group(dataset.tasks, scope), _group(dataset.targets, scope),
               _group(dataset.submissions, scope), closed_periods(dataset, as_of), effective_config(dataset),
               as_of, unit_id)


def finish(job: Job, ev: Evaluation, weights: ScoreWeights | None,
           bands: tuple[tuple[float, str], ...]) -> Evaluation:
    """What crosses units, once every unit is judged into `ev`: the plan cascade, the roll-up
    along the unit tree, the scorecards and the rankings among peers."""
    derive_cascade((t for ts in job.targets_by.values() for t in ts), ev.targets)
    ev.rollups = rollup_tree(job.units, ev.own)
    ev.scorecards = {uid: score(uid, f, weights, bands) for uid, f in ev.rollups.items()}
    rank_peers(ev.scorecards, job.units)
    return ev


def replace_unit_facts(dataset: Dataset, unit_id: str, tasks: list[TaskFacts] | None = None,
                       targets: list[TargetFacts] | None = None,
                       submissions: list[SubmissionFacts] | None = None) -> Dataset:
    """Swap in one unit's new facts (None keeps the old ones), in place; returns the dataset.

    Then call `update_unit(prev, dataset, unit_id)`.
    """
    if tasks is not None:
        dataset.tasks = [t for t in dataset.tasks if t.unit_id != unit_id] + tasks
    if targets is not None:
        dataset.targets = [t for t in dataset.targets if t.unit_id != unit_id] + targets
    if submissions is not None:
        dataset.submissions = [s for s in dataset.submissions if s.unit_id != unit_id] + submissions
    return dataset


def update_unit(prev: Evaluation, dataset: Dataset, unit_id: str,
                weights: ScoreWeights | None = None,
                bands: tuple[tuple[float, str], ...] = DEFAULT_BANDS) -> Evaluation:
    """Re-evaluate one unit whose facts changed in `dataset`, updating `prev` in place.

    Touches only: that unit's tasks, targets, issues and warnings; its own
    figures; the roll-ups and scorecards of the unit and its ancestors; the
    rankings of each of their peer groups. Equal to a full `evaluate` of the
    same dataset (tests/test_engine.py checks it).
    """
    as_of = prev.as_of
    units = dataset.units
    parent = {u.id: u.parent_id for u in units}
    by_id = {u.id: u for u in units}
    kids = children_map(units)
    # drop the unit's previous results
    old_tasks = [k for k, r in prev.tasks.items() if r.unit_id == unit_id]
    for k in old_tasks:
        del prev.tasks[k]
    old_targets = [k for k, g in prev.targets.items() if g.unit_id == unit_id]
    for k in old_targets:
        del prev.targets[k]
    prev.issues = [i for i in prev.issues if i.unit_id != unit_id]
    prev.warnings = [w for w in prev.warnings if w.unit_id != unit_id]
    tasks = [t for t in dataset.tasks if t.unit_id == unit_id]
    targets = [t for t in dataset.targets if t.unit_id == unit_id]
    subs = [s for s in dataset.submissions if s.unit_id == unit_id]
    _evaluate_unit(unit_id, tasks, targets, subs, effective_config(dataset), as_of,
                   closed_periods(dataset, as_of), prev)
    # plan cascade: the unit's targets may feed targets of other plans or be fed by them
    # (a scan of the target list, no re-judging)
    derive_cascade(dataset.targets if prev.scope_unit_id is None
                   else [t for t in dataset.targets if t.id in prev.targets], prev.targets)
    chain = [unit_id, *ancestors(unit_id, parent)]
    if prev.scope_unit_id is not None:
        in_scope = {u.id for u in subtree(units, prev.scope_unit_id)}
        chain = [c for c in chain if c in in_scope]
    for uid in chain:
        prev.rollups[uid] = recompute_rollup(uid, prev.own, prev.rollups, kids)
        prev.scorecards[uid] = score(uid, prev.rollups[uid], weights, bands)
    for uid in chain:
        u = by_id[uid]
        peers = [c for c in kids.get(u.parent_id, ()) if by_id[c].kind == u.kind and c in prev.scorecards]
        if prev.scope_unit_id is not None and uid == prev.scope_unit_id:
            peers = [uid]
        rank_group(prev.scorecards, peers)
    return prev


def period_scorecards(dataset: Dataset, ev: Evaluation, period: Period,
                      weights: ScoreWeights | None = None,
                      bands: tuple[tuple[float, str], ...] = DEFAULT_BANDS) -> dict[str, Scorecard]:
    """Scorecards for one period: tasks due inside the period's data window, reporting
    periods (closed by ``ev.as_of``) lying inside it; targets as of the evaluation date."""
    units = dataset.units if ev.scope_unit_id is None else subtree(dataset.units, ev.scope_unit_id)
    scope = {u.id for u in units}
    window = (period.start, period.end)
    closed = closed_periods(dataset, ev.as_of)
    tasks_by: dict[str, list[TaskResult]] = defaultdict(list)
    for r in ev.tasks.values():
        tasks_by[r.unit_id].append(r)
    targets_by: dict[str, list[TargetResult]] = defaultdict(list)
    for g in ev.targets.values():
        targets_by[g.unit_id].append(g)
    subs_by = _group(dataset.submissions, scope)
    own = {u.id: unit_figures(tasks_by.get(u.id, []), targets_by.get(u.id, []), subs_by.get(u.id, []),
                              closed if (u.id in tasks_by or u.id in targets_by or u.id in subs_by) else [],
                              window, ev.as_of)
           for u in units}
    rolled = rollup_tree(units, own)
    cards = {uid: score(uid, f, weights, bands, period.key) for uid, f in rolled.items()}
    rank_peers(cards, units)
    return cards

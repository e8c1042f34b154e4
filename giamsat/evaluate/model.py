"""Input facts and output results of the evaluation engine, as plain dataclasses.

Inputs are filled by the Django side (or `synth`); they use ``slots=True`` but
are not frozen because a national dataset holds millions of report facts and
frozen dataclasses are 3-4x slower to build. Treat them as immutable.
Identifiers are strings (unit code or str(pk)); dates are `datetime.date`.
"""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass, field
from enum import StrEnum
from typing import Any

from giamsat.domain.deadline import DeadlineSpec
from giamsat.domain.states import (
    Comparator,
    Direction,
    Frequency,
    ReportedTaskState,
    SubmissionState,
    TargetStatus,
    TaskStatus,
)
from giamsat.evaluate.periods import DECREE_09, ReportingRegime

# --------------------------------------------------------------------------- inputs


@dataclass(slots=True)
class UnitRef:
    """A node of the unit tree. ``kind`` e.g. "nation", "province", "department", "commune"."""

    id: str
    parent_id: str | None
    kind: str
    name: str


@dataclass(slots=True)
class TaskReportFact:
    """What a unit said about one task in one report.

    ``period_end`` is the end of the report's data window (it places the report
    in a period); ``reported_on`` is when the information became known (reports
    later than `as_of` are ignored). ``completed_on`` is the completion date if
    the unit gave one; otherwise completion is dated at ``period_end``.
    """

    period_end: dt.date
    state: ReportedTaskState
    percent: float | None
    reported_on: dt.date
    completed_on: dt.date | None = None


@dataclass(slots=True)
class TaskFacts:
    """A task of a unit's plan.

    - ``assigned_on``: when the clock started (plan issuance); used for the
      expected-progress rule when the deadline has no window of its own.
    - ``trigger_date``: for conditional deadlines, the day the condition was
      recorded as happening; None means not yet triggered (not due).
    - ``target_ids``: the targets this task serves (for "target with no task").
    """

    id: str
    unit_id: str
    deadline: DeadlineSpec
    reports: list[TaskReportFact] = field(default_factory=list)
    assigned_on: dt.date | None = None
    trigger_date: dt.date | None = None
    target_ids: tuple[str, ...] = ()
    name: str = ""


@dataclass(slots=True)
class Milestone:
    """A milestone: ``value`` at the end of ``year``.

    range: [value, upper]; rank_top: value = N (be in the top N, rank ≤ N);
    text: value is the qualitative score to reach (1.0 = đạt).
    """

    year: int
    value: float
    upper: float | None = None
    text: str = ""


class RollupRule(StrEnum):
    """How a target in a child plan feeds the parent plan's target (plan cascade)."""

    NONE = "none"
    SUM = "sum"  # counts, amounts: parent = Σ children
    RATIO = "ratio"  # rates: parent = Σ(value·denominator) / Σ denominator = Σnum / Σden
    MIN = "min"
    MAX = "max"


@dataclass(slots=True)
class TargetFacts:
    """A target (chỉ tiêu) of a unit's plan with its reported values.

    - ``values``: (date, value) in any order. Qualitative targets report 0..1
      (0 chưa đạt, 0.5 đang thực hiện, 1 đạt); rank targets report the rank.
    - ``baseline``/``baseline_date``: the starting point of the planned
      trajectory; when absent, the first trusted value is used.
    - ``monotone``: a stock that cannot fall (cumulative counts).
    - ``is_percent``: values are percentages (must lie in 0..100).
    - ``plausible_min``/``plausible_max``: values outside are impossible.
    - ``parent_target_id``/``rollup``/``denominator``: the plan cascade.
    """

    id: str
    unit_id: str
    comparator: Comparator
    direction: Direction
    milestones: tuple[Milestone, ...]
    baseline: float | None = None
    baseline_date: dt.date | None = None
    values: list[tuple[dt.date, float]] = field(default_factory=list)
    monotone: bool = False
    is_percent: bool = False
    plausible_min: float | None = None
    plausible_max: float | None = None
    parent_target_id: str | None = None
    rollup: RollupRule = RollupRule.NONE
    denominator: float | None = None
    name: str = ""


@dataclass(slots=True)
class SubmissionFacts:
    """A unit's periodic report. ``period`` is a `Period.key` (e.g. "2026-M03")."""

    unit_id: str
    period: str
    submitted_at: dt.date | None
    due_date: dt.date
    returned_count: int = 0
    state: SubmissionState = SubmissionState.SUBMITTED


@dataclass
class EvalConfig:
    """Knobs of the engine with their defaults; every rule reads its thresholds here."""

    regime: ReportingRegime = DECREE_09
    reporting_frequency: Frequency = Frequency.MONTHLY
    reporting_start: dt.date | None = None  # first period that had to be reported; None = earliest fact
    stopped_reporting_periods: int = 3
    conditional_default_days: int = 90
    monotone_tolerance: float = 0.0


@dataclass
class Dataset:
    units: list[UnitRef]
    tasks: list[TaskFacts]
    targets: list[TargetFacts]
    submissions: list[SubmissionFacts]
    config: EvalConfig = field(default_factory=EvalConfig)


# --------------------------------------------------------------------------- outputs
# Results pickle as a constructor call with their fields (`__reduce__`): about half the time and
# bytes of the default slots state, and the parallel evaluation sends a national run's results.


class Severity(StrEnum):
    ERROR = "error"  # impossible value: excluded from the figures, flagged
    WARNING = "warning"  # suspicious value: kept, flagged


@dataclass(slots=True)
class DataIssue:
    """A finding for the approver. Nothing flagged is dropped without one of these."""

    code: str
    severity: Severity
    unit_id: str
    subject_id: str
    message: str
    on: dt.date | None = None
    value: float | None = None
    excluded: bool = False

    def __reduce__(self) -> tuple[type[DataIssue], tuple[Any, ...]]:
        return DataIssue, (self.code, self.severity, self.unit_id, self.subject_id, self.message, self.on,
                self.value, self.excluded)


@dataclass(slots=True)
class OccurrenceResult:
    period: str  # Period.key
    label: str
    status: TaskStatus
    end: dt.date  # the end of the period's data window
    due_date: dt.date  # the period's report due date
    closed: bool  # the due date has passed: the status is final

    def __reduce__(self) -> tuple[type[OccurrenceResult], tuple[Any, ...]]:
        return OccurrenceResult, (self.period, self.label, self.status, self.end, self.due_date, self.closed)


@dataclass(slots=True)
class TaskResult:
    """The judgement of one task as of a date.

    ``due_date`` is the one-off deadline (None for recurring/continuous/
    untriggered conditional/unknown). For recurring and continuous tasks
    ``status`` is that of the latest closed occurrence (or the open one if none
    is closed yet) and ``occurrences`` lists them all.
    """

    task_id: str
    unit_id: str
    status: TaskStatus
    overdue: bool
    due_date: dt.date | None
    percent: float | None
    expected_percent: float | None
    reason: str
    occurrences: tuple[OccurrenceResult, ...] = ()

    def __reduce__(self) -> tuple[type[TaskResult], tuple[Any, ...]]:
        return TaskResult, (self.task_id, self.unit_id, self.status, self.overdue, self.due_date, self.percent,
                self.expected_percent, self.reason, self.occurrences)


@dataclass(slots=True)
class Projection:
    """Linear least-squares trend of a target's values, evaluated at the milestone date."""

    milestone_year: int
    value: float
    std_error: float
    lower: float  # 95% prediction interval
    upper: float
    n_points: int
    slope_per_year: float
    misses: bool
    shortfall: float  # how far the point projection falls short (0 if it meets)
    since: dt.date | None  # first value date from which every projection missed

    def __reduce__(self) -> tuple[type[Projection], tuple[Any, ...]]:
        return Projection, (self.milestone_year, self.value, self.std_error, self.lower, self.upper, self.n_points,
                self.slope_per_year, self.misses, self.shortfall, self.since)


@dataclass(slots=True)
class MilestoneResult:
    year: int
    target_value: float
    status: TargetStatus
    achievement_ratio: float | None
    planned_value: float | None  # on the baseline→milestone line, at the latest value's date
    progress: float | None  # share of the baseline→milestone distance covered
    planned_progress: float | None

    def __reduce__(self) -> tuple[type[MilestoneResult], tuple[Any, ...]]:
        return MilestoneResult, (self.year, self.target_value, self.status, self.achievement_ratio,
                self.planned_value, self.progress, self.planned_progress)


@dataclass(slots=True)
class TargetResult:
    target_id: str
    unit_id: str
    status: TargetStatus
    latest_value: float | None
    latest_date: dt.date | None
    milestone_year: int | None  # the milestone ``status`` refers to
    milestones: tuple[MilestoneResult, ...]
    projection: Projection | None
    excluded_values: int = 0
    flagged_values: int = 0
    derived_value: float | None = None  # from child plans' targets (plan cascade)

    def __reduce__(self) -> tuple[type[TargetResult], tuple[Any, ...]]:
        return TargetResult, (self.target_id, self.unit_id, self.status, self.latest_value, self.latest_date,
                self.milestone_year, self.milestones, self.projection, self.excluded_values, self.flagged_values,
                self.derived_value)


class WarningKind(StrEnum):
    TARGET_PROJECTION = "target_projection"
    TASK_PACE = "task_pace"
    UNIT_STOPPED_REPORTING = "unit_stopped_reporting"
    TARGET_WITHOUT_TASK = "target_without_task"


@dataclass(slots=True)
class EarlyWarning:
    kind: WarningKind
    unit_id: str
    subject_id: str
    message: str
    since: dt.date | None = None
    shortfall: float | None = None

    def __reduce__(self) -> tuple[type[EarlyWarning], tuple[Any, ...]]:
        return EarlyWarning, (self.kind, self.unit_id, self.subject_id, self.message, self.since, self.shortfall)


Warning = EarlyWarning  # the brief's name; `EarlyWarning` avoids shadowing the builtin elsewhere


@dataclass(slots=True)
class UnitFigures:
    """Additive figures of a unit (own plan) or a subtree (roll-up).

    Roll-up rule: every field is a count or a numerator/denominator, so a
    parent's figures are the plain sum of its own and its children's; rates
    are recomputed from the sums (never averaged).
    """

    task_status: dict[TaskStatus, int] = field(default_factory=dict)
    target_status: dict[TargetStatus, int] = field(default_factory=dict)
    tasks_due: int = 0
    tasks_on_time: int = 0
    submissions_due: int = 0
    submissions_on_time: int = 0
    submissions_made: int = 0
    submissions_clean: int = 0  # submitted and never returned
    targets: int = 0
    issues: int = 0
    warnings: int = 0
    units: int = 0

    def add(self, other: UnitFigures) -> None:
        for k, v in other.task_status.items():
            self.task_status[k] = self.task_status.get(k, 0) + v
        for k2, v2 in other.target_status.items():
            self.target_status[k2] = self.target_status.get(k2, 0) + v2
        self.tasks_due += other.tasks_due
        self.tasks_on_time += other.tasks_on_time
        self.submissions_due += other.submissions_due
        self.submissions_on_time += other.submissions_on_time
        self.submissions_made += other.submissions_made
        self.submissions_clean += other.submissions_clean
        self.targets += other.targets
        self.issues += other.issues
        self.warnings += other.warnings
        self.units += other.units

    def copy(self) -> UnitFigures:
        out = UnitFigures()
        out.add(self)
        return out


@dataclass(slots=True)
class ScoreItem:
    """One component of a score: value = 100·numerator/denominator."""

    component: str
    label: str
    numerator: float
    denominator: float
    value: float | None  # None when nothing was due (weight redistributed)
    weight: float
    contribution: float


@dataclass(slots=True)
class Scorecard:
    unit_id: str
    period: str | None  # Period.key, or None for "everything due up to as_of"
    score: float
    band: str
    items: tuple[ScoreItem, ...]
    rank: int | None = None
    peers: int | None = None


@dataclass
class Evaluation:
    as_of: dt.date
    scope_unit_id: str | None
    tasks: dict[str, TaskResult]
    targets: dict[str, TargetResult]
    issues: list[DataIssue]
    warnings: list[EarlyWarning]
    own: dict[str, UnitFigures]  # per unit, its own plan
    rollups: dict[str, UnitFigures]  # per unit, its subtree
    scorecards: dict[str, Scorecard]  # per unit, computed from the subtree figures

    def to_dict(self, details: bool = True) -> dict[str, Any]:
        """Plain JSON-able data. ``details=False`` keeps the per-unit figures and scorecards and
        replaces the per-task/target/issue/warning lists by their counts (a national run's
        details are several hundred MB of JSON)."""
        if details:
            return _jsonable(self)  # type: ignore[no-any-return]
        return {
            "as_of": self.as_of.isoformat(), "scope_unit_id": self.scope_unit_id,
            "counts": {"tasks": len(self.tasks), "targets": len(self.targets), "issues": len(self.issues),
                       "warnings": len(self.warnings)},
            "own": _jsonable(self.own), "rollups": _jsonable(self.rollups),
            "scorecards": _jsonable(self.scorecards),
        }

    def to_json(self, indent: int | None = None, details: bool = True) -> str:
        return json.dumps(self.to_dict(details), ensure_ascii=False, indent=indent)


def _jsonable(obj: Any) -> Any:
    if isinstance(obj, StrEnum):
        return obj.value
    if isinstance(obj, dt.date):
        return obj.isoformat()
    if isinstance(obj, dict):
        return {(k.value if isinstance(k, StrEnum) else str(k)): _jsonable(v) for k, v in obj.items()}
    if isinstance(obj, (list, tuple)):
        return [_jsonable(v) for v in obj]
    if hasattr(obj, "__dataclass_fields__"):
        return {name: _jsonable(getattr(obj, name)) for name in obj.__dataclass_fields__}
    if isinstance(obj, float) and obj != obj:  # NaN
        return None
    return obj

"""The figures the portal shows, from `giamsat.reporting.evaluation` (the database adapter of the pure
engine `giamsat.evaluate`). The portal never judges a task or a target itself: every status,
projection, score and rank here is the engine's; this module only adds links, colours and the
shapes the templates and charts need.

Other code calls:
- `task_statuses(document_ids, task_ids)` / `target_statuses(...)` → {pk: status value};
- `target_result(target)` → the engine's TargetResult (projection included) or None;
- `build_dashboard(user, filters, as_of)` → `Dashboard`, everything the leader dashboard shows.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from django.urls import reverse
from django.utils.http import urlencode
from django.utils.translation import gettext as _

from giamsat.domain.states import TargetStatus, TaskStatus
from giamsat.portal.status import colour_for, label_for
from giamsat.reporting import evaluation as adapter
from giamsat.reporting.access import recommendations_for_user

OVERDUE = (TaskStatus.IN_PROGRESS_OVERDUE, TaskStatus.NOT_STARTED_OVERDUE)
AT_RISK = (TaskStatus.AT_RISK,)
DONE = (TaskStatus.COMPLETED_ON_TIME, TaskStatus.COMPLETED_LATE)
TARGETS_AT_RISK = (TargetStatus.AT_RISK, TargetStatus.OFF_TRACK)
TREND_POINTS = 4
LIST_LIMIT = 12


def _evaluation(document_ids: Iterable[int] | None, as_of: dt.date | None = None) -> Any:
    docs = sorted(set(document_ids)) if document_ids is not None else None
    return adapter.evaluate_scope(None, as_of or dt.date.today(), document_ids=docs)


def task_statuses(document_ids: Iterable[int], task_ids: Iterable[int], as_of: dt.date | None = None) -> dict[int, str]:
    """The engine's status of each task (engine ids are str(pk)); tasks of unpublished plans have none."""
    found = _evaluation(document_ids, as_of).tasks
    return {pk: str(found[str(pk)].status) for pk in task_ids if str(pk) in found}


def target_statuses(document_ids: Iterable[int], target_ids: Iterable[int], as_of: dt.date | None = None) -> dict[int, str]:
    found = _evaluation(document_ids, as_of).targets
    return {pk: str(found[str(pk)].status) for pk in target_ids if str(pk) in found}


def target_results(document_ids: Iterable[int], target_ids: Iterable[int], as_of: dt.date | None = None) -> dict[int, Any]:
    """The engine's TargetResult of each target (latest value, milestones, projection)."""
    found = _evaluation(document_ids, as_of).targets
    return {pk: found[str(pk)] for pk in target_ids if str(pk) in found}


def target_result(target: Any, as_of: dt.date | None = None) -> Any:
    return _evaluation([target.document_id], as_of).targets.get(str(target.pk))


# ------------------------------------------------------------------ dashboard


@dataclass(frozen=True)
class Filters:
    document: int | None = None
    unit: int | None = None
    theme: str = ""
    period: int | None = None  # a ReportingPeriod pk: compliance of that period

    def query(self, **extra: Any) -> str:
        params = {"plan": self.document, "unit": self.unit, "theme": self.theme, **extra}
        return urlencode([(k, v) for k, v in params.items() if v not in (None, "")])


@dataclass
class Slice:
    key: str
    label: str
    count: int
    colour: str
    url: str


@dataclass
class Kpi:
    label: str
    value: str
    tone: str
    sub: str
    url: str
    trend_key: str = ""  # the KPI has a trend line, loaded after the page (see `kpi_trends`)


@dataclass
class UnitRow:
    name: str
    overdue: int
    at_risk: int
    url: str


@dataclass
class ComplianceSummary:
    period_label: str
    due: int
    submitted: int
    approved: int
    late: int
    missing: int
    missing_units: list[str]
    rows: list[Any]
    url: str

    @property
    def rate(self) -> float | None:
        return 100.0 * self.submitted / self.due if self.due else None


@dataclass
class Dashboard:
    figures: Any
    as_of: dt.date
    scope_name: str
    tasks_total: int = 0
    targets_total: int = 0
    task_slices: list[Slice] = field(default_factory=list)
    target_slices: list[Slice] = field(default_factory=list)
    kpis: list[Kpi] = field(default_factory=list)
    by_unit: list[UnitRow] = field(default_factory=list)
    targets_at_risk: list[Any] = field(default_factory=list)
    ranking: list[Any] = field(default_factory=list)
    compliance: ComplianceSummary | None = None
    recommendations: list[Any] = field(default_factory=list)
    warnings: list[Any] = field(default_factory=list)


def _figures(user: Any, filters: Filters, as_of: dt.date) -> Any:
    return adapter.dashboard_figures(user, as_of=as_of, document_id=filters.document, unit_id=filters.unit,
                                     theme=filters.theme or None, period_id=filters.period)


def _link(name: str, filters: Filters, **extra: Any) -> str:
    return reverse(name) + "?" + filters.query(**extra)


def build_dashboard(user: Any, filters: Filters, as_of: dt.date) -> Dashboard:
    """Everything the leader dashboard shows, except the KPI trend lines (`kpi_trends`, loaded after the page)."""
    fig = _figures(user, filters, as_of)
    board = Dashboard(fig, as_of, fig.scope.name if fig.scope else "", fig.tasks_total, fig.targets_total)
    board.task_slices = [Slice(s.status, label_for(s.status), s.count, colour_for(s.status),
                               _link("portal:tasks", filters, status=s.status)) for s in fig.task_status if s.count]
    board.target_slices = [Slice(s.status, label_for(s.status), s.count, colour_for(s.status),
                                 _link("portal:targets", filters, status=s.status)) for s in fig.target_status if s.count]
    board.by_unit = [UnitRow(u.unit.name, len(u.overdue), len(u.at_risk),
                             _link("portal:tasks", Filters(filters.document, u.unit.id, filters.theme), status="overdue_or_risk"))
                     for u in fig.tasks_by_unit]
    board.targets_at_risk = fig.targets_at_risk[:LIST_LIMIT]
    board.ranking = fig.ranking
    board.warnings = fig.warnings[:8]
    board.compliance = _compliance(fig, filters)
    board.recommendations = list(recommendations_for_user(user).order_by("-created_at")[:5])
    board.kpis = _kpis(board, fig, filters)
    return board


def _counts(items: list[Any]) -> dict[str, int]:
    return {s.status: s.count for s in items}


def kpi_trends(user: Any, filters: Filters, as_of: dt.date) -> dict[str, list[tuple[str, float]]]:
    """Done share, overdue count and score at the last few quarter ends and `as_of`, oldest first.

    Each point re-reads the engine's figures as of that day (cached by the evaluation adapter)."""
    days = []
    year, quarter = as_of.year, (as_of.month - 1) // 3
    for _step in range(TREND_POINTS - 1):
        if quarter == 0:
            year, quarter = year - 1, 4
        days.append(dt.date(year, quarter * 3, 31 if quarter in (1, 4) else 30))
        quarter -= 1
    out: dict[str, list[tuple[str, float]]] = {"done": [], "overdue": [], "score": []}
    for day in [*reversed(days), as_of]:
        fig = _figures(user, filters, day)
        counts = _counts(fig.task_status)
        total = sum(counts.values())
        label = day.strftime("%d/%m/%Y")
        out["done"].append((label, round(100.0 * sum(counts.get(s.value, 0) for s in DONE) / total, 1) if total else 0.0))
        out["overdue"].append((label, float(sum(counts.get(s.value, 0) for s in OVERDUE))))
        out["score"].append((label, round(fig.score, 1) if fig.score is not None else 0.0))
    return out


def _kpis(board: Dashboard, fig: Any, filters: Filters) -> list[Kpi]:
    counts, g_counts = _counts(fig.task_status), _counts(fig.target_status)
    total = board.tasks_total
    done = sum(counts.get(s.value, 0) for s in DONE)
    on_time = counts.get(TaskStatus.COMPLETED_ON_TIME.value, 0)
    overdue = sum(counts.get(s.value, 0) for s in OVERDUE)
    at_risk = counts.get(TaskStatus.AT_RISK.value, 0)
    good = g_counts.get(TargetStatus.ACHIEVED.value, 0) + g_counts.get(TargetStatus.ON_TRACK.value, 0)
    bad = sum(g_counts.get(s.value, 0) for s in TARGETS_AT_RISK)
    kpis = [
        Kpi(_("Nhiệm vụ đã hoàn thành"), f"{done}/{total}", "ok" if total and done * 2 >= total else "info",
            _("%(p)s hoàn thành đúng hạn") % {"p": _pct(on_time, total)}, _link("portal:tasks", filters, status="done"), "done"),
        Kpi(_("Nhiệm vụ quá hạn"), str(overdue), "bad" if overdue else "ok", _("chưa hoàn thành khi đã hết hạn"),
            _link("portal:tasks", filters, status="overdue"), "overdue"),
        Kpi(_("Nhiệm vụ có nguy cơ chậm"), str(at_risk), "warn" if at_risk else "ok", _("tiến độ thấp hơn kế hoạch"),
            _link("portal:tasks", filters, status=TaskStatus.AT_RISK.value)),
        Kpi(_("Chỉ tiêu đạt, đúng lộ trình"), f"{good}/{board.targets_total}", "bad" if bad > good else ("ok" if good else "info"),
            _("%(n)s chỉ tiêu có nguy cơ, chệch lộ trình") % {"n": bad}, _link("portal:targets", filters, status="at_risk_or_off")),
    ]
    c = board.compliance
    if c is not None:
        rate = c.rate
        kpis.append(Kpi(_("Báo cáo đã gửi kỳ này"), f"{c.submitted}/{c.due}",
                        "ok" if rate is not None and rate >= 90 else ("warn" if rate is not None and rate >= 60 else "bad"),
                        _("%(period)s: %(n)s đơn vị chưa gửi") % {"period": c.period_label, "n": c.missing}, c.url))
    if fig.score is not None:
        kpis.append(Kpi(_("Chỉ số hoàn thành chung"), f"{fig.score:.0f}", "ok" if fig.score >= 80 else ("warn" if fig.score >= 50 else "bad"),
                        _("Xếp loại: %(band)s") % {"band": fig.band}, "#xep-hang", "score"))
    return kpis


def _pct(num: int, den: int) -> str:
    return f"{100.0 * num / den:.0f}%" if den else "—"


def _compliance(fig: Any, filters: Filters) -> ComplianceSummary | None:
    if fig.period is None:
        return None
    rows = fig.compliance
    return ComplianceSummary(
        fig.period.label, sum(r.expected for r in rows), sum(r.submitted for r in rows), sum(r.approved for r in rows),
        sum(r.late for r in rows), sum(r.missing for r in rows), [r.unit.name for r in rows if r.missing], rows,
        reverse("portal:reports") + "?" + urlencode({"period": fig.period.key}),
    )

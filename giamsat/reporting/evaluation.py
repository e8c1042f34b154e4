"""Database rows → the `giamsat.evaluate` engine → figures for the portal, the API and the CLI.

What counts (the rules the tests pin):

- Only published plans are evaluated. A task belongs to its lead unit (else the plan's owner,
  else its issuer); a target to its responsible unit (same fallbacks).
- Only APPROVED submissions count, and only once approved on or before ``as_of``; a task's
  facts are the reports its own unit made (coordinators' reports are context, not facts).
- The unit tree is the organisation tree with one change: a unit that ended in a merger hangs
  under its ``successor``, so its figures roll into the unit that carries them today.

Loading is set-based: one query per table (units, tasks, task–target links, task reports,
submissions, targets, milestones, indicator values), ``values_list`` only, no per-row queries.
Task reports are read from `TaskHistory` (one row per task, its approved reports packed), a
derived table with one writer (`refresh_facts`: the approval actions, `giamsat rebuild_facts`, and
this module whenever a unit's `FactsStamp` no longer matches its approved submissions), so a
dashboard never sees stale histories; ``load_dataset(..., histories=False)`` reads the
`TaskReport` rows themselves, the reference the tests compare with. Evaluations over plans
(`document_ids`: the target and task lists, the public figures, a plan's page) read them too: the
database keeps every report row in a period of its task's own plan (migration reporting 0008), so a
task's history is exactly its reports in its plan's periods.

Results are cached in-process per (scope, as_of, filters) together with a data version
(`data_version`); a stale version means a reload, so correctness never depends on anyone
calling `on_submission_approved`, which only makes the refresh cheaper (the engine's
incremental `update_unit` instead of a full evaluation).
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import hashlib
import heapq
import json
import threading
import time
import types
from collections import OrderedDict, defaultdict
from collections.abc import Callable, Collection, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Union, cast, get_args, get_origin, get_type_hints

from django.core.exceptions import EmptyResultSet
from django.db import connection, transaction
from django.db.models import Count, Max, Q, Sum, TextField
from django.db.models.functions import Cast
from django.utils import timezone

from giamsat.domain.deadline import DeadlineSpec
from giamsat.domain.states import (
    TARGET_STATUS_LABELS,
    TASK_STATUS_LABELS,
    Comparator,
    Direction,
    Frequency,
    ReportedTaskState,
    SubmissionState,
    TargetStatus,
    TaskStatus,
)
from giamsat.evaluate import engine
from giamsat.evaluate.model import (
    Dataset,
    EarlyWarning,
    EvalConfig,
    Evaluation,
    Milestone,
    RollupRule,
    SubmissionFacts,
    TargetFacts,
    TargetResult,
    TaskFacts,
    TaskReportFact,
    UnitRef,
    WarningKind,
)
from giamsat.evaluate.periods import DECREE_09, ReportingRegime
from giamsat.evaluate.util import paused_gc
from giamsat.org.access import get_unit_for_user, is_admin, visible_units_q
from giamsat.org.models import OrgUnit
from giamsat.plans.models import Document, DocumentStatus, Target, Task
from giamsat.plans.models import Milestone as MilestoneRow
from giamsat.reporting.models import (
    FactsStamp,
    IndicatorValue,
    KeptFigures,
    KeptPlanResults,
    ReportingPeriod,
    Submission,
    TaskHistory,
    TaskReport,
)

APPROVED = SubmissionState.APPROVED.value
DRAFT = SubmissionState.DRAFT.value
WARNING_KIND_LABELS: dict[WarningKind, str] = {
    WarningKind.TARGET_PROJECTION: "Chỉ tiêu dự báo không đạt",
    WarningKind.TASK_PACE: "Nhiệm vụ dự báo trễ hạn",
    WarningKind.UNIT_STOPPED_REPORTING: "Đơn vị ngừng báo cáo",
    WarningKind.TARGET_WITHOUT_TASK: "Chỉ tiêu chưa có nhiệm vụ",
}
LIST_LIMIT = 50


# --------------------------------------------------------------------------- the unit tree


@dataclass(frozen=True, slots=True)
class UnitInfo:
    pk: int
    code: str
    name: str
    kind: str
    parent_pk: int | None  # in the evaluation tree: the successor for a merged unit


class UnitTree:
    """Every unit, with merged units hung under their successors (one query)."""

    def __init__(self) -> None:
        rows = list(OrgUnit.objects.values_list("id", "code", "name", "kind", "parent_id", "successor_id"))
        successor = {pk: succ for pk, _c, _n, _k, _p, succ in rows if succ}
        self.by_pk: dict[int, UnitInfo] = {}
        for pk, code, name, kind, parent, succ in rows:
            up = succ if succ and not self._cycle(pk, successor) else parent
            self.by_pk[pk] = UnitInfo(pk, code, name, kind, up)
        self.by_code = {u.code: u for u in self.by_pk.values()}
        self.children: dict[int | None, list[int]] = defaultdict(list)
        for u in self.by_pk.values():
            self.children[u.parent_pk].append(u.pk)

    @staticmethod
    def _cycle(pk: int, successor: dict[int, int]) -> bool:
        seen, cur = {pk}, successor.get(pk)
        while cur is not None:
            if cur in seen:
                return True
            seen.add(cur)
            cur = successor.get(cur)
        return False

    def subtree(self, root: int) -> set[int]:
        out, stack = set(), [root]
        while stack:
            pk = stack.pop()
            if pk in out:
                continue
            out.add(pk)
            stack.extend(self.children.get(pk, ()))
        return out

    def refs(self, pks: Collection[int]) -> list[UnitRef]:
        return [UnitRef(u.code, self.by_pk[u.parent_pk].code if u.parent_pk is not None and u.parent_pk in pks
                        else None, u.kind, u.name)
                for u in (self.by_pk[pk] for pk in pks)]

    def roots(self, pks: Collection[int]) -> list[int]:
        return [pk for pk in pks if self.by_pk[pk].parent_pk not in pks]


TREE_TTL = 60.0  # seconds a built tree is reused while the units' stamp is unchanged
_TREE: tuple[tuple[Any, ...], float, UnitTree] | None = None
_TREE_LOCK = threading.Lock()


def current_tree() -> UnitTree:
    """The unit tree, rebuilt only when the units change (a stamp of one scan of the unit table:
    count, newest id, parents and successors, lengths of codes, names and kinds) or after TREE_TTL
    seconds (a rename to a name of the same length shows within that). Building it reads and
    arranges every unit (~10 ms of CPU for the nation's ~4,000); the stamp costs ~1 ms.
    Callers must not change the tree they get."""
    global _TREE
    table = OrgUnit._meta.db_table
    with connection.cursor() as cur:
        cur.execute(
            f"SELECT COUNT(*), MAX(id), SUM(COALESCE(parent_id, 0) + 3 * COALESCE(successor_id, 0)),"
            f" SUM(LENGTH(code) + 7 * LENGTH(name) + 31 * LENGTH(kind)) FROM {table}")
        stamp = tuple(str(v) for v in cur.fetchone())
    now = time.monotonic()
    with _TREE_LOCK:
        kept = _TREE
    if kept is not None and kept[0] == stamp and now - kept[1] < TREE_TTL:
        return kept[2]
    tree = UnitTree()
    with _TREE_LOCK:
        _TREE = (stamp, now, tree)
    return tree


# --------------------------------------------------------------------------- loading facts


@dataclass
class Scope:
    """What to evaluate: a set of units (None = all) and optional filters."""

    unit_pks: frozenset[int] | None
    document_ids: tuple[int, ...] | None = None
    theme: str | None = None

    def key(self) -> tuple[Any, ...]:
        return (self.unit_pks, self.document_ids, self.theme)


@dataclass
class Meta:
    """Database ids and names behind the engine's string ids, so the portal can link through."""

    tree: UnitTree
    tasks: dict[str, tuple[int, int]] = field(default_factory=dict)  # id → (document, unit pk); names on demand
    targets: dict[str, tuple[int, str, int, str]] = field(default_factory=dict)  # + theme
    expected: set[str] = field(default_factory=set)  # units with a task, a target or a submission
    submissions: list[_SubmissionRow] = field(default_factory=list)  # every state, for compliance


def _owned(scope: Scope, unit_field: str, prefix: str = "") -> Q:
    """Rows of published plans whose unit (``unit_field``, else the plan's owner, else issuer) is in scope."""
    q = Q(**{f"{prefix}document__status": DocumentStatus.PUBLISHED})
    if scope.document_ids is not None:
        q &= Q(**{f"{prefix}document_id__in": scope.document_ids})
    if scope.unit_pks is None:
        return q
    ids = list(scope.unit_pks)
    return q & (
        Q(**{f"{prefix}{unit_field}_id__in": ids})
        | Q(**{f"{prefix}{unit_field}__isnull": True, f"{prefix}document__owner_id__in": ids})
        | Q(**{f"{prefix}{unit_field}__isnull": True, f"{prefix}document__owner__isnull": True,
               f"{prefix}document__issuer_id__in": ids})
    )


def _unit_of(own: int | None, owner: int | None, issuer: int | None) -> int | None:
    return own if own is not None else owner if owner is not None else issuer


def _local_day(value: dt.datetime | None) -> dt.date | None:
    if value is None:
        return None
    return timezone.localtime(value).date() if timezone.is_aware(value) else value.date()


_FREQ_CODE = {Frequency.MONTHLY: "M", Frequency.QUARTERLY: "Q", Frequency.SEMIANNUAL: "H",
              Frequency.NINE_MONTHS: "N", Frequency.ANNUAL: "Y"}


def period_key(frequency: str, year: int, index: int) -> str:
    """The engine's `Period.key` for a `ReportingPeriod` row ("2026-M03")."""
    freq = Frequency(frequency)
    return f"{year}-{_FREQ_CODE[freq]}{index:0{2 if freq is Frequency.MONTHLY else 1}d}"


@dataclass
class _SubmissionRow:
    pk: int
    unit_pk: int
    state: str
    submitted_on: dt.date | None
    approved_on: dt.date | None
    returned: int
    key: str
    due_date: dt.date
    end: dt.date
    document_id: int
    period_id: int
    start: dt.date

    def counts_on(self, as_of: dt.date) -> bool:
        return self.state == APPROVED and (self.approved_on is None or self.approved_on <= as_of)


def _submissions(scope: Scope) -> list[_SubmissionRow]:
    qs = Submission.objects.order_by()
    if scope.unit_pks is not None:
        qs = qs.filter(unit_id__in=list(scope.unit_pks))
    if scope.document_ids is not None:
        qs = qs.filter(period__document_id__in=scope.document_ids)
    rows = qs.values_list("id", "unit_id", "state", "submitted_at", "approved_at", "return_count", "period__frequency",
                          "period__year", "period__index", "period__due_date", "period__end", "period__document_id",
                          "period_id", "period__start")
    keys: dict[tuple[str, int, int], str] = {}
    days, moments = _days(), _moments()
    out = []
    for pk, unit, state, sub_at, appr_at, returned, freq, year, index, due, end, doc, period, start in _raw(
            rows, scope.unit_pks is None):
        k = keys.get((freq, year, index))
        if k is None:
            k = keys[(freq, year, index)] = period_key(freq, year, index)
        out.append(_SubmissionRow(pk, unit, state, moments(sub_at), moments(appr_at), returned, k, days(due),
                                  days(end), doc, period, days(start)))
    return out


def _raw(qs: Any, stream: bool = False, chunk: int = 20000) -> Iterable[tuple[Any, ...]]:
    """A values_list queryset's rows straight from the cursor, without per-value converters
    (dates may come back as ISO text on SQLite: see `_day`). `stream`: a server-side cursor on
    PostgreSQL, for the whole nation (bounded memory); otherwise one round trip (2x faster)."""
    try:
        sql, params = qs.order_by().query.sql_with_params()  # no model ordering: no sort, no extra joins
    except EmptyResultSet:  # a filter that can match nothing (a user who sees no unit)
        return
    with connection.chunked_cursor() if stream else connection.cursor() as cur:
        cur.execute(sql, params)
        while rows := cur.fetchmany(chunk):
            yield from rows


class _Memo:
    """Values from raw rows converted once per distinct stored value (None stays None)."""

    def __init__(self, convert: Callable[[Any], dt.date | None]) -> None:
        self.convert = convert
        self.cache: dict[Any, dt.date | None] = {None: None}

    def __call__(self, value: Any) -> dt.date | None:
        try:
            return self.cache[value]
        except KeyError:
            converted = self.cache[value] = self.convert(value)
            return converted


def _day(value: Any) -> dt.date:
    """A date column: a date, or ISO text on SQLite."""
    return value if isinstance(value, dt.date) else dt.date.fromisoformat(str(value)[:10])


def _moment_day(value: Any) -> dt.date | None:
    """A datetime column's local day (ISO text in UTC on SQLite)."""
    moment = value if isinstance(value, dt.datetime) else dt.datetime.fromisoformat(str(value))
    if timezone.is_naive(moment):
        moment = moment.replace(tzinfo=dt.UTC)
    return _local_day(moment)


def _days() -> _Memo:
    return _Memo(_day)


def _moments() -> _Memo:
    return _Memo(_moment_day)


class _Specs:
    """DeadlineSpec per distinct stored dict: 600,000 tasks share a few hundred deadlines."""

    def __init__(self) -> None:
        self.cache: dict[str, DeadlineSpec] = {}

    def get(self, text: str | None) -> DeadlineSpec:
        spec = self.cache.get(text or "")
        if spec is None:
            data = json.loads(text) if text else None
            spec = DeadlineSpec.from_dict(data) if data else DeadlineSpec.unknown("")
            self.cache[text or ""] = spec
        return spec


def _tasks(scope: Scope, meta: Meta, subs: dict[int, _SubmissionRow], as_of: dt.date,
           use_histories: bool = True) -> list[TaskFacts]:
    qs = Task.objects.filter(_owned(scope, "lead"))
    if scope.theme:
        qs = qs.filter(serves_targets__theme=scope.theme).distinct()
    by_id: dict[int, TaskFacts] = {}
    unit_pk: dict[int, int] = {}
    specs = _Specs()
    codes = {pk: u.code for pk, u in meta.tree.by_pk.items()}
    days = _days()
    rows = qs.annotate(deadline_json=Cast("deadline", TextField())).values_list(
        "id", "lead_id", "document__owner_id", "document__issuer_id", "document_id", "deadline_json",
        "document__issued_on")  # no names: the engine needs none, the dashboard a few (`_task_names`)
    for pk, lead, owner, issuer, doc, deadline, issued in _raw(rows, scope.unit_pks is None):
        unit = _unit_of(lead, owner, issuer)
        if unit is None:
            continue
        spec = specs.get(deadline)
        trigger = spec.extra.get("trigger_date")
        sid = str(pk)
        by_id[pk] = TaskFacts(sid, codes[unit], spec, [], days(issued), days(trigger), ())
        unit_pk[pk] = unit
        meta.tasks[sid] = (doc, unit)
    links: dict[int, list[str]] = defaultdict(list)
    for task_id, target_id in _raw(Task.serves_targets.through.objects.filter(task_id__in=qs.values("id")).values_list(
            "task_id", "target_id"), scope.unit_pks is None):
        links[task_id].append(str(target_id))
    for task_id, targets in links.items():
        if task_id in by_id:
            by_id[task_id].target_ids = tuple(targets)
    if use_histories and _histories_ready(_history_units(scope, unit_pk)):
        _read_histories(scope, by_id, as_of)
        return list(by_id.values())
    # Narrowed by the reporting units, not by a subquery on tasks: rows of other tasks are skipped below.
    reports = TaskReport.objects.filter(submission__state=APPROVED)
    if scope.unit_pks is not None:
        reports = reports.filter(submission__unit_id__in=list(scope.unit_pks))
    if scope.document_ids is not None:
        reports = reports.filter(task__document_id__in=scope.document_ids)
    if scope.theme:
        reports = reports.filter(task_id__in=qs.values("id"))
    states = {s.value: s for s in ReportedTaskState}
    counted = {pk: s for pk, s in subs.items() if s.counts_on(as_of)}
    for task_id, sub_id, state, percent, completed in _raw(reports.values_list(
            "task_id", "submission_id", "state", "percent", "completed_on"), scope.unit_pks is None):
        s = counted.get(sub_id)
        task = by_id.get(task_id)
        if s is None or task is None or s.unit_pk != unit_pk[task_id]:
            continue
        task.reports.append(TaskReportFact(s.end, states[state], percent, s.submitted_on or s.end, days(completed)))
    return list(by_id.values())


# --------------------------------------------------------------------------- pre-aggregated task histories
#
# Reading every approved task report row (ten million for the nation) costs more than judging
# them. `TaskHistory` keeps each task's approved reports by its own unit in one row of text, one
# token per report; tokens repeat across tasks (a submission's reports share their period, dates
# and a handful of states and percents), so reading decodes each distinct token once and the tasks
# share the resulting (never mutated) `TaskReportFact` objects.


def _ordinal(day: dt.date | None) -> str:
    return "" if day is None else str(day.toordinal())


FACTS_FORMAT = "2"  # part of every stamp: a new token format rebuilds every unit's histories


def pack_report(period_end: dt.date, state: str, percent: int, reported_on: dt.date,
                completed_on: dt.date | None, approved_on: dt.date | None) -> str:
    """One approved report as a token: "period end,reported,approved|state,percent,completed", days as
    ordinals ('' for none). The first half is the submission's, shared by all its reports."""
    return f"{_pack_head(period_end, reported_on, approved_on)}|{_pack_tail(state, percent, completed_on)}"


def _pack_head(period_end: dt.date, reported_on: dt.date, approved_on: dt.date | None) -> str:
    return f"{period_end.toordinal()},{reported_on.toordinal()},{_ordinal(approved_on)}"


def _pack_tail(state: str, percent: int, completed_on: dt.date | None) -> str:
    return f"{state},{percent},{_ordinal(completed_on)}"


class _Tokens:
    """Packed report tokens → the report facts known on `as_of` (None: approved after it), once per
    token; each token's two halves are parsed once per distinct half."""

    def __init__(self, as_of: dt.date) -> None:
        self.as_of = as_of.toordinal()
        self.cache: dict[str, TaskReportFact | None] = {}
        self.heads: dict[str, tuple[dt.date, dt.date] | None] = {}
        self.tails: dict[str, tuple[ReportedTaskState, int, dt.date | None]] = {}
        self.states = {s.value: s for s in ReportedTaskState}
        self.late = False

    def _head(self, text: str) -> tuple[dt.date, dt.date] | None:
        end, reported, approved = text.split(",")
        head = None
        if not approved or int(approved) <= self.as_of:
            head = (dt.date.fromordinal(int(end)), dt.date.fromordinal(int(reported)))
        else:
            self.late = True
        self.heads[text] = head
        return head

    def _tail(self, text: str) -> tuple[ReportedTaskState, int, dt.date | None]:
        state, percent, completed = text.split(",")
        tail = self.tails[text] = (self.states[state], int(percent),
                                   dt.date.fromordinal(int(completed)) if completed else None)
        return tail

    def _parse(self, token: str) -> TaskReportFact | None:
        first, second = token.split("|")
        head = self.heads[first] if first in self.heads else self._head(first)
        fact = None
        if head is not None:
            state, percent, completed = self.tails.get(second) or self._tail(second)
            fact = TaskReportFact(head[0], state, percent, head[1], completed)
        self.cache[token] = fact
        return fact

    def reports(self, text: str) -> list[TaskReportFact]:
        tokens = text.split(" ")
        try:
            facts = list(map(self.cache.__getitem__, tokens))
        except KeyError:
            for token in tokens:
                if token not in self.cache:
                    self._parse(token)
            facts = list(map(self.cache.__getitem__, tokens))
        if self.late:  # some report was approved after as_of
            return [f for f in facts if f is not None]
        return cast(list[TaskReportFact], facts)  # no None without a late approval


INLINE_REFRESH_LIMIT = 50  # stale units a read rebuilds itself; beyond, it reads the report rows


def _histories_ready(unit_pks: Collection[int] | None) -> bool:
    """True when every unit's histories match its approved submissions, after rebuilding the few
    stale ones (an approval made without the action). Many stale units (a bulk load not followed by
    `giamsat rebuild_facts`) are left alone: a page view should not rewrite the nation's histories."""
    stale = stale_units(unit_pks)
    if len(stale) > INLINE_REFRESH_LIMIT:
        return False
    if stale:
        refresh_facts(stale)
    return True


HISTORY_UNITS_LISTED = 1000  # beyond, the stamps of every unit are compared (one scan instead of a long list)


def _history_units(scope: Scope, unit_pk: dict[int, int]) -> Collection[int] | None:
    """The units whose histories a reading needs fresh: the scope's, or for plans over every unit, the
    units owning the plans' tasks (a plan's few units, not the nation's stamps for one plan's page)."""
    if scope.unit_pks is not None or scope.document_ids is None:
        return scope.unit_pks
    owners = set(unit_pk.values())
    return owners if len(owners) <= HISTORY_UNITS_LISTED else None


def _read_histories(scope: Scope, by_id: dict[int, TaskFacts], as_of: dt.date) -> None:
    """Each task's approved reports by its own unit, from its packed history. A history holds the
    task's reports from any submission; over plans (`document_ids`) that is exactly the reports in the
    plans' own periods, because a report row always belongs to a period of its task's own plan (the
    database refuses any other: migration reporting 0008)."""
    rows = TaskHistory.objects.all()
    if scope.unit_pks is not None:
        rows = rows.filter(unit_id__in=list(scope.unit_pks))
    if scope.document_ids is not None:
        rows = rows.filter(task__document_id__in=scope.document_ids)
    tokens = _Tokens(as_of)
    for task_id, text in _raw(rows.values_list("task_id", "reports"), scope.unit_pks is None):
        task = by_id.get(task_id)
        if task is not None:
            task.reports = tokens.reports(text)


def _stamps(unit_pks: Collection[int] | None) -> dict[int, str]:
    """Per unit, what its approved submissions are now: count, sum of ids, latest change (and the
    token format the histories were written in)."""
    qs = Submission.objects.filter(state=APPROVED).order_by()
    if unit_pks is not None:
        qs = qs.filter(unit_id__in=list(unit_pks))
    rows = qs.values("unit_id").annotate(n=Count("id"), ids=Sum("id"), changed=Max("updated_at"))
    return {r["unit_id"]: f"{FACTS_FORMAT}:{r['n']}:{r['ids']}:{r['changed'].isoformat()}" for r in rows}


def stale_units(unit_pks: Collection[int] | None) -> set[int]:
    """Units whose `TaskHistory` rows no longer match their approved submissions (two queries)."""
    now = _stamps(unit_pks)
    stored_qs = FactsStamp.objects.all() if unit_pks is None else FactsStamp.objects.filter(unit_id__in=list(unit_pks))
    stored = dict(stored_qs.values_list("unit_id", "stamp"))
    return {pk for pk in now.keys() | stored.keys() if now.get(pk) != stored.get(pk)}


def ensure_facts(unit_pks: Collection[int] | None) -> int:
    """Bring the task histories of `unit_pks` (None: all) up to date; returns the units rebuilt.
    Correctness never depends on anyone calling `refresh_facts`: reading checks the stamps first."""
    stale = stale_units(unit_pks)
    if stale:
        refresh_facts(stale)
    return len(stale)


REFRESH_BATCH = 200


def refresh_facts(unit_pks: Collection[int] | None = None) -> int:
    """The one writer of `TaskHistory` and `FactsStamp`: rebuild the rows of `unit_pks` (None: every
    unit) from their approved task reports, in batches of units, each batch in one transaction.
    Returns the number of tasks with a history."""
    units = sorted(unit_pks) if unit_pks is not None else list(OrgUnit.objects.order_by("pk").values_list(
        "pk", flat=True))
    return sum(_refresh_batch(units[i:i + REFRESH_BATCH]) for i in range(0, len(units), REFRESH_BATCH))


@transaction.atomic
def _refresh_batch(units: list[int]) -> int:
    list(OrgUnit.objects.select_for_update().filter(pk__in=units).values_list("pk", flat=True))  # one writer at a time
    stamps = _stamps(units)
    TaskHistory.objects.filter(unit_id__in=units).delete()
    FactsStamp.objects.filter(unit_id__in=units).delete()
    days, moments = _days(), _moments()
    heads: dict[tuple[Any, Any, Any], tuple[int, int, str]] = {}  # per submission: its reports share it
    tails: dict[tuple[Any, Any, Any], str] = {}
    grouped: dict[int, list[tuple[int, int, str]]] = defaultdict(list)
    owner: dict[int, int] = {}
    rows = TaskReport.objects.filter(submission__state=APPROVED, submission__unit_id__in=units).values_list(
        "task_id", "task__lead_id", "task__document__owner_id", "task__document__issuer_id", "submission__unit_id",
        "state", "percent", "completed_on", "submission__submitted_at", "submission__approved_at",
        "submission__period__end")
    for task_id, lead, doc_owner, issuer, unit, state, percent, completed, sent, approved, end in _raw(rows):
        if unit != _unit_of(lead, doc_owner, issuer):
            continue  # a coordinator's report: context, not the task's facts
        head = heads.get((end, sent, approved))
        if head is None:
            period_end = days(end)
            assert period_end is not None
            reported = moments(sent) or period_end
            head = heads[(end, sent, approved)] = (period_end.toordinal(), reported.toordinal(),
                                                   _pack_head(period_end, reported, moments(approved)))
        tail = tails.get((state, percent, completed))
        if tail is None:
            tail = tails[(state, percent, completed)] = _pack_tail(state, percent, days(completed))
        grouped[task_id].append((head[0], head[1], f"{head[2]}|{tail}"))
        owner[task_id] = unit
    TaskHistory.objects.bulk_create(
        (TaskHistory(task_id=task_id, unit_id=owner[task_id], reports=" ".join(t[2] for t in sorted(reports)))
         for task_id, reports in grouped.items()), batch_size=2000)
    FactsStamp.objects.bulk_create(FactsStamp(unit_id=pk, stamp=stamp) for pk, stamp in stamps.items())
    return len(grouped)


def _targets(scope: Scope, meta: Meta, subs: dict[int, _SubmissionRow], as_of: dt.date) -> list[TargetFacts]:
    qs = Target.objects.filter(_owned(scope, "responsible"))
    if scope.theme:
        qs = qs.filter(theme=scope.theme)
    milestones: dict[int, list[tuple[int, str, Any, Any, str]]] = defaultdict(list)
    for target_id, *rest in _raw(MilestoneRow.objects.filter(target_id__in=qs.values("id")).values_list(
            "target_id", "year", "comparator", "value", "value_high", "raw_text"), scope.unit_pks is None):
        milestones[target_id].append(tuple(rest))
    values: dict[int, list[tuple[dt.date, float]]] = defaultdict(list)
    days = _days()
    # No join on the submission: only the submissions in scope that count (approved by as_of) are kept below.
    for target_id, sub_id, value, measured in _raw(IndicatorValue.objects.filter(
            target_id__in=qs.values("id"), value__isnull=False).values_list(
            "target_id", "submission_id", "value", "measured_on"), scope.unit_pks is None):
        s = subs.get(sub_id)
        if s is not None and s.counts_on(as_of):
            values[target_id].append((days(measured) or s.end, float(value)))
    codes = {pk: u.code for pk, u in meta.tree.by_pk.items()}
    out: list[TargetFacts] = []
    for row in _raw(qs.values_list("id", "responsible_id", "document__owner_id", "document__issuer_id", "document_id",
                                   "name", "direction", "baseline_value", "baseline_year", "unit_of_measure",
                                   "serves_id", "theme", "monotone", "cascade_denominator"), scope.unit_pks is None):
        pk, resp, owner, issuer, doc, name, direction, base, base_year, uom, serves, theme, monotone, denominator = row
        unit = _unit_of(resp, owner, issuer)
        if unit is None:
            continue
        facts = _target_facts(str(pk), codes[unit], milestones.get(pk, []), values.get(pk, []), direction, base,
                              base_year, uom, serves, name, bool(monotone),
                              None if denominator is None else float(denominator))
        out.append(facts)
        meta.targets[facts.id] = (doc, name, unit, theme)
    return out


def _target_facts(tid: str, unit: str, ms_rows: list[tuple[int, str, Any, Any, str]],
                  values: list[tuple[dt.date, float]], direction: str, base: Any,
                  base_year: int | None, uom: str, serves: int | None, name: str, monotone: bool = False,
                  denominator: float | None = None) -> TargetFacts:
    """A target's facts. In the plan cascade a count feeds its parent as a sum; a percentage with a
    denominator (its scale, e.g. the number of files) as a weighted ratio; other percentages do not."""
    comparator = Comparator.GE
    ms: list[Milestone] = []
    for year, cmp, value, high, raw in sorted(ms_rows, key=lambda m: m[0]):
        comparator = Comparator(cmp)
        if value is None and comparator is not Comparator.TEXT:
            continue
        ms.append(Milestone(year, 1.0 if value is None else float(value), None if high is None else float(high),
                            raw or ""))
    is_percent = uom.strip() == "%"
    rollup = RollupRule.NONE
    if serves:
        rollup = RollupRule.SUM if not is_percent else RollupRule.RATIO if denominator is not None else RollupRule.NONE
    return TargetFacts(
        tid, unit, comparator, Direction(direction), tuple(ms),
        baseline=None if base is None else float(base),
        baseline_date=dt.date(base_year, 12, 31) if base_year else None,
        values=values, monotone=monotone, is_percent=is_percent, plausible_min=0.0,
        parent_target_id=str(serves) if serves else None, rollup=rollup, denominator=denominator,
        name=name,
    )


def _config(subs: list[_SubmissionRow]) -> EvalConfig:
    """The reporting frequency and regime of most reports in scope, read off the period rows
    themselves (data-window start day, due day, months from window end to due date), so the
    engine closes periods exactly when the stored periods fall due."""
    shapes: dict[tuple[str, int, int, int], int] = defaultdict(int)
    for s in subs:
        offset = (s.due_date.year - s.end.year) * 12 + s.due_date.month - s.end.month
        shapes[(s.key.split("-")[1][0], s.start.day, s.due_date.day, offset)] += 1
    first = min((s.due_date for s in subs), default=None)
    if not shapes:
        return EvalConfig(reporting_start=first)
    code, start_day, due_day, offset = max(shapes, key=lambda k: shapes[k])
    freq = next(f for f, c in _FREQ_CODE.items() if c == code)
    try:
        regime = ReportingRegime((freq,), start_day if start_day != 1 else None, due_day, offset)
    except ValueError:
        regime = DECREE_09
    return EvalConfig(regime=regime, reporting_frequency=freq, reporting_start=first)


USE_HISTORIES = True  # the tests switch it off to compare with the reference reading


def load_dataset(scope: Scope, as_of: dt.date, tree: UnitTree | None = None,
                 keep: str | None = None, histories: bool | None = None) -> tuple[Dataset, Meta]:
    """The engine's input for a scope, from a fixed small number of set-based queries.
    `histories`: task reports from the pre-aggregated `TaskHistory` rows (checked fresh first);
    False reads the `TaskReport` rows themselves (the reference the tests compare with)."""
    with paused_gc():  # millions of acyclic objects: full collections would cost more than the reading
        return _load(scope, as_of, tree or current_tree(), keep, USE_HISTORIES if histories is None else histories)


def _load(scope: Scope, as_of: dt.date, tree: UnitTree, keep: str | None,
          histories: bool = True) -> tuple[Dataset, Meta]:
    meta = Meta(tree)
    pks = scope.unit_pks if scope.unit_pks is not None else frozenset(tree.by_pk)
    if scope.unit_pks is not None and len(pks) == len(tree.by_pk):
        scope = Scope(None, scope.document_ids, scope.theme)  # every unit: no need to list them in SQL
    sub_rows = _submissions(scope)
    meta.submissions = sub_rows
    by_pk = {s.pk: s for s in sub_rows}
    tasks = _tasks(scope, meta, by_pk, as_of, histories)
    targets = _targets(scope, meta, by_pk, as_of)
    facts = [SubmissionFacts(tree.by_pk[s.unit_pk].code, s.key, s.submitted_on, s.due_date, s.returned,
                             SubmissionState.APPROVED)
             for s in sub_rows if s.counts_on(as_of)]
    expected = {t.unit_id for t in tasks} | {g.unit_id for g in targets} | {
        tree.by_pk[s.unit_pk].code for s in sub_rows}
    meta.expected = expected
    units = _prune(tree.refs(pks), expected, keep)
    dataset = Dataset(units, tasks, targets, facts, _config(sub_rows))
    return dataset, meta


def _prune(units: list[UnitRef], expected: set[str], keep: str | None) -> list[UnitRef]:
    """Units that report (or must), and their ancestors for the roll-up; `keep` stays regardless.
    (The engine asks no report of a unit without tasks, targets or reports, such as a province
    node above its departments.)"""
    parent = {u.id: u.parent_id for u in units}
    wanted = {keep} if keep is not None else set()
    for code in expected:
        cur: str | None = code
        while cur is not None and cur not in wanted and cur in parent:
            wanted.add(cur)
            cur = parent[cur]
    return [u for u in units if u.id in wanted]


# --------------------------------------------------------------------------- evaluation and cache


def data_version() -> tuple[Any, ...]:
    """Changes whenever anything the evaluation reads may have changed (one query: index lookups, and
    counts of the submissions out of draft and approved read from indexes alone). Published plans change only through a new version (a new
    publication), so the newest task and target ids and the latest publication stand for them.

    Saving a draft changes nothing the evaluation reads (it reads a draft's existence, period and
    state, never its content), so only submissions out of draft count for the newest change; a row
    entering or leaving that set moves their count, a new draft moves the newest id, an approval or
    a reopening moves the approved count (even when two clocks give the same `updated_at`). Units save
    drafts several times a second while reporting: each save no longer empties the cache."""
    tables = {m: m._meta.db_table for m in (Submission, Task, Target, Document, OrgUnit)}
    out_of_draft = f"NOT (state = '{DRAFT}')"  # as the partial index states it (a literal: SQLite matches it)
    sql = (
        f"SELECT (SELECT MAX(updated_at) FROM {tables[Submission]} WHERE {out_of_draft}),"
        f" (SELECT COUNT(*) FROM {tables[Submission]} WHERE state = '{APPROVED}'),"
        f" (SELECT COUNT(*) FROM {tables[Submission]} WHERE {out_of_draft}), (SELECT MAX(id) FROM {tables[Submission]}),"
        f" (SELECT MAX(id) FROM {tables[Task]}), (SELECT MAX(id) FROM {tables[Target]}),"
        f" (SELECT MAX(published_at) FROM {tables[Document]}), (SELECT COUNT(*) FROM {tables[Document]}),"
        f" (SELECT MAX(id) FROM {tables[OrgUnit]}),"
        f" (SELECT SUM(COALESCE(parent_id, 0) + 3 * COALESCE(successor_id, 0)) FROM {tables[OrgUnit]})"
    )
    with connection.cursor() as cur:
        cur.execute(sql)
        row = list(cur.fetchone())
    latest = row[0]
    if isinstance(latest, str):  # SQLite returns the text it stores (UTC)
        latest = dt.datetime.fromisoformat(latest)
    if isinstance(latest, dt.datetime) and timezone.is_naive(latest):
        latest = latest.replace(tzinfo=dt.UTC)
    return (latest, *(str(v) for v in row[1:]))


@dataclass
class _Entry:
    version: tuple[Any, ...]
    dataset: Dataset
    meta: Meta
    evaluation: Evaluation
    root: str | None
    scope: Scope


_CACHE: OrderedDict[tuple[Any, ...], _Entry] = OrderedDict()
_CACHE_SIZE = 8
_CACHE_FACTS = 1_500_000  # tasks and targets held across entries (the nation is ~770,000, ~1.5 GB)
_FIGURES: OrderedDict[tuple[Any, ...], tuple[tuple[Any, ...], DashboardFigures]] = OrderedDict()
_LOCK = threading.Lock()


def _cached_facts() -> int:
    return sum(len(e.dataset.tasks) + len(e.dataset.targets) for e in _CACHE.values())


def clear_cache() -> None:
    """Forget what this process holds (the rows kept in the database stay: see `KeptFigures`)."""
    global _TREE
    with _LOCK:
        _CACHE.clear()
        _FIGURES.clear()
        _KEPT.clear()
        _KEPT_PLANS.clear()
        _EVERY_PLAN.clear()
    with _TREE_LOCK:
        _TREE = None


def _evaluate(scope: Scope, as_of: dt.date, root_pk: int | None, tree: UnitTree | None = None,
              version: tuple[Any, ...] | None = None) -> _Entry:
    key = (scope.key(), as_of, root_pk)
    version = version if version is not None else data_version()
    with _LOCK:
        entry = _CACHE.get(key)
        if entry is not None and entry.version == version:
            _CACHE.move_to_end(key)
            return entry
    tree = tree or current_tree()
    root = tree.by_pk[root_pk].code if root_pk is not None else None
    dataset, meta = load_dataset(scope, as_of, tree, keep=root)
    ev = engine.evaluate(dataset, as_of, root)
    entry = _Entry(version, dataset, meta, ev, root, scope)
    with _LOCK:
        _CACHE[key] = entry
        _CACHE.move_to_end(key)
        while len(_CACHE) > 1 and (len(_CACHE) > _CACHE_SIZE or _cached_facts() > _CACHE_FACTS):
            _CACHE.popitem(last=False)
    return entry


def scope_of(unit: OrgUnit | None, tree: UnitTree | None = None) -> frozenset[int] | None:
    """A unit's subtree in the evaluation tree (its predecessors' subtrees included); None = everything."""
    if unit is None:
        return None
    return frozenset((tree or current_tree()).subtree(unit.pk))


def evaluate_scope(unit: OrgUnit | None, as_of: dt.date, document_ids: Iterable[int] | None = None) -> Evaluation:
    """Evaluate `unit`'s subtree (merged predecessors included), or everything when `unit` is None.

    Engine ids: units by code, tasks and targets by str(pk). The result is cached; do not mutate it.
    """
    tree = current_tree()
    docs = tuple(sorted(document_ids)) if document_ids is not None else None
    version = data_version()
    if docs is not None and _every_plan(docs, version):
        docs = None  # the same evaluation: one cache entry with the dashboards' (national: ~1 GB each)
    scope = Scope(scope_of(unit, tree), docs)
    return _evaluate(scope, as_of, unit.pk if unit else None, tree, version).evaluation


EVERY_PLAN_MIN = 50  # fewer plans (a plan's page, a saved dashboard): not worth the check's queries
_EVERY_PLAN: dict[tuple[tuple[Any, ...], tuple[int, ...]], bool] = {}


def _every_plan(docs: tuple[int, ...], version: tuple[Any, ...]) -> bool:
    """True when an evaluation over `docs` is exactly the one without a plan filter: `docs` hold every
    published plan (only those are ever evaluated) and every submission is to a period of a published
    plan (so both read the same submissions, and through them the same values and task reports).
    The target and task lists of an administrator and the public figures then share the national
    dashboard's cache entry instead of holding a second evaluation of the nation. Known per data version."""
    if len(docs) < EVERY_PLAN_MIN:
        return False
    key = (version, docs)
    known = _EVERY_PLAN.get(key)
    if known is None:
        published = Document.objects.filter(status=DocumentStatus.PUBLISHED)
        known = (published.count() <= len(docs) and set(published.values_list("pk", flat=True)) <= set(docs)
                 and not Submission.objects.exclude(period__document__status=DocumentStatus.PUBLISHED).exists())
        with _LOCK:
            if len(_EVERY_PLAN) > 64:
                _EVERY_PLAN.clear()
            _EVERY_PLAN[key] = known
    return known


def on_submission_approved(submission: Submission) -> None:
    """Bring cached evaluations up to date after `submission` was approved (call after commit).

    Each cached evaluation whose scope holds the submission's unit reloads that unit's facts
    (and those of units whose targets it reported values for) and runs the engine's
    incremental `update_unit`. If anything else changed since the entry was cached, the entry
    is dropped instead, and the next read re-evaluates from scratch.
    """
    version = data_version()
    affected = {submission.unit_id, *Target.objects.filter(values__submission=submission).values_list(
        "responsible_id", flat=True)}
    affected.discard(None)
    with _LOCK:
        items = list(_CACHE.items())
    for key, entry in items:
        if entry.version == version:  # already brought up to date (by this process's request, then its job)
            continue
        if not _only_this_changed(entry.version, version, submission):
            with _LOCK:
                _CACHE.pop(key, None)
            continue
        _apply_incremental(entry, key, affected, version)


def _only_this_changed(old: tuple[Any, ...], new: tuple[Any, ...], submission: Submission) -> bool:
    if old[2:] != new[2:]:
        return False
    changed_since = Submission.objects.filter(updated_at__gt=old[0]) if old[0] is not None else Submission.objects.all()
    return not changed_since.exclude(pk=submission.pk).exists()


def _apply_incremental(entry: _Entry, key: tuple[Any, ...], affected: set[int], version: tuple[Any, ...]) -> None:
    as_of, tree, scope = key[1], entry.meta.tree, entry.scope
    touched = [pk for pk in affected if scope.unit_pks is None or pk in scope.unit_pks]
    if any(pk not in tree.by_pk or tree.by_pk[pk].code not in entry.meta.expected for pk in touched):
        with _LOCK:  # a unit without obligations before: the evaluated tree itself changes
            _CACHE.pop(key, None)
        return
    ds = entry.dataset
    for unit_pk in touched:
        fresh, meta = load_dataset(Scope(frozenset({unit_pk}), scope.document_ids, scope.theme), as_of, tree)
        code = tree.by_pk[unit_pk].code
        engine.replace_unit_facts(ds, code, [t for t in fresh.tasks if t.unit_id == code],
                                  [t for t in fresh.targets if t.unit_id == code],
                                  [s for s in fresh.submissions if s.unit_id == code])
        entry.meta.tasks.update(meta.tasks)
        entry.meta.targets.update(meta.targets)
        entry.meta.submissions = [s for s in entry.meta.submissions if s.unit_pk != unit_pk] + meta.submissions
        engine.update_unit(entry.evaluation, ds, code)
    entry.version = version


# --------------------------------------------------------------------------- dashboard figures


@dataclass(frozen=True)
class UnitLink:
    id: int
    code: str
    name: str


@dataclass(frozen=True)
class StatusCount:
    status: str
    label: str
    count: int


@dataclass(frozen=True)
class Compliance:
    """One unit's reports for the current period (across the plans it reports on)."""

    unit: UnitLink
    expected: int
    submitted: int
    approved: int
    late: int
    missing: int
    pending: int  # not submitted, not yet due
    submission_ids: tuple[int, ...]


@dataclass(frozen=True)
class TargetAlert:
    id: int
    document_id: int
    unit: UnitLink
    name: str
    status: str
    status_label: str
    latest_value: float | None
    milestone_year: int | None
    projected_value: float | None
    projected_lower: float | None
    projected_upper: float | None
    shortfall: float | None


@dataclass(frozen=True)
class TaskAlert:
    id: int
    document_id: int
    name: str
    status: str
    status_label: str
    due_date: dt.date | None
    percent: float | None
    reason: str


@dataclass(frozen=True)
class UnitTasks:
    unit: UnitLink
    overdue: tuple[TaskAlert, ...]
    at_risk: tuple[TaskAlert, ...]


@dataclass(frozen=True)
class RankedUnit:
    unit: UnitLink
    kind: str
    score: float
    band: str
    rank: int | None
    peers: int | None


@dataclass(frozen=True)
class WarningItem:
    kind: str
    kind_label: str
    unit: UnitLink
    subject: str  # "task", "target" or "unit"
    subject_id: int
    message: str
    since: dt.date | None


@dataclass(frozen=True)
class PeriodInfo:
    frequency: str
    year: int
    index: int
    key: str
    label: str
    due_date: dt.date


@dataclass
class DashboardFigures:
    as_of: dt.date
    scope: UnitLink | None  # None: every unit the user may see, with no single root
    period: PeriodInfo | None
    task_status: list[StatusCount]
    target_status: list[StatusCount]
    compliance: list[Compliance]
    targets_at_risk: list[TargetAlert]
    tasks_by_unit: list[UnitTasks]
    ranking: list[RankedUnit]
    warnings: list[WarningItem]
    score: float | None = None
    band: str | None = None
    tasks_total: int = 0
    targets_total: int = 0
    warnings_total: int = 0
    issues_total: int = 0


def _visible_pks(user: Any) -> frozenset[int] | None:
    return _visibility(user)[0]


def _visibility(user: Any) -> tuple[frozenset[int] | None, dict[int, int | None]]:
    """The units `user` may see (None: every unit) and, for each, its parent in the evaluation tree
    (the successor of a merged unit): one query, enough to find the viewer's single root."""
    if is_admin(user):
        return None, {}
    rows = OrgUnit.objects.filter(visible_units_q(user)).values_list("id", "parent_id", "successor_id")
    parents = {pk: succ if succ is not None else parent for pk, parent, succ in rows}
    return frozenset(parents), parents


def dashboard_figures(user: Any, *, as_of: dt.date | None = None, document_id: int | None = None,
                      unit_id: int | str | None = None, theme: str | None = None,
                      period_id: int | None = None) -> DashboardFigures:
    """The figures of a dashboard, restricted to the units `user` may see.

    `unit_id` narrows to that unit's subtree (404 if the user may not see it); without it the
    scope is everything the user may see. `period_id` picks the period for reporting compliance
    (default: the latest period whose data window has ended by `as_of`).

    Figures of a scope that does not depend on the viewer (a unit's whole subtree, or every unit)
    are kept in the database (`KeptFigures`) with the version of that scope's data; a viewer who
    sees every unit of a kept row reads it (two queries) while the version still matches.
    """
    as_of = as_of or timezone.localdate()
    theme = theme or None
    visible, parents = _visibility(user)
    unit = get_unit_for_user(user, unit_id) if unit_id is not None else None
    keep = _keep_key(visible, parents, unit, document_id, theme, period_id) if KEEP_FIGURES else None
    seen: tuple[frozenset[int] | None, str] | None = None  # a kept row's units and their version now
    if keep is not None:
        kept, seen = _read_kept(keep, as_of, visible, exact=unit is None and visible is not None)
        if kept is not None:
            return kept
    version = data_version()
    fkey = (visible, unit.pk if unit else None, document_id, theme, period_id, as_of)
    with _LOCK:
        hit = _FIGURES.get(fkey)
    if hit is not None and hit[0] == version:
        return hit[1]
    figures = _dashboard(visible, unit, as_of, document_id, theme, period_id, version, keep, seen)
    with _LOCK:
        _FIGURES[fkey] = (version, figures)
        _FIGURES.move_to_end(fkey)
        while len(_FIGURES) > 4 * _CACHE_SIZE:
            _FIGURES.popitem(last=False)
    return figures


def _dashboard(visible: frozenset[int] | None, unit: OrgUnit | None, as_of: dt.date, document_id: int | None,
               theme: str | None, period_id: int | None, version: tuple[Any, ...],
               keep: _KeepKey | None = None,
               seen: tuple[frozenset[int] | None, str] | None = None) -> DashboardFigures:
    tree = current_tree()
    root_pk: int | None = None
    pks: frozenset[int] | None = visible
    whole = visible is None  # the scope is a whole subtree (or everything): it does not depend on the viewer
    if unit is not None:
        sub = frozenset(tree.subtree(unit.pk))
        pks = sub if visible is None else sub & visible
        root_pk = unit.pk
        whole = pks == sub
    elif visible is not None:
        roots = tree.roots(visible)
        root_pk = roots[0] if len(roots) == 1 else None
        whole = root_pk is not None and visible == frozenset(tree.subtree(root_pk))
    kept_version = None  # read before the evaluation: a change while it runs leaves the row stale, not wrong
    if keep is not None and whole and keep.root == root_pk:
        kept_version = seen[1] if seen is not None and seen[0] == pks else scope_version(pks)
    scope = Scope(pks, (document_id,) if document_id is not None else None, theme or None)
    entry = _evaluate(scope, as_of, root_pk, tree, version)
    figures = _figures(entry, scope, as_of, root_pk, period_id)
    if keep is not None and kept_version is not None:
        _store_kept(keep, as_of, pks, kept_version, figures)
    return figures


# --------------------------------------------------------------------------- kept figures
#
# A province's cold dashboard costs ~0.8 s of evaluation (the engine on ~17,000 tasks and loading
# their facts); the figures themselves are a few hundred rows of lists. They are kept in
# `KeptFigures`, one row per (scope, filters, day), with `scope_version(units)`: a stamp of the
# approved/returned/reopened submissions of the scope's units (one pass over their rows, through
# the unit index) and, globally, of what rarely changes (publications, periods, the unit tree).
# An approval in one province moves only the versions of the scopes holding its unit.

KEEP_FIGURES = True  # the tests switch it off to compare with the engine path
KEEP_DAYS = 14  # rows computed longer ago are pruned by the refresh after an approval
KEEP_FOR = dt.timedelta(hours=24)  # a row older than this is computed again even if its version matches:
# a bound on what the version cannot see (a unit renamed through the admin to a name of the same length)
REFRESH_MAX_UNITS = 2000  # the background refresh leaves bigger kept scopes (the nation) to their next read
_KEPT: OrderedDict[tuple[str, dt.date], tuple[frozenset[int] | None, str, DashboardFigures, dt.datetime]] = (
    OrderedDict())
_KEPT_SIZE = 64


@dataclass(frozen=True)
class _KeepKey:
    root: int | None  # the scope's root unit; None: every unit
    document_id: int | None
    theme: str | None
    period_id: int | None

    @property
    def text(self) -> str:
        theme = hashlib.sha1((self.theme or "").encode()).hexdigest()[:16] if self.theme else "-"
        return (f"u{'*' if self.root is None else self.root}|d{self.document_id or '-'}|t{theme}"
                f"|p{self.period_id or '-'}")


def _keep_key(visible: frozenset[int] | None, parents: dict[int, int | None], unit: OrgUnit | None,
              document_id: int | None, theme: str | None, period_id: int | None) -> _KeepKey | None:
    """The kept row a viewer may read: the unit's, everything's for an admin without a unit, else the
    viewer's single root's (the viewer must then see exactly that root's subtree); None: no such row."""
    if unit is not None:
        root: int | None = unit.pk
    elif visible is None:
        root = None
    else:
        roots = [pk for pk, parent in parents.items() if parent not in visible]
        if len(roots) != 1:
            return None
        root = roots[0]
    return _KeepKey(root, document_id, theme, period_id)


def _units_text(units: Collection[int] | None) -> str:
    return "" if units is None else " ".join(map(str, sorted(units)))


def _units_of(text: str) -> frozenset[int] | None:
    return None if not text else frozenset(map(int, text.split(" ")))


def _usable(units: frozenset[int] | None, visible: frozenset[int] | None, exact: bool) -> bool:
    """A kept row serves a viewer only if the viewer's scope would be exactly the row's units: the viewer
    sees them all (a unit's subtree, intersected with what the viewer sees), or sees exactly them (no
    unit filter: the scope is everything the viewer sees)."""
    if visible is None:
        return True
    if units is None:
        return False
    return units == visible if exact else units <= visible


def _read_kept(keep: _KeepKey, as_of: dt.date, visible: frozenset[int] | None,
               exact: bool) -> tuple[DashboardFigures | None, tuple[frozenset[int] | None, str] | None]:
    """The kept figures if the viewer may use them and the scope's data are unchanged; else None and,
    when the version was read, (units, version now) so that recomputing need not read it again."""
    mkey = (keep.text, as_of)
    with _LOCK:
        mem = _KEPT.get(mkey)
    figures: DashboardFigures | None = None
    text = None
    if mem is not None:
        units, version, figures, computed = mem
    else:
        row = KeptFigures.objects.filter(key=keep.text, as_of=as_of).values_list(
            "units", "version", "figures", "computed_at").first()
        if row is None:
            return None, None
        units, version, text, computed = _units_of(row[0]), row[1], row[2], row[3]
    if not _usable(units, visible, exact) or computed < timezone.now() - KEEP_FOR:
        return None, None
    now = scope_version(units)
    if now != version:
        return None, (units, now)
    if figures is None:
        try:
            figures = figures_from_json(text or "")
        except (ValueError, TypeError, KeyError, IndexError):  # a row from an older format: compute again
            return None, (units, now)
        _remember(mkey, units, version, figures, computed)
    return figures, None


def _remember(mkey: tuple[str, dt.date], units: frozenset[int] | None, version: str,
              figures: DashboardFigures, computed: dt.datetime) -> None:
    with _LOCK:
        _KEPT[mkey] = (units, version, figures, computed)
        _KEPT.move_to_end(mkey)
        while len(_KEPT) > _KEPT_SIZE:
            _KEPT.popitem(last=False)


def _store_kept(keep: _KeepKey, as_of: dt.date, units: frozenset[int] | None, version: str,
                figures: DashboardFigures) -> None:
    """Insert or replace the row of (scope, day) in one statement (INSERT … ON CONFLICT DO UPDATE)."""
    now = timezone.now()
    row = KeptFigures(key=keep.text, as_of=as_of, unit_id=keep.root, document_id=keep.document_id,
                      theme=keep.theme or "", period_id=keep.period_id, units=_units_text(units), version=version,
                      figures=figures_to_json(figures), computed_at=now)
    KeptFigures.objects.bulk_create([row], update_conflicts=True, unique_fields=["key", "as_of"],
                                    update_fields=["units", "version", "figures", "computed_at"])
    _remember((keep.text, as_of), units, version, figures, now)


def refresh_kept(unit_pks: Collection[int], as_of: dt.date | None = None) -> int:
    """Recompute the kept figures of `as_of` (today) whose scope holds one of `unit_pks`; returns how
    many. Rows of other days, and scopes of more than `REFRESH_MAX_UNITS` units, are recomputed by
    their next read instead. Goes through `_evaluate`, so a process that holds the scope's evaluation
    (updated by `on_submission_approved`) only recomputes the figures, not the evaluation."""
    day = as_of or timezone.localdate()
    KeptFigures.objects.filter(computed_at__lt=timezone.now() - dt.timedelta(days=KEEP_DAYS)).delete()
    touched = set(unit_pks)
    done = 0
    rows = KeptFigures.objects.filter(as_of=day).values_list("key", "unit_id", "document_id", "theme", "period_id",
                                                              "units")
    for key, root, document_id, theme, period_id, text in rows:
        units = _units_of(text)
        if units is None or not units & touched or len(units) > REFRESH_MAX_UNITS:
            continue
        unit = OrgUnit.objects.filter(pk=root).first() if root is not None else None
        keep = _KeepKey(root, document_id, theme or None, period_id)
        if unit is None or keep.text != key:
            continue
        _dashboard(None, unit, day, document_id, theme or None, period_id, data_version(), keep)
        done += 1
    return done


def refresh_after_change(submission_id: int, as_of: dt.date | None = None) -> int:
    """The background job after an approval, a return or a reopening: bring this process's cached
    evaluations up to date (incrementally, for an approval), then recompute the kept figures of
    `as_of` (today) of the scopes that hold the submission's unit and the kept results of its plan."""
    sub = Submission.objects.filter(pk=submission_id).select_related("period").first()
    if sub is None:
        return 0
    if sub.state == APPROVED:
        on_submission_approved(sub)
    return refresh_kept({sub.unit_id}, as_of) + refresh_plan_results({sub.period.document_id}, as_of)


# --------------------------------------------------------------------------- kept plan results
#
# A plan's page shows the engine's status of each of its tasks and targets, the plan evaluated alone
# (~150 tasks: ~12-45 ms of CPU and as much of PostgreSQL's, the global `data_version` included). The
# statuses are kept in `KeptPlanResults`, one row per (plan, day), with `plan_version(plan)`: one query
# over the plan's own submissions and rows. An approval elsewhere leaves the row valid; the plan's page
# itself (the portal's page cache) is keyed by the global content version and is rendered again, but
# from the kept statuses.

KEEP_PLAN_RESULTS = True  # the tests switch it off to compare with the engine path
_KEPT_PLANS: OrderedDict[tuple[int, dt.date], tuple[str, PlanResults, dt.datetime]] = OrderedDict()
_KEPT_PLANS_SIZE = 512


@dataclass(frozen=True, slots=True)
class KeptTask:
    status: TaskStatus


@dataclass(frozen=True, slots=True)
class KeptMilestone:
    year: int
    progress: float | None


@dataclass(frozen=True, slots=True)
class KeptTarget:
    status: TargetStatus
    latest_value: float | None
    milestone_year: int | None
    milestones: tuple[KeptMilestone, ...]


@dataclass(frozen=True)
class PlanResults:
    """What a plan's pages show of the engine's judgement (a part of `Evaluation`, the same fields' values):
    per task id (str(pk)) its status; per target id its status, latest value and milestones' progress."""

    tasks: dict[str, KeptTask]
    targets: dict[str, KeptTarget]


def _plan_results_of(ev: Evaluation) -> PlanResults:
    return PlanResults(
        {tid: KeptTask(r.status) for tid, r in ev.tasks.items()},
        {gid: KeptTarget(r.status, r.latest_value, r.milestone_year,
                         tuple(KeptMilestone(m.year, m.progress) for m in r.milestones))
         for gid, r in ev.targets.items()})


def plan_results_to_json(results: PlanResults) -> str:
    return json.dumps({
        "tasks": {tid: t.status.value for tid, t in results.tasks.items()},
        "targets": {gid: [g.status.value, g.latest_value, g.milestone_year, [[m.year, m.progress] for m in g.milestones]]
                    for gid, g in results.targets.items()}}, separators=(",", ":"))


def plan_results_from_json(text: str) -> PlanResults:
    data = json.loads(text)
    return PlanResults(
        {tid: KeptTask(TaskStatus(status)) for tid, status in data["tasks"].items()},
        {gid: KeptTarget(TargetStatus(status), latest, year, tuple(KeptMilestone(y, p) for y, p in milestones))
         for gid, (status, latest, year, milestones) in data["targets"].items()})


def plan_results(document_id: int, as_of: dt.date | None = None) -> PlanResults:
    """The engine's statuses of a published plan's tasks and targets, the plan evaluated alone on `as_of`
    (default: today), as `evaluate_scope(None, as_of, document_ids=[document_id])` gives them.

    Kept per (plan, day) in this process and in `KeptPlanResults` while `plan_version` is unchanged (and
    for at most `KEEP_FOR`): a kept read costs the version query (and the row, the first time in a
    process) instead of the evaluation."""
    as_of = as_of or dt.date.today()
    if not KEEP_PLAN_RESULTS:
        return _plan_results_of(evaluate_scope(None, as_of, document_ids=[document_id]))
    version = plan_version(document_id)  # before the evaluation: a change while it runs leaves the row stale
    oldest = timezone.now() - KEEP_FOR
    mkey = (document_id, as_of)
    with _LOCK:
        mem = _KEPT_PLANS.get(mkey)
    if mem is not None and mem[0] == version and mem[2] >= oldest:
        with _LOCK:
            _KEPT_PLANS.move_to_end(mkey)
        return mem[1]
    row = KeptPlanResults.objects.filter(document_id=document_id, as_of=as_of).values_list(
        "version", "results", "computed_at").first()
    if row is not None and row[0] == version and row[2] >= oldest:
        try:
            kept = plan_results_from_json(row[1])
        except (ValueError, TypeError, KeyError):  # a row from an older format: compute again
            pass
        else:
            _remember_plan(mkey, version, kept, row[2])
            return kept
    return _store_plan_results(document_id, as_of, version)


def _store_plan_results(document_id: int, as_of: dt.date, version: str) -> PlanResults:
    results = _plan_results_of(evaluate_scope(None, as_of, document_ids=[document_id]))
    now = timezone.now()
    KeptPlanResults.objects.bulk_create(
        [KeptPlanResults(document_id=document_id, as_of=as_of, version=version,
                         results=plan_results_to_json(results), computed_at=now)],
        update_conflicts=True, unique_fields=["document", "as_of"], update_fields=["version", "results", "computed_at"])
    _remember_plan((document_id, as_of), version, results, now)
    return results


def _remember_plan(mkey: tuple[int, dt.date], version: str, results: PlanResults, computed: dt.datetime) -> None:
    with _LOCK:
        _KEPT_PLANS[mkey] = (version, results, computed)
        _KEPT_PLANS.move_to_end(mkey)
        while len(_KEPT_PLANS) > _KEPT_PLANS_SIZE:
            _KEPT_PLANS.popitem(last=False)


def refresh_plan_results(document_ids: Collection[int], as_of: dt.date | None = None) -> int:
    """Recompute the kept results of `as_of` (today) of these plans that have a row (a plan nobody opened
    today is left to its first read); returns how many."""
    day = as_of or dt.date.today()
    done = 0
    for document_id in KeptPlanResults.objects.filter(document_id__in=list(document_ids), as_of=day).values_list(
            "document_id", flat=True):
        _store_plan_results(document_id, day, plan_version(document_id))
        done += 1
    return done


def plan_version(document_id: int) -> str:
    """A stamp of everything the evaluation of one plan alone reads, in one query: the plan's submissions (as
    `scope_version` stamps a scope's: newest change out of draft, counts out of draft and approved, sums of
    row versions and return counts, newest id, count), the plan's row (status, publication, owner, issuer,
    issue date), its tasks (count, ids, lead units), their links to targets, its targets (count, ids,
    responsible units, the targets they serve) and milestones, the unit tree (as `scope_version`), and the
    code of the evaluation. A published plan's rows otherwise change only through a new publication."""
    t = {m: m._meta.db_table for m in (Submission, ReportingPeriod, Document, Task, Target, MilestoneRow, OrgUnit)}
    links = Task.serves_targets.through._meta.db_table
    doc = int(document_id)
    tasks_of = f"(SELECT id FROM {t[Task]} WHERE document_id = {doc})"
    targets_of = f"(SELECT id FROM {t[Target]} WHERE document_id = {doc})"
    sql = (
        "SELECT s.*, d.status, d.published_at, d.owner_id, d.issuer_id, d.issued_on, k.*, l.*, g.*, m.*, u.*"
        " FROM (SELECT MAX(CASE WHEN state <> %s THEN updated_at END) AS changed,"
        " SUM(CASE WHEN state <> %s THEN 1 ELSE 0 END) AS sent,"
        " SUM(CASE WHEN state = %s THEN 1 ELSE 0 END) AS approved,"
        " SUM(CASE WHEN state <> %s THEN version ELSE 0 END) AS versions,"
        " SUM(return_count) AS returned, MAX(id) AS newest, COUNT(*) AS n"
        f" FROM {t[Submission]} WHERE period_id IN (SELECT id FROM {t[ReportingPeriod]} WHERE document_id = {doc})) s,"
        f" {t[Document]} d,"
        f" (SELECT COUNT(*) AS tasks, SUM(id) AS task_ids, SUM(COALESCE(lead_id, 0)) AS leads FROM {t[Task]}"
        f" WHERE document_id = {doc}) k,"
        f" (SELECT COUNT(*) AS links, SUM(target_id + 7 * task_id) AS linked FROM {links}"
        f" WHERE task_id IN {tasks_of}) l,"
        f" (SELECT COUNT(*) AS targets, SUM(id) AS target_ids, SUM(COALESCE(responsible_id, 0)) AS responsible,"
        f" SUM(COALESCE(serves_id, 0)) AS serves FROM {t[Target]} WHERE document_id = {doc}) g,"
        f" (SELECT COUNT(*) AS milestones, SUM(id + year) AS milestone_ids FROM {t[MilestoneRow]}"
        f" WHERE target_id IN {targets_of}) m,"
        f" (SELECT COUNT(*) AS units, MAX(id) AS newest_unit, SUM(COALESCE(parent_id, 0) + 3 * COALESCE(successor_id, 0)"
        f" + LENGTH(name) + 7 * LENGTH(code) + 11 * LENGTH(kind)) AS tree FROM {t[OrgUnit]}) u"
        f" WHERE d.id = {doc}"
    )
    with connection.cursor() as cur:
        cur.execute(sql, [DRAFT, DRAFT, APPROVED, DRAFT])
        row = cur.fetchone()
    text = "|".join("" if v is None else str(v) for v in row or ())
    return hashlib.sha1(f"{_code_stamp()}|{text}".encode()).hexdigest()


def scope_version(units: Collection[int] | None) -> str:
    """A stamp of everything the evaluation of `units` (None: every unit) reads, in one query.

    Per scope (one pass over the scope's submissions, found through the unit index): the newest
    change of a submission out of draft, how many are out of draft and approved, the sum of their
    row versions (every submit, approve, return and reopen adds one, whatever the clock says) and
    return counts, the newest submission id and the count (a new or deleted draft changes who is
    expected to report). Task histories and indicator values change only with these submissions.
    Global, because they change rarely and a scope cannot tell cheaply whether they reach it:
    publications (published plans never change in place: their tasks, targets and milestones change
    only through a new publication), newest task and target ids, newest reporting period, the unit
    tree (parents, successors, lengths of names, codes and kinds). Also the code of the evaluation (a
    new rule recomputes). What it cannot see (a unit renamed to a name of the same length) lasts at most
    `KEEP_FOR`.
    """
    t = {m: m._meta.db_table for m in (Submission, Task, Target, Document, ReportingPeriod, OrgUnit)}
    if units is None:
        where = ""
    elif units:
        where = " WHERE unit_id IN (" + ",".join(str(int(pk)) for pk in sorted(units)) + ")"
    else:
        where = " WHERE 1 = 0"
    sql = (
        "SELECT s.changed, s.sent, s.approved, s.versions, s.returned, s.newest, s.n,"
        f" (SELECT MAX(id) FROM {t[Task]}), (SELECT MAX(id) FROM {t[Target]}),"
        f" (SELECT MAX(published_at) FROM {t[Document]}), (SELECT COUNT(*) FROM {t[Document]}),"
        f" (SELECT SUM(CASE WHEN status = %s THEN id ELSE 0 END) FROM {t[Document]}),"
        f" (SELECT MAX(id) FROM {t[ReportingPeriod]}), (SELECT MAX(id) FROM {t[OrgUnit]}),"
        f" (SELECT COUNT(*) FROM {t[OrgUnit]}),"
        " (SELECT SUM(COALESCE(parent_id, 0) + 3 * COALESCE(successor_id, 0) + LENGTH(name) + 7 * LENGTH(code)"
        f" + 11 * LENGTH(kind)) FROM {t[OrgUnit]})"
        " FROM (SELECT MAX(CASE WHEN state <> %s THEN updated_at END) AS changed,"
        " SUM(CASE WHEN state <> %s THEN 1 ELSE 0 END) AS sent,"
        " SUM(CASE WHEN state = %s THEN 1 ELSE 0 END) AS approved,"
        " SUM(CASE WHEN state <> %s THEN version ELSE 0 END) AS versions,"
        " SUM(return_count) AS returned, MAX(id) AS newest, COUNT(*) AS n"
        f" FROM {t[Submission]}{where}) s"
    )
    with connection.cursor() as cur:
        cur.execute(sql, [DocumentStatus.PUBLISHED.value, DRAFT, DRAFT, APPROVED, DRAFT])
        row = cur.fetchone()
    text = "|".join("" if v is None else str(v) for v in row)
    return hashlib.sha1(f"{_code_stamp()}|{text}".encode()).hexdigest()


_CODE: list[str] = []


def _code_stamp() -> str:
    """The evaluation's code (the engine, the shared domain types and this module): kept figures
    computed by other rules are not reused."""
    if not _CODE:
        here = Path(__file__).resolve()
        files = sorted([*(here.parent.parent / "evaluate").rglob("*.py"), *(here.parent.parent / "domain").rglob("*.py"),
                        here])
        digest = hashlib.sha1()
        for path in files:
            if "tests" not in path.parts:
                digest.update(path.name.encode())
                digest.update(path.read_bytes())
        _CODE.append(digest.hexdigest()[:16])
    return _CODE[0]


def figures_to_json(figures: DashboardFigures) -> str:
    """Compact JSON: each dataclass as the list of its fields in order, dates as ISO text."""
    return json.dumps(_encode(figures), ensure_ascii=False, separators=(",", ":"))


def _encode(value: Any) -> Any:
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return [_encode(getattr(value, f.name)) for f in dataclasses.fields(value)]
    if isinstance(value, list | tuple):
        return [_encode(v) for v in value]
    if isinstance(value, dt.date):
        return value.isoformat()
    return value


def figures_from_json(text: str) -> DashboardFigures:
    return cast(DashboardFigures, _decoder(DashboardFigures)(json.loads(text)))


_DECODERS: dict[Any, Callable[[Any], Any]] = {}


def _same(value: Any) -> Any:
    return value


def _decoder(tp: Any) -> Callable[[Any], Any]:
    """A function that turns `_encode`'s output back into `tp` (built once per type)."""
    known = _DECODERS.get(tp)
    if known is not None:
        return known
    origin, args = get_origin(tp), get_args(tp)
    out: Callable[[Any], Any]
    if tp is dt.date:
        out = dt.date.fromisoformat
    elif origin in (Union, types.UnionType):
        inner = _decoder(next(a for a in args if a is not type(None)))
        out = lambda v: None if v is None else inner(v)  # noqa: E731
    elif origin is list:
        item = _decoder(args[0])
        out = lambda v: [item(x) for x in v]  # noqa: E731
    elif origin is tuple:
        item = _decoder(args[0])
        out = lambda v: tuple(item(x) for x in v)  # noqa: E731
    elif dataclasses.is_dataclass(tp):
        hints = get_type_hints(tp)
        parts = [_decoder(hints[f.name]) for f in dataclasses.fields(tp)]
        cls = tp
        out = lambda v: cls(*[d(x) for d, x in zip(parts, v, strict=True)])  # noqa: E731
    else:
        out = _same
    _DECODERS[tp] = out
    return out


def _link(tree: UnitTree, code_or_pk: str | int) -> UnitLink:
    u = tree.by_code[code_or_pk] if isinstance(code_or_pk, str) else tree.by_pk[code_or_pk]
    return UnitLink(u.pk, u.code, u.name)


def _figures(entry: _Entry, scope: Scope, as_of: dt.date, root_pk: int | None,
             period_id: int | None) -> DashboardFigures:
    ev, tree = entry.evaluation, entry.meta.tree
    roots = [u.id for u in entry.dataset.units if u.parent_id is None]
    task_counts: dict[TaskStatus, int] = defaultdict(int)
    target_counts: dict[TargetStatus, int] = defaultdict(int)
    for r in roots:
        f = ev.rollups.get(r)
        if f is None:
            continue
        for k, v in f.task_status.items():
            task_counts[k] += v
        for k2, v2 in f.target_status.items():
            target_counts[k2] += v2
    card = ev.scorecards.get(tree.by_pk[root_pk].code) if root_pk is not None else None
    period, compliance = _compliance(entry, scope, as_of, period_id)
    return DashboardFigures(
        as_of=as_of,
        scope=_link(tree, root_pk) if root_pk is not None else None,
        period=period,
        task_status=[StatusCount(s.value, TASK_STATUS_LABELS[s], task_counts.get(s, 0)) for s in TaskStatus],
        target_status=[StatusCount(s.value, TARGET_STATUS_LABELS[s], target_counts.get(s, 0)) for s in TargetStatus],
        compliance=compliance,
        targets_at_risk=_targets_at_risk(entry),
        tasks_by_unit=_tasks_by_unit(entry),
        ranking=_ranking(entry, root_pk),
        warnings=_warnings(entry),
        score=card.score if card and card.band else None,
        band=card.band if card else None,
        tasks_total=len(ev.tasks),
        targets_total=len(ev.targets),
        warnings_total=len(ev.warnings),
        issues_total=len(ev.issues),
    )


_TARGET_ORDER = {TargetStatus.OFF_TRACK: 0, TargetStatus.AT_RISK: 1}


def _targets_at_risk(entry: _Entry) -> list[TargetAlert]:
    ev, meta = entry.evaluation, entry.meta
    ranked: list[tuple[int, float, int, TargetResult]] = []
    for tid, r in ev.targets.items():
        p = r.projection
        if r.status not in _TARGET_ORDER and not (p is not None and p.misses):
            continue
        ranked.append((_TARGET_ORDER.get(r.status, 2), -((p.shortfall if p else None) or 0.0), int(tid), r))
    out: list[TargetAlert] = []
    for _order, _short, pk, r in heapq.nsmallest(LIST_LIMIT, ranked, key=lambda x: x[:3]):
        p = r.projection
        doc, name, unit_pk, _theme = meta.targets[r.target_id]
        out.append(TargetAlert(
            pk, doc, _link(meta.tree, unit_pk), name, r.status.value, TARGET_STATUS_LABELS[r.status],
            r.latest_value, r.milestone_year, p.value if p else None, p.lower if p else None,
            p.upper if p else None, p.shortfall if p else None))
    return out


def _task_alert(entry: _Entry, tid: str, names: dict[int, str]) -> TaskAlert:
    r = entry.evaluation.tasks[tid]
    doc, _unit = entry.meta.tasks[tid]
    return TaskAlert(int(tid), doc, names.get(int(tid), ""), r.status.value, TASK_STATUS_LABELS[r.status],
                     r.due_date, r.percent, r.reason)


def _tasks_by_unit(entry: _Entry) -> list[UnitTasks]:
    overdue: dict[str, list[str]] = defaultdict(list)
    at_risk: dict[str, list[str]] = defaultdict(list)
    for tid, r in entry.evaluation.tasks.items():
        if r.overdue:
            overdue[r.unit_id].append(tid)
        elif r.status is TaskStatus.AT_RISK:
            at_risk[r.unit_id].append(tid)
    units = sorted(set(overdue) | set(at_risk), key=lambda u: (-len(overdue[u]) - len(at_risk[u]), u))
    shown = [(code, sorted(overdue[code], key=int)[:LIST_LIMIT], sorted(at_risk[code], key=int)[:LIST_LIMIT])
             for code in units[:LIST_LIMIT]]
    names = _task_names(int(t) for _code, late, risky in shown for t in (*late, *risky))
    return [UnitTasks(_link(entry.meta.tree, code), tuple(_task_alert(entry, t, names) for t in late),
                      tuple(_task_alert(entry, t, names) for t in risky))
            for code, late, risky in shown]


def _task_names(pks: Iterable[int]) -> dict[int, str]:
    """Names of the tasks a dashboard lists (a few thousand at most), in one query."""
    ids = list(pks)
    return dict(Task.objects.filter(pk__in=ids).values_list("id", "name")) if ids else {}


def _ranking(entry: _Entry, root_pk: int | None) -> list[RankedUnit]:
    """The ranked units one level below the scope (the roots' children), by kind then rank."""
    ev, tree = entry.evaluation, entry.meta.tree
    kinds = {u.id: u.kind for u in entry.dataset.units}
    parents = {u.id for u in entry.dataset.units if u.parent_id is None}
    level = [u for u in entry.dataset.units if u.parent_id in parents] if root_pk is not None or len(parents) == 1 \
        else [u for u in entry.dataset.units if u.parent_id is None]
    out = []
    for u in level:
        card = ev.scorecards.get(u.id)
        if card is None:
            continue
        out.append(RankedUnit(_link(tree, u.id), kinds[u.id], card.score, card.band, card.rank, card.peers))
    out.sort(key=lambda r: (r.kind, r.rank is None, r.rank or 0, r.unit.name))
    return out


def _subject(w: EarlyWarning, entry: _Entry) -> tuple[str, int]:
    if w.kind is WarningKind.UNIT_STOPPED_REPORTING:
        return "unit", entry.meta.tree.by_code[w.subject_id].pk
    if w.kind is WarningKind.TASK_PACE:
        return "task", int(w.subject_id)
    return "target", int(w.subject_id)


def _warnings(entry: _Entry) -> list[WarningItem]:
    ws = sorted(entry.evaluation.warnings, key=lambda w: (w.since is None, -(w.since or dt.date.min).toordinal(),
                                                          w.kind.value, w.subject_id))
    out = []
    for w in ws[:LIST_LIMIT]:
        subject, sid = _subject(w, entry)
        out.append(WarningItem(w.kind.value, WARNING_KIND_LABELS.get(w.kind, w.kind.value),
                               _link(entry.meta.tree, w.unit_id), subject, sid, w.message, w.since))
    return out


def _compliance(entry: _Entry, scope: Scope, as_of: dt.date,
                period_id: int | None) -> tuple[PeriodInfo | None, list[Compliance]]:
    """Expected/submitted/approved/late/missing reports per unit for one period (one or two queries)."""
    periods = ReportingPeriod.objects.filter(document__status=DocumentStatus.PUBLISHED)
    if scope.document_ids is not None:
        periods = periods.filter(document_id__in=scope.document_ids)
    if period_id is not None:
        chosen = periods.filter(pk=period_id).values_list("frequency", "year", "index", "label", "due_date").first()
    else:
        chosen = periods.filter(end__lt=as_of).order_by("-end", "frequency").values_list(
            "frequency", "year", "index", "label", "due_date").first()
    if chosen is None:
        return None, []
    freq, year, index, label, due = chosen
    info = PeriodInfo(freq, year, index, period_key(freq, year, index), label, due)
    in_scope = {entry.meta.tree.by_code[u.id].pk for u in entry.dataset.units}
    same = periods.filter(frequency=freq, year=year, index=index)
    if scope.unit_pks is not None:  # only the plans the scope reports on can count below
        same = same.filter(document_id__in={doc for doc, *_ in (*entry.meta.tasks.values(),
                                                                 *entry.meta.targets.values())}
                           | {s.document_id for s in entry.meta.submissions})
    docs = set(same.values_list("document_id", flat=True))
    expected: dict[int, set[int]] = defaultdict(set)  # unit → documents it must report on
    for _tid, (doc, unit) in entry.meta.tasks.items():
        if doc in docs:
            expected[unit].add(doc)
    for _gid, (doc, _name, unit, _theme) in entry.meta.targets.items():
        if doc in docs:
            expected[unit].add(doc)
    subs = [s for s in entry.meta.submissions if s.key == info.key and s.document_id in docs]
    by_unit: dict[int, list[_SubmissionRow]] = defaultdict(list)
    for s in subs:
        by_unit[s.unit_pk].append(s)
        expected[s.unit_pk].add(s.document_id)
    out = []
    for unit_pk in sorted(expected, key=lambda pk: entry.meta.tree.by_pk[pk].name):
        if unit_pk not in in_scope:
            continue
        rows = by_unit.get(unit_pk, [])
        sent = [s for s in rows if s.submitted_on is not None and s.submitted_on <= as_of
                and s.state != SubmissionState.DRAFT.value]
        n_expected = len(expected[unit_pk])
        not_sent = n_expected - len(sent)
        out.append(Compliance(
            _link(entry.meta.tree, unit_pk), n_expected, len(sent),
            sum(1 for s in sent if s.counts_on(as_of)),
            sum(1 for s in sent if s.submitted_on and s.submitted_on > s.due_date),
            not_sent if due < as_of else 0, not_sent if due >= as_of else 0,
            tuple(sorted(s.pk for s in rows))))
    return info, out


__all__ = [
    "DashboardFigures",
    "Scope",
    "UnitTree",
    "clear_cache",
    "dashboard_figures",
    "data_version",
    "ensure_facts",
    "evaluate_scope",
    "figures_from_json",
    "figures_to_json",
    "load_dataset",
    "on_submission_approved",
    "period_key",
    "plan_results",
    "plan_version",
    "refresh_after_change",
    "refresh_facts",
    "refresh_kept",
    "scope_version",
    "stale_units",
]

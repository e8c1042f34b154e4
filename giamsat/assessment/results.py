"""Result tables of a round: the ranking with last year's change, the criterion-by-criterion
comparison across units, and each unit's head and officials (Decision 970/QĐ-TTg)."""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from dataclasses import dataclass, field
from decimal import Decimal

from giamsat.assessment.models import Criterion, Entry, Participant, Round, RoundState
from giamsat.domain.states import TaskStatus
from giamsat.evaluate.model import Evaluation
from giamsat.org.models import Membership, OrgUnit, Role
from giamsat.plans.models import Task


@dataclass
class RankRow:
    participant: Participant
    previous_percent: float | None
    change: float | None  # percentage points against last year's published round


@dataclass
class ComparisonRow:
    criterion: Criterion
    scores: list[Decimal | None]  # in the order of the round's units
    best: Decimal | None = None


@dataclass
class Official:
    name: str
    tasks: int = 0
    due: int = 0
    on_time: int = 0
    completed: int = 0
    task_names: list[str] = field(default_factory=list)

    @property
    def on_time_percent(self) -> float | None:
        return 100.0 * self.on_time / self.due if self.due else None


def head_of(unit: OrgUnit) -> tuple[str, str]:
    """The unit's named head: its approver (with the membership's title), else its tasks' responsible person."""
    m = Membership.objects.filter(unit=unit, role=Role.APPROVER).select_related("user").order_by("pk").first()
    if m is not None:
        return (m.user.get_full_name() or m.user.get_username()), (m.title or "Lãnh đạo đơn vị")
    person = (Task.objects.filter(lead=unit).exclude(responsible_person="")
              .values_list("responsible_person", flat=True).order_by("responsible_person").first())
    return (person or ""), ("Người chịu trách nhiệm" if person else "")


def ranked(round_: Round) -> list[Participant]:
    return sorted(round_.participants.select_related("unit"),
                  key=lambda p: (p.rank is None, p.rank or 0, p.unit.name))


def previous_percents(round_: Round, unit_ids: list[int]) -> dict[int, float | None]:
    """Each unit's percentage in the latest published round of the year before."""
    rows = (Participant.objects.filter(round__year=round_.year - 1, round__state=RoundState.PUBLISHED,
                                       unit_id__in=unit_ids)
            .order_by("unit_id", "-round__published_at").values_list("unit_id", "percent"))
    out: dict[int, float | None] = {}
    for unit_id, percent in rows:
        out.setdefault(unit_id, percent)
    return out


def ranking(round_: Round) -> list[RankRow]:
    participants = ranked(round_)
    previous = previous_percents(round_, [p.unit_id for p in participants])
    rows = []
    for p in participants:
        if p.state != "final" and not p.head_name:  # before the round is locked: today's head, not saved
            p.head_name, p.head_title = head_of(p.unit)
        before = previous.get(p.unit_id)
        change = round(p.percent - before, 2) if before is not None and p.percent is not None else None
        rows.append(RankRow(p, before, change))
    return rows


def comparison(round_: Round, participants: list[Participant] | None = None) -> list[ComparisonRow]:
    """Leaf criteria × units: the final score (before finalising: verified, else self-assessed)."""
    participants = participants if participants is not None else ranked(round_)
    scores: dict[tuple[int, int], Decimal | None] = {}
    for e in Entry.objects.filter(participant__in=participants):
        final = e.final_score if e.final_score is not None else (
            e.verified_score if e.verified_score is not None else e.self_score)
        scores[(e.participant_id, e.criterion_id)] = final
    criteria = [c for c in round_.criteria_set.criteria.all() if not c.is_group]
    rows = []
    for c in criteria:
        row = [scores.get((p.pk, c.pk)) for p in participants]
        if any(s is not None for s in row):
            present = [s for s in row if s is not None]
            rows.append(ComparisonRow(c, row, max(present) if present else None))
    return rows


DONE = {TaskStatus.COMPLETED_ON_TIME, TaskStatus.COMPLETED_LATE}


def officials(unit_id: int, ev: Evaluation, as_of: dt.date) -> list[Official]:
    """Tasks the unit leads, grouped by their named responsible person, judged by the engine."""
    people: dict[str, Official] = {}
    tasks = Task.objects.filter(lead_id=unit_id).exclude(responsible_person="").values_list("pk", "responsible_person", "name")
    for pk, person, name in tasks:
        result = ev.tasks.get(str(pk))
        official = people.setdefault(person, Official(person))
        official.tasks += 1
        official.task_names.append(name[:120])
        if result is None:
            continue
        if result.status in DONE:
            official.completed += 1
        if result.status == TaskStatus.COMPLETED_ON_TIME:
            official.on_time += 1
            official.due += 1
        elif result.overdue or result.status == TaskStatus.COMPLETED_LATE:
            official.due += 1
    return sorted(people.values(), key=lambda o: o.name)


def group_totals(round_: Round, participant: Participant) -> dict[int, Decimal]:
    """Points per group criterion (sum of its descendants' final or current scores)."""
    criteria = {c.pk: c for c in round_.criteria_set.criteria.all()}
    totals: dict[int, Decimal] = defaultdict(Decimal)
    for e in participant.entries.all():
        score = e.final_score if e.final_score is not None else (
            e.verified_score if e.verified_score is not None else e.self_score)
        parent = criteria[e.criterion_id].parent_id
        while parent is not None:
            totals[parent] += score or Decimal(0)
            parent = criteria[parent].parent_id
    return dict(totals)

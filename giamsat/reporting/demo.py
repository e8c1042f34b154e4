"""Demo reports for the seed plans: a few periods of realistic, deterministic data, all marked demo.

Called by `giamsat.portal.demo.build_demo` after the plans are imported and published. Every report
goes through the real actions (drafts, saves, submit, return, approve, recommendations), so the demo
shows the same history, audit and carry-forward a real unit would produce; only the timestamps are
moved back afterwards so that past periods look like they were reported in their time.

Randomness is seeded from the plan, unit and period, so the same seeds always give the same demo.
"""

from __future__ import annotations

import datetime as dt
import decimal
import hashlib
import random
from collections.abc import Callable
from typing import Any

from django.db import transaction
from django.utils import timezone

from giamsat.audit.actions import record
from giamsat.domain.states import Frequency, SubmissionState
from giamsat.org.models import OrgUnit, UnitKind
from giamsat.plans.matching import fold
from giamsat.plans.models import Document, Target, Task
from giamsat.reporting import actions, schedule
from giamsat.reporting.errors import ReportingError
from giamsat.reporting.models import Recommendation, ReportingPeriod, Submission, SubmissionEvent

ACTOR = "demo"

# Department of the plan owner's (current) province that leads a task whose lead the reader could not
# match, by words in the task: a demo stand-in for the review step in which a person assigns the lead.
ROUTES = [
    ("so-y-te", ("y te", "benh vien", "kham chua benh", "suc khoe")),
    ("so-tai-chinh", ("tai chinh", "ngan sach", "kinh phi", "dau tu", "von ")),
    ("so-gd-dt", ("giao duc", "truong hoc", "hoc sinh", "dao tao nhan luc")),
    ("so-noi-vu", ("noi vu", "can bo", "cong chuc", "bo may", "to chuc bo may")),
    ("cong-an", ("cong an", "an ninh", "dinh danh", "vneid", "can cuoc")),
    ("so-cong-thuong", ("thuong mai dien tu", "doanh nghiep", "cong thuong")),
]
IN_REVIEW_DAYS = 92  # a quarter: the last due month and quarter are always still in review
DEFAULT_ROUTE = "so-khcn"  # Sở KH&CN: the standing agency's department for Resolution 57 in the provinces

PROGRESS_LINES = [
    "Đã ban hành văn bản hướng dẫn triển khai; tổ chức họp với các đơn vị phối hợp.",
    "Hoàn thành khảo sát hiện trạng, xây dựng dự thảo đề án, lấy ý kiến các sở, ngành.",
    "Triển khai thí điểm tại một số đơn vị; tổng hợp kết quả, điều chỉnh phương án.",
    "Đã trình UBND tỉnh phê duyệt; tiếp tục hoàn thiện hồ sơ kỹ thuật.",
    "Tổ chức tập huấn cho cán bộ, công chức; cập nhật dữ liệu lên hệ thống.",
    "Phối hợp với doanh nghiệp viễn thông triển khai hạ tầng; nghiệm thu giai đoạn 1.",
]
DIFFICULTIES = [
    ("Thiếu kinh phí triển khai trong năm", "Nhiệm vụ chưa được bố trí kinh phí trong dự toán năm; đề nghị bổ sung.", "funding"),
    ("Thiếu nhân lực chuyên trách chuyển đổi số", "Đơn vị chưa có công chức chuyên trách công nghệ thông tin.", "human"),
    ("Hệ thống phần mềm chưa kết nối, chia sẻ dữ liệu", "Phần mềm chuyên ngành chưa kết nối với nền tảng dữ liệu của tỉnh.", "data"),
    ("Vướng mắc về cơ chế thuê dịch vụ công nghệ thông tin", "Chưa có hướng dẫn định mức thuê dịch vụ CNTT.", "policy"),
]
PUBLIC_RECOMMENDATIONS = [
    ("Cổng dịch vụ công thường xuyên bị lỗi khi nộp hồ sơ đất đai",
     "Trong tháng, doanh nghiệp nộp hồ sơ đất đai trực tuyến nhiều lần bị lỗi tải tệp đính kèm.",
     "Công ty TNHH Minh Phát", "public_service"),
    ("Cổng dịch vụ công hay bị lỗi khi nộp hồ sơ đất đai trực tuyến",
     "Nộp hồ sơ đất đai trực tuyến bị lỗi tải tệp, phải nộp lại nhiều lần.", "Nguyễn Văn Tư", "public_service"),
    ("Đề nghị hỗ trợ chữ ký số cho hộ kinh doanh", "Hộ kinh doanh nhỏ chưa biết đăng ký và dùng chữ ký số.",
     "Hộ kinh doanh Trần Thị Mai", "human"),
]


def _rng(*parts: Any) -> random.Random:
    seed = hashlib.sha256("|".join(str(p) for p in parts).encode()).hexdigest()
    return random.Random(int(seed[:16], 16))


def _key(item: Task | Target) -> str:
    """A stable name for a plan row (not its database id), so every fresh demo is the same."""
    return f"{item.document.number}#{item.order}"


def _pkey(period: ReportingPeriod) -> str:
    return f"{period.document.number}@{period.key}"


# --- who leads what ---------------------------------------------------------------------------


def _home(document: Document) -> OrgUnit | None:
    owner = document.owner
    if owner is None:
        return None
    return owner if owner.kind == UnitKind.COMMUNE else owner.current()


def _route(home: OrgUnit, text: str) -> OrgUnit:
    if home.kind == UnitKind.COMMUNE:
        return OrgUnit.objects.filter(code=f"{home.code}.ubnd").first() or home
    folded = fold(text)
    for suffix, words in ROUTES:
        if any(w in folded for w in words):
            found = OrgUnit.objects.filter(code=f"{home.code}.{suffix}").first()
            if found is not None:
                return found
    return OrgUnit.objects.filter(code=f"{home.code}.{DEFAULT_ROUTE}").first() or home


def assign_unmatched(document: Document) -> int:
    """Demo only: give tasks and targets without a matched unit to a unit of the plan owner.

    In a real deployment a reviewer assigns them on the plan's review screen before publishing; the
    seed plans' agency names are not all matched yet, so the demo assigns them by keyword to the
    owner's (current) province department (Sở KH&CN by default) or, for a commune, to its People's
    Committee. Each assignment is audited.
    """
    home = _home(document)
    if home is None:
        return 0
    changed = 0
    for task in Task.objects.filter(document=document, lead__isnull=True):
        unit = _route(home, f"{task.lead_text} {task.name}")
        Task.objects.filter(pk=task.pk).update(lead=unit)
        record(ACTOR, "reporting.demo_lead_assigned", task, unit_id=unit.pk, after={"lead": unit.code})
        changed += 1
    for target in Target.objects.filter(document=document, responsible__isnull=True):
        unit = _route(home, f"{target.responsible_text} {target.name}")
        Target.objects.filter(pk=target.pk).update(responsible=unit)
        record(ACTOR, "reporting.demo_target_assigned", target, unit_id=unit.pk, after={"responsible": unit.code})
        changed += 1
    return changed


# --- which periods ----------------------------------------------------------------------------


def demo_periods(document: Document, today: dt.date) -> list[ReportingPeriod]:
    """A few periods per plan: the last three months and the current one, the quarters and years of 2025–2026."""
    opened = actions.open_periods(document, today)
    due_months = [p for p in opened if p.frequency == Frequency.MONTHLY and p.due_date <= today]
    keep = {p.pk for p in due_months[-3:]}
    keep |= {p.pk for p in opened if p.frequency == Frequency.MONTHLY and p.start <= today < p.due_date}
    keep |= {p.pk for p in opened if p.frequency == Frequency.QUARTERLY and p.year >= 2025}
    keep |= {p.pk for p in opened if p.frequency == Frequency.ANNUAL and p.year in (2025, 2026)}
    return sorted((p for p in opened if p.pk in keep), key=lambda p: (p.end, p.due_date, p.pk))


# --- one report -------------------------------------------------------------------------------


def _fraction(task: Task, period: ReportingPeriod, start: dt.date) -> float:
    """How far along a task is at the period's end: linear to its due date, with a per-task pace."""
    rng = _rng("pace", _key(task))
    pace = rng.uniform(0.6, 1.3)
    end = task.due_date or (start + dt.timedelta(days=rng.randint(300, 700)))
    span = max(30, (end - start).days)
    return max(0.0, min(1.0, pace * (period.end - start).days / span))


def _task_row(row: Any, period: ReportingPeriod, start: dt.date) -> dict[str, Any]:
    task = row.task
    rng = _rng("task", _key(task), _pkey(period), row.is_lead)
    if row.occurrence:  # recurring or continuous: each occurrence is done in its period, mostly on time
        done = rng.random() < 0.8
        state = "completed" if done else "in_progress"
        return {"task_id": task.pk, "state": state, "percent": 100 if done else rng.choice((30, 50, 70)),
                "completed_on": period.end if done else None, "progress": rng.choice(PROGRESS_LINES),
                "output": task.output[:200] if done else ""}
    if _rng("suspended", _key(task)).random() < 0.04:
        return {"task_id": task.pk, "state": "suspended", "percent": 20,
                "suspended_reason": "Chờ hướng dẫn của bộ, ngành Trung ương.", "progress": "Tạm dừng, chờ hướng dẫn."}
    fraction = _fraction(task, period, start)
    if fraction < 0.08:
        return {"task_id": task.pk, "state": "not_started", "percent": 0, "progress": ""}
    if fraction >= 1.0:
        finished = min(period.end, (task.due_date or period.end) + dt.timedelta(days=rng.randint(-20, 25)))
        finished = max(finished, period.start)
        late = task.due_date is not None and finished > task.due_date
        return {"task_id": task.pk, "state": "completed_late" if late else "completed", "percent": 100,
                "completed_on": finished, "progress": rng.choice(PROGRESS_LINES), "output": task.output[:200]}
    percent = max(5, min(95, int(fraction * 100) // 5 * 5))
    return {"task_id": task.pk, "state": "in_progress", "percent": percent, "progress": rng.choice(PROGRESS_LINES)}


def _goal(target: Target) -> tuple[float, float]:
    """(starting value, goal) for a target's plausible trend."""
    milestone = target.milestones.exclude(value__isnull=True).order_by("year").first()
    percent = (target.unit_of_measure or "").strip() == "%"
    goal = float(milestone.value) if milestone is not None else (80.0 if percent else 50.0)
    base = float(target.baseline_value) if target.baseline_value is not None else goal * 0.45
    if percent:
        goal, base = min(goal, 100.0), min(base, 100.0)
    return base, goal


def _value_row(value: Any, period: ReportingPeriod, start: dt.date) -> dict[str, Any]:
    target = value.target
    rng = _rng("value", _key(target), _pkey(period))
    base, goal = _goal(target)
    years = max(0.0, (period.end - start).days / 365.0)
    trend = base + (goal - base) * min(1.0, years / 5.0) * _rng("pace", "target", _key(target)).uniform(0.7, 1.2)
    figure = trend * rng.uniform(0.97, 1.03)
    if (target.unit_of_measure or "").strip() == "%":
        figure = max(0.0, min(100.0, figure))
    precise = decimal.Decimal(str(round(figure, 1 if abs(figure) < 1000 else 0)))
    return {"target_id": target.pk, "value": precise, "measured_on": min(period.end, timezone.localdate()),
            "source": f"Số liệu thống kê của {value.submission.unit.short_name or value.submission.unit.name}"}


def _outcome(unit: OrgUnit, period: ReportingPeriod, today: dt.date, latest: bool) -> str:
    """What happened to this unit's report: approved, approved after a return, submitted, returned, draft, missing.

    `latest`: the period is the last one of its frequency already due, so its review is still going on.
    """
    roll = _rng("outcome", unit.code, _pkey(period)).random()
    if period.due_date > today:
        return "draft" if roll < 0.6 else "missing"
    if latest:
        if unit.code in ("dong-nai.so-tai-chinh", "phuong-long-binh.ubnd"):
            return "submitted"  # a report waiting for the demo standing agencies
        if unit.code == "dong-nai.so-khcn":
            return "returned"  # a report the demo reporter must fix
        return ("submitted", "returned", "approved", "draft", "missing")[min(4, int(roll * 5))]
    if roll < 0.08:
        return "missing"
    return "approved_after_return" if roll < 0.2 else "approved"


def _moment(day: dt.date, hour: int = 9) -> dt.datetime:
    return timezone.make_aware(dt.datetime.combine(day, dt.time(hour)))


def report(document: Document, unit: OrgUnit, period: ReportingPeriod, today: dt.date,
           latest: bool = False) -> Submission | None:
    outcome = _outcome(unit, period, today, latest)
    if outcome == "missing":
        return None
    rng = _rng("report", unit.code, _pkey(period))
    start = document.issued_on or period.start
    sub = actions.get_or_create_draft(ACTOR, unit, period, is_demo=True)
    if sub.state != SubmissionState.DRAFT:
        return sub
    tasks = [_task_row(r, period, start) for r in sub.task_reports.select_related("task__document")]
    values = [_value_row(v, period, start) for v in sub.values.select_related("target__document", "submission__unit")]
    if outcome == "draft":  # half filled: some rows confirmed, the rest still carried forward
        tasks, values = tasks[: len(tasks) // 2], values[: len(values) // 2]
    difficulty = DIFFICULTIES[rng.randrange(len(DIFFICULTIES))] if rng.random() < 0.3 else None
    sub = actions.save_draft(ACTOR, sub, expected_version=sub.version, task_reports=tasks, values=values,
                             summary=f"{unit.name} báo cáo kết quả thực hiện {period.label}.",
                             difficulties=difficulty[1] if difficulty else "")
    if outcome == "draft":
        return sub
    late_days = rng.choice((0, 0, 0, 0, 0, 0, 0, 0, 3, 8)) if outcome != "submitted" else rng.choice((0, 0, 3))
    sent = period.due_date + dt.timedelta(days=late_days - (0 if late_days else rng.randint(1, 4)))
    sent = min(sent, today)
    actions.submit_report(ACTOR, sub)
    if outcome in ("returned", "approved_after_return"):
        actions.return_report(ACTOR, sub, "Đề nghị bổ sung minh chứng và cập nhật số liệu chỉ tiêu theo số liệu thống kê.")
        if outcome == "approved_after_return":
            sub = actions.save_draft(ACTOR, sub, expected_version=sub.version, values=values)
            actions.submit_report(ACTOR, sub)
    if outcome in ("approved", "approved_after_return"):
        actions.approve_report(ACTOR, sub)
    _backdate(sub, sent, today)
    if difficulty and outcome.startswith("approved"):
        _recommendation(sub, difficulty, sent, today)
    return sub


def _backdate(sub: Submission, sent: dt.date, today: dt.date) -> None:
    """Demo only: move the report's times back to when it would have been sent and reviewed."""
    reviewed = min(today, sent + dt.timedelta(days=3))
    Submission.objects.filter(pk=sub.pk).update(
        submitted_at=_moment(sent), approved_at=_moment(reviewed, 15) if sub.state == SubmissionState.APPROVED else None)
    for event in SubmissionEvent.objects.filter(submission=sub):
        day = sent - dt.timedelta(days=2) if event.kind in ("created", "saved") else (
            sent if event.kind == "submitted" else reviewed)
        SubmissionEvent.objects.filter(pk=event.pk).update(at=_moment(day, 10))


def _recommendation(sub: Submission, difficulty: tuple[str, str, str], sent: dt.date, today: dt.date) -> None:
    title, body, category = difficulty
    rec = actions.raise_recommendation(ACTOR, title=title, body=body, category=category, unit=sub.unit, submission=sub)
    due = sent + dt.timedelta(days=actions.response_days())
    Recommendation.objects.filter(pk=rec.pk).update(created_at=_moment(sent), due_date=due, is_demo=True)
    rec.refresh_from_db()
    roll = _rng("rec", sub.unit.code, _pkey(sub.period), rec.title).random()
    if roll < 0.15 or due >= today:
        return  # still open: a countdown, or overdue and escalated by the reminder run
    actions.start_handling(ACTOR, rec)
    answered = due + dt.timedelta(days=_rng("late", sub.unit.code, _pkey(sub.period)).choice((-8, -3, 2, 6)))
    actions.answer_recommendation(ACTOR, rec, "Đã tiếp thu; đơn vị chủ trì tham mưu bố trí trong kế hoạch năm tiếp theo.")
    Recommendation.objects.filter(pk=rec.pk).update(answered_at=_moment(min(answered, today), 14))
    if roll > 0.8:
        actions.close_recommendation(ACTOR, rec)


def _public_recommendations(documents: list[Document], today: dt.date) -> int:
    unit = OrgUnit.objects.filter(code="dong-nai.so-khcn").first()
    if unit is None or Recommendation.objects.filter(is_demo=True, is_public=True).exists():
        return 0
    for n, (title, body, sender, category) in enumerate(PUBLIC_RECOMMENDATIONS):
        rec = actions.raise_recommendation(ACTOR, title=title, body=body, category=category, routed_to=unit,
                                           public_sender=sender)
        created = today - dt.timedelta(days=12 - 4 * n)
        Recommendation.objects.filter(pk=rec.pk).update(
            is_public=True, is_demo=True, created_at=_moment(created),
            due_date=created + dt.timedelta(days=actions.response_days()))
    return len(PUBLIC_RECOMMENDATIONS)


def generate_demo_reports(documents: list[Document], log: Callable[[str], Any] = print,
                          today: dt.date | None = None) -> dict[str, int]:
    """Reports for the published seed plans. Idempotent: a plan that already has demo reports is skipped."""
    today = today or timezone.localdate()
    counts = {"submissions": 0, "approved": 0, "late": 0}
    for document in documents:
        if Submission.objects.filter(period__document=document, is_demo=True).exists():
            continue
        with transaction.atomic():
            assigned = assign_unmatched(document)
            made = _document_reports(document, today, log)
        approved = sum(1 for s in made if s.state == SubmissionState.APPROVED)
        late = sum(1 for s in made if s.is_late)
        counts["submissions"] += len(made)
        counts["approved"] += approved
        counts["late"] += late
        log(f"  + {document}: {len(made)} báo cáo ({approved} đã phê duyệt, {late} gửi muộn)"
            + (f"; {assigned} nhiệm vụ/chỉ tiêu chưa rõ đơn vị được gán cho đơn vị của chủ kế hoạch" if assigned else ""))
    with transaction.atomic():
        public = _public_recommendations(documents, today)
        escalated = actions.escalate_overdue(today)
        Recommendation.objects.filter(is_demo=False, submission__is_demo=True).update(is_demo=True)
    log(f"  + {public} kiến nghị của người dân, doanh nghiệp; {len(escalated)} kiến nghị quá hạn được chuyển cấp trên")
    return counts


def _document_reports(document: Document, today: dt.date, log: Callable[[str], Any]) -> list[Submission]:
    units = schedule.obliged_units(document)
    made = []
    periods = demo_periods(document, today)
    # the last period of each frequency that fell due recently is still being reviewed
    latest = {p.frequency: p.pk for p in periods if today - dt.timedelta(days=IN_REVIEW_DAYS) <= p.due_date <= today}
    for period in periods:
        for unit in units:
            try:
                sub = report(document, unit, period, today, latest.get(period.frequency) == period.pk)
            except ReportingError as exc:  # a seed row the checks refuse: show it, keep going
                log(f"  ! {unit} {period}: {exc}")
                continue
            if sub is not None:
                sub.refresh_from_db()
                made.append(sub)
    return made

"""Every state change of periodic reporting: periods, drafts, submission, review, recommendations.

Each action is atomic, checks the actor's rights through `giamsat.org.access`, writes a
`SubmissionEvent` (with a snapshot of the values where they are about to change hands) and an
audit event, and sends mail only after the transaction commits.

`actor` is a user, or a string naming a trusted internal caller ("demo", "system", a management
command): those run without a role check, as in `giamsat.plans.actions`. Anonymous users may only
raise a public recommendation.
"""

from __future__ import annotations

import datetime as dt
import decimal
import logging
import re
from collections.abc import Callable, Iterable
from typing import Any

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.files.base import ContentFile
from django.core.mail import send_mail
from django.db import IntegrityError, transaction
from django.db.models import Q
from django.utils import timezone
from rapidfuzz import fuzz

from giamsat.audit.actions import record
from giamsat.domain.states import ReportedTaskState, SubmissionState
from giamsat.org import access
from giamsat.org.models import Membership, OrgUnit, Role
from giamsat.plans.matching import fold
from giamsat.plans.models import Document, Target, Task
from giamsat.reporting import access as reporting_access
from giamsat.reporting import schedule
from giamsat.reporting.errors import ConflictError, LockedError, NotAllowed, ReportingError, ValidationError
from giamsat.reporting.evidence import check_upload
from giamsat.reporting.models import (
    Attachment,
    IndicatorValue,
    Recommendation,
    ReportingPeriod,
    Submission,
    SubmissionEvent,
    TaskReport,
)

logger = logging.getLogger(__name__)

EDITABLE_STATES = (SubmissionState.DRAFT.value, SubmissionState.RETURNED.value)
DONE_STATES = (ReportedTaskState.COMPLETED.value, ReportedTaskState.COMPLETED_LATE.value)
RESPONSE_DAYS = 15
DUPLICATE_SCORE = 88.0

# --- rights -----------------------------------------------------------------------------------


def _is_system(actor: Any) -> bool:
    return isinstance(actor, str)


def _require(actor: Any, check: Callable[[Any, OrgUnit], bool], unit: OrgUnit, message: str) -> None:
    if _is_system(actor):
        return
    if actor is None or not getattr(actor, "is_authenticated", False) or not check(actor, unit):
        raise NotAllowed(message)


def _user(actor: Any) -> Any:
    return actor if getattr(actor, "is_authenticated", False) else None


# --- history ----------------------------------------------------------------------------------


def submission_snapshot(submission: Submission) -> dict[str, Any]:
    """Every value of a submission as plain JSON: what `SubmissionEvent.snapshot` keeps."""
    return {
        "state": submission.state,
        "version": submission.version,
        "summary": submission.summary,
        "difficulties": submission.difficulties,
        "proposals": submission.proposals,
        "task_reports": [
            {"task_id": r.task_id, "is_lead": r.is_lead, "state": r.state, "percent": r.percent,
             "completed_on": r.completed_on.isoformat() if r.completed_on else None, "progress": r.progress,
             "output": r.output, "difficulties": r.difficulties, "recommendations": r.recommendations,
             "suspended_reason": r.suspended_reason, "occurrence": r.occurrence, "carried_forward": r.carried_forward}
            for r in submission.task_reports.order_by("task__order", "pk")
        ],
        "values": [
            {"target_id": v.target_id, "value": None if v.value is None else str(v.value), "text_value": v.text_value,
             "measured_on": v.measured_on.isoformat() if v.measured_on else None, "source": v.source, "note": v.note,
             "carried_forward": v.carried_forward}
            for v in submission.values.order_by("target__order", "pk")
        ],
        "attachments": [{"name": a.name, "sha256": a.sha256} for a in submission.attachments.order_by("pk")],
    }


def _event(submission: Submission, kind: str, actor: Any, from_state: str, *, comment: str = "",
           with_snapshot: bool = False) -> SubmissionEvent:
    return SubmissionEvent.objects.create(
        submission=submission, kind=kind, from_state=from_state, to_state=submission.state, actor=_user(actor),
        comment=comment, snapshot=submission_snapshot(submission) if with_snapshot else None,
    )


def _audit(actor: Any, action: str, submission: Submission, before: dict[str, Any] | None = None,
           after: dict[str, Any] | None = None, reason: str = "") -> None:
    record(actor, f"reporting.{action}", submission, unit_id=submission.unit_id, before=before, after=after, reason=reason)


def _lock(submission: Submission) -> Submission:
    """The submission's row read anew under its lock, with its period and unit (`access.read_submission`)."""
    sub = reporting_access.read_submission(submission.pk, for_update=True)
    if sub is None:
        raise Submission.DoesNotExist("Submission matching query does not exist.")
    return sub


def _refresh(target: Submission, source: Submission) -> Submission:
    """Let the caller's object see the new state, so it cannot be reused with a stale version."""
    target.__dict__.update({k: v for k, v in source.__dict__.items() if not k.startswith("_")})
    return target


# --- mail -------------------------------------------------------------------------------------


def unit_staff(unit: OrgUnit, roles: Iterable[Role] = (Role.REPORTER, Role.APPROVER)) -> list[Any]:
    ids = Membership.objects.filter(unit=unit, role__in=[str(r) for r in roles]).values("user_id")
    return list(get_user_model().objects.filter(pk__in=ids, is_active=True).order_by("username"))


def reviewers_of(unit: OrgUnit) -> list[Any]:
    """The standing agency staff whose scope reaches the unit."""
    found = []
    for m in Membership.objects.filter(role=Role.STANDING_AGENCY).select_related("user", "unit"):
        if m.user.is_active and access.can_review(m.user, unit) and m.user not in found:
            found.append(m.user)
    return found


def notify(users: Iterable[Any], subject: str, body: str) -> list[str]:
    """Mail the users who have an address, after the transaction commits. Returns the addresses."""
    emails = sorted({u.email for u in users if getattr(u, "email", "")})
    if emails:
        transaction.on_commit(lambda: _send(subject, body, emails))
    return emails


def _send(subject: str, body: str, emails: list[str]) -> None:
    try:
        send_mail(subject, body, settings.DEFAULT_FROM_EMAIL, emails)
    except OSError:  # a mail server down must not undo a report already saved
        logger.exception("giamsat: could not send mail to %s", emails)


# --- periods and drafts -------------------------------------------------------------------------


@transaction.atomic
def open_periods(document: Document, today: dt.date | None = None) -> list[ReportingPeriod]:
    """Create the plan's reporting periods up to today (idempotent); returns them in order."""
    today = today or timezone.localdate()
    out, created = [], 0
    for p in schedule.plan_periods(document, today):
        period, made = ReportingPeriod.objects.get_or_create(
            document=document, frequency=p.frequency.value, year=p.year, index=p.index,
            defaults={"label": p.label, "start": p.start, "end": p.end, "due_date": p.due_date, "key": p.key},
        )
        created += made
        out.append(period)
    if created:
        record("system", "reporting.periods_opened", document, unit_id=document.owner_id, after={"created": created})
    return sorted(out, key=lambda x: (x.due_date, x.end))


def _engine_period(period: ReportingPeriod) -> Any:
    from giamsat.evaluate.periods import make_period

    return make_period(schedule.Frequency(period.frequency), period.year, period.index,
                       schedule.regime_for(period.document))


@transaction.atomic
def get_or_create_draft(actor: Any, unit: OrgUnit, period: ReportingPeriod, *, is_demo: bool = False) -> Submission:
    """The unit's submission for the period; a new one lists its task and indicator rows, carried forward."""
    _require(actor, access.can_enter_report, unit, "Bạn không có quyền lập báo cáo cho đơn vị này.")
    existing = Submission.objects.filter(unit=unit, period=period).first()
    if existing is not None:
        if existing.state in EDITABLE_STATES and _add_missing_rows(existing):
            _event(existing, "rows_added", actor, existing.state, comment="Bổ sung nhiệm vụ, chỉ tiêu mới được giao")
        return existing
    try:
        with transaction.atomic():
            submission = Submission.objects.create(unit=unit, period=period, is_demo=is_demo)
    except IntegrityError:  # a colleague opened it a moment ago
        return Submission.objects.get(unit=unit, period=period)
    _add_missing_rows(submission)
    _event(submission, "created", actor, "")
    _audit(actor, "draft_created", submission, after={"tasks": submission.task_reports.count(),
                                                     "values": submission.values.count()})
    return submission


def _add_missing_rows(submission: Submission) -> int:
    """Rows for the unit's tasks and indicators not yet in the submission (new ones assigned since), carried forward."""
    unit, period = submission.unit, submission.period
    have_tasks = set(submission.task_reports.values_list("task_id", flat=True))
    have_targets = set(submission.values.values_list("target_id", flat=True))
    task_rows = [r for r in schedule.task_rows(unit, period.document, _engine_period(period)) if r.task.pk not in have_tasks]
    targets = [t for t in schedule.target_rows(unit, period.document) if t.pk not in have_targets]
    last_tasks = _last_approved(TaskReport.objects.filter(task_id__in=[r.task.pk for r in task_rows]), unit, period, "task_id")
    last_values = _last_approved(IndicatorValue.objects.filter(target_id__in=[t.pk for t in targets]), unit, period, "target_id")
    TaskReport.objects.bulk_create([
        TaskReport(submission=submission, task=row.task, is_lead=row.is_lead, occurrence=row.occurrence,
                   **_carried_task(last_tasks.get(row.task.pk), row))
        for row in task_rows])
    IndicatorValue.objects.bulk_create([
        IndicatorValue(submission=submission, target=target, **_carried_value(last_values.get(target.pk), target))
        for target in targets])
    return len(task_rows) + len(targets)


def _last_approved(rows: Any, unit: OrgUnit, period: ReportingPeriod, key: str) -> dict[int, Any]:
    """The latest approved row per task (or target) of the unit before the period: one query for all."""
    latest: dict[int, Any] = {}
    for row in rows.filter(_approved_before(unit, period)).order_by("submission__period__end", "pk"):
        latest[getattr(row, key)] = row
    return latest


def _approved_before(unit: OrgUnit, period: ReportingPeriod) -> Q:
    return Q(submission__unit=unit, submission__state=SubmissionState.APPROVED.value,
             submission__period__end__lt=period.end)


def _carried_task(last: TaskReport | None, row: schedule.TaskRow) -> dict[str, Any]:
    if last is None or last.occurrence != row.occurrence:
        return {}  # a recurring task's new occurrence is a new obligation: it starts afresh
    return {"state": last.state, "percent": last.percent, "completed_on": last.completed_on, "progress": last.progress,
            "output": last.output, "difficulties": last.difficulties, "recommendations": last.recommendations,
            "suspended_reason": last.suspended_reason, "carried_forward": True}


def _carried_value(last: IndicatorValue | None, target: Target) -> dict[str, Any]:
    if last is None:
        return {}
    if target.measure == Target.Measure.FLOW:  # a flow restarts each period: keep where it comes from, not the figure
        return {"source": last.source, "carried_forward": True}
    return {"value": last.value, "text_value": last.text_value, "measured_on": last.measured_on, "source": last.source,
            "note": last.note, "carried_forward": True}


# --- editing a draft ----------------------------------------------------------------------------

TASK_TEXT_FIELDS = ("progress", "output", "difficulties", "recommendations", "suspended_reason")
VALUE_TEXT_FIELDS = {"source": 300, "note": 10000, "text_value": 300}


def _require_editable(submission: Submission) -> None:
    if submission.state not in EDITABLE_STATES:
        raise LockedError(f"Báo cáo đang ở trạng thái “{submission.get_state_display()}”: không sửa được. "
                          "Muốn sửa, cơ quan thường trực phải trả lại hoặc mở lại báo cáo.")


def _check_version(submission: Submission, expected_version: Any) -> None:
    """`expected_version` may come straight from a form (a string); a missing or garbled one is a conflict too."""
    version = _as_int(expected_version)
    if version is None:
        raise ConflictError("Không rõ bạn đang sửa phiên bản nào của báo cáo. Hãy tải lại báo cáo và nhập lại thay đổi.")
    if version != submission.version:
        raise ConflictError("Báo cáo vừa được người khác lưu (phiên bản "
                            f"{submission.version}, bạn đang sửa phiên bản {version}). "
                            "Hãy tải lại báo cáo và nhập lại thay đổi của bạn.")


@transaction.atomic
def save_draft(actor: Any, submission: Submission, *, expected_version: int, summary: str | None = None,
               difficulties: str | None = None, proposals: str | None = None,
               task_reports: Iterable[dict[str, Any]] = (), values: Iterable[dict[str, Any]] = ()) -> Submission:
    """Save changes to a draft (or a returned report). Rows saved are confirmed (no longer carried forward).

    All or nothing: any bad row raises `ValidationError` listing every bad row, and nothing is saved.
    """
    sub = _lock(submission)
    _require(actor, access.can_enter_report, sub.unit, "Bạn không có quyền sửa báo cáo của đơn vị này.")
    _require_editable(sub)
    _check_version(sub, expected_version)
    errors: list[str] = []
    task_changes = _clean_task_rows(sub, list(task_reports), errors)
    value_changes = _clean_value_rows(sub, list(values), errors)
    texts = {k: v for k, v in (("summary", summary), ("difficulties", difficulties), ("proposals", proposals)) if v is not None}
    for key, text in texts.items():
        if not isinstance(text, str):
            errors.append(f"Trường “{Submission._meta.get_field(key).verbose_name}” phải là văn bản.")
    if errors:
        raise ValidationError("Báo cáo chưa được lưu vì có dữ liệu không hợp lệ:", errors)
    for row, changes in task_changes:
        for key, value in changes.items():
            setattr(row, key, value)
        row.carried_forward = False
        row.save()
    for value_row, changes in value_changes:
        for key, value in changes.items():
            setattr(value_row, key, value)
        value_row.carried_forward = False
        value_row.save()
    for key, text in texts.items():
        setattr(sub, key, text)
    sub.version += 1
    sub.save(update_fields=[*texts, "version", "updated_at"])  # what a save changes (the row is locked)
    _event(sub, "saved", actor, sub.state, comment=f"{len(task_changes)} nhiệm vụ, {len(value_changes)} chỉ tiêu")
    _audit(actor, "draft_saved", sub, after={"version": sub.version, "tasks": [r.task_id for r, _ in task_changes],
                                             "targets": [v.target_id for v, _ in value_changes]})
    return _refresh(submission, sub)


def _row_label(kind: str, index: Any, name: str) -> str:
    short = name if len(name) <= 60 else name[:57] + "…"
    return f"{kind} dòng {index} (“{short}”)"


def _clean_task_rows(sub: Submission, rows: list[dict[str, Any]], errors: list[str]) -> list[tuple[TaskReport, dict[str, Any]]]:
    if not rows:  # a save of the texts alone (the most frequent) reads none of the rows
        return []
    by_task = {r.task_id: r for r in sub.task_reports.select_related("task")}
    out = []
    for i, data in enumerate(rows, start=1):
        row = by_task.get(_as_int(data.get("task_id")))
        if row is None:
            errors.append(f"Nhiệm vụ dòng {data.get('_row', i)}: nhiệm vụ #{data.get('task_id')} không thuộc báo cáo này.")
            continue
        label = _row_label("Nhiệm vụ", data.get("_row", i), row.task.name)
        before = len(errors)
        changes = _clean_task_row(row, data, label, errors)
        if len(errors) == before:
            out.append((row, changes))
    return out


def _clean_task_row(row: TaskReport, data: dict[str, Any], label: str, errors: list[str]) -> dict[str, Any]:
    changes: dict[str, Any] = {}
    if "state" in data:
        if data["state"] not in {s.value for s in ReportedTaskState}:
            errors.append(f"{label}: trạng thái “{data['state']}” không hợp lệ.")
        else:
            changes["state"] = str(data["state"])
    if "percent" in data:
        percent = _as_int(data["percent"])
        if percent is None or not 0 <= percent <= 100:
            errors.append(f"{label}: tiến độ “{data['percent']}” phải là số nguyên từ 0 đến 100.")
        else:
            changes["percent"] = percent
    if "completed_on" in data:
        try:
            changes["completed_on"] = parse_date(data["completed_on"])
        except ValueError:
            errors.append(f"{label}: ngày hoàn thành “{data['completed_on']}” không đúng định dạng ngày (dd/mm/yyyy).")
    for key in TASK_TEXT_FIELDS:
        if key in data:
            if data[key] is not None and not isinstance(data[key], str):
                errors.append(f"{label}: “{TaskReport._meta.get_field(key).verbose_name}” phải là văn bản.")
            else:
                changes[key] = (data[key] or "").strip()
    state = changes.get("state", row.state)
    if state in DONE_STATES:
        if not changes.get("completed_on", row.completed_on if "completed_on" not in changes else None):
            errors.append(f"{label}: đã hoàn thành thì phải ghi ngày hoàn thành.")
        if changes.get("percent", 100) not in (100, row.percent):  # an unchanged old figure is simply replaced
            errors.append(f"{label}: đã hoàn thành thì tiến độ phải là 100%.")
        changes["percent"] = 100
    elif changes.get("completed_on"):
        errors.append(f"{label}: chỉ ghi ngày hoàn thành khi nhiệm vụ đã hoàn thành.")
    elif "state" in changes:
        changes["completed_on"] = None
    if state == ReportedTaskState.SUSPENDED.value and not changes.get("suspended_reason", row.suspended_reason):
        errors.append(f"{label}: tạm dừng thì phải nêu lý do.")
    return changes


def _clean_value_rows(sub: Submission, rows: list[dict[str, Any]], errors: list[str]) -> list[tuple[IndicatorValue, dict[str, Any]]]:
    if not rows:
        return []
    by_target = {v.target_id: v for v in sub.values.select_related("target")}
    out = []
    for i, data in enumerate(rows, start=1):
        row = by_target.get(_as_int(data.get("target_id")))
        if row is None:
            errors.append(f"Chỉ tiêu dòng {data.get('_row', i)}: chỉ tiêu #{data.get('target_id')} không thuộc báo cáo này.")
            continue
        label = _row_label("Chỉ tiêu", data.get("_row", i), row.target.name)
        before = len(errors)
        changes = _clean_value_row(row, data, label, errors)
        if len(errors) == before:
            out.append((row, changes))
    return out


def _clean_value_row(row: IndicatorValue, data: dict[str, Any], label: str, errors: list[str]) -> dict[str, Any]:
    changes: dict[str, Any] = {}
    if "value" in data:
        try:
            changes["value"] = parse_value(data["value"], row.target.unit_of_measure)
        except ValueError as exc:
            errors.append(f"{label}: {exc}")
    if "measured_on" in data:
        try:
            day = parse_date(data["measured_on"])
        except ValueError:
            errors.append(f"{label}: ngày số liệu “{data['measured_on']}” không đúng định dạng ngày (dd/mm/yyyy).")
        else:
            if day and day > timezone.localdate():
                errors.append(f"{label}: ngày số liệu {day:%d/%m/%Y} ở tương lai.")
            changes["measured_on"] = day
    for key, limit in VALUE_TEXT_FIELDS.items():
        if key in data:
            text = data[key]
            if text is not None and not isinstance(text, str):
                errors.append(f"{label}: “{key}” phải là văn bản.")
            elif text and len(text) > limit:
                errors.append(f"{label}: “{key}” dài quá {limit} ký tự.")
            else:
                changes[key] = (text or "").strip()
    return changes


_NUMBER = re.compile(r"^\s*([-+]?\d[\d.,\s]*)\s*(.*?)\s*$")


def parse_value(raw: Any, unit_of_measure: str = "") -> decimal.Decimal | None:
    """A number from a form, an API or a spreadsheet cell; the unit, if written, must be the target's."""
    if raw is None or raw == "":
        return None
    if isinstance(raw, bool):
        raise ValueError(f"giá trị “{raw}” không phải là số.")
    if isinstance(raw, (int, float, decimal.Decimal)):
        number = decimal.Decimal(str(raw))
    else:
        match = _NUMBER.match(str(raw))
        if match is None:
            raise ValueError(f"giá trị “{raw}” không phải là số.")
        number = _decimal_from_text(match.group(1), raw)
        written = match.group(2)
        if written and fold(written) != fold(unit_of_measure or ""):
            expected = f"“{unit_of_measure}”" if unit_of_measure else "không có đơn vị"
            raise ValueError(f"đơn vị “{written}” của giá trị “{raw}” không khớp đơn vị tính của chỉ tiêu ({expected}).")
    if not number.is_finite():
        raise ValueError(f"giá trị “{raw}” không phải là số.")
    if (unit_of_measure or "").strip() == "%" and not 0 <= number <= 100:
        raise ValueError(f"giá trị {raw} nằm ngoài khoảng 0–100%.")
    if abs(number) >= decimal.Decimal(10) ** 16:
        raise ValueError(f"giá trị {raw} quá lớn.")
    return number.quantize(decimal.Decimal("0.0001"))


def _decimal_from_text(text: str, raw: Any) -> decimal.Decimal:
    text = text.replace(" ", "")
    if "," in text and "." in text:  # 1.234,5 (Vietnamese) or 1,234.5
        text = text.replace(".", "").replace(",", ".") if text.rfind(",") > text.rfind(".") else text.replace(",", "")
    elif "," in text:
        text = text.replace(",", ".")
    elif text.count(".") > 1:
        text = text.replace(".", "")
    try:
        return decimal.Decimal(text)
    except decimal.InvalidOperation as exc:
        raise ValueError(f"giá trị “{raw}” không phải là số.") from exc


def parse_date(raw: Any) -> dt.date | None:
    if raw is None or raw == "":
        return None
    if isinstance(raw, dt.datetime):
        return raw.date()
    if isinstance(raw, dt.date):
        return raw
    text = str(raw).strip()
    for fmt in ("%Y-%m-%d", "%d/%m/%Y", "%d-%m-%Y", "%d.%m.%Y"):
        try:
            return dt.datetime.strptime(text, fmt).date()  # noqa: DTZ007 - a calendar day, no time zone
        except ValueError:
            continue
    raise ValueError(text)


def _as_int(raw: Any) -> int | None:
    if isinstance(raw, bool):
        return None
    if isinstance(raw, int):
        return raw
    if isinstance(raw, float) and raw.is_integer():
        return int(raw)
    if isinstance(raw, (str, decimal.Decimal)) and str(raw).strip().lstrip("-").isdigit():
        return int(str(raw).strip())
    return None


@transaction.atomic
def add_attachment(actor: Any, submission: Submission, uploaded_file: Any, task_report: TaskReport | None = None) -> Attachment:
    """Attach evidence to an editable submission (or one of its task rows). Type is checked by content."""
    sub = _lock(submission)
    _require(actor, access.can_enter_report, sub.unit, "Bạn không có quyền gửi tài liệu cho báo cáo của đơn vị này.")
    _require_editable(sub)
    if task_report is not None and task_report.submission_id != sub.pk:
        raise ValidationError("Dòng nhiệm vụ không thuộc báo cáo này.")
    checked = check_upload(uploaded_file)
    attachment = Attachment(submission=sub, task_report=task_report, name=checked.name, content_type=checked.content_type,
                            size=len(checked.content), sha256=checked.sha256, uploaded_by=_user(actor))
    attachment.file.save(checked.name, ContentFile(checked.content), save=False)
    attachment.save()
    _event(sub, "attachment_added", actor, sub.state, comment=checked.name)
    _audit(actor, "attachment_added", sub, after={"name": checked.name, "sha256": checked.sha256, "size": attachment.size})
    return attachment


# --- the workflow -------------------------------------------------------------------------------


@transaction.atomic
def submit_report(actor: Any, submission: Submission) -> Submission:
    """The unit's approver sends the report to the standing agency."""
    sub = _lock(submission)
    _require(actor, access.can_submit_report, sub.unit, "Chỉ lãnh đạo đơn vị (người phê duyệt) mới gửi được báo cáo.")
    _require_editable(sub)
    problems = _submission_problems(sub)
    if problems:
        raise ValidationError("Báo cáo chưa gửi được:", problems)
    before, resubmission = sub.state, sub.state == SubmissionState.RETURNED.value
    sub.state = SubmissionState.SUBMITTED.value
    sub.submitted_at = sub.submitted_at or timezone.now()
    sub.submitted_by = _user(actor) or sub.submitted_by
    sub.version += 1
    sub.save()
    _event(sub, "resubmitted" if resubmission else "submitted", actor, before, with_snapshot=True)
    _audit(actor, "submitted", sub, before={"state": before}, after={"state": sub.state, "late_days": sub.days_late()})
    notify(reviewers_of(sub.unit), f"[giamsat] {sub.unit} đã gửi báo cáo {sub.period.label}",
           f"{sub.unit} đã gửi báo cáo {sub.period.label} ({sub.period.document}). Vui lòng xem xét, phê duyệt hoặc trả lại.")
    return _refresh(submission, sub)


def _submission_problems(sub: Submission) -> list[str]:
    problems = []
    for row in sub.task_reports.select_related("task").filter(carried_forward=True):
        problems.append(f"Nhiệm vụ “{row.task.name[:60]}”: số liệu chuyển từ kỳ trước chưa được xác nhận.")
    for value in sub.values.select_related("target").filter(carried_forward=True):
        problems.append(f"Chỉ tiêu “{value.target.name[:60]}”: số liệu chuyển từ kỳ trước chưa được xác nhận.")
    for row in sub.task_reports.select_related("task").filter(state=ReportedTaskState.SUSPENDED.value, suspended_reason=""):
        problems.append(f"Nhiệm vụ “{row.task.name[:60]}”: tạm dừng nhưng chưa nêu lý do.")
    return problems


@transaction.atomic
def approve_report(actor: Any, submission: Submission) -> Submission:
    """The standing agency accepts the report; its data now count and are locked."""
    sub = _lock(submission)
    _require(actor, access.can_review, sub.unit, "Chỉ cơ quan thường trực mới phê duyệt được báo cáo.")
    if sub.state != SubmissionState.SUBMITTED.value:
        raise LockedError(f"Chỉ phê duyệt được báo cáo đã gửi; báo cáo này đang “{sub.get_state_display()}”.")
    sub.state = SubmissionState.APPROVED.value
    sub.approved_at, sub.approved_by = timezone.now(), _user(actor)
    sub.version += 1
    sub.save()
    _event(sub, "approved", actor, SubmissionState.SUBMITTED.value, with_snapshot=True)
    _audit(actor, "approved", sub, before={"state": "submitted"}, after={"state": sub.state})
    _record_facts(sub)
    notify(unit_staff(sub.unit), f"[giamsat] Báo cáo {sub.period.label} đã được phê duyệt",
           f"Báo cáo {sub.period.label} của {sub.unit} đã được cơ quan thường trực phê duyệt.")
    transaction.on_commit(lambda: _refresh_figures(sub))
    return _refresh(submission, sub)


def _record_facts(submission: Submission) -> None:
    """Rebuild the unit's pre-aggregated task histories in the same transaction as the state change
    (`evaluation.refresh_facts` is their one writer)."""
    from giamsat.reporting import evaluation

    evaluation.refresh_facts({submission.unit_id})


def _refresh_figures(submission: Submission) -> None:
    """Update the cached evaluations incrementally; correctness never depends on it (the cache is
    keyed by a data version), it only spares the next dashboard a full evaluation. Then the kept
    figures of the scopes holding the unit are recomputed in the background."""
    from giamsat.reporting import evaluation

    evaluation.on_submission_approved(submission)
    _refresh_kept(submission)


def _refresh_kept(submission: Submission) -> None:
    """Queue the recomputation of today's kept dashboard figures that hold the submission's unit
    (`evaluation.refresh_after_change`). Correctness never depends on it: a kept row whose scope
    changed no longer matches its version, and the next read computes and keeps it."""
    from giamsat.reporting import tasks

    try:
        tasks.refresh_kept_figures(submission.pk)
    except Exception:  # the queue being down must not fail a committed approval
        logger.exception("Không đưa được việc tính lại số liệu bảng điều hành vào hàng đợi")


def _need_reason(reason: str, what: str) -> str:
    reason = (reason or "").strip()
    if not reason:
        raise ValidationError(f"Phải nêu lý do {what}.")
    return reason


@transaction.atomic
def return_report(actor: Any, submission: Submission, reason: str) -> Submission:
    """The standing agency sends the report back with comments; the unit fixes and resubmits it."""
    sub = _lock(submission)
    _require(actor, access.can_review, sub.unit, "Chỉ cơ quan thường trực mới trả lại được báo cáo.")
    reason = _need_reason(reason, "trả lại báo cáo")
    if sub.state != SubmissionState.SUBMITTED.value:
        raise LockedError(f"Chỉ trả lại được báo cáo đã gửi; báo cáo này đang “{sub.get_state_display()}”.")
    sub.state = SubmissionState.RETURNED.value
    sub.return_count += 1
    sub.last_comment = reason
    sub.version += 1
    sub.save()
    _event(sub, "returned", actor, SubmissionState.SUBMITTED.value, comment=reason)
    _audit(actor, "returned", sub, before={"state": "submitted"}, after={"state": sub.state}, reason=reason)
    notify(unit_staff(sub.unit), f"[giamsat] Báo cáo {sub.period.label} bị trả lại",
           f"Cơ quan thường trực trả lại báo cáo {sub.period.label} của {sub.unit}.\nÝ kiến: {reason}")
    transaction.on_commit(lambda: _refresh_kept(sub))
    return _refresh(submission, sub)


@transaction.atomic
def reopen_report(actor: Any, submission: Submission, reason: str) -> Submission:
    """Unlock an approved report for correction. The approved values stay in the event's snapshot."""
    sub = _lock(submission)
    _require(actor, access.can_review, sub.unit, "Chỉ cơ quan thường trực mới mở lại được báo cáo đã phê duyệt.")
    reason = _need_reason(reason, "mở lại báo cáo")
    if sub.state != SubmissionState.APPROVED.value:
        raise LockedError(f"Chỉ mở lại được báo cáo đã phê duyệt; báo cáo này đang “{sub.get_state_display()}”.")
    approved = submission_snapshot(sub)
    sub.state = SubmissionState.RETURNED.value
    sub.approved_at = sub.approved_by = None
    sub.last_comment = reason
    sub.version += 1
    sub.save()
    SubmissionEvent.objects.create(submission=sub, kind="reopened", from_state=SubmissionState.APPROVED.value,
                                   to_state=sub.state, actor=_user(actor), comment=reason, snapshot=approved)
    _audit(actor, "reopened", sub, before=approved, after={"state": sub.state}, reason=reason)
    _record_facts(sub)
    notify(unit_staff(sub.unit), f"[giamsat] Báo cáo {sub.period.label} được mở lại để điều chỉnh",
           f"Báo cáo {sub.period.label} của {sub.unit} được mở lại.\nLý do: {reason}")
    transaction.on_commit(lambda: _refresh_kept(sub))
    return _refresh(submission, sub)


# --- recommendations ----------------------------------------------------------------------------


def find_duplicates(title: str, body: str, *, routed_to: OrgUnit | None = None,
                    exclude: Recommendation | None = None) -> list[tuple[Recommendation, float]]:
    """Open recommendations that say the same thing (folded text, rapidfuzz), best first."""
    query = fold(f"{title} {body}")
    open_recs = Recommendation.objects.filter(state__in=Recommendation.OPEN_STATES)
    if routed_to is not None:
        open_recs = open_recs.filter(routed_to=routed_to)
    if exclude is not None:
        open_recs = open_recs.exclude(pk=exclude.pk)
    found = []
    for rec in open_recs.only("pk", "title", "body", "state"):
        score = max(fuzz.token_set_ratio(query, fold(f"{rec.title} {rec.body}")),
                    fuzz.token_sort_ratio(fold(title), fold(rec.title)))
        if score >= DUPLICATE_SCORE:
            found.append((rec, float(score)))
    return sorted(found, key=lambda x: -x[1])


def _default_route(unit: OrgUnit | None, submission: Submission | None, task: Task | None) -> OrgUnit | None:
    if task is not None and task.lead_id and task.lead_id != getattr(unit, "pk", None):
        return task.lead
    document = task.document if task is not None else (submission.period.document if submission is not None else None)
    if document is not None and document.owner_id:
        return document.owner
    return unit.parent if unit is not None else None


def response_days() -> int:
    return int(getattr(settings, "GIAMSAT_RECOMMENDATION_RESPONSE_DAYS", RESPONSE_DAYS))


@transaction.atomic
def raise_recommendation(actor: Any, *, title: str, body: str, category: str, unit: OrgUnit | None = None,
                         routed_to: OrgUnit | None = None, submission: Submission | None = None, task: Task | None = None,
                         public_sender: str = "", public_contact: str = "", evidence: Iterable[Any] = ()) -> Recommendation:
    """A difficulty or proposal from a unit's report, from a unit on its own, or from the public page."""
    title, body = (title or "").strip(), (body or "").strip()
    errors = []
    if not title:
        errors.append("Chưa có tiêu đề kiến nghị.")
    if not body:
        errors.append("Chưa có nội dung kiến nghị.")
    if category not in Recommendation.Category.values:
        errors.append(f"Lĩnh vực “{category}” không hợp lệ.")
    if submission is not None:
        unit = unit or submission.unit
    public = not _is_system(actor) and not getattr(actor, "is_authenticated", False)
    if public and (unit is not None or submission is not None):
        raise NotAllowed("Người dân, doanh nghiệp không gửi được kiến nghị thay cho một đơn vị hay một báo cáo.")
    if public and not public_sender.strip():
        errors.append("Người gửi (công dân, doanh nghiệp) phải ghi họ tên hoặc tên doanh nghiệp.")
    if errors:
        raise ValidationError("Kiến nghị chưa được gửi:", errors)
    if unit is not None and not public:
        _require(actor, access.can_enter_report, unit, "Bạn không có quyền gửi kiến nghị thay đơn vị này.")
    elif not public and not _is_system(actor) and not access.is_admin(actor) and not public_sender:
        raise NotAllowed("Kiến nghị của cán bộ phải ghi rõ đơn vị gửi.")
    routed_to = routed_to or _default_route(unit, submission, task)
    if routed_to is None:
        raise ValidationError("Chưa xác định được đơn vị có trách nhiệm trả lời kiến nghị.")
    checked = [check_upload(f) for f in evidence]
    duplicates = find_duplicates(title, body, routed_to=routed_to)
    rec = Recommendation.objects.create(
        title=title[:300], body=body, category=category, raised_by=_user(actor), raised_by_unit=unit,
        public_sender=public_sender.strip()[:200], public_contact=public_contact.strip()[:200], submission=submission,
        task=task, routed_to=routed_to, due_date=timezone.localdate() + dt.timedelta(days=response_days()),
        duplicate_of=duplicates[0][0] if duplicates else None, is_public=public,
        is_demo=bool(submission and submission.is_demo),
    )
    for item in checked:
        attachment = Attachment(recommendation=rec, name=item.name, content_type=item.content_type,
                                size=len(item.content), sha256=item.sha256, uploaded_by=_user(actor))
        attachment.file.save(item.name, ContentFile(item.content), save=False)
        attachment.save()
    record(actor if not public else f"public:{public_sender.strip()[:100]}", "reporting.recommendation_raised", rec,
           unit_id=routed_to.pk, after={"routed_to": routed_to.code, "duplicate_of": rec.duplicate_of_id,
                                        "evidence": [c.name for c in checked]})
    notify(unit_staff(routed_to), f"[giamsat] Kiến nghị mới: {rec.title[:80]}",
           f"{rec.title}\n\n{rec.body}\n\nHạn trả lời: {rec.due_date:%d/%m/%Y}.")
    return rec


def _lock_rec(rec: Recommendation) -> Recommendation:
    return Recommendation.objects.select_for_update(of=("self",)).select_related("routed_to").get(pk=rec.pk)


def _can_answer(user: Any, unit: OrgUnit) -> bool:
    return access.can_submit_report(user, unit) or access.can_enter_report(user, unit) or access.can_review(user, unit)


def _transition(actor: Any, rec: Recommendation, allowed_from: tuple[str, ...], to: str, action: str,
                reason: str = "", **fields: Any) -> Recommendation:
    if rec.state not in allowed_from:
        raise LockedError(f"Kiến nghị đang “{rec.get_state_display()}”: không thể chuyển sang "
                          f"“{Recommendation.State(to).label}”.")
    before = {"state": rec.state}
    rec.state = to
    for key, value in fields.items():
        setattr(rec, key, value)
    rec.save()
    record(actor, f"reporting.recommendation_{action}", rec, unit_id=rec.routed_to_id, before=before,
           after={"state": to, **{k: str(v) for k, v in fields.items()}}, reason=reason)
    return rec


@transaction.atomic
def start_handling(actor: Any, rec: Recommendation) -> Recommendation:
    locked = _lock_rec(rec)
    _require(actor, _can_answer, locked.routed_to, "Chỉ đơn vị được giao trả lời mới xử lý được kiến nghị này.")
    return _refresh(rec, _transition(actor, locked, ("new",), "in_progress", "handling"))  # type: ignore[arg-type]


@transaction.atomic
def answer_recommendation(actor: Any, rec: Recommendation, answer: str) -> Recommendation:
    locked = _lock_rec(rec)
    _require(actor, lambda u, unit: access.can_submit_report(u, unit) or access.can_review(u, unit), locked.routed_to,
             "Chỉ lãnh đạo đơn vị được giao (hoặc cơ quan thường trực) mới trả lời được kiến nghị.")
    answer = (answer or "").strip()
    if not answer:
        raise ValidationError("Nội dung trả lời đang trống.")
    done = _transition(actor, locked, Recommendation.OPEN_STATES, "answered", "answered", answer=answer,
                       answered_at=timezone.now(), answered_by=_user(actor))
    recipients = unit_staff(done.raised_by_unit) if done.raised_by_unit else []
    notify(recipients + ([done.raised_by] if done.raised_by else []), f"[giamsat] Kiến nghị đã được trả lời: {done.title[:80]}",
           f"{done.title}\n\nTrả lời của {done.routed_to}:\n{answer}")
    return _refresh(rec, done)  # type: ignore[arg-type]


@transaction.atomic
def close_recommendation(actor: Any, rec: Recommendation, reason: str = "") -> Recommendation:
    """Close a recommendation: the raising unit accepts the answer, or the answering side closes a duplicate."""
    locked = _lock_rec(rec)
    raised = locked.raised_by_unit

    def allowed(user: Any, unit: OrgUnit) -> bool:
        return _can_answer(user, unit) or bool(raised and access.can_enter_report(user, raised))

    _require(actor, allowed, locked.routed_to, "Bạn không có quyền đóng kiến nghị này.")
    if locked.state != "answered" and not (reason or "").strip():
        raise ValidationError("Đóng kiến nghị chưa được trả lời thì phải nêu lý do (ví dụ: trùng với kiến nghị khác).")
    done = _transition(actor, locked, ("new", "in_progress", "answered"), "closed", "closed", reason=reason,
                       closed_at=timezone.now())
    return _refresh(rec, done)  # type: ignore[arg-type]


@transaction.atomic
def escalate_overdue(today: dt.date | None = None) -> list[Recommendation]:
    """Open recommendations past their response deadline go up one level (once) and their staff are told."""
    today = today or timezone.localdate()
    escalated = []
    overdue = (Recommendation.objects.select_for_update(of=("self",)).select_related("routed_to")
               .filter(state__in=Recommendation.OPEN_STATES, due_date__lt=today, escalated_at__isnull=True))
    for rec in overdue:
        target = rec.routed_to.parent if rec.routed_to and rec.routed_to.parent_id else rec.routed_to
        rec.escalated_at, rec.escalated_to = timezone.now(), target
        rec.save(update_fields=["escalated_at", "escalated_to"])
        record("system", "reporting.recommendation_escalated", rec, unit_id=rec.routed_to_id,
               after={"escalated_to": target.code if target else None, "due_date": str(rec.due_date)})
        people = (reviewers_of(rec.routed_to) if rec.routed_to else []) + (unit_staff(target, (Role.APPROVER,)) if target else [])
        notify(people, f"[giamsat] Kiến nghị quá hạn trả lời: {rec.title[:80]}",
               f"Kiến nghị “{rec.title}” giao {rec.routed_to} trả lời trước {rec.due_date:%d/%m/%Y} "
               f"đã quá hạn {(today - rec.due_date).days} ngày và được chuyển lên {target}.")
        escalated.append(rec)
    return escalated


__all__ = [
    "ConflictError", "LockedError", "NotAllowed", "ReportingError", "ValidationError",
    "add_attachment", "answer_recommendation", "approve_report", "close_recommendation", "escalate_overdue",
    "find_duplicates", "get_or_create_draft", "open_periods", "raise_recommendation", "reopen_report",
    "return_report", "save_draft", "start_handling", "submit_report",
]

"""Periodic reporting: periods, submissions per unit, task reports, indicator values, recommendations.

Workflow rows change only through `giamsat.reporting.actions`; each change writes a
`SubmissionEvent` and an audit event.
"""

from __future__ import annotations

import datetime as dt

from django.conf import settings
from django.db import models
from django.utils import timezone

from giamsat.domain.states import (
    FREQUENCY_LABELS,
    REPORTED_TASK_STATE_LABELS,
    SUBMISSION_STATE_LABELS,
    Frequency,
)
from giamsat.org.models import OrgUnit
from giamsat.plans.models import Document, Target, Task


class ReportingPeriod(models.Model):
    document = models.ForeignKey(Document, on_delete=models.CASCADE, related_name="periods")
    frequency = models.CharField(max_length=20, choices=[(f.value, FREQUENCY_LABELS[f]) for f in Frequency])
    year = models.PositiveIntegerField()
    index = models.PositiveIntegerField()
    label = models.CharField(max_length=100)
    start = models.DateField("số liệu từ ngày")
    end = models.DateField("số liệu đến ngày")
    due_date = models.DateField("hạn gửi báo cáo")
    key = models.CharField("mã kỳ", max_length=12, blank=True, help_text="Ví dụ 2026-M03, 2026-Q1, 2026-Y1.")

    class Meta:
        ordering = ["document", "end", "frequency"]
        constraints = [
            models.UniqueConstraint(fields=["document", "frequency", "year", "index"], name="uniq_period")
        ]
        indexes = [models.Index(fields=["end"], name="period_end")]  # the dashboard's latest closed period
        verbose_name = "kỳ báo cáo"
        verbose_name_plural = "kỳ báo cáo"

    def __str__(self) -> str:
        return self.label


class Submission(models.Model):
    """One unit's report for one period. `version` guards against lost concurrent updates."""

    period = models.ForeignKey(ReportingPeriod, on_delete=models.PROTECT, related_name="submissions")
    unit = models.ForeignKey(OrgUnit, on_delete=models.PROTECT, related_name="submissions")
    state = models.CharField(
        max_length=20, choices=[(s.value, label) for s, label in SUBMISSION_STATE_LABELS.items()], default="draft",
        db_index=True,
    )
    version = models.PositiveIntegerField(default=1)
    summary = models.TextField("tóm tắt kết quả", blank=True)
    difficulties = models.TextField("khó khăn, vướng mắc", blank=True)
    proposals = models.TextField("đề xuất, kiến nghị", blank=True)
    submitted_at = models.DateTimeField(null=True, blank=True)
    submitted_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+")
    approved_at = models.DateTimeField(null=True, blank=True)
    approved_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+")
    return_count = models.PositiveIntegerField(default=0)
    last_comment = models.TextField(blank=True)
    is_demo = models.BooleanField(default=False)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["-period__end", "unit__name"]
        constraints = [models.UniqueConstraint(fields=["period", "unit"], name="uniq_submission")]
        indexes = [  # the evaluation's data version: newest change and count out of draft, without a table scan
            models.Index(fields=["updated_at"], condition=~models.Q(state="draft"), name="reporting_sub_out_of_draft"),
        ]
        verbose_name = "báo cáo"
        verbose_name_plural = "báo cáo"

    def __str__(self) -> str:
        return f"{self.unit} — {self.period}"

    @property
    def is_locked(self) -> bool:
        return self.state in ("submitted", "approved")

    @property
    def is_late(self) -> bool:
        """Submitted after the due date, or still not submitted once the due date has passed."""
        return self.days_late() > 0

    def days_late(self, today: dt.date | None = None) -> int:
        """Days past the due date: until submission for one not in yet, at submission for one that is."""
        if self.submitted_at is not None:
            day = timezone.localdate(self.submitted_at)
        else:
            day = today or timezone.localdate()
        return max(0, (day - self.period.due_date).days)

    @property
    def has_unconfirmed_rows(self) -> bool:
        return self.task_reports.filter(carried_forward=True).exists() or self.values.filter(carried_forward=True).exists()


class TaskReport(models.Model):
    submission = models.ForeignKey(Submission, on_delete=models.CASCADE, related_name="task_reports")
    task = models.ForeignKey(Task, on_delete=models.PROTECT, related_name="reports")
    is_lead = models.BooleanField(default=True)
    state = models.CharField(
        max_length=20, choices=[(s.value, label) for s, label in REPORTED_TASK_STATE_LABELS.items()], default="not_started"
    )
    percent = models.PositiveSmallIntegerField("tiến độ (%)", default=0)
    completed_on = models.DateField("ngày hoàn thành", null=True, blank=True)
    progress = models.TextField("kết quả thực hiện trong kỳ", blank=True)
    output = models.TextField("sản phẩm", blank=True)
    difficulties = models.TextField("khó khăn, vướng mắc", blank=True)
    recommendations = models.TextField("kiến nghị", blank=True)
    suspended_reason = models.TextField("lý do tạm dừng", blank=True)
    carried_forward = models.BooleanField("chuyển từ kỳ trước, chưa xác nhận", default=False)
    occurrence = models.CharField(
        "lần thực hiện", max_length=12, blank=True,
        help_text="Kỳ của nhiệm vụ lặp lại (hằng tháng, hằng năm…) mà dòng này báo cáo, ví dụ 2026-Y1.",
    )

    class Meta:
        ordering = ["submission", "task__order"]
        constraints = [models.UniqueConstraint(fields=["submission", "task"], name="uniq_task_report")]
        verbose_name = "báo cáo nhiệm vụ"
        verbose_name_plural = "báo cáo nhiệm vụ"

    def __str__(self) -> str:
        return f"{self.task} — {self.get_state_display()}"


class IndicatorValue(models.Model):
    submission = models.ForeignKey(Submission, on_delete=models.CASCADE, related_name="values")
    target = models.ForeignKey(Target, on_delete=models.PROTECT, related_name="values")
    value = models.DecimalField(max_digits=20, decimal_places=4, null=True, blank=True)
    text_value = models.CharField(max_length=300, blank=True)
    measured_on = models.DateField("ngày số liệu", null=True, blank=True)
    source = models.CharField("nguồn", max_length=300, blank=True)
    note = models.TextField("ghi chú", blank=True)
    carried_forward = models.BooleanField("chuyển từ kỳ trước, chưa xác nhận", default=False)

    class Meta:
        ordering = ["submission", "target__order"]
        constraints = [models.UniqueConstraint(fields=["submission", "target"], name="uniq_indicator_value")]
        verbose_name = "số liệu chỉ tiêu"
        verbose_name_plural = "số liệu chỉ tiêu"

    def __str__(self) -> str:
        return f"{self.target}: {self.value}"


class TaskHistory(models.Model):
    """Derived: one task's approved reports by its own unit, packed in one row for fast reading.

    A copy of `TaskReport` rows, so it has one writer (`evaluation.refresh_facts`, called by the
    approval actions, by the rebuild command and by the evaluation itself when a unit's `FactsStamp`
    no longer matches its approved submissions). Format: `evaluation.pack_report`.
    """

    task = models.OneToOneField(Task, primary_key=True, on_delete=models.CASCADE, related_name="+")
    unit = models.ForeignKey(OrgUnit, on_delete=models.CASCADE, related_name="+")
    reports = models.TextField()

    class Meta:
        indexes = [models.Index(fields=["unit"], name="task_history_unit")]
        verbose_name = "lịch sử báo cáo nhiệm vụ (tổng hợp)"
        verbose_name_plural = "lịch sử báo cáo nhiệm vụ (tổng hợp)"

    def __str__(self) -> str:
        return f"Lịch sử báo cáo của nhiệm vụ {self.task_id}"


class FactsStamp(models.Model):
    """Which approved submissions of a unit its `TaskHistory` rows were built from (count, sum of
    ids, latest change): the evaluation rebuilds a unit's rows when this no longer matches."""

    unit = models.OneToOneField(OrgUnit, primary_key=True, on_delete=models.CASCADE, related_name="+")
    stamp = models.CharField(max_length=100)

    class Meta:
        verbose_name = "dấu phiên bản dữ liệu tổng hợp"
        verbose_name_plural = "dấu phiên bản dữ liệu tổng hợp"

    def __str__(self) -> str:
        return f"Đơn vị {self.unit_id}: {self.stamp}"


class KeptFigures(models.Model):
    """Derived: one dashboard's figures (`evaluation.DashboardFigures` as JSON) for one scope and day,
    kept so that a new process reads them instead of evaluating the scope again.

    Only scopes that do not depend on the viewer are kept: a unit's whole subtree (or every unit), so
    `units` lists exactly the units evaluated and a viewer may use the row only when it sees all of
    them. `version` is `evaluation.scope_version(units)` read before the figures were computed: the
    row counts only while the scope's data still give that version. One writer:
    `evaluation` (on a read that missed, and the background refresh after an approval).
    """

    key = models.CharField(max_length=200)  # root unit, document, theme, period ("u12|d-|t-|p-")
    as_of = models.DateField()
    unit = models.ForeignKey(OrgUnit, null=True, blank=True, on_delete=models.CASCADE, related_name="+")
    document_id = models.IntegerField(null=True, blank=True)
    theme = models.CharField(max_length=100, blank=True)
    period_id = models.IntegerField(null=True, blank=True)
    units = models.TextField(blank=True)  # the evaluated units' ids, space-separated; "" = every unit
    version = models.CharField(max_length=300)
    figures = models.TextField()
    computed_at = models.DateTimeField(default=timezone.now, db_index=True)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["key", "as_of"], name="uniq_kept_figures")]
        verbose_name = "số liệu bảng điều hành (lưu sẵn)"
        verbose_name_plural = "số liệu bảng điều hành (lưu sẵn)"

    def __str__(self) -> str:
        return f"{self.key} ngày {self.as_of:%d/%m/%Y}"


class KeptPlanResults(models.Model):
    """Derived: the engine's statuses of one published plan's tasks and targets, the plan evaluated alone (as
    its pages show them), for one day: a page that misses the page cache reads them instead of evaluating.

    `version` is `evaluation.plan_version(document)` read before the evaluation: the row counts only while
    the plan's submissions, rows and links, and the unit tree, still give that version. One writer:
    `evaluation` (on a read that missed, and the background refresh after an approval)."""

    document = models.ForeignKey(Document, on_delete=models.CASCADE, related_name="+")
    as_of = models.DateField()
    version = models.CharField(max_length=64)
    results = models.TextField()
    computed_at = models.DateTimeField(default=timezone.now, db_index=True)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["document", "as_of"], name="uniq_kept_plan_results")]
        verbose_name = "tình trạng nhiệm vụ, chỉ tiêu của kế hoạch (lưu sẵn)"
        verbose_name_plural = "tình trạng nhiệm vụ, chỉ tiêu của kế hoạch (lưu sẵn)"

    def __str__(self) -> str:
        return f"Kế hoạch {self.document_id} ngày {self.as_of:%d/%m/%Y}"


class Attachment(models.Model):
    """Evidence: a file attached to a submission (or one of its task rows) or to a recommendation."""

    submission = models.ForeignKey(Submission, null=True, blank=True, on_delete=models.CASCADE, related_name="attachments")
    recommendation = models.ForeignKey(
        "Recommendation", null=True, blank=True, on_delete=models.CASCADE, related_name="attachments"
    )
    task_report = models.ForeignKey(TaskReport, null=True, blank=True, on_delete=models.CASCADE, related_name="attachments")
    file = models.FileField(upload_to="evidence/%Y/%m/")
    name = models.CharField(max_length=255)
    content_type = models.CharField(max_length=100)
    size = models.PositiveIntegerField()
    sha256 = models.CharField(max_length=64)
    uploaded_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+")
    uploaded_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = "tài liệu minh chứng"
        verbose_name_plural = "tài liệu minh chứng"

    def __str__(self) -> str:
        return self.name


class SubmissionEvent(models.Model):
    """The history of a submission: every transition with its comment and a snapshot of the values."""

    submission = models.ForeignKey(Submission, on_delete=models.CASCADE, related_name="events")
    kind = models.CharField(max_length=30)
    from_state = models.CharField(max_length=20, blank=True)
    to_state = models.CharField(max_length=20, blank=True)
    actor = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+")
    at = models.DateTimeField(auto_now_add=True)
    comment = models.TextField(blank=True)
    snapshot = models.JSONField(null=True, blank=True)

    class Meta:
        ordering = ["submission", "at", "id"]
        verbose_name = "lịch sử báo cáo"
        verbose_name_plural = "lịch sử báo cáo"

    def __str__(self) -> str:
        return f"{self.kind} {self.at:%Y-%m-%d %H:%M}"


class Recommendation(models.Model):
    """A difficulty or proposal (kiến nghị) routed to the unit that must answer it."""

    class State(models.TextChoices):
        NEW = "new", "Mới"
        IN_PROGRESS = "in_progress", "Đang xử lý"
        ANSWERED = "answered", "Đã trả lời"
        CLOSED = "closed", "Đã đóng"

    class Category(models.TextChoices):
        POLICY = "policy", "Cơ chế, chính sách"
        FUNDING = "funding", "Kinh phí, đầu tư"
        INFRASTRUCTURE = "infrastructure", "Hạ tầng, thiết bị"
        HUMAN = "human", "Nhân lực"
        DATA = "data", "Dữ liệu, phần mềm"
        PUBLIC_SERVICE = "public_service", "Dịch vụ công"
        OTHER = "other", "Khác"

    title = models.CharField("tiêu đề", max_length=300)
    body = models.TextField("nội dung")
    category = models.CharField(max_length=30, choices=Category.choices, default=Category.OTHER)
    state = models.CharField(max_length=20, choices=State.choices, default=State.NEW, db_index=True)
    raised_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+")
    raised_by_unit = models.ForeignKey(OrgUnit, null=True, blank=True, on_delete=models.PROTECT, related_name="raised_recommendations")
    public_sender = models.CharField("người gửi (công dân, doanh nghiệp)", max_length=200, blank=True)
    public_contact = models.CharField("liên hệ", max_length=200, blank=True)
    submission = models.ForeignKey(Submission, null=True, blank=True, on_delete=models.SET_NULL, related_name="recommendation_items")
    task = models.ForeignKey(Task, null=True, blank=True, on_delete=models.SET_NULL, related_name="recommendations")
    routed_to = models.ForeignKey(OrgUnit, null=True, blank=True, on_delete=models.PROTECT, related_name="recommendations_to_answer")
    due_date = models.DateField("hạn trả lời", null=True, blank=True)
    answer = models.TextField("nội dung trả lời", blank=True)
    answered_at = models.DateTimeField(null=True, blank=True)
    answered_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+")
    escalated_at = models.DateTimeField(null=True, blank=True)
    escalated_to = models.ForeignKey(
        OrgUnit, null=True, blank=True, on_delete=models.PROTECT, related_name="escalated_recommendations",
        verbose_name="chuyển cấp trên",
    )
    duplicate_of = models.ForeignKey("self", null=True, blank=True, on_delete=models.SET_NULL, related_name="duplicates")
    is_public = models.BooleanField("công khai", default=False)
    is_demo = models.BooleanField(default=False)
    created_at = models.DateTimeField(auto_now_add=True)
    closed_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at"]
        verbose_name = "kiến nghị"
        verbose_name_plural = "kiến nghị"

    def __str__(self) -> str:
        return self.title

    OPEN_STATES = ("new", "in_progress")

    @property
    def is_open(self) -> bool:
        return self.state in self.OPEN_STATES

    def days_left(self, today: dt.date | None = None) -> int | None:
        """Countdown to the response deadline (negative when overdue); None once answered or without a deadline."""
        if self.due_date is None or not self.is_open:
            return None
        return (self.due_date - (today or timezone.localdate())).days

    def is_overdue(self, today: dt.date | None = None) -> bool:
        left = self.days_left(today)
        return left is not None and left < 0

    @property
    def answered_late(self) -> bool:
        return bool(self.answered_at and self.due_date and timezone.localdate(self.answered_at) > self.due_date)


class ReminderLog(models.Model):
    """One reminder sent to one unit for one period, so the scheduler never sends it twice."""

    period = models.ForeignKey(ReportingPeriod, on_delete=models.CASCADE, related_name="reminders")
    unit = models.ForeignKey(OrgUnit, on_delete=models.CASCADE, related_name="+")
    kind = models.CharField(max_length=20)
    sent_on = models.DateField()
    recipients = models.JSONField(default=list, blank=True)

    class Meta:
        ordering = ["-sent_on"]
        constraints = [models.UniqueConstraint(fields=["period", "unit", "kind"], name="uniq_reminder")]
        verbose_name = "lần nhắc báo cáo"
        verbose_name_plural = "nhắc báo cáo"

    def __str__(self) -> str:
        return f"{self.unit} — {self.period} — {self.kind}"

"""Criteria sets (bộ tiêu chí) and the yearly assessment rounds run on them.

A criteria set is data: a tree of groups, criteria and sub-criteria with maximum points and a
scoring method. Opening a round freezes the set it uses; after that it never changes, so a
published score can always be explained against the criteria it was given on.

A round has one `Participant` per unit; each participant has one `Entry` per criterion that
applies to its kind of unit. Every change goes through `giamsat.assessment.actions`.
"""

from __future__ import annotations

from decimal import Decimal

from django.conf import settings
from django.db import models

from giamsat.org.models import OrgUnit, UnitKind


class Method(models.TextChoices):
    GROUP = "group", "Nhóm (cộng điểm các tiêu chí con)"
    YES_NO = "yes_no", "Có/Không"
    SCALE = "scale", "Thang điểm"
    FORMULA = "formula", "Tính từ số liệu giamsat"
    MANUAL = "manual", "Chấm tay kèm minh chứng"


class Formula(models.TextChoices):
    TASK_ON_TIME = "task_on_time", "Tỷ lệ nhiệm vụ hoàn thành đúng hạn của đơn vị"
    COMPOSITE = "composite", "Điểm tổng hợp mức độ hoàn thành nhiệm vụ (thẻ điểm)"
    INDICATOR = "indicator", "Giá trị chỉ tiêu (so với mức đạt điểm tối đa)"


class CriteriaSet(models.Model):
    code = models.SlugField("mã", max_length=80, unique=True)
    year = models.PositiveIntegerField("năm áp dụng")
    name = models.CharField("tên bộ tiêu chí", max_length=300)
    note = models.TextField("ghi chú", blank=True)
    owner = models.ForeignKey(OrgUnit, null=True, blank=True, on_delete=models.PROTECT, related_name="+",
                              verbose_name="cơ quan ban hành")
    is_sample = models.BooleanField("bộ mẫu", default=False)
    frozen_at = models.DateTimeField("khoá lúc", null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-year", "code"]
        verbose_name = "bộ tiêu chí"
        verbose_name_plural = "bộ tiêu chí"

    def __str__(self) -> str:
        return f"{self.name} ({self.year})"

    @property
    def is_frozen(self) -> bool:
        return self.frozen_at is not None


class Criterion(models.Model):
    criteria_set = models.ForeignKey(CriteriaSet, on_delete=models.CASCADE, related_name="criteria")
    parent = models.ForeignKey("self", null=True, blank=True, on_delete=models.CASCADE, related_name="children")
    code = models.CharField("mã", max_length=20)
    title = models.CharField("tên tiêu chí", max_length=500)
    max_points = models.DecimalField("điểm tối đa", max_digits=7, decimal_places=2)
    method = models.CharField("cách chấm", max_length=10, choices=Method.choices, default=Method.MANUAL)
    formula = models.CharField("công thức", max_length=20, choices=Formula.choices, blank=True)
    indicator_code = models.CharField("mã chỉ tiêu chuẩn", max_length=60, blank=True)
    full_at = models.DecimalField("giá trị đạt điểm tối đa", max_digits=20, decimal_places=4, null=True, blank=True)
    scale = models.JSONField("các mức điểm của thang", default=list, blank=True)
    applies_to = models.JSONField("áp dụng cho loại đơn vị", default=list, blank=True)
    evidence_required = models.BooleanField("yêu cầu minh chứng", default=False)
    guidance = models.TextField("hướng dẫn chấm", blank=True)
    order = models.PositiveIntegerField(default=0)

    class Meta:
        ordering = ["criteria_set", "order", "pk"]
        constraints = [models.UniqueConstraint(fields=["criteria_set", "code"], name="uniq_criterion_code")]
        verbose_name = "tiêu chí"
        verbose_name_plural = "tiêu chí"

    def __str__(self) -> str:
        return f"{self.code}. {self.title}"

    @property
    def is_group(self) -> bool:
        return self.method == Method.GROUP

    @property
    def depth(self) -> int:
        return self.code.count(".")

    @property
    def applies_to_text(self) -> str:
        labels = dict(UnitKind.choices)
        return ", ".join(str(labels.get(k, k)) for k in self.applies_to) or "mọi đơn vị"

    @property
    def scale_text(self) -> str:
        return "; ".join(f"{Decimal(str(s)).normalize():f}".replace(".", ",") for s in self.scale)

    def applies(self, kind: str) -> bool:
        return not self.applies_to or kind in self.applies_to


class RoundState(models.TextChoices):
    OPEN = "open", "Đang tự đánh giá"
    FINALIZED = "finalized", "Đã chốt điểm"
    PUBLISHED = "published", "Đã công bố"


class Round(models.Model):
    name = models.CharField("tên đợt đánh giá", max_length=300)
    year = models.PositiveIntegerField("năm đánh giá")
    criteria_set = models.ForeignKey(CriteriaSet, on_delete=models.PROTECT, related_name="rounds")
    organizer = models.ForeignKey(OrgUnit, on_delete=models.PROTECT, related_name="+", verbose_name="cơ quan tổ chức")
    opens_on = models.DateField("ngày mở")
    closes_on = models.DateField("hạn tự đánh giá")
    data_as_of = models.DateField("số liệu tính đến ngày")
    state = models.CharField(max_length=12, choices=RoundState.choices, default=RoundState.OPEN)
    opened_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+")
    finalized_at = models.DateTimeField(null=True, blank=True)
    published_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-year", "-pk"]
        verbose_name = "đợt đánh giá"
        verbose_name_plural = "đợt đánh giá"

    def __str__(self) -> str:
        return self.name


class ParticipantState(models.TextChoices):
    DRAFT = "draft", "Đang tự đánh giá"
    SUBMITTED = "submitted", "Đã gửi tự đánh giá"
    FINAL = "final", "Đã chốt"


class Participant(models.Model):
    round = models.ForeignKey(Round, on_delete=models.CASCADE, related_name="participants")
    unit = models.ForeignKey(OrgUnit, on_delete=models.PROTECT, related_name="assessments")
    state = models.CharField(max_length=12, choices=ParticipantState.choices, default=ParticipantState.DRAFT)
    submitted_at = models.DateTimeField(null=True, blank=True)
    submitted_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+")
    total = models.DecimalField("tổng điểm", max_digits=8, decimal_places=2, null=True, blank=True)
    max_total = models.DecimalField("điểm tối đa", max_digits=8, decimal_places=2, default=0)
    percent = models.FloatField("tỷ lệ điểm", null=True, blank=True)
    rank = models.PositiveIntegerField("xếp hạng", null=True, blank=True)
    band = models.CharField("xếp loại", max_length=40, blank=True)
    head_name = models.CharField("người đứng đầu", max_length=200, blank=True)
    head_title = models.CharField("chức danh", max_length=200, blank=True)

    class Meta:
        ordering = ["round", "unit__path"]
        constraints = [models.UniqueConstraint(fields=["round", "unit"], name="uniq_round_unit")]
        verbose_name = "đơn vị được đánh giá"
        verbose_name_plural = "đơn vị được đánh giá"

    def __str__(self) -> str:
        return f"{self.round} — {self.unit}"


class Entry(models.Model):
    """One criterion for one unit: the unit's score, the computed figure, the verification and the reply."""

    participant = models.ForeignKey(Participant, on_delete=models.CASCADE, related_name="entries")
    criterion = models.ForeignKey(Criterion, on_delete=models.PROTECT, related_name="entries")
    computed_score = models.DecimalField(max_digits=7, decimal_places=2, null=True, blank=True)
    computed_detail = models.CharField(max_length=500, blank=True)
    self_score = models.DecimalField("điểm tự chấm", max_digits=7, decimal_places=2, null=True, blank=True)
    self_note = models.TextField("giải trình", blank=True)
    override_reason = models.TextField("lý do thay đổi điểm tính tự động", blank=True)
    links = models.JSONField("đường dẫn minh chứng", default=list, blank=True)
    verified_score = models.DecimalField("điểm thẩm định", max_digits=7, decimal_places=2, null=True, blank=True)
    verify_comment = models.TextField("ý kiến thẩm định", blank=True)
    verified_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+")
    verified_at = models.DateTimeField(null=True, blank=True)
    reply = models.TextField("ý kiến phản hồi của đơn vị", blank=True)
    replied_at = models.DateTimeField(null=True, blank=True)
    final_score = models.DecimalField("điểm chốt", max_digits=7, decimal_places=2, null=True, blank=True)

    class Meta:
        ordering = ["participant", "criterion__order", "criterion__pk"]
        constraints = [models.UniqueConstraint(fields=["participant", "criterion"], name="uniq_entry")]
        verbose_name = "điểm tiêu chí"
        verbose_name_plural = "điểm tiêu chí"

    def __str__(self) -> str:
        return f"{self.participant.unit} — {self.criterion.code}"

    @property
    def was_adjusted(self) -> bool:
        return self.verified_score is not None and self.verified_score != self.self_score


class Evidence(models.Model):
    entry = models.ForeignKey(Entry, on_delete=models.CASCADE, related_name="evidence")
    file = models.FileField(upload_to="assessment/%Y/%m/")
    name = models.CharField(max_length=255)
    content_type = models.CharField(max_length=100)
    size = models.PositiveIntegerField()
    sha256 = models.CharField(max_length=64)
    uploaded_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+")
    uploaded_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = "minh chứng"
        verbose_name_plural = "minh chứng"

    def __str__(self) -> str:
        return self.name

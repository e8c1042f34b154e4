"""Plans as documents: objectives, targets with milestones, task groups, tasks, assignments.

Every row read from a document keeps where it came from (line span) and the
reader's confidence, so a reviewer can check it against the source.
"""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.db import models

from giamsat.domain.deadline import DeadlineSpec
from giamsat.domain.states import Comparator, Direction
from giamsat.org.models import OrgUnit


class Fold(models.Func):
    """`gs_fold(text)`: the text lowercased, its Vietnamese marks stripped, đ → d and runs of spaces made one —
    `giamsat.plans.matching.fold` in SQL (a Python function on each SQLite connection, an IMMUTABLE SQL
    function on PostgreSQL: `giamsat.portal.search`)."""

    function = "gs_fold"
    output_field = models.TextField()


def folded(field: str) -> models.GeneratedField:
    """A stored column holding `field` folded, kept by the database itself on every insert and update (bulk
    loads included): search reads it (and its trigram index on PostgreSQL) instead of folding every row."""
    return models.GeneratedField(expression=Fold(field), output_field=models.TextField(), db_persist=True)


class SourceSpan(models.Model):
    source_start_line = models.PositiveIntegerField(null=True, blank=True)
    source_end_line = models.PositiveIntegerField(null=True, blank=True)
    confidence = models.FloatField(null=True, blank=True)
    raw_text = models.TextField("văn bản gốc", blank=True)

    class Meta:
        abstract = True


class DocumentKind(models.TextChoices):
    RESOLUTION = "resolution", "Nghị quyết"
    PROGRAMME = "programme", "Chương trình hành động"
    PLAN = "plan", "Kế hoạch"
    DECISION = "decision", "Quyết định"
    DIRECTIVE = "directive", "Chỉ thị"
    OTHER = "other", "Văn bản khác"


class DocumentStatus(models.TextChoices):
    DRAFT = "draft", "Bản nháp (chờ rà soát)"
    PUBLISHED = "published", "Đã công bố"
    ARCHIVED = "archived", "Đã thay thế / lưu trữ"


class Document(models.Model):
    """An issued document; a plan when kind is plan or programme."""

    number = models.CharField("số, ký hiệu", max_length=100, blank=True, db_index=True)
    kind = models.CharField("loại văn bản", max_length=20, choices=DocumentKind.choices, default=DocumentKind.PLAN)
    issuer = models.ForeignKey(
        OrgUnit, null=True, blank=True, on_delete=models.PROTECT, related_name="documents", verbose_name="cơ quan ban hành"
    )
    issuer_text = models.CharField("cơ quan ban hành (theo văn bản)", max_length=300, blank=True)
    owner = models.ForeignKey(
        OrgUnit, null=True, blank=True, on_delete=models.PROTECT, related_name="owned_documents",
        verbose_name="đơn vị chịu trách nhiệm theo dõi",
    )
    issued_on = models.DateField("ngày ban hành", null=True, blank=True)
    title = models.TextField("trích yếu", blank=True)
    number_folded = folded("number")
    title_folded = folded("title")
    parents = models.ManyToManyField(
        "self", symmetrical=False, blank=True, related_name="children", verbose_name="văn bản thực hiện"
    )
    parent_refs = models.JSONField("văn bản thực hiện (theo văn bản)", default=list, blank=True)
    replaces = models.ManyToManyField(
        "self", symmetrical=False, blank=True, related_name="replaced_by", verbose_name="thay thế văn bản"
    )
    replaces_refs = models.JSONField(default=list, blank=True)
    status = models.CharField(max_length=20, choices=DocumentStatus.choices, default=DocumentStatus.DRAFT)
    confidential = models.BooleanField("mật", default=False)
    source_file = models.FileField(upload_to="documents/%Y/%m/", blank=True)
    source_text = models.TextField("văn bản nguồn (nguyên văn)", blank=True)
    restored_text = models.TextField("văn bản đã khôi phục dấu", blank=True)
    is_demo = models.BooleanField(default=False)
    created_at = models.DateTimeField(auto_now_add=True)
    published_at = models.DateTimeField(null=True, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        ordering = ["-issued_on", "number"]
        verbose_name = "văn bản / kế hoạch"
        verbose_name_plural = "văn bản / kế hoạch"

    def __str__(self) -> str:
        label = self.get_kind_display()
        return f"{label} {self.number}".strip() if self.number else f"{label}: {self.title[:80]}"

    @property
    def is_published(self) -> bool:
        return self.status == DocumentStatus.PUBLISHED


class Objective(SourceSpan):
    document = models.ForeignKey(Document, on_delete=models.CASCADE, related_name="objectives")
    is_general = models.BooleanField("mục tiêu chung", default=False)
    text = models.TextField("nội dung")
    order = models.PositiveIntegerField(default=0)

    class Meta:
        ordering = ["document", "order"]
        verbose_name = "mục tiêu"
        verbose_name_plural = "mục tiêu"

    def __str__(self) -> str:
        return self.text[:80]


class StandardIndicator(models.Model):
    """A catalogue indicator (DTI, R&D/GRDP, DVCTT…) that plan targets map to."""

    code = models.SlugField(max_length=60, unique=True)
    national_code = models.CharField("mã chỉ tiêu quốc gia", max_length=60, blank=True)
    name = models.CharField("tên chỉ tiêu", max_length=300)
    unit = models.CharField("đơn vị tính", max_length=60, blank=True)
    direction = models.CharField(max_length=10, choices=[(d.value, d.value) for d in Direction], default=Direction.HIGHER_IS_BETTER)
    definition = models.TextField(blank=True)
    synonyms = models.JSONField(default=list, blank=True)
    theme = models.CharField(max_length=60, blank=True)

    class Meta:
        ordering = ["code"]
        verbose_name = "chỉ tiêu chuẩn"
        verbose_name_plural = "danh mục chỉ tiêu chuẩn"

    def __str__(self) -> str:
        return self.name


class Target(SourceSpan):
    class Kind(models.TextChoices):
        STRATEGIC = "strategic", "Chiến lược"
        OPERATIONAL = "operational", "Tác nghiệp"

    class Measure(models.TextChoices):
        STOCK = "stock", "Giá trị tại thời điểm báo cáo"
        FLOW = "flow", "Phát sinh trong kỳ"

    document = models.ForeignKey(Document, on_delete=models.CASCADE, related_name="targets")
    objective = models.ForeignKey(Objective, null=True, blank=True, on_delete=models.SET_NULL, related_name="targets")
    code = models.CharField("mã", max_length=40, blank=True)
    name = models.TextField("tên chỉ tiêu")
    name_folded = folded("name")
    unit_of_measure = models.CharField("đơn vị tính", max_length=60, blank=True)
    direction = models.CharField(
        "chiều tốt", max_length=10, choices=[(Direction.HIGHER_IS_BETTER.value, "Càng cao càng tốt"), (Direction.LOWER_IS_BETTER.value, "Càng thấp càng tốt")],
        default=Direction.HIGHER_IS_BETTER,
    )
    kind = models.CharField(max_length=20, choices=Kind.choices, default=Kind.STRATEGIC)
    measure = models.CharField(max_length=10, choices=Measure.choices, default=Measure.STOCK)
    monotone = models.BooleanField(
        "lũy kế, không giảm", default=False,
        help_text="Số liệu cộng dồn không thể giảm: một giá trị thấp hơn giá trị trước là số liệu sai.",
    )
    cascade_denominator = models.DecimalField(
        "mẫu số khi tổng hợp lên cấp trên", max_digits=20, decimal_places=4, null=True, blank=True,
        help_text="Chỉ tiêu tỷ lệ phục vụ chỉ tiêu cấp trên: quy mô (ví dụ tổng số hồ sơ) làm trọng số khi tính tỷ lệ chung.",
    )
    baseline_value = models.DecimalField(max_digits=20, decimal_places=4, null=True, blank=True)
    baseline_year = models.PositiveIntegerField(null=True, blank=True)
    method = models.TextField("phương pháp tính", blank=True)
    data_source = models.CharField("nguồn số liệu", max_length=300, blank=True)
    frequency = models.CharField("kỳ báo cáo", max_length=20, blank=True)
    responsible = models.ForeignKey(
        OrgUnit, null=True, blank=True, on_delete=models.PROTECT, related_name="targets", verbose_name="đơn vị chủ trì"
    )
    responsible_text = models.CharField(max_length=300, blank=True)
    theme = models.CharField("lĩnh vực", max_length=60, blank=True)
    indicator = models.ForeignKey(
        StandardIndicator, null=True, blank=True, on_delete=models.SET_NULL, related_name="targets"
    )
    indicator_confirmed = models.BooleanField(default=False)
    serves = models.ForeignKey(
        "self", null=True, blank=True, on_delete=models.SET_NULL, related_name="served_by", verbose_name="phục vụ chỉ tiêu cấp trên"
    )
    order = models.PositiveIntegerField(default=0)

    class Meta:
        ordering = ["document", "order"]
        verbose_name = "chỉ tiêu"
        verbose_name_plural = "chỉ tiêu"

    def __str__(self) -> str:
        return self.name[:100]


class Milestone(models.Model):
    target = models.ForeignKey(Target, on_delete=models.CASCADE, related_name="milestones")
    year = models.PositiveIntegerField("năm")
    comparator = models.CharField(max_length=10, choices=[(c.value, c.value) for c in Comparator], default=Comparator.GE)
    value = models.DecimalField(max_digits=20, decimal_places=4, null=True, blank=True)
    value_high = models.DecimalField(max_digits=20, decimal_places=4, null=True, blank=True)
    raw_text = models.CharField(max_length=500, blank=True)

    class Meta:
        ordering = ["target", "year"]
        constraints = [models.UniqueConstraint(fields=["target", "year"], name="uniq_milestone_year")]
        verbose_name = "mốc"
        verbose_name_plural = "mốc"

    def __str__(self) -> str:
        return f"{self.year}: {self.comparator} {self.value}"


class TaskGroup(SourceSpan):
    document = models.ForeignKey(Document, on_delete=models.CASCADE, related_name="task_groups")
    parent = models.ForeignKey("self", null=True, blank=True, on_delete=models.CASCADE, related_name="children")
    code = models.CharField(max_length=40, blank=True)
    title = models.TextField("nhóm nhiệm vụ")
    order = models.PositiveIntegerField(default=0)

    class Meta:
        ordering = ["document", "order"]
        verbose_name = "nhóm nhiệm vụ"
        verbose_name_plural = "nhóm nhiệm vụ"

    def __str__(self) -> str:
        return f"{self.code} {self.title[:80]}".strip()


class Task(SourceSpan):
    """A task: the "5 rõ" — clear task, person, responsibility, time and result."""

    document = models.ForeignKey(Document, on_delete=models.CASCADE, related_name="tasks")
    group = models.ForeignKey(TaskGroup, null=True, blank=True, on_delete=models.SET_NULL, related_name="tasks")
    code = models.CharField(max_length=40, blank=True)
    name = models.TextField("nhiệm vụ")
    name_folded = folded("name")
    lead = models.ForeignKey(
        OrgUnit, null=True, blank=True, on_delete=models.PROTECT, related_name="led_tasks", verbose_name="cơ quan chủ trì"
    )
    lead_text = models.CharField(max_length=300, blank=True)
    coordinators = models.ManyToManyField(OrgUnit, blank=True, related_name="coordinated_tasks", verbose_name="cơ quan phối hợp")
    coordinators_text = models.TextField(blank=True)
    responsible_person = models.CharField("người chịu trách nhiệm", max_length=200, blank=True)
    output = models.TextField("kết quả, sản phẩm", blank=True)
    deadline_text = models.CharField("thời gian hoàn thành (theo văn bản)", max_length=300, blank=True)
    deadline = models.JSONField("thời hạn", null=True, blank=True)
    deadline_kind = models.CharField(max_length=20, blank=True, db_index=True)
    due_date = models.DateField("hạn hoàn thành", null=True, blank=True, db_index=True)
    assigned_by = models.ForeignKey(
        Document, null=True, blank=True, on_delete=models.SET_NULL, related_name="assigned_tasks",
        verbose_name="văn bản giao nhiệm vụ",
    )
    serves = models.ForeignKey(
        "self", null=True, blank=True, on_delete=models.SET_NULL, related_name="served_by", verbose_name="phục vụ nhiệm vụ cấp trên"
    )
    serves_targets = models.ManyToManyField(Target, blank=True, related_name="tasks", verbose_name="phục vụ chỉ tiêu")
    order = models.PositiveIntegerField(default=0)

    class Meta:
        ordering = ["document", "order"]
        verbose_name = "nhiệm vụ"
        verbose_name_plural = "nhiệm vụ"

    def __str__(self) -> str:
        return self.name[:100]

    @property
    def deadline_spec(self) -> DeadlineSpec | None:
        return DeadlineSpec.from_dict(self.deadline) if self.deadline else None

    def set_deadline(self, spec: DeadlineSpec | None) -> None:
        """Store a parsed deadline with its denormalised kind and due date for queries."""
        self.deadline = spec.to_dict() if spec else None
        self.deadline_kind = spec.kind.value if spec else ""
        self.due_date = spec.due_date if spec else None
        if spec and not self.deadline_text:
            self.deadline_text = spec.raw


class Assignment(SourceSpan):
    """A unit's duties from a plan's "Tổ chức thực hiện"."""

    document = models.ForeignKey(Document, on_delete=models.CASCADE, related_name="assignments")
    unit = models.ForeignKey(OrgUnit, null=True, blank=True, on_delete=models.PROTECT, related_name="assignments")
    unit_text = models.CharField(max_length=300, blank=True)
    duties = models.TextField("nhiệm vụ được giao")
    order = models.PositiveIntegerField(default=0)

    class Meta:
        ordering = ["document", "order"]
        verbose_name = "phân công"
        verbose_name_plural = "phân công"

    def __str__(self) -> str:
        return f"{self.unit or self.unit_text}: {self.duties[:60]}"


class ReportingRegime(models.Model):
    document = models.OneToOneField(Document, on_delete=models.CASCADE, related_name="reporting_regime")
    frequencies = models.JSONField("kỳ báo cáo", default=list)
    due_day = models.PositiveSmallIntegerField("hạn gửi (ngày trong tháng)", null=True, blank=True)
    cutoff_day = models.PositiveSmallIntegerField("ngày chốt số liệu", default=14)
    raw_text = models.TextField(blank=True)

    class Meta:
        verbose_name = "chế độ báo cáo"
        verbose_name_plural = "chế độ báo cáo"

    def __str__(self) -> str:
        return f"{self.document}: {', '.join(self.frequencies)}"


class ImportRun(models.Model):
    """One reading of an uploaded document: the file, progress, warnings, errors and the draft made."""

    class State(models.TextChoices):
        QUEUED = "queued", "Đang chờ"
        RUNNING = "running", "Đang đọc"
        SUCCEEDED = "succeeded", "Đã đọc xong"
        FAILED = "failed", "Lỗi"

    unit = models.ForeignKey(OrgUnit, null=True, blank=True, on_delete=models.PROTECT, related_name="import_runs")
    filename = models.CharField(max_length=255)
    file = models.FileField(upload_to="imports/%Y/%m/", blank=True)
    sha256 = models.CharField(max_length=64, blank=True, db_index=True)
    state = models.CharField(max_length=20, choices=State.choices, default=State.QUEUED)
    pages_done = models.PositiveIntegerField(default=0)
    pages_total = models.PositiveIntegerField(default=0)
    warnings = models.JSONField(default=list, blank=True)
    error = models.TextField(blank=True)
    result = models.JSONField(null=True, blank=True)
    document = models.ForeignKey(Document, null=True, blank=True, on_delete=models.SET_NULL, related_name="import_runs")
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)
    finished_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at"]
        verbose_name = "lượt nhập văn bản"
        verbose_name_plural = "lượt nhập văn bản"

    def __str__(self) -> str:
        return f"{self.filename} ({self.get_state_display()})"

    def progress_percent(self) -> int:
        return int(100 * self.pages_done / self.pages_total) if self.pages_total else (100 if self.state == "succeeded" else 0)


def deadline_from_json(data: dict[str, Any] | None) -> DeadlineSpec | None:
    return DeadlineSpec.from_dict(data) if data else None

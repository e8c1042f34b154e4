"""Units (the province's tree, with validity and successors after mergers) and roles per unit."""

from __future__ import annotations

import datetime as dt

from django.conf import settings
from django.core.validators import RegexValidator
from django.db import models


class UnitKind(models.TextChoices):
    CENTRAL = "central", "Trung ương"
    PROVINCE = "province", "Tỉnh, thành phố"
    PARTY_COMMITTEE = "party_committee", "Cấp ủy Đảng"
    PEOPLES_COMMITTEE = "peoples_committee", "Ủy ban nhân dân"
    DEPARTMENT = "department", "Sở, ban, ngành"
    DISTRICT = "district", "Cấp huyện (trước 7/2025)"
    COMMUNE = "commune", "Xã, phường, đặc khu"
    ENTERPRISE = "enterprise", "Doanh nghiệp"
    OTHER = "other", "Khác"


class OrgUnit(models.Model):
    """A unit that issues plans, leads tasks or reports.

    Units change: the 2025 reform merged 63 provinces into 34 and abolished districts.
    A unit keeps its plans and reports after it ends (`valid_to`); `successor` says
    where its figures roll up. `path` is a materialised path of ids for subtree queries.
    """

    code = models.CharField(
        "mã", max_length=80, unique=True,
        validators=[RegexValidator(r"^[a-z0-9][a-z0-9._-]*$", "Mã đơn vị chỉ gồm chữ thường không dấu, số, '.', '-', '_'.")],
        help_text="Ví dụ: dong-nai, dong-nai.so-khcn (đơn vị con nối bằng dấu chấm).",
    )
    name = models.CharField("tên", max_length=255)
    short_name = models.CharField("tên viết tắt", max_length=100, blank=True)
    aliases = models.JSONField("tên khác", default=list, blank=True)
    kind = models.CharField("loại", max_length=32, choices=UnitKind.choices, default=UnitKind.OTHER)
    parent = models.ForeignKey(
        "self", null=True, blank=True, on_delete=models.PROTECT, related_name="children", verbose_name="đơn vị cấp trên"
    )
    path = models.CharField(max_length=500, db_index=True, editable=False, default="/")
    valid_from = models.DateField("hiệu lực từ", null=True, blank=True)
    valid_to = models.DateField("hiệu lực đến", null=True, blank=True)
    successor = models.ForeignKey(
        "self", null=True, blank=True, on_delete=models.PROTECT, related_name="predecessors", verbose_name="đơn vị kế thừa"
    )
    note = models.TextField("ghi chú", blank=True)
    is_demo = models.BooleanField(default=False)

    class Meta:
        ordering = ["path", "name"]
        verbose_name = "đơn vị"
        verbose_name_plural = "đơn vị"

    def __str__(self) -> str:
        return self.name

    def save(self, *args: object, **kwargs: object) -> None:
        if self.pk is None:
            super().save(*args, **kwargs)  # type: ignore[arg-type]
            kwargs.pop("force_insert", None)
        self.path = (self.parent.path if self.parent_id and self.parent else "/") + f"{self.pk}/"
        super().save(*args, **kwargs)  # type: ignore[arg-type]

    def is_active(self, on: dt.date | None = None) -> bool:
        day = on or dt.date.today()
        return (self.valid_from is None or self.valid_from <= day) and (self.valid_to is None or day <= self.valid_to)

    def is_within(self, other: OrgUnit) -> bool:
        """True when this unit is `other` or below it in the tree."""
        return self.path.startswith(other.path)

    def current(self) -> OrgUnit:
        """Follow successor links to the unit that carries this one's figures today."""
        unit, seen = self, set()
        while unit.successor_id and unit.pk not in seen:
            seen.add(unit.pk)
            unit = unit.successor  # type: ignore[assignment]
        return unit

    def subtree(self) -> models.QuerySet[OrgUnit]:
        return OrgUnit.objects.filter(path__startswith=self.path)

    def ancestors(self) -> list[OrgUnit]:
        ids = [int(p) for p in self.path.strip("/").split("/") if p][:-1]
        by_id = OrgUnit.objects.in_bulk(ids)
        return [by_id[i] for i in ids if i in by_id]


class Role(models.TextChoices):
    REPORTER = "reporter", "Cán bộ báo cáo"
    APPROVER = "approver", "Lãnh đạo đơn vị (phê duyệt)"
    STANDING_AGENCY = "standing_agency", "Cơ quan thường trực"
    STEERING = "steering", "Ban Chỉ đạo"
    ADMIN = "admin", "Quản trị hệ thống"


class Membership(models.Model):
    """A user's role in a unit. Rights reach the unit's subtree for the oversight roles."""

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="memberships")
    unit = models.ForeignKey(OrgUnit, on_delete=models.PROTECT, related_name="memberships")
    role = models.CharField(max_length=32, choices=Role.choices)
    title = models.CharField("chức danh", max_length=200, blank=True)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["user", "unit", "role"], name="uniq_membership")]
        verbose_name = "vai trò"
        verbose_name_plural = "vai trò"

    def __str__(self) -> str:
        return f"{self.user} — {self.get_role_display()} — {self.unit}"


class LoginThrottle(models.Model):
    """Failed logins per username and address; enough of them lock the pair out for a while.

    Kept in the database, not a per-process cache, so every worker sees the same count.
    """

    key = models.CharField(max_length=300, unique=True)
    failures = models.PositiveIntegerField(default=0)
    first_failure_at = models.DateTimeField(null=True, blank=True)
    locked_until = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = "giới hạn đăng nhập"
        verbose_name_plural = "giới hạn đăng nhập"

    def __str__(self) -> str:
        return f"{self.key}: {self.failures}"

"""Portal-only data: the dashboards leaders save (which plans, units, targets, tasks and charts they follow)."""

from __future__ import annotations

from django.conf import settings
from django.db import models

from giamsat.org.models import OrgUnit
from giamsat.plans.models import Document, Target, Task


class Chart(models.TextChoices):
    TASK_STATUS = "task_status", "Tình trạng nhiệm vụ (biểu đồ tròn)"
    TARGET_STATUS = "target_status", "Tình trạng chỉ tiêu"
    OVERDUE_BY_UNIT = "overdue_by_unit", "Nhiệm vụ quá hạn, có nguy cơ theo đơn vị"
    COMPLIANCE = "compliance", "Tuân thủ chế độ báo cáo"
    RANKING = "ranking", "Xếp hạng đơn vị"
    TARGET_TRENDS = "target_trends", "Chỉ tiêu có nguy cơ không đạt (dự báo)"


class SavedDashboard(models.Model):
    """A leader's own view: the plans, units, targets and tasks followed, and the charts shown.

    Targets and tasks may come from the province's own plans, beyond the national template.
    """

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="saved_dashboards")
    name = models.CharField("tên bảng theo dõi", max_length=200)
    documents = models.ManyToManyField(Document, blank=True, related_name="+", verbose_name="kế hoạch")
    units = models.ManyToManyField(OrgUnit, blank=True, related_name="+", verbose_name="đơn vị")
    targets = models.ManyToManyField(Target, blank=True, related_name="+", verbose_name="chỉ tiêu theo dõi")
    tasks = models.ManyToManyField(Task, blank=True, related_name="+", verbose_name="nhiệm vụ theo dõi")
    theme = models.CharField("lĩnh vực", max_length=60, blank=True)
    charts = models.JSONField("biểu đồ", default=list, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["user", "name"]
        constraints = [models.UniqueConstraint(fields=["user", "name"], name="uniq_saved_dashboard_name")]
        verbose_name = "bảng theo dõi đã lưu"
        verbose_name_plural = "bảng theo dõi đã lưu"

    def __str__(self) -> str:
        return self.name

    def shows(self, chart: str) -> bool:
        return not self.charts or chart in self.charts

"""National targets of the standard indicators, and suggestions waiting for a person's confirmation.

The indicator catalogue itself lives in `giamsat.plans.models.StandardIndicator`; a plan's
confirmed mapping in `Target.indicator` + `Target.indicator_confirmed`.
"""

from __future__ import annotations

from django.db import models

from giamsat.alignment.compare import Level, describe_level
from giamsat.domain.states import Comparator
from giamsat.plans.models import StandardIndicator, Target


class NationalTarget(models.Model):
    """A figure the nation set for an indicator, quoted from its source document and section."""

    indicator = models.ForeignKey(StandardIndicator, on_delete=models.CASCADE, related_name="national_targets",
                                  verbose_name="chỉ tiêu chuẩn")
    year = models.PositiveIntegerField("năm", null=True, blank=True)
    comparator = models.CharField(max_length=10, choices=[(c.value, c.value) for c in Comparator], default=Comparator.GE)
    value = models.DecimalField("giá trị", max_digits=20, decimal_places=4, null=True, blank=True)
    value_high = models.DecimalField("giá trị cận trên", max_digits=20, decimal_places=4, null=True, blank=True)
    unit = models.CharField("đơn vị tính", max_length=60, blank=True)
    source_document = models.CharField("văn bản nguồn", max_length=300)
    source_section = models.CharField("mục trong văn bản", max_length=200, blank=True)
    source_text = models.TextField("nguyên văn", blank=True)

    class Meta:
        ordering = ["indicator", "year"]
        constraints = [
            models.UniqueConstraint(fields=["indicator", "year", "source_document"], name="uniq_national_target"),
        ]
        verbose_name = "chỉ tiêu quốc gia"
        verbose_name_plural = "chỉ tiêu quốc gia"

    def __str__(self) -> str:
        return f"{self.indicator.code} {self.year or ''}: {self.text}"

    @property
    def text(self) -> str:
        """'≥ 30 % GDP', as the comparison engine writes levels."""
        return describe_level(Level(self.year, self.comparator, self.value, self.value_high, self.unit))


class MappingSuggestion(models.Model):
    """The matcher's guess that a plan target measures a standard indicator, with its score."""

    target = models.ForeignKey(Target, on_delete=models.CASCADE, related_name="indicator_suggestions")
    indicator = models.ForeignKey(StandardIndicator, on_delete=models.CASCADE, related_name="suggestions")
    score = models.FloatField("điểm tương đồng")
    rank = models.PositiveSmallIntegerField(default=1)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["target", "rank"]
        constraints = [models.UniqueConstraint(fields=["target", "indicator"], name="uniq_mapping_suggestion")]
        verbose_name = "gợi ý ánh xạ chỉ tiêu"
        verbose_name_plural = "gợi ý ánh xạ chỉ tiêu"

    def __str__(self) -> str:
        return f"{self.target_id} → {self.indicator_id} ({self.score:.0f})"

"""Read-only admin views: every change goes through the actions (and the pages)."""

from __future__ import annotations

from typing import Any

from django.contrib import admin
from django.http import HttpRequest

from giamsat.assessment.models import CriteriaSet, Criterion, Entry, Participant, Round


class ReadOnly(admin.ModelAdmin):  # type: ignore[type-arg]
    def has_add_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False

    def has_delete_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False


@admin.register(CriteriaSet)
class CriteriaSetAdmin(ReadOnly):
    list_display = ("name", "year", "owner", "is_sample", "frozen_at")


@admin.register(Criterion)
class CriterionAdmin(ReadOnly):
    list_display = ("code", "title", "criteria_set", "max_points", "method")
    list_filter = ("criteria_set",)


@admin.register(Round)
class RoundAdmin(ReadOnly):
    list_display = ("name", "year", "organizer", "state", "closes_on")


@admin.register(Participant)
class ParticipantAdmin(ReadOnly):
    list_display = ("unit", "round", "state", "total", "rank", "band")
    list_filter = ("round",)


@admin.register(Entry)
class EntryAdmin(ReadOnly):
    list_display = ("participant", "criterion", "self_score", "verified_score", "final_score")

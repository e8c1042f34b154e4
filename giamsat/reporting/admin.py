"""Admin: reporting rows are read here, changed only through `giamsat.reporting.actions`.

Submissions, their rows and history are read-only (a save here would bypass the workflow, the
optimistic lock and the audit); the admin actions call the same actions as the portal.
"""

from __future__ import annotations

from typing import Any

from django.contrib import admin, messages

from giamsat.reporting import actions
from giamsat.reporting.errors import ReportingError
from giamsat.reporting.models import (
    Attachment,
    IndicatorValue,
    Recommendation,
    ReminderLog,
    ReportingPeriod,
    Submission,
    SubmissionEvent,
    TaskReport,
)


class ReadOnlyMixin:
    def has_add_permission(self, request: Any, obj: Any = None) -> bool:
        return False

    def has_change_permission(self, request: Any, obj: Any = None) -> bool:
        return False

    def has_delete_permission(self, request: Any, obj: Any = None) -> bool:
        return False


class TaskReportInline(ReadOnlyMixin, admin.TabularInline):
    model = TaskReport
    extra = 0
    fields = ["task", "is_lead", "state", "percent", "completed_on", "occurrence", "carried_forward"]
    readonly_fields = fields


class IndicatorValueInline(ReadOnlyMixin, admin.TabularInline):
    model = IndicatorValue
    extra = 0
    fields = ["target", "value", "text_value", "measured_on", "source", "carried_forward"]
    readonly_fields = fields


class AttachmentInline(ReadOnlyMixin, admin.TabularInline):
    model = Attachment
    extra = 0
    fields = ["name", "content_type", "size", "sha256", "uploaded_by", "uploaded_at"]
    readonly_fields = fields


class EventInline(ReadOnlyMixin, admin.TabularInline):
    model = SubmissionEvent
    extra = 0
    fields = ["at", "kind", "from_state", "to_state", "actor", "comment"]
    readonly_fields = fields


@admin.register(ReportingPeriod)
class ReportingPeriodAdmin(ReadOnlyMixin, admin.ModelAdmin):
    list_display = ["label", "document", "frequency", "start", "end", "due_date"]
    list_filter = ["frequency", "year"]
    search_fields = ["label", "document__number"]


@admin.action(description="Phê duyệt các báo cáo đã gửi được chọn")
def approve_selected(modeladmin: Any, request: Any, queryset: Any) -> None:
    done = 0
    for submission in queryset.filter(state="submitted"):
        try:
            actions.approve_report(request.user, submission)
            done += 1
        except ReportingError as exc:
            modeladmin.message_user(request, f"{submission}: {exc}", messages.ERROR)
    modeladmin.message_user(request, f"Đã phê duyệt {done} báo cáo.")


@admin.register(Submission)
class SubmissionAdmin(ReadOnlyMixin, admin.ModelAdmin):
    list_display = ["unit", "period", "state", "version", "submitted_at", "approved_at", "return_count", "is_demo"]
    list_filter = ["state", "period__frequency", "is_demo"]
    search_fields = ["unit__name", "unit__code", "period__label"]
    inlines = [TaskReportInline, IndicatorValueInline, AttachmentInline, EventInline]
    actions = [approve_selected]
    changes_through_actions = True  # the list's only change is the approval action, which is audited

    def has_change_permission(self, request: Any, obj: Any = None) -> bool:
        return obj is None  # the list (and its actions) is usable; a row's form is read-only


@admin.register(SubmissionEvent)
class SubmissionEventAdmin(ReadOnlyMixin, admin.ModelAdmin):
    list_display = ["submission", "kind", "from_state", "to_state", "actor", "at"]
    list_filter = ["kind"]


@admin.register(Recommendation)
class RecommendationAdmin(ReadOnlyMixin, admin.ModelAdmin):
    list_display = ["title", "category", "state", "routed_to", "due_date", "escalated_to", "duplicate_of", "is_public", "is_demo"]
    list_filter = ["state", "category", "is_public", "is_demo"]
    search_fields = ["title", "body", "public_sender"]
    inlines = [AttachmentInline]


@admin.register(ReminderLog)
class ReminderLogAdmin(ReadOnlyMixin, admin.ModelAdmin):
    list_display = ["unit", "period", "kind", "sent_on"]
    list_filter = ["kind", "sent_on"]

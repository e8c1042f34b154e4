from django.contrib import admin

from giamsat.audit.admin_mixins import AuditedAdmin, LockedWhenPublished
from giamsat.plans.models import (
    Assignment,
    Document,
    ImportRun,
    Milestone,
    Objective,
    ReportingRegime,
    StandardIndicator,
    Target,
    Task,
    TaskGroup,
)


class MilestoneInline(LockedWhenPublished, admin.TabularInline):  # type: ignore[type-arg]
    model = Milestone
    extra = 0


@admin.register(Document)
class DocumentAdmin(LockedWhenPublished, AuditedAdmin):
    list_display = ["number", "kind", "owner", "issued_on", "status", "is_demo"]
    list_filter = ["kind", "status", "is_demo"]
    search_fields = ["number", "title"]
    raw_id_fields = ["issuer", "owner", "created_by"]
    filter_horizontal = ["parents", "replaces"]
    readonly_fields = ["status", "source_text", "restored_text", "created_at", "published_at"]  # publishing is an action


@admin.register(Target)
class TargetAdmin(LockedWhenPublished, AuditedAdmin):
    list_display = ["name", "document", "unit_of_measure", "responsible", "indicator"]
    list_filter = ["document"]
    search_fields = ["name"]
    raw_id_fields = ["document", "objective", "responsible", "indicator", "serves"]
    inlines = [MilestoneInline]


@admin.register(Task)
class TaskAdmin(LockedWhenPublished, AuditedAdmin):
    list_display = ["name", "document", "lead", "deadline_text", "due_date"]
    list_filter = ["document", "deadline_kind"]
    search_fields = ["name", "lead_text"]
    raw_id_fields = ["document", "group", "lead", "assigned_by", "serves"]
    filter_horizontal = ["coordinators", "serves_targets"]


@admin.register(ImportRun)
class ImportRunAdmin(AuditedAdmin):
    list_display = ["filename", "unit", "state", "created_at", "document"]
    list_filter = ["state"]
    readonly_fields = ["sha256", "warnings", "error", "result"]


class PlanPartAdmin(LockedWhenPublished, AuditedAdmin):
    """Parts of a plan: editable while the plan is under review, audited; locked once published."""


admin.site.register(Objective, PlanPartAdmin)
admin.site.register(TaskGroup, PlanPartAdmin)
admin.site.register(Assignment, PlanPartAdmin)
admin.site.register(ReportingRegime, PlanPartAdmin)
admin.site.register(StandardIndicator, AuditedAdmin)

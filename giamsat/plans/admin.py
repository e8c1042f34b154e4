from django.contrib import admin

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


class MilestoneInline(admin.TabularInline):
    model = Milestone
    extra = 0


@admin.register(Document)
class DocumentAdmin(admin.ModelAdmin):
    list_display = ["number", "kind", "owner", "issued_on", "status", "is_demo"]
    list_filter = ["kind", "status", "is_demo"]
    search_fields = ["number", "title"]
    raw_id_fields = ["issuer", "owner", "created_by"]
    filter_horizontal = ["parents", "replaces"]
    readonly_fields = ["source_text", "restored_text", "created_at", "published_at"]


@admin.register(Target)
class TargetAdmin(admin.ModelAdmin):
    list_display = ["name", "document", "unit_of_measure", "responsible", "indicator"]
    list_filter = ["document"]
    search_fields = ["name"]
    raw_id_fields = ["document", "objective", "responsible", "indicator", "serves"]
    inlines = [MilestoneInline]


@admin.register(Task)
class TaskAdmin(admin.ModelAdmin):
    list_display = ["name", "document", "lead", "deadline_text", "due_date"]
    list_filter = ["document", "deadline_kind"]
    search_fields = ["name", "lead_text"]
    raw_id_fields = ["document", "group", "lead", "assigned_by", "serves"]
    filter_horizontal = ["coordinators", "serves_targets"]


@admin.register(ImportRun)
class ImportRunAdmin(admin.ModelAdmin):
    list_display = ["filename", "unit", "state", "created_at", "document"]
    list_filter = ["state"]
    readonly_fields = ["sha256", "warnings", "error", "result"]


admin.site.register(Objective)
admin.site.register(TaskGroup)
admin.site.register(Assignment)
admin.site.register(ReportingRegime)
admin.site.register(StandardIndicator)

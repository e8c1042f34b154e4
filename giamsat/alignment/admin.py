"""Read-only admin: national targets come from `load_indicators`, suggestions from the matcher."""

from typing import Any

from django.contrib import admin
from django.http import HttpRequest

from giamsat.alignment.models import MappingSuggestion, NationalTarget


class ReadOnlyAdmin(admin.ModelAdmin):
    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False

    def has_delete_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False


@admin.register(NationalTarget)
class NationalTargetAdmin(ReadOnlyAdmin):
    list_display = ["indicator", "year", "comparator", "value", "value_high", "unit", "source_section"]
    list_filter = ["year"]
    search_fields = ["indicator__name", "source_text"]


@admin.register(MappingSuggestion)
class MappingSuggestionAdmin(ReadOnlyAdmin):
    list_display = ["target", "indicator", "score", "rank"]
    raw_id_fields = ["target", "indicator"]

from django.contrib import admin

from giamsat.api.models import ApiToken
from giamsat.audit.admin_mixins import AuditedAdmin


@admin.register(ApiToken)
class ApiTokenAdmin(AuditedAdmin):
    list_display = ["name", "user", "created", "last_used", "revoked"]
    readonly_fields = ["token_hash", "created", "last_used"]
    search_fields = ["name", "user__username"]

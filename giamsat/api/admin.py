from django.contrib import admin

from giamsat.api.models import ApiToken


@admin.register(ApiToken)
class ApiTokenAdmin(admin.ModelAdmin):
    list_display = ["name", "user", "created", "last_used", "revoked"]
    readonly_fields = ["token_hash", "created", "last_used"]
    search_fields = ["name", "user__username"]

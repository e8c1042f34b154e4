from django.contrib import admin

from giamsat.org.models import LoginThrottle, Membership, OrgUnit


@admin.register(OrgUnit)
class OrgUnitAdmin(admin.ModelAdmin):
    list_display = ["name", "code", "kind", "parent", "valid_from", "valid_to", "successor"]
    list_filter = ["kind"]
    search_fields = ["name", "code", "short_name"]
    raw_id_fields = ["parent", "successor"]


@admin.register(Membership)
class MembershipAdmin(admin.ModelAdmin):
    list_display = ["user", "unit", "role", "title"]
    list_filter = ["role"]
    search_fields = ["user__username", "unit__name"]
    raw_id_fields = ["user", "unit"]


@admin.register(LoginThrottle)
class LoginThrottleAdmin(admin.ModelAdmin):
    list_display = ["key", "failures", "locked_until"]

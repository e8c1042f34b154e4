from django.contrib import admin
from django.contrib.auth import get_user_model
from django.contrib.auth.admin import GroupAdmin, UserAdmin
from django.contrib.auth.models import Group

from giamsat.audit.admin_mixins import AuditedAdmin
from giamsat.org.models import LoginThrottle, Membership, OrgUnit


@admin.register(OrgUnit)
class OrgUnitAdmin(AuditedAdmin):
    list_display = ["name", "code", "kind", "parent", "valid_from", "valid_to", "successor"]
    list_filter = ["kind"]
    search_fields = ["name", "code", "short_name"]
    raw_id_fields = ["parent", "successor"]


@admin.register(Membership)
class MembershipAdmin(AuditedAdmin):
    list_display = ["user", "unit", "role", "title"]
    list_filter = ["role"]
    search_fields = ["user__username", "unit__name"]
    raw_id_fields = ["user", "unit"]


@admin.register(LoginThrottle)
class LoginThrottleAdmin(AuditedAdmin):
    list_display = ["key", "failures", "locked_until"]


# Users and groups are permissions: their changes are audited like everything else.
User = get_user_model()
for _model in (User, Group):
    if admin.site.is_registered(_model):
        admin.site.unregister(_model)


@admin.register(User)
class AuditedUserAdmin(AuditedAdmin, UserAdmin):  # type: ignore[misc]
    pass


@admin.register(Group)
class AuditedGroupAdmin(AuditedAdmin, GroupAdmin):
    pass

"""The administration site changes data only with an audit event, and never a published plan."""

from __future__ import annotations

import datetime as dt
import json
from typing import Any

import pytest
from django import forms
from django.contrib import admin
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group, Permission
from django.test import RequestFactory

from giamsat.audit.admin_mixins import AuditedAdmin, is_read_only
from giamsat.audit.models import AuditEvent
from giamsat.org.models import Membership, Role
from giamsat.org.tests.factories import registry, unit
from giamsat.plans.models import Document, DocumentStatus, Milestone, Target

pytestmark = pytest.mark.django_db


@pytest.fixture
def superuser() -> Any:
    return get_user_model().objects.create_superuser("quantri", "quantri@example.org", "mat-khau-quan-tri-2026")


@pytest.fixture
def site_admin(client: Any, superuser: Any) -> Any:
    client.force_login(superuser)
    return client


def form_data(response: Any) -> dict[str, Any]:
    """What the browser would send back for the admin form on `response`, unchanged."""
    context = response.context
    all_forms: list[Any] = [context["adminform"].form]
    for inline in context["inline_admin_formsets"]:
        all_forms.append(inline.formset.management_form)
        all_forms.extend(inline.formset.forms)
    data: dict[str, Any] = {}
    for form in all_forms:
        for bound in form:
            if bound.field.disabled:
                continue
            value = bound.value()
            if isinstance(bound.field, forms.JSONField):
                data[bound.html_name] = json.dumps(value if value is not None else [])
            elif isinstance(value, bool):
                if value:
                    data[bound.html_name] = "on"
            elif isinstance(value, (list, tuple)):
                data[bound.html_name] = [str(getattr(v, "pk", v)) for v in value]
            elif value is not None:
                data[bound.html_name] = str(getattr(value, "pk", value))
    return data


def test_every_admin_that_can_change_data_writes_the_audit_log(superuser: Any) -> None:
    """Generated from the admin site's registry: a new admin that may change data must be audited."""
    request = RequestFactory().get("/admin/")
    request.user = superuser
    writable = []
    for model, model_admin in admin.site._registry.items():
        if is_read_only(model_admin, request):
            continue
        if getattr(model_admin, "changes_through_actions", False):  # its list runs audited actions only
            assert not model_admin.list_editable and not model_admin.has_change_permission(request, model())
            continue
        writable.append(model._meta.label)
        assert isinstance(model_admin, AuditedAdmin), f"{model._meta.label}: the admin changes data without audit"
    assert {"org.OrgUnit", "org.Membership", "auth.User", "auth.Group", "plans.Target"} <= set(writable)
    assert "reporting.Submission" not in writable and "audit.AuditEvent" not in writable


def test_a_unit_renamed_in_the_admin_is_audited_with_before_and_after(site_admin: Any, superuser: Any) -> None:
    registry()
    so_y_te = unit("dong-nai.so-y-te")
    old_name = so_y_te.name
    url = f"/admin/org/orgunit/{so_y_te.pk}/change/"
    data = form_data(site_admin.get(url))
    data["name"] = "Sở Y tế tỉnh Đồng Nai (đổi tên)"
    response = site_admin.post(url, data)
    assert response.status_code == 302, response.content.decode()[:2000]
    event = AuditEvent.objects.get(action="admin.change", object_type="org.OrgUnit", object_id=str(so_y_te.pk))
    assert event.actor == superuser and event.unit_id == so_y_te.pk
    assert event.before["name"] == old_name and event.after["name"] == "Sở Y tế tỉnh Đồng Nai (đổi tên)"


def test_granting_and_removing_a_role_in_the_admin_are_audited(site_admin: Any) -> None:
    registry()
    official = get_user_model().objects.create_user("canbo", password="mat-khau-can-bo-2026")
    so_y_te = unit("dong-nai.so-y-te")
    response = site_admin.post("/admin/org/membership/add/", {
        "user": official.pk, "unit": so_y_te.pk, "role": Role.APPROVER.value, "title": "Phó Giám đốc"})
    assert response.status_code == 302, response.content.decode()[:2000]
    membership = Membership.objects.get(user=official)
    added = AuditEvent.objects.get(action="admin.add", object_type="org.Membership")
    assert added.after["role"] == Role.APPROVER.value and added.unit_id == so_y_te.pk

    response = site_admin.post("/admin/org/membership/", {
        "action": "delete_selected", "_selected_action": [membership.pk], "post": "yes"})
    assert response.status_code == 302
    assert not Membership.objects.filter(pk=membership.pk).exists()
    removed = AuditEvent.objects.get(action="admin.delete", object_type="org.Membership")
    assert removed.before["user_id"] == official.pk and removed.object_id == str(membership.pk)


def test_a_group_permission_change_is_audited_with_the_permissions_before_and_after(site_admin: Any) -> None:
    group = Group.objects.create(name="Biên tập")
    perm = Permission.objects.get(codename="view_orgunit")
    url = f"/admin/auth/group/{group.pk}/change/"
    data = form_data(site_admin.get(url))
    data["permissions"] = [str(perm.pk)]
    assert site_admin.post(url, data).status_code == 302
    event = AuditEvent.objects.get(action="admin.change", object_type="auth.Group")
    assert event.before["permissions"] == [] and event.after["permissions"] == [perm.pk]


def test_a_user_password_hash_never_reaches_the_log(superuser: Any) -> None:
    from giamsat.audit.admin_mixins import admin_snapshot

    assert "password" not in admin_snapshot(superuser) and admin_snapshot(superuser)["username"] == "quantri"


def _plan_with_a_target(status: str) -> tuple[Document, Target]:
    registry()
    dong_nai = unit("dong-nai")
    doc = Document.objects.create(number="12/KH-UBND", owner=dong_nai, issuer=dong_nai, status=status,
                                  issued_on=dt.date(2025, 6, 1), title="Kế hoạch chuyển đổi số")
    target = Target.objects.create(document=doc, name="Tỷ lệ hồ sơ trực tuyến toàn trình", unit_of_measure="%")
    Milestone.objects.create(target=target, year=2030, value=80)
    return doc, target


def test_a_published_plan_cannot_be_changed_in_the_admin(site_admin: Any) -> None:
    _doc, target = _plan_with_a_target(DocumentStatus.PUBLISHED)
    url = f"/admin/plans/target/{target.pk}/change/"
    page = site_admin.get(url)
    assert page.status_code == 200 and not page.context["has_change_permission"]
    response = site_admin.post(url, {"name": "Đổi lặng lẽ", "document": target.document_id})
    assert response.status_code == 403
    target.refresh_from_db()
    assert target.name == "Tỷ lệ hồ sơ trực tuyến toàn trình"
    assert site_admin.post("/admin/plans/target/", {
        "action": "delete_selected", "_selected_action": [target.pk], "post": "yes"}).status_code in (302, 403)
    assert Target.objects.filter(pk=target.pk).exists()
    assert not AuditEvent.objects.filter(action__startswith="admin.").exists()


def test_a_draft_plan_edited_in_the_admin_is_audited_milestones_included(site_admin: Any) -> None:
    _doc, target = _plan_with_a_target(DocumentStatus.DRAFT)
    url = f"/admin/plans/target/{target.pk}/change/"
    data = form_data(site_admin.get(url))
    data["milestones-0-value"] = "85"
    response = site_admin.post(url, data)
    assert response.status_code == 302, response.content.decode()[:2000]
    assert Milestone.objects.get(target=target).value == 85
    rows = AuditEvent.objects.get(action="admin.change", object_type="plans.Milestone")
    assert [r["value"] for r in rows.before["rows"]] == ["80.0000"]
    assert [r["value"] for r in rows.after["rows"]] == ["85.0000"]
    assert AuditEvent.objects.filter(action="admin.change", object_type="plans.Target",
                                     object_id=str(target.pk)).exists()


def test_publishing_is_not_an_admin_field(site_admin: Any) -> None:
    doc, _target = _plan_with_a_target(DocumentStatus.DRAFT)
    url = f"/admin/plans/document/{doc.pk}/change/"
    data = form_data(site_admin.get(url))
    data["status"] = DocumentStatus.PUBLISHED.value
    site_admin.post(url, data)
    doc.refresh_from_db()
    assert doc.status == DocumentStatus.DRAFT

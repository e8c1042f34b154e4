"""What every signed-in request reads before its view: the user with their memberships (one query,
`org.auth.load_user`) and, for the oversight roles, the paths their scope reaches (`org.access.scope_paths`, one
recursive query). Both are read anew on every request: a role granted or revoked, a password changed, a unit
merged, added or moved is seen by the very next request."""

from __future__ import annotations

from typing import Any

import pytest
from django.contrib.auth import get_user_model
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

from giamsat.org.access import memberships, scope_paths, visible_units_q
from giamsat.org.actions import grant_role, revoke_role
from giamsat.org.auth import ThrottledModelBackend, load_user
from giamsat.org.models import Membership, OrgUnit, Role, UnitKind
from giamsat.org.tests.factories import persona, registry, unit

pytestmark = pytest.mark.django_db


def _fields(obj: Any) -> dict[str, Any]:
    return {f.attname: getattr(obj, f.attname) for f in obj._meta.concrete_fields}


def test_the_user_and_memberships_read_in_one_query_equal_the_orm_reads():
    registry()
    user = persona("thuongtruc.dongnai", "dong-nai", Role.STANDING_AGENCY)
    grant_role("test", user, unit("dong-nai.so-y-te"), Role.REPORTER, title="Chuyên viên")
    OrgUnit.objects.filter(code="dong-nai").update(aliases=["Đồng Nai mới"])  # a JSON column, converted as the ORM does
    with CaptureQueriesContext(connection) as ctx:
        loaded = load_user(str(user.pk))  # the session keeps the id as text
        items = memberships(loaded)
    assert len(ctx.captured_queries) == 1
    expected = get_user_model().objects.get(pk=user.pk)
    assert type(loaded) is type(expected) and _fields(loaded) == _fields(expected)
    orm = list(Membership.objects.filter(user=user).select_related("unit").order_by("pk"))
    assert [_fields(m) for m in items] == [_fields(m) for m in orm]
    assert [_fields(m.unit) for m in items] == [_fields(m.unit) for m in orm]
    assert items[0].unit.aliases == ["Đồng Nai mới"]
    with CaptureQueriesContext(connection) as ctx:
        assert {m.user for m in items} == {loaded}
        assert loaded.check_password("mat-khau-thu-nghiem-2026")
    assert len(ctx.captured_queries) == 0


def test_a_user_without_roles_an_unknown_id_and_an_inactive_user():
    registry()
    plain = get_user_model().objects.create_user("khach", password="mat-khau-thu-nghiem-2026")
    loaded = load_user(plain.pk)
    assert loaded == plain and memberships(loaded) == []
    assert load_user(10**9) is None
    assert load_user("not-a-number") is None
    plain.is_active = False
    plain.save()
    assert load_user(plain.pk) is not None  # the loader reads; the backend refuses, as Django's does
    assert ThrottledModelBackend().get_user(plain.pk) is None


def test_a_role_granted_or_revoked_is_seen_by_the_next_request():
    registry()
    user = persona("baocao.soyte", "dong-nai.so-y-te", Role.REPORTER)
    client = Client()
    client.force_login(user)
    assert client.get("/api/units/dong-nai.so-tai-chinh").status_code == 404
    membership = grant_role("test", user, unit("dong-nai.so-tai-chinh"), Role.REPORTER)
    assert client.get("/api/units/dong-nai.so-tai-chinh").status_code == 200
    revoke_role("test", membership)
    assert client.get("/api/units/dong-nai.so-tai-chinh").status_code == 404


def test_a_changed_password_or_a_deactivated_account_ends_the_session():
    registry()
    user = persona("baocao.soyte", "dong-nai.so-y-te", Role.REPORTER)
    client = Client()
    client.force_login(user)
    assert client.get("/api/units/dong-nai.so-y-te").status_code == 200
    user.set_password("mat-khau-moi-2026-rat-dai")
    user.save()
    assert client.get("/api/units/dong-nai.so-y-te").status_code == 404  # anonymous again: no unit data
    client.force_login(user)
    assert client.get("/api/units/dong-nai.so-y-te").status_code == 200
    user.is_active = False
    user.save()
    assert client.get("/api/units/dong-nai.so-y-te").status_code == 404
    user.is_active = True
    user.save()
    client.force_login(user)
    client.logout()
    assert client.get("/api/units/dong-nai.so-y-te").status_code == 404


def _fresh(code: str) -> list[str]:
    """The scope of `code` as a new request reads it (a unit instance of its own)."""
    return sorted(scope_paths(unit(code)))


def test_scope_paths_follow_mergers_at_every_depth_and_see_changes_at_once():
    registry()
    dong_nai, binh_phuoc = unit("dong-nai"), unit("binh-phuoc")
    assert binh_phuoc.successor_id == dong_nai.pk
    before = _fresh("dong-nai")
    assert dong_nai.path in before and binh_phuoc.path in before
    # a unit merged into a predecessor (two generations down) is in the scope of the successor's successor
    old = OrgUnit.objects.create(code="huyen-cu", name="Huyện cũ", kind=UnitKind.DISTRICT, parent=unit("viet-nam"))
    assert old.path not in _fresh("dong-nai")
    old.successor = binh_phuoc
    old.save()
    assert _fresh("dong-nai") == sorted([*before, old.path])
    assert old.path in _fresh("binh-phuoc") and dong_nai.path not in _fresh("binh-phuoc")
    # a new unit under a predecessor is within the scope's paths at once
    child = OrgUnit.objects.create(code="binh-phuoc.so-moi", name="Sở mới", kind=UnitKind.DEPARTMENT, parent=binh_phuoc)
    standing = persona("thuongtruc.dongnai", "dong-nai", Role.STANDING_AGENCY)
    assert OrgUnit.objects.filter(visible_units_q(standing), pk=child.pk).exists()
    # a unit moved out of a merged province's tree leaves the scope at once
    lang_son = unit("lang-son")
    old.successor = lang_son
    old.save()
    assert _fresh("dong-nai") == before
    assert old.path in _fresh("lang-son")
    standing = get_user_model().objects.get(pk=standing.pk)
    assert not OrgUnit.objects.filter(visible_units_q(standing), pk=old.pk).exists()


def test_scope_paths_end_on_a_cycle_of_successors():
    registry()
    a = OrgUnit.objects.create(code="vong-a", name="A", kind=UnitKind.OTHER, parent=unit("viet-nam"))
    b = OrgUnit.objects.create(code="vong-b", name="B", kind=UnitKind.OTHER, parent=unit("viet-nam"), successor=a)
    a.successor = b
    a.save()
    assert _fresh("vong-a") == sorted([a.path, b.path])
    assert _fresh("vong-b") == sorted([a.path, b.path])


def test_can_read_unit_is_visible_units_q_for_every_role_and_unit():
    from django.contrib.auth.models import AnonymousUser

    from giamsat.org.access import can_read_unit

    registry()
    people = [
        persona("baocao.soyte", "dong-nai.so-y-te", Role.REPORTER),
        persona("lanhdao.soyte", "dong-nai.so-y-te", Role.APPROVER),
        persona("thuongtruc.dongnai", "dong-nai", Role.STANDING_AGENCY),
        persona("bcd.binhphuoc", "binh-phuoc", Role.STEERING),
        persona("quantri", "viet-nam", Role.ADMIN),
        persona("quantri.dongnai", "dong-nai", Role.ADMIN),
        get_user_model().objects.create_user("khach", password="mat-khau-thu-nghiem-2026"),
        get_user_model().objects.create_superuser("goc", password="mat-khau-thu-nghiem-2026"),
        AnonymousUser(),
    ]
    two = persona("hai.vaitro", "lang-son", Role.STEERING)
    grant_role("test", two, unit("dong-nai.so-tai-chinh"), Role.REPORTER)
    people.append(get_user_model().objects.get(pk=two.pk))
    units = list(OrgUnit.objects.all())
    for user in people:
        expected = set(OrgUnit.objects.filter(visible_units_q(user)).values_list("pk", flat=True))
        assert {u.pk for u in units if can_read_unit(user, u)} == expected, str(user)

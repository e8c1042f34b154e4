"""State changes for units and roles. Each is atomic and audited."""

from __future__ import annotations

from typing import Any

from django.contrib.auth import get_user_model
from django.contrib.auth.models import AbstractBaseUser, Group
from django.db import transaction

from giamsat.audit.actions import record, snapshot
from giamsat.org import registry_data as data
from giamsat.org.models import Membership, OrgUnit, Role, UnitKind

NATIONAL_CODE = "viet-nam"


def _upsert_unit(code: str, **fields: Any) -> OrgUnit:
    unit = OrgUnit.objects.filter(code=code).first()
    if unit is None:
        unit = OrgUnit(code=code, **fields)
        unit.save()
        return unit
    changed = False
    for key, value in fields.items():
        if getattr(unit, key) != value:
            setattr(unit, key, value)
            changed = True
    if changed:
        unit.save()
    return unit


@transaction.atomic
def load_vietnam_registry(actor: Any = "system") -> dict[str, int]:
    """Load the 63 → 34 provinces with merger links, and the seed provinces' departments.

    Idempotent: running it twice changes nothing.
    """
    before = OrgUnit.objects.count()
    nation = _upsert_unit(NATIONAL_CODE, name="Việt Nam (Trung ương)", kind=UnitKind.CENTRAL, parent=None)
    for code, name, _is_city, merged in data.PROVINCES_AFTER_2025:
        new = _upsert_unit(
            code, name=name, kind=UnitKind.PROVINCE, parent=nation,
            valid_from=data.MERGER_DATE if merged else None,
            short_name=name.replace("Tỉnh ", "").replace("Thành phố ", ""),
        )
        if not merged:
            continue
        for old_code, old_name in merged:
            _upsert_unit(
                old_code, name=old_name, kind=UnitKind.PROVINCE, parent=nation,
                valid_to=data.LAST_DAY_BEFORE_MERGER, successor=new,
                short_name=old_name.replace("Tỉnh ", "").replace("Thành phố ", "").replace(" (trước 7/2025)", ""),
            )
    for province_code in data.SEED_PROVINCES:
        province = OrgUnit.objects.get(code=province_code)
        _load_departments(province)
    for province_code, code, name in data.SEED_COMMUNES:
        province = OrgUnit.objects.get(code=province_code)
        commune = _upsert_unit(code, name=name, kind=UnitKind.COMMUNE, parent=province, valid_from=data.MERGER_DATE)
        place = name[0].lower() + name[1:]  # "Phường Long Bình" → "phường Long Bình"
        _upsert_unit(f"{code}.dang-uy", name=f"Đảng ủy {place}", kind=UnitKind.PARTY_COMMITTEE, parent=commune,
                     aliases=[f"Ban Thường vụ Đảng ủy {place}"])
        _upsert_unit(f"{code}.ubnd", name=f"Ủy ban nhân dân {place}", kind=UnitKind.PEOPLES_COMMITTEE,
                     parent=commune, aliases=[f"UBND {place}"])
    created = OrgUnit.objects.count() - before
    if created:
        record(actor, "org.registry_loaded", object_type="org.OrgUnit", after={"created": created})
    return {"created": created, "total": OrgUnit.objects.count()}


def _load_departments(province: OrgUnit) -> None:
    place = province.short_name or province.name
    ended = province.valid_to
    for suffix, name, abbreviations in data.STANDARD_DEPARTMENTS + data.PARTY_BODIES:
        kind = UnitKind.DEPARTMENT
        if suffix == "tinh-uy":
            kind = UnitKind.PARTY_COMMITTEE
        elif suffix == "ubnd":
            kind = UnitKind.PEOPLES_COMMITTEE
        full = name.replace(" tỉnh", f" tỉnh {place}") if name.endswith(" tỉnh") else f"{name} {'tỉnh ' if not name.endswith('Tỉnh ủy') else ''}{place}".replace("Tỉnh ủy tỉnh", "Tỉnh ủy")
        _upsert_unit(
            f"{province.code}.{suffix}", name=full, kind=kind, parent=province, valid_to=ended,
            aliases=[name, *abbreviations],
        )


def ensure_role_groups() -> dict[str, Group]:
    """One Django group per role, so admin users can see who holds what."""
    return {role.value: Group.objects.get_or_create(name=f"giamsat:{role.value}")[0] for role in Role}


@transaction.atomic
def grant_role(actor: Any, user: AbstractBaseUser, unit: OrgUnit, role: Role | str, title: str = "") -> Membership:
    membership, created = Membership.objects.get_or_create(user=user, unit=unit, role=str(role), defaults={"title": title})
    if created:
        ensure_role_groups()[str(role)].user_set.add(user)  # type: ignore[attr-defined]
        record(actor, "org.role_granted", membership, unit_id=unit.pk, after=snapshot(membership))
    return membership


@transaction.atomic
def revoke_role(actor: Any, membership: Membership) -> None:
    before = snapshot(membership)
    user, role, unit_id = membership.user, membership.role, membership.unit_id
    membership.delete()
    if not Membership.objects.filter(user=user, role=role).exists():
        ensure_role_groups()[role].user_set.remove(user)  # type: ignore[attr-defined]
    record(actor, "org.role_revoked", object_type="org.Membership", object_id=before["id"], unit_id=unit_id, before=before)


def create_user(username: str, password: str, full_name: str = "", email: str = "") -> Any:
    user_model = get_user_model()
    first, _, last = full_name.rpartition(" ")
    return user_model.objects.create_user(username=username, password=password, email=email,
                                          first_name=first, last_name=last)

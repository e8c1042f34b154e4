"""A published Đồng Nai plan and the people who report on it.

Sở KH&CN leads two tasks (a one-off database task and a yearly review) and is responsible for two
indicators; Sở Tài chính coordinates the database task; Sở Y tế has nothing to do with the plan.
"""

from __future__ import annotations

import copy
from typing import Any

import pytest
import time_machine

from giamsat.domain.deadline import DeadlineSpec, Recurrence
from giamsat.org import registry_data
from giamsat.org.models import OrgUnit, Role, UnitKind
from giamsat.org.tests.factories import persona
from giamsat.org.tests.factories import unit as unit_by_code
from giamsat.plans.actions import import_parsed_plan, publish_plan
from giamsat.plans.models import Document

PLAN = {
    "document": {"issuer": "Ủy ban nhân dân tỉnh Đồng Nai", "number": "45/KH-UBND", "date": "2025-12-01",
                 "doc_type": "plan", "title": "Kế hoạch chuyển đổi số năm 2026", "parents": [], "replaces": []},
    "targets": [
        {"name": "Tỷ lệ hồ sơ dịch vụ công trực tuyến toàn trình", "unit": "%", "value": 80, "comparator": ">=",
         "year": 2026, "lead": "Sở Khoa học và Công nghệ"},
        {"name": "Số doanh nghiệp khoa học và công nghệ", "unit": "doanh nghiệp", "value": 50, "comparator": ">=",
         "year": 2026, "lead": "Sở Khoa học và Công nghệ"},
    ],
    "tasks": [
        {"group": "Hạ tầng số", "name": "Xây dựng cơ sở dữ liệu khoa học và công nghệ của tỉnh",
         "lead": "Sở Khoa học và Công nghệ", "coordinators": ["Sở Tài chính"], "output": "Cơ sở dữ liệu",
         "deadline_text": "Quý III/2026", "deadline": DeadlineSpec.in_quarter(2026, 3, "Quý III/2026").to_dict()},
        {"group": "Hạ tầng số", "name": "Tổng kết, đánh giá kết quả chuyển đổi số hằng năm",
         "lead": "Sở Khoa học và Công nghệ", "coordinators": [], "output": "Báo cáo",
         "deadline_text": "Hằng năm", "deadline": DeadlineSpec.every(Recurrence.ANNUAL, "Hằng năm").to_dict()},
    ],
    "assignments": [],
    "reporting": {"frequencies": ["quarterly"], "due_day": 15},
    "warnings": [],
}


@pytest.fixture
def at() -> Any:
    """Travel to a moment (Vietnam time), e.g. `at("2026-04-10 09:00")`."""
    current: list[Any] = []

    def go(moment: str) -> None:
        if current:
            current.pop().stop()
        traveller = time_machine.travel(f"{moment} +07:00", tick=False)
        traveller.start()
        current.append(traveller)

    yield go
    if current:
        current.pop().stop()


def small_registry() -> None:
    """The few units these tests use, with the registry's names and aliases (the full registry is slow to load)."""
    nation = OrgUnit.objects.create(code="viet-nam", name="Việt Nam (Trung ương)", kind=UnitKind.CENTRAL)
    provinces = {}
    for code, name in (("dong-nai", "Tỉnh Đồng Nai"), ("lang-son", "Tỉnh Lạng Sơn")):
        provinces[code] = OrgUnit(code=code, name=name, kind=UnitKind.PROVINCE, parent=nation,
                                  short_name=name.replace("Tỉnh ", ""))
        provinces[code].save()
    for suffix, name, abbreviations in registry_data.STANDARD_DEPARTMENTS:
        if suffix in ("so-khcn", "so-tai-chinh", "so-y-te", "so-noi-vu"):
            OrgUnit(code=f"dong-nai.{suffix}", name=f"{name} tỉnh Đồng Nai", kind=UnitKind.DEPARTMENT,
                    parent=provinces["dong-nai"], aliases=[name, *abbreviations]).save()


@pytest.fixture
def plan(db: Any) -> Document:
    small_registry()
    document = import_parsed_plan("test", copy.deepcopy(PLAN), owner=unit_by_code("dong-nai"))
    return publish_plan("test", document)


def _person(username: str, unit_code: str, role: Role) -> Any:
    user = persona(username, unit_code, role)
    user.email = f"{username}@dongnai.gov.vn"
    user.save(update_fields=["email"])
    return user


@pytest.fixture
def people(plan: Document) -> Any:
    class People:
        reporter_khcn = _person("baocao.khcn", "dong-nai.so-khcn", Role.REPORTER)
        approver_khcn = _person("lanhdao.khcn", "dong-nai.so-khcn", Role.APPROVER)
        reporter_taichinh = _person("baocao.taichinh", "dong-nai.so-tai-chinh", Role.REPORTER)
        approver_taichinh = _person("lanhdao.taichinh", "dong-nai.so-tai-chinh", Role.APPROVER)
        reporter_yte = _person("baocao.yte", "dong-nai.so-y-te", Role.REPORTER)
        approver_yte = _person("lanhdao.yte", "dong-nai.so-y-te", Role.APPROVER)
        standing = _person("thuongtruc.dongnai", "dong-nai", Role.STANDING_AGENCY)
        standing_langson = _person("thuongtruc.langson", "lang-son", Role.STANDING_AGENCY)

    return People


@pytest.fixture
def unit() -> Any:
    return unit_by_code

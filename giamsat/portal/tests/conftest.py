"""A published Đồng Nai plan, a draft one, and the people of the portal:

the reporter and the approver of Sở KH&CN (which leads the plan's tasks and targets), the standing
agency and the steering committee of Đồng Nai, and the reporter of Sở Y tế (nothing to do with it).
"""

from __future__ import annotations

import copy
from typing import Any

import pytest
import time_machine

from giamsat.domain.deadline import DeadlineSpec
from giamsat.org.models import Role
from giamsat.org.tests.factories import persona, registry
from giamsat.org.tests.factories import unit as unit_by_code
from giamsat.plans.actions import import_parsed_plan, publish_plan
from giamsat.plans.models import Document

PASSWORD = "mat-khau-thu-nghiem-2026"

PLAN = {
    "document": {"issuer": "Ủy ban nhân dân tỉnh Đồng Nai", "number": "45/KH-UBND", "date": "2025-12-01",
                 "doc_type": "plan", "title": "Kế hoạch chuyển đổi số năm 2026", "parents": [], "replaces": []},
    "targets": [
        {"name": "Tỷ lệ hồ sơ dịch vụ công trực tuyến toàn trình", "unit": "%", "value": 80, "comparator": ">=",
         "year": 2026, "lead": "Sở Khoa học và Công nghệ", "theme": "chinh-quyen-so"},
    ],
    "tasks": [
        {"group": "Hạ tầng số", "name": "Xây dựng cơ sở dữ liệu khoa học và công nghệ của tỉnh",
         "lead": "Sở Khoa học và Công nghệ", "coordinators": [], "output": "Cơ sở dữ liệu",
         "deadline_text": "Quý I/2026", "deadline": DeadlineSpec.in_quarter(2026, 1, "Quý I/2026").to_dict()},
        {"group": "Hạ tầng số", "name": "Triển khai nền tảng chuyển đổi số dùng chung của tỉnh",
         "lead": "Sở Khoa học và Công nghệ", "coordinators": [], "output": "Nền tảng",
         "deadline_text": "Quý IV/2026", "deadline": DeadlineSpec.in_quarter(2026, 4, "Quý IV/2026").to_dict()},
    ],
    "assignments": [],
    "reporting": {"frequencies": ["quarterly"], "due_day": 15},
    "warnings": [],
}

DRAFT = {
    "document": {"issuer": "Ủy ban nhân dân tỉnh Đồng Nai", "number": "99/KH-UBND", "date": "2026-02-01",
                 "doc_type": "plan", "title": "Kế hoạch bí mật chưa công bố về đổi mới sáng tạo", "parents": [], "replaces": []},
    "targets": [],
    "tasks": [{"name": "Nhiệm vụ nháp chưa rà soát về trí tuệ nhân tạo", "lead": "Sở Khoa học và Công nghệ"}],
    "assignments": [],
    "warnings": [],
}


@pytest.fixture
def frozen() -> Any:
    """Vietnam time 20/04/2026: Q1/2026 (data to 14/03) was due on 15/04 and is overdue for reports."""
    with time_machine.travel("2026-04-20 09:00 +07:00", tick=True):
        yield


@pytest.fixture
def plan(db: Any) -> Document:
    registry()
    document = import_parsed_plan("test", copy.deepcopy(PLAN), owner=unit_by_code("dong-nai"))
    return publish_plan("test", document)


@pytest.fixture
def draft_plan(plan: Document) -> Document:
    return import_parsed_plan("test", copy.deepcopy(DRAFT), owner=unit_by_code("dong-nai"),
                              source_text="KẾ HOẠCH\nNhiem vu nhap chua ra soat ve tri tue nhan tao\n",
                              restored_text="KẾ HOẠCH\nNhiệm vụ nháp chưa rà soát về trí tuệ nhân tạo\n")


@pytest.fixture
def people(plan: Document) -> Any:
    class People:
        reporter = persona("baocao.khcn", "dong-nai.so-khcn", Role.REPORTER)
        approver = persona("lanhdao.khcn", "dong-nai.so-khcn", Role.APPROVER)
        standing = persona("thuongtruc.dongnai", "dong-nai", Role.STANDING_AGENCY)
        steering = persona("bcd.dongnai", "dong-nai", Role.STEERING)
        outsider = persona("baocao.soyte", "dong-nai.so-y-te", Role.REPORTER)

    return People


@pytest.fixture
def page_cache(settings: Any) -> Any:
    """The page cache on, shared and per-worker copies empty before and after."""
    from django.core.cache import cache

    from giamsat.portal import caching

    settings.GIAMSAT_PAGE_CACHE = True
    cache.clear()
    caching.clear_local()
    yield
    cache.clear()
    caching.clear_local()

from __future__ import annotations

import datetime as dt

import pytest

from giamsat.org.access import can_enter_report, can_review, can_submit_report, can_view_unit, visible_units_q
from giamsat.org.actions import load_vietnam_registry
from giamsat.org.models import OrgUnit, Role, UnitKind
from giamsat.org.tests.factories import persona, registry, unit

pytestmark = pytest.mark.django_db


def test_registry_has_34_provinces_after_the_merger_and_63_before():
    registry()
    on_merger = dt.date(2025, 7, 1)
    provinces = OrgUnit.objects.filter(kind=UnitKind.PROVINCE)
    assert sum(1 for p in provinces if p.is_active(on_merger)) == 34
    assert sum(1 for p in provinces if p.is_active(dt.date(2025, 6, 30))) == 63


def test_merged_provinces_roll_up_into_their_successor():
    registry()
    assert unit("binh-phuoc").current() == unit("dong-nai")
    assert unit("binh-dinh").current() == unit("gia-lai")
    assert unit("vinh-phuc").current() == unit("phu-tho")
    assert {u.code for u in unit("can-tho").predecessors.all()} == {"can-tho-cu", "soc-trang", "hau-giang"}
    assert unit("lang-son").successor is None and unit("lang-son").predecessors.count() == 0


def test_loading_the_registry_twice_changes_nothing():
    first = load_vietnam_registry()
    second = load_vietnam_registry()
    assert first["created"] > 100
    assert second == {"created": 0, "total": first["total"]}


def test_the_tree_places_departments_and_wards_under_their_province():
    registry()
    so_khcn = unit("dong-nai.so-khcn")
    assert so_khcn.name == "Sở Khoa học và Công nghệ tỉnh Đồng Nai"
    assert so_khcn.is_within(unit("dong-nai"))
    assert unit("phuong-long-binh").is_within(unit("dong-nai"))
    assert not so_khcn.is_within(unit("lang-son"))
    assert [a.code for a in unit("phuong-long-binh.ubnd").ancestors()] == ["viet-nam", "dong-nai", "phuong-long-binh"]


def test_a_reporter_of_one_department_cannot_touch_another_departments_data():
    registry()
    reporter = persona("baocao.soyte", "dong-nai.so-y-te", Role.REPORTER)
    assert can_enter_report(reporter, unit("dong-nai.so-y-te"))
    assert not can_enter_report(reporter, unit("dong-nai.so-tai-chinh"))
    assert not can_view_unit(reporter, unit("dong-nai.so-tai-chinh"))
    assert not can_submit_report(reporter, unit("dong-nai.so-y-te"))
    assert not can_review(reporter, unit("dong-nai.so-y-te"))


def test_the_standing_agency_of_a_province_reviews_its_units_and_its_merged_predecessors():
    registry()
    standing = persona("thuongtruc.dongnai", "dong-nai", Role.STANDING_AGENCY)
    assert can_review(standing, unit("dong-nai.so-y-te"))
    assert can_review(standing, unit("phuong-long-binh"))
    assert can_review(standing, unit("binh-phuoc.so-khcn"))
    assert not can_review(standing, unit("lang-son"))
    assert not can_enter_report(standing, unit("dong-nai.so-y-te"))
    visible = set(OrgUnit.objects.filter(visible_units_q(standing)).values_list("code", flat=True))
    assert {"dong-nai", "dong-nai.so-y-te", "binh-phuoc", "phuong-long-binh.ubnd"} <= visible
    assert "lang-son" not in visible and "gia-lai" not in visible


def test_steering_reads_below_but_does_not_review_or_enter():
    registry()
    steering = persona("bcd.langson", "lang-son", Role.STEERING)
    assert can_view_unit(steering, unit("lang-son.so-y-te"))
    assert not can_review(steering, unit("lang-son.so-y-te"))
    assert not can_enter_report(steering, unit("lang-son.so-y-te"))
    assert not can_view_unit(steering, unit("dong-nai"))


def test_anonymous_sees_no_unit_data():
    from django.contrib.auth.models import AnonymousUser

    registry()
    assert not can_view_unit(AnonymousUser(), unit("dong-nai"))
    assert not OrgUnit.objects.filter(visible_units_q(AnonymousUser())).exists()

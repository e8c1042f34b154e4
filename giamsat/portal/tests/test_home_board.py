"""The standing agency's home page shows the dashboard's figures (KPIs, reporting compliance) through the page
cache: the same HTML as rendered without it, new figures after a change, one evaluation per scope and version."""

from __future__ import annotations

import re
from typing import Any

import pytest
from django.conf import settings
from django.core.cache import cache
from django.test import Client
from django.urls import reverse

from giamsat.org.models import Role
from giamsat.org.tests.factories import persona, unit
from giamsat.plans.models import Document
from giamsat.portal import caching, figures
from giamsat.reporting import actions
from giamsat.reporting.models import Recommendation, ReportingPeriod

pytestmark = pytest.mark.django_db

TOKEN = re.compile(r'(name="csrfmiddlewaretoken" value=|"X-CSRFToken": )"[^"]+"')


def home(user: Any) -> str:
    client = Client()
    client.force_login(user)
    return TOKEN.sub(r"\1TOKEN", client.get(reverse("portal:home")).content.decode())


def test_the_home_figures_are_the_uncached_ones_and_follow_a_submitted_report(
        people: Any, plan: Document, frozen: Any, page_cache: None, monkeypatch: Any) -> None:
    actions.open_periods(plan)
    period = ReportingPeriod.objects.filter(document=plan).order_by("due_date").first()
    draft = actions.get_or_create_draft(people.approver, people.approver.memberships.get().unit, period)
    settings.GIAMSAT_PAGE_CACHE = False
    uncached = home(people.standing)
    settings.GIAMSAT_PAGE_CACHE = True
    evaluated: list[Any] = []
    build = figures.build_dashboard
    monkeypatch.setattr(figures, "build_dashboard", lambda *a, **k: evaluated.append(a) or build(*a, **k))
    first = home(people.standing)
    again = home(people.standing)
    assert first == uncached == again
    assert "Tuân thủ chế độ báo cáo" in first and 'class="kpis"' in first
    assert len(evaluated) == 1  # the second visit reads the rendered figures
    actions.submit_report(people.approver, draft)
    after = home(people.standing)
    assert after != first and len(evaluated) == 2  # a new content version: the figures count the report as sent
    settings.GIAMSAT_PAGE_CACHE = False
    cache.clear()
    caching.clear_local()
    assert home(people.standing) == after


def test_a_reporter_home_has_no_figures(people: Any, plan: Document, frozen: Any, page_cache: None) -> None:
    page = home(people.reporter)
    assert 'class="kpis"' not in page and "Tuân thủ chế độ báo cáo" not in page


def test_the_home_lists_are_the_uncached_ones_for_each_scope_and_follow_a_submitted_report(
        people: Any, plan: Document, draft_plan: Document, frozen: Any, page_cache: None) -> None:
    actions.open_periods(plan)
    period = ReportingPeriod.objects.filter(document=plan).order_by("due_date").first()
    draft = actions.get_or_create_draft(people.approver, people.approver.memberships.get().unit, period)
    viewers = (people.standing, people.approver, people.reporter, people.outsider)

    def homes() -> list[str]:
        return [home(user) for user in viewers]

    settings.GIAMSAT_PAGE_CACHE = False
    uncached = homes()
    settings.GIAMSAT_PAGE_CACHE = True
    first, again = homes(), homes()
    assert first == uncached == again
    standing, approver, reporter, outsider = first
    assert draft_plan.title[:40] in standing and "Hàng chờ phê duyệt báo cáo <small>0</small>" in standing
    assert "Mở báo cáo" in approver and "Mở báo cáo" in reporter  # their unit's draft
    assert "Mở báo cáo" not in outsider and draft_plan.title[:40] not in outsider + reporter
    actions.submit_report(people.approver, draft)
    after = homes()
    assert "Hàng chờ phê duyệt báo cáo <small>1</small>" in after[0] and "Xem và duyệt" in after[0]
    assert "Đã gửi" in after[2] and "Mở báo cáo" in after[2]
    settings.GIAMSAT_PAGE_CACHE = False
    cache.clear()
    caching.clear_local()
    assert homes() == after


def test_the_home_recommendations_are_each_viewers_own_and_follow_a_new_one(
        people: Any, plan: Document, frozen: Any, page_cache: None) -> None:
    colleague = persona("thuongtruc2.dongnai", "dong-nai", Role.STANDING_AGENCY)
    assert caching.viewer_scope(colleague) == caching.viewer_scope(people.standing)
    Recommendation.objects.create(title="Đề nghị bổ sung kinh phí hạ tầng số", body="Nội dung", category="funding",
                                  raised_by=people.standing, routed_to=unit("lang-son"))
    mine, theirs = home(people.standing), home(colleague)
    assert "Đề nghị bổ sung kinh phí hạ tầng số" in mine  # raised by them, routed outside their scope
    assert "Đề nghị bổ sung kinh phí hạ tầng số" not in theirs
    Recommendation.objects.create(title="Đề nghị đào tạo kỹ năng số", body="Nội dung", category="other",
                                  raised_by_unit=unit("dong-nai.so-khcn"), routed_to=unit("dong-nai"))
    mine, theirs = home(people.standing), home(colleague)
    assert "Đề nghị đào tạo kỹ năng số" in mine and "Đề nghị đào tạo kỹ năng số" in theirs
    settings.GIAMSAT_PAGE_CACHE = False
    assert (home(people.standing), home(colleague)) == (mine, theirs)

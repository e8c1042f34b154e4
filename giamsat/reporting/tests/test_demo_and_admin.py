"""The demo reports and the admin pages over them."""

from __future__ import annotations

import datetime as dt
from collections import Counter

import pytest
from django.contrib.auth import get_user_model

from giamsat.reporting import actions
from giamsat.reporting.demo import _rng, generate_demo_reports
from giamsat.reporting.models import Recommendation, Submission, TaskReport

pytestmark = pytest.mark.django_db


def test_demo_reports_are_a_realistic_mix_all_marked_demo(plan, people, at):
    at("2026-11-25 08:00")
    counts = generate_demo_reports([plan], log=lambda line: None)
    subs = Submission.objects.filter(period__document=plan)
    assert counts["submissions"] == subs.count() > 0 and all(s.is_demo for s in subs)
    states = Counter(subs.values_list("state", flat=True))
    assert states["approved"] >= 5 and set(states) <= {"approved", "submitted", "returned", "draft"}
    units = set(subs.values_list("unit__code", flat=True))
    assert units == {"dong-nai.so-khcn", "dong-nai.so-tai-chinh"}
    assert subs.get(unit__code="dong-nai.so-khcn", period__key="2026-Q3").state == "returned"  # the demo reporter's fix
    assert subs.get(unit__code="dong-nai.so-tai-chinh", period__key="2026-Q3").state == "submitted"
    approved = subs.filter(state="approved").order_by("period__end")
    assert all(s.submitted_at and s.submitted_at.date() <= dt.date(2026, 11, 25) for s in approved)
    assert not TaskReport.objects.filter(submission__state="approved", carried_forward=True).exists()
    assert all(r.is_demo for r in Recommendation.objects.all())
    assert generate_demo_reports([plan], log=lambda line: None)["submissions"] == 0  # run again: nothing new


def test_demo_randomness_depends_on_names_not_on_database_ids():
    assert _rng("outcome", "dong-nai.so-khcn", "45/KH-UBND@2026-Q1").random() == \
        _rng("outcome", "dong-nai.so-khcn", "45/KH-UBND@2026-Q1").random()
    assert _rng("a").random() != _rng("b").random()


def test_the_admin_lists_reporting_rows_read_only(plan, people, unit, at, client):
    at("2026-04-01 08:00")
    period = actions.open_periods(plan)[-1]
    draft = actions.get_or_create_draft(people.reporter_khcn, unit("dong-nai.so-khcn"), period)
    actions.raise_recommendation(people.reporter_khcn, title="Thiếu kinh phí", body="Đề nghị bổ sung kinh phí.",
                                 category="funding", submission=draft)
    admin = get_user_model().objects.create_superuser("quantri", "quantri@dongnai.gov.vn", "mat-khau-quan-tri-2026")
    client.force_login(admin)
    submission = Submission.objects.filter(period__document=plan).first()
    for url in ["/admin/reporting/submission/", f"/admin/reporting/submission/{submission.pk}/change/",
                "/admin/reporting/reportingperiod/", "/admin/reporting/recommendation/", "/admin/reporting/reminderlog/",
                "/admin/reporting/submissionevent/"]:
        assert client.get(url).status_code == 200, url
    before = submission.state
    client.post(f"/admin/reporting/submission/{submission.pk}/change/", {"state": "approved"})
    submission.refresh_from_db()
    assert submission.state == before

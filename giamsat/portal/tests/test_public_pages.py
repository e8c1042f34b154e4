"""The public home on the engine's own per-unit figures: only published plans count, per lead unit."""

from __future__ import annotations

from typing import Any

from django.urls import reverse

from giamsat.plans.models import Document


def test_the_public_home_counts_tasks_of_published_plans_per_lead_unit(client: Any, draft_plan: Document,
                                                                         frozen: Any) -> None:
    context = client.get(reverse("portal:public")).context
    lead = draft_plan.tasks.get().lead
    assert context["totals"] == {"plans": 1, "targets": 1, "tasks": 2, "done": 0, "percent": 0}
    assert context["by_unit"] == [{"name": lead.name, "total": 2, "done": 0, "percent": 0}]  # the draft's task is not one
    assert [p.number for p in context["plans"]] == ["45/KH-UBND"] and context["plans"][0].n_tasks == 2


def test_a_visitor_never_waits_for_the_figures_they_are_computed_aside_and_shown_when_ready(
        client: Any, plan: Document, frozen: Any, settings: Any, monkeypatch: Any) -> None:
    import threading

    from django.core.cache import cache

    from giamsat.portal import caching
    from giamsat.portal.views import pages

    settings.GIAMSAT_PAGE_CACHE = True
    monkeypatch.setattr(pages, "PENDING_TIMEOUT", 0)  # the page without figures is kept 5 s: not here
    cache.clear()
    caching.clear_local()
    started: list[threading.Thread] = []
    real_thread = threading.Thread

    class Recorded(real_thread):  # the refresh runs when the test says, as a server thread would
        def start(self) -> None:
            started.append(self)

    import unittest.mock as mock

    with mock.patch.object(pages.threading, "current_thread", lambda: object()), \
            mock.patch.object(pages.threading, "Thread", Recorded):
        body = client.get(reverse("portal:public")).content.decode()
        assert "Đang tổng hợp số liệu" in body and "45/KH-UBND" in body and len(started) == 1
        client.get(reverse("portal:public"))
        assert len(started) == 1  # one refresh at a time (a lock in the shared cache)
        real_thread.run(started[0])
        caching.clear_local()
        body = client.get(reverse("portal:public")).content.decode()
    assert "Đang tổng hợp số liệu" not in body and cache.get(pages.SUMMARY_KEY)["tasks"] == 2

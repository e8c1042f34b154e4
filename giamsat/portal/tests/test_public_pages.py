"""The public home on the engine's own per-unit figures: only published plans count, per lead unit."""

from __future__ import annotations

from typing import Any

import pytest
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
    from django.core.cache import cache

    from giamsat.portal import caching, public_summary
    from giamsat.portal.views import pages

    settings.GIAMSAT_PAGE_CACHE = True
    monkeypatch.setattr(pages, "PENDING_TIMEOUT", 0)  # the page without figures is kept 5 s: not here
    monkeypatch.setattr(public_summary, "_serving_thread", lambda: True)  # as in a gunicorn worker's thread
    refreshes: list[tuple[str, str]] = []
    monkeypatch.setattr(public_summary, "_start_refresh", refreshes.append)  # the refresh runs when the test says
    cache.clear()
    caching.clear_local()

    body = client.get(reverse("portal:public")).content.decode()
    assert "Đang tổng hợp số liệu" in body and "45/KH-UBND" in body and len(refreshes) == 1
    client.get(reverse("portal:public"))
    assert len(refreshes) == 1  # one refresh at a time (a lock in the shared cache)
    public_summary._refresh_summary(refreshes[0])
    caching.clear_local()
    body = client.get(reverse("portal:public")).content.decode()
    assert "Đang tổng hợp số liệu" not in body and cache.get(public_summary.SUMMARY_KEY)["tasks"] == 2
    assert cache.get(public_summary.SUMMARY_LOCK) is None  # the next change may start a refresh


def test_the_figures_are_computed_by_a_process_of_their_own_and_the_warm_up_does_not_wait(
        client: Any, plan: Document, frozen: Any, settings: Any, monkeypatch: Any) -> None:
    import subprocess

    from django.core.cache import cache

    from giamsat.portal import caching, public_summary
    from giamsat.portal.views import pages

    settings.GIAMSAT_PAGE_CACHE = True
    monkeypatch.setattr(pages, "PENDING_TIMEOUT", 0)  # the page without figures is kept 5 s: not here
    cache.clear()
    caching.clear_local()
    started: list[list[str]] = []

    class Process:
        def __init__(self, command: list[str], **kwargs: Any) -> None:
            started.append(command)

        def wait(self) -> int:
            return 0

    monkeypatch.setattr(subprocess, "Popen", Process)
    caching.warm(60)  # the master's warm-up, in this (main) thread: it starts the process and goes on
    assert len(started) == 1 and cache.get(public_summary.SUMMARY_KEY) is None
    command = started[0]
    assert command[command.index("-m") + 1:command.index("-m") + 3] == ["django", "public_summary"]
    version, day = command[command.index("--content-version") + 1], command[command.index("--day") + 1]
    assert version == caching.content_version() and day == "2026-04-20"

    from django.core.management import call_command

    call_command("public_summary", "--content-version", version, "--day", day)  # what the process runs
    assert cache.get(public_summary.SUMMARY_KEY)["version"] == (version, day)
    assert cache.get(public_summary.SUMMARY_LOCK) is None
    caching.clear_local()
    body = client.get(reverse("portal:public")).content.decode()
    assert "Đang tổng hợp số liệu" not in body and len(started) == 1


def test_outside_the_warm_up_a_command_computes_the_figures_in_place(plan: Document, frozen: Any, settings: Any,
                                                                     monkeypatch: Any) -> None:
    from django.core.cache import cache

    from giamsat.portal import public_summary

    settings.GIAMSAT_PAGE_CACHE = True
    cache.clear()
    monkeypatch.setattr(public_summary, "_start_refresh", lambda wanted: pytest.fail("started aside"))
    assert public_summary.public_summary("v1")["tasks"] == 2
    cache.clear()

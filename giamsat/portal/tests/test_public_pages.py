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

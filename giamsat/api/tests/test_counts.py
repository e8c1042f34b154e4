"""List totals kept in the cache under the query and the data version: never stale, never another scope's."""

from __future__ import annotations

import pytest
from django.core.cache import cache
from django.test import Client, override_settings

from giamsat.api.tests.world import World
from giamsat.plans.models import Task

pytestmark = pytest.mark.django_db


@override_settings(GIAMSAT_PAGE_CACHE=True)
def test_the_kept_task_total_follows_new_tasks_and_a_plan_withdrawn_from_the_public(world: World, client: Client) -> None:
    cache.clear()
    first = client.get("/api/tasks", {"limit": 1}).json()["count"]
    assert first == Task.objects.filter(document__status="published", document__confidential=False).count() > 0
    assert client.get("/api/tasks", {"limit": 1}).json()["count"] == first  # kept
    Task.objects.bulk_create([Task(document=world.province_plan, name="Nhiệm vụ bổ sung", order=999)])
    assert client.get("/api/tasks", {"limit": 1}).json()["count"] == first + 1
    hidden = world.province_plan.tasks.count()
    world.province_plan.status = "draft"
    world.province_plan.save(update_fields=["status"])
    assert client.get("/api/tasks", {"limit": 1}).json()["count"] == first + 1 - hidden
    assert client.get("/api/tasks", {"limit": 1, "plan": world.province_plan.pk}).json() == {"items": [], "count": 0}

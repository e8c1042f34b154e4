"""The plan and task lists kept per caller scope and data version (`api.kept_per_scope`): the same bytes ninja makes,
never another scope's rows, never stale after a change."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from django.core.cache import cache
from django.test import Client, override_settings

from giamsat.api.tests.world import COMMUNE_PLAN, World
from giamsat.org.tests.factories import unit
from giamsat.plans.actions import import_parsed_plan, publish_plan
from giamsat.plans.models import Task
from giamsat.portal import caching

pytestmark = pytest.mark.django_db

LISTS = [("/api/plans", {}), ("/api/plans", {"limit": 1, "offset": 1}), ("/api/plans", {"q": "Long Bình"}),
         ("/api/tasks", {"limit": 50}), ("/api/tasks", {"limit": 2, "offset": 1}), ("/api/tasks", {"lead": "dong-nai.so-y-te"})]


@pytest.fixture(autouse=True)
def empty_caches() -> Iterator[None]:
    cache.clear()
    caching.clear_local()
    yield
    cache.clear()
    caching.clear_local()


def signed_in(user: Any) -> Client:
    client = Client()
    if user is not None:
        client.force_login(user)
    return client


def bodies(client: Client) -> list[tuple[bytes, str]]:
    out = []
    for path, params in LISTS:
        response = client.get(path, params)
        assert response.status_code == 200
        out.append((response.content, response["Content-Type"]))
    return out


def test_a_kept_list_is_byte_for_byte_what_ninja_makes_for_each_scope(world: World) -> None:
    draft = import_parsed_plan("test", COMMUNE_PLAN, owner=unit("dong-nai"))  # seen by the standing agency only
    for user in (None, world.standing_dongnai, world.reporter_longbinh, world.reporter_khcn):
        client = signed_in(user)
        with override_settings(GIAMSAT_PAGE_CACHE=False):
            made = bodies(client)
        with override_settings(GIAMSAT_PAGE_CACHE=True):
            assert bodies(client) == made  # built and kept
            assert bodies(client) == made  # read back
    with override_settings(GIAMSAT_PAGE_CACHE=True):
        standing = signed_in(world.standing_dongnai).get("/api/plans").json()
        public = signed_in(None).get("/api/plans").json()
        reporter = signed_in(world.reporter_longbinh).get("/api/plans").json()
    assert draft.pk in [p["id"] for p in standing["items"]]
    assert draft.pk not in [p["id"] for p in public["items"]] + [p["id"] for p in reporter["items"]]
    assert standing["count"] == public["count"] + 1 == reporter["count"] + 1


@override_settings(GIAMSAT_PAGE_CACHE=True)
def test_a_kept_list_follows_a_publication_a_new_task_and_a_plan_withdrawn(world: World) -> None:
    client = signed_in(None)
    first = client.get("/api/plans").json()
    tasks = client.get("/api/tasks", {"limit": 500}).json()
    plan = import_parsed_plan("test", COMMUNE_PLAN, owner=unit("dong-nai"))
    assert client.get("/api/plans").json() == first  # a draft is not public: same rows
    publish_plan("test", plan)
    published = client.get("/api/plans").json()
    assert published["count"] == first["count"] + 1 and plan.pk in [p["id"] for p in published["items"]]
    Task.objects.bulk_create([Task(document=world.province_plan, name="Nhiệm vụ bổ sung", order=999)])
    more = client.get("/api/tasks", {"limit": 500}).json()
    assert more["count"] == tasks["count"] + len(COMMUNE_PLAN["tasks"]) + 1
    assert "Nhiệm vụ bổ sung" in [t["name"] for t in more["items"]]
    world.province_plan.status = "draft"
    world.province_plan.save(update_fields=["status"])
    withdrawn = client.get("/api/plans").json()
    assert world.province_plan.pk not in [p["id"] for p in withdrawn["items"]]
    assert client.get("/api/tasks", {"plan": world.province_plan.pk}).json() == {"items": [], "count": 0}

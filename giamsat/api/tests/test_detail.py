"""The submission detail the API returns (read, draft save, every transition) is built without pydantic's
validation (`schemas.submission_detail`): it must stay byte for byte what `SubmissionDetailOut` gives."""

from __future__ import annotations

import datetime as dt
import json
from decimal import Decimal
from typing import Any

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from giamsat.api import api as api_module
from giamsat.api.api import api
from giamsat.api.schemas import SubmissionDetailOut, submission_detail
from giamsat.api.tests.test_writes import bearer, put
from giamsat.api.tests.world import World
from giamsat.audit.models import AuditEvent
from giamsat.org.tests.factories import unit
from giamsat.plans.models import Task
from giamsat.reporting.access import get_submission_for_user
from giamsat.reporting.models import IndicatorValue, Submission, TaskReport

pytestmark = pytest.mark.django_db


def validated_json(submission: Submission) -> bytes:
    """What django-ninja renders when the endpoint returns the model and the schema validates it."""
    dumped = SubmissionDetailOut.model_validate(submission).model_dump()
    return api.create_response(None, dumped, status=200).content  # type: ignore[arg-type]


def fast_json(submission: Submission) -> bytes:
    return api.create_response(None, submission_detail(submission), status=200).content  # type: ignore[arg-type]


def enrich(world: World) -> Submission:
    """A draft with every kind of value the detail shows: a date and none, a long decimal and none, text values,
    carried-forward rows, a task row in each state, an indicator with a national code and one without."""
    sub = world.khcn_report
    other_targets = list(world.province_plan.targets.exclude(pk__in=sub.values.values("target_id")))
    for target in other_targets:
        IndicatorValue.objects.create(submission=sub, target=target, value=None, text_value="Chưa có số liệu",
                                      note="Ghi chú “nhiều dòng”\nvà ký tự đặc biệt <>&", carried_forward=True)
    sub.values.filter(value__isnull=False).update(value=Decimal("1234567.8912"))
    for task in world.province_plan.tasks.exclude(pk__in=sub.task_reports.values("task_id")):
        TaskReport.objects.create(submission=sub, task=task, state="suspended", percent=35, is_lead=False,
                                  suspended_reason="Chờ kinh phí", carried_forward=True)
    Submission.objects.filter(pk=sub.pk).update(
        return_count=2, last_comment="Bổ sung số liệu quý I.", submitted_at=dt.datetime(2026, 3, 18, 9, 30, 15, 123456,
                                                                                        tzinfo=dt.UTC))
    return get_submission_for_user(world.reporter_khcn, sub.pk)


def test_the_detail_is_the_validated_schema_byte_for_byte(world: World) -> None:
    sub = enrich(world)
    assert sub.task_reports.count() >= 2 and sub.values.count() >= 2
    assert fast_json(sub) == validated_json(sub)
    body = json.loads(fast_json(sub))
    assert {r["state"] for r in body["task_reports"]} >= {"completed", "suspended"}
    assert None in [v["value"] for v in body["values"]] and "1234567.8912" in [v["value"] for v in body["values"]]
    assert {v["national_code"] for v in body["values"]} == {"CDS.DVC.01", None}
    for other in (world.yte_report, world.commune_report):  # approved reports, other units and plans
        assert fast_json(other) == validated_json(other)


def test_the_endpoints_answer_the_validated_detail(world: World) -> None:
    sub = enrich(world)
    api_client = bearer(world.reporter_khcn)
    read = api_client.get(f"/api/submissions/{sub.pk}")
    assert read.status_code == 200 and read.content == validated_json(sub)
    saved = put(api_client, f"/api/submissions/{sub.pk}/draft", {"expected_version": sub.version, "summary": "Mới"})
    assert saved.status_code == 200
    after = get_submission_for_user(world.reporter_khcn, sub.pk)
    assert saved.content == validated_json(after) and json.loads(saved.content)["version"] == sub.version + 1
    assert AuditEvent.objects.filter(action="reporting.draft_saved", object_id=str(sub.pk)).count() == 1


def test_a_save_of_the_texts_alone_reads_the_rows_once_for_the_answer(world: World) -> None:
    sub = enrich(world)
    api_client = bearer(world.reporter_khcn)
    api_client.get("/api/health")  # the token's first use stamp
    with CaptureQueriesContext(connection) as texts_only:
        response = put(api_client, f"/api/submissions/{sub.pk}/draft", {"expected_version": sub.version, "summary": "Một"})
    assert response.status_code == 200

    def reads(table: str) -> int:
        return sum(1 for q in texts_only if q["sql"].lstrip().upper().startswith("SELECT") and f'FROM "{table}"' in q["sql"])

    assert reads(TaskReport._meta.db_table) == 1 and reads(IndicatorValue._meta.db_table) == 1
    target = sub.values.filter(value__isnull=False).first()
    assert target is not None
    response = put(api_client, f"/api/submissions/{sub.pk}/draft",
                   {"expected_version": sub.version + 1, "values": [{"target": target.target_id, "value": "5"}]})
    assert response.status_code == 200 and json.loads(response.content)["version"] == sub.version + 2
    target.refresh_from_db()
    assert target.value == Decimal("5") and not target.carried_forward


def test_the_task_list_from_light_rows_is_the_list_from_model_instances(world: World, monkeypatch: Any) -> None:
    """Coordinators (two, in the units' order, and none), a task without group and lead, a due date and none."""
    tasks = list(Task.objects.filter(document=world.province_plan).order_by("order"))
    tasks[0].coordinators.set([unit("dong-nai.so-y-te"), unit("dong-nai.so-tai-chinh")])
    Task.objects.filter(pk=tasks[1].pk).update(group=None, lead=None, due_date=None)
    api_client = bearer(world.standing_dongnai)
    api_client.get("/api/health")
    urls = ["/api/tasks", "/api/tasks?limit=1&offset=1", f"/api/tasks?plan={world.province_plan.pk}"]
    light = [api_client.get(url) for url in urls]
    monkeypatch.setattr(api_module, "task_rows", lambda queryset: list(queryset))  # the model instances, as before
    instances = [api_client.get(url) for url in urls]
    for url, a, b in zip(urls, light, instances, strict=True):
        assert a.status_code == b.status_code == 200, url
        assert a.content == b.content, url
    body = json.loads(light[0].content)
    first = next(t for t in body["items"] if t["id"] == tasks[0].pk)
    second = next(t for t in body["items"] if t["id"] == tasks[1].pk)
    assert len(first["coordinators"]) == 2 and first["group"] and first["lead"]
    assert second["group"] is None and second["lead"] is None and second["due_date"] is None


def test_the_plan_list_from_light_rows_is_the_list_from_model_instances(world: World, monkeypatch: Any) -> None:
    """Plans with and without an issuer and an owner unit, every status the caller may see, pages and filters."""
    from giamsat.plans.models import Document

    plan = Document.objects.filter(pk=world.province_plan.pk)
    plan.update(issuer=None)
    api_client = bearer(world.standing_dongnai)
    api_client.get("/api/health")
    urls = ["/api/plans", "/api/plans?limit=1&offset=1", "/api/plans?status=published", "/api/plans?q=chuyen"]
    light = [api_client.get(url) for url in urls]
    monkeypatch.setattr(api_module, "plan_rows", lambda queryset: list(queryset))  # the model instances, as before
    instances = [api_client.get(url) for url in urls]
    for url, a, b in zip(urls, light, instances, strict=True):
        assert a.status_code == b.status_code == 200, url
        assert a.content == b.content, url
    body = json.loads(light[0].content)
    assert body["count"] >= 2 and any(p["issuer"] is None for p in body["items"])
    assert any(p["issuer"] is not None for p in body["items"]) and all(p["kind_label"] for p in body["items"])

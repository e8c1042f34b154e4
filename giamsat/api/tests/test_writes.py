"""Writing through the API goes through reporting.actions: same roles, same locks, same messages."""

from __future__ import annotations

import json

import pytest
from django.test import Client

from giamsat.api.actions import issue_token
from giamsat.api.tests.world import World
from giamsat.audit.models import AuditEvent
from giamsat.reporting.models import Recommendation, Submission

pytestmark = pytest.mark.django_db


def bearer(user: object) -> Client:
    _, raw = issue_token("test", user, "Hệ thống thử nghiệm")
    return Client(HTTP_AUTHORIZATION=f"Bearer {raw}")


def put(client: Client, url: str, data: dict) -> object:
    return client.put(url, json.dumps(data), content_type="application/json")


def post(client: Client, url: str, data: dict | None = None) -> object:
    return client.post(url, json.dumps(data or {}), content_type="application/json")


def snapshot(submission: Submission) -> tuple:
    submission.refresh_from_db()
    values = tuple(submission.values.values_list("target_id", "value"))
    return submission.state, submission.version, submission.summary, values


def test_the_reporter_of_so_khcn_saves_its_draft(world: World) -> None:
    api = bearer(world.reporter_khcn)
    target = world.khcn_report.values.get().target_id
    response = put(api, f"/api/submissions/{world.khcn_report.pk}/draft", {
        "expected_version": 1, "summary": "Đã đưa cơ sở dữ liệu vào vận hành.",
        "values": [{"target": target, "value": "78.5"}],
    })
    assert response.status_code == 200, response.content
    body = response.json()
    assert body["version"] == 2 and body["summary"] == "Đã đưa cơ sở dữ liệu vào vận hành."
    assert [v["value"] for v in body["values"]] == ["78.5000"]
    assert AuditEvent.objects.filter(action__contains="draft_saved").exists()


def test_the_reporter_of_so_y_te_cannot_write_the_draft_of_so_khcn(world: World) -> None:
    api = bearer(world.reporter_yte)
    before = snapshot(world.khcn_report)
    target = world.khcn_report.values.get().target_id
    saved = put(api, f"/api/submissions/{world.khcn_report.pk}/draft",
                {"expected_version": 1, "summary": "Ghi đè", "values": [{"target": target, "value": "1"}]})
    submitted = post(api, f"/api/submissions/{world.khcn_report.pk}/submit")
    assert saved.status_code == submitted.status_code == 404
    assert snapshot(world.khcn_report) == before


def test_a_stale_version_is_a_conflict_and_nothing_is_saved(world: World) -> None:
    api = bearer(world.reporter_khcn)
    before = snapshot(world.khcn_report)
    response = put(api, f"/api/submissions/{world.khcn_report.pk}/draft", {"expected_version": 7, "summary": "Cũ"})
    assert response.status_code == 409
    assert "Hãy tải lại báo cáo" in response.json()["detail"]
    assert snapshot(world.khcn_report) == before


def test_a_bad_row_is_refused_with_every_problem_listed(world: World) -> None:
    api = bearer(world.reporter_khcn)
    before = snapshot(world.khcn_report)
    target = world.khcn_report.values.get().target_id
    response = put(api, f"/api/submissions/{world.khcn_report.pk}/draft",
                   {"expected_version": 1, "values": [{"target": target, "value": "150"}]})
    assert response.status_code == 400
    assert "ngoài khoảng 0–100%" in response.json()["errors"][0]
    assert snapshot(world.khcn_report) == before


def test_only_the_approver_submits_then_the_report_is_locked_until_returned(world: World) -> None:
    url = f"/api/submissions/{world.khcn_report.pk}"
    reporter, approver, standing = bearer(world.reporter_khcn), bearer(world.approver_khcn), bearer(world.standing_dongnai)
    refused = post(reporter, f"{url}/submit")
    assert refused.status_code == 403 and "lãnh đạo đơn vị" in refused.json()["detail"]
    assert post(approver, f"{url}/submit").json()["state"] == "submitted"
    locked = put(reporter, f"{url}/draft", {"expected_version": 2, "summary": "Sửa sau khi gửi"})
    assert locked.status_code == 423
    assert post(standing, f"{url}/return", {"reason": ""}).status_code == 422
    returned = post(standing, f"{url}/return", {"reason": "Bổ sung minh chứng cho chỉ tiêu dịch vụ công."})
    assert returned.json()["state"] == "returned" and returned.json()["last_comment"].startswith("Bổ sung")
    assert put(reporter, f"{url}/draft", {"expected_version": 3, "summary": "Đã bổ sung"}).status_code == 200
    assert post(approver, f"{url}/submit").json()["state"] == "submitted"
    assert post(standing, f"{url}/approve").json()["state"] == "approved"
    assert post(standing, f"{url}/reopen", {"reason": "Điều chỉnh số liệu theo Cục Thống kê."}).json()["state"] == "returned"


def test_the_portal_session_needs_the_csrf_token_to_write(world: World) -> None:
    client = Client(enforce_csrf_checks=True)
    client.force_login(world.reporter_khcn)
    url = f"/api/submissions/{world.khcn_report.pk}/draft"
    before = snapshot(world.khcn_report)
    refused = put(client, url, {"expected_version": 1, "summary": "Không có CSRF"})
    assert refused.status_code == 403 and "CSRF" in refused.json()["detail"]
    assert snapshot(world.khcn_report) == before
    client.get("/api/submissions")  # any page sets the cookie through the session login
    client.cookies.load({"csrftoken": "a" * 32})
    response = client.put(url, json.dumps({"expected_version": 1, "summary": "Có CSRF"}), content_type="application/json",
                          HTTP_X_CSRFTOKEN="a" * 32)
    assert response.status_code == 200, response.content


def test_anonymous_cannot_write(world: World, client: Client) -> None:
    before = snapshot(world.khcn_report)
    assert put(client, f"/api/submissions/{world.khcn_report.pk}/draft", {"expected_version": 1}).status_code == 401
    assert post(client, "/api/recommendations", {"title": "x", "body": "y", "unit": "dong-nai"}).status_code == 401
    assert snapshot(world.khcn_report) == before


def test_a_draft_is_opened_for_a_period(world: World) -> None:
    world.yte_report.delete()
    response = post(bearer(world.reporter_yte), "/api/submissions", {"unit": "dong-nai.so-y-te", "period": world.q1.pk})
    assert response.status_code == 200, response.content
    assert response.json()["state"] == "draft" and response.json()["unit"] == "dong-nai.so-y-te"
    assert post(bearer(world.reporter_yte), "/api/submissions",
                {"unit": "dong-nai.so-khcn", "period": world.q1.pk}).status_code == 404


def test_recommendations_are_raised_and_answered(world: World) -> None:
    raised = post(bearer(world.reporter_khcn), "/api/recommendations", {
        "title": "Đề nghị bổ sung máy chủ", "body": "Hạ tầng máy chủ không đủ cho cơ sở dữ liệu.",
        "category": "infrastructure", "unit": "dong-nai.so-khcn", "submission": world.khcn_report.pk,
    })
    assert raised.status_code == 200, raised.content
    rec = Recommendation.objects.get(pk=raised.json()["id"])
    assert rec.raised_by_unit.code == "dong-nai.so-khcn"
    assert post(bearer(world.reporter_yte), f"/api/recommendations/{rec.pk}/answer", {"answer": "x"}).status_code == 404
    answered = post(bearer(world.standing_dongnai), f"/api/recommendations/{rec.pk}/answer",
                    {"answer": "Sở Tài chính bố trí kinh phí năm 2026."})
    assert answered.status_code == 200, answered.content
    assert answered.json()["state"] == "answered"


def test_the_evaluation_of_dong_nai_is_for_those_who_oversee_it(world: World) -> None:
    response = bearer(world.standing_dongnai).get("/api/evaluations/dong-nai", {"as_of": "2026-04-30"})
    assert response.status_code == 200, response.content
    body = response.json()
    assert body["unit"] == "dong-nai" and body["as_of"] == "2026-04-30"
    judged = {t["task"] for t in body["tasks"]}
    assert set(world.province_plan.tasks.values_list("pk", flat=True)) <= judged
    assert all(t["status_label"] for t in body["tasks"])
    assert bearer(world.reporter_yte).get("/api/evaluations/dong-nai").status_code == 404


def test_the_lock_reads_the_row_anew_with_its_period_and_unit(world: World) -> None:
    """`reporting.access.read_submission` (the API's fetch and the actions' lock): the row as the ORM reads it, its
    period and unit joined; None for no row."""
    from django.db import transaction

    from giamsat.reporting.access import read_submission

    submission = Submission.objects.select_related("period", "unit").order_by("pk").first()
    assert submission is not None
    fields = lambda obj: {f.attname: getattr(obj, f.attname) for f in obj._meta.concrete_fields}  # noqa: E731
    read = read_submission(submission.pk)
    assert fields(read) == fields(submission)
    assert fields(read.period) == fields(submission.period) and fields(read.unit) == fields(submission.unit)
    assert read_submission(10**9) is None
    with transaction.atomic():  # (the test itself runs in a transaction: the guard outside one is not testable here)
        assert fields(read_submission(submission.pk, for_update=True)) == fields(submission)

"""Reading through the API: the portal's rules, whoever calls and however they authenticate."""

from __future__ import annotations

import copy
import datetime as dt
from decimal import Decimal

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

from giamsat.api.actions import issue_token, revoke_token
from giamsat.api.tests.world import PROVINCE_PLAN, World
from giamsat.org.tests.factories import unit
from giamsat.plans.actions import import_parsed_plan, publish_plan
from giamsat.reporting.models import IndicatorValue, Recommendation, ReportingPeriod, Submission

pytestmark = pytest.mark.django_db


def bearer(user: object) -> Client:
    _, raw = issue_token("test", user, "Hệ thống thử nghiệm")
    return Client(HTTP_AUTHORIZATION=f"Bearer {raw}")


def items(response: object) -> list[dict]:
    assert response.status_code == 200, response.content  # type: ignore[attr-defined]
    return response.json()["items"]  # type: ignore[attr-defined]


def test_the_openapi_schema_is_served_and_lists_every_resource(client: Client) -> None:
    paths = client.get("/api/openapi.json").json()["paths"]
    for path in ("/api/units", "/api/plans", "/api/targets", "/api/tasks", "/api/periods", "/api/submissions",
                 "/api/indicator-values", "/api/recommendations"):
        assert path in paths


def test_anonymous_sees_published_plans_and_approved_figures_only(world: World, client: Client) -> None:
    numbers = {p["number"] for p in items(client.get("/api/plans"))}
    assert numbers == {"12/KH-UBND", "05-KH/ĐU"}
    assert items(client.get("/api/submissions")) == []
    values = items(client.get("/api/indicator-values"))
    assert {v["unit"] for v in values} == {"dong-nai.so-y-te", "phuong-long-binh.ubnd"}
    assert client.get(f"/api/submissions/{world.yte_report.pk}").status_code == 404
    assert items(client.get("/api/recommendations")) == []


def test_a_draft_plan_is_invisible_to_anonymous_and_to_another_department(world: World, client: Client) -> None:
    world.province_plan.status = "draft"
    world.province_plan.save(update_fields=["status"])
    assert client.get(f"/api/plans/{world.province_plan.pk}").status_code == 404
    assert bearer(world.reporter_yte).get(f"/api/plans/{world.province_plan.pk}").status_code == 404
    assert bearer(world.standing_dongnai).get(f"/api/plans/{world.province_plan.pk}").status_code == 200


def test_the_reporter_of_so_y_te_cannot_read_the_draft_of_so_khcn(world: World) -> None:
    api = bearer(world.reporter_yte)
    seen = {s["unit"] for s in items(api.get("/api/submissions"))}
    assert seen == {"dong-nai.so-y-te"}
    missing = api.get(f"/api/submissions/{world.khcn_report.pk}")
    nowhere = api.get("/api/submissions/999999")
    assert missing.status_code == nowhere.status_code == 404
    assert missing.json() == nowhere.json()
    assert {v["unit"] for v in items(api.get("/api/indicator-values"))} == {"dong-nai.so-y-te"}


def test_the_reporter_of_so_khcn_reads_its_draft_with_rows(world: World) -> None:
    detail = bearer(world.reporter_khcn).get(f"/api/submissions/{world.khcn_report.pk}").json()
    assert detail["state"] == "draft" and detail["state_label"] == "Bản nháp"
    assert [t["state"] for t in detail["task_reports"]] == ["completed"]
    assert [(v["value"], v["national_code"]) for v in detail["values"]] == [("72.5000", "CDS.DVC.01")]
    assert detail["files"]["docx"] == f"/trao-doi/bao-cao/{world.khcn_report.pk}.docx"


def test_the_standing_agency_of_dong_nai_sees_every_department_and_the_ward(world: World) -> None:
    api = bearer(world.standing_dongnai)
    seen = {s["unit"] for s in items(api.get("/api/submissions"))}
    assert seen == {"dong-nai.so-khcn", "dong-nai.so-y-te", "phuong-long-binh.ubnd"}
    only_drafts = items(api.get("/api/submissions", {"state": "draft"}))
    assert [s["unit"] for s in only_drafts] == ["dong-nai.so-khcn"]
    recs = items(api.get("/api/recommendations", {"unit": "dong-nai.so-tai-chinh"}))
    assert [r["title"] for r in recs] == ["Đề nghị hỗ trợ kinh phí số hóa hộ tịch"]


def test_filters_and_pagination(world: World, client: Client) -> None:
    api = bearer(world.standing_dongnai)
    page = api.get("/api/targets", {"limit": 1, "offset": 1}).json()
    assert page["count"] == 4 and len(page["items"]) == 1
    national = items(api.get("/api/targets", {"national_code": "CDS.DVC.01"}))
    assert {t["plan"] for t in national} == {world.province_plan.pk, world.commune_plan.pk}
    tasks = items(api.get("/api/tasks", {"lead": "dong-nai.so-y-te"}))
    assert [t["name"] for t in tasks] == ["Triển khai bệnh án điện tử tại bệnh viện tỉnh"]
    assert api.get("/api/targets", {"limit": 0}).status_code == 422
    periods = items(client.get("/api/periods", {"plan": world.commune_plan.pk}))
    assert [p["label"] for p in periods] == ["Quý I/2026"]


def test_a_wrong_or_revoked_token_is_refused_not_treated_as_anonymous(world: World) -> None:
    wrong = Client(HTTP_AUTHORIZATION="Bearer gs_khong-dung")
    assert wrong.get("/api/plans").status_code == 401
    token, raw = issue_token("test", world.reporter_khcn, "Hệ thống cũ")
    revoke_token("test", token)
    assert Client(HTTP_AUTHORIZATION=f"Bearer {raw}").get("/api/submissions").status_code == 401


def test_the_portal_session_reads_like_the_token(world: World, client: Client) -> None:
    client.force_login(world.reporter_khcn)
    seen = {s["unit"] for s in items(client.get("/api/submissions"))}
    assert seen == {"dong-nai.so-khcn"}



def queries_and_count(api: Client, path: str) -> tuple[int, int]:
    with CaptureQueriesContext(connection) as captured:
        response = api.get(path, {"limit": 500})
    assert response.status_code == 200
    return len(captured), response.json()["count"]


def more_of_everything(world: World) -> None:
    """A second province plan with its own period and a third department's report."""
    parsed = copy.deepcopy(PROVINCE_PLAN)
    parsed["document"]["number"] = "99/KH-UBND"
    plan = import_parsed_plan("test", parsed, owner=unit("dong-nai"))
    publish_plan("test", plan)
    period = ReportingPeriod.objects.create(document=plan, frequency="quarterly", year=2026, index=1, label="Quý I/2026",
                                            start=dt.date(2025, 12, 15), end=dt.date(2026, 3, 14), due_date=dt.date(2026, 3, 20))
    report = Submission.objects.create(period=period, unit=unit("dong-nai.so-tai-chinh"), state="approved")
    for target in plan.targets.all():
        IndicatorValue.objects.create(submission=report, target=target, value=Decimal("10"))
    Recommendation.objects.create(title="Kiến nghị thêm", body="Nội dung", raised_by_unit=unit("dong-nai.so-tai-chinh"),
                                  routed_to=unit("dong-nai.so-khcn"))


LISTS = ["/api/plans", "/api/targets", "/api/tasks", "/api/submissions", "/api/indicator-values", "/api/units",
         "/api/recommendations", "/api/periods"]


def test_list_queries_do_not_grow_with_the_rows(world: World) -> None:
    api = bearer(world.standing_dongnai)
    api.get("/api/health")
    api.get("/api/units")  # the token's last_used stamp is written once, on first use
    before = {path: queries_and_count(api, path) for path in LISTS}
    more_of_everything(world)
    after = {path: queries_and_count(api, path) for path in LISTS}
    for path in LISTS:
        assert after[path][1] > before[path][1] or path == "/api/units", path
        assert after[path][0] == before[path][0], path

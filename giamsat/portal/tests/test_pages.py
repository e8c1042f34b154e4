"""The portal through the test client: role pages, the dashboard, search, the public page, import review."""

from __future__ import annotations

from typing import Any

import pytest
from django.urls import reverse

from giamsat.plans.models import Document, DocumentStatus, ImportRun, Task
from giamsat.reporting import actions
from giamsat.reporting.models import Recommendation, ReportingPeriod

pytestmark = pytest.mark.django_db


def login(client: Any, user: Any) -> Any:
    client.force_login(user)
    return client


def test_login_shows_role_and_unit_after_signing_in(client: Any, people: Any) -> None:
    response = client.post(reverse("portal:login"), {"username": "baocao.khcn", "password": "mat-khau-thu-nghiem-2026"},
                           follow=True)
    body = response.content.decode()
    assert response.redirect_chain[-1][0] == reverse("portal:home")
    assert "Cán bộ báo cáo · Sở Khoa học và Công nghệ" in body


def test_the_nav_offers_the_dashboard_only_to_oversight_roles(client: Any, people: Any) -> None:
    assert 'href="/dieu-hanh/"' not in login(client, people.reporter).get(reverse("portal:home")).content.decode()
    assert client.get(reverse("portal:dashboard")).status_code == 404
    client.logout()
    landing = login(client, people.steering).get(reverse("portal:home"), follow=True)
    assert landing.redirect_chain == [(reverse("portal:dashboard"), 302)]
    assert 'href="/dieu-hanh/"' in landing.content.decode()


def test_dashboard_counts_the_plans_tasks_by_the_engines_status(client: Any, people: Any, plan: Document, frozen: Any) -> None:
    response = login(client, people.steering).get(reverse("portal:dashboard"))
    board = response.context["board"]
    assert response.status_code == 200
    assert board.tasks_total == 2
    counts = {s.key: s.count for s in board.task_slices}
    # Quý I/2026 is past with no approved report; Quý IV/2026 is still ahead.
    assert sum(counts.values()) == 2
    assert counts.get("not_started_overdue", 0) + counts.get("not_reported", 0) >= 1
    overdue = next(k for k in board.kpis if k.label == "Nhiệm vụ quá hạn")
    assert overdue.url.startswith(reverse("portal:tasks"))


def test_dashboard_figures_click_through_to_the_tasks_behind_them(client: Any, people: Any, plan: Document, frozen: Any) -> None:
    login(client, people.steering)
    board = client.get(reverse("portal:dashboard")).context["board"]
    for s in board.task_slices:
        listed = client.get(s.url).context["count"]
        assert listed == s.count, s.label


def test_dashboard_query_count_does_not_grow_with_the_number_of_tasks(
        client: Any, people: Any, plan: Document, frozen: Any, django_assert_max_num_queries: Any) -> None:
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from giamsat.reporting.evaluation import clear_cache

    login(client, people.steering)
    client.get(reverse("portal:home"))
    clear_cache()
    with CaptureQueriesContext(connection) as small:
        client.get(reverse("portal:dashboard"))
    for i in range(30):
        Task.objects.create(document=plan, name=f"Nhiệm vụ bổ sung {i}", lead=plan.tasks.first().lead, order=10 + i)
    clear_cache()
    with django_assert_max_num_queries(80) as big:
        response = client.get(reverse("portal:dashboard"))
    assert response.context["board"].tasks_total == 32
    assert len(big) == len(small)


def test_saved_dashboard_follows_a_provincial_task_beyond_the_national_template(client: Any, people: Any, plan: Document) -> None:
    login(client, people.steering)
    task = plan.tasks.order_by("order").last()
    response = client.post(reverse("portal:saved-new"), {"name": "Việc riêng của tỉnh", "documents": [plan.pk],
                                                         "tasks": [task.pk], "charts": ["task_status"]})
    saved = people.steering.saved_dashboards.get()
    assert response.status_code == 302 and saved.name == "Việc riêng của tỉnh"
    page = client.get(reverse("portal:dashboard") + f"?saved={saved.pk}")
    assert [t.pk for t in page.context["followed_tasks"]] == [task.pk]
    assert 'id="chart-tasks"' in page.content.decode() and 'id="xep-hang"' not in page.content.decode()
    client.logout()
    login(client, people.standing)
    assert client.get(reverse("portal:dashboard") + f"?saved={saved.pk}").status_code == 404


def test_the_dashboard_lists_the_viewers_own_saved_dashboards_by_name(client: Any, people: Any, plan: Document) -> None:
    from giamsat.portal.models import SavedDashboard

    for name in ("Bảng B", "Bảng A"):
        SavedDashboard.objects.create(user=people.steering, name=name)
    other = SavedDashboard.objects.create(user=people.standing, name="Bảng của người khác")
    login(client, people.steering)
    page = client.get(reverse("portal:dashboard")).content.decode()
    mine = list(people.steering.saved_dashboards.order_by("name"))
    links = [f'href="?saved={s.pk}">{s.name}</a>' for s in mine]
    assert all(link in page for link in links) and page.index(links[0]) < page.index(links[1])
    assert f"?saved={other.pk}" not in page and other.name not in page


def test_search_ignores_marks_and_case_and_hides_drafts_from_the_public(client: Any, people: Any, draft_plan: Document) -> None:
    login(client, people.standing)
    results = client.get(reverse("portal:search"), {"q": "CHUYEN doi so"}).context["results"]
    assert [d.number for d in results.documents] == ["45/KH-UBND"]
    found = client.get(reverse("portal:search"), {"q": "tri tue nhan tao"}).context["results"]
    assert [t.name for t in found.tasks] == ["Nhiệm vụ nháp chưa rà soát về trí tuệ nhân tạo"]
    client.logout()
    public = client.get(reverse("portal:public-search"), {"q": "tri tue nhan tao"}).context["results"]
    assert public.total == 0


def test_the_public_page_shows_published_plans_only(client: Any, people: Any, draft_plan: Document) -> None:
    body = client.get(reverse("portal:public")).content.decode()
    assert "45/KH-UBND" in body
    assert "99/KH-UBND" not in body and "bí mật chưa công bố" not in body
    assert client.get(reverse("portal:public-plan", args=[draft_plan.pk])).status_code == 404
    assert "baocao.khcn" not in body


def test_a_citizen_sends_a_recommendation_from_the_public_page(client: Any, people: Any) -> None:
    response = client.post(reverse("portal:public-recommendation"), {
        "sender": "Công ty TNHH Sao Mai", "contact": "saomai@example.vn", "title": "Đề nghị mở dữ liệu đất đai",
        "category": "data", "body": "Đề nghị công khai dữ liệu quy hoạch sử dụng đất dạng mở.", "website": ""})
    rec = Recommendation.objects.get()
    assert response.status_code == 302
    assert (rec.public_sender, rec.routed_to.code, rec.state) == ("Công ty TNHH Sao Mai", "dong-nai", "new")


def test_only_reviewers_import_and_publish(client: Any, people: Any, draft_plan: Document) -> None:
    login(client, people.reporter)
    assert client.get(reverse("portal:imports")).status_code == 404
    assert client.get(reverse("portal:review", args=[draft_plan.pk])).status_code == 404
    response = client.post(reverse("portal:publish", args=[draft_plan.pk]), {"confirm": "yes"})
    assert response.status_code == 404
    draft_plan.refresh_from_db()
    assert draft_plan.status == DocumentStatus.DRAFT


def test_review_shows_items_beside_the_raw_and_restored_source_and_publishes(client: Any, people: Any, draft_plan: Document) -> None:
    login(client, people.standing)
    task = draft_plan.tasks.get()
    task.source_start_line = task.source_end_line = 2
    task.save()
    page = client.get(reverse("portal:review", args=[draft_plan.pk]), {"item": f"task-{task.pk}"})
    body = page.content.decode()
    assert page.context["highlight"] == {2}
    assert "Nhiem vu nhap chua ra soat" in body and "Nhiệm vụ nháp chưa rà soát" in body
    client.post(reverse("portal:item-split", args=[draft_plan.pk, "task", task.pk]),
                {"first": "Xây dựng kho dữ liệu AI", "second": "Đào tạo nhân lực AI"})
    assert list(draft_plan.tasks.order_by("order").values_list("name", flat=True)) == [
        "Xây dựng kho dữ liệu AI", "Đào tạo nhân lực AI"]
    client.post(reverse("portal:item-merge", args=[draft_plan.pk, "task", task.pk]))
    assert list(draft_plan.tasks.values_list("name", flat=True)) == ["Xây dựng kho dữ liệu AI Đào tạo nhân lực AI"]
    assert client.post(reverse("portal:publish", args=[draft_plan.pk])).status_code == 302
    draft_plan.refresh_from_db()
    assert draft_plan.status == DocumentStatus.DRAFT  # not without confirming the review
    client.post(reverse("portal:publish", args=[draft_plan.pk]), {"confirm": "yes"})
    draft_plan.refresh_from_db()
    assert draft_plan.status == DocumentStatus.PUBLISHED


def test_upload_runs_the_reading_job_and_shows_its_progress(client: Any, people: Any, plan: Document) -> None:
    from django.core.files.uploadedfile import SimpleUploadedFile

    from giamsat.org.tests.factories import unit

    login(client, people.standing)
    text = ("ỦY BAN NHÂN DÂN TỈNH ĐỒNG NAI\nSố: 12/KH-UBND\nKẾ HOẠCH\nTriển khai Nghị quyết 57-NQ/TW\n"
            "I. MỤC TIÊU\n1. Đến năm 2026, tỷ lệ hồ sơ trực tuyến đạt 80%.\nII. NHIỆM VỤ\n"
            "1. Xây dựng cơ sở dữ liệu số của tỉnh. Cơ quan chủ trì: Sở Khoa học và Công nghệ. Thời gian: Quý IV/2026.\n")
    response = client.post(reverse("portal:imports"), {"unit": unit("dong-nai").pk,
                                                       "file": SimpleUploadedFile("ke-hoach.txt", text.encode())})
    run = ImportRun.objects.get(filename="ke-hoach.txt")
    assert response.url == reverse("portal:import", args=[run.pk])
    assert run.state in (ImportRun.State.SUCCEEDED, ImportRun.State.FAILED)
    partial = client.get(reverse("portal:import", args=[run.pk]), headers={"HX-Request": "true"})
    assert partial.templates[0].name == "portal/_import_progress.html"
    assert 'hx-trigger="every 2s"' not in partial.content.decode()  # finished: polling stops


def test_report_entry_submit_return_and_approve_through_the_pages(client: Any, people: Any, plan: Document, frozen: Any) -> None:
    actions.open_periods(plan)
    period = ReportingPeriod.objects.filter(document=plan).order_by("due_date").first()
    login(client, people.approver)
    opened = client.post(reverse("portal:report-open"), {"unit": people.approver.memberships.get().unit_id, "period": period.pk})
    submission = people.approver.memberships.get().unit.submissions.get()
    assert opened.url == reverse("portal:report", args=[submission.pk])
    first = submission.task_reports.order_by("task__order").first()
    form = {"version": submission.version, "summary": "Đã hoàn thành cơ sở dữ liệu", "then": "submit",
            f"task-{first.task_id}-state": "completed", f"task-{first.task_id}-percent": "100",
            f"task-{first.task_id}-completed_on": "2026-03-10"}
    client.post(reverse("portal:report-save", args=[submission.pk]), form)
    submission.refresh_from_db()
    assert submission.state == "submitted"
    stale = client.post(reverse("portal:report-save", args=[submission.pk]), {**form, "version": 1}, follow=True)
    assert "không sửa được" in stale.content.decode() or "phiên bản" in stale.content.decode()
    client.logout()
    login(client, people.standing)
    client.post(reverse("portal:report-review", args=[submission.pk]), {"decision": "return", "reason": "Thiếu minh chứng"})
    submission.refresh_from_db()
    assert (submission.state, submission.last_comment) == ("returned", "Thiếu minh chứng")
    client.logout()
    login(client, people.approver)
    client.post(reverse("portal:report-save", args=[submission.pk]), {**form, "version": submission.version})
    client.logout()
    login(client, people.standing)
    client.post(reverse("portal:report-review", args=[submission.pk]), {"decision": "approve"})
    submission.refresh_from_db()
    assert submission.state == "approved"


def test_a_reporter_of_another_unit_cannot_open_or_change_the_report(client: Any, people: Any, plan: Document, frozen: Any) -> None:
    actions.open_periods(plan)
    period = ReportingPeriod.objects.filter(document=plan).order_by("due_date").first()
    submission = actions.get_or_create_draft(people.reporter, people.reporter.memberships.get().unit, period)
    login(client, people.outsider)
    assert client.get(reverse("portal:report", args=[submission.pk])).status_code == 404
    assert client.post(reverse("portal:report-save", args=[submission.pk]),
                       {"version": submission.version, "summary": "sửa trộm"}).status_code == 404
    submission.refresh_from_db()
    assert (submission.summary, submission.version) == ("", 1)


def test_the_language_switcher_turns_the_portal_into_english(client: Any, people: Any) -> None:
    assert "Đăng nhập hệ thống" in client.get(reverse("portal:login")).content.decode()
    client.post(reverse("set_language"), {"language": "en", "next": reverse("portal:login")})
    body = client.get(reverse("portal:login")).content.decode()
    assert "Skip to main content" in body and 'lang="en"' in body


def test_an_english_browser_still_gets_vietnamese_until_the_user_switches(client: Any, people: Any) -> None:
    body = client.get(reverse("portal:login"), headers={"Accept-Language": "en-US,en;q=0.9"}).content.decode()
    assert "Đăng nhập hệ thống" in body and 'lang="vi"' in body


def test_kpi_trend_lines_come_after_the_page_from_earlier_evaluations(client: Any, people: Any, plan: Document) -> None:
    import json

    login(client, people.steering)
    page = client.get(reverse("portal:dashboard")).content.decode()
    assert reverse("portal:dashboard-trends") in page and 'id="trend-done"' in page
    body = client.get(reverse("portal:dashboard-trends")).content.decode()
    specs = json.loads(body.split(">", 1)[1].rsplit("</script>", 1)[0])
    done = specs["trend-done"]["data"]
    assert len(done["labels"]) == 4 and len(done["datasets"][0]["data"]) == 4


def test_a_reviewer_maps_an_unrecognised_agency_to_a_unit(client: Any, people: Any, draft_plan: Document) -> None:
    from giamsat.org.tests.factories import unit

    task = draft_plan.tasks.get()
    task.lead, task.lead_text = None, "Ban Quản lý khu công nghệ cao"
    task.save()
    login(client, people.standing)
    page = client.get(reverse("portal:review", args=[draft_plan.pk]))
    assert page.context["agency_form"].names == ["Ban Quản lý khu công nghệ cao"]
    client.post(reverse("portal:agencies", args=[draft_plan.pk]), {"agency_0": unit("dong-nai.so-khcn").pk})
    task.refresh_from_db()
    assert task.lead.code == "dong-nai.so-khcn"


def test_answered_public_recommendations_appear_on_the_public_page_without_contacts(client: Any, people: Any) -> None:
    from django.contrib.auth.models import AnonymousUser

    from giamsat.org.tests.factories import unit

    rec = actions.raise_recommendation(AnonymousUser(), title="Mở dữ liệu giao thông", body="Đề nghị mở dữ liệu.",
                                       category="data", routed_to=unit("dong-nai"), public_sender="Nguyễn Văn Dân",
                                       public_contact="0912345678")
    assert "Mở dữ liệu giao thông" not in client.get(reverse("portal:public")).content.decode()
    actions.answer_recommendation(people.standing, rec, "Sở KH&CN sẽ công bố bộ dữ liệu trong quý I/2027.")
    body = client.get(reverse("portal:public")).content.decode()
    assert "Mở dữ liệu giao thông" in body and "quý I/2027" in body
    assert "0912345678" not in body and "Nguyễn Văn Dân" not in body


def test_evidence_is_attached_with_a_draft_and_downloaded_only_by_those_who_see_the_report(
        client: Any, people: Any, plan: Document, frozen: Any) -> None:
    from django.core.files.uploadedfile import SimpleUploadedFile

    actions.open_periods(plan)
    period = ReportingPeriod.objects.filter(document=plan).order_by("due_date").first()
    submission = actions.get_or_create_draft(people.reporter, people.reporter.memberships.get().unit, period)
    login(client, people.reporter)
    evidence = SimpleUploadedFile("bien-ban.txt", "Biên bản nghiệm thu cơ sở dữ liệu".encode())
    client.post(reverse("portal:report-save", args=[submission.pk]),
                {"version": submission.version, "summary": "Có biên bản", "attachments": [evidence]})
    item = submission.attachments.get()
    url = reverse("portal:report-attachment", args=[submission.pk, item.pk])
    response = client.get(url)
    assert response.status_code == 200 and b"".join(response.streaming_content).decode() == "Biên bản nghiệm thu cơ sở dữ liệu"
    client.logout()
    login(client, people.outsider)
    assert client.get(url).status_code == 404


def test_the_search_box_of_a_visitor_searches_published_plans(client: Any, people: Any) -> None:
    body = client.get(reverse("portal:public")).content.decode()
    assert f'action="{reverse("portal:public-search")}"' in body

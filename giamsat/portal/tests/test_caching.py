"""The fragment cache: an approved value shows at once, a saved draft keeps the cache, and no viewer
ever gets a page rendered for another scope (or another viewer's CSRF token)."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from django.test import Client
from django.urls import reverse

from giamsat.org.models import Role
from giamsat.org.tests.factories import persona
from giamsat.org.tests.factories import unit as unit_by_code
from giamsat.plans.models import Document
from giamsat.portal import caching
from giamsat.reporting import actions
from giamsat.reporting.models import Recommendation, ReportingPeriod, Submission

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _page_cache(page_cache: None) -> None:
    """Every test here runs with the page cache on (conftest's `page_cache`)."""


def signed_in(user: Any) -> Client:
    client = Client()
    client.force_login(user)
    return client


def draft_of(people: Any, plan: Document) -> Submission:
    actions.open_periods(plan)
    period = ReportingPeriod.objects.filter(document=plan).order_by("due_date").first()
    return actions.get_or_create_draft(people.approver, people.approver.memberships.get().unit, period)


def test_a_newly_approved_value_appears_at_once_on_the_cached_public_and_plan_pages(
        people: Any, plan: Document, frozen: Any) -> None:
    public_url = reverse("portal:public-plan", args=[plan.pk])
    steering = signed_in(people.steering)
    assert "73,5" not in Client().get(public_url).content.decode()
    assert "73,5" not in steering.get(reverse("portal:plan", args=[plan.pk])).content.decode()
    submission = draft_of(people, plan)
    target = plan.targets.get()
    submission = actions.save_draft(people.approver, submission, expected_version=submission.version,
                                    values=[{"target_id": target.pk, "value": "73.5"}])
    submission = actions.submit_report(people.approver, submission)
    assert "73,5" not in Client().get(public_url).content.decode()  # submitted is not yet public
    actions.approve_report(people.standing, submission)
    assert "73,5" in Client().get(public_url).content.decode()
    assert "73,5" in steering.get(reverse("portal:plan", args=[plan.pk])).content.decode()


def test_the_dashboard_follows_a_submission_through_submit_and_return(people: Any, plan: Document, frozen: Any) -> None:
    steering = signed_in(people.steering)
    submission = draft_of(people, plan)
    assert "Thiếu số liệu quý" not in signed_in(people.approver).get(reverse("portal:reports")).content.decode()
    before = steering.get(reverse("portal:dashboard")).content.decode()
    submission = actions.submit_report(people.approver, submission)
    after = steering.get(reverse("portal:dashboard")).content.decode()
    assert before != after  # the compliance card counts the report as sent
    actions.return_report(people.standing, submission, reason="Thiếu số liệu quý")
    assert "Thiếu số liệu quý" in signed_in(people.approver).get(reverse("portal:reports")).content.decode()


def test_saving_a_draft_keeps_the_cached_pages(people: Any, plan: Document, frozen: Any) -> None:
    submission = draft_of(people, plan)
    version = caching.content_version()
    actions.save_draft(people.approver, submission, expected_version=submission.version, summary="Đang cập nhật")
    assert caching.content_version() == version
    actions.submit_report(people.approver, Submission.objects.get(pk=submission.pk))
    assert caching.content_version() != version


def test_a_unit_never_gets_the_cached_report_list_of_another_unit(people: Any, plan: Document, frozen: Any) -> None:
    draft_of(people, plan)
    khcn = signed_in(people.approver).get(reverse("portal:reports")).content.decode()
    assert "Sở Khoa học và Công nghệ" in khcn
    health = signed_in(people.outsider).get(reverse("portal:reports")).content.decode()
    assert "Sở Khoa học và Công nghệ" not in health
    assert caching.viewer_scope(people.approver) != caching.viewer_scope(people.outsider)


def test_oversight_of_another_province_never_gets_the_cached_dashboard(people: Any, plan: Document, frozen: Any) -> None:
    elsewhere = persona("bcd.langson", "lang-son", Role.STEERING)
    dong_nai = signed_in(people.steering).get(reverse("portal:dashboard")).content.decode()
    assert plan.number in dong_nai
    lang_son = signed_in(elsewhere).get(reverse("portal:dashboard")).content.decode()
    assert plan.number not in lang_son
    assert plan.number in signed_in(people.steering).get(reverse("portal:targets")).content.decode()
    assert plan.number not in signed_in(elsewhere).get(reverse("portal:targets")).content.decode()


def test_two_viewers_of_one_scope_share_the_fragment_but_not_their_own_parts(people: Any, plan: Document, frozen: Any) -> None:
    colleague = persona("bcd2.dongnai", "dong-nai", Role.STEERING)
    Recommendation.objects.create(title="Đề nghị bổ sung kinh phí hạ tầng số", body="Nội dung", category="funding",
                                  raised_by=people.steering, routed_to=unit_by_code("lang-son"))
    first, second = signed_in(people.steering), signed_in(colleague)
    mine = first.get(reverse("portal:dashboard")).content.decode()
    theirs = second.get(reverse("portal:dashboard")).content.decode()
    assert caching.viewer_scope(people.steering) == caching.viewer_scope(colleague)
    assert "Đề nghị bổ sung kinh phí hạ tầng số" in mine
    assert "Đề nghị bổ sung kinh phí hạ tầng số" not in theirs  # raised by the first, routed outside their scope


def test_a_cached_page_carries_the_viewers_own_csrf_token(people: Any, plan: Document, frozen: Any) -> None:
    actions.open_periods(plan)
    tokens = []
    for _ in range(2):
        client = signed_in(people.approver)
        body = client.get(reverse("portal:reports")).content.decode()
        assert caching.CSRF_MARK not in body
        assert 'name="csrfmiddlewaretoken"' in body  # the "open a report" forms
        tokens.append(client.cookies["csrftoken"].value)
    assert tokens[0] != tokens[1]


def test_the_public_page_is_the_same_for_everyone_and_hides_drafts(people: Any, draft_plan: Document) -> None:
    anonymous = Client().get(reverse("portal:public")).content.decode()
    reviewer = signed_in(people.standing).get(reverse("portal:public")).content.decode()
    assert draft_plan.number not in anonymous and draft_plan.number not in reviewer
    assert "<title>Công khai — " in anonymous


def test_visitors_share_the_whole_public_page_but_each_gets_a_token_and_their_own_message(people: Any) -> None:
    first, second = Client(), Client()
    pages = [c.get(reverse("portal:public")).content.decode() for c in (first, second)]
    tokens = [c.cookies["csrftoken"].value for c in (first, second)]
    assert caching.TOKEN_MARK not in pages[0] + pages[1]
    assert tokens[0] != tokens[1]
    assert pages[0].count('name="csrfmiddlewaretoken"') == pages[1].count('name="csrfmiddlewaretoken"') >= 1
    sent = first.post(reverse("portal:public-recommendation"), {
        "sender": "Công ty TNHH Sao Mai", "contact": "saomai@example.vn", "title": "Đề nghị mở dữ liệu đất đai",
        "category": "data", "body": "Đề nghị công khai dữ liệu quy hoạch sử dụng đất dạng mở.", "website": ""}, follow=True)
    assert "Đã nhận kiến nghị của quý vị" in sent.content.decode()
    assert "Đã nhận kiến nghị của quý vị" not in second.get(reverse("portal:public")).content.decode()


def test_the_newest_change_in_the_version_is_one_partial_index_lookup(db: Any) -> None:
    from django.db import connection

    # the index (migration 0004) serves only this exact WHERE clause
    assert caching.AUDIT_WHERE == "action NOT IN ('reporting.draft_saved', 'reporting.attachment_added')"
    sql = f"SELECT MAX(id) FROM audit_auditevent WHERE {caching.AUDIT_WHERE}"
    with connection.cursor() as cur:
        if connection.vendor == "sqlite":
            cur.execute("EXPLAIN QUERY PLAN " + sql)
        else:
            cur.execute("SET LOCAL enable_seqscan = off")
            cur.execute("EXPLAIN " + sql)
        plan = " ".join(str(row) for row in cur.fetchall())
    assert caching.AUDIT_INDEX in plan


def test_threads_of_a_worker_missing_the_same_fragment_render_it_once() -> None:
    import threading
    import time

    renders = []

    def build() -> tuple[str, str]:
        renders.append(1)
        time.sleep(0.2)
        return "Công khai", "<p>trang</p>"

    def visit() -> None:
        caching.fragment("single-flight", [], "public", build, version="v1")

    threads = [threading.Thread(target=visit) for _ in range(6)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert len(renders) == 1
    assert caching._BUILDING == {}


def test_the_public_page_lists_plans_page_by_page_each_cached_on_its_own(
        people: Any, plan: Document, draft_plan: Document, monkeypatch: Any) -> None:
    from giamsat.plans.actions import publish_plan
    from giamsat.portal.views import pages

    other = publish_plan("test", draft_plan)
    monkeypatch.setattr(pages, "PUBLIC_PLANS_PER_PAGE", 1)
    first = Client().get(reverse("portal:public")).content.decode()
    second = Client().get(reverse("portal:public") + "?page=2").content.decode()
    assert "1/2" in first and "2/2" in second
    shown = [number for number in (plan.number, other.number) if number in first]
    assert len(shown) == 1 and shown[0] not in second
    assert (plan.number in second) != (other.number in second)


def test_a_link_between_published_plans_appears_at_once_on_the_cached_plan_page(people: Any, plan: Document) -> None:
    """A change that adds no row (a child plan's target linked to the province's target) still
    reaches the cached page: every audited change does."""
    import copy

    from giamsat.alignment.actions import link_target_to_parent
    from giamsat.plans.actions import import_parsed_plan, publish_plan
    from giamsat.portal.tests.conftest import PLAN

    child_plan = copy.deepcopy(PLAN)
    child_plan["document"] = {**child_plan["document"], "number": "77/KH-SKHCN"}
    child = publish_plan("test", import_parsed_plan("test", child_plan, owner=unit_by_code("dong-nai.so-khcn")))
    steering = signed_in(people.steering)
    url = reverse("portal:plan", args=[plan.pk])
    assert "77/KH-SKHCN" not in steering.get(url).content.decode()
    link_target_to_parent(people.standing, child.targets.first(), plan.targets.first())
    assert "77/KH-SKHCN" in steering.get(url).content.decode()


def test_after_the_warm_up_a_leader_opens_any_plan_they_may_see_without_a_render(
        people: Any, plan: Document, frozen: Any, monkeypatch: Any) -> None:
    """The warm-up (gunicorn's master, before forking) renders the plan pages of every plan a scope may
    open, the published plans of other units included (the API's plan list offers them), not only the
    ones the scope follows: the first visit of each is a cache hit."""
    import copy

    from giamsat.plans.actions import import_parsed_plan, publish_plan
    from giamsat.portal.scope import tracked_documents
    from giamsat.portal.tests.conftest import PLAN

    other = copy.deepcopy(PLAN)
    other["document"] = {**other["document"], "issuer": "Ủy ban nhân dân tỉnh Lạng Sơn", "number": "12/KH-UBND"}
    elsewhere = publish_plan("test", import_parsed_plan("test", other, owner=unit_by_code("lang-son")))
    assert not tracked_documents(people.steering).filter(pk=elsewhere.pk).exists()
    assert caching.warm(60) > 0
    renders: list[str] = []
    render_body = caching.render_body
    monkeypatch.setattr(caching, "render_body", lambda request, template, context: renders.append(template)
                        or render_body(request, template, context))
    steering = signed_in(people.steering)
    for document in (plan, elsewhere):
        page = steering.get(reverse("portal:plan", args=[document.pk]))
        assert page.status_code == 200 and document.number in page.content.decode()
    assert renders == []


def test_the_warm_up_compiles_the_templates_before_the_workers_fork() -> None:
    from django.template import engines

    assert caching.compile_templates() > 10
    loader = engines["django"].engine.template_loaders[0]
    assert "portal/login.html" in {key.split(":")[0] for key in map(str, loader.get_template_cache)}


def test_leaders_of_different_scopes_share_one_render_of_a_plans_tasks_but_not_its_linked_plans(
        people: Any, plan: Document, frozen: Any, monkeypatch: Any) -> None:
    """A published plan's objectives, targets and tasks are the same for every viewer: the second scope's
    first visit evaluates nothing and renders only its own part (the linked plans it may see)."""
    from giamsat.portal.views import plans as plan_views

    evaluated: list[Any] = []
    plan_results = plan_views.plan_results
    monkeypatch.setattr(plan_views, "plan_results", lambda pk: evaluated.append([pk]) or plan_results(pk))
    elsewhere = persona("bcd.langson", "lang-son", Role.STEERING)
    assert caching.viewer_scope(elsewhere) != caching.viewer_scope(people.steering)
    url = reverse("portal:plan", args=[plan.pk])
    pages = [signed_in(user).get(url).content.decode() for user in (people.steering, elsewhere, people.standing)]
    assert evaluated == [[plan.pk]]
    task_names = [t.name for t in plan.tasks.all()]
    for page in pages:
        assert all(name in page for name in task_names) and plan.number in page
    tasks_part = [page[page.index('id="tasks"'):] for page in pages]
    assert tasks_part[0] == tasks_part[1] == tasks_part[2]
    filtered = signed_in(elsewhere).get(url, {"q": task_names[0]}).content.decode()  # other arguments: their own render
    assert task_names[0] in filtered and task_names[1] not in filtered and len(evaluated) == 2


def test_a_draft_plan_under_review_shows_its_tasks_without_the_cache(people: Any, draft_plan: Document) -> None:
    page = signed_in(people.standing).get(reverse("portal:plan", args=[draft_plan.pk])).content.decode()
    assert "Nhiệm vụ nháp chưa rà soát về trí tuệ nhân tạo" in page and 'id="tasks"' in page


def test_the_warm_up_takes_plans_in_turn_from_each_list_newest_first(people: Any, plan: Document) -> None:
    """The public home's plans and each leader scope's plans alternate, so a short budget reaches every list."""
    import copy

    from giamsat.plans.actions import import_parsed_plan, publish_plan
    from giamsat.portal.tests.conftest import PLAN

    other = copy.deepcopy(PLAN)
    other["document"] = {**other["document"], "number": "13/KH-UBND", "date": "2026-01-05"}
    newer = publish_plan("test", import_parsed_plan("test", other, owner=unit_by_code("dong-nai")))
    plan_pages = [(path, user) for path, _view, _args, user in caching._warm_plan() if "ke-hoach" in path]
    first_round = plan_pages[:len({caching.viewer_scope(user) for _path, user in plan_pages})]
    assert all(str(newer.pk) in path for path, _user in first_round)  # every list starts with its newest plan
    assert {str(plan.pk) in path for path, _user in plan_pages[len(first_round):]} == {True}
    assert caching._in_turn([[1, 2, 3], [], [4]]) == [1, 4, 2, 3]


def test_the_warm_up_leaves_the_administrators_national_pages_to_the_end(people: Any, plan: Document) -> None:
    """An administrator's dashboard and target list evaluate every unit: after every plan page, not before."""
    admin = persona("quantri.test", "dong-nai", Role.ADMIN)
    pages = [(path, user) for path, _view, _args, user in caching._warm_plan()]
    assert any("ke-hoach" in path for path, _user in pages)
    assert [path for path, user in pages[-3:]] == ["/dieu-hanh/", "/chi-tieu/", "/bao-cao/"]
    assert all(caching.viewer_scope(user) == "admin" for _path, user in pages[-3:]) and admin.is_active


def _unit_moved(plan: Document) -> None:
    moved = unit_by_code("dong-nai.so-y-te")
    moved.parent = unit_by_code("lang-son")
    moved.save(update_fields=["parent"])


def _unit_merged(plan: Document) -> None:
    merged = unit_by_code("dong-nai.so-y-te")
    merged.successor = unit_by_code("dong-nai.so-khcn")
    merged.save(update_fields=["successor"])


def _recommendation(**changes: Any) -> Any:
    def write(plan: Document) -> None:
        values = {k: v() if callable(v) else v for k, v in changes.items()}
        Recommendation.objects.filter(title="Đề nghị về hạ tầng số").update(**values)
    return write


OUTSIDE_THE_ACTIONS = {  # writes that add no audit event (bulk loads, the registry, a hand fix): each changes the version
    "plan withdrawn": lambda plan: Document.objects.filter(pk=plan.pk).update(status="draft"),
    "plan marked confidential": lambda plan: Document.objects.filter(pk=plan.pk).update(confidential=True),
    "plan's publication time": lambda plan: Document.objects.filter(pk=plan.pk).update(
        published_at=plan.published_at - dt.timedelta(days=1)),
    "plan removed": lambda plan: Document.objects.filter(pk=plan.pk).delete(),
    "unit moved": _unit_moved,
    "unit merged": _unit_merged,
    "recommendation answered": _recommendation(state="answered"),
    "recommendation's answer time": _recommendation(answered_at=dt.datetime(2026, 4, 1, tzinfo=dt.UTC)),
    "recommendation routed elsewhere": _recommendation(routed_to=lambda: unit_by_code("lang-son")),
    "recommendation escalated": _recommendation(escalated_to=lambda: unit_by_code("lang-son")),
}


@pytest.mark.parametrize("write", list(OUTSIDE_THE_ACTIONS), ids=list(OUTSIDE_THE_ACTIONS))
def test_the_version_follows_writes_made_outside_the_actions(people: Any, plan: Document, write: str) -> None:
    Recommendation.objects.create(title="Đề nghị về hạ tầng số", body="Nội dung", category="funding",
                                  raised_by=people.steering, routed_to=unit_by_code("dong-nai.so-khcn"))
    version = caching.content_version()
    assert caching.content_version() == version
    OUTSIDE_THE_ACTIONS[write](plan)
    assert caching.content_version() != version

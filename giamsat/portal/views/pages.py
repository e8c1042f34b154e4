"""Public pages, the role home pages, login and search."""

from __future__ import annotations

import datetime as dt
import logging
from typing import Any

from django.contrib import messages
from django.contrib.auth import views as auth_views
from django.contrib.auth.decorators import login_required
from django.contrib.auth.models import AnonymousUser
from django.core.paginator import Paginator
from django.db.models import Prefetch
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.template.loader import render_to_string
from django.utils import timezone
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _

from giamsat.plans.access import visible_documents
from giamsat.plans.models import DocumentStatus, Milestone, Target
from giamsat.portal import caching, figures
from giamsat.portal.forms import PublicRecommendationForm
from giamsat.portal.profile import profile_for
from giamsat.portal.public_summary import public_summary
from giamsat.portal.scope import public_documents, public_receiver, with_counts
from giamsat.portal.search import search as run_search
from giamsat.reporting import access as reporting_access
from giamsat.reporting.actions import raise_recommendation
from giamsat.reporting.errors import ReportingError
from giamsat.reporting.evaluation import plan_results
from giamsat.reporting.models import IndicatorValue, Recommendation

logger = logging.getLogger(__name__)


class LoginView(auth_views.LoginView):
    template_name = "portal/login.html"
    redirect_authenticated_user = True


def public(request: HttpRequest) -> HttpResponse:
    """Published plans only: no drafts, no attachments, no names of officials."""
    number = request.GET.get("page", "1")
    number = number if number.isdigit() else "1"
    version = caching.request_version(request)
    summary = public_summary(version)
    current = summary is not None and summary["version"] == (version, dt.date.today().isoformat())
    # A page showing old figures (or none yet) is kept only briefly: the new ones are being computed.
    return caching.cached_page(request, "public", (number, summary["stamp"] if summary else "pending"),
                               "portal/public.html", lambda: _public_context(number, summary, current), public=True,
                               timeout=caching.TIMEOUT if current else PENDING_TIMEOUT)


PENDING_TIMEOUT = 5  # seconds a public home without current figures is kept: the new ones are on the way


PUBLIC_PLANS_PER_PAGE = 50  # a province has a few dozen plans; the nation thousands
HEAVY = ("source_text", "restored_text")  # a plan's full text: never needed to list it


def _public_context(number: str, summary: dict[str, Any] | None, current: bool = True) -> dict[str, Any]:
    """The page's 50 plans (their counts only) and the kept figures of every published plan (`public_summary`:
    no task row is read here; on the national set the page used to read 608,250 tasks and their statuses,
    ~1.3 s of CPU even with the evaluation in memory, ~25 s without)."""
    documents = public_documents()
    listed = with_counts(documents.select_related("owner").defer(*HEAVY))
    plan_page = Paginator(listed, PUBLIC_PLANS_PER_PAGE).get_page(number)
    totals = {"plans": plan_page.paginator.count, **{k: summary[k] for k in ("targets", "tasks", "done", "percent")}} \
        if summary else {"plans": plan_page.paginator.count}
    answered = list(reporting_access.public_recommendations().filter(state__in=("answered", "closed"))
                    .exclude(answer="").order_by("-answered_at")[:5])
    return {"plans": plan_page.object_list, "plan_page": plan_page, "by_unit": summary["by_unit"] if summary else [],
            "totals": totals, "summary": summary, "summary_current": current, "answered": answered}


def public_plan(request: HttpRequest, pk: int) -> HttpResponse:
    return caching.cached_page(request, "public-plan", (pk,), "portal/public_plan.html", lambda: _public_plan_context(pk),
                               public=True)


def _public_plan_context(pk: int) -> dict[str, Any]:
    plan = get_object_or_404(public_documents().select_related("owner"), pk=pk)
    targets = list(plan.targets.prefetch_related(Prefetch("milestones", queryset=Milestone.objects.order_by("year"))))
    tasks = list(plan.tasks.select_related("lead", "group"))
    evaluation = plan_results(plan.pk)  # this plan alone, once for its targets and its tasks (kept per plan)
    values = _approved_values(targets)
    for t in targets:
        found = evaluation.targets.get(str(t.pk))
        t.status = str(found.status) if found else ""
        t.latest = values.get(t.pk)
    for t in tasks:
        found = evaluation.tasks.get(str(t.pk))
        t.status = str(found.status) if found else ""
    return {"plan": plan, "targets": targets, "tasks": tasks}


def _approved_values(targets: list[Target]) -> dict[int, Any]:
    """Latest approved value per target: only approved reports reach the public."""
    latest: dict[int, Any] = {}
    for v in (IndicatorValue.objects.filter(target__in=targets, submission__state="approved", value__isnull=False)
              .order_by("submission__period__end").values("target_id", "value")):
        latest[v["target_id"]] = v["value"]
    return latest


def public_recommendation(request: HttpRequest) -> HttpResponse:
    form = PublicRecommendationForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            raise_recommendation(request.user, title=data["title"], body=data["body"], category=data["category"],
                                 routed_to=public_receiver(), public_sender=data["sender"], public_contact=data["contact"])
        except ReportingError as exc:
            form.add_error(None, str(exc))
        else:
            messages.success(request, _("Đã nhận kiến nghị của quý vị. Cơ quan thường trực sẽ xem xét và trả lời."))
            return redirect("portal:public")
    return render(request, "portal/public_recommendation.html", {"form": form})


@login_required
def home(request: HttpRequest) -> HttpResponse:
    profile = profile_for(request.user)
    kind = profile.home_kind()
    if kind == "steering":
        return redirect("portal:dashboard")
    context: dict[str, Any] = {"profile": profile, "kind": kind, "lists": _home_lists(request, kind)}
    if kind in ("standing_agency", "steering"):
        context["board_kpis"], context["board_compliance"] = _home_board(request)
    context["recommendations"] = _home_recommendations(request)
    return caching.in_layout(request, "portal/home.html", context)  # the first page of every sign-in


def _home_board(request: HttpRequest) -> tuple[str, str]:
    """The oversight home's figures (the dashboard's KPIs and reporting compliance, unfiltered), rendered once per
    viewer scope, day and content version through the page cache, as the dashboard's own figures are: they were
    evaluated on every visit of the home page, the first page of every sign-in."""
    def build() -> tuple[str, str]:
        board = figures.build_dashboard(request.user, figures.Filters(), timezone.localdate())
        return "", render_to_string("portal/_home_board.html", {"board": board}, request)

    made = caching.fragment("home-board", [], caching.viewer_scope(request.user), build,
                            version=caching.request_version(request))
    kpis, compliance = (*made.parts, "", "")[:2]
    return kpis, compliance


def _home_lists(request: HttpRequest, kind: str) -> str:
    """The home page's lists for the viewer's scope (a unit's open reports, or the standing agency's review queue and
    plans to review), rendered once per scope, day and content version through the page cache, as the report list
    is (`reports.report_list`: saving a draft changes nothing listed). On the national set they were ~5-8 ms of the
    standing agency's ~17 ms of CPU for the home page, the first page of every sign-in."""
    if kind not in ("reporter", "approver", "standing_agency"):
        return ""

    def build() -> tuple[str, str]:
        context: dict[str, Any] = {"kind": kind}
        if kind in ("reporter", "approver"):
            subs = _submissions_for(request.user).exclude(state="approved").select_related("period", "unit")
            context["open_submissions"] = list(subs[:20])
            context["to_submit"] = [s for s in context["open_submissions"] if s.state in ("draft", "returned")]
        else:
            context["queue"] = list(_review_queue(request.user)[:20])
            context["drafts"] = list(visible_documents(request.user).filter(status=DocumentStatus.DRAFT)
                                     .defer(*HEAVY)[:10])
        return "", render_to_string("portal/_home_lists.html", context, request)

    made = caching.fragment("home-lists", [kind], caching.viewer_scope(request.user), build,
                            version=caching.request_version(request))
    return mark_safe("".join(made.parts))  # rendered by the template above (its data escaped there)


def _home_recommendations(request: HttpRequest) -> str:
    """The viewer's five newest open recommendations (their own included, so kept per user, as the dashboard's are),
    rendered once per content version. Read with the one unit shown: the access filter's three joined units made
    PostgreSQL hash-join every unit (~6 ms on the national set's 4,273)."""
    def build() -> tuple[str, str]:
        items = list(reporting_access.recommendations_for_user(request.user).exclude(state=Recommendation.State.CLOSED)
                     .select_related(None).select_related("routed_to")[:5])
        return "", render_to_string("portal/_home_recommendations.html", {"recommendations": items}, request)

    made = caching.fragment("home-recommendations", [request.user.pk], caching.viewer_scope(request.user), build,
                            version=caching.request_version(request))
    return mark_safe("".join(made.parts))  # rendered by the template above (its data escaped there)


def _submissions_for(user: Any) -> Any:
    return reporting_access.submissions_for_user(user)


def _review_queue(user: Any) -> Any:
    return reporting_access.review_queue(user)


@login_required
def search(request: HttpRequest) -> HttpResponse:
    query = request.GET.get("q", "").strip()
    results = run_search(request.user, query, visible_documents(request.user), _submissions_for(request.user)) if query else None
    return render(request, "portal/search.html", {"query": query, "results": results})


def public_search(request: HttpRequest) -> HttpResponse:
    query = request.GET.get("q", "").strip()[:100]

    def context() -> dict[str, Any]:
        results = run_search(AnonymousUser(), query, public_documents(), None) if query else None
        return {"query": query, "results": results, "public": True}

    return caching.cached_page(request, "public-search", (query,), "portal/search.html", context, public=True,
                               timeout=caching.SHORT_TIMEOUT)



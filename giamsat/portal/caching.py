"""Rendered HTML of the heavy portal pages, kept in the cache the workers share (Redis in production).

A fragment is keyed by the page and its arguments, the viewer's visibility scope, the language,
the day (statuses depend on it) and `content_version()`; any change to what these pages show
gives a new version, so a new key, and the old entry is never read again (it expires).

Why not `giamsat.reporting.evaluation.data_version()` alone: it follows every submission's
`updated_at`, so each saved draft — several a second while units report — would empty every
page. Every change giamsat makes is a named action that writes an audit event in the same
transaction, so the version is the newest audit event that is not a draft save (one lookup in a
partial index), plus a few row counts and sums that also catch writes made outside the actions
(bulk loads, the registry): one round trip.

Scope: two viewers share a fragment only when they see the same thing — anonymous visitors
share public pages; a signed-in viewer's scope is the set of (role, unit) they hold (what
`giamsat.org.access` decides visibility from), or "admin". Per-user parts of a page (saved
dashboards, the viewer's own recommendations, CSRF tokens) are never inside a fragment.

Entries live in the shared cache with a timeout, and each worker keeps its most recent ones in its own
memory too (an entry never changes under its key). A worker's threads that miss the same key wait
for one render.
"""

from __future__ import annotations

import hashlib
import itertools
import threading
from collections import OrderedDict
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Any, TypeVar

from django.conf import settings
from django.contrib.messages import get_messages
from django.contrib.messages.storage.cookie import CookieStorage
from django.core.cache import cache
from django.db import connection
from django.http import HttpRequest, HttpResponse
from django.middleware.csrf import get_token
from django.shortcuts import render
from django.template.backends.utils import csrf_input
from django.template.loader import render_to_string
from django.utils import timezone, translation
from django.utils.safestring import SafeString, mark_safe

from giamsat.audit.models import AuditEvent
from giamsat.org.models import OrgUnit, Role
from giamsat.plans.models import Document, DocumentStatus, Target, Task
from giamsat.portal.profile import profile_for
from giamsat.reporting.models import Recommendation, ReportingPeriod, Submission

T = TypeVar("T")
TIMEOUT = 600  # seconds; bounds memory and the rare miss of two changes committing out of id order
SHORT_TIMEOUT = 60  # pages keyed by free text (search): a stream of distinct queries cannot pile up
SPLIT = "<!--giamsat:fragment-split-->"  # where a page puts per-user HTML between cached parts
TITLE_END = "<!--giamsat:title-end-->"
CSRF_MARK = "<!--giamsat:csrf-token-->"  # {% fragment_csrf_token %} in a cached fragment; filled in per request
TOKEN_MARK = "giamsatcsrftokenmark" * 3  # the CSRF token's place in a whole cached page (letters, like a token)
FRAGMENT_BASE = "portal/_fragment.html"
# The newest audited change that is not a draft save: submission transitions, plan publications and
# edits that keep row ids (a link between plans, a mapping confirmed, a lead agency mapped).
# Literal (not a parameter) so the databases match it to the partial index of migration 0004.
AUDIT_DRAFT_ACTIONS = ("reporting.draft_saved", "reporting.attachment_added")
AUDIT_WHERE = "action NOT IN (" + ", ".join(f"'{a}'" for a in AUDIT_DRAFT_ACTIONS) + ")"
AUDIT_INDEX = "portal_auditevent_changes"
LOCAL_ENTRIES = 256  # fragments each worker also keeps in its own memory (most recently used)
_LOCAL: OrderedDict[str, Any] = OrderedDict()
_LOCAL_LOCK = threading.Lock()
_BUILDING: dict[str, tuple[threading.Lock, int]] = {}  # key -> (its render lock, threads using it)


def content_version() -> str:
    """A stamp of everything the cached pages show (one query; see the module docstring). Each table whose every row
    counts (plans, units, recommendations) is read in one pass: on the national set (4,061 plans, 4,273 units) the
    three passes over the plans and the two over the recommendations cost ~3.0-3.7 ms of PostgreSQL CPU on every
    request that reads the version, one pass each ~2.2 ms."""
    t = {m: m._meta.db_table for m in (Submission, ReportingPeriod, Document, Task, Target, OrgUnit,
                                           Recommendation)}
    sql = (
        f"SELECT (SELECT MAX(id) FROM {AuditEvent._meta.db_table} WHERE {AUDIT_WHERE}),"
        f" (SELECT MAX(id) FROM {t[Submission]}), plans.*,"
        f" (SELECT MAX(id) FROM {t[Task]}), (SELECT MAX(id) FROM {t[Target]}), units.*,"
        f" (SELECT MAX(id) FROM {t[ReportingPeriod]}), recommendations.*"
        f" FROM (SELECT MAX(published_at), COUNT(*),"
        f" SUM(CASE WHEN status = %s THEN id ELSE 0 END + CASE WHEN confidential THEN 7 ELSE 0 END)"
        f" FROM {t[Document]}) AS plans,"
        f" (SELECT MAX(id), SUM(COALESCE(parent_id, 0) + 3 * COALESCE(successor_id, 0)) FROM {t[OrgUnit]}) AS units,"
        f" (SELECT MAX(id), MAX(answered_at), SUM(id * (CASE state WHEN %s THEN 1 WHEN %s THEN 2 WHEN %s THEN 5 ELSE 11 END)"
        f" + 13 * COALESCE(routed_to_id, 0) + 17 * COALESCE(escalated_to_id, 0)) FROM {t[Recommendation]})"
        f" AS recommendations"
    )
    states = Recommendation.State
    params = ["published", states.NEW.value, states.IN_PROGRESS.value, states.ANSWERED.value]
    with connection.cursor() as cur:
        cur.execute(sql, params)
        row = cur.fetchone()
    return "|".join(str(v) for v in row)


def request_version(request: HttpRequest) -> str:
    """`content_version()`, read once per request however many fragments the page has."""
    version = getattr(request, "_giamsat_content_version", None)
    if version is None:
        version = content_version() if settings.GIAMSAT_PAGE_CACHE else ""
        request._giamsat_content_version = version  # type: ignore[attr-defined]
    return str(version)


def viewer_scope(user: Any) -> str:
    """Who sees the same data: "public", "admin", or the sorted (role, unit) pairs the user holds."""
    if not getattr(user, "is_authenticated", False):
        return "public"
    profile = profile_for(user)
    if profile.is_superuser or any(m.role == Role.ADMIN for m in profile.memberships):
        return "admin"  # the same rule as giamsat.org.access.is_admin
    pairs = sorted((m.role, m.unit_id) for m in profile.memberships)
    return "units:" + ",".join(f"{role}@{unit}" for role, unit in pairs)


@dataclass(frozen=True)
class Fragment:
    """A page's cached HTML: its title and the parts around the per-user HTML (see `SPLIT`)."""

    title: SafeString
    parts: tuple[SafeString, ...]


def fragment(page: str, args: Sequence[Any], scope: str, build: Callable[[], tuple[str, str]],
             timeout: int = TIMEOUT, version: str | None = None) -> Fragment:
    """The cached fragment of `page`, or `build()` → (title, html) rendered, stored and returned."""
    if not settings.GIAMSAT_PAGE_CACHE:
        return _fragment(*build())
    return kept(page, args, scope, lambda: _fragment(*build()), timeout, version, Fragment)


def kept(page: str, args: Sequence[Any], scope: str, build: Callable[[], T], timeout: int = TIMEOUT,
         version: str | None = None, kind: type[Any] = object) -> T:
    """The value kept under `page`, its arguments, the viewer scope, the day and the content version (see the module
    docstring), or `build()`'s, stored and returned; `kind`: the type a kept value must have (else it is rebuilt).
    The caller decides whether the page cache is on (`settings.GIAMSAT_PAGE_CACHE`)."""
    key = cache_key(page, args, scope, version)
    hit = _shared_get(key)
    if hit is not None and isinstance(hit, kind):
        return hit  # type: ignore[return-value]
    with _building(key):  # the worker's other threads wait for this build instead of repeating it
        hit = _shared_get(key)
        if hit is not None and isinstance(hit, kind):
            return hit  # type: ignore[return-value]
        made = build()
        _shared_set(key, made, timeout)
    return made


@contextmanager
def _building(key: str) -> Iterator[None]:
    with _LOCAL_LOCK:
        lock, waiting = _BUILDING.get(key, (threading.Lock(), 0))
        _BUILDING[key] = (lock, waiting + 1)
    try:
        with lock:
            yield
    finally:
        with _LOCAL_LOCK:
            lock, waiting = _BUILDING[key]
            if waiting <= 1:
                del _BUILDING[key]
            else:
                _BUILDING[key] = (lock, waiting - 1)


def _shared_get(key: str) -> Any:
    """The cache entry under `key`, from this process's memory first: an entry never changes under its key
    (the key holds the data version), so a local copy is never stale and saves a Redis round trip."""
    with _LOCAL_LOCK:
        hit = _LOCAL.get(key)
        if hit is not None:
            _LOCAL.move_to_end(key)
            return hit
    hit = cache.get(key)
    if hit is not None:
        _remember(key, hit)
    return hit


def _shared_set(key: str, value: Any, timeout: int) -> None:
    cache.set(key, value, timeout)
    _remember(key, value)


def clear_local() -> None:
    """Forget this process's copies (tests, where a rolled-back database can repeat a version)."""
    with _LOCAL_LOCK:
        _LOCAL.clear()
        _LAYOUTS.clear()


def _remember(key: str, value: Any) -> None:
    with _LOCAL_LOCK:
        _LOCAL[key] = value
        _LOCAL.move_to_end(key)
        while len(_LOCAL) > LOCAL_ENTRIES:
            _LOCAL.popitem(last=False)


def cache_key(page: str, args: Sequence[Any], scope: str, version: str | None = None) -> str:
    day = timezone.localdate()
    raw = repr((tuple(args), scope, translation.get_language(), day.isoformat(), version or content_version()))
    return f"giamsat:page:{page}:{hashlib.sha256(raw.encode()).hexdigest()[:40]}"


def query_args(request: HttpRequest) -> list[tuple[str, list[str]]]:
    """The query string as key arguments: a page's links repeat it (sorting, pagination)."""
    return sorted(request.GET.lists())


def render_body(request: HttpRequest, template: str, context: dict[str, Any]) -> tuple[str, str]:
    """A page template's title and content blocks only: the page extends `FRAGMENT_BASE` instead of the
    site layout (which holds the viewer's name and CSRF tokens, never cached)."""
    html = render_to_string(template, {**context, "base_template": FRAGMENT_BASE, "cached_render": True}, request)
    title, _sep, body = html.partition(TITLE_END)
    return title.strip(), body


def cached_page(request: HttpRequest, page: str, args: Sequence[Any], template: str,
                build: Callable[[], dict[str, Any]], *, public: bool = False, shell: str = "portal/_cached_page.html",
                extra: dict[str, Any] | None = None, timeout: int = TIMEOUT,
                content: str | None = None) -> HttpResponse:
    """Render `template` with the context `build()` makes, through the fragment cache, in `shell`.

    `public`: the page shows the same to everyone (published data only), so all viewers share it; an
    anonymous visitor's whole page (layout included) is cached, with the CSRF token filled in per request.
    `content`: the template of `shell`'s content block on its own (per-viewer parts around the fragment's), so
    the site layout around it can come from `_layout` (see there); without it the content is the fragment."""
    if public and _anonymous_without_messages(request) and settings.GIAMSAT_PAGE_CACHE:
        return _whole_public_page(request, page, args, template, build, timeout)
    scope = "public" if public else viewer_scope(request.user)
    made = fragment(page, args, scope, lambda: render_body(request, template, build()), timeout, request_version(request))
    if any(CSRF_MARK in part for part in made.parts):
        token = str(csrf_input(request))
        made = Fragment(made.title, tuple(mark_safe(part.replace(CSRF_MARK, token)) for part in made.parts))
    context = {"page": made, **(extra or {})}
    if (shell != DEFAULT_SHELL and content is None) or not settings.GIAMSAT_PAGE_CACHE or _has_messages(request):
        return render(request, shell, context)
    body = render_to_string(content, context, request) if content else "".join(made.parts)
    html = _layout(request).replace(TOKEN_MARK, get_token(request))
    return HttpResponse(html.replace(LAYOUT_TITLE, made.title, 1).replace(LAYOUT_CONTENT, body, 1))


def in_layout(request: HttpRequest, template: str, context: dict[str, Any]) -> HttpResponse:
    """A page rendered on every request (not cached) in the site layout kept for this viewer (`_layout`): only its
    title and content blocks are rendered (`template` extends `base_template`). The same HTML as `render`; pages
    with a message to show, and every page when the page cache is off, are rendered in full."""
    if not settings.GIAMSAT_PAGE_CACHE or _has_messages(request):
        return render(request, template, context)
    title, body = render_body(request, template, context)
    html = _layout(request).replace(TOKEN_MARK, get_token(request))
    return HttpResponse(html.replace(LAYOUT_TITLE, title, 1).replace(LAYOUT_CONTENT, body, 1))


DEFAULT_SHELL = "portal/_cached_page.html"
LAYOUT_TITLE = "<!--giamsat:layout-title-->"
LAYOUT_CONTENT = "<!--giamsat:layout-content-->"
LAYOUT_ENTRIES = 512  # rendered layouts each worker keeps (one per viewer and address in use)
_LAYOUTS: OrderedDict[str, str] = OrderedDict()


def _layout(request: HttpRequest) -> str:
    """The site layout (`portal/base.html`: header, viewer's name and role, navigation, footer) around a page's
    title and content, rendered once per viewer, language and address and kept in this worker's memory, with
    marks where the title, the content and the CSRF token go: rendering it was ~3 ms of CPU of every signed-in
    page served from the cache. The key holds everything the layout shows: the viewer's identity and
    memberships (role, unit and its name), the language and the full address (the navigation's current item, the
    search box, the language form's return address). Pages with a message to show are rendered in full."""
    user = request.user
    identity: tuple[Any, ...] = ("anonymous",)
    if getattr(user, "is_authenticated", False):
        profile = profile_for(user)
        identity = (user.pk, user.get_username(), user.get_full_name(), profile.is_superuser,
                    tuple((m.role, str(m.get_role_display()), m.unit_id, m.unit.name) for m in profile.memberships))
    raw = repr((identity, translation.get_language(), request.get_full_path()))
    key = hashlib.sha256(raw.encode()).hexdigest()
    with _LOCAL_LOCK:
        html = _LAYOUTS.get(key)
        if html is not None:
            _LAYOUTS.move_to_end(key)
            return html
    marks = Fragment(mark_safe(LAYOUT_TITLE), (mark_safe(LAYOUT_CONTENT),))
    html = render_to_string(DEFAULT_SHELL, {"page": marks, "csrf_token": TOKEN_MARK}, request)
    with _LOCAL_LOCK:
        _LAYOUTS[key] = html
        while len(_LAYOUTS) > LAYOUT_ENTRIES:
            _LAYOUTS.popitem(last=False)
    return html


def _has_messages(request: HttpRequest) -> bool:
    """A message waits for this viewer (read without marking it shown)."""
    return bool(len(get_messages(request)))


def _whole_public_page(request: HttpRequest, page: str, args: Sequence[Any], template: str,
                       build: Callable[[], dict[str, Any]], timeout: int) -> HttpResponse:
    version = request_version(request)
    key = cache_key(page + ":whole", [request.get_full_path()], "public", version)
    html = _shared_get(key)
    if not isinstance(html, str):
        made = fragment(page, args, "public", lambda: render_body(request, template, build()), timeout, version)
        html = render_to_string("portal/_cached_page.html", {"page": made, "csrf_token": TOKEN_MARK}, request)
        _shared_set(key, html, timeout)
    return HttpResponse(html.replace(TOKEN_MARK, get_token(request)))


def _anonymous_without_messages(request: HttpRequest) -> bool:
    """An anonymous visitor with no message waiting (a thank-you after sending a recommendation)."""
    if getattr(request.user, "is_authenticated", True) or CookieStorage.cookie_name in request.COOKIES:
        return False
    session = getattr(request, "session", None)
    return session is None or "_messages" not in session


def _fragment(title: str, html: str) -> Fragment:
    return Fragment(mark_safe(title), tuple(mark_safe(part) for part in html.split(SPLIT)))  # our own rendered HTML


def warm(budget_seconds: float = 60.0) -> int:
    """Render the cached pages once for every viewer scope, in the order visitors need them (the public
    home, each scope's dashboard, target and report lists, then published plans: first the ones a scope
    follows, then the others it may open), until the budget is spent. The site's templates are compiled
    first (Django's cached loader keeps them per process).

    gunicorn calls it in the master before forking (scripts/gunicorn.conf.py), so every worker starts
    with the compiled templates, the evaluations and the fragments in memory, and no visitor pays for
    the first evaluation or compilation. Returns the number of pages rendered."""
    import time

    from django.test import RequestFactory

    from giamsat.portal import public_summary

    deadline = time.monotonic() + budget_seconds
    compile_templates()
    done = 0
    # The public home's figures over every plan (~25 s of CPU on the national set) are computed by a process of
    # their own meanwhile: in place they took the whole budget before any other page (public_summary.aside).
    with translation.override(settings.LANGUAGE_CODE), public_summary.aside():
        for path, view, args, user in _warm_plan():
            if time.monotonic() > deadline:
                break
            request = RequestFactory().get(path)
            request.user = user
            request.session = {}  # type: ignore[assignment]
            request._messages = _NoMessages()  # type: ignore[attr-defined]
            view(request, *args)
            done += 1
    return done


class _NoMessages(list[Any]):
    """Message storage for warm-up requests (they have no session to carry messages)."""

    def add(self, *args: Any, **kwargs: Any) -> None:
        return None


def _warm_plan() -> list[tuple[str, Any, tuple[Any, ...], Any]]:
    """The warm-up's pages in order: the public home and each scope's landing pages, then the plans, taking one
    in turn from each list that offers them (the public home's plans, and for each oversight scope the plans it
    follows, then the other plans it may open), each list in the order the site lists it (newest first, as the
    public home, the plan list and the API's plan list show them): the plans offered first are the ones opened
    first, and no list waits for another to be exhausted. The administrators' landing pages come last."""
    from django.contrib.auth import get_user_model
    from django.contrib.auth.models import AnonymousUser
    from django.urls import reverse

    from giamsat.plans.access import visible_documents
    from giamsat.portal.scope import public_documents, tracked_documents
    from giamsat.portal.views import dashboard, pages, plans, reports

    listed = ("-issued_on", "number", "pk")
    anonymous = AnonymousUser()
    out: list[tuple[str, Any, tuple[Any, ...], Any]] = [(reverse("portal:public"), pages.public, (), anonymous)]
    lists: list[list[tuple[str, Any, tuple[Any, ...], Any]]] = [[
        (reverse("portal:public-plan", args=[pk]), pages.public_plan, (pk,), anonymous)
        for pk in public_documents().order_by(*listed).values_list("pk", flat=True)[:WARM_PLANS]]]
    others: list[list[tuple[str, Any, tuple[Any, ...], Any]]] = []
    seen: set[str] = set()
    users = get_user_model().objects.filter(is_active=True, memberships__isnull=False).distinct().order_by("pk")
    admins: list[tuple[str, Any, tuple[Any, ...], Any]] = []
    for user in users:
        scope = viewer_scope(user)
        if scope in seen:
            continue
        seen.add(scope)
        # The administrators' landing pages (every unit: a national dashboard and target list, each tens of
        # seconds to a few minutes of evaluation) come after everything else, so they never spend the budget.
        landing = admins if scope == "admin" else out
        if profile_for(user).is_oversight:
            landing.append((reverse("portal:dashboard"), dashboard.dashboard, (), user))
            landing.append((reverse("portal:targets"), plans.target_list, (), user))
            tracked = list(tracked_documents(user).order_by(*listed).values_list("pk", flat=True)[:WARM_PLANS])
            lists.append([(reverse("portal:plan", args=[pk]), plans.plan_detail, (pk,), user) for pk in tracked])
            # The other plans the scope may open (published plans of other units, the API's plan list):
            # leaders open them too, and each costs a whole evaluation when missed.
            rest = visible_documents(user).filter(status=DocumentStatus.PUBLISHED).exclude(pk__in=tracked).order_by(
                *listed).values_list("pk", flat=True)[:WARM_PLANS]
            others.append([(reverse("portal:plan", args=[pk]), plans.plan_detail, (pk,), user) for pk in rest])
        landing.append((reverse("portal:reports"), reports.report_list, (), user))
    return out + _in_turn(lists + others) + admins


WARM_PLANS = 500  # plans per list the warm-up may render


def _in_turn(lists: list[list[Any]]) -> list[Any]:
    """The lists' items taken one from each list in turn: [[a1, a2, a3], [b1]] -> [a1, b1, a2, a3]."""
    return [item for items in itertools.zip_longest(*lists) for item in items if item is not None]


def compile_templates() -> int:
    """Compile every template of giamsat's apps into the template engines' cached loaders (no rendering).

    Returns the number compiled; a template that does not compile alone (a fragment meant to be
    included) is skipped: it is compiled when first used."""
    from pathlib import Path

    from django.apps import apps
    from django.template import TemplateDoesNotExist, TemplateSyntaxError
    from django.template.loader import get_template

    done = 0
    for config in apps.get_app_configs():
        if not config.name.startswith("giamsat."):
            continue
        root = Path(config.path) / "templates"
        for path in sorted(root.rglob("*.html")) if root.is_dir() else []:
            try:
                get_template(path.relative_to(root).as_posix())
                done += 1
            except (TemplateDoesNotExist, TemplateSyntaxError):
                continue
    return done

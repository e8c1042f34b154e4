"""The JSON API (django-ninja, OpenAPI at /api/openapi.json).

Thin on purpose: every list starts from a permission-checked queryset of the access modules
(`org.access`, `plans.access`, `reporting.access`), every write calls `reporting.actions`.
"""


import datetime as dt
import hashlib
from collections.abc import Callable
from functools import wraps
from typing import Annotated, Any

from django.conf import settings
from django.core.cache import cache
from django.core.exceptions import PermissionDenied
from django.db.models import QuerySet
from django.http import Http404, HttpRequest, HttpResponse
from django.utils import timezone
from ninja import Field, NinjaAPI, Path, Query, Schema
from ninja.errors import AuthenticationError, HttpError
from ninja.pagination import LimitOffsetPagination, paginate
from pydantic import create_model

from giamsat.api import queries
from giamsat.api.auth import READ_AUTH, caller, session_auth, token_auth
from giamsat.api.evaluations import EvaluationOut, evaluation_out
from giamsat.api.schemas import (
    AnswerIn,
    DraftIn,
    ErrorOut,
    PeriodOut,
    PlanOut,
    ReasonIn,
    RecommendationIn,
    RecommendationOut,
    SaveDraftIn,
    SubmissionDetailOut,
    SubmissionOut,
    TargetOut,
    TaskOut,
    UnitOut,
    ValueOut,
    plan_rows,
    submission_detail,
    task_rows,
)
from giamsat.org.access import get_unit_for_user
from giamsat.portal import caching
from giamsat.portal.caching import content_version
from giamsat.reporting import access as reporting_access
from giamsat.reporting import actions
from giamsat.reporting.errors import ConflictError, LockedError, NotAllowed, ReportingError
from giamsat.reporting.evaluation import evaluate_scope

api = NinjaAPI(
    title="giamsat API",
    version="1",
    urls_namespace="api",
    description=(
        "API giám sát, đánh giá thực hiện Nghị quyết 57-NQ/TW. Xác thực bằng khoá API "
        "(`Authorization: Bearer gs_…`) hoặc phiên đăng nhập cổng thông tin (kèm CSRF khi ghi). "
        "Không xác thực: chỉ dữ liệu đã công khai."
    ),
    auth=[token_auth, session_auth],
)

Id = Annotated[int, Path(ge=1, le=2**62)]
Code = Annotated[str, Path(max_length=80)]


class Page(LimitOffsetPagination):
    class Input(Schema):
        limit: int = Field(100, ge=1, le=500)
        offset: int = Field(0, ge=0, le=10**9)


class VersionedCountPage(Page):
    """Pages whose total is kept in the cache under the exact query and `content_version()`: counting the
    national set's 608,250 tasks took 200-270 ms of PostgreSQL CPU (three processes) on every page of
    `/api/tasks`; the version (one indexed query) changes with every plan, task, target and unit change,
    so the total is never stale. Only for lists whose rows only change with that version (plans' content),
    not reports, which a saved draft changes without a new version."""

    def paginate_queryset(self, queryset: QuerySet[Any], pagination: Any, request: HttpRequest, **params: Any) -> Any:
        offset, limit = pagination.offset, min(pagination.limit, self.max_limit)
        if not settings.GIAMSAT_PAGE_CACHE:  # off in tests, where a rolled-back database can repeat a version
            return super().paginate_queryset(queryset, pagination, request, **params)
        sql, sql_params = queryset.order_by().query.sql_with_params()
        key = "giamsat:api-count:" + hashlib.sha256(repr((sql, sql_params, content_version())).encode()).hexdigest()[:40]
        count = cache.get(key)
        if count is None:
            count = queryset.count()
            cache.set(key, count, COUNT_TIMEOUT)
        return {self.items_attribute: queryset[offset:offset + limit], "count": count}


COUNT_TIMEOUT = 600


class TaskPage(VersionedCountPage):
    """`/api/tasks`: the page's tasks as light rows (`schemas.task_rows`) for the schema to validate."""

    def paginate_queryset(self, queryset: QuerySet[Any], pagination: Any, request: HttpRequest, **params: Any) -> Any:
        page = super().paginate_queryset(queryset, pagination, request, **params)
        page[self.items_attribute] = task_rows(page[self.items_attribute])
        return page


class PlanPage(VersionedCountPage):
    """`/api/plans`: the page's plans as light rows (`schemas.plan_rows`) for the schema to validate."""

    def paginate_queryset(self, queryset: QuerySet[Any], pagination: Any, request: HttpRequest, **params: Any) -> Any:
        page = super().paginate_queryset(queryset, pagination, request, **params)
        page[self.items_attribute] = plan_rows(page[self.items_attribute])
        return page


def kept_per_scope(page: str, item: type[Schema]) -> Callable[[Callable[..., Any]], Callable[..., Any]]:
    """A paginated list (`@paginate` below this) whose JSON is kept, as the portal's pages are (`caching.kept`), under
    its filters and page, the caller's scope (`caching.viewer_scope`: callers who hold the same roles in the same units
    see the same rows) and `content_version()`, which changes with every plan, target, task and unit. Only for lists
    whose rows only change with that version, as `VersionedCountPage`'s totals. The kept body is the JSON ninja makes
    from the same rows (`item` validated, then its renderer; test: byte for byte): each leader's first request,
    `/api/plans` on the national set (100 plans a page out of 4,061), cost ~16-21 ms of CPU and ~13 ms of PostgreSQL."""
    paged = create_model(f"Kept{item.__name__}Page", __base__=Schema, items=(list[item], ...), count=(int, ...))

    def decorate(view: Callable[..., Any]) -> Callable[..., Any]:
        @wraps(view)
        def kept_view(request: HttpRequest, **kwargs: Any) -> Any:
            if not settings.GIAMSAT_PAGE_CACHE:
                return view(request, **kwargs)

            def build() -> bytes:
                rows = paged.model_validate(view(request, **kwargs)).model_dump()
                return bytes(api.create_response(request, rows, status=200).content)

            args = sorted((name, value.model_dump() if isinstance(value, Schema) else value)
                          for name, value in kwargs.items())
            body = caching.kept("api:" + page, [repr(args)], caching.viewer_scope(caller(request)), build,
                                COUNT_TIMEOUT, caching.request_version(request), bytes)
            return HttpResponse(body, content_type=api.get_content_type())

        return kept_view

    return decorate


@api.exception_handler(Http404)
def not_found(request: HttpRequest, exc: Http404) -> Any:
    return api.create_response(request, {"detail": str(exc) or "Không tìm thấy."}, status=404)


@api.exception_handler(AuthenticationError)
def unauthorized(request: HttpRequest, exc: AuthenticationError) -> Any:
    return api.create_response(request, {"detail": "Chưa xác thực hoặc khoá API không hợp lệ."}, status=401)


class HealthOut(Schema):
    status: str


@api.get("/health", response=HealthOut, auth=None, tags=["system"])
def health(request: HttpRequest) -> dict[str, str]:
    return {"status": "ok"}


# Units ------------------------------------------------------------------------------------------

class UnitFilter(Schema):
    kind: str | None = Field(None, max_length=32, description="Loại đơn vị (province, department, commune…)")
    parent: str | None = Field(None, max_length=80, description="Mã đơn vị cấp trên")
    q: str | None = Field(None, max_length=200, description="Tìm theo tên hoặc mã")


@api.get("/units", response=list[UnitOut], auth=READ_AUTH, tags=["units"])
@paginate(VersionedCountPage)
def list_units(request: HttpRequest, filters: Query[UnitFilter]) -> Any:
    return queries.units(caller(request), **filters.dict())


@api.get("/units/{code}", response={200: UnitOut, 404: ErrorOut}, auth=READ_AUTH, tags=["units"])
def get_unit(request: HttpRequest, code: Code) -> Any:
    return queries.unit(caller(request), code)


# Plans, targets, tasks, periods ------------------------------------------------------------------

class PlanFilter(Schema):
    unit: str | None = Field(None, max_length=80, description="Mã đơn vị chịu trách nhiệm theo dõi")
    status: str | None = Field(None, max_length=20)
    kind: str | None = Field(None, max_length=20)
    year: int | None = Field(None, ge=1900, le=2200, description="Năm ban hành")
    q: str | None = Field(None, max_length=200, description="Tìm theo số, ký hiệu hoặc trích yếu")


@api.get("/plans", response=list[PlanOut], auth=READ_AUTH, tags=["plans"])
@kept_per_scope("plans", PlanOut)
@paginate(PlanPage)
def list_plans(request: HttpRequest, filters: Query[PlanFilter]) -> Any:
    return queries.plans(caller(request), **filters.dict())


@api.get("/plans/{plan_id}", response={200: PlanOut, 404: ErrorOut}, auth=READ_AUTH, tags=["plans"])
def get_plan(request: HttpRequest, plan_id: Id) -> Any:
    return queries.plan(caller(request), plan_id)


class TargetFilter(Schema):
    plan: int | None = Field(None, ge=1, le=2**62)
    theme: str | None = Field(None, max_length=60)
    responsible: str | None = Field(None, max_length=80, description="Mã đơn vị chủ trì")
    national_code: str | None = Field(None, max_length=60, description="Mã chỉ tiêu quốc gia")
    has_national_code: bool | None = None


@api.get("/targets", response=list[TargetOut], auth=READ_AUTH, tags=["plans"])
@paginate(VersionedCountPage)
def list_targets(request: HttpRequest, filters: Query[TargetFilter]) -> Any:
    return queries.targets(caller(request), **filters.dict())


@api.get("/targets/{target_id}", response={200: TargetOut, 404: ErrorOut}, auth=READ_AUTH, tags=["plans"])
def get_target(request: HttpRequest, target_id: Id) -> Any:
    return queries.targets(caller(request)).filter(pk=target_id).first() or _404("chỉ tiêu")


class TaskFilter(Schema):
    plan: int | None = Field(None, ge=1, le=2**62)
    lead: str | None = Field(None, max_length=80, description="Mã cơ quan chủ trì")
    deadline_kind: str | None = Field(None, max_length=20)
    due_before: str | None = Field(None, pattern=r"^\d{4}-\d{2}-\d{2}$", description="Hạn hoàn thành trước ngày (YYYY-MM-DD)")


@api.get("/tasks", response=list[TaskOut], auth=READ_AUTH, tags=["plans"])
@kept_per_scope("tasks", TaskOut)
@paginate(TaskPage)
def list_tasks(request: HttpRequest, filters: Query[TaskFilter]) -> Any:
    return queries.tasks(caller(request), **filters.dict())


@api.get("/tasks/{task_id}", response={200: TaskOut, 404: ErrorOut}, auth=READ_AUTH, tags=["plans"])
def get_task(request: HttpRequest, task_id: Id) -> Any:
    return queries.tasks(caller(request)).filter(pk=task_id).first() or _404("nhiệm vụ")


class PeriodFilter(Schema):
    plan: int | None = Field(None, ge=1, le=2**62)
    frequency: str | None = Field(None, max_length=20)
    year: int | None = Field(None, ge=1900, le=2200)


@api.get("/periods", response=list[PeriodOut], auth=READ_AUTH, tags=["reporting"])
@paginate(VersionedCountPage)
def list_periods(request: HttpRequest, filters: Query[PeriodFilter]) -> Any:
    return queries.periods(caller(request), **filters.dict())


# Submissions, values, recommendations --------------------------------------------------------------

class SubmissionFilter(Schema):
    unit: str | None = Field(None, max_length=80)
    period: int | None = Field(None, ge=1, le=2**62)
    plan: int | None = Field(None, ge=1, le=2**62)
    state: str | None = Field(None, max_length=20)


@api.get("/submissions", response=list[SubmissionOut], auth=READ_AUTH, tags=["reporting"])
@paginate(Page)
def list_submissions(request: HttpRequest, filters: Query[SubmissionFilter]) -> Any:
    return queries.submissions(caller(request), **filters.dict())


@api.get("/submissions/{submission_id}", response={200: SubmissionDetailOut, 404: ErrorOut}, auth=READ_AUTH,
         tags=["reporting"])
def get_submission(request: HttpRequest, submission_id: Id) -> Any:
    return _detail_response(request, queries.submission(caller(request), submission_id))


class ValueFilter(Schema):
    unit: str | None = Field(None, max_length=80)
    period: int | None = Field(None, ge=1, le=2**62)
    target: int | None = Field(None, ge=1, le=2**62)
    national_code: str | None = Field(None, max_length=60)


@api.get("/indicator-values", response=list[ValueOut], auth=READ_AUTH, tags=["reporting"])
@paginate(Page)
def list_values(request: HttpRequest, filters: Query[ValueFilter]) -> Any:
    return queries.values(caller(request), **filters.dict())


class RecommendationFilter(Schema):
    state: str | None = Field(None, max_length=20)
    category: str | None = Field(None, max_length=30)
    unit: str | None = Field(None, max_length=80, description="Đơn vị nêu hoặc được giao trả lời")


@api.get("/recommendations", response=list[RecommendationOut], auth=READ_AUTH, tags=["reporting"])
@paginate(Page)
def list_recommendations(request: HttpRequest, filters: Query[RecommendationFilter]) -> Any:
    return queries.recommendations(caller(request), **filters.dict())


@api.get("/recommendations/{rec_id}", response={200: RecommendationOut, 404: ErrorOut}, auth=READ_AUTH,
         tags=["reporting"])
def get_recommendation(request: HttpRequest, rec_id: Id) -> Any:
    return queries.recommendations(caller(request)).filter(pk=rec_id).first() or _404("kiến nghị")


def _404(what: str) -> Any:
    raise Http404(f"Không tìm thấy {what}.")


# Writes: every one calls reporting.actions, which checks the role and records the event -------------

@api.exception_handler(ReportingError)
def reporting_error(request: HttpRequest, exc: ReportingError) -> Any:
    status = 400
    if isinstance(exc, NotAllowed):
        status = 403
    elif isinstance(exc, ConflictError):
        status = 409
    elif isinstance(exc, LockedError):
        status = 423
    return api.create_response(request, {"detail": exc.message, "errors": exc.errors}, status=status)


@api.exception_handler(PermissionDenied)
def forbidden(request: HttpRequest, exc: PermissionDenied) -> Any:
    return api.create_response(request, {"detail": str(exc) or "Bạn không có quyền thực hiện thao tác này."}, status=403)


WRITE_ERRORS = {400: ErrorOut, 403: ErrorOut, 404: ErrorOut, 409: ErrorOut, 423: ErrorOut}


def _submission(request: HttpRequest, submission_id: int) -> Any:
    return queries.submission(caller(request), submission_id)


def _detail(request: HttpRequest, submission: Any) -> Any:
    """The submission after an action, read again through the access check (what the caller may still see)."""
    return _detail_response(request, queries.submission(caller(request), submission.pk))


def _detail_response(request: HttpRequest, submission: Any) -> Any:
    """`SubmissionDetailOut` of a submission read from the database (`schemas.submission_detail`: the same JSON
    as the schema's validation gives, without validating what our own database returned)."""
    return api.create_response(request, submission_detail(submission), status=200)


@api.post("/submissions", response={200: SubmissionDetailOut, **WRITE_ERRORS}, tags=["reporting"],
          summary="Mở (hoặc lấy) bản nháp báo cáo của đơn vị cho một kỳ")
def open_draft(request: HttpRequest, payload: DraftIn) -> Any:
    user = caller(request)
    unit = get_unit_for_user(user, payload.unit)
    period = queries.periods(user).filter(pk=payload.period).first() or _404("kỳ báo cáo")
    return _detail(request, actions.get_or_create_draft(user, unit, period))


@api.put("/submissions/{submission_id}/draft", response={200: SubmissionDetailOut, **WRITE_ERRORS}, tags=["reporting"],
         summary="Lưu bản nháp (kèm phiên bản đang sửa để tránh ghi đè)")
def save_draft(request: HttpRequest, submission_id: Id, payload: SaveDraftIn) -> Any:
    submission = _submission(request, submission_id)
    data = payload.dict(exclude_unset=True)
    task_rows = [{"task_id": row.pop("task"), **row} for row in data.get("task_reports", [])]
    value_rows = [{"target_id": row.pop("target"), **row} for row in data.get("values", [])]
    texts = {k: data[k] for k in ("summary", "difficulties", "proposals") if k in data}
    saved = actions.save_draft(caller(request), submission, expected_version=payload.expected_version,
                               task_reports=task_rows, values=value_rows, **texts)
    # Checked above in this request (`_submission`) and saved under its lock: its unit and period did not change,
    # so no second access check; its rows are read anew for the answer.
    return _detail_response(request, saved)


@api.post("/submissions/{submission_id}/submit", response={200: SubmissionDetailOut, **WRITE_ERRORS}, tags=["reporting"])
def submit(request: HttpRequest, submission_id: Id) -> Any:
    return _detail(request, actions.submit_report(caller(request), _submission(request, submission_id)))


@api.post("/submissions/{submission_id}/approve", response={200: SubmissionDetailOut, **WRITE_ERRORS}, tags=["reporting"])
def approve(request: HttpRequest, submission_id: Id) -> Any:
    return _detail(request, actions.approve_report(caller(request), _submission(request, submission_id)))


@api.post("/submissions/{submission_id}/return", response={200: SubmissionDetailOut, **WRITE_ERRORS}, tags=["reporting"])
def return_(request: HttpRequest, submission_id: Id, payload: ReasonIn) -> Any:
    return _detail(request, actions.return_report(caller(request), _submission(request, submission_id), payload.reason))


@api.post("/submissions/{submission_id}/reopen", response={200: SubmissionDetailOut, **WRITE_ERRORS}, tags=["reporting"])
def reopen(request: HttpRequest, submission_id: Id, payload: ReasonIn) -> Any:
    return _detail(request, actions.reopen_report(caller(request), _submission(request, submission_id), payload.reason))


@api.post("/recommendations", response={200: RecommendationOut, **WRITE_ERRORS}, tags=["reporting"])
def raise_recommendation(request: HttpRequest, payload: RecommendationIn) -> Any:
    user = caller(request)
    unit = get_unit_for_user(user, payload.unit)
    submission = queries.submission(user, payload.submission) if payload.submission else None
    task = (queries.tasks(user).filter(pk=payload.task).first() or _404("nhiệm vụ")) if payload.task else None
    rec = actions.raise_recommendation(user, title=payload.title, body=payload.body, category=payload.category,
                                       unit=unit, submission=submission, task=task)
    return queries.recommendations(user).get(pk=rec.pk)


@api.post("/recommendations/{rec_id}/answer", response={200: RecommendationOut, **WRITE_ERRORS}, tags=["reporting"])
def answer_recommendation(request: HttpRequest, rec_id: Id, payload: AnswerIn) -> Any:
    user = caller(request)
    rec = reporting_access.get_recommendation_for_user(user, rec_id)
    actions.answer_recommendation(user, rec, payload.answer)
    return queries.recommendations(user).get(pk=rec.pk)


# Evaluations (reporting.evaluation runs the evaluate engine on approved data) ---------------------

class EvaluationFilter(Schema):
    as_of: dt.date | None = Field(None, description="Ngày đánh giá (mặc định: hôm nay)")
    plan: int | None = Field(None, ge=1, le=2**62, description="Chỉ đánh giá một kế hoạch")


@api.get("/evaluations/{code}", response={200: EvaluationOut, 404: ErrorOut}, auth=READ_AUTH, tags=["evaluation"],
         summary="Đánh giá của đơn vị (và các đơn vị cấp dưới) tại một ngày")
def get_evaluation(request: HttpRequest, code: Code, filters: Query[EvaluationFilter]) -> Any:
    user = caller(request)
    unit = get_unit_for_user(user, code)
    documents = queries.plans(user)
    if filters.plan:
        documents = documents.filter(pk=filters.plan)
    as_of = filters.as_of or timezone.localdate()
    evaluation = evaluate_scope(unit, as_of, list(documents.values_list("pk", flat=True)))
    return evaluation_out(evaluation, unit, as_of)


__all__ = ["HttpError", "api"]

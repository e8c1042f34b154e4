"""The JSON API (django-ninja, OpenAPI at /api/openapi.json).

Thin on purpose: every list starts from a permission-checked queryset of the access modules
(`org.access`, `plans.access`, `reporting.access`), every write calls `reporting.actions`.
"""


from typing import Annotated, Any

from django.http import Http404, HttpRequest
from ninja import Field, NinjaAPI, Path, Query, Schema
from ninja.errors import AuthenticationError, HttpError
from ninja.pagination import LimitOffsetPagination, paginate

from giamsat.api import queries
from giamsat.api.auth import READ_AUTH, caller, session_auth, token_auth
from giamsat.api.schemas import (
    ErrorOut,
    PeriodOut,
    PlanOut,
    RecommendationOut,
    SubmissionDetailOut,
    SubmissionOut,
    TargetOut,
    TaskOut,
    UnitOut,
    ValueOut,
)

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
@paginate(Page)
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
@paginate(Page)
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
@paginate(Page)
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
@paginate(Page)
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
@paginate(Page)
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
    return queries.submission(caller(request), submission_id)


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


__all__ = ["HttpError", "api"]

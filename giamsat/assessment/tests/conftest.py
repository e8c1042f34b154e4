"""A small Đồng Nai: three departments with a published plan and approved reports, their people,
the standing agency, and the sample criteria set."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
import time_machine
from django.utils import timezone

from giamsat.assessment.sample import load_sample_criteria
from giamsat.domain.deadline import DeadlineSpec
from giamsat.domain.states import Frequency
from giamsat.evaluate.periods import make_period
from giamsat.org.actions import create_user, grant_role
from giamsat.org.models import OrgUnit, Role, UnitKind
from giamsat.plans.models import Document, DocumentStatus, Task
from giamsat.reporting import evaluation
from giamsat.reporting.models import ReportingPeriod, Submission, TaskReport

AS_OF = dt.date(2026, 12, 31)


def _unit(code: str, name: str, kind: str, parent: OrgUnit | None) -> OrgUnit:
    u = OrgUnit(code=code, name=name, kind=kind, parent=parent, short_name=name.split(" tỉnh")[0])
    u.save()
    return u


def _person(username: str, unit: OrgUnit, role: Role, full_name: str = "", title: str = "") -> Any:
    user = create_user(username, "mat-khau-thu-nghiem-2026", full_name)
    grant_role("test", user, unit, role, title=title)
    return user


def _moment(day: dt.date) -> dt.datetime:
    return timezone.make_aware(dt.datetime.combine(day, dt.time(9, 0)))


@pytest.fixture
def at() -> Any:
    """Travel to a day (Vietnam time), e.g. `at("2027-01-10")`."""
    current: list[Any] = []

    def go(day: str) -> None:
        if current:
            current.pop().stop()
        traveller = time_machine.travel(f"{day} 09:00 +07:00", tick=False)
        traveller.start()
        current.append(traveller)

    yield go
    if current:
        current.pop().stop()


@pytest.fixture
def province(db: Any) -> Any:
    """Đồng Nai's plan: Sở KH&CN leads four tasks due in 2026 — three completed on time, one late;
    Sở Tài chính leads two — one on time, one never reported; Sở Y tế leads none due."""
    evaluation.clear_cache()
    nation = _unit("viet-nam", "Việt Nam", UnitKind.CENTRAL, None)
    dong_nai = _unit("dong-nai", "Tỉnh Đồng Nai", UnitKind.PROVINCE, nation)
    khcn = _unit("dong-nai.so-khcn", "Sở Khoa học và Công nghệ tỉnh Đồng Nai", UnitKind.DEPARTMENT, dong_nai)
    tai_chinh = _unit("dong-nai.so-tai-chinh", "Sở Tài chính tỉnh Đồng Nai", UnitKind.DEPARTMENT, dong_nai)
    y_te = _unit("dong-nai.so-y-te", "Sở Y tế tỉnh Đồng Nai", UnitKind.DEPARTMENT, dong_nai)
    lang_son = _unit("lang-son", "Tỉnh Lạng Sơn", UnitKind.PROVINCE, nation)
    doc = Document.objects.create(number="99/KH-UBND", owner=dong_nai, issuer=dong_nai, issued_on=dt.date(2025, 12, 1),
                                  status=DocumentStatus.PUBLISHED, title="Kế hoạch 99/KH-UBND")
    periods = {}
    for m in range(1, 13):
        p = make_period(Frequency.MONTHLY, 2026, m)
        periods[m] = ReportingPeriod.objects.create(document=doc, frequency="monthly", year=2026, index=m,
                                                    label=p.label, start=p.start, end=p.end, due_date=p.due_date)

    def task(lead: OrgUnit, name: str, month: int, person: str) -> Task:
        t = Task(document=doc, lead=lead, name=name, responsible_person=person)
        t.set_deadline(DeadlineSpec.in_month(2026, month, f"{month}/2026"))
        t.save()
        return t

    def report(unit: OrgUnit, month: int, rows: list[tuple[Task, dt.date]]) -> None:
        period = periods[month]
        sub = Submission.objects.create(period=period, unit=unit, state="approved",
                                        submitted_at=_moment(period.due_date - dt.timedelta(days=3)),
                                        approved_at=_moment(period.due_date - dt.timedelta(days=2)))
        for t, done in rows:
            TaskReport.objects.create(submission=sub, task=t, state="completed", percent=100, completed_on=done)

    k1 = task(khcn, "Ban hành quy chế dữ liệu", 3, "Phó Giám đốc Trần Văn An")
    k2 = task(khcn, "Xây dựng cơ sở dữ liệu khoa học", 6, "Phó Giám đốc Trần Văn An")
    k3 = task(khcn, "Số hoá hồ sơ đề tài", 8, "Trưởng phòng Lê Thị Bình")
    k4 = task(khcn, "Kết nối liên thông sàn giao dịch công nghệ", 9, "Trưởng phòng Lê Thị Bình")
    t1 = task(tai_chinh, "Số hoá hồ sơ tài chính", 5, "")
    task(tai_chinh, "Cơ sở dữ liệu giá", 7, "")
    report(khcn, 10, [(k1, dt.date(2026, 3, 10)), (k2, dt.date(2026, 6, 20)), (k3, dt.date(2026, 8, 1)),
                      (k4, dt.date(2026, 10, 5))])
    report(tai_chinh, 10, [(t1, dt.date(2026, 5, 30))])
    people = type("People", (), {
        "reporter_khcn": _person("baocao.khcn", khcn, Role.REPORTER),
        "approver_khcn": _person("lanhdao.khcn", khcn, Role.APPROVER, "Nguyễn Văn Hùng", "Giám đốc Sở"),
        "reporter_taichinh": _person("baocao.taichinh", tai_chinh, Role.REPORTER),
        "approver_taichinh": _person("lanhdao.taichinh", tai_chinh, Role.APPROVER, "Phạm Thị Mai", "Giám đốc Sở"),
        "approver_yte": _person("lanhdao.yte", y_te, Role.APPROVER, "Đỗ Minh Quân", "Giám đốc Sở"),
        "standing": _person("thuongtruc.dongnai", dong_nai, Role.STANDING_AGENCY),
        "standing_langson": _person("thuongtruc.langson", lang_son, Role.STANDING_AGENCY),
    })
    return type("Province", (), {"dong_nai": dong_nai, "khcn": khcn, "tai_chinh": tai_chinh, "y_te": y_te,
                                 "lang_son": lang_son, "doc": doc, "people": people})


@pytest.fixture
def sample_set(db: Any) -> Any:
    return load_sample_criteria()

"""A small province for API and exchange tests: Đồng Nai's plan with its departments' Q1/2026 reports,
and Phường Long Bình's plan with its People's Committee's report.

Plans go through `plans.actions` (import, publish). Reporting rows are laid down directly as the
state a test starts from, the way a fixture sets up a world; the code under test never writes them so.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from giamsat.domain.deadline import DeadlineSpec
from giamsat.org.models import Role
from giamsat.org.tests.factories import persona, registry, unit
from giamsat.plans.actions import import_parsed_plan, publish_plan
from giamsat.plans.models import Document, StandardIndicator, Target, Task
from giamsat.reporting.models import IndicatorValue, Recommendation, ReportingPeriod, Submission, TaskReport

PROVINCE_PLAN = {
    "document": {"issuer": "Ủy ban nhân dân tỉnh Đồng Nai", "number": "12/KH-UBND", "date": "2025-06-01",
                 "doc_type": "plan", "title": "Kế hoạch thực hiện Nghị quyết 57-NQ/TW năm 2026"},
    "targets": [
        {"name": "Tỷ lệ dịch vụ công trực tuyến toàn trình", "unit": "%", "value": 80, "comparator": ">=",
         "year": 2026, "lead": "Sở Khoa học và Công nghệ"},
        {"name": "Số trạm y tế có hồ sơ sức khỏe điện tử", "unit": "trạm", "value": 120, "comparator": ">=",
         "year": 2026, "lead": "Sở Y tế"},
    ],
    "tasks": [
        {"group": "Hạ tầng số", "name": "Xây dựng cơ sở dữ liệu khoa học và công nghệ", "lead": "Sở Khoa học và Công nghệ",
         "output": "Cơ sở dữ liệu", "deadline_text": "Quý I/2026",
         "deadline": DeadlineSpec.in_quarter(2026, 1, "Quý I/2026").to_dict()},
        {"group": "Chuyển đổi số y tế", "name": "Triển khai bệnh án điện tử tại bệnh viện tỉnh", "lead": "Sở Y tế",
         "output": "Bệnh án điện tử", "deadline_text": "Quý II/2026",
         "deadline": DeadlineSpec.in_quarter(2026, 2, "Quý II/2026").to_dict()},
    ],
    "assignments": [],
    "reporting": {"frequencies": ["quarterly"], "due_day": 20},
}

COMMUNE_PLAN = {
    "document": {"issuer": "Đảng ủy phường Long Bình", "number": "05-KH/ĐU", "date": "2025-09-10",
                 "doc_type": "plan", "title": "Kế hoạch của Đảng ủy phường Long Bình thực hiện Nghị quyết 57-NQ/TW"},
    "targets": [
        {"name": "Tỷ lệ hồ sơ thủ tục hành chính được xử lý trực tuyến", "unit": "%", "value": 90, "comparator": ">=",
         "year": 2026, "lead": "Ủy ban nhân dân phường Long Bình"},
        {"name": "Số hộ gia đình được hướng dẫn kỹ năng số", "unit": "hộ", "value": 2000, "comparator": ">=",
         "year": 2026, "lead": "Ủy ban nhân dân phường Long Bình"},
    ],
    "tasks": [
        {"group": "Chính quyền số", "name": "Số hóa hồ sơ hộ tịch của phường", "lead": "Ủy ban nhân dân phường Long Bình",
         "output": "Kho dữ liệu hộ tịch", "deadline_text": "Quý I/2026",
         "deadline": DeadlineSpec.in_quarter(2026, 1, "Quý I/2026").to_dict()},
        {"group": "Xã hội số", "name": "Tổ công nghệ số cộng đồng hướng dẫn người dân", "lead": "Ủy ban nhân dân phường Long Bình",
         "output": "Người dân sử dụng dịch vụ công", "deadline_text": "Quý II/2026",
         "deadline": DeadlineSpec.in_quarter(2026, 2, "Quý II/2026").to_dict()},
    ],
    "assignments": [],
    "reporting": {"frequencies": ["quarterly"], "due_day": 20},
}


@dataclass
class World:
    province_plan: Document
    commune_plan: Document
    q1: ReportingPeriod
    commune_q1: ReportingPeriod
    khcn_report: Submission
    yte_report: Submission
    commune_report: Submission
    reporter_khcn: Any
    reporter_yte: Any
    approver_khcn: Any
    standing_dongnai: Any
    reporter_longbinh: Any


def _period(document: Document) -> ReportingPeriod:
    return ReportingPeriod.objects.create(
        document=document, frequency="quarterly", year=2026, index=1, label="Quý I/2026",
        start=dt.date(2025, 12, 15), end=dt.date(2026, 3, 14), due_date=dt.date(2026, 3, 20),
    )


def _report(period: ReportingPeriod, unit_code: str, state: str, summary: str, values: list[tuple[Target, str]],
            tasks: list[tuple[Task, str, int]]) -> Submission:
    submission = Submission.objects.create(
        period=period, unit=unit(unit_code), state=state, summary=summary,
        difficulties="Thiếu nhân lực chuyên trách về chuyển đổi số.", proposals="Đề nghị bổ sung kinh phí năm 2026.",
    )
    for target, value in values:
        IndicatorValue.objects.create(submission=submission, target=target, value=Decimal(value),
                                      measured_on=dt.date(2026, 3, 14), source="Báo cáo của đơn vị")
    for task, state_, percent in tasks:
        TaskReport.objects.create(submission=submission, task=task, state=state_, percent=percent,
                                  progress=f"Đã thực hiện {percent}% khối lượng công việc.",
                                  completed_on=dt.date(2026, 3, 1) if state_ == "completed" else None)
    return submission


def build_world() -> World:
    registry()
    dti = StandardIndicator.objects.create(code="dvc-toan-trinh", national_code="CDS.DVC.01",
                                           name="Tỷ lệ dịch vụ công trực tuyến toàn trình", unit="%")
    province_plan = import_parsed_plan("test", PROVINCE_PLAN, owner=unit("dong-nai"))
    publish_plan("test", province_plan)
    commune_plan = import_parsed_plan("test", COMMUNE_PLAN, owner=unit("phuong-long-binh"))
    publish_plan("test", commune_plan)
    Target.objects.filter(document=province_plan, order=0).update(indicator=dti, indicator_confirmed=True)
    Target.objects.filter(document=commune_plan, order=0).update(indicator=dti, indicator_confirmed=True)
    pt, ct = list(province_plan.targets.order_by("order")), list(commune_plan.targets.order_by("order"))
    pk, ck = list(province_plan.tasks.order_by("order")), list(commune_plan.tasks.order_by("order"))
    q1, commune_q1 = _period(province_plan), _period(commune_plan)
    world = World(
        province_plan=province_plan, commune_plan=commune_plan, q1=q1, commune_q1=commune_q1,
        khcn_report=_report(q1, "dong-nai.so-khcn", "draft", "Sở KH&CN đã hoàn thành cơ sở dữ liệu khoa học.",
                            [(pt[0], "72.5")], [(pk[0], "completed", 100)]),
        yte_report=_report(q1, "dong-nai.so-y-te", "approved", "Sở Y tế đang triển khai bệnh án điện tử.",
                           [(pt[1], "85")], [(pk[1], "in_progress", 40)]),
        commune_report=_report(commune_q1, "phuong-long-binh.ubnd", "approved",
                               "UBND phường đã số hóa 70% hồ sơ hộ tịch.",
                               [(ct[0], "64.25"), (ct[1], "1250")], [(ck[0], "in_progress", 70), (ck[1], "not_started", 0)]),
        reporter_khcn=persona("baocao.sokhcn", "dong-nai.so-khcn", Role.REPORTER),
        reporter_yte=persona("baocao.soyte", "dong-nai.so-y-te", Role.REPORTER),
        approver_khcn=persona("lanhdao.sokhcn", "dong-nai.so-khcn", Role.APPROVER),
        standing_dongnai=persona("thuongtruc.dongnai", "dong-nai", Role.STANDING_AGENCY),
        reporter_longbinh=persona("baocao.longbinh", "phuong-long-binh.ubnd", Role.REPORTER),
    )
    Recommendation.objects.create(
        title="Đề nghị hỗ trợ kinh phí số hóa hộ tịch", body="Phường thiếu kinh phí thuê số hóa.",
        category="funding", raised_by_unit=unit("phuong-long-binh.ubnd"), routed_to=unit("dong-nai.so-tai-chinh"),
        submission=world.commune_report,
    )
    return world


def fresh(world: World) -> World:
    """The same world with every row read again, so a test never sees another test's in-memory changes."""
    values = {name: type(obj).objects.get(pk=obj.pk) for name, obj in vars(world).items()}
    return World(**values)

from __future__ import annotations

import copy
import datetime as dt
import decimal

import pytest

from giamsat.audit.models import AuditEvent
from giamsat.domain.deadline import DeadlineKind, DeadlineSpec, Recurrence
from giamsat.org.tests.factories import registry, unit
from giamsat.plans.actions import PlanError, import_parsed_plan, publish_plan, update_item
from giamsat.plans.models import Document, DocumentKind, DocumentStatus, Milestone, Target, Task

pytestmark = pytest.mark.django_db

PARSED = {
    "document": {"issuer": "Ủy ban nhân dân tỉnh Đồng Nai", "number": "12/KH-UBND", "date": "2025-06-01",
                 "doc_type": "plan", "title": "Kế hoạch thực hiện Nghị quyết 57", "parents": ["57-NQ/TW"],
                 "replaces": []},
    "targets": [
        {"name": "Quy mô kinh tế số đạt tối thiểu 30% GRDP", "unit": "%", "value": 30, "comparator": ">=",
         "year": 2030, "lead": "Sở Tài chính", "milestones": {"2045": "50%"},
         "source": {"start_line": 40, "end_line": 41}, "confidence": 0.9},
        {"name": "Chỉ số DTI thuộc nhóm 05 tỉnh dẫn đầu", "unit": "hạng", "value": 5, "comparator": "rank_top",
         "year": 2030, "lead": None, "milestones": {}},
    ],
    "tasks": [
        {"group": "Hoàn thiện thể chế", "name": "Xây dựng cơ sở dữ liệu khoa học", "lead": "Sở KH&CN",
         "coordinators": ["Sở Tài chính", "Sở Nội vụ", "Ban Quản lý dự án vũ trụ"], "output": "Cơ sở dữ liệu",
         "deadline_text": "Quý I/2026", "deadline": DeadlineSpec.in_quarter(2026, 1, "Quý I/2026").to_dict()},
        {"group": "Hoàn thiện thể chế", "name": "Báo cáo tình hình thực hiện", "lead": "Văn phòng UBND tỉnh",
         "coordinators": [], "output": None, "deadline_text": "Hằng tháng",
         "deadline": DeadlineSpec.every(Recurrence.MONTHLY, "Hằng tháng").to_dict()},
    ],
    "assignments": [{"org": "Sở Khoa học và Công nghệ", "duties": "Là cơ quan thường trực, tổng hợp báo cáo."}],
    "reporting": {"frequencies": ["quarterly", "annual"], "due_day": 15},
    "warnings": [],
}


def test_a_parsed_plan_is_stored_as_a_draft_with_units_matched():
    registry()
    doc = import_parsed_plan("test", copy.deepcopy(PARSED), owner=unit("dong-nai"))
    assert doc.status == DocumentStatus.DRAFT and doc.number == "12/KH-UBND"
    assert doc.issued_on == dt.date(2025, 6, 1)
    economy = doc.targets.get(order=0)
    assert economy.responsible == unit("dong-nai.so-tai-chinh")
    assert (economy.source_start_line, economy.source_end_line, economy.confidence) == (40, 41, 0.9)
    assert {(m.year, m.comparator, m.value) for m in economy.milestones.all()} == {
        (2030, ">=", decimal.Decimal("30")), (2045, ">=", decimal.Decimal("50"))}
    dti = doc.targets.get(order=1)
    assert dti.milestones.get().comparator == "rank_top"
    database = doc.tasks.get(order=0)
    assert database.lead == unit("dong-nai.so-khcn")
    assert set(database.coordinators.values_list("code", flat=True)) == {"dong-nai.so-tai-chinh", "dong-nai.so-noi-vu"}
    assert "Ban Quản lý dự án vũ trụ" in doc.unmatched_agencies
    assert database.due_date == dt.date(2026, 3, 31) and database.deadline_kind == "quarter"
    monthly = doc.tasks.get(order=1)
    assert monthly.due_date is None and monthly.deadline_spec.recurrence == Recurrence.MONTHLY
    assert monthly.group == database.group and database.group.title == "Hoàn thiện thể chế"
    assert doc.reporting_regime.frequencies == ["quarterly", "annual"] and doc.reporting_regime.due_day == 15
    assert doc.assignments.get().unit == unit("dong-nai.so-khcn")



@pytest.mark.parametrize(("doc_type", "kind"), [("plan", DocumentKind.PLAN), (None, DocumentKind.PLAN),
                                                ("decision", DocumentKind.DECISION), ("guidance", DocumentKind.OTHER),
                                                ("notice", DocumentKind.OTHER)])
def test_a_kind_the_app_has_no_kind_for_is_stored_as_other(doc_type, kind):
    registry()
    parsed = copy.deepcopy(PARSED)
    parsed["document"]["doc_type"] = doc_type
    assert import_parsed_plan("test", parsed, owner=unit("dong-nai")).kind == kind

def test_deadline_specs_round_trip_through_the_database():
    registry()
    doc = import_parsed_plan("test", copy.deepcopy(PARSED), owner=unit("dong-nai"))
    stored = Task.objects.get(document=doc, order=0).deadline_spec
    assert stored == DeadlineSpec.in_quarter(2026, 1, "Quý I/2026")
    assert stored.kind == DeadlineKind.QUARTER


def test_a_bad_item_leaves_the_database_as_it_was():
    registry()
    broken = copy.deepcopy(PARSED)
    broken["tasks"].append({"name": "  ", "lead": "Sở Y tế"})
    counts = (Document.objects.count(), Target.objects.count(), Task.objects.count(), AuditEvent.objects.count())
    with pytest.raises(PlanError, match="Nhiệm vụ thứ 3 không có tên"):
        import_parsed_plan("test", broken, owner=unit("dong-nai"))
    assert (Document.objects.count(), Target.objects.count(), Task.objects.count(),
            AuditEvent.objects.count()) == counts


def test_a_confidential_document_is_refused():
    registry()
    secret = copy.deepcopy(PARSED)
    secret["document"]["confidential"] = True
    with pytest.raises(PlanError, match="mật"):
        import_parsed_plan("test", secret, owner=unit("dong-nai"))
    assert not Document.objects.exists()


def test_publishing_locks_the_plan_against_silent_edits_and_is_audited():
    registry()
    doc = import_parsed_plan("test", copy.deepcopy(PARSED), owner=unit("dong-nai"))
    target = doc.targets.get(order=0)
    update_item("test", target, unit_of_measure="% GRDP")
    publish_plan("test", doc)
    doc.refresh_from_db()
    assert doc.status == DocumentStatus.PUBLISHED and doc.published_at is not None
    with pytest.raises(PlanError):
        update_item("test", target, unit_of_measure="%")
    target.refresh_from_db()
    assert target.unit_of_measure == "% GRDP"
    actions = list(AuditEvent.objects.filter(object_id__in=[str(doc.pk), str(target.pk)]).values_list("action", flat=True))
    assert {"plans.imported", "plans.item_updated", "plans.published"} <= set(actions)


def test_a_commune_plan_cascades_to_the_province_plan_it_implements():
    registry()
    province = import_parsed_plan("test", copy.deepcopy(PARSED), owner=unit("dong-nai"))
    commune_plan = copy.deepcopy(PARSED)
    commune_plan["document"].update(number="17-KH/ĐU", parents=["57-NQ/TW", "12/KH-UBND"])
    commune = import_parsed_plan("test", commune_plan, owner=unit("phuong-long-binh"))
    assert list(commune.parents.all()) == [province]
    assert list(province.children.all()) == [commune]
    local = commune.targets.get(order=0)
    local.serves = province.targets.get(order=0)
    local.save()
    assert list(province.targets.get(order=0).served_by.all()) == [local]


def test_milestones_are_unique_per_year():
    from django.db import IntegrityError, transaction

    registry()
    doc = import_parsed_plan("test", copy.deepcopy(PARSED), owner=unit("dong-nai"))
    target = doc.targets.get(order=0)
    with pytest.raises(IntegrityError), transaction.atomic():
        Milestone.objects.create(target=target, year=2030, comparator=">=", value=40)

"""A task report row only ever reports a task of its own period's plan: the database refuses any other
(migration reporting 0008), whoever writes, and writes nothing of the statement that broke the rule."""

from __future__ import annotations

import importlib
from typing import Any

import pytest
from django.apps import apps
from django.db import IntegrityError, connection, transaction

from giamsat.domain.deadline import DeadlineSpec
from giamsat.org.tests.factories import registry
from giamsat.plans.models import Task
from giamsat.reporting.models import ReportingPeriod, Submission, TaskReport
from giamsat.reporting.tests.test_evaluation import Plan

MIGRATION = importlib.import_module("giamsat.reporting.migrations.0008_task_report_same_plan")
RULE = "phải thuộc báo cáo của một kỳ của chính kế hoạch"


@pytest.fixture
def two_plans(db: Any) -> Any:
    registry()
    first = Plan("dong-nai", "99/KH-UBND", months=2)
    second = Plan("lang-son", "7/KH-UBND", months=2)
    task = first.task("dong-nai.so-khcn", "Xây dựng cơ sở dữ liệu", DeadlineSpec.in_year(2026, "Năm 2026"))
    other = second.task("lang-son.so-khcn", "Số hoá hồ sơ", DeadlineSpec.in_year(2026, "Năm 2026"))
    own = first.report("dong-nai.so-khcn", 1, tasks=((task, "in_progress", 20, None),))
    foreign = second.report("dong-nai.so-khcn", 1)  # Sở KH&CN Đồng Nai's report on Lạng Sơn's plan
    return type("TwoPlans", (), {"first": first, "second": second, "task": task, "other": other, "own": own,
                                 "foreign": foreign})


def _refused(write: Any) -> None:
    with pytest.raises(IntegrityError, match=RULE), transaction.atomic():
        write()


def test_a_row_for_a_task_of_another_plan_is_refused_and_nothing_written(two_plans: Any) -> None:
    before = TaskReport.objects.count()

    _refused(lambda: TaskReport.objects.create(submission=two_plans.foreign, task=two_plans.task, state="completed"))
    # a bulk insert with one bad row among good ones writes none of them
    good = TaskReport(submission=two_plans.foreign, task=two_plans.other, state="in_progress")
    bad = TaskReport(submission=two_plans.foreign, task=two_plans.task, state="completed")
    _refused(lambda: TaskReport.objects.bulk_create([good, bad]))

    assert TaskReport.objects.count() == before
    assert not TaskReport.objects.filter(submission=two_plans.foreign).exists()
    TaskReport.objects.create(submission=two_plans.foreign, task=two_plans.other, state="in_progress")  # its own plan
    assert TaskReport.objects.filter(submission=two_plans.foreign).count() == 1


def test_a_row_cannot_be_moved_to_another_plans_task_or_submission(two_plans: Any) -> None:
    row = TaskReport.objects.get(submission=two_plans.own)

    _refused(lambda: TaskReport.objects.filter(pk=row.pk).update(task=two_plans.other))
    _refused(lambda: TaskReport.objects.filter(pk=row.pk).update(submission=two_plans.foreign))

    row.refresh_from_db()
    assert (row.task_id, row.submission_id) == (two_plans.task.pk, two_plans.own.pk)
    row.percent = 40
    row.save()  # saving the row's own fields is not moving it
    assert TaskReport.objects.get(pk=row.pk).percent == 40


def test_a_reported_task_submission_or_period_cannot_move_to_another_plan(two_plans: Any) -> None:
    second_doc = two_plans.second.doc
    period = two_plans.own.period

    _refused(lambda: Task.objects.filter(pk=two_plans.task.pk).update(document=second_doc))
    _refused(lambda: Submission.objects.filter(pk=two_plans.own.pk).update(period=two_plans.second.periods[2]))
    _refused(lambda: ReportingPeriod.objects.filter(pk=period.pk).update(document=second_doc))

    assert Task.objects.get(pk=two_plans.task.pk).document_id == two_plans.first.doc.pk
    assert Submission.objects.get(pk=two_plans.own.pk).period_id == period.pk
    # within the plan, or with no report to carry, moves are allowed
    Submission.objects.filter(pk=two_plans.own.pk).update(period=two_plans.first.periods[2])
    Task.objects.filter(pk=two_plans.other.pk).update(document=two_plans.first.doc)
    assert Task.objects.get(pk=two_plans.other.pk).document_id == two_plans.first.doc.pk


class _Editor:
    """What the migration's functions use of a schema editor (the real one cannot open inside a test's
    transaction on SQLite)."""

    connection = connection

    def execute(self, sql: str, params: Any = None) -> None:
        with connection.cursor() as cur:
            cur.execute(sql)


def test_the_migration_refuses_a_database_that_already_breaks_the_rule(two_plans: Any) -> None:
    MIGRATION.uninstall(apps, _Editor())
    bad = TaskReport.objects.create(submission=two_plans.foreign, task=two_plans.task, state="completed")

    with pytest.raises(RuntimeError, match=rf"^1 dòng báo cáo nhiệm vụ \(reporting_taskreport id {bad.pk}…\)"):
        MIGRATION.install(apps, _Editor())

    bad.delete()
    MIGRATION.install(apps, _Editor())
    _refused(lambda: TaskReport.objects.create(submission=two_plans.foreign, task=two_plans.task))

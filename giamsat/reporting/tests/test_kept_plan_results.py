# ruff: noqa: F811 (the tests take the `dong_nai` and `today` fixtures imported from the other test modules)
"""One plan's statuses kept in the database per plan and day (`KeptPlanResults`, read by the plan pages).

A kept row is read (the plan's version, then the row) while the plan's data are unchanged; any change the
plan's evaluation reads makes it stale. To tell a kept answer from a computed one, some tests mark the kept
row (the target's latest value = 999 in its JSON): a read that returns 999 came from the row.
"""

from __future__ import annotations

import datetime as dt
import json
from typing import Any

import pytest

from giamsat.org.models import Role
from giamsat.org.tests.factories import persona, unit
from giamsat.reporting import actions, evaluation
from giamsat.reporting.models import KeptPlanResults, Submission
from giamsat.reporting.tests.test_evaluation import AS_OF, Plan, dong_nai  # noqa: F401 (the fixture)

# The changes both kinds of kept results must notice, shared with the dashboard figures' tests.
from giamsat.reporting.tests.test_kept_figures import (
    _merger,
    _new_unit,
    _reopened,
    _returned,
    today,  # noqa: F401 (the fixture)
)

MARK = 999.0


def _fresh(document_id: int, as_of: dt.date = AS_OF) -> evaluation.PlanResults:
    """The statuses as the engine gives them, nothing kept read or written."""
    evaluation.clear_cache()
    keep, evaluation.KEEP_PLAN_RESULTS = evaluation.KEEP_PLAN_RESULTS, False
    try:
        return evaluation.plan_results(document_id, as_of)
    finally:
        evaluation.KEEP_PLAN_RESULTS = keep
        evaluation.clear_cache()


def _kept(document_id: int, as_of: dt.date = AS_OF) -> evaluation.PlanResults:
    """A read in a new process: nothing in memory, whatever is in the table."""
    evaluation.clear_cache()
    return evaluation.plan_results(document_id, as_of)


def _mark(dong_nai: Any) -> None:
    row = KeptPlanResults.objects.get(document=dong_nai.plan.doc, as_of=AS_OF)
    data = json.loads(row.results)
    data["targets"][str(dong_nai.dvc.pk)][1] = MARK
    row.results = json.dumps(data)
    row.save(update_fields=["results"])


def _latest(results: evaluation.PlanResults, dong_nai: Any) -> float | None:
    return results.targets[str(dong_nai.dvc.pk)].latest_value


@pytest.mark.parametrize("as_of", [AS_OF, dt.date(2026, 8, 16), dt.date(2026, 3, 1)])
def test_kept_results_equal_the_engines_statuses(dong_nai: Any, as_of: dt.date,
                                                 django_assert_max_num_queries: Any) -> None:
    doc = dong_nai.plan.doc.pk
    first = _kept(doc, as_of)  # computed and kept
    assert KeptPlanResults.objects.get(document_id=doc, as_of=as_of).version == evaluation.plan_version(doc)

    evaluation.clear_cache()
    with django_assert_max_num_queries(2):  # the plan's version and the row: no evaluation
        again = evaluation.plan_results(doc, as_of)
    with django_assert_max_num_queries(1):  # then from memory, the version only
        assert evaluation.plan_results(doc, as_of) == again

    engine = evaluation.evaluate_scope(None, as_of, document_ids=[doc])
    assert again == first == _fresh(doc, as_of)
    assert {tid: t.status for tid, t in again.tasks.items()} == {tid: r.status for tid, r in engine.tasks.items()}
    assert len(again.tasks) == 5 and set(again.targets) == {str(dong_nai.dvc.pk)}
    target, result = again.targets[str(dong_nai.dvc.pk)], engine.targets[str(dong_nai.dvc.pk)]
    assert (target.status, target.latest_value, target.milestone_year) == (
        result.status, result.latest_value, result.milestone_year)
    assert [(m.year, m.progress) for m in target.milestones] == [(m.year, m.progress) for m in result.milestones]


def test_the_json_round_trip_keeps_every_field(dong_nai: Any) -> None:
    results = _fresh(dong_nai.plan.doc.pk)
    assert any(m.progress is not None for t in results.targets.values() for m in t.milestones)

    assert evaluation.plan_results_from_json(evaluation.plan_results_to_json(results)) == results


def _approved_by_hand(dong_nai: Any) -> None:
    sub = Submission.objects.get(unit=unit("dong-nai.so-khcn"), period=dong_nai.plan.periods[10])
    sub.state = "approved"
    sub.save()  # written without the action: no job, no hook




def _task_linked(dong_nai: Any) -> None:
    from giamsat.alignment.actions import link_task_to_target

    link_task_to_target(persona("thuongtruc.dongnai", "dong-nai", Role.STANDING_AGENCY), dong_nai.ket_noi,
                        dong_nai.dvc)


def _lead_mapped(dong_nai: Any) -> None:
    task = dong_nai.so_hoa
    task.lead = unit("dong-nai.so-khcn")
    task.save()




@pytest.mark.parametrize("change", [_approved_by_hand, _returned, _reopened, _task_linked, _lead_mapped, _merger,
                                    _new_unit])
def test_each_change_the_plans_evaluation_reads_makes_its_row_stale(dong_nai: Any, change: Any) -> None:
    doc = dong_nai.plan.doc.pk
    _kept(doc)
    _mark(dong_nai)
    assert _latest(_kept(doc), dong_nai) == MARK

    change(dong_nai)

    again = _kept(doc)
    assert _latest(again, dong_nai) != MARK
    assert again == _fresh(doc)


def test_changes_elsewhere_and_saved_drafts_leave_the_row_valid(dong_nai: Any) -> None:
    doc = dong_nai.plan.doc.pk
    _kept(doc)
    _mark(dong_nai)
    lang_son = Plan("lang-son", "7/KH-UBND", months=2)  # another plan published, reported on, approved
    lang_son.report("lang-son.so-khcn", 1, state="submitted")
    lang_son.report("lang-son.so-tai-chinh", 1, state="approved")
    draft = dong_nai.plan.report("dong-nai.so-y-te", 10, state="draft")
    assert _latest(_kept(doc), dong_nai) != MARK  # a new draft on the plan: someone new is expected to report
    _mark(dong_nai)

    draft.save()  # a draft saved again: nothing the evaluation reads
    Submission.objects.filter(period=dong_nai.bp.periods[1]).update(state="returned")  # another plan

    assert _latest(_kept(doc), dong_nai) == MARK


def test_an_approval_refreshes_the_kept_results_of_its_plan_in_the_job(
        dong_nai: Any, today: Any, django_capture_on_commit_callbacks: Any) -> None:
    doc = dong_nai.plan.doc.pk
    before = _kept(doc)
    version = KeptPlanResults.objects.get(document_id=doc).version
    sent = Submission.objects.get(unit=unit("dong-nai.so-khcn"), period=dong_nai.plan.periods[10])

    with django_capture_on_commit_callbacks(execute=True):
        actions.approve_report(persona("thuongtruc.dongnai", "dong-nai", Role.STANDING_AGENCY), sent)

    row = KeptPlanResults.objects.get(document_id=doc)
    assert row.version != version and row.version == evaluation.plan_version(doc)
    after = evaluation.plan_results_from_json(row.results)
    assert after == _fresh(doc) != before
    assert after.tasks[str(dong_nai.ket_noi.pk)].status != before.tasks[str(dong_nai.ket_noi.pk)].status


def test_a_row_in_an_older_format_or_older_than_a_day_is_computed_again(dong_nai: Any) -> None:
    from django.utils import timezone

    doc = dong_nai.plan.doc.pk
    _kept(doc)
    KeptPlanResults.objects.update(results='{"old": true}')
    assert _kept(doc) == _fresh(doc)

    _mark(dong_nai)
    KeptPlanResults.objects.update(computed_at=timezone.now() - evaluation.KEEP_FOR - dt.timedelta(minutes=1))
    assert _latest(_kept(doc), dong_nai) != MARK

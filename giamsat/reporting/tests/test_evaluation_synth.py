"""`giamsat synth --scale small` writes the engine's synthetic dataset into the real tables,
and the evaluation read back from the database judges every task as the engine does in memory."""

from __future__ import annotations

import datetime as dt
import json
from io import StringIO
from typing import Any

import pytest
from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.core.management.base import CommandError

from giamsat.evaluate import engine, synth
from giamsat.org.models import OrgUnit
from giamsat.plans.models import Document, Milestone, Target, Task
from giamsat.reporting import evaluation
from giamsat.reporting.management.commands.synth import ROOT_CODE, SCALES, code_of
from giamsat.reporting.models import IndicatorValue, ReportingPeriod, Submission, TaskReport

AS_OF = dt.date(2026, 6, 20)


@pytest.fixture
def small(db: Any) -> Any:
    evaluation.clear_cache()
    call_command("synth", "--scale", "small", stdout=StringIO())
    return synth.generate(**SCALES["small"])


def test_synth_small_creates_the_expected_rows(small: Any) -> None:
    root = OrgUnit.objects.get(code=ROOT_CODE)
    plan_units = len(small.units) - 1  # every unit but the nation has a plan

    assert OrgUnit.objects.filter(path__startswith=root.path, is_demo=True).count() == len(small.units) == 21
    assert Document.objects.filter(owner__path__startswith=root.path, is_demo=True).count() == plan_units
    assert ReportingPeriod.objects.filter(document__is_demo=True).count() == plan_units * 24
    assert Task.objects.filter(document__is_demo=True).count() == len(small.tasks) == plan_units * 20
    assert Target.objects.filter(document__is_demo=True).count() == len(small.targets) == plan_units * 8
    assert Milestone.objects.filter(target__document__is_demo=True).count() == sum(
        len(g.milestones) for g in small.targets)
    assert Submission.objects.filter(is_demo=True, state="approved").count() == len(small.submissions)
    assert TaskReport.objects.filter(submission__is_demo=True).count() == sum(len(t.reports) for t in small.tasks)
    values = IndicatorValue.objects.filter(submission__is_demo=True).count()
    assert 0.97 * sum(len(g.values) for g in small.targets) <= values <= sum(len(g.values) for g in small.targets)
    # cascade: the first targets of a department's plan serve the province's
    child = Target.objects.get(document__owner__code=code_of("P01-S01"), code="CT1")
    assert child.serves is not None and child.serves.document.owner.code == code_of("P01")


def test_synth_refuses_to_load_twice_without_replace(small: Any) -> None:
    with pytest.raises(CommandError):
        call_command("synth", "--scale", "small", stdout=StringIO())
    call_command("synth", "--scale", "small", "--replace", stdout=StringIO())
    assert Task.objects.filter(document__is_demo=True).count() == len(small.tasks)


def test_the_database_evaluation_judges_tasks_as_the_engine_does(small: Any) -> None:
    expected = engine.evaluate(small, AS_OF)
    ev = evaluation.evaluate_scope(OrgUnit.objects.get(code=ROOT_CODE), AS_OF)

    assert len(ev.tasks) == len(expected.tasks)
    mismatched = []
    for pk, owner, code in Task.objects.filter(document__is_demo=True).values_list("id", "document__owner__code", "code"):
        synth_id = f"{owner.removeprefix('synth-').upper()}-{code}"
        if ev.tasks[str(pk)].status is not expected.tasks[synth_id].status:
            mismatched.append(synth_id)
    assert mismatched == []
    assert ev.rollups[ROOT_CODE].task_status == expected.rollups[synth.NATION].task_status


def _canonical(ev: dict[str, Any]) -> dict[str, Any]:
    """Issues and warnings compared as collections (their order follows the rows' order)."""
    for key in ("issues", "warnings"):
        ev[key] = sorted(json.dumps(x, sort_keys=True, default=str) for x in ev[key])
    return ev


@pytest.mark.parametrize("as_of", [AS_OF, dt.date(2025, 8, 1), dt.date(2027, 1, 10)])
def test_the_task_histories_give_exactly_the_evaluation_of_the_report_rows(small: Any, as_of: dt.date) -> None:
    root = OrgUnit.objects.get(code=ROOT_CODE)
    tree = evaluation.UnitTree()
    scope = evaluation.Scope(frozenset(tree.subtree(root.pk)))

    fast, _ = evaluation.load_dataset(scope, as_of, tree, keep=ROOT_CODE)
    full, _ = evaluation.load_dataset(scope, as_of, tree, keep=ROOT_CODE, histories=False)

    def reports(ds: Any) -> dict[str, list[tuple[Any, ...]]]:
        return {t.id: sorted((r.period_end, r.reported_on, r.state.value, r.percent, r.completed_on)
                             for r in t.reports) for t in ds.tasks}

    assert reports(fast) == reports(full)
    assert sum(len(r) for r in reports(fast).values()) > 100
    assert (_canonical(engine.evaluate(fast, as_of, ROOT_CODE).to_dict())
            == _canonical(engine.evaluate(full, as_of, ROOT_CODE).to_dict()))


def test_a_provinces_dashboard_is_the_same_from_task_histories(small: Any, monkeypatch: Any) -> None:
    admin = get_user_model().objects.create_superuser("quan-tri", "qt@example.invalid", "mat-khau-dai-123")
    province = OrgUnit.objects.get(code=code_of("P01"))
    monkeypatch.setattr(evaluation, "KEEP_FIGURES", False)  # both readings evaluate
    fast = evaluation.dashboard_figures(admin, as_of=AS_OF, unit_id=province.pk)
    monkeypatch.setattr(evaluation, "USE_HISTORIES", False)
    evaluation.clear_cache()

    full = evaluation.dashboard_figures(admin, as_of=AS_OF, unit_id=province.pk)

    assert fast == full
    assert fast.tasks_total == Task.objects.filter(document__owner__path__startswith=province.path).count() > 0


def test_plans_evaluated_over_every_unit_are_the_same_from_task_histories(small: Any) -> None:
    """The target list's and the public figures' evaluation (plans, every unit): histories equal the rows."""
    tree = evaluation.UnitTree()
    plans = sorted(Document.objects.filter(is_demo=True).values_list("pk", flat=True))
    for docs in (plans, plans[::3]):
        scope = evaluation.Scope(None, tuple(docs))
        fast, _ = evaluation.load_dataset(scope, AS_OF, tree)
        full, _ = evaluation.load_dataset(scope, AS_OF, tree, histories=False)

        def reports(ds: Any) -> dict[str, list[tuple[Any, ...]]]:
            return {t.id: sorted((r.period_end, r.reported_on, r.state.value, r.percent, r.completed_on)
                                 for r in t.reports) for t in ds.tasks}

        assert reports(fast) == reports(full)
        assert sum(len(r) for r in reports(fast).values()) > 100
        assert (_canonical(engine.evaluate(fast, AS_OF).to_dict())
                == _canonical(engine.evaluate(full, AS_OF).to_dict()))


def test_every_published_plan_shares_the_evaluation_without_a_plan_filter(small: Any, monkeypatch: Any) -> None:
    """The target list of an administrator and the public figures (every published plan) use the national
    dashboard's evaluation, the same one, instead of holding a second; not when a plan is left out, nor
    when a submission is to a period of a plan no longer published (the two would then differ)."""
    monkeypatch.setattr(evaluation, "EVERY_PLAN_MIN", 1)
    plans = sorted(Document.objects.filter(is_demo=True).values_list("pk", flat=True))
    whole = evaluation.evaluate_scope(None, AS_OF)
    monkeypatch.setattr(evaluation, "EVERY_PLAN_MIN", 10**6)
    filtered = evaluation.evaluate_scope(None, AS_OF, document_ids=plans)  # evaluated apart
    monkeypatch.setattr(evaluation, "EVERY_PLAN_MIN", 1)

    assert filtered is not whole
    assert _canonical(filtered.to_dict()) == _canonical(whole.to_dict())
    assert evaluation.evaluate_scope(None, AS_OF, document_ids=reversed(plans)) is whole
    assert evaluation.evaluate_scope(None, AS_OF, document_ids=plans[1:]) is not whole
    Document.objects.filter(pk=plans[0]).update(status="draft")  # its periods keep their submissions
    evaluation.clear_cache()
    again = evaluation.evaluate_scope(None, AS_OF)
    assert evaluation.evaluate_scope(None, AS_OF, document_ids=plans[1:]) is not again
    Submission.objects.filter(period__document_id=plans[0]).delete()
    assert evaluation.evaluate_scope(None, AS_OF, document_ids=plans[1:]) is evaluation.evaluate_scope(None, AS_OF)

# ruff: noqa: F811 (the tests take the `dong_nai` fixture imported from test_evaluation)
"""Dashboard figures kept in the database per scope and day (`KeptFigures`).

A kept row is read (two queries) while its scope's data are unchanged; any change the scope's
evaluation reads makes it stale; a viewer who does not see the whole scope never reads it. To tell
a kept answer from a computed one, some tests mark the kept row (tasks_total = 999 in its JSON):
a read that returns 999 came from the row.
"""

from __future__ import annotations

import datetime as dt
import json
from typing import Any

import pytest
import time_machine
from django.contrib.auth import get_user_model
from django.utils import timezone

from giamsat.domain.deadline import DeadlineSpec
from giamsat.org.models import OrgUnit, Role, UnitKind
from giamsat.org.tests.factories import persona, unit
from giamsat.reporting import actions, evaluation
from giamsat.reporting.models import KeptFigures, Submission
from giamsat.reporting.tests.test_evaluation import AS_OF, Plan, dong_nai  # noqa: F401 (the fixture)

MARK = 999


@pytest.fixture
def admin(db: Any) -> Any:
    return get_user_model().objects.create_superuser("quan-tri", "qt@example.invalid", "mat-khau-dai-123")


@pytest.fixture
def today() -> Any:
    """The approval jobs refresh today's rows: today is AS_OF, at 09:00 in Vietnam."""
    with time_machine.travel(dt.datetime(2026, 11, 20, 9, 0, tzinfo=dt.timezone(dt.timedelta(hours=7))),
                             tick=False):
        yield


def _fresh(user: Any, **kwargs: Any) -> evaluation.DashboardFigures:
    """The figures computed by the engine, nothing kept read or written."""
    evaluation.clear_cache()
    keep, evaluation.KEEP_FIGURES = evaluation.KEEP_FIGURES, False
    try:
        return evaluation.dashboard_figures(user, **kwargs)
    finally:
        evaluation.KEEP_FIGURES = keep
        evaluation.clear_cache()


def _kept(user: Any, **kwargs: Any) -> evaluation.DashboardFigures:
    """A read in a new process: nothing in memory, whatever is in the table."""
    evaluation.clear_cache()
    return evaluation.dashboard_figures(user, **kwargs)


def _row(code: str | None, as_of: dt.date = AS_OF) -> KeptFigures:
    root = unit(code).pk if code is not None else "*"
    return KeptFigures.objects.get(key=f"u{root}|d-|t-|p-", as_of=as_of)


def _mark(code: str | None) -> None:
    """Change the kept row's figures (not its version) so that a read from it is recognisable."""
    row = _row(code)
    data = json.loads(row.figures)
    fields = [f.name for f in evaluation.dataclasses.fields(evaluation.DashboardFigures)]
    data[fields.index("tasks_total")] = MARK
    row.figures = json.dumps(data)
    row.save(update_fields=["figures"])


@pytest.mark.parametrize("as_of", [AS_OF, dt.date(2026, 8, 16), dt.date(2026, 3, 1)])
def test_kept_figures_equal_the_freshly_computed_ones(dong_nai: Any, admin: Any, as_of: dt.date,
                                                      django_assert_max_num_queries: Any) -> None:
    first = _kept(admin, as_of=as_of, unit_id="dong-nai")  # computed and kept
    assert _row("dong-nai", as_of).version == evaluation.scope_version(evaluation.scope_of(unit("dong-nai")))

    evaluation.clear_cache()
    with django_assert_max_num_queries(3):  # the unit, the kept row, the scope's version: no evaluation
        again = evaluation.dashboard_figures(admin, as_of=as_of, unit_id="dong-nai")

    assert again == first == _fresh(admin, as_of=as_of, unit_id="dong-nai")
    assert again.tasks_total == 6
    everything = _kept(admin, as_of=as_of)
    assert _kept(admin, as_of=as_of) == everything == _fresh(admin, as_of=as_of)


def test_the_json_round_trip_keeps_every_field(dong_nai: Any, admin: Any) -> None:
    figures = _fresh(admin, as_of=AS_OF, unit_id="dong-nai", document_id=dong_nai.plan.doc.pk)
    assert figures.compliance and figures.tasks_by_unit and figures.targets_at_risk and figures.warnings

    assert evaluation.figures_from_json(evaluation.figures_to_json(figures)) == figures


def test_filters_and_days_are_kept_apart(dong_nai: Any, admin: Any) -> None:
    _kept(admin, as_of=AS_OF, unit_id="dong-nai")
    _kept(admin, as_of=AS_OF, unit_id="dong-nai", document_id=dong_nai.plan.doc.pk)
    _kept(admin, as_of=AS_OF, unit_id="dong-nai", theme="chinh-quyen-so")
    _kept(admin, as_of=dt.date(2026, 8, 16), unit_id="dong-nai")
    _mark("dong-nai")

    assert _kept(admin, as_of=AS_OF, unit_id="dong-nai").tasks_total == MARK
    by_plan = _kept(admin, as_of=AS_OF, unit_id="dong-nai", document_id=dong_nai.plan.doc.pk)
    assert by_plan == _fresh(admin, as_of=AS_OF, unit_id="dong-nai", document_id=dong_nai.plan.doc.pk)
    assert _kept(admin, as_of=AS_OF, unit_id="dong-nai", theme="chinh-quyen-so").tasks_total == 0
    assert _kept(admin, as_of=dt.date(2026, 8, 16), unit_id="dong-nai").tasks_total == 6
    assert KeptFigures.objects.count() == 4


def test_an_approval_in_one_province_refreshes_its_figures_and_not_anothers(dong_nai: Any, admin: Any, today: Any,
                                                                            django_capture_on_commit_callbacks: Any
                                                                            ) -> None:
    lang_son = Plan("lang-son", "7/KH-UBND", months=10)
    task = lang_son.task("lang-son.so-khcn", "Nhiệm vụ của Lạng Sơn", DeadlineSpec.in_month(2026, 12, "12/2026"))
    sent = lang_son.report("lang-son.so-khcn", 10, state="submitted", tasks=((task, "completed", 100, AS_OF),))
    before = {code: _kept(admin, as_of=AS_OF, unit_id=code) for code in ("dong-nai", "lang-son")}
    versions = {code: _row(code).version for code in before}
    _mark("dong-nai")

    with django_capture_on_commit_callbacks(execute=True):
        actions.approve_report(persona("thuongtruc.langson", "lang-son", Role.STANDING_AGENCY), sent)

    # the job after the commit recomputed Lạng Sơn's row; Đồng Nai's is untouched and still read
    assert _row("lang-son").version != versions["lang-son"]
    assert _row("dong-nai").version == versions["dong-nai"]
    assert _kept(admin, as_of=AS_OF, unit_id="dong-nai").tasks_total == MARK
    after = _kept(admin, as_of=AS_OF, unit_id="lang-son")
    assert after == _fresh(admin, as_of=AS_OF, unit_id="lang-son") != before["lang-son"]
    assert [s.count for s in after.task_status if s.status == "completed_on_time"] == [1]
    evaluation.clear_cache()
    evaluation.KEEP_FIGURES = False  # the refreshed row is what the engine gives
    try:
        assert evaluation.figures_from_json(_row("lang-son").figures) == after
    finally:
        evaluation.KEEP_FIGURES = True


def test_a_stale_row_is_computed_again_on_the_next_read_without_the_job(dong_nai: Any, admin: Any) -> None:
    _kept(admin, as_of=AS_OF, unit_id="dong-nai")
    _mark("dong-nai")
    sub = Submission.objects.get(unit=unit("dong-nai.so-khcn"), period=dong_nai.plan.periods[10])
    sub.state = "approved"
    sub.save()  # written without the action: no job, no hook

    again = _kept(admin, as_of=AS_OF, unit_id="dong-nai")

    assert again.tasks_total == 6
    assert again == _fresh(admin, as_of=AS_OF, unit_id="dong-nai")
    assert _row("dong-nai").version == evaluation.scope_version(evaluation.scope_of(unit("dong-nai")))


def _returned(dong_nai: Any) -> None:
    sub = Submission.objects.get(unit=unit("dong-nai.so-khcn"), period=dong_nai.plan.periods[10])
    actions.return_report(persona("thuongtruc.dongnai", "dong-nai", Role.STANDING_AGENCY), sub, "Thiếu minh chứng")


def _reopened(dong_nai: Any) -> None:
    sub = Submission.objects.get(unit=unit("dong-nai.so-khcn"), period=dong_nai.plan.periods[9])
    actions.reopen_report(persona("thuongtruc.dongnai", "dong-nai", Role.STANDING_AGENCY), sub, "Sửa số liệu")


def _new_plan(dong_nai: Any) -> None:
    Plan("lang-son", "8/KH-UBND", months=1)  # published elsewhere: the publications are read globally


def _new_unit(dong_nai: Any) -> None:
    OrgUnit(code="dong-nai.so-moi", name="Sở Mới tỉnh Đồng Nai", kind=UnitKind.DEPARTMENT,
            parent=unit("dong-nai")).save()


def _merger(dong_nai: Any) -> None:
    moved = unit("dong-nai.so-y-te")
    moved.successor = unit("dong-nai.so-khcn")
    moved.save()


def _renamed(dong_nai: Any) -> None:
    renamed = unit("dong-nai.so-tai-chinh")
    renamed.name = "Sở Tài chính và Kế hoạch tỉnh Đồng Nai"
    renamed.save()


@pytest.mark.parametrize("change", [_returned, _reopened, _new_plan, _new_unit, _merger, _renamed])
def test_each_change_the_scope_reads_makes_its_row_stale(dong_nai: Any, admin: Any, change: Any) -> None:
    _kept(admin, as_of=AS_OF, unit_id="dong-nai")
    _mark("dong-nai")
    assert _kept(admin, as_of=AS_OF, unit_id="dong-nai").tasks_total == MARK

    change(dong_nai)

    again = _kept(admin, as_of=AS_OF, unit_id="dong-nai")
    assert again.tasks_total != MARK
    assert again == _fresh(admin, as_of=AS_OF, unit_id="dong-nai")


def test_a_draft_saved_elsewhere_does_not_make_the_row_stale(dong_nai: Any, admin: Any) -> None:
    _kept(admin, as_of=AS_OF, unit_id="dong-nai")
    _mark("dong-nai")
    lang_son = Plan("lang-son", "7/KH-UBND", months=1)  # a publication: stale once, then kept again
    _kept(admin, as_of=AS_OF, unit_id="dong-nai")
    _mark("dong-nai")

    lang_son.report("lang-son.so-khcn", 1, state="submitted")
    lang_son.report("lang-son.so-tai-chinh", 1, state="approved")

    assert _kept(admin, as_of=AS_OF, unit_id="dong-nai").tasks_total == MARK


def test_a_kept_row_serves_only_viewers_who_see_its_whole_scope(dong_nai: Any, admin: Any) -> None:
    _kept(admin, as_of=AS_OF, unit_id="dong-nai")
    _mark("dong-nai")
    standing = persona("thuongtruc.dongnai", "dong-nai", Role.STANDING_AGENCY)  # sees Đồng Nai's subtree
    reporter = persona("baocao.dongnai", "dong-nai", Role.REPORTER)  # sees the province's own unit only

    assert _kept(standing, as_of=AS_OF).tasks_total == MARK
    assert _kept(standing, as_of=AS_OF, unit_id="dong-nai").tasks_total == MARK
    own = _kept(reporter, as_of=AS_OF, unit_id="dong-nai")
    assert own.tasks_total != MARK
    assert own == _fresh(reporter, as_of=AS_OF, unit_id="dong-nai")
    assert KeptFigures.objects.count() == 1  # the reporter's partial scope is not kept
    lang_son = persona("thuongtruc.langson", "lang-son", Role.STANDING_AGENCY)
    assert _kept(lang_son, as_of=AS_OF).tasks_total != MARK


def test_every_unit_is_kept_for_the_admins_only(dong_nai: Any, admin: Any) -> None:
    _kept(admin, as_of=AS_OF)
    _mark(None)
    steering = persona("chidao.dongnai", "dong-nai", Role.STEERING)

    assert _kept(admin, as_of=AS_OF).tasks_total == MARK
    assert _kept(steering, as_of=AS_OF).tasks_total != MARK


def test_nothing_breaks_when_the_table_is_empty(dong_nai: Any, admin: Any) -> None:
    assert KeptFigures.objects.count() == 0
    assert evaluation.refresh_kept({unit("dong-nai").pk}, AS_OF) == 0
    assert evaluation.scope_version(set()) != evaluation.scope_version(None)

    figures = _kept(admin, as_of=AS_OF, unit_id="dong-nai")
    KeptFigures.objects.all().delete()

    assert evaluation.dashboard_figures(admin, as_of=AS_OF, unit_id="dong-nai") == figures  # memory
    assert _kept(admin, as_of=AS_OF, unit_id="dong-nai") == figures
    assert KeptFigures.objects.count() == 1


def test_a_row_in_an_older_format_is_computed_again(dong_nai: Any, admin: Any) -> None:
    _kept(admin, as_of=AS_OF, unit_id="dong-nai")
    KeptFigures.objects.update(figures='{"old": true}')

    assert _kept(admin, as_of=AS_OF, unit_id="dong-nai") == _fresh(admin, as_of=AS_OF, unit_id="dong-nai")


def test_a_row_kept_for_more_than_a_day_is_computed_again(dong_nai: Any, admin: Any) -> None:
    _kept(admin, as_of=AS_OF, unit_id="dong-nai")
    _mark("dong-nai")
    assert _kept(admin, as_of=AS_OF, unit_id="dong-nai").tasks_total == MARK
    KeptFigures.objects.update(computed_at=timezone.now() - evaluation.KEEP_FOR - dt.timedelta(minutes=1))

    assert _kept(admin, as_of=AS_OF, unit_id="dong-nai").tasks_total == 6
    assert _row("dong-nai").computed_at > timezone.now() - dt.timedelta(minutes=1)


def test_a_kind_or_code_change_makes_the_row_stale(dong_nai: Any, admin: Any) -> None:
    _kept(admin, as_of=AS_OF, unit_id="dong-nai")
    _mark("dong-nai")
    department = unit("dong-nai.so-y-te")
    department.code = "dong-nai.so-yte"
    department.save()

    assert _kept(admin, as_of=AS_OF, unit_id="dong-nai").tasks_total == 6

"""A full round through the actions: Đồng Nai's standing agency assesses three departments."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Any

import pytest

from giamsat.assessment import actions
from giamsat.assessment.actions import CriterionData
from giamsat.assessment.errors import FrozenError, InvalidInput, LockedError, NotAllowed
from giamsat.assessment.models import CriteriaSet, Criterion, Entry, Participant, Round, RoundState
from giamsat.assessment.results import comparison, head_of, officials, ranking
from giamsat.assessment.scoring import unit_evaluation
from giamsat.audit.models import AuditEvent
from giamsat.evaluate.scorecard import band_for
from giamsat.plans.models import Task
from giamsat.reporting import evaluation

from .conftest import AS_OF

pytestmark = pytest.mark.django_db


def open_2026(province: Any, sample_set: CriteriaSet) -> Round:
    return actions.open_round(province.people.standing, name="Đánh giá chuyển đổi số năm 2026", year=2026,
                              criteria_set=sample_set, organizer=province.dong_nai,
                              units=[province.khcn, province.tai_chinh, province.y_te],
                              opens_on=dt.date(2026, 12, 1), closes_on=dt.date(2027, 1, 15), data_as_of=AS_OF)


def entry(round_: Round, unit: Any, code: str) -> Entry:
    return Entry.objects.get(participant__round=round_, participant__unit=unit, criterion__code=code)


def fill_all(round_: Round, unit: Any, user: Any, score_of: Any) -> None:
    participant = Participant.objects.get(round=round_, unit=unit)
    for e in participant.entries.select_related("criterion"):
        if e.computed_score is not None:
            continue
        value = score_of(e.criterion)
        actions.self_assess(user, e, score=value, note="Có văn bản kèm theo",
                            links=["https://dongnai.gov.vn/van-ban/123"] if value else [])


def test_the_computed_criterion_equals_the_evaluation_engines_figure(province: Any, sample_set: CriteriaSet,
                                                                      at: Any) -> None:
    at("2026-12-05")
    round_ = open_2026(province, sample_set)
    on_time = entry(round_, province.khcn, "6.1")
    card = evaluation.evaluate_scope(province.khcn, AS_OF).scorecards["dong-nai.so-khcn"]
    item = next(i for i in card.items if i.component == "task_on_time")
    # three of Sở KH&CN's four tasks were completed on time (the link-up was finished in October, due September)
    assert (item.numerator, item.denominator) == (3, 4)
    assert on_time.computed_score == on_time.self_score == Decimal("11.25")  # 15 × 3/4
    assert on_time.computed_detail == "3/4 nhiệm vụ hoàn thành đúng hạn (75,0 %)"
    composite = entry(round_, province.khcn, "6.2")
    assert composite.computed_score == (Decimal(10) * Decimal(str(card.score)) / 100).quantize(Decimal("0.01"))
    # Sở Y tế has no task due: nothing to compute, the unit scores it by hand
    assert entry(round_, province.y_te, "6.1").computed_score is None
    assert CriteriaSet.objects.get(pk=sample_set.pk).is_frozen


def test_a_full_round_from_self_assessment_to_publication(province: Any, sample_set: CriteriaSet, at: Any) -> None:
    people = province.people
    at("2026-12-05")
    round_ = open_2026(province, sample_set)
    fill_all(round_, province.khcn, people.reporter_khcn, lambda c: c.max_points)
    fill_all(round_, province.tai_chinh, people.reporter_taichinh, lambda c: c.scale[1] if c.scale else
             (Decimal(0) if c.method == "yes_no" else c.max_points / 2))
    fill_all(round_, province.y_te, people.approver_yte, lambda c: c.max_points)
    # Sở Tài chính disputes the computed on-time figure, with a written reason
    computed = entry(round_, province.tai_chinh, "6.1")
    with pytest.raises(InvalidInput, match="phải ghi rõ lý do"):
        actions.self_assess(people.reporter_taichinh, computed, score="15")
    actions.self_assess(people.reporter_taichinh, computed, score="15",
                        override_reason="Nhiệm vụ Cơ sở dữ liệu giá đã hoàn thành, báo cáo tháng 7 bị trả lại nhầm.")
    for unit, approver in ((province.khcn, people.approver_khcn), (province.tai_chinh, people.approver_taichinh),
                           (province.y_te, people.approver_yte)):
        actions.submit_self_assessment(approver, Participant.objects.get(round=round_, unit=unit))

    # the standing agency adjusts Sở KH&CN's budget criterion and puts the override back; the units answer once
    budget = entry(round_, province.khcn, "2.3")
    actions.verify_criterion(people.standing, budget, "3", "Kinh phí bố trí mới đạt 60 % kế hoạch.")
    actions.reply_to_adjustment(people.reporter_khcn, budget, "Đề nghị xem xét khoản bổ sung tháng 11.")
    with pytest.raises(LockedError, match="một lần"):
        actions.reply_to_adjustment(people.reporter_khcn, budget, "Phản hồi lần hai")
    actions.verify_criterion(people.standing, entry(round_, province.tai_chinh, "6.1"), computed.computed_score,
                             "Giữ số liệu đã duyệt.")

    at("2027-01-20")
    actions.finalize_round(people.standing, round_)
    actions.publish_results(people.standing, round_)

    round_.refresh_from_db()
    assert round_.state == RoundState.PUBLISHED
    khcn, tai_chinh, y_te = (Participant.objects.get(round=round_, unit=u)
                             for u in (province.khcn, province.tai_chinh, province.y_te))
    # Sở KH&CN: everything at maximum except 2.3 (5 → 3), 6.1 (11.25 computed), 6.2 and 6.3 computed
    khcn_entries = {e.criterion.code: e.final_score for e in khcn.entries.select_related("criterion")}
    assert khcn_entries["2.3"] == Decimal(3)
    assert khcn.total == sum(khcn_entries.values())
    assert khcn.max_total == Decimal(100)
    assert khcn.percent == pytest.approx(float(khcn.total))
    assert khcn.band == band_for(khcn.percent)
    assert entry(round_, province.tai_chinh, "6.1").final_score == computed.computed_score
    ranks = sorted((p.rank, p.unit.code) for p in (khcn, tai_chinh, y_te))
    assert [r for r, _ in ranks] == [1, 2, 3]
    assert ranks[-1][1] == "dong-nai.so-tai-chinh"
    assert (khcn.head_name, khcn.head_title) == ("Nguyễn Văn Hùng", "Giám đốc Sở")
    table = ranking(round_)
    assert [row.participant.rank for row in table] == [1, 2, 3]
    grid = {row.criterion.code: row.scores for row in comparison(round_)}
    assert grid["2.3"][[r.participant.unit for r in table].index(province.khcn)] == Decimal(3)
    # every step is in the audit log
    actions_logged = set(AuditEvent.objects.filter(action__startswith="assessment.").values_list("action", flat=True))
    assert {"assessment.round_opened", "assessment.self_assessed", "assessment.self_assessment_submitted",
            "assessment.criterion_verified", "assessment.adjustment_answered", "assessment.round_finalized",
            "assessment.results_published", "assessment.set_frozen"} <= actions_logged
    # locked: no more changes
    with pytest.raises(LockedError):
        actions.verify_criterion(people.standing, budget, "5", "Sửa sau khi chốt")
    assert entry(round_, province.khcn, "2.3").final_score == Decimal(3)


def test_officials_completion_is_shown_beside_the_units_result(province: Any) -> None:
    ev = unit_evaluation(province.khcn, AS_OF)
    by_name = {o.name: o for o in officials(province.khcn.pk, ev, AS_OF)}
    assert (by_name["Phó Giám đốc Trần Văn An"].tasks, by_name["Phó Giám đốc Trần Văn An"].on_time) == (2, 2)
    binh = by_name["Trưởng phòng Lê Thị Bình"]
    assert (binh.tasks, binh.completed, binh.on_time, binh.due) == (2, 2, 1, 2)
    assert binh.on_time_percent == 50.0
    # the head: the approver with the title of the membership; without one, the tasks' named responsible person
    assert head_of(province.khcn) == ("Nguyễn Văn Hùng", "Giám đốc Sở")
    Task.objects.create(document=province.doc, lead=province.lang_son, name="Đề án Lạng Sơn số",
                        responsible_person="Chủ tịch UBND tỉnh Lạng Sơn")
    assert head_of(province.lang_son) == ("Chủ tịch UBND tỉnh Lạng Sơn", "Người chịu trách nhiệm")


def test_a_frozen_set_cannot_be_edited(province: Any, sample_set: CriteriaSet, at: Any) -> None:
    at("2026-12-05")
    open_2026(province, sample_set)
    criterion = Criterion.objects.get(criteria_set=sample_set, code="1.1")
    before = list(Criterion.objects.filter(criteria_set=sample_set).values_list("code", "title", "max_points"))
    row = CriterionData("1.1", "Đổi tên", Decimal(4), "yes_no", "1")
    for attempt in (lambda: actions.update_criterion("admin", criterion, row),
                    lambda: actions.add_criterion("admin", sample_set, CriterionData("1.4", "Mới", Decimal(1), "manual", "1")),
                    lambda: actions.delete_criterion("admin", criterion),
                    lambda: actions.replace_criteria("admin", sample_set, [row])):
        with pytest.raises(FrozenError, match="không thể sửa"):
            attempt()
    assert list(Criterion.objects.filter(criteria_set=sample_set).values_list("code", "title", "max_points")) == before


def test_a_score_above_the_maximum_or_off_the_scale_is_refused(province: Any, sample_set: CriteriaSet, at: Any) -> None:
    at("2026-12-05")
    round_ = open_2026(province, sample_set)
    reporter = province.people.reporter_khcn
    plan = entry(round_, province.khcn, "1.1")
    actions.self_assess(reporter, plan, score="4", note="Kế hoạch 12/KH-SKHCN")
    with pytest.raises(InvalidInput, match="phải từ 0 đến 4"):
        actions.self_assess(reporter, plan, score="7")
    with pytest.raises(InvalidInput, match="chỉ nhận 0 hoặc 4"):
        actions.self_assess(reporter, plan, score="2")
    with pytest.raises(InvalidInput, match="các mức 0; 1,5; 3"):
        actions.self_assess(reporter, entry(round_, province.khcn, "1.2"), score="2")
    with pytest.raises(InvalidInput, match="không phải là số"):
        actions.self_assess(reporter, plan, score="bốn")
    plan.refresh_from_db()
    assert (plan.self_score, plan.self_note) == (Decimal(4), "Kế hoạch 12/KH-SKHCN")


def test_a_late_submission_is_refused_and_nothing_is_lost(province: Any, sample_set: CriteriaSet, at: Any) -> None:
    at("2026-12-05")
    round_ = open_2026(province, sample_set)
    plan = entry(round_, province.khcn, "1.1")
    actions.self_assess(province.people.reporter_khcn, plan, score="4", note="Kế hoạch 12/KH-SKHCN")
    at("2027-01-16")
    with pytest.raises(LockedError, match="quá hạn tự đánh giá \\(15/01/2027\\)"):
        actions.self_assess(province.people.reporter_khcn, plan, score="0")
    participant = Participant.objects.get(round=round_, unit=province.khcn)
    with pytest.raises(LockedError, match="quá hạn"):
        actions.submit_self_assessment(province.people.approver_khcn, participant)
    plan.refresh_from_db()
    participant.refresh_from_db()
    assert (plan.self_score, plan.self_note, participant.state) == (Decimal(4), "Kế hoạch 12/KH-SKHCN", "draft")


def test_only_the_units_own_people_assess_and_only_its_approver_submits(province: Any, sample_set: CriteriaSet,
                                                                         at: Any) -> None:
    at("2026-12-05")
    round_ = open_2026(province, sample_set)
    plan = entry(round_, province.khcn, "1.1")
    with pytest.raises(NotAllowed):
        actions.self_assess(province.people.reporter_taichinh, plan, score="4")
    with pytest.raises(NotAllowed):
        actions.submit_self_assessment(province.people.reporter_khcn, plan.participant)
    with pytest.raises(NotAllowed):
        actions.verify_criterion(province.people.standing_langson, plan, "0", "Không phải của Lạng Sơn")
    plan.refresh_from_db()
    assert plan.self_score is None and plan.verified_score is None
    assert Participant.objects.get(pk=plan.participant_id).state == "draft"


def test_lang_sons_standing_agency_cannot_open_a_round_for_dong_nais_departments(province: Any,
                                                                                 sample_set: CriteriaSet) -> None:
    with pytest.raises(NotAllowed):
        actions.open_round(province.people.standing_langson, name="Sai phạm vi", year=2026, criteria_set=sample_set,
                           organizer=province.lang_son, units=[province.khcn], opens_on=dt.date(2026, 12, 1),
                           closes_on=dt.date(2027, 1, 15))
    assert not Round.objects.exists()
    assert not CriteriaSet.objects.get(pk=sample_set.pk).is_frozen


def test_the_sample_set_loads_once_and_sums_to_one_hundred(sample_set: CriteriaSet) -> None:
    from giamsat.assessment.sample import SAMPLE_NOTE, load_sample_criteria

    again = load_sample_criteria()
    assert again.pk == sample_set.pk and CriteriaSet.objects.count() == 1
    assert sample_set.note == SAMPLE_NOTE
    groups = {c.title: c.max_points for c in sample_set.criteria.filter(parent=None)}
    assert list(groups) == ["Nhận thức số", "Thể chế số", "Hạ tầng số", "Nhân lực số", "An toàn thông tin mạng",
                            "Hoạt động chính quyền số"]
    assert sum(groups.values()) == 100
    assert actions.set_problems(sample_set) == []


def test_an_indicator_criterion_reads_the_engines_latest_trusted_value(province: Any, at: Any) -> None:
    from giamsat.plans.models import Milestone, StandardIndicator, Target
    from giamsat.reporting.models import IndicatorValue, ReportingPeriod, Submission

    indicator = StandardIndicator.objects.create(code="dvctt-toan-trinh", name="Tỷ lệ DVCTT toàn trình", unit="%")
    target = Target.objects.create(document=province.doc, responsible=province.khcn, indicator=indicator,
                                   name="Tỷ lệ dịch vụ công trực tuyến toàn trình", unit_of_measure="%")
    Milestone.objects.create(target=target, year=2026, comparator=">=", value=Decimal(80))
    for month, value in ((6, "40"), (9, "60")):
        period = ReportingPeriod.objects.get(document=province.doc, index=month)
        sub = Submission.objects.create(period=period, unit=province.khcn, state="approved",
                                        submitted_at=dt.datetime(2026, 11, 1, 2, tzinfo=dt.UTC),
                                        approved_at=dt.datetime(2026, 11, 2, 2, tzinfo=dt.UTC))
        IndicatorValue.objects.create(submission=sub, target=target, value=Decimal(value),
                                      measured_on=period.end)
    own = actions.create_criteria_set("test", code="dvc", year=2026, name="Dịch vụ công", owner=province.dong_nai)
    actions.add_criterion(province.people.standing, own, CriterionData("1", "Dịch vụ công", Decimal(10), "group"))
    actions.add_criterion(province.people.standing, own, CriterionData(
        "1.1", "Tỷ lệ DVCTT toàn trình", Decimal(10), "formula", "1", formula="indicator",
        indicator_code="dvctt-toan-trinh", full_at=Decimal(80)))
    at("2026-12-05")
    round_ = actions.open_round(province.people.standing, name="Dịch vụ công 2026", year=2026, criteria_set=own,
                                organizer=province.dong_nai, units=[province.khcn, province.tai_chinh],
                                opens_on=dt.date(2026, 12, 1), closes_on=dt.date(2027, 1, 15), data_as_of=AS_OF)
    latest = evaluation.evaluate_scope(province.khcn, AS_OF).targets[str(target.pk)].latest_value
    assert latest == 60.0
    computed = entry(round_, province.khcn, "1.1")
    assert computed.computed_score == Decimal("7.50")  # 10 × 60/80
    assert entry(round_, province.tai_chinh, "1.1").computed_score is None  # no value of its own


def test_the_ranking_shows_the_change_from_last_year(province: Any, sample_set: CriteriaSet, at: Any) -> None:
    at("2025-12-05")
    last = actions.open_round("test", name="Đánh giá năm 2025", year=2025, criteria_set=sample_set,
                              organizer=province.dong_nai, units=[province.khcn], opens_on=dt.date(2025, 12, 1),
                              closes_on=dt.date(2026, 1, 15), data_as_of=dt.date(2025, 12, 31))
    fill_all(last, province.khcn, "test", lambda c: Decimal(0))
    at("2026-01-20")
    actions.publish_results("test", actions.finalize_round("test", last))
    at("2026-12-05")
    now = open_2026(province, sample_set)
    fill_all(now, province.khcn, "test", lambda c: c.max_points)
    actions.submit_self_assessment("test", Participant.objects.get(round=now, unit=province.khcn))
    at("2027-01-20")
    actions.finalize_round("test", now)
    last_percent = Participant.objects.get(round=last, unit=province.khcn).percent
    row = next(r for r in ranking(now) if r.participant.unit == province.khcn)
    assert row.previous_percent == last_percent
    assert row.change == pytest.approx(row.participant.percent - last_percent, abs=0.01)
    assert row.change > 50
    assert row.previous_percent == 0.0  # nothing was scored last year but the computed criteria (nothing due)
    assert all(r.change is None for r in ranking(now) if r.participant.unit != province.khcn)
    # Sở Tài chính never sent its self-assessment: only the criteria giamsat computed count
    tai_chinh = Participant.objects.get(round=now, unit=province.tai_chinh)
    assert tai_chinh.total == sum(e.computed_score or 0 for e in tai_chinh.entries.all()) > 0


def test_refreshing_computed_criteria_picks_up_reports_approved_since_opening(province: Any, sample_set: CriteriaSet,
                                                                             at: Any) -> None:
    from giamsat.reporting.models import ReportingPeriod, Submission, TaskReport

    at("2026-12-05")
    round_ = open_2026(province, sample_set)
    tai_chinh = entry(round_, province.tai_chinh, "6.1")
    assert tai_chinh.computed_score == Decimal("7.50")  # one of two tasks on time
    actions.self_assess(province.people.reporter_khcn, entry(round_, province.khcn, "6.1"), score="15",
                        override_reason="Nhiệm vụ kết nối liên thông được gia hạn bằng văn bản.")
    late = Submission.objects.create(period=ReportingPeriod.objects.get(document=province.doc, index=11),
                                     unit=province.tai_chinh, state="approved",
                                     submitted_at=dt.datetime(2026, 12, 6, 2, tzinfo=dt.UTC),
                                     approved_at=dt.datetime(2026, 12, 6, 3, tzinfo=dt.UTC))
    TaskReport.objects.create(submission=late, task=Task.objects.get(name="Cơ sở dữ liệu giá"), state="completed",
                              percent=100, completed_on=dt.date(2026, 7, 15))
    with pytest.raises(NotAllowed):
        actions.refresh_computed(province.people.reporter_taichinh, round_)
    assert actions.refresh_computed(province.people.standing, round_) == 2  # its 6.1 and its composite 6.2
    tai_chinh.refresh_from_db()
    assert (tai_chinh.computed_score, tai_chinh.self_score) == (Decimal(15), Decimal(15))
    khcn = entry(round_, province.khcn, "6.1")
    assert (khcn.computed_score, khcn.self_score) == (Decimal("11.25"), Decimal(15))  # the written override stays

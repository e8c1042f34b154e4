"""Alignment on the seed plans (targets read by hand from ../shared/seeds/, see seed_plans.py)."""

from __future__ import annotations

import json
from io import StringIO

import pytest
from django.core.management import call_command

from giamsat.alignment import actions, analysis
from giamsat.alignment.compare import Verdict
from giamsat.plans.models import Document, StandardIndicator, Target

pytestmark = pytest.mark.django_db


def _row(comparison: analysis.IndicatorComparison, document: Document, year: int) -> analysis.PlanRow:
    return next(r for r in comparison.rows if r.document == document and any(lv.year == year for lv in r.levels))


def _verdicts(row: analysis.PlanRow, against: str) -> list[tuple[int | None, Verdict]]:
    return [(f.local.year, f.verdict) for c in row.comparisons if c.against.startswith(against) for f in c.findings]


def test_the_digital_economy_targets_of_three_provinces_side_by_side(plans: dict[str, Document]) -> None:
    indicator = StandardIndicator.objects.get(code="kinh-te-so")
    c = analysis.compare_indicator(indicator, Document.objects.all())
    by_plan = {(r.document.number, lv.year): lv.text for r in c.rows for lv in r.levels}
    assert by_plan == {
        ("74-CTr/TU", 2030): "≥ 30 % GRDP", ("74-CTr/TU", 2045): "≥ 50 % GRDP",
        ("02-CTr/TU", 2025): "≥ 22 % GRDP", ("02-CTr/TU", 2030): "≥ 30 % GRDP", ("02-CTr/TU", 2045): "≥ 60 % GRDP",
        ("103/KH-UBND", 2030): "≥ 30 % GRDP", ("103/KH-UBND", 2045): "> 50 % GRDP",
    }
    assert c.years == [2025, 2030, 2045]
    assert _verdicts(_row(c, plans["binh-phuoc"], 2030), "Quốc gia") == [(2030, Verdict.SAME)]
    assert _verdicts(_row(c, plans["phu-tho"], 2045), "Quốc gia") == [(2045, Verdict.STRONGER)]
    assert _verdicts(_row(c, plans["binh-dinh"], 2045), "Quốc gia") == [(2045, Verdict.STRONGER)]
    # Phú Thọ's 2025 milestone has no national counterpart: shown, but not judged.
    assert _verdicts(_row(c, plans["phu-tho"], 2025), "Quốc gia") == [(2025, Verdict.UNSAFE)]
    assert c.weaker() == []


def test_a_province_below_the_national_level_is_flagged(plans: dict[str, Document]) -> None:
    rd = analysis.compare_indicator(StandardIndicator.objects.get(code="rd-grdp"), Document.objects.all())
    assert [r.document.number for r in rd.weaker()] == ["74-CTr/TU"]  # 1,5% GRDP against the nation's 2% GDP
    tfp = analysis.compare_indicator(StandardIndicator.objects.get(code="tfp"), Document.objects.all())
    assert sorted(r.document.number for r in tfp.weaker()) == ["103/KH-UBND", "74-CTr/TU"]  # 50% and 45% against 55%
    assert _verdicts(_row(tfp, plans["phu-tho"], 2030), "Quốc gia") == [(2030, Verdict.SAME)]  # 55–60%


def test_a_rank_and_a_score_of_the_same_index_are_not_compared(plans: dict[str, Document]) -> None:
    dti = analysis.compare_indicator(StandardIndicator.objects.get(code="dti"), Document.objects.all())
    assert {(r.document.number, r.levels[0].text) for r in dti.rows} == {
        ("74-CTr/TU", "nhóm 5 dẫn đầu"), ("02-CTr/TU", "≥ 0,75 chỉ số")}
    assert all(not r.comparisons for r in dti.rows)  # no national figure for DTI in the reference texts


def test_the_long_binh_ward_plan_against_its_province_and_the_nation(plans: dict[str, Document]) -> None:
    long_binh = plans["long-binh"]
    refs = analysis.reference_documents(long_binh, Document.objects.all())
    assert refs == [plans["binh-phuoc"]]  # Bình Phước merged into Đồng Nai, Long Bình's province
    assert analysis.describe(refs[0]).endswith("Tỉnh Bình Phước (nay thuộc Tỉnh Đồng Nai)")
    five_g = analysis.compare_indicator(StandardIndicator.objects.get(code="phu-song-5g"), Document.objects.all())
    row = _row(five_g, long_binh, 2030)
    assert _verdicts(row, "Chương trình hành động 74-CTr/TU") == [(2030, Verdict.UNKNOWN)]  # the province wrote "Phủ sóng 5G toàn tỉnh"
    assert _verdicts(row, "Quốc gia") == [(2030, Verdict.WEAKER)]  # > 80% against 99% of the population
    phu_tho = _row(five_g, plans["phu-tho"], 2030)
    assert _verdicts(phu_tho, "Quốc gia") == [(2030, Verdict.WEAKER)]  # 90% against 99%
    data = analysis.compare_indicator(StandardIndicator.objects.get(code="csdl-ket-noi"), Document.objects.all())
    assert _verdicts(_row(data, long_binh, 2030), "Quốc gia") == [(2030, Verdict.WEAKER)]  # 60% against 100%


def test_coverage_of_the_province_plan_by_the_ward_plan_and_tasks(plans: dict[str, Document]) -> None:
    bp = plans["binh-phuoc"]
    cov = analysis.coverage(bp, Document.objects.all())
    assert cov.children == [plans["long-binh"]]
    assert cov.unresolved_parents == ["57-NQ/TW"]
    carried = {c.target.name[:30]: [t.document.number for t in c.carried_by] for c in cov.targets}
    assert carried["Phủ sóng 5G toàn tỉnh"] == ["17-KH/ĐU", "17-KH/ĐU"]  # the ward's 2025 and 2030 lines
    assert carried["Hoàn thành xây dựng, kết nối, "] == ["17-KH/ĐU"]
    gaps = {c.target.name for c in cov.gaps}
    assert "Quy mô kinh tế số đạt tối thiểu 30% GRDP" in gaps
    assert "Phủ sóng 5G toàn tỉnh" not in gaps
    five_g = next(c for c in cov.targets if c.target.name == "Phủ sóng 5G toàn tỉnh")
    assert [t.name[:40] for t, _ in five_g.suggested_tasks][:1] == ["Phát triển hạ tầng viễn thông, phủ sóng "]
    dvctt = next(c for c in cov.targets if c.target.indicator and c.target.indicator.code == "dvctt-su-dung")
    assert dvctt.is_gap and dvctt.suggested_tasks
    actions.link_task_to_target("test", dvctt.suggested_tasks[0][0], dvctt.target)
    after = analysis.coverage(bp, Document.objects.all())
    assert not next(c for c in after.targets if c.target.pk == dvctt.target.pk).is_gap
    assert {t.name[:20] for t in after.unlinked_tasks} == {
        "Đầu tư, nâng cấp hạ ", "Tổ chức các lớp bồi ", "Tổ chức hội nghị quá"}


def test_a_ward_target_linked_to_a_province_target_covers_it(plans: dict[str, Document]) -> None:
    gdp = Target.objects.get(document=plans["binh-phuoc"], name="Quy mô kinh tế số đạt tối thiểu 30% GRDP")
    ward = Target.objects.get(document=plans["long-binh"], name__startswith="Dân số trưởng thành")
    assert gdp in [c.target for c in analysis.coverage(plans["binh-phuoc"], Document.objects.all()).gaps]
    with pytest.raises(actions.AlignmentError):
        actions.link_target_to_parent("test", gdp, Target.objects.filter(document=plans["binh-phuoc"]).exclude(pk=gdp.pk).first())
    actions.link_target_to_parent("test", ward, gdp, reason="dịch vụ số góp phần vào kinh tế số")
    row = next(c for c in analysis.coverage(plans["binh-phuoc"], Document.objects.all()).targets if c.target == gdp)
    assert row.carried_by == [ward] and not row.is_gap


def test_suggestions_keep_a_persons_confirmation(plans: dict[str, Document]) -> None:
    target = Target.objects.get(document=plans["long-binh"], name__startswith="Dân số trưởng thành")
    assert target.indicator is None  # not in the catalogue: no suggestion forced on it
    rd = Target.objects.get(document=plans["binh-phuoc"], name__startswith="Kinh phí chi cho nghiên cứu")
    assert rd.indicator.code == "rd-grdp" and not rd.indicator_confirmed
    assert rd.indicator_suggestions.first().score >= 90
    other = StandardIndicator.objects.get(code="rd-xa-hoi")
    actions.confirm_mapping("test", rd, other, reason="thử")
    actions.suggest_mappings("test", plans["binh-phuoc"])
    rd.refresh_from_db()
    assert (rd.indicator, rd.indicator_confirmed) == (other, True)


def test_reopening_a_confirmation_returns_to_the_suggestion(plans: dict[str, Document]) -> None:
    rd = Target.objects.get(document=plans["binh-phuoc"], name__startswith="Kinh phí chi cho nghiên cứu")
    with pytest.raises(actions.AlignmentError):
        actions.reopen_mapping("test", rd)
    actions.confirm_mapping("test", rd, None, reason="không thuộc danh mục")
    rd.refresh_from_db()
    assert (rd.indicator, rd.indicator_confirmed) == (None, True)
    actions.reopen_mapping("test", rd, reason="xem lại")
    rd.refresh_from_db()
    assert (rd.indicator.code, rd.indicator_confirmed) == ("rd-grdp", False)


def test_the_align_command_reports_a_plan_in_text_and_json(plans: dict[str, Document]) -> None:
    out = StringIO()
    call_command("align", "--plan", "17-KH/ĐU", stdout=out)
    text = out.getvalue()
    assert "Đối chiếu: Kế hoạch 17-KH/ĐU — Phường Long Bình" in text
    assert "Văn bản cấp trên chưa có trong hệ thống: 57-NQ/TW, 469-KH/TU" in text
    assert "!! so với Quốc gia (2030: 99 % dân số): Thấp hơn mức cấp trên" in text
    out = StringIO()
    call_command("align", "--plan", str(plans["binh-phuoc"].pk), "--json", stdout=out)
    report = json.loads(out.getvalue())
    assert report["plan"]["number"] == "74-CTr/TU"
    rd = next(t for t in report["targets"] if t["indicator"] == "rd-grdp")
    assert rd["comparisons"][0]["findings"][0]["verdict"] == "weaker"
    assert report["coverage"]["children"] == ["Kế hoạch 17-KH/ĐU — Phường Long Bình"]

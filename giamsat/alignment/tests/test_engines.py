"""The Django-free engines: matching names to indicators, and comparing target levels."""

from __future__ import annotations

import ast
from decimal import Decimal
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from giamsat.alignment.catalogue import INDICATORS
from giamsat.alignment.compare import Level, Verdict, compare_level, compare_targets, describe_level
from giamsat.alignment.matching import (
    IndicatorEntry,
    best,
    looks_like_rank,
    suggest,
    suggest_task_links,
    unit_kind,
    units_compatible,
)

ENTRIES = [IndicatorEntry(i.code, (i.name, *i.synonyms), i.unit) for i in INDICATORS]
D = Decimal


@pytest.mark.parametrize(("name", "unit", "expected"), [
    ("Tỷ lệ sử dụng dịch vụ công trực tuyến của người dân và doanh nghiệp đạt trên 90%", "%", "dvctt-su-dung"),
    ("Ti le su dung DVCTT", "%", "dvctt-su-dung"),
    ("TỈ lệ sử dụng dịch vụ công trực tuyến clia người dân và doanh nghié€p", "%", "dvctt-su-dung"),
    ("Quy mo kinh te so dat toi thieu 30% GRDP", "% GRDP", "kinh-te-so"),
    ("Chỉ số đánh giá mức độ chuyển đổi số (DTI) thudc nhém", "thứ hạng", "dti"),
    ("Pong gop cuia niang sut nhéan tố tổng hợp (TFP) vào tăng trưởng", "%", "tfp"),
    ("Phii séng 5G dén", "%", "phu-song-5g"),
    ("80% đến 90% thủ tục hành chính đủ điều kiện được cung cấp thông qua dịch vụ công trực tuyến toàn trình", "%",
     "dvctt-toan-trinh"),
    ("Kinh phí chi cho nghiên cứu phát triển (R&D) từ 1,5% GRDP trở lên", "% GRDP", "rd-grdp"),
    ("TỪ 18 giao dịch khéng dùng tiền mặt đặt téi thiéu", "%", "khong-tien-mat"),
])
def test_a_target_is_matched_to_its_indicator_despite_lost_diacritics(name: str, unit: str, expected: str) -> None:
    found = best(name, unit, ENTRIES)
    assert found is not None and found.key == expected


@pytest.mark.parametrize("name", ["Phát triển", "khu công nghiệp dành 30% diện tích", "Thu hút được"])
def test_a_fragment_without_an_indicator_gets_no_suggestion(name: str) -> None:
    assert suggest(name, "%", ENTRIES) == []


@pytest.mark.parametrize(("name", "rank"), [
    ("Chỉ số đánh giá mức độ chuyển đổi số (DTI) thudc nhém 05 tỉnh", True),
    ("Chỉ số đánh giá mức độ chuyển đổi số (DTI) thuộc nhóm", True),
    ("Xếp hạng về an toàn thông tin mạng", True),
    ("Chỉ số chuyển đổi số đạt", False),
    ("Tỷ lệ doanh nghiệp có hoạt động đổi mới sáng tạo đạt trên 40% trong tổng số doanh nghiệp", False),
])
def test_a_rank_is_recognised_from_the_wording(name: str, rank: bool) -> None:
    assert looks_like_rank(name) is rank


def test_units_of_the_same_kind_are_compatible_and_ranks_are_not_scores() -> None:
    assert unit_kind("% GRDP") == unit_kind("% GDP") == "% GDP"
    assert units_compatible("% dân số", "%")
    assert units_compatible("người trên một vạn dân", "Người/vạn dân")
    assert not units_compatible("thứ hạng", "chỉ số")
    assert not units_compatible("% GRDP", "% tổng chi ngân sách")


@pytest.mark.parametrize(("local", "reference", "direction", "verdict"), [
    (Level(2030, ">=", D(45), None, "%"), Level(2030, ">=", D(55), None, "%"), "higher", Verdict.WEAKER),
    (Level(2030, ">=", D("1.5"), None, "% GRDP"), Level(2030, "=", D(2), None, "% GDP"), "higher", Verdict.WEAKER),
    (Level(2030, ">", D(90), None, "%"), Level(2030, ">=", D(80), None, "%"), "higher", Verdict.STRONGER),
    (Level(2030, ">", D(80), None, "%"), Level(2030, ">=", D(80), None, "%"), "higher", Verdict.STRONGER),
    (Level(2030, ">=", D(30), None, "% GRDP"), Level(2030, ">=", D(30), None, "% GDP"), "higher", Verdict.SAME),
    (Level(2030, "range", D(55), D(60), "%"), Level(2030, ">=", D(55), None, "%"), "higher", Verdict.SAME),
    (Level(2030, "rank_top", D(25), None, "thứ hạng"), Level(2030, "rank_top", D(5), None, "thứ hạng"), "higher", Verdict.WEAKER),
    (Level(2030, "rank_top", D(3), None, "thứ hạng"), Level(2030, "rank_top", D(5), None, "thứ hạng"), "higher", Verdict.STRONGER),
    (Level(2030, "<=", D(20), None, "thứ hạng"), Level(2030, "<=", D(30), None, "thứ hạng"), "lower", Verdict.STRONGER),
    (Level(2030, ">=", D("0.75"), None, "chỉ số"), Level(2030, "rank_top", D(5), None, "thứ hạng"), "higher", Verdict.UNSAFE),
    (Level(2025, ">=", D(22), None, "% GRDP"), Level(2030, ">=", D(30), None, "% GDP"), "higher", Verdict.UNSAFE),
    (Level(2030, "text", None, None, ""), Level(2030, "=", D(99), None, "% dân số"), "higher", Verdict.UNKNOWN),
])
def test_a_local_level_is_judged_against_the_level_it_implements(local: Level, reference: Level, direction: str,
                                                                  verdict: Verdict) -> None:
    assert compare_level(local, reference, direction).verdict == verdict


def test_years_in_common_are_compared_and_otherwise_the_nearest_pair_is_unsafe() -> None:
    national = [Level(2030, ">=", D(30), None, "% GDP"), Level(2045, ">=", D(50), None, "% GDP")]
    phu_tho = [Level(2030, ">=", D(30), None, "% GRDP"), Level(2045, ">=", D(60), None, "% GRDP")]
    assert [f.verdict for f in compare_targets(phu_tho, national, "higher")] == [Verdict.SAME, Verdict.STRONGER]
    only_2025 = compare_targets([Level(2025, ">=", D(22), None, "% GRDP")], national, "higher")
    assert [(f.verdict, f.reference.year) for f in only_2025] == [(Verdict.UNSAFE, 2030)]
    assert "Năm mục tiêu khác nhau: 2025 so với 2030." in only_2025[0].reasons


def test_levels_read_in_vietnamese() -> None:
    assert describe_level(Level(2030, ">=", D("30.0000"), None, "% GRDP")) == "≥ 30 % GRDP"
    assert describe_level(Level(2030, ">", D("0.7000"), None, "chỉ số")) == "> 0,7 chỉ số"
    assert describe_level(Level(2030, "rank_top", D(5), None, "thứ hạng")) == "nhóm 5 dẫn đầu"


values = st.decimals(min_value=0, max_value=1000, places=2, allow_nan=False, allow_infinity=False)
comparators = st.sampled_from([">=", ">", "=", "range", "rank_top"])


@given(values, values, comparators, comparators)
def test_weaker_and_stronger_are_mirror_images(a: Decimal, b: Decimal, ca: str, cb: str) -> None:
    if "rank_top" in (ca, cb) and ca != cb:
        return
    unit = "thứ hạng" if ca == "rank_top" else "%"
    left, right = Level(2030, ca, a, a, unit), Level(2030, cb, b, b, unit)
    there, back = compare_level(left, right, "higher").verdict, compare_level(right, left, "higher").verdict
    mirror = {Verdict.WEAKER: Verdict.STRONGER, Verdict.STRONGER: Verdict.WEAKER, Verdict.SAME: Verdict.SAME}
    assert back == mirror[there]


def test_tasks_are_linked_to_the_target_they_talk_about() -> None:
    targets = [(1, "Phủ sóng 5G toàn tỉnh"), (2, "Tỷ lệ sử dụng dịch vụ công trực tuyến của người dân và doanh nghiệp")]
    tasks = [(10, "Phát triển hạ tầng viễn thông, phủ sóng 5G toàn tỉnh, mạng cáp quang"),
             (11, "Đẩy mạnh cung cấp và nâng cao tỷ lệ sử dụng dịch vụ công trực tuyến"),
             (12, "Tổ chức hội nghị quán triệt Nghị quyết cho cán bộ, đảng viên")]
    assert [(task, target) for task, target, _ in suggest_task_links(tasks, targets)] == [(10, 1), (11, 2)]


def test_the_engines_do_not_import_django() -> None:
    for module in ("matching", "compare", "catalogue"):
        tree = ast.parse((Path(__file__).resolve().parent.parent / f"{module}.py").read_text(encoding="utf-8"))
        imported = {n.module or "" for n in ast.walk(tree) if isinstance(n, ast.ImportFrom)}
        imported |= {a.name for n in ast.walk(tree) if isinstance(n, ast.Import) for a in n.names}
        assert not any(name.split(".")[0] == "django" for name in imported), module

"""'Tổ chức thực hiện': one duty given to two named units ("Sở Tài chính, Sở Nội vụ chủ trì …") is an assignment of
each; a list of collectives stays one assignment, the whole list (made-up plan)."""

from __future__ import annotations

from giamsat.ingest.pipeline import parse_text

PLAN = """\
KẾ HOẠCH
Phát triển nhân lực số tỉnh Lam Sơn năm 2026

I. MỤC TIÊU
Năm 2026, 100% cán bộ, công chức được bồi dưỡng kỹ năng số.

II. TỔ CHỨC THỰC HIỆN
1. Sở Tài chính, Sở Nội vụ chủ trì tham mưu bố trí kinh phí bồi dưỡng kỹ năng số.
2. Giao Phòng Kinh tế và Văn phòng HĐND và UBND xã theo dõi, đôn đốc việc thực hiện.
3. Các sở, ban, ngành và Ủy ban nhân dân các xã, phường triển khai Kế hoạch này.
"""


def test_a_duty_of_two_named_units_is_assigned_to_each() -> None:
    got = [(a["org"], a["org_code"], a["duties"]) for a in parse_text(PLAN).to_json()["assignments"]]
    duty = "chủ trì tham mưu bố trí kinh phí bồi dưỡng kỹ năng số."
    assert got[0] == ("Sở Tài chính", "STC", duty)  # was one assignment "Sở Tài chính, Sở Nội vụ", coded STC
    assert got[1] == ("Sở Nội vụ", "SNV", duty)
    # "và" inside a unit's name parts no units
    assert [org for org, _c, _d in got[2:4]] == ["Phòng Kinh tế", "Văn phòng HĐND và UBND xã"]


def test_a_list_of_collectives_is_one_assignment_and_all_of_it() -> None:
    last = parse_text(PLAN).to_json()["assignments"][4:]
    # was "Các sở, ban, ngành" with the duty "và Ủy ban nhân dân các xã, phường triển khai …"
    assert [(a["org"], a["duties"]) for a in last] == [
        ("Các sở, ban, ngành và Ủy ban nhân dân các xã, phường", "triển khai Kế hoạch này.")]


def test_a_list_of_units_before_chu_dong() -> None:
    text = PLAN + "4. Các sở, ban, ngành, UBND các xã, phường chủ động xây dựng kế hoạch của cơ quan, đơn vị.\n"
    last = parse_text(text).to_json()["assignments"][-1]
    # was the org "Các sở, ban, ngành, UBND các xã, phường chủ động", "chủ động" being no verb the reader knew
    assert (last["org"], last["duties"]) == ("Các sở, ban, ngành, UBND các xã, phường",
                                             "chủ động xây dựng kế hoạch của cơ quan, đơn vị.")

"""'Tổ chức thực hiện': duties given with 'Giao …:' / 'Đề nghị …' (a resolution's habit), on made-up lines."""

from __future__ import annotations

from giamsat.ingest.pipeline import parse_text

TEXT = """\
KẾ HOẠCH
Phát triển kinh tế số tỉnh Bắc Sơn

I. MỤC TIÊU
Đến năm 2030, kinh tế số đạt 20% GRDP.

II. TỔ CHỨC THỰC HIỆN

1. Giao Ủy ban nhân dân tỉnh:
a) Ban hành Kế hoạch thực hiện Nghị quyết trong Quý III/2026.
b) Báo cáo kết quả thực hiện tại kỳ họp cuối năm.

2. Giao Thường trực Hội đồng nhân dân tỉnh, các Ban và đại biểu Hội đồng nhân dân tỉnh giám sát việc thực hiện Nghị quyết.

3. Đề nghị Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh và các tổ chức chính trị - xã hội tuyên truyền, vận động Nhân dân thực hiện Nghị quyết.
"""


def test_duties_given_and_asked_for_in_a_resolutions_article() -> None:
    got = [(a["org"], a["org_code"]) for a in parse_text(TEXT).to_json()["assignments"]]
    assert got == [
        ("Ủy ban nhân dân tỉnh", "UBND_TINH"),  # was "Giao Ủy ban nhân dân tỉnh"
        # was lost: "giám sát" is what the unit is given to do
        ("Thường trực Hội đồng nhân dân tỉnh, các Ban và đại biểu Hội đồng nhân dân tỉnh", None),
        # was cut at "các tổ chức", a noun after "các", not the verb "tổ chức"
        # and coded by the unit named first (the front's member bodies named together after it)
        ("Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh và các tổ chức chính trị - xã hội", "MTTQ"),
    ]

"""A duty's bracket broken where a unit's name has its hyphen ("(Phòng Tài chính" / "- Kế toán phối hợp; Quý IV/2026).",
as a PDF's lines wrap): the line opening with the hyphen closes the bracket, it is the same duty, not a new one (made-up
plan)."""

from __future__ import annotations

from giamsat.ingest.agencies import Agency, default_registry
from giamsat.ingest.pipeline import parse_text

PLAN = """\
KẾ HOẠCH
Chuyển đổi số Bệnh viện năm 2026

I. NHIỆM VỤ
Nhiệm vụ 1: Hạ tầng số
- Mua sắm máy chủ, thiết bị lưu trữ dữ liệu bệnh án điện tử (Phòng Công nghệ thông tin chủ trì, Phòng Tài chính
- Kế toán phối hợp; Quý IV/2026).
- Triển khai thanh toán viện phí không dùng tiền mặt (Phòng Tài chính - Kế toán chủ trì; Quý II/2026).
"""

REGISTRY = [*default_registry(), Agency("PCNTT", "Phòng Công nghệ thông tin", ()),
            Agency("PTCKT", "Phòng Tài chính - Kế toán", ())]


def test_the_hyphen_line_closing_the_bracket_goes_on_the_duty() -> None:
    tasks = parse_text(PLAN, registry=REGISTRY).to_json()["tasks"]
    assert [(t["name"], t["lead_code"], (t["deadline"] or {}).get("end")) for t in tasks] == [
        ("Mua sắm máy chủ, thiết bị lưu trữ dữ liệu bệnh án điện tử", "PCNTT", "2026-12-31"),   # was a third task
        ("Triển khai thanh toán viện phí không dùng tiền mặt", "PTCKT", "2026-06-30"),
    ]


def test_a_dash_item_after_a_closed_bracket_is_its_own() -> None:
    plan = PLAN.replace("Phòng Tài chính\n- Kế toán phối hợp; Quý IV/2026).", "Phòng Tài chính - Kế toán phối hợp; Quý IV/2026).")
    assert len(parse_text(plan, registry=REGISTRY).to_json()["tasks"]) == 2

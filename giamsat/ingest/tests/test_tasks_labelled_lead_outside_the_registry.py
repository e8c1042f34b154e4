"""'- Phủ sóng 5G … Đơn vị thực hiện: Viettel An Giang. Thời hạn: 2027.': a label says who leads the duty; a unit the
registry does not know (an enterprise, a new centre) is the lead all the same, kept as written, and the plan warns
of it — it is never dropped. A bare year closing the bracket of who does it ('(Sở Nội vụ chủ trì; 2026)') is when."""

from __future__ import annotations

from giamsat.ingest.pipeline import parse_text


def test_a_labelled_lead_outside_the_registry_is_kept_and_reported() -> None:
    plan = parse_text("\n".join([
        "KẾ HOẠCH", "Chuyển đổi số giai đoạn 2026 - 2030", "", "II. NHIỆM VỤ, GIẢI PHÁP", "1. Phát triển hạ tầng số",
        "- Phủ sóng 5G tại 100% trung tâm xã, phường. Đơn vị thực hiện: Viettel An Giang. Thời hạn: 2027.",
        "- Xây dựng kho dữ liệu dùng chung (chủ trì: Trung tâm Dữ liệu tỉnh; thời gian: Quý IV/2026).",
        "- Đào tạo kỹ năng số cho cán bộ, công chức cấp xã (Sở Nội vụ chủ trì; 2026).",
        "- Phát triển ứng dụng di động cho người dân. Chủ trì: xây dựng theo lộ trình; thời gian: 2027."]))
    assert [(t.lead, t.lead_code, t.deadline_text) for t in plan.tasks] == [
        ("Viettel An Giang", None, "2027"),
        ("Trung tâm Dữ liệu tỉnh", None, "Quý IV/2026"),
        ("Sở Nội vụ", "SNV", "2026"),
        (None, None, "2027"),            # no name after the label: no lead
    ]
    assert any("Viettel An Giang" in w for w in plan.warnings)
    assert any("Trung tâm Dữ liệu tỉnh" in w for w in plan.warnings)

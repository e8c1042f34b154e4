"""Plans in forms the seeds lack (tests/data/forms/, written for giamsat): a commune plan with no annex,
a department plan whose tables use other column titles, a plan that replaces another. Each is read
as text, DOCX and text PDF; the expected values are read from the documents by hand."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from giamsat.ingest.agencies import Agency, default_registry
from giamsat.ingest.pipeline import parse_bytes
from giamsat.ingest.quality import degrade
from giamsat.ingest.samples import build

FORMS = Path(__file__).parent / "data" / "forms"


def _text(name: str) -> str:
    return (FORMS / f"{name}.txt").read_text(encoding="utf-8")


def _renderings(name: str) -> list[tuple[str, bytes]]:
    text = _text(name)
    return [("text", text.encode()), ("docx", build.to_docx(text)), ("pdf_text", build.to_pdf(text))]


# The Sở's own units, as the app passes them to the reader.
DEPARTMENT_UNITS = [*default_registry(), Agency("PNVY", "Phòng Nghiệp vụ Y"),
                    Agency("CDC", "Trung tâm Kiểm soát bệnh tật tỉnh"), Agency("PKHTC", "Phòng Kế hoạch - Tài chính"),
                    Agency("VPS", "Văn phòng Sở"), Agency("BVDK", "Bệnh viện Đa khoa tỉnh")]


def _read(name: str, kind: str, data: bytes, registry: list[Agency] | None = None) -> dict[str, Any]:
    plan = parse_bytes(data, registry=registry)
    assert plan.input_kind == kind
    return plan.to_json()


def _deadline(task: dict[str, Any]) -> tuple[str | None, str | None]:
    d = task["deadline"] or {}
    return d.get("kind"), d.get("end") or d.get("recurrence")


@pytest.mark.parametrize(("kind", "data"), _renderings("commune_prose"), ids=lambda x: x if isinstance(x, str) else "")
def test_commune_plan_without_annex(kind: str, data: bytes) -> None:
    """Duties are the numbered items of 'Nhiệm vụ và giải pháp': the unit is the sentence's subject
    ('Giao X chủ trì', 'X thực hiện', 'Trung tâm … xã chủ trì'), the deadline a phrase of the sentence."""
    j = _read("commune_prose", kind, data)
    doc = j["document"]
    assert (doc["issuer"], doc["number"], doc["date"], doc["doc_type"]) == \
        ("ỦY BAN NHÂN DÂN XÃ TÂN PHÚ", "27/KH-UBND", "2026-05-12", "plan")
    assert doc["parents"] == ["57-NQ/TW", "145/KH-UBND"]
    assert doc["replaces"] == []
    assert [(t["no"], t["lead_code"], *_deadline(t)) for t in j["tasks"]] == [
        ("1", "PHONG_VHXH", "continuous", None),
        ("2", "VP_HDND_UBND_XA", "quarter", "2026-09-30"),       # not "Hệ thống thông tin" read as "hằng tháng"
        ("3", "CA_XA", "date", "2026-06-30"),                    # "Công an xã thực hiện …": a duty, not a group
        ("4", "PHONG_KT", "year", "2027-12-31"),
        ("5", "TRUNG_TAM_PVHCC", "month", "2026-09-30"),
        ("6", "PHONG_KT", "range", "2027-12-31"),                # "trong giai đoạn 2026 - 2027"
        ("7", "VP_HDND_UBND_XA", "recurring", "annual"),
        ("8", "PHONG_VHXH", "quarter", "2026-06-30"),
    ]
    assert [(t["comparator"], t["value"], t["year"]) for t in j["targets"]] == [
        (">=", "70", 2027), ("=", "100", 2027), (">", "90", 2027), (">=", "05", 2027), (">=", "80", 2027)]
    assert [a["org_code"] for a in j["assignments"]] == ["VP_HDND_UBND_XA", "PHONG_KT", None]
    assert j["reporting"]["frequencies"] == ["quarterly"]
    assert j["reporting"]["due_day"] == 15


@pytest.mark.parametrize(("kind", "data"), _renderings("department_annex"), ids=lambda x: x if isinstance(x, str) else "")
def test_department_plan_with_other_column_titles(kind: str, data: bytes) -> None:
    """'Đơn vị thực hiện' is the lead column; Roman rows inside the table are groups; the indicator
    table has year columns ('Năm 2025 | Năm 2026 | Năm 2030') and a lead column."""
    j = _read("department_annex", kind, data, DEPARTMENT_UNITS)
    doc = j["document"]
    assert (doc["issuer"], doc["number"], doc["date"]) == ("SỞ Y TẾ", "1532/KH-SYT", "2025-07-04")
    assert doc["title"] == "Kế hoạch Chuyển đổi số ngành Y tế tỉnh Hà Tĩnh năm 2025 và định hướng đến năm 2030"
    assert doc["parents"] == ["210/KH-UBND", "57-NQ/TW"]
    assert [(t["no"], t["lead_code"], *_deadline(t)) for t in j["tasks"]] == [
        ("1", "BVDK", "quarter", "2025-12-31"),
        ("2", "CDC", "date", "2025-09-30"),
        ("3", "PNVY", "recurring", "monthly"),
        ("4", "PNVY", "range", "2026-12-31"),
        ("5", "CDC", "continuous", None),
        ("6", "PKHTC", "month", "2025-12-31"),
        ("7", "VPS", "quarter", "2026-06-30"),
        ("8", "VPS", "conditional", None),
    ]
    assert [t["group"] for t in j["tasks"]] == ["Hạ tầng và nền tảng số"] * 3 + ["Dữ liệu và dịch vụ số"] * 3 + \
        ["Nhân lực và quản trị"] * 2
    assert j["tasks"][1]["coordinators"] == ["Sở Khoa học và Công nghệ"]
    assert j["tasks"][0]["output"] == "Hạ tầng được nâng cấp"
    assert [(t["no"], t["lead_code"], t["year"], t["value"], t["milestones"]) for t in j["targets"]] == [
        ("1", "PNVY", 2025, "30", {"2025": "30", "2026": "60", "2030": "100"}),
        ("2", "CDC", 2025, "70", {"2025": "70", "2026": "80", "2030": "≥ 95"}),
        ("3", "PKHTC", 2025, "50", {"2025": "50", "2026": "70", "2030": "100"}),
        ("4", "PNVY", 2025, "10", {"2025": "10", "2026": "25", "2030": "60"}),
        ("5", "VPS", 2025, "60", {"2025": "60", "2026": "80", "2030": "100"}),
    ]
    assert [a["org_code"] for a in j["assignments"]] == ["VPS", "PKHTC", None]
    assert j["assignments"][2]["org"] == "Các đơn vị trực thuộc"
    # "báo cáo kết quả thực hiện 6 tháng và năm … trước ngày 10": no "định kỳ" in the sentence
    assert (j["reporting"]["frequencies"], j["reporting"]["due_day"]) == (["semiannual", "annual"], 10)


@pytest.mark.parametrize(("kind", "data"), _renderings("replacing_plan"), ids=lambda x: x if isinstance(x, str) else "")
def test_plan_replacing_another(kind: str, data: bytes) -> None:
    """Duties as bullets with '(cơ quan chủ trì: …; thời gian: …)'; the replaced plan named in
    '… có hiệu lực kể từ ngày ký, thay thế Kế hoạch số …'; the year of the targets in the heading."""
    j = _read("replacing_plan", kind, data)
    doc = j["document"]
    assert (doc["issuer"], doc["number"], doc["date"]) == ("ỦY BAN NHÂN DÂN TỈNH QUẢNG NGÃI", "58/KH-UBND", "2026-02-28")
    assert doc["title"].endswith("chuyển đổi số của tỉnh Quảng Ngãi đến năm 2030")
    assert doc["parents"] == ["57-NQ/TW", "03/NQ-CP", "15-CTr/TU"]
    assert doc["replaces"] == ["96/KH-UBND"]
    assert [(t["lead_code"], *_deadline(t)) for t in j["tasks"]] == [
        ("SKHCN", "quarter", "2026-06-30"),
        ("STP", "date", "2026-04-30"),                 # "thời gian: trước ngày 30/4/2026"
        ("SKHCN", "range", "2027-12-31"),              # "thời gian: 2026 - 2027"
        ("SNV", "month", "2026-10-31"),
        ("SKHCN", "year", "2027-12-31"),               # "thời gian: năm 2027"
        ("SNV", "recurring", "annual"),
        ("SGDDT", "half", "2026-12-31"),               # "6 tháng cuối năm 2026"
        ("SCT", "continuous", None),
        ("STC", "recurring", "annual"),
    ]
    assert {t["group"] for t in j["tasks"]} == {"Hoàn thiện thể chế, cơ chế, chính sách",
                                                 "Phát triển hạ tầng số và dữ liệu", "Phát triển nhân lực và kinh tế số"}
    assert [(t["comparator"], t["value"], t["year"]) for t in j["targets"]] == [
        (">=", "20", 2030), ("rank_top", "30", 2030), (">", "80", 2030), ("=", "1", 2030), ("=", "10", 2030)]
    assert [a["org"] for a in j["assignments"]] == ["Sở Khoa học và Công nghệ", "Sở Tài chính", "Sở Nội vụ",
                                                     "Các sở, ban, ngành", "Ủy ban nhân dân các xã, phường"]
    assert (j["reporting"]["frequencies"], j["reporting"]["due_day"]) == (["semiannual", "annual"], 20)


def test_commune_plan_with_damaged_diacritics_still_gives_its_duties() -> None:
    """The same commune plan as OCR text with most marks lost, look-alike glyphs and run-on lines."""
    j = parse_bytes(degrade(_text("commune_prose"), seed=3).encode(), "plan.txt").to_json()
    assert j["document"]["number"] == "27/KH-UBND"
    got = [(t["no"], t["lead_code"]) for t in j["tasks"]]
    assert len(got) == 8
    assert sum(code is not None for _no, code in got) >= 7
    assert sum(t["deadline"] is not None and t["deadline"]["kind"] != "unknown" for t in j["tasks"]) >= 7
    assert j["reporting"]["frequencies"] == ["quarterly"]


def test_blank_lines_ocr_puts_inside_a_title_and_a_duty() -> None:
    """Tesseract's plain text of the replacing plan's scan: a blank line between two lines of the title
    and inside a bullet ("… khu vực biển" / "" / "đảo (cơ quan chủ trì: …)")."""
    text = _text("replacing_plan").replace(
        "và chuyển đổi số của tỉnh Quảng Ngãi", "\nvà chuyển đổi số của tỉnh Quảng Ngãi").replace(
        "khu vực biển đảo (cơ quan", "khu vực biển\n\nđảo (cơ quan")
    j = parse_bytes(text.encode(), "plan.txt").to_json()
    assert j["document"]["title"].endswith("chuyển đổi số của tỉnh Quảng Ngãi đến năm 2030")
    coverage = next(t for t in j["tasks"] if t["name"].startswith("Phủ sóng"))
    assert coverage["name"].startswith("Phủ sóng di động 4G, 5G đến tất cả các thôn, tổ dân phố và khu vực biển đảo")
    assert (coverage["lead_code"], _deadline(coverage)) == ("SKHCN", ("year", "2027-12-31"))
    assert len(j["tasks"]) == 9


@pytest.mark.parametrize(("kind", "data"), _renderings("decision_with_plan"), ids=lambda x: x if isinstance(x, str) else "")
def test_decision_issuing_a_plan(kind: str, data: bytes) -> None:
    """A Chairman's decision (Căn cứ …, Điều 1–3) replacing an earlier one, its plan attached behind
    its own header; lettered group rows in the task table; reporting periods with brackets between."""
    j = _read("decision_with_plan", kind, data)
    doc = j["document"]
    assert (doc["number"], doc["date"], doc["doc_type"]) == ("815/QĐ-UBND", "2025-06-19", "decision")
    assert doc["title"] == "Quyết định Ban hành Kế hoạch phát triển hạ tầng số và dữ liệu số tỉnh Lào Cai năm 2025 - 2026"
    assert doc["parents"] == ["57-NQ/TW", "41-KH/TU"]            # not the Tờ trình
    assert doc["replaces"] == ["1320/QĐ-UBND"]
    assert [(t["no"], t["lead_code"], *_deadline(t)) for t in j["tasks"]] == [
        ("1", "SKHCN", "quarter", "2025-12-31"), ("2", "SXD", "range", "2026-12-31"), ("3", "SCT", "date", "2025-12-31"),
        ("4", "SKHCN", "quarter", "2026-06-30"), ("5", "VPUBND", "recurring", "quarterly"), ("6", "SNNMT", "continuous", None)]
    assert (j["reporting"]["frequencies"], j["reporting"]["due_day"]) == (["quarterly", "annual"], 25)


# Tesseract's plain text of a ruled task table in the body of a plan (no annex): header titles wrapped,
# cells of a row interleaved on its lines.
OCR_BODY_TABLE = """KẾ HOẠCH
Phát triển hạ tầng số năm 2026

II. NHIỆM VỤ

STT | Nhiệm vụ Cơ quan chủ Cơ quan phối Thời hạn hoàn
trì hợp thành

1 Kéo cáp quang đến | Sở Khoa học và | Các doanh Quý IV/2026
các thôn vùng cao Công nghệ nghiệp viễn
chưa có đường truyền thông

2 Bảo đảm nguồn điện | Sở Công Công ty Điện 31/12/2026
cho các trạm phát Thương lực tỉnh
sóng ở xã vùng sâu.

3 Số hóa hồ sơ thủ tục | Văn phòng Ủy | Ủy ban nhân Hằng quý
hành chính còn hiệu | ban nhân dân | dân các xã,
lực. tỉnh phường

III. TỔ CHỨC THỰC HIỆN

1. Sở Khoa học và Công nghệ: theo dõi, đôn đốc việc thực hiện Kế hoạch.
"""


def test_ocr_task_table_in_the_body_is_read_by_its_rows() -> None:
    j = parse_bytes(OCR_BODY_TABLE.encode(), "plan.txt").to_json()
    assert [(t["no"], t["lead_code"], *_deadline(t)) for t in j["tasks"]] == [
        ("1", "SKHCN", "quarter", "2026-12-31"), ("2", "SCT", "date", "2026-12-31"),
        ("3", "VPUBND", "recurring", "quarterly")]


def test_a_prose_duty_naming_lead_and_deadline_is_not_a_table_header() -> None:
    """'… chủ trì, phối hợp với … hoàn thành trong quý III/2026' at the top of 'Nhiệm vụ' is a duty."""
    j = parse_bytes(_text("commune_prose").encode(), "plan.txt").to_json()
    assert [t["no"] for t in j["tasks"]] == [str(n) for n in range(1, 9)]
    assert j["tasks"][0]["name"].startswith("Giao Phòng Văn hóa - Xã hội chủ trì")


def test_issuer_beside_an_ocr_misread_motto() -> None:
    """'Độc lập' read 'D9c lap' by OCR still ends the issuer's part of the header line."""
    text = "UBND TỈNH HÀ TĨNH CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nSỞ Y TẾ D9c lap - Tu do - Hanh phuc\nSố: 12/KH-SYT\n"
    assert parse_bytes(text.encode(), "plan.txt").document.issuer == "SỞ Y TẾ"


NEW_FORMS = ["forms_province", "forms_ward", "forms_decision_article", "forms_party", "forms_university", "forms_trade",
             "forms_amending"]


@pytest.mark.parametrize("gold_name", NEW_FORMS)
def test_new_forms_read_whole_from_text_docx_and_pdf(gold_name: str) -> None:
    """The forms added after the reader was built (measured unseen first, see their gold notes): as
    clean text, DOCX and text PDF every task and target is found, none extra, and every scored field
    (lead, deadline, value, year, milestones, document, reporting) agrees with the hand-made gold."""
    import json

    from giamsat.ingest import quality

    gold = json.loads((quality.GOLD_DIR / f"{gold_name}.json").read_text(encoding="utf-8"))
    text = (quality.GOLD_DIR.parent / gold["source"]).read_text(encoding="utf-8")
    for kind, data in [("text", text.encode()), ("docx", build.to_docx(text, repeat_header=True)),
                       ("pdf_text", build.to_pdf(text))]:
        j = parse_bytes(data, registry=quality._registry(gold)).to_json()
        for score in (quality.score_tasks(j, gold), quality.score_targets(j, gold)):
            assert (score.hit, score.pred) == (score.gold, score.gold), (kind, score)
            assert all(a == b for a, b in score.fields.values()), (kind, score.fields)
        wrong = {k: v for k, v in quality.score_document(j, gold).fields.items() if v[0] != v[1]}
        assert not wrong, (kind, wrong)


def test_an_issuer_name_broken_over_the_header_lines_is_one_name() -> None:
    text = ("BAN CHỈ ĐẠO PHÁT TRIỂN KHOA HỌC,       CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n"
            "CÔNG NGHỆ, ĐỔI MỚI SÁNG TẠO VÀ          Độc lập - Tự do - Hạnh phúc\n"
            "CHUYỂN ĐỔI SỐ TỈNH NINH BÌNH\n\nSố: 03/KH-BCĐ                Ninh Bình, ngày 12 tháng 3 năm 2026\n\n"
            "KẾ HOẠCH\nHoạt động của Ban Chỉ đạo năm 2026\n")
    assert parse_bytes(text.encode(), "plan.txt").document.issuer == (
        "BAN CHỈ ĐẠO PHÁT TRIỂN KHOA HỌC, CÔNG NGHỆ, ĐỔI MỚI SÁNG TẠO VÀ CHUYỂN ĐỔI SỐ TỈNH NINH BÌNH")


def test_a_duty_naming_its_unit_after_don_vi_thuc_hien() -> None:
    """'Đơn vị thực hiện: X; thời gian: …' after the duty's sentence, as '(cơ quan chủ trì: X; …)' is."""
    text = "\n".join(["KẾ HOẠCH", "Chuyển đổi số năm 2026", "", "II. NHIỆM VỤ TRỌNG TÂM", "", "1. Về hạ tầng số",
                     "- Nâng cấp hệ thống loa truyền thanh thông minh. Đơn vị thực hiện: Phòng Văn hóa - Xã hội; "
                     "thời gian: Quý IV/2026."])
    got = [(t.lead_code, t.deadline.end.isoformat() if t.deadline and t.deadline.end else None) for t in parse_bytes(text.encode(), "plan.txt").tasks]
    assert got == [("PHONG_VHXH", "2026-12-31")]


def test_a_short_numbered_title_above_its_paragraph_is_a_heading() -> None:
    """'1. Phòng Tài nguyên số' / 'Cập nhật …; thực hiện hằng quý.': tasks grouped under the unit that does them,
    one paragraph each with no letter; the title is a heading, not the first line of the paragraph (a name
    left hanging on 'và' goes on below)."""
    from giamsat.ingest.structure import Outline

    text = ("KẾ HOẠCH\nỨng dụng công nghệ số trong quản lý nông nghiệp năm 2027\n\nI. NHIỆM VỤ CỦA CÁC ĐƠN VỊ\n\n"
            "1. Phòng Tài nguyên số\nCập nhật bản đồ số các tuyến đường liên thôn và vùng trồng; thực hiện hằng quý.\n\n"
            "2. Trạm Khuyến nông\nHướng dẫn nông dân ghi nhật ký sản xuất điện tử; hoàn thành trong tháng 10/2027.\n")
    tasks = parse_bytes(text.encode(), "plan.txt").to_json()["tasks"]
    assert [(t["group"], t["name"][:20], *_deadline(t)) for t in tasks] == [
        ("Phòng Tài nguyên số", "Cập nhật bản đồ số c", "recurring", "quarterly"),
        ("Trạm Khuyến nông", "Hướng dẫn nông dân g", "month", "2027-10-31")]
    lines = ["3. Sở Khoa học và", "Công nghệ chủ trì thẩm định các giải pháp phần mềm, hoàn thành trong Quý II/2027."]
    assert [it.kind for it in Outline(lines, lines, lambda s: s).items] == ["num"]


def test_the_motto_wrapped_onto_a_line_of_its_own_is_not_the_issuer() -> None:
    """A PDF's text layer or a scan wraps the motto in its column ('… CHỦ NGHĨA' / 'VIỆT NAM'): that line
    is not a body of the header, and the Sở below its superior is still the issuer."""
    text = ("UBND TỈNH BẮC SƠN CỘNG HÒA XÃ HỘI CHỦ NGHĨA\nVIỆT NAM\nSỞ NỘI VỤ Độc lập - Tự do - Hạnh phúc\n"
            "Số: 77/KH-SNV Bắc Sơn, ngày 05 tháng 3 năm 2027\nKẾ HOẠCH\nChuyển đổi số trong quản lý cán bộ năm 2027\n")
    assert parse_bytes(text.encode(), "plan.txt").document.issuer == "SỞ NỘI VỤ"


def test_a_heading_whose_u_with_dot_ocr_read_as_y_still_names_its_section() -> None:
    """'II. MyC TIEU', 'I. MyC DICH': OCR reads 'ụ' as 'y' (as 'NHIỆM Vy', 'PHy LỤC')."""
    from giamsat.ingest.structure import Outline

    lines = ["I. MyC DICH, YEU CAU", "- Nang cao nhan thuc.", "II. MyC TIEU", "Den nam 2028, 95% ho so duoc so hoa."]
    assert [s.kind for s in Outline(lines, lines, lambda s: s).sections] == ["purpose", "objectives"]


def test_a_role_heading_is_held_by_the_unit_its_paragraph_names() -> None:
    """'3. Cơ quan thường trực' / 'Văn phòng Sở là cơ quan thường trực, có trách nhiệm: …': the assignment is the
    unit's, not the role's."""
    text = ("KẾ HOẠCH\nChuyển đổi số ngành năm 2027\n\nIII. TỔ CHỨC THỰC HIỆN\n\n1. Sở Tài chính bố trí kinh phí.\n\n"
            "2. Cơ quan thường trực\nVăn phòng Sở là cơ quan thường trực, có trách nhiệm theo dõi, tổng hợp kết quả thực hiện.\n")
    got = [(a["org"], a["org_code"]) for a in parse_bytes(text.encode(), "plan.txt", registry=DEPARTMENT_UNITS).to_json()["assignments"]]
    assert got == [("Sở Tài chính", "STC"), ("Văn phòng Sở", "VPS")]

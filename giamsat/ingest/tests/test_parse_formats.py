"""The same sample plan read as text, DOCX and text PDF; a scanned page through Tesseract."""

from __future__ import annotations

import contextlib
import io
import json

import pytest

from giamsat.ingest.pipeline import parse_bytes, parse_text
from giamsat.ingest.samples import build

EXPECTED_TASKS = [
    ("1", "PHONG_VHXH", "recurring", None),
    ("2", "VP_HDND_UBND_XA", "quarter", "2025-09-30"),
    ("3", "CA_XA", "date", "2025-09-30"),
    ("4", "PHONG_KT", "range", "2026-12-31"),
    ("5", "VP_HDND_UBND_XA", "conditional", None),
    ("6", "PHONG_KT", "month", "2026-12-31"),
    ("7", "VP_HDND_UBND_XA", "continuous", None),
]


def _renderings() -> list[tuple[str, bytes]]:
    text = build.sample_text()
    out = [("text", text.encode()), ("docx", build.to_docx(text))]
    with contextlib.suppress(ImportError):  # fpdf2 is a development dependency
        out.append(("pdf_text", build.to_pdf(text)))
    return out


@pytest.mark.parametrize(("kind", "data"), _renderings(), ids=lambda x: x if isinstance(x, str) else "")
def test_sample_plan_in_every_format(kind: str, data: bytes) -> None:
    plan = parse_bytes(data, filename="ignored.bin")
    assert plan.input_kind == kind
    j = plan.to_json()
    doc = j["document"]
    assert (doc["number"], doc["date"], doc["doc_type"]) == ("45/KH-UBND", "2025-08-18", "plan")
    assert doc["parents"] == ["57-NQ/TW", "71/NQ-CP", "88/KH-UBND"]
    assert doc["replaces"] == ["12/KH-UBND"]
    got = [(t["no"], t["lead_code"], t["deadline"]["kind"], t["deadline"].get("end")) for t in j["tasks"]]
    assert got == EXPECTED_TASKS
    assert j["tasks"][0]["coordinators"] == ["Đoàn Thanh niên", "Hội Nông dân"]
    assert j["tasks"][0]["group"] == "Nâng cao nhận thức về chuyển đổi số"
    assert [(t["no"], t["comparator"], t["value"], t["year"]) for t in j["targets"]] == [
        ("1", ">=", "60", 2025), ("2", "=", "100", 2025), ("3", "=", "50", 2026), ("4", ">=", "03", 2026),
        # objectives written only in the prose (not in Phụ lục I) are kept, the others are not repeated
        (None, ">", "85", 2025), (None, ">=", "80", 2026), (None, "rank_top", "10", 2026)]
    assert [a["org_code"] for a in j["assignments"]] == ["VP_HDND_UBND_XA", "PHONG_KT", "PHONG_VHXH", "CA_XA"]
    assert j["reporting"]["frequencies"] == ["quarterly", "semiannual", "annual"]
    assert j["reporting"]["due_day"] == 20
    assert any("Các đơn vị liên quan" in w for w in j["warnings"])
    json.dumps(j, ensure_ascii=False)


def test_reader_is_chosen_by_content_not_name() -> None:
    docx = build.to_docx(build.sample_text())
    assert parse_bytes(docx, filename="plan.txt").input_kind == "docx"
    assert parse_bytes(build.sample_text().encode(), filename="plan.pdf").input_kind == "text"


def test_every_item_has_a_source_span_and_confidence() -> None:
    plan = parse_bytes(build.sample_text().encode())
    lines = build.sample_text().split("\n")
    for task in plan.tasks:
        assert task.source is not None and task.source.basis == "raw"
        assert task.name.split()[0] in lines[task.source.start_line - 1]
        assert 0 < task.confidence <= 1


def test_scanned_page_is_ocred_into_a_table() -> None:
    pages: list[tuple[int, int]] = []
    plan = parse_bytes(build.scan_image(), progress=lambda done, total: pages.append((done, total)))
    assert plan.input_kind == "image"
    assert pages == [(1, 1)]
    assert plan.document.number == "46/KH-UBND"
    got = [(t.no, t.name, t.lead_code, t.deadline.kind.value if t.deadline else None) for t in plan.tasks]
    assert got == [
        ("1", "Tuyên truyền kỹ năng số", "PHONG_VHXH", "recurring"),
        ("2", "Số hóa hồ sơ đất đai", "PHONG_KT", "quarter"),
        ("3", "Làm sạch dữ liệu dân cư", "CA_XA", "date"),
        ("4", "Kết nối một cửa điện tử", "VPUBND", "range"),
        ("5", "Cập nhật dữ liệu chuyển đổi số", "STC", "continuous"),
    ]


@pytest.mark.slow
def test_scanned_pdf_without_text_layer_is_ocred() -> None:
    from PIL import Image

    buf = io.BytesIO()
    Image.open(io.BytesIO(build.scan_image())).convert("RGB").save(buf, format="PDF", resolution=200)
    plan = parse_bytes(buf.getvalue())
    assert plan.input_kind == "pdf_scan"
    assert [t.lead_code for t in plan.tasks] == ["PHONG_VHXH", "PHONG_KT", "CA_XA", "VPUBND", "STC"]


def test_a_two_row_table_header_is_understood() -> None:
    from giamsat.ingest.pipeline import parse_text

    text = "\n".join([
        "KẾ HOẠCH", "Số: 5/KH-UBND", "II. NHIỆM VỤ",
        "| TT | Nhiệm vụ | Cơ quan | | Thời gian |",
        "| | | Chủ trì | Phối hợp | |",
        "| 1 | Rà soát thủ tục | Sở Y tế | Sở Tài chính, Sở Nội vụ và các sở, ngành liên quan | Quý II/2026 |",
        "| 2 | Làm sạch dữ liệu | Công an tỉnh | | Hằng quý |",
    ])
    tasks = parse_text(text).tasks
    assert [(t.no, t.lead_code, t.deadline.kind.value if t.deadline else None) for t in tasks] == [
        ("1", "SYT", "quarter"), ("2", "CAT", "recurring")]
    assert tasks[0].coordinators == ["Sở Tài chính", "Sở Nội vụ", "các sở, ngành liên quan"]


def test_text_pdf_table_without_rulings_is_rebuilt_from_positions() -> None:
    plan = parse_bytes(build.borderless_pdf())
    assert plan.input_kind == "pdf_text"
    assert [(t.no, t.lead_code, t.deadline_text) for t in plan.tasks] == [
        ("1", "PHONG_VHXH", "Hằng tháng"), ("2", "PHONG_KT", "Quý II/2026"), ("3", "CA_XA", "30/6/2026"),
        ("4", "VPUBND", "2026-2027"), ("5", "STC", "Thường xuyên")]


def test_docx_year_table_gives_milestones_units_and_ranks() -> None:
    import docx

    document = docx.Document()
    for line in ("ỦY BAN NHÂN DÂN TỈNH X", "Số: 12/KH-UBND", "X, ngày 3 tháng 4 năm 2025", "KẾ HOẠCH", "I. MỤC TIÊU"):
        document.add_paragraph(line)
    rows = [["TT", "Chỉ tiêu", "Đơn vị tính", "Năm 2025", "Năm 2030"],
            ["1", "Tỷ lệ dịch vụ công trực tuyến toàn trình", "%", "≥ 80", "100"],
            ["2", "Chỉ số DTI", "Thứ hạng", "Top 20", "Top 10"]]
    table = document.add_table(rows=3, cols=5)
    for r, row in enumerate(rows):
        for c, value in enumerate(row):
            table.cell(r, c).text = value
    buf = io.BytesIO()
    document.save(buf)
    plan = parse_bytes(buf.getvalue())
    assert plan.document.title == "Kế hoạch"
    got = [(t.no, t.unit, t.year, t.comparator, t.value, t.milestones) for t in plan.targets]
    assert got == [("1", "%", 2025, ">=", "80", {"2025": "≥ 80", "2030": "100"}),
                   ("2", "Thứ hạng", 2025, "rank_top", "20", {"2025": "Top 20", "2030": "Top 10"})]


def test_small_plan_without_blank_lines_or_annex() -> None:
    text = "\n".join([
        "ỦY BAN NHÂN DÂN TỈNH LẠNG SƠN", "Số: 12/KH-UBND", "Lạng Sơn, ngày 10 tháng 3 năm 2025", "KẾ HOẠCH",
        "Thực hiện Nghị quyết số 57-NQ/TW", "I. MỤC TIÊU",
        "- Đến năm 2030, tỷ lệ hồ sơ công việc được xử lý trên môi trường mạng đạt trên 90%.",
        "II. NHIỆM VỤ VÀ GIẢI PHÁP",
        "1. Sở Khoa học và Công nghệ chủ trì xây dựng cơ sở dữ liệu khoa học, hoàn thành trong Quý IV/2025."])
    plan = parse_text(text)
    assert plan.document.title == "Kế hoạch Thực hiện Nghị quyết số 57-NQ/TW"
    assert [(t.no, t.lead, t.lead_code, t.deadline_text) for t in plan.tasks] == [
        ("1", "Sở Khoa học và Công nghệ", "SKHCN", "Quý IV/2025")]
    assert plan.tasks[0].deadline is not None and plan.tasks[0].deadline.extra == {"quarter": 4}
    assert [(t.value, t.comparator, t.unit, t.year) for t in plan.targets] == [("90", ">", "%", 2030)]


def test_prose_figures_bracketed_share_and_digital_economy() -> None:
    text = "\n".join([
        "ỦY BAN NHÂN DÂN TỈNH X", "Số: 5/KH-UBND", "X, ngày 2 tháng 3 năm 2025", "KẾ HOẠCH", "I. MỤC TIÊU",
        "2. Mục tiêu cụ thể", "a) Đến năm 2030",
        "- Quy mô kinh tế số đạt tối thiểu 30% GRDP.",
        "- Kinh phí chi cho nghiên cứu phát triển (R&D) từ 1,5% GRDP trở lên (trong đó, ngoài ngân sách từ 60%"
        " trở lên).",
        "II. NHIỆM VỤ VÀ GIẢI PHÁP", "1. Sở Tài chính chủ trì bố trí kinh phí, hoàn thành năm 2026."])
    got = [(t.name, t.comparator, t.value, t.unit, t.year) for t in parse_text(text).targets]
    assert got == [("Quy mô kinh tế số", ">=", "30", "% GRDP", 2030),
                   ("Kinh phí chi cho nghiên cứu phát triển (R&D)", ">=", "1,5", "% GRDP", 2030),
                   ("ngoài ngân sách", ">=", "60", "%", 2030)]


def test_prose_targets_next_to_an_indicator_annex_are_not_repeated() -> None:
    from giamsat.ingest.model import Target
    from giamsat.ingest.targets import prose_only

    table = [Target("Tỉ lệ sử dụng dịch vụ công trực tuyến của người dân", "80", ">", "%", 2030, no="8.1"),
             Target("Quy mo kinh té s6 A1 1 A A S& Khoa hoc va Cong nghé", "30", ">", "% GRDP", 2030, no="7")]
    prose = [Target("Quy mô kinh tế số", "30", ">=", "% GRDP", 2030),                       # same row, OCR'd
             Target("Tỷ lệ sử dụng dịch vụ công trực tuyến của người dân", "80", ">", "%", 2030),
             Target("Tỷ lệ hồ sơ thủ tục hành chính được giải quyết trực tuyến", "80", ">=", "%", 2030),
             Target("Quy mô kinh tế số", "50", ">=", "% GRDP", 2045)]                      # another year
    assert [(t.name, t.year) for t in prose_only(prose, table)] == [
        ("Tỷ lệ hồ sơ thủ tục hành chính được giải quyết trực tuyến", 2030), ("Quy mô kinh tế số", 2045)]

"""The reader is an engine: no Django, a CLI, JSON in the agreed shape, and fast enough."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from giamsat.ingest.pipeline import parse_text
from giamsat.ingest.samples.build import SAMPLE_PLAN, sample_text

INGEST = Path(__file__).resolve().parents[1]


def test_engine_does_not_import_django() -> None:
    for path in INGEST.rglob("*.py"):
        if "tests" in path.parts:
            continue
        text = path.read_text(encoding="utf-8")
        assert "import django" not in text and "from django" not in text, path


def test_cli_prints_the_contract() -> None:
    out = subprocess.run([sys.executable, "-m", "giamsat.ingest", str(SAMPLE_PLAN)], capture_output=True,
                         check=True, text=True, timeout=180).stdout
    data = json.loads(out)
    assert set(data) == {"document", "targets", "tasks", "assignments", "reporting", "warnings"}
    assert set(data["document"]) == {"issuer", "number", "date", "doc_type", "title", "parents", "replaces"}
    assert set(data["tasks"][0]) >= {"group", "name", "lead", "coordinators", "output", "deadline_text", "deadline"}
    assert set(data["targets"][0]) >= {"name", "unit", "value", "comparator", "year", "lead", "milestones"}
    assert set(data["reporting"]) >= {"frequencies", "due_day"}
    assert set(data["assignments"][0]) >= {"org", "duties"}


def test_cli_reports_errors_in_vietnamese(tmp_path: Path) -> None:
    empty = tmp_path / "empty.pdf"
    empty.write_bytes(b"")
    run = subprocess.run([sys.executable, "-m", "giamsat.ingest", str(empty)], capture_output=True, text=True,
                         timeout=60)
    assert run.returncode == 1
    assert "rỗng" in json.loads(run.stderr)["error"]


def test_comparators_stay_in_the_vocabulary() -> None:
    plan = parse_text(sample_text())
    allowed = {">=", ">", "<=", "<", "=", "range", "rank_top", "text"}
    assert {t.comparator for t in plan.targets} <= allowed


def test_a_70kb_text_is_read_whole_and_its_parse_time_recorded() -> None:
    """How fast is measured in benchmarks/bench_parse.py (tests check behaviour, not timings)."""
    once = parse_text(sample_text())
    text = (sample_text() + "\n") * 12
    assert len(text.encode()) > 70_000
    plan = parse_text(text)
    assert len(plan.tasks) >= len(once.tasks) and len(plan.targets) >= len(once.targets)
    assert plan.timings["parse"] > 0


def test_other_heading_styles_are_sections() -> None:
    text = "\n".join([
        "KẾ HOẠCH", "Số: 9/KH-UBND",
        "PHẦN I. MỤC TIÊU", "- Tỷ lệ hồ sơ giải quyết trực tuyến đạt trên 70% vào năm 2026.",
        "B. NHIỆM VỤ VÀ GIẢI PHÁP", "1. Chuyển đổi số", "- Số hóa hồ sơ đất đai của xã trong năm 2026.",
        "C. TỔ CHỨC THỰC HIỆN", "1. Công an xã: làm sạch dữ liệu dân cư.",
    ])
    plan = parse_text(text)
    assert [(t.comparator, t.value, t.year) for t in plan.targets] == [(">", "70", 2026)]
    assert [t.name for t in plan.tasks] == ["Số hóa hồ sơ đất đai của xã trong năm 2026."]
    assert plan.tasks[0].deadline is not None and plan.tasks[0].deadline.end is not None
    assert [a.org_code for a in plan.assignments] == ["CA_XA"]


@settings(max_examples=60, deadline=None)
@given(st.lists(st.sampled_from([
    "I. MỤC TIÊU", "II. NHIỆM VỤ", "III. TỔ CHỨC THỰC HIỆN", "PHỤ LỤC II", "| TT | Tên nhiệm vụ | Cơ quan chủ trì |",
    "| 1 | Làm A | Sở Y tế |", "1. Sở Tài chính: bố trí kinh phí", "- đạt 30% GRDP", "12", "",
    "Nơi nhận:", "a) thuộc nhóm 5 tỉnh dẫn đầu", "2025 | 2030 | 2045", "Quý I/2026", "Ngày 1 tháng 13 năm 2025",
]) | st.text(max_size=40), max_size=30))
def test_any_line_soup_parses_without_crashing(lines: list[str]) -> None:
    plan = parse_text("\n".join(lines))
    json.dumps(plan.to_json(), ensure_ascii=False)

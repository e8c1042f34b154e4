"""A plan's indicator table read from a scan: Tesseract `vie` prints ">" for "≥" (it has no glyph for it), so a
scanned table none of whose cells shows "≥" reads "> 70" as a threshold to reach; the same lines from a text layer
keep their strict bound. Lines made up, as the readers hand them to the pipeline."""

from __future__ import annotations

from giamsat.ingest.pipeline import parse_extracted
from giamsat.ingest.readers import Extracted

PLAN = ["ỦY BAN NHÂN DÂN", "TỈNH LẠC SƠN", "KẾ HOẠCH", "Chuyển đổi số năm 2026", "I. MỤC TIÊU",
        "| TT | Chỉ tiêu | Đơn vị tính | Năm 2026 | Năm 2028 |",
        "| 1 | Tỷ lệ hồ sơ thủ tục hành chính giải quyết trực tuyến | % | > 70 | > 90 |",
        "| 2 | Tỷ lệ xã có điểm phát Wi-Fi công cộng | % | 60 | 100 |"]


def _bounds(kind: str) -> list[tuple[str | None, str | None]]:
    plan = parse_extracted(Extracted(list(PLAN), kind))
    return [(t.comparator, t.value) for t in plan.targets]


def test_a_scanned_pages_strict_bound_is_a_threshold_to_reach() -> None:
    assert _bounds("pdf_scan") == [(">=", "70"), ("=", "60")]
    assert _bounds("image") == [(">=", "70"), ("=", "60")]


def test_a_text_layers_strict_bound_stays_strict() -> None:
    assert _bounds("pdf_text") == [(">", "70"), ("=", "60")]
    assert _bounds("text") == [(">", "70"), ("=", "60")]


MIXED = [*PLAN[:5], "| TT | Chỉ tiêu | Năm 2026 | Năm 2027 | Năm 2028 | Đơn vị tính |",
         "| 1 | Tỷ lệ giao dịch qua kênh số | > 85 | ≥ 90 | ≥ 95 | % |",
         "| 2 | Số điểm giao dịch tự động | > 12 | > 15 | > 20 | điểm |"]


def test_a_scanned_bound_among_its_rows_ge_cells_lost_its_underline() -> None:
    """"> 85 | ≥ 90 | ≥ 95": an indicator's milestones keep one kind of bound, so the scan's ">" is a "≥" whose
    underline OCR lost; a row that shows no "≥" in a table that does keeps its strict bounds."""
    plan = parse_extracted(Extracted(list(MIXED), "pdf_scan"))
    assert [(t.comparator, t.value, t.milestones) for t in plan.targets] == [
        (">=", "85", {"2026": "≥ 85", "2027": "≥ 90", "2028": "≥ 95"}),
        (">", "12", {"2026": "> 12", "2027": "> 15", "2028": "> 20"})]
    assert any("“≥”" in w and "1" in w for w in plan.warnings)
    text = parse_extracted(Extracted(list(MIXED), "pdf_text"))
    assert text.targets[0].comparator == ">"

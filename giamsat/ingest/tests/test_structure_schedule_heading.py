"""A part titled by when the work is done ("LỊCH TRIỂN KHAI THỰC HIỆN", "TIẾN ĐỘ THỰC HIỆN") holds the duties: a tasks
part, so a task table OCR left as loose lines under it is looked for. Made-up headings."""

from __future__ import annotations

from giamsat.ingest.structure import _section_kind


def test_a_schedule_heading_is_a_tasks_part() -> None:
    assert _section_kind("LỊCH TRIỂN KHAI THỰC HIỆN") == "tasks"
    assert _section_kind("TIẾN ĐỘ THỰC HIỆN CÁC CÔNG VIỆC") == "tasks"
    assert _section_kind("Tiến độ triển khai") == "tasks"


def test_other_headings_keep_their_kind() -> None:
    assert _section_kind("TỔ CHỨC THỰC HIỆN") == "organization"
    assert _section_kind("KINH PHÍ THỰC HIỆN") == "other"

"""A plain-text plan is read without the PDF sandbox's machinery: multiprocessing is imported when a PDF is first
read in a child process, not with the readers (a new process that parses a text plan saves that import)."""

from __future__ import annotations

import os
import pickle
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[3]

PLAN = """ỦY BAN NHÂN DÂN
XÃ HÒA BÌNH
Số: 15/KH-UBND

KẾ HOẠCH
Triển khai chuyển đổi số năm 2026

I. NHIỆM VỤ TRỌNG TÂM
1. Số hóa hồ sơ thủ tục hành chính. Cơ quan chủ trì: Văn phòng HĐND và UBND xã. Thời gian: Quý II/2026.
2. Tập huấn kỹ năng số cho cán bộ. Cơ quan chủ trì: Phòng Văn hóa - Xã hội. Thời gian: tháng 9/2026.
"""


def test_a_text_plan_is_parsed_without_importing_multiprocessing() -> None:
    code = (
        "import sys\n"
        "from giamsat.ingest.pipeline import parse_bytes\n"
        "plan = parse_bytes(sys.stdin.buffer.read(), 'plan.txt')\n"
        "assert plan.tasks, 'no task read'\n"
        "print('multiprocessing' in sys.modules)\n"
    )
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    done = subprocess.run([sys.executable, "-c", code], input=PLAN.encode(), capture_output=True, env=env,
                          cwd=ROOT, timeout=120, check=True)
    assert done.stdout.decode().strip() == "False", done.stderr.decode()


def test_the_sandbox_process_class_is_found_by_name() -> None:
    """The child unpickles its process object by the class's module and name."""
    from giamsat.ingest import readers

    cls = readers._Process
    assert cls.__module__ == "giamsat.ingest.readers" and cls.__qualname__ == "_Process"
    assert pickle.loads(pickle.dumps(cls)) is cls
    assert readers._Popen is readers._sandbox_classes()["_Popen"]

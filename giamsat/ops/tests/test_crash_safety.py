"""Kill the process in the middle of writing an import: nothing half-written may remain."""

from __future__ import annotations

import json
import signal

import pytest

from giamsat.ops.tests.support import child_site  # noqa: F401

pytestmark = [pytest.mark.django_db, pytest.mark.slow]

PLAN = {
    "document": {"number": "99/KH-UBND", "doc_type": "plan", "title": "Kế hoạch thử", "date": "2025-06-01",
                 "parents": [], "replaces": []},
    "targets": [{"name": f"Chỉ tiêu {i}", "unit": "%", "value": i, "comparator": ">=", "year": 2030}
                for i in range(1, 30)],
    "tasks": [{"name": f"Nhiệm vụ {i}", "lead": "Sở Y tế", "deadline_text": "Năm 2026",
               "deadline": {"kind": "year", "raw": "Năm 2026", "start": "2026-01-01", "end": "2026-12-31"}}
              for i in range(1, 60)],
    "assignments": [], "reporting": {"frequencies": ["annual"], "due_day": 15}, "warnings": [],
}

# The child imports through the real command and is killed (SIGKILL, no clean-up of any
# kind) when the 25th task row has been written inside the import's transaction.
KILL_MID_IMPORT = """
import os, signal, django
django.setup()
from django.core.management import call_command
from giamsat.org.actions import load_vietnam_registry
from giamsat.plans import models
load_vietnam_registry()
saved = {"n": 0}
original = models.Task.save
def save_then_die(self, *args, **kwargs):
    original(self, *args, **kwargs)
    saved["n"] += 1
    if saved["n"] == 25:
        os.kill(os.getpid(), signal.SIGKILL)
models.Task.save = save_then_die
call_command("import_plan", PATH, unit="lang-son")
"""

COUNT = """
import django, json
django.setup()
from giamsat.plans.models import Document, Target, Task, TaskGroup, Milestone
print(json.dumps([Document.objects.count(), Target.objects.count(), Milestone.objects.count(),
                  Task.objects.count(), TaskGroup.objects.count()]))
"""


def test_killing_an_import_midway_leaves_no_partial_plan(child_site, tmp_path, monkeypatch):  # noqa: F811
    site = child_site
    site.run("migrate", "-v0")
    plan_file = tmp_path / "plan.json"
    plan_file.write_text(json.dumps(PLAN, ensure_ascii=False))
    # A parser stand-in that returns the plan above, so the test is about the write, not the read.
    code = KILL_MID_IMPORT.replace(
        "call_command(",
        "import giamsat.ingest.pipeline as p, json as j\n"
        "class _P:\n"
        "    raw_text = restored_text = ''\n"
        f"    def to_json(self): return j.load(open({str(plan_file)!r}))\n"
        "p.parse_bytes = lambda *a, **k: _P()\n"
        "call_command(",
    ).replace("PATH", repr(str(plan_file)))
    result = site.python(code)
    assert result.returncode == -signal.SIGKILL, result.stderr
    counts = json.loads(site.python(COUNT).stdout)
    assert counts == [0, 0, 0, 0, 0]

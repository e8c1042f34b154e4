from __future__ import annotations

import json

import pytest

from giamsat.ops.tests.support import child_site  # noqa: F401

pytestmark = [pytest.mark.django_db, pytest.mark.slow]

SETUP = """
import django, json
django.setup()
from django.core.files.base import ContentFile
from giamsat.org.actions import load_vietnam_registry
from giamsat.org.models import OrgUnit
from giamsat.plans.actions import import_parsed_plan, publish_plan
from giamsat.plans.models import ImportRun
load_vietnam_registry()
owner = OrgUnit.objects.get(code="lang-son")
parsed = {"document": {"number": "238-KH/TU", "doc_type": "plan", "title": "Kế hoạch hành động",
          "date": "2025-05-23", "parents": ["57-NQ/TW"], "replaces": []},
          "targets": [{"name": "Kinh tế số đạt 20% GRDP", "unit": "%", "value": 20, "comparator": ">=", "year": 2030}],
          "tasks": [{"name": "Xây dựng trung tâm dữ liệu tỉnh", "lead": "Sở Khoa học và Công nghệ",
                     "deadline_text": "Năm 2026", "deadline": {"kind": "year", "raw": "Năm 2026",
                     "start": "2026-01-01", "end": "2026-12-31"}}],
          "assignments": [], "reporting": {"frequencies": ["annual"], "due_day": 15}, "warnings": []}
doc = import_parsed_plan("backup-test", parsed, owner=owner)
publish_plan("backup-test", doc)
run = ImportRun(unit=owner, filename="ke-hoach.txt", state="succeeded", document=doc)
run.file.save("ke-hoach.txt", ContentFile("Kế hoạch số 238-KH/TU".encode()), save=True)
"""

DUMP = ["dumpdata", "--natural-foreign", "--indent", "0", "--exclude", "contenttypes", "--exclude",
        "auth.permission", "--exclude", "sessions", "--exclude", "admin.logentry"]


def _state(site) -> tuple[list, dict[str, bytes]]:
    rows = json.loads(site.run(*DUMP).stdout)
    media = {str(p.relative_to(site.var / "media")): p.read_bytes()
             for p in (site.var / "media").rglob("*") if p.is_file()}
    return sorted(rows, key=lambda r: (r["model"], str(r["pk"]))), media


def test_a_backup_restores_exactly_the_same_data_and_files(child_site):  # noqa: F811
    site = child_site
    site.run("migrate", "-v0")
    result = site.python(SETUP)
    assert result.returncode == 0, result.stderr
    before = _state(site)
    assert any(r["model"] == "plans.document" for r in before[0]) and before[1]

    archive = site.var / "backup.tar.gz"
    site.run("backup", "--output", str(archive))

    # The province keeps working: a document is deleted, a file replaced.
    damage = site.python(
        "import django; django.setup()\n"
        "from giamsat.plans.models import Document, ImportRun\n"
        "ImportRun.objects.all().delete(); Document.objects.all().delete()\n"
    )
    assert damage.returncode == 0, damage.stderr
    for path in (site.var / "media").rglob("*.txt"):
        path.write_text("hỏng")
    assert _state(site) != before

    site.run("restore-backup", str(archive), "--yes")
    assert _state(site) == before


def test_restoring_something_that_is_not_a_backup_changes_nothing(child_site, tmp_path):  # noqa: F811
    import io
    import tarfile

    site = child_site
    site.run("migrate", "-v0")
    count = "import django; django.setup()\nfrom giamsat.org.models import OrgUnit; print(OrgUnit.objects.count())"
    assert site.python("import django; django.setup()\nfrom giamsat.org.actions import load_vietnam_registry\n"
                       "load_vietnam_registry()").returncode == 0
    before = site.python(count).stdout
    bogus = tmp_path / "bogus.tar.gz"
    with tarfile.open(bogus, "w:gz") as tar:
        info = tarfile.TarInfo("readme.txt")
        info.size = 5
        tar.addfile(info, io.BytesIO(b"hello"))
    result = site.run("restore-backup", str(bogus), "--yes", check=False)
    assert result.returncode != 0 and "manifest" in result.stderr
    assert int(site.python(count).stdout) == int(before) > 100

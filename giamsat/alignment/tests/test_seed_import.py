"""Seed plans read by the real parser (giamsat/ingest), then aligned as `giamsat demo` does.

Two of the five (the Bình Phước programme and the Long Bình ward plan, a province and a commune
of what is now Đồng Nai) to keep the suite fast: the parser restores diacritics, seconds per plan.
"""

from __future__ import annotations

import json
from io import StringIO
from pathlib import Path

import pytest
from django.core.management import call_command

from giamsat.alignment.demo import prepare_alignment
from giamsat.org.tests.factories import registry
from giamsat.plans.importing import import_file
from giamsat.plans.models import Document, Target
from giamsat.portal.demo import guess_owner

pytestmark = [pytest.mark.django_db, pytest.mark.slow]

SEEDS = {"000_1366034315b2b4a8.txt": "74-CTr/TU", "002_001a4bb4ee29ed9d.txt": "17-KH/ĐU"}


def test_parsed_seed_plans_are_aligned_out_of_the_box(shared_dir: Path) -> None:
    registry()
    for name in SEEDS:
        path = shared_dir / "seeds" / name
        data = path.read_bytes()
        run = import_file(None, data, path.name, guess_owner(data.decode("utf-8", errors="replace")))
        assert run.document is not None, run.error
    assert sorted(Document.objects.values_list("number", flat=True)) == sorted(SEEDS.values())
    prepare_alignment(log=lambda *_: None)
    usage = Target.objects.get(document__number="74-CTr/TU", name__icontains="dịch vụ công trực tuyến")
    assert usage.indicator is not None and usage.indicator.code == "dvctt-su-dung" and not usage.indicator_confirmed
    for number in SEEDS.values():
        out = StringIO()
        call_command("align", "--plan", number, "--json", stdout=out)
        report = json.loads(out.getvalue())
        assert report["plan"]["number"] == number
        assert len(report["coverage"]["targets"]) == Document.objects.get(number=number).targets.count()
        # Whatever the reader made of the DTI lines, a score is never judged against a rank.
        dti = [f for t in report["targets"] if t["indicator"] == "dti" for c in t["comparisons"] for f in c["findings"]]
        assert all(f["verdict"] in ("unsafe", "unknown") for f in dti), dti
    out = StringIO()
    call_command("align", "--plan", "17-KH/ĐU", stdout=out)
    assert "Thực hiện: Chương trình hành động 74-CTr/TU — Tỉnh Bình Phước (nay thuộc Tỉnh Đồng Nai)" in out.getvalue()

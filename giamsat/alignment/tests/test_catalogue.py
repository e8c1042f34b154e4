"""The catalogue: loaded idempotently, and every national figure found in the reference text it cites."""

from __future__ import annotations

import re
from decimal import Decimal
from pathlib import Path

import pytest
from django.conf import settings
from django.core.management import call_command

from giamsat.alignment.actions import load_indicators
from giamsat.alignment.catalogue import INDICATORS, NATIONAL_TARGETS
from giamsat.alignment.models import NationalTarget
from giamsat.audit.models import AuditEvent
from giamsat.plans.models import StandardIndicator


@pytest.mark.django_db
def test_loading_the_catalogue_twice_changes_nothing_the_second_time() -> None:
    first = load_indicators("test")
    assert first["indicators_created"] == len(INDICATORS)
    assert first["targets_created"] == len(NATIONAL_TARGETS)
    events = AuditEvent.objects.filter(action="alignment.catalogue_loaded").count()
    call_command("load_indicators", stdout=open("/dev/null", "w"))  # noqa: SIM115
    assert load_indicators("test") == {"indicators_created": 0, "indicators_updated": 0,
                                       "targets_created": 0, "targets_updated": 0}
    assert AuditEvent.objects.filter(action="alignment.catalogue_loaded").count() == events
    assert StandardIndicator.objects.count() == len(INDICATORS)
    digital = NationalTarget.objects.get(indicator__code="kinh-te-so", year=2030)
    assert (digital.comparator, digital.value, digital.unit) == (">=", Decimal(30), "% GDP")
    assert digital.source_section == "Phụ lục I — Danh mục các chỉ tiêu cụ thể, TT 10 (Đến năm 2030)"


def test_every_national_figure_is_quoted_from_the_reference_text() -> None:
    reference = Path(settings.SHARED_DIR) / "reference" / "03-NQ-CP-2025.txt"
    if not reference.is_file():
        pytest.skip("reference text not available")
    text = reference.read_text(encoding="utf-8")
    rows = {m.group(1).strip(): [c.strip() for c in m.group(2).split("|")]
            for m in re.finditer(r"^\|\s*([\d.]+)\s*\|(.*)\|\s*$", text, re.MULTILINE)}
    for target in NATIONAL_TARGETS:
        tt = target.section.split("TT ")[-1].split(" ")[0] if "TT " in target.section else ""
        if not tt:
            assert target.text in text, target.indicator
            continue
        name, unit, result = rows[tt][0], rows[tt][1], rows[tt][2]
        assert target.text == f"{name} | {unit} | {result}", tt
        assert target.value.replace(".", ",") in result, tt

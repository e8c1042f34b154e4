"""`giamsat evaluate --workers N`: the provinces judged in N processes give the serial command's output."""

from __future__ import annotations

import json
from io import StringIO
from typing import Any

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from giamsat.reporting import evaluation
from giamsat.reporting.management.commands.synth import code_of


@pytest.fixture
def small(db: Any) -> None:
    evaluation.clear_cache()
    call_command("synth", "--scale", "small", stdout=StringIO())


def _run(*args: str) -> str:
    out = StringIO()
    call_command("evaluate", "--as-of", "2026-06-20", *args, stdout=out)
    return out.getvalue()


def test_workers_give_the_serial_output(small: None) -> None:
    serial = json.loads(_run("--json"))
    parallel = json.loads(_run("--json", "--workers", "2"))
    assert parallel == serial
    assert serial["tasks"] and serial["targets"]  # something was judged
    province = code_of("P01")
    assert _run("--unit", province, "--workers", "3") == _run("--unit", province)


def test_workers_must_be_positive(small: None) -> None:
    with pytest.raises(CommandError):
        _run("--workers", "0")

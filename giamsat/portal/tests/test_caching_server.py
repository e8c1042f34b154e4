"""gunicorn's master (scripts/gunicorn.conf.py): it warms the pages, then hides what it holds from the
collector before the workers fork; the load test's timing hook writes one line per request."""

from __future__ import annotations

import gc
import importlib.util
from pathlib import Path
from types import ModuleType, SimpleNamespace
from typing import Any

import pytest
from django.test import Client

from giamsat.plans.models import Document

pytestmark = pytest.mark.django_db(transaction=True)

CONF = Path(__file__).resolve().parents[3] / "scripts" / "gunicorn.conf.py"


def load_conf(monkeypatch: Any, **env: str) -> ModuleType:
    for name, value in env.items():
        monkeypatch.setenv(name, value)
    spec = importlib.util.spec_from_file_location("gunicorn_conf_under_test", CONF)
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


class Log:
    def __init__(self) -> None:
        self.lines: list[str] = []

    def info(self, message: str, *args: Any) -> None:
        self.lines.append(message % args)

    def exception(self, message: str, *args: Any) -> None:
        self.lines.append("ERROR " + message % args)


@pytest.fixture(autouse=True)
def _page_cache(page_cache: None) -> Any:
    """The page cache on (conftest's `page_cache`); the garbage collector unfrozen after each test."""
    yield
    gc.unfreeze()


def test_the_master_warms_the_pages_then_freezes_what_it_holds_before_the_workers_fork(
        plan: Document, monkeypatch: Any) -> None:
    conf = load_conf(monkeypatch, GIAMSAT_WARM_SECONDS="30")
    log = Log()
    frozen_before = gc.get_freeze_count()
    conf.when_ready(SimpleNamespace(log=log))
    assert any("pages warmed" in line for line in log.lines), log.lines
    assert not any(line.startswith("ERROR") for line in log.lines)
    assert gc.get_freeze_count() > frozen_before + 1000  # the app's modules, templates and warmed pages
    assert plan.number in Client().get("/").content.decode()  # the site still serves


def test_the_timing_hook_writes_a_line_per_request_and_one_per_full_collection(
        tmp_path: Path, monkeypatch: Any) -> None:
    conf = load_conf(monkeypatch, GIAMSAT_GUNICORN_TIMING=str(tmp_path))
    request = SimpleNamespace(method="GET", path="/dieu-hanh/")
    conf.post_worker_init(None)
    try:
        conf.pre_request(None, request)
        gc.collect()
        conf.post_request(None, request, {}, SimpleNamespace(status="200 OK"))
    finally:
        gc.callbacks[:] = [c for c in gc.callbacks if getattr(c, "__qualname__", "").split(".")[0] != "post_worker_init"]
    lines = [line.split("\t") for f in tmp_path.glob("requests-*.tsv") for line in f.read_text().splitlines()]
    assert [line[1:4] for line in lines] == [["GC", "gen2", "-"], ["GET", "/dieu-hanh/", "200"]]
    assert all(float(line[4]) >= 0 and float(line[5]) >= 0 for line in lines)

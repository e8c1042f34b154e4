"""The public home's figures over every published plan, computed aside and shared.

On the national set they need ~25 s of CPU, so a visitor never waits for them: see `public_summary`. They are
computed in a process of their own (`giamsat public_summary`, at a lower priority), never in a web worker's
thread: a thread holding the worker's interpreter lock for ~25 s would stall every other request of that
worker, and the master's warm-up would spend its whole budget on them before rendering any other page.
"""

from __future__ import annotations

import datetime as dt
import logging
import os
import shutil
import subprocess
import sys
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from django.conf import settings
from django.core.cache import cache
from django.utils import timezone

from giamsat.portal import figures
from giamsat.portal.scope import public_documents
from giamsat.reporting import evaluation as evaluation_adapter

logger = logging.getLogger(__name__)


SUMMARY_KEY = "giamsat:public-summary"
SUMMARY_LOCK = "giamsat:public-summary:lock"
SUMMARY_LOCK_SECONDS = 600  # a refresh that died (worker killed) lets another try after this
SUMMARY_KEEP_SECONDS = 7 * 24 * 3600


def public_summary(version: str) -> dict[str, Any] | None:
    """The public home's figures (completion per unit, totals) over every published plan.

    They need the evaluation of every published plan — on the national set ~25 s of CPU when it is not
    in memory — so a visitor never waits for it: the figures are kept in the shared cache with the data
    version and the day they were computed for; when those changed, the last figures are shown (with
    their time) while one process of their own (a lock in the shared cache: one at a time) computes the new
    ones, and the first ever visitor sees the plans with the figures marked as being compiled. Without the
    page cache (tests), or in a process's main thread outside the warm-up (commands, a sync worker), they
    are computed in place."""
    wanted = (version, dt.date.today().isoformat())
    if not settings.GIAMSAT_PAGE_CACHE:
        return _compute_summary(wanted)
    kept = cache.get(SUMMARY_KEY)
    if isinstance(kept, dict) and kept.get("version") == wanted:
        return kept
    if not _serving_thread() and not _ASIDE:
        return _store_summary(wanted)
    if cache.add(SUMMARY_LOCK, "1", SUMMARY_LOCK_SECONDS):
        _start_refresh(wanted)
    return kept if isinstance(kept, dict) else None


def _serving_thread() -> bool:
    """A request handled by one of a server's threads (gunicorn's gthread workers), not a process's main thread."""
    return threading.current_thread() is not threading.main_thread()


_ASIDE: list[bool] = []  # non-empty while the warm-up runs: the master computes nothing in place


@contextmanager
def aside() -> Iterator[None]:
    """Within it, a main thread too starts the refresh aside instead of computing it (the master's warm-up)."""
    _ASIDE.append(True)
    try:
        yield
    finally:
        _ASIDE.pop()


def refresh_command(wanted: tuple[str, str]) -> list[str]:
    """`giamsat public_summary --content-version V --day D`, at a lower priority where `nice` exists."""
    command = [sys.executable, "-m", "django", "public_summary", "--content-version", wanted[0], "--day", wanted[1]]
    nice = shutil.which("nice")
    return [nice, "-n", "10", *command] if nice else command


def _start_refresh(wanted: tuple[str, str]) -> None:
    """Compute the figures in a process of their own; where no process can be started, in a thread."""
    env = {**os.environ, "DJANGO_SETTINGS_MODULE": os.environ.get("DJANGO_SETTINGS_MODULE") or "giamsat.settings"}
    try:
        process = subprocess.Popen(refresh_command(wanted), env=env, stdin=subprocess.DEVNULL,
                                   stdout=subprocess.DEVNULL, start_new_session=True)
    except OSError:
        logger.exception("public summary: no process started, computing in a thread")
        threading.Thread(target=_refresh_in_thread, args=(wanted,), name="giamsat-public-summary",
                         daemon=True).start()
        return
    # Collect its exit status when it ends (no zombie left behind); waiting releases the interpreter lock.
    threading.Thread(target=process.wait, name="giamsat-public-summary-wait", daemon=True).start()


def _refresh_in_thread(wanted: tuple[str, str]) -> None:
    from django.db import connection

    try:
        _refresh_summary(wanted)
    finally:
        connection.close()  # this thread's own connection


def _refresh_summary(wanted: tuple[str, str]) -> None:
    refresh_summary(wanted)


def refresh_summary(wanted: tuple[str, str]) -> dict[str, Any] | None:
    """Compute and keep the figures for `wanted` (version, day), then release the refresh lock."""
    try:
        return _store_summary(wanted)
    except Exception:  # the next visit tries again; the log says why
        logger.exception("public summary failed")
        return None
    finally:
        cache.delete(SUMMARY_LOCK)


def _store_summary(wanted: tuple[str, str]) -> dict[str, Any]:
    summary = _compute_summary(wanted)
    cache.set(SUMMARY_KEY, summary, SUMMARY_KEEP_SECONDS)
    return summary


def _compute_summary(wanted: tuple[str, str]) -> dict[str, Any]:
    evaluation = evaluation_of(public_documents().values_list("pk", flat=True))
    by_unit = _completion_by_unit(evaluation)
    led, done = sum(r["total"] for r in by_unit), sum(r["done"] for r in by_unit)
    now = timezone.now()
    return {"version": wanted, "stamp": now.isoformat(), "computed_at": now, "by_unit": by_unit[:30],
            "targets": len(evaluation.targets), "tasks": len(evaluation.tasks), "done": done,
            "percent": round(100 * done / led) if led else 0}


def evaluation_of(document_ids: Any) -> Any:
    """The engine's evaluation of these plans (as `figures` asks for it, so both share the adapter's cache)."""
    return evaluation_adapter.evaluate_scope(None, dt.date.today(), document_ids=sorted(set(document_ids)))


def _completion_by_unit(evaluation: Any) -> list[dict[str, Any]]:
    """Task completion per responsible unit (the lead; the plan's owner for a task without one) over the
    published plans: the engine's own figures of each unit."""
    from giamsat.org.models import OrgUnit

    done_states = set(figures.DONE)
    counts = {code: (sum(f.task_status.values()), sum(n for s, n in f.task_status.items() if s in done_states))
              for code, f in evaluation.own.items()}
    counts = {code: c for code, c in counts.items() if c[0]}
    names = dict(OrgUnit.objects.values_list("code", "name")) if counts else {}  # cheaper than 4,000 codes in a list
    out = [{"name": names.get(code, code), "total": total, "done": done,
            "percent": round(100 * done / total)} for code, (total, done) in counts.items()]
    return sorted(out, key=lambda r: (-r["total"], r["name"]))

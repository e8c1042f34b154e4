"""gunicorn settings for giamsat: `gunicorn -c scripts/gunicorn.conf.py giamsat.wsgi`.

- gthread workers keep connections alive (sync workers close each one, so every request would pay
  a new TCP connection); threads overlap a request's database waits with another's Python work.
- Workers: one per core plus one (GIL-bound Python; the extra one fills database waits).
- The app is loaded once in the master and its pages are rendered there before the workers fork
  (`caching.warm`): the evaluations and fragments are in memory (and in Redis when shared) before
  the first visitor, and the forked workers share the master's memory pages.
- After the warm-up the master moves everything it holds out of the garbage collector's sight (`gc.freeze`):
  the workers' full collections then walk only what they allocate themselves (GIAMSAT_GUNICORN_GC_FREEZE=0
  turns it off, to compare).

Every value can be overridden on the command line or through GIAMSAT_GUNICORN_* variables.
GIAMSAT_GUNICORN_TIMING=FOLDER writes one line per request (arrival time, path, status, wall and the
handling thread's CPU milliseconds) and one per full collection to FOLDER/requests-PID.tsv: the load
test reads them. GIAMSAT_GUNICORN_SWITCH_MS sets the workers' GIL switch interval (Python's default 5 ms).
"""

from __future__ import annotations

import gc
import os
from typing import Any


def _env_int(name: str, default: int) -> int:
    raw = os.environ.get(name, "")
    return int(raw) if raw.strip() else default


bind = os.environ.get("GIAMSAT_GUNICORN_BIND", "127.0.0.1:8000")
workers = _env_int("GIAMSAT_GUNICORN_WORKERS", (os.cpu_count() or 1) + 1)
worker_class = "gthread"
threads = _env_int("GIAMSAT_GUNICORN_THREADS", 8)
keepalive = 30  # seconds an idle browser connection stays open
backlog = 2048
timeout = 120
graceful_timeout = 30
preload_app = True
WARM_SECONDS = _env_int("GIAMSAT_WARM_SECONDS", 120)
TIMING = os.environ.get("GIAMSAT_GUNICORN_TIMING", "")
GC_FREEZE = os.environ.get("GIAMSAT_GUNICORN_GC_FREEZE", "1") != "0"
SWITCH_INTERVAL_MS = float(os.environ.get("GIAMSAT_GUNICORN_SWITCH_MS", "") or 0)


def post_fork(server: Any, worker: Any) -> None:
    """Each worker: how long a thread holds the GIL before another may run (Python's default 5 ms)."""
    if SWITCH_INTERVAL_MS > 0:
        import sys

        sys.setswitchinterval(SWITCH_INTERVAL_MS / 1000)


def when_ready(server: Any) -> None:
    """Render the cached pages in the master, then drop its database connections (never shared across fork)."""
    if WARM_SECONDS <= 0:
        return
    import time

    from django.db import connections

    from giamsat.portal.caching import warm

    started = time.perf_counter()
    try:
        pages = warm(WARM_SECONDS)
        server.log.info("giamsat: %d pages warmed in %.1f s", pages, time.perf_counter() - started)
    except Exception:  # a warm-up failure must not keep the site down: requests render pages themselves
        server.log.exception("giamsat: warm-up failed")
    finally:
        connections.close_all()
        # Everything the master holds now (the app, compiled templates, warmed pages) lives as long as the
        # workers: out of the collector's sight, a worker's full collections stop walking it (~0.1 s of CPU
        # each with the GIL held, every thread of the worker stalled) and stop writing to its shared pages.
        if GC_FREEZE:
            gc.collect()
            gc.freeze()


if TIMING:
    import threading
    import time

    _timing = threading.local()
    _timing_lock = threading.RLock()  # a collection can start while this thread writes a line
    _timing_files: dict[int, Any] = {}

    def post_worker_init(worker: Any) -> None:
        """Log the worker's full collections (generation 2) beside its requests, as "GC gen2" lines."""
        started: list[float] = []

        def on_gc(phase: str, info: dict[str, Any]) -> None:
            if info.get("generation") != 2:
                return
            if phase == "start":
                started[:] = [time.time(), time.perf_counter(), time.process_time()]
                return
            if started:
                _write(f"{started[0]:.3f}\tGC\tgen2\t-\t{1000 * (time.perf_counter() - started[1]):.1f}"
                       f"\t{1000 * (time.process_time() - started[2]):.2f}\n")

        gc.callbacks.append(on_gc)

    def _write(line: str) -> None:
        pid = os.getpid()
        with _timing_lock:
            out = _timing_files.get(pid)
            if out is None:
                out = _timing_files[pid] = open(os.path.join(TIMING, f"requests-{pid}.tsv"), "a", buffering=1)  # noqa: SIM115 (open for the worker's life)
            out.write(line)

    def pre_request(worker: Any, req: Any) -> None:
        _timing.start = (time.time(), time.perf_counter(), time.thread_time())

    def post_request(worker: Any, req: Any, environ: Any = None, resp: Any = None) -> None:
        started = getattr(_timing, "start", None)
        if started is None:
            return
        wall = 1000 * (time.perf_counter() - started[1])
        cpu = 1000 * (time.thread_time() - started[2])
        status = str(getattr(resp, "status", "") or "").split(" ")[0]
        _write(f"{started[0]:.3f}\t{req.method}\t{req.path}\t{status}\t{wall:.1f}\t{cpu:.2f}\n")

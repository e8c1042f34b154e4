"""The national evaluation with its provinces judged in several processes.

What crosses units and what does not (see `engine`): every unit's tasks,
targets, data checks, warnings and own figures depend on that unit's facts
alone, so they are judged province by province (a province block is the
province and the units under it, contiguous in ``dataset.units``); the plan
cascade (a national target fed by provincial ones), the roll-up along the unit
tree, the scorecards and the rankings among peers cross provinces and are done
once, in the calling process, after the blocks are merged back in unit order.
The result is the serial `engine.evaluate`'s, field by field and in the same
order (tests/test_parallel.py).

How: `workers` processes are forked at a time (``fork`` start method: they
inherit the dataset, nothing is sent to them) and take blocks from a shared
counter, largest first, so a slower process simply takes fewer. Each worker
lives for about 1/`LIVES` of its share of the work, writes its blocks'
results (pickled) to a temporary file and exits; the calling process, which
judges nothing itself, reads each file as its worker ends, forks the next
worker while blocks remain, and merges. Without ``fork`` (Windows, macOS
defaults) or with fewer than two blocks the serial path is used.

Why short lives: a forked worker shares the caller's pages only until it
writes them, and CPython writes the reference count of every object it
reads, so a worker ends up with private copies of the pages of every fact it
judged (a long-lived worker judging half the nation copied ≈ 1.1 GB). A
worker that exits gives its copies back; and the caller, judging nothing,
copies nothing. On the national synthetic set the caller and its workers
together peaked at ≈ 1.9 GB (sum of PSS) against 2.6 GB for two long-lived
processes and 1.5 GB for the serial run.

Costs (``benchmarks/bench_evaluate.py``): pickling is about a quarter of the
judging time, unpickling about a tenth (in the caller, while the workers
judge), plus the forks and their page copies, so the run takes about half
again the serial CPU in all, spread over the cores. Use it where wall time
matters (a batch, the CLI), not inside a threaded web worker (fork copies
one thread only).
"""

from __future__ import annotations

import datetime as dt
import multiprocessing as mp
import os
import pickle
import shutil
import tempfile
from multiprocessing.connection import wait
from multiprocessing.process import BaseProcess
from typing import Any

from giamsat.evaluate.engine import Job, finish, prepare
from giamsat.evaluate.model import Dataset, Evaluation, UnitRef
from giamsat.evaluate.scorecard import DEFAULT_BANDS, ScoreWeights
from giamsat.evaluate.util import paused_gc

TARGET_WEIGHT = 4  # a target costs about four tasks to judge (checks, milestones, projection)
LIVES = 4  # worker processes forked in turn per slot: each copies (and frees at exit) about 1/LIVES of its pages

_Block = tuple[int, int]  # [start, end) indexes into Job.units
_Payload = tuple[int, Evaluation]


def province_blocks(units: list[UnitRef]) -> list[_Block]:
    """Runs of consecutive units belonging to the same top unit below the root(s).

    A root (a unit whose parent is outside the list) is its own block; every
    other unit belongs to the child of a root it descends from (its province).
    When the list is not grouped by province, a province gives several runs:
    still correct (each unit is judged once, and runs merge back in order).
    """
    parent = {u.id: u.parent_id for u in units}
    top: dict[str, str] = {}

    def top_of(uid: str) -> str:
        chain = []
        cur = uid
        while cur not in top:
            p = parent.get(cur)
            if p is None or p not in parent:  # a root
                top[cur] = cur
                break
            gp = parent.get(p)
            if gp is None or gp not in parent:  # a child of a root: a province
                top[cur] = cur
                break
            chain.append(cur)
            cur = p
        t = top[cur]
        for c in chain:
            top[c] = t
        return t

    blocks: list[_Block] = []
    start = 0
    prev: str | None = None
    for i, u in enumerate(units):
        t = top_of(u.id)
        if prev is not None and t != prev:
            blocks.append((start, i))
            start = i
        prev = t
    if units:
        blocks.append((start, len(units)))
    return blocks


def _cost(job: Job, block: _Block) -> int:
    n = 0
    for u in job.units[block[0]:block[1]]:
        n += 1 + len(job.tasks_by.get(u.id, ())) + TARGET_WEIGHT * len(job.targets_by.get(u.id, ()))
    return n


def _judge_block(job: Job, block: _Block) -> Evaluation:
    part = job.empty()
    for u in job.units[block[0]:block[1]]:
        job.judge_unit(u.id, part)
    return part


def _next(counter: Any) -> int:
    with counter.get_lock():
        k = int(counter.value)
        counter.value = k + 1
    return k


def _worker(job: Job, blocks: list[_Block], order: list[int], costs: list[int], counter: Any, share: int,
            path: str) -> None:
    """Judge blocks taken from the counter until about `share` of the work is done, write them to
    `path` and exit (a short life: the pages this process copies are given back soon)."""
    done: list[_Payload] = []
    spent = 0
    while spent < share:
        k = _next(counter)
        if k >= len(order):
            break
        i = order[k]
        done.append((i, _judge_block(job, blocks[i])))
        spent += costs[i]
    with open(path + ".part", "wb") as fh:
        pickle.dump(done, fh, protocol=pickle.HIGHEST_PROTOCOL)
    os.replace(path + ".part", path)


def evaluate_parallel(dataset: Dataset, as_of: dt.date, unit_id: str | None = None,
                      weights: ScoreWeights | None = None,
                      bands: tuple[tuple[float, str], ...] = DEFAULT_BANDS, workers: int = 2) -> Evaluation:
    """`engine.evaluate` with the province blocks judged by `workers` forked processes at a time
    (short-lived: each judges about 1/`LIVES` of its share, then a new one is forked); the calling
    process collects and merges. Same result as the serial evaluation."""
    with paused_gc():
        job = prepare(dataset, as_of, unit_id)
        blocks = province_blocks(job.units)
        width = min(workers, len(blocks))
        if width < 2 or "fork" not in mp.get_all_start_methods():
            ev = job.empty()
            for u in job.units:
                job.judge_unit(u.id, ev)
            return finish(job, ev, weights, bands)
        costs = [_cost(job, b) for b in blocks]
        order = sorted(range(len(blocks)), key=lambda i: (-costs[i], i))  # largest first
        share = max(1, sum(costs) // (width * LIVES))
        ctx = mp.get_context("fork")
        counter = ctx.Value("i", 0)
        parts: dict[int, Evaluation] = {}
        running: dict[int, tuple[BaseProcess, str]] = {}
        tmp = tempfile.mkdtemp(prefix="giamsat-evaluate-")
        forked = 0
        try:
            while True:
                while len(running) < width and counter.value < len(order):
                    path = os.path.join(tmp, f"{forked}.pickle")
                    forked += 1
                    started: BaseProcess = ctx.Process(
                        target=_worker, args=(job, blocks, order, costs, counter, share, path), daemon=True)
                    started.start()
                    running[started.sentinel] = (started, path)
                if not running:
                    break
                for sentinel in wait(list(running)):
                    assert isinstance(sentinel, int)
                    proc, path = running.pop(sentinel)
                    proc.join()
                    if proc.exitcode != 0:
                        raise RuntimeError(f"parallel evaluation: a worker failed (exit code {proc.exitcode})")
                    with open(path, "rb") as fh:
                        for i, part in pickle.load(fh):
                            parts[i] = part
                    os.unlink(path)
        finally:
            for proc, _ in running.values():
                proc.terminate()
                proc.join()
            shutil.rmtree(tmp, ignore_errors=True)
        if len(parts) != len(blocks):
            raise RuntimeError(f"parallel evaluation: {len(parts)}/{len(blocks)} blocks judged")
        ev = job.empty()
        for i in range(len(blocks)):
            _merge(ev, parts.pop(i))
        return finish(job, ev, weights, bands)


def _merge(ev: Evaluation, part: Evaluation) -> None:
    ev.tasks.update(part.tasks)
    ev.targets.update(part.targets)
    ev.issues.extend(part.issues)
    ev.warnings.extend(part.warnings)
    ev.own.update(part.own)


def cpu_count() -> int:
    """Processors this process may run on."""
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # pragma: no cover - not Linux
        return os.cpu_count() or 1

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

How: the workers are forked (``fork`` start method: they inherit the dataset,
nothing is sent to them). The calling process judges blocks too. Blocks are
taken from a shared counter, largest first, so a busy process simply takes
fewer. A worker pickles each block's results as soon as it is judged and
sends it through a pipe; a thread of the calling process reads the pipes and
unpickles as the blocks arrive.
Without ``fork`` (Windows, macOS defaults) the serial path is used.

Costs, on the national synthetic set (``benchmarks/bench_evaluate.py``):
pickling is about a quarter of the judging time of the blocks a worker
judged, unpickling about a tenth, so two processes use about a third more CPU
in all than the serial run for a shorter wall time. Memory: a forked worker
shares the caller's pages only until one of them writes, and CPython writes
the reference count of every object it reads, so the facts judged in the run
end up copied (about 1 GB more at national scale: a worker's private memory).
Use it where wall time matters and memory is plentiful (a batch or the CLI),
not inside a threaded web worker (fork copies one thread only).
"""

from __future__ import annotations

import datetime as dt
import multiprocessing as mp
import os
import pickle
import threading
from multiprocessing.connection import Connection
from typing import Any

from giamsat.evaluate.engine import Job, finish, prepare
from giamsat.evaluate.model import Dataset, Evaluation, UnitRef
from giamsat.evaluate.scorecard import DEFAULT_BANDS, ScoreWeights
from giamsat.evaluate.util import paused_gc

TARGET_WEIGHT = 4  # a target costs about four tasks to judge (checks, milestones, projection)

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


def _worker(job: Job, blocks: list[_Block], order: list[int], counter: Any, conn: Connection) -> None:
    try:
        while True:
            k = _next(counter)
            if k >= len(order):
                break
            i = order[k]
            conn.send_bytes(pickle.dumps((i, _judge_block(job, blocks[i])), protocol=pickle.HIGHEST_PROTOCOL))
    finally:
        conn.send_bytes(b"")
        conn.close()


def _reader(conn: Connection, into: list[_Payload]) -> None:
    """Receive a worker's blocks and unpickle them at once, while this process judges its own
    (the shared counter then gives this process fewer blocks: the unpickling is balanced too)."""
    while True:
        data = conn.recv_bytes()
        if not data:
            break
        into.append(pickle.loads(data))


def evaluate_parallel(dataset: Dataset, as_of: dt.date, unit_id: str | None = None,
                      weights: ScoreWeights | None = None,
                      bands: tuple[tuple[float, str], ...] = DEFAULT_BANDS, workers: int = 2) -> Evaluation:
    """`engine.evaluate` with the province blocks judged by `workers` processes in all (the calling
    one included, so ``workers=2`` forks one). Same result as the serial evaluation."""
    with paused_gc():
        job = prepare(dataset, as_of, unit_id)
        blocks = province_blocks(job.units)
        forks = min(workers, len(blocks)) - 1
        if forks < 1 or "fork" not in mp.get_all_start_methods():
            ev = job.empty()
            for u in job.units:
                job.judge_unit(u.id, ev)
            return finish(job, ev, weights, bands)
        costs = [_cost(job, b) for b in blocks]
        order = sorted(range(len(blocks)), key=lambda i: (-costs[i], i))  # largest first
        ctx = mp.get_context("fork")
        counter = ctx.Value("i", 0)
        procs = []
        readers = []
        received: list[_Payload] = []
        pipes = []
        for _ in range(forks):  # every fork before any reader thread starts
            mine, theirs = ctx.Pipe(duplex=False)
            p = ctx.Process(target=_worker, args=(job, blocks, order, counter, theirs), daemon=True)
            p.start()
            theirs.close()
            procs.append(p)
            pipes.append(mine)
        for mine in pipes:
            t = threading.Thread(target=_reader, args=(mine, received), daemon=True)
            t.start()
            readers.append(t)
        parts: dict[int, Evaluation] = {}
        try:
            while True:
                k = _next(counter)
                if k >= len(order):
                    break
                i = order[k]
                parts[i] = _judge_block(job, blocks[i])
            for t in readers:
                t.join()
        finally:
            for p in procs:
                p.join()
        for i, part in received:
            parts[i] = part
        bad = [p.exitcode for p in procs if p.exitcode != 0]
        if bad or len(parts) != len(blocks):
            raise RuntimeError(f"parallel evaluation: a worker failed (exit codes {bad}, "
                               f"{len(parts)}/{len(blocks)} blocks judged)")
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

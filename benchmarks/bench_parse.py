"""Parse speed on the largest OCR seed (~70 KB), one core, restorer timed separately.

Usage: .venv/bin/python benchmarks/bench_parse.py [SHARED_DIR]
Prints the whole parse's CPU time (the figure to quote on a shared machine), the reader's time (read + clean + outline + extraction), the restorer's time, and a
ratio to a trivial same-process reference (splitting the text into lines and words). Each is the median of 5 parses of
the same text, which the restorer's caches (candidates per word, trigram scores) have seen; two more figures:
- new text: the seed degraded like the seeds (`quality.degrade`) with another seed each run, so its damaged words are
  new to the process (the candidate search runs again), as a document a user sends is;
- reference: the largest reference plan (clean text, no OCR).
"""

from __future__ import annotations

import os
import re
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from giamsat.ingest import restore  # noqa: E402
from giamsat.ingest.pipeline import parse_bytes  # noqa: E402
from giamsat.ingest.quality import degrade  # noqa: E402


def _reference(text: str) -> int:
    return sum(len(re.findall(r"\w+", line)) for line in text.splitlines())


def _cpu(data: bytes) -> float:
    c0 = time.process_time()
    parse_bytes(data)
    return time.process_time() - c0


def main() -> None:
    shared = Path(sys.argv[1] if len(sys.argv) > 1 else os.environ.get("GIAMSAT_SHARED_DIR", ROOT.parent / "shared"))
    path = max((shared / "seeds").glob("*.txt"), key=lambda p: p.stat().st_size)
    data = path.read_bytes()
    parse_bytes(data)                                   # warm caches (regexes, registry, restorer model)
    runs = []
    cpu = []
    for _ in range(5):
        c0 = time.process_time()
        plan = parse_bytes(data)
        cpu.append(time.process_time() - c0)
        runs.append(plan.timings)
    parse = statistics.median(r["parse"] + r["read"] for r in runs)
    rest = statistics.median(r["restore"] for r in runs)
    text = data.decode("utf-8")
    ref = []
    for _ in range(5):
        t0 = time.perf_counter()
        _reference(text)
        ref.append(time.perf_counter() - t0)
    base = statistics.median(ref)
    restorer = "placeholder" if restore.restore_text("Sở") == "Sở" and restore.restore_text("So") == "So" else "active"
    print(f"file: {path.name} ({len(data) / 1024:.1f} KB, {text.count(chr(10))} lines)")
    print(f"reader (read+clean+outline+extract): {parse * 1000:8.1f} ms  {'OK' if parse < 1 else 'SLOW'} (< 1 s)")
    print(f"restorer ({restorer}):                {rest * 1000:8.1f} ms  (reported separately)")
    print(f"whole parse, CPU time of this process (one thread): {statistics.median(cpu) * 1000:8.1f} ms "
          f"({'OK' if statistics.median(cpu) < 1 else 'SLOW'} < 1 s; wall figures above are meaningless on a loaded machine)")
    print(f"reference (regex line/word split):   {base * 1000:8.1f} ms  ratio reader/reference = {parse / base:.0f}x")
    print(f"found: {len(plan.tasks)} tasks, {len(plan.targets)} targets, {len(plan.assignments)} assignments")
    fresh = statistics.median(_cpu(degrade(text, seed=1000 + k).encode()) for k in range(5))
    print(f"new text (degraded anew each run), CPU: {fresh * 1000:8.1f} ms ({'OK' if fresh < 1 else 'SLOW'} < 1 s)")
    references = sorted((shared / "reference").glob("*.txt"), key=lambda p: p.stat().st_size)
    if references:
        ref_data = references[-1].read_bytes()
        parse_bytes(ref_data)
        ref_cpu = statistics.median(_cpu(ref_data) for _ in range(3))
        print(f"reference {references[-1].name} ({len(ref_data) / 1024:.1f} KB, clean text), CPU: {ref_cpu * 1000:8.1f} ms")


if __name__ == "__main__":
    main()

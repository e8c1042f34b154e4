"""Throughput of the diacritics restorer on one core, against a trivial reference.

    .venv/bin/python benchmarks/bench_restore.py [--repeat N]

Input: the five OCR seed plans from the shared folder (../shared/seeds, or $GIAMSAT_SHARED_DIR).
Prints syllables per CPU-second (one core) for a cold pass (empty candidate cache: every distinct token is
searched), warm passes (cache filled, as when a long document or many documents go through one
process), and for stripping accents with `unicodedata` over the same text, with the ratio.
"""

from __future__ import annotations

import argparse
import time
import unicodedata

from giamsat.ingest.restore.build import shared_dir
from giamsat.ingest.restore.decoder import Restorer
from giamsat.ingest.restore.gold import words


def strip_accents(text: str) -> str:
    decomposed = unicodedata.normalize("NFD", text)
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def timed(fn, *args):  # type: ignore[no-untyped-def]
    """CPU seconds of this process: on a shared, busy machine wall time measures the neighbours."""
    start = time.process_time()
    result = fn(*args)
    return result, time.process_time() - start


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    seeds = sorted((shared_dir() / "seeds").glob("*.txt"))
    text = "\n".join(p.read_text(encoding="utf-8") for p in seeds)
    syllables = len(words(text))
    print(f"input: {len(seeds)} seed files, {len(text):,} chars, {syllables:,} syllables")

    restorer, load = timed(Restorer)
    print(f"model load: {load:.2f} s")
    _, cold = timed(restorer.restore_text, text)
    print(f"cold pass:  {syllables / cold:10,.0f} syllables/s ({cold:.2f} s)")
    warm = min(timed(restorer.restore_text, text)[1] for _ in range(args.repeat))
    print(f"warm pass:  {syllables / warm:10,.0f} syllables/s ({warm:.2f} s)")
    ref = min(timed(strip_accents, text)[1] for _ in range(args.repeat))
    print(f"reference (unicodedata strip accents): {syllables / ref:10,.0f} syllables/s")
    print(f"restorer / reference: cold {ref / cold:.3f}, warm {ref / warm:.3f}")


if __name__ == "__main__":
    main()

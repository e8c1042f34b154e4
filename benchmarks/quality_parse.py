"""Precision/recall of tasks and targets and field accuracy, per input kind, against hand-made gold.

Usage: .venv/bin/python benchmarks/quality_parse.py [SHARED_DIR] [--details]
(--details also lists every missed or wrong OCR'd item: lead, deadline, value)
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from giamsat.ingest.quality import evaluate, misses, report  # noqa: E402


def main() -> None:
    args = [a for a in sys.argv[1:] if not a.startswith("--")]
    shared = Path(args[0] if args else os.environ.get("GIAMSAT_SHARED_DIR", ROOT.parent / "shared"))
    print(report(evaluate(shared)))
    if "--details" in sys.argv:
        for line in misses(shared):
            print(line)


if __name__ == "__main__":
    main()

"""Precision/recall of tasks and targets and field accuracy, per input kind, against hand-made gold.

Usage: .venv/bin/python benchmarks/quality_parse.py [SHARED_DIR]
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from giamsat.ingest.quality import evaluate, report  # noqa: E402


def main() -> None:
    shared = Path(sys.argv[1] if len(sys.argv) > 1 else os.environ.get("GIAMSAT_SHARED_DIR", ROOT.parent / "shared"))
    print(report(evaluate(shared)))


if __name__ == "__main__":
    main()

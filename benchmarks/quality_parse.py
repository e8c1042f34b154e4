"""Precision/recall of tasks and targets and field accuracy, per input kind, against hand-made gold.

Usage: .venv/bin/python benchmarks/quality_parse.py [SHARED_DIR] [--by-file] [--details[=KIND,KIND]] [--only=PREFIX]
(--by-file: one line per input kind and gold file; --details: every missed, extra or wrong item
(lead, deadline, value) of the given input kinds, OCR text by default; --only: the gold files whose name
starts with PREFIX, e.g. --only=forms for the plans of other forms written for giamsat, tests/data/forms/,
each read as clean text, DOCX, two text PDFs, a scan with word boxes, its plain OCR text and that text
degraded like the seeds.)
The reference plan is also rendered as DOCX, text PDF and a scan (cached under var/quality/);
GIAMSAT_QUALITY_SCAN_PAGES (default 10) bounds the pages OCR'd, 0 skips the scan;
GIAMSAT_QUALITY_SCAN_SKIP starts the scan that many pages into the annex (a held-out sample).
OCR text without positions: every page of the reference plans scanned and read by Tesseract `vie` as plain
text (cached under var/quality/ocrtext/), as is ("ocr_plain") and degraded like the seeds
("ocr_plain_degraded", quality.degrade: seeded); each split by page into "/dev" (odd pages, looked at
while improving the reader) and "/held" (even pages, held out). GIAMSAT_QUALITY_OCR_TEXT_PAGES (default 80)
bounds the pages, 0 skips it.
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
    only = next((a.split("=", 1)[1] for a in sys.argv if a.startswith("--only=")), "")
    print(report(evaluate(shared, by_file="--by-file" in sys.argv, only=only)))
    for arg in sys.argv:
        if arg.startswith("--details"):
            kinds = tuple(arg.split("=", 1)[1].split(",")) if "=" in arg else ("ocr_text",)
            for line in misses(shared, kinds, only):
                print(line)


if __name__ == "__main__":
    main()

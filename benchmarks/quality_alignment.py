"""Quality of the suggested target → indicator mappings, against mappings made by hand.

    .venv/bin/python benchmarks/quality_alignment.py [--cutoff 70] [--show-errors]

Gold: giamsat/alignment/tests/data/gold_mappings.json — every target the plan reader
extracted from the five seed plans (names as read, OCR damage included) and the targets
read by hand for the tests, each mapped by hand to a catalogue indicator or to none.
The matcher (giamsat/alignment/matching.py, Django-free) suggests at most one indicator
per target (its best, when the score reaches the cutoff).

precision = correct suggestions / suggestions made
recall    = correct suggestions / targets that have an indicator in the gold
top-3 recall: the right indicator is among the three best suggestions.
Printed per source (parser, hand), overall, and for several cutoffs.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from giamsat.alignment.catalogue import INDICATORS  # noqa: E402
from giamsat.alignment.matching import SUGGEST_CUTOFF, IndicatorEntry, suggest  # noqa: E402

GOLD = ROOT / "giamsat" / "alignment" / "tests" / "data" / "gold_mappings.json"


def evaluate(items: list[dict[str, Any]], cutoff: float) -> dict[str, Any]:
    entries = [IndicatorEntry(i.code, (i.name, *i.synonyms), i.unit) for i in INDICATORS]
    made = correct = top3 = 0
    errors: list[str] = []
    positives = sum(1 for it in items if it["indicator"])
    for it in items:
        found = suggest(it["name"], it["unit"], entries, cutoff=cutoff, limit=3)
        best = found[0].key if found else None
        made += best is not None
        correct += best is not None and best == it["indicator"]
        top3 += bool(it["indicator"]) and it["indicator"] in {s.key for s in found}
        if best != it["indicator"]:
            errors.append(f"  {it['plan']:<12} gold={it['indicator'] or '—':<24} got={best or '—':<24} {it['name'][:70]}")
    return {
        "items": len(items), "positives": positives, "suggested": made, "correct": correct,
        "precision": correct / made if made else 0.0, "recall": correct / positives if positives else 0.0,
        "top3_recall": top3 / positives if positives else 0.0, "errors": errors,
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--cutoff", type=float, default=SUGGEST_CUTOFF)
    parser.add_argument("--show-errors", action="store_true")
    args = parser.parse_args()
    items = json.loads(GOLD.read_text(encoding="utf-8"))["items"]
    t0 = time.perf_counter()
    groups = {"parser": [i for i in items if i["source"] == "parser"], "hand": [i for i in items if i["source"] == "hand"],
              "all": items}
    print(f"Gold: {len(items)} targets, {sum(1 for i in items if i['indicator'])} with an indicator; "
          f"catalogue: {len(INDICATORS)} indicators; cutoff {args.cutoff:g}")
    print(f"{'source':<8} {'targets':>7} {'gold+':>6} {'sugg.':>6} {'right':>6} {'precision':>9} {'recall':>7} {'top-3 rec.':>10}")
    for name, group in groups.items():
        r = evaluate(group, args.cutoff)
        print(f"{name:<8} {r['items']:>7} {r['positives']:>6} {r['suggested']:>6} {r['correct']:>6} "
              f"{r['precision']:>9.3f} {r['recall']:>7.3f} {r['top3_recall']:>10.3f}")
    print("\nBy cutoff (all targets):")
    for cutoff in (50, 60, 70, 80, 90):
        r = evaluate(items, cutoff)
        print(f"  cutoff {cutoff:>3}: precision {r['precision']:.3f}  recall {r['recall']:.3f}")
    elapsed = time.perf_counter() - t0
    print(f"\nTime: {elapsed:.2f} s for {len(items) * 7} matchings ({1000 * elapsed / (len(items) * 7):.1f} ms each)")
    if args.show_errors:
        print("\nDisagreements with the gold:")
        print("\n".join(evaluate(items, args.cutoff)["errors"]))


if __name__ == "__main__":
    main()

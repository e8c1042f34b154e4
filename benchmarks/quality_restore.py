"""The diacritics restorer on text it was not built from: the plans of other forms written for giamsat
(giamsat/ingest/tests/data/forms/), which no source of the model holds.

    .venv/bin/python benchmarks/quality_restore.py [--by-file] [--only=PREFIX] [--errors]

Three measures, words (syllables) exactly right against the form's clean text (difflib over the words, as
`restore.gold` scores a line):
- degraded: the clean text degraded like the seeds (`quality.degrade`, seeded by form, marks stripped and
  glyphs confused, no lines joined or split), restored line for line: words right before and after;
- clean: the clean text restored as is; the restorer must keep it (lines changed);
- ocr: the form's scan read by Tesseract `vie` as plain text (quality_parse's cache, var/quality/ocrtext/; a
  form not yet cached is skipped), as is, degraded like the seeds and restored: OCR's own misreadings count
  against all three, so the restorer's part is the gain from "degraded" to "restored".
--errors prints the restored words that differ from the clean text's (degraded measure), most frequent first.
"""

from __future__ import annotations

import difflib
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from giamsat.ingest.quality import cached_form_scan, cached_ocr_text, degrade  # noqa: E402
from giamsat.ingest.restore import Restorer  # noqa: E402
from giamsat.ingest.restore.gold import words  # noqa: E402

FORMS = ROOT / "giamsat" / "ingest" / "tests" / "data" / "forms"


def right(restored: str, clean: str, misses: Counter[tuple[str, str]] | None = None) -> tuple[int, int]:
    """(words of `clean` that `restored` has in the same order, words of `clean`)."""
    ref, out = words(clean), words(restored)
    matcher = difflib.SequenceMatcher(a=ref, b=out, autojunk=False)
    if misses is not None:
        for tag, i1, i2, j1, j2 in matcher.get_opcodes():
            if tag == "replace" and i2 - i1 == j2 - j1:
                misses.update(zip(ref[i1:i2], out[j1:j2], strict=True))
    return sum(b.size for b in matcher.get_matching_blocks()), len(ref)


def ocr_pages(text: str) -> list[str] | None:
    """The plain OCR text quality_parse cached for this form's scan, or None when it is not cached whole."""
    scan = cached_form_scan(text)
    return cached_ocr_text(scan) if scan is not None else None


def main() -> None:
    only = next((a.split("=", 1)[1] for a in sys.argv if a.startswith("--only=")), "")
    by_file = "--by-file" in sys.argv
    restorer = Restorer()
    misses: Counter[tuple[str, str]] = Counter()
    total = Counter[str]()
    for n, path in enumerate(sorted(FORMS.glob("*.txt")), 1):
        if not path.stem.startswith(only):
            continue
        clean = path.read_text(encoding="utf-8")
        damaged = degrade(clean, seed=n, join=0.0, split=0.0)
        before, count = right(damaged, clean)
        after, _ = right(restorer.restore_text(damaged), clean, misses)
        kept = restorer.restore_text(clean).split("\n")
        changed = sum(a != b for a, b in zip(kept, clean.split("\n"), strict=True))
        lines = sum(1 for line in clean.split("\n") if line.strip())
        row = Counter(words=count, degraded=before, restored=after, changed=changed, lines=lines)
        line = (f"{path.stem:45} degraded {before}/{count} -> restored {after}/{count}; "
                f"clean lines changed {changed}/{lines}")
        pages = ocr_pages(clean)
        if pages is not None:
            ocr = "\n\n".join(pages)
            bad = "\n\n".join(degrade(t, seed=k) for k, t in enumerate(pages, 1))
            as_is, _ = right(ocr, clean)
            hurt, _ = right(bad, clean)
            fixed, _ = right(restorer.restore_text(bad), clean)
            row.update(ocr_words=count, ocr_as_is=as_is, ocr_degraded=hurt, ocr_restored=fixed)
            line += f"; ocr as is {as_is}, degraded {hurt} -> restored {fixed}"
        total.update(row)
        if by_file:
            print(line)
    print(f"forms' clean text degraded: {total['degraded']} -> restored {total['restored']}/{total['words']} words right"
          f" ({100 * total['restored'] / max(1, total['words']):.2f} %); clean lines changed "
          f"{total['changed']}/{total['lines']}")
    if total["ocr_words"]:
        print(f"forms' OCR text (cached forms only, {total['ocr_words']} words): as is {total['ocr_as_is']}, "
              f"degraded {total['ocr_degraded']} -> restored {total['ocr_restored']}")
    if "--errors" in sys.argv:
        for (want, got), k in misses.most_common(60):
            print(f"{k:4}  {want} -> {got}")


if __name__ == "__main__":
    main()

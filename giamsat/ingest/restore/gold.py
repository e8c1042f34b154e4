"""Syllable accuracy of the restorer on the hand-corrected gold lines.

    python -m giamsat.ingest.restore.gold [--split tune|hold|all] [--errors]

A gold syllable counts as right when it is matched, exactly (case and marks), by the restored
line in a longest-common-subsequence alignment of word tokens; so a token the OCR split or
merged costs what it should and never shifts the rest of the line.
"""

from __future__ import annotations

import argparse
import difflib
from dataclasses import dataclass
from pathlib import Path

from .build import GOLD, dev_rows, read_gold, seed_line, shared_dir
from .syllable import is_word, tokenize


@dataclass
class Score:
    right: int = 0
    total: int = 0

    @property
    def accuracy(self) -> float:
        return self.right / self.total if self.total else 1.0


def words(line: str) -> list[str]:
    return [t for t in tokenize(line) if is_word(t) and any(c.isalpha() for c in t)]


def score_line(restored: str, gold: str) -> tuple[int, int, list[tuple[str, str]]]:
    """(right, total, [(gold word, restored words)] for the misses) of one line."""
    out, ref = words(restored), words(gold)
    matcher = difflib.SequenceMatcher(a=ref, b=out, autojunk=False)
    right = sum(block.size for block in matcher.get_matching_blocks())
    misses = [(" ".join(ref[i1:i2]), " ".join(out[j1:j2]))
              for tag, i1, i2, j1, j2 in matcher.get_opcodes() if tag != "equal" and i2 > i1]
    return right, len(ref), misses


def evaluate(split: str, shared: Path | None = None, gold_path: Path = GOLD,
             show_errors: bool = False, model: Path | None = None, dev_fold: int | None = None,
             in_document: bool = False) -> Score:
    """Score gold lines restored alone, or (in_document) as lines of their whole restored seed
    file, which is how `giamsat restore` sees them: a line then has its paragraph as context."""
    from . import get_restorer
    from .decoder import Restorer

    restorer = Restorer(model) if model else get_restorer()
    shared = shared or shared_dir()
    score = Score()
    rows = dev_rows(dev_fold) if dev_fold is not None else read_gold(gold_path)
    documents: dict[str, list[str]] = {}
    for name, number, row_split, text in rows:
        if split != "all" and row_split != split:
            continue
        if in_document:
            if name not in documents:
                raw = (shared / "seeds" / name).read_text(encoding="utf-8")
                documents[name] = restorer.restore_text(raw).split("\n")
            restored = documents[name][number - 1]
        else:
            restored = restorer.restore_text(seed_line(shared, name, number))
        right, total, misses = score_line(restored, text)
        score.right += right
        score.total += total
        if show_errors and misses:
            print(f"{name}:{number}: {restored.strip()}")
            for ref, got in misses:
                print(f"    {ref!r} <- {got!r}")
    return score


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--split", default="tune", choices=["tune", "hold", "all"])
    parser.add_argument("--errors", action="store_true")
    parser.add_argument("--model", type=Path, default=None)
    parser.add_argument("--dev-fold", type=int, default=None)
    parser.add_argument("--in-document", action="store_true", help="restore whole seed files, then score")
    args = parser.parse_args()
    score = evaluate(args.split, show_errors=args.errors, model=args.model, dev_fold=args.dev_fold,
                     in_document=args.in_document)
    print(f"{args.split}: {score.right}/{score.total} syllables right = {score.accuracy:.4f}")


if __name__ == "__main__":
    main()

"""OCR confusion model: how likely a damaged character run is, given the true syllable letter.

Each letter of the true syllable emits 0, 1 or 2 characters of the OCR token ("ố" -> "6",
"ứ" -> "ir", "ủ" -> "ti", a dropped vowel -> ""). A hand-set prior says which confusions are
plausible; counts learned from aligned (damaged, corrected) pairs sharpen it. Candidate
syllables for a token come from a search over the syllable prefix tree with these costs.
"""

from __future__ import annotations

import math
from collections import Counter, defaultdict
from collections.abc import Iterable

from .syllable import VOWELS, analyse_char

# Damage seen for a letter family (letter without tone) beyond losing its marks.
CONFUSABLE: dict[str, str] = {
    "o": "6 0 d b 9 ¢ & a c u e q § oé o6 od do",
    "ô": "6 0 d b 9 ¢ & a c u e q § oé o6 od do ¢6 é",
    "ơ": "6 0 d b 9 & a c ¢ u e g ao aé ai é oe",
    "e": "¢ € & c é o a",
    "ê": "¢ € & c é g o a d €é é€ ¢é",
    "a": "4 @ & o e i éa ea fi é",
    "ă": "4 i a o e @",
    "â": "4 i a o e @ & é",
    "u": "w i ii ir tr ti y a t",
    "ư": "w i ii ir tr ti it if il im u y g t yu lr ur iu ft",
    "i": "1 l j | t",
    "y": "v j ¥ §",
    "l": "1 i | I",
    "đ": "p b dp",
    "d": "p",
    "s": "$ 5",
    "g": "q e",
    "t": "f",
    "n": "r m",
    "m": "rn",
    "h": "b",
    "r": "n",
    "c": "e ¢",
}

PRIOR_ALPHA = 3.0
FAMILY_ALPHA = 5.0
BASE_ALPHA = 20.0
PRIOR_FLOOR = 0.05
VOWEL_DROP = 0.01
MAX_COST = 14.0
REVERSE_LIMIT = 10.0


class Channel:
    """Costs -log P(seg | letter) with learned counts smoothed towards the prior."""

    def __init__(self, counts: dict[str, Counter[str]] | None = None) -> None:
        self.counts: dict[str, Counter[str]] = counts or {}
        # Sparse per-letter counts back off to the letter's family (ủ -> u, ố -> ô) and base (o).
        self.family_counts: dict[str, Counter[str]] = defaultdict(Counter)
        self.base_counts: dict[str, Counter[str]] = defaultdict(Counter)
        for c, segs in self.counts.items():
            base, family, _ = analyse_char(c)
            self.family_counts[family].update(segs)
            self.base_counts[base].update(segs)
        self._cache: dict[tuple[str, str], float] = {}
        self.reverse: dict[str, list[tuple[str, float]]] = {}

    def prior(self, c: str, seg: str) -> float:
        base, family, _tone = analyse_char(c)
        if seg == c:
            return 0.35 if c != base else 0.9
        if seg == base:
            return 0.45
        if len(seg) == 0:
            return VOWEL_DROP if base in VOWELS else 0.002
        conf = CONFUSABLE.get(family, "").split() + CONFUSABLE.get(base, "").split()
        if seg in conf:
            return 0.02
        if len(seg) == 1:
            sbase = analyse_char(seg)[0]
            if sbase == base:
                return 0.02
            return 0.0003
        if seg[0] in (c, base) or seg[1] in (c, base):
            return 0.002
        return 0.0002

    def cost(self, c: str, seg: str) -> float:
        hit = self._cache.get((c, seg))
        if hit is not None:
            return hit
        base, family, _ = analyse_char(c)
        prior = self.prior(c, seg)
        p = prior
        for table, name, strength in ((self.base_counts, base, BASE_ALPHA),
                                      (self.family_counts, family, FAMILY_ALPHA),
                                      (self.counts, c, PRIOR_ALPHA)):
            segs = table.get(name)
            if segs:
                p = (segs.get(seg, 0) + strength * p) / (segs.total() + strength)
        # Keep some prior mass: a confusion absent from a few hundred examples is rare, not impossible.
        p = (1 - PRIOR_FLOOR) * p + PRIOR_FLOOR * prior
        value = min(MAX_COST, -math.log(p))
        self._cache[(c, seg)] = value
        return value

    def build_reverse(self, alphabet: Iterable[str], limit: float = REVERSE_LIMIT) -> None:
        """Index seg -> [(letter, cost)] over the plausible confusions, for candidate search."""
        rev: dict[str, list[tuple[str, float]]] = defaultdict(list)
        for c in alphabet:
            base, family, _ = analyse_char(c)
            segs = {c, base, ""}
            segs.update(CONFUSABLE.get(family, "").split())
            segs.update(CONFUSABLE.get(base, "").split())
            segs.update(s for s in self.counts.get(c, {}) if len(s) <= 2)
            segs.update(s for s in self.family_counts.get(family, {}) if len(s) <= 2)
            for tone_variant in alphabet:
                if analyse_char(tone_variant)[0] == base:
                    segs.add(tone_variant)
            for seg in segs:
                if seg == "" and base not in VOWELS:
                    continue
                value = self.cost(c, seg)
                if value <= limit:
                    rev[seg].append((c, value))
        self.reverse = {k: sorted(v, key=lambda x: x[1]) for k, v in rev.items()}

    def align(self, damaged: str, target: str) -> list[str] | None:
        """Best segmentation of `damaged` into one run per letter of `target` (Viterbi)."""
        n, m = len(damaged), len(target)
        inf = float("inf")
        best = [[inf] * (n + 1) for _ in range(m + 1)]
        back: list[list[int]] = [[0] * (n + 1) for _ in range(m + 1)]
        best[0][0] = 0.0
        for i in range(m):
            c = target[i]
            for j in range(n + 1):
                here = best[i][j]
                if here == inf:
                    continue
                for k in (0, 1, 2):
                    if j + k > n:
                        break
                    value = here + self.cost(c, damaged[j : j + k])
                    if value < best[i + 1][j + k]:
                        best[i + 1][j + k] = value
                        back[i + 1][j + k] = k
        if best[m][n] == inf:
            return None
        segs: list[str] = []
        j = n
        for i in range(m, 0, -1):
            k = back[i][j]
            segs.append(damaged[j - k : j])
            j -= k
        segs.reverse()
        return segs


def learn_counts(pairs: list[tuple[str, str]], rounds: int = 3) -> dict[str, Counter[str]]:
    """Hard-EM over aligned (damaged token, true syllable) pairs, both lowercase."""
    counts: dict[str, Counter[str]] = {}
    for _ in range(rounds):
        channel = Channel(counts)
        fresh: dict[str, Counter[str]] = defaultdict(Counter)
        for damaged, target in pairs:
            if len(damaged) > 2 * len(target) or not target:
                continue
            segs = channel.align(damaged, target)
            if segs is None:
                continue
            for c, seg in zip(target, segs, strict=True):
                fresh[c][seg] += 1
        counts = dict(fresh)
    return counts

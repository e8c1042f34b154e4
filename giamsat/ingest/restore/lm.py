"""Syllable trigram language model, Witten-Bell interpolated, over integer ids.

Scores are precomputed into flat dicts keyed by packed ids so the decoder's inner loop is a
couple of dict lookups per transition.
"""

from __future__ import annotations

import math
from array import array
from collections import Counter
from collections.abc import Iterable
from typing import Any

SHIFT = 20
BOS = "<s>"
UNK = "<unk>"


class TrigramLM:
    def __init__(self, vocab: list[str], uni: Counter[str], bi: Counter[tuple[str, str]],
                 tri: Counter[tuple[str, str, str]], names: set[tuple[str, ...]] | None = None) -> None:
        words = [BOS, UNK, *sorted(set(vocab) | set(uni) - {BOS, UNK})]
        self.ids: dict[str, int] = {w: i for i, w in enumerate(words)}
        self.words = words
        self.unk = self.ids[UNK]
        self.bos = self.ids[BOS]
        size = len(words)
        total = sum(uni.values())
        self.uni = [math.log((uni.get(w, 0) + 0.5) / (total + 0.5 * size)) for w in words]
        self.uni[self.bos] = -30.0
        self.bi, self.bow1 = self._interpolate(bi.items(), self.uni)
        self.tri, self.bow2 = self._interpolate(tri.items(), None)
        # The same scores without the grams seen only with a capitalised last word (names), for a
        # word in lower case: those fall back to the lower order.
        dropped = {self._key(g) for g in names or () if all(w in self.ids for w in g)}
        self.bi_lower = {k: v for k, v in self.bi.items() if k not in dropped}
        self.tri_lower = {k: v for k, v in self.tri.items() if k not in dropped}

    # the score tables, by name, as `tables` writes them and `from_tables` reads them back; the names' lower-case
    # tables are their full table less the grams seen only in names, and are written so
    SCORES = ("bi", "bow1", "tri", "bow2")
    LOWER = (("bi_lower", "bi"), ("tri_lower", "tri"))

    def tables(self) -> dict[str, Any]:
        """The built tables as flat arrays (for `restore.tables`): the words, unigram scores, each score dict's keys
        and values in its order, and the keys each lower-case table drops."""
        out: dict[str, Any] = {"words": list(self.words), "uni": array("d", self.uni)}
        for name in self.SCORES:
            scores: dict[int, float] = getattr(self, name)
            out[f"{name}.keys"] = array("q", scores.keys())
            out[f"{name}.values"] = array("d", scores.values())
        for name, full in self.LOWER:
            kept: dict[int, float] = getattr(self, name)
            out[f"{name}.dropped"] = array("q", [k for k in getattr(self, full) if k not in kept])
        return out

    @classmethod
    def from_tables(cls, tables: dict[str, Any]) -> TrigramLM:
        """The model `tables()` wrote, without counting or interpolating again."""
        lm = cls.__new__(cls)
        lm.words = list(tables["words"])
        lm.ids = {w: i for i, w in enumerate(lm.words)}
        lm.unk = lm.ids[UNK]
        lm.bos = lm.ids[BOS]
        lm.uni = tables["uni"].tolist()
        if len(lm.uni) != len(lm.words):
            raise ValueError(f"{len(lm.words)} words, {len(lm.uni)} unigram scores")
        for name in cls.SCORES:
            keys, values = tables[f"{name}.keys"], tables[f"{name}.values"]
            if len(keys) != len(values):
                raise ValueError(f"{name}: {len(keys)} keys, {len(values)} values")
            setattr(lm, name, dict(zip(keys, values, strict=True)))
        for name, full in cls.LOWER:
            # a copy less some keys keeps the others' order, as the comprehension in __init__ does
            kept: dict[int, float] = getattr(lm, full).copy()
            for key in tables[f"{name}.dropped"]:
                del kept[key]
            setattr(lm, name, kept)
        return lm

    def _key(self, gram: tuple[str, ...]) -> int:
        key = 0
        for w in gram:
            key = (key << SHIFT) | self.ids.get(w, self.unk)
        return key

    def _interpolate(self, grams: Iterable[tuple[tuple[str, ...], int]], lower: list[float] | None
                     ) -> tuple[dict[int, float], dict[int, float]]:
        ids, unk = self.ids, self.unk
        packed: dict[int, int] = {}
        for gram, n in grams:
            key = 0
            for w in gram:
                key = (key << SHIFT) | ids.get(w, unk)
            packed[key] = packed.get(key, 0) + n
        ctx_count: dict[int, int] = {}
        ctx_types: dict[int, int] = {}
        for key, n in packed.items():
            ctx = key >> SHIFT
            ctx_count[ctx] = ctx_count.get(ctx, 0) + n
            ctx_types[ctx] = ctx_types.get(ctx, 0) + 1
        mask = (1 << SHIFT) - 1
        log, exp = math.log, math.exp
        # per context: the denominator and Witten-Bell's lambda
        ctx_norm = {ctx: (ctx_count[ctx] + t, t / (ctx_count[ctx] + t)) for ctx, t in ctx_types.items()}
        scores: dict[int, float] = {}
        if lower is not None:
            for key, n in packed.items():
                denom, lam = ctx_norm[key >> SHIFT]
                scores[key] = log(n / denom + lam * exp(lower[key & mask]))
        else:
            bi, bow1, uni = self.bi, self.bow1, self.uni
            for key, n in packed.items():
                denom, lam = ctx_norm[key >> SHIFT]
                b, c = (key >> SHIFT) & mask, key & mask
                low = bi.get((b << SHIFT) | c)
                if low is None:
                    low = bow1.get(b, 0.0) + uni[c]
                scores[key] = log(n / denom + lam * exp(low))
        bows = {ctx: log(ctx_types[ctx] / (ctx_count[ctx] + ctx_types[ctx])) for ctx in ctx_count}
        return scores, bows

    def score2(self, b: int, c: int) -> float:
        v = self.bi.get((b << SHIFT) | c)
        if v is not None:
            return v
        return self.bow1.get(b, 0.0) + self.uni[c]

    def score3(self, a: int, b: int, c: int) -> float:
        k2 = (a << SHIFT) | b
        v = self.tri.get((k2 << SHIFT) | c)
        if v is not None:
            return v
        return self.bow2.get(k2, 0.0) + self.score2(b, c)

    def id(self, word: str) -> int:
        return self.ids.get(word, self.unk)

"""The decoder's Viterbi finds the spelling a search over every combination of candidates finds: each transition
scored as the trigram's score, or its back-off (the bigram's score or its own back-off, plus the context's weight),
the names' grams left out for a word OCR read in lower case, less the candidates' channel costs."""

from __future__ import annotations

import itertools

from giamsat.ingest.restore.decoder import Restorer
from giamsat.ingest.restore.lm import SHIFT
from giamsat.ingest.restore.syllable import tokenize


def _score(restorer: Restorer, a: int, b: int, c: int, lower: bool) -> float:
    lm = restorer.lm
    tri, bi = (lm.tri_lower, lm.bi_lower) if lower else (lm.tri, lm.bi)
    v = tri.get((((a << SHIFT) | b) << SHIFT) | c)
    if v is not None:
        return v
    w = bi.get((b << SHIFT) | c)
    if w is None:
        w = lm.bow1.get(b, 0.0) + lm.uni[c]
    return w + lm.bow2.get((a << SHIFT) | b, 0.0)


def test_the_decoder_finds_the_best_spelling_of_every_combination() -> None:
    restorer = Restorer()
    line = "chuyen ddi s6 trén dia"
    tokens = tokenize(line)
    positions = [(t, c) for t in range(len(tokens)) if (c := restorer._position(tokens, t, False)) is not None]
    assert sum(len(ids) > 1 for _, (ids, _, _) in positions) >= 4  # damaged words with several readings
    best, best_path = float("-inf"), None
    for path in itertools.product(*(range(len(ids)) for _, (ids, _, _) in positions)):
        a = b = restorer.lm.unk
        total = 0.0
        for (t, (ids, costs, _)), i in zip(positions, path, strict=True):
            total += _score(restorer, a, b, ids[i], tokens[t][:1].islower()) - costs[i]
            a, b = b, ids[i]
        if total > best:
            best, best_path = total, path
    assert best_path is not None
    expected = list(tokens)
    for (t, (_, _, outs)), i in zip(positions, best_path, strict=True):
        out = outs[i]
        if out is not None:
            expected[t] = out
    restored = restorer.restore_text(line)
    assert restored == "chuyển đổi số trên địa"
    assert [w.lower() for w in tokenize(restored)] == [w.lower() for w in expected]

"""Matching agency names written in a plan to units in the registry.

Folding removes case and Vietnamese marks so that OCR-damaged names still match;
rapidfuzz scores the rest. Unmatched names are returned, never dropped.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass

from rapidfuzz import fuzz, process

_SPACES = re.compile(r"\s+")
_ABBREVIATIONS = {
    "ubnd": "uy ban nhan dan",
    "kh&cn": "khoa hoc va cong nghe",
    "khcn": "khoa hoc va cong nghe",
    "gd&dt": "giao duc va dao tao",
    "nn&mt": "nong nghiep va moi truong",
    "vhttdl": "van hoa the thao va du lich",
    "tt&tt": "thong tin va truyen thong",
    "hdnd": "hoi dong nhan dan",
}


def fold(text: str) -> str:
    """Lowercase, strip marks, map đ→d, squeeze spaces: 'Sở KH&CN' → 'so kh&cn'."""
    decomposed = unicodedata.normalize("NFD", text.replace("đ", "d").replace("Đ", "D"))
    stripped = "".join(ch for ch in decomposed if unicodedata.category(ch) != "Mn")
    return _SPACES.sub(" ", stripped.lower()).strip()


def expand(text: str) -> str:
    folded = fold(text)
    for short, long in _ABBREVIATIONS.items():
        folded = re.sub(rf"(?<![\w&]){re.escape(short)}(?![\w&])", long, folded)
    return folded


@dataclass(frozen=True)
class Candidate:
    key: int
    names: tuple[str, ...]


@dataclass(frozen=True)
class Match:
    key: int | None
    score: float


def best_match(name: str, candidates: Iterable[Candidate], cutoff: float = 88.0) -> Match:
    choices: dict[tuple[int, int], str] = {}
    for cand in candidates:
        for i, alias in enumerate(cand.names):
            choices[(cand.key, i)] = expand(alias)
    if not name.strip() or not choices:
        return Match(None, 0.0)
    query = expand(name)
    found = process.extractOne(query, choices, scorer=fuzz.token_sort_ratio, score_cutoff=cutoff)
    if found is None:
        return Match(None, 0.0)
    return Match(found[2][0], float(found[1]))

"""Matching agency names written in a plan to units in the registry, with the plan reader's matcher.

`fold` (case and Vietnamese marks removed) is also the SQL search key of names elsewhere in the app.
Unmatched names are returned, never dropped.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass

from giamsat.ingest.agencies import Agency, AgencyMatcher

_SPACES = re.compile(r"\s+")


def fold(text: str) -> str:
    """Lowercase, strip marks, map đ→d, squeeze spaces: 'Sở KH&CN' → 'so kh&cn'."""
    decomposed = unicodedata.normalize("NFD", text.replace("đ", "d").replace("Đ", "D"))
    stripped = "".join(ch for ch in decomposed if unicodedata.category(ch) != "Mn")
    return _SPACES.sub(" ", stripped.lower()).strip()


@dataclass(frozen=True)
class Candidate:
    key: int
    names: tuple[str, ...]


@dataclass(frozen=True)
class Match:
    key: int | None
    score: float


class UnitMatcher:
    """The plan reader's matcher (`giamsat.ingest.agencies.AgencyMatcher`: exact names and aliases with
    abbreviations written out, unique name prefixes, then rapidfuzz) over the app's units, so a name
    the reader recognised is recognised the same way at import."""

    def __init__(self, candidates: Iterable[Candidate]) -> None:
        self._matcher = AgencyMatcher([Agency(str(c.key), c.names[0], tuple(n for n in c.names[1:] if n), "unit")
                                       for c in candidates if c.names and c.names[0]])

    def match(self, name: str) -> Match:
        hit = self._matcher.match(name) if name.strip() else None
        if hit is None or hit.agency is None:
            return Match(None, 0.0)
        return Match(int(hit.agency.code), hit.score)


def best_match(name: str, candidates: Iterable[Candidate]) -> Match:
    return UnitMatcher(candidates).match(name)

"""Suggesting which standard indicator a plan's target measures, and which target a task serves.

Django-free: callers pass plain tuples. Names are folded (case, Vietnamese marks, đ) with
`giamsat.plans.matching.fold`, so OCR text that lost its diacritics still matches; common
abbreviations are expanded; rapidfuzz scores the rest. An acronym that names an indicator
(DTI, PII, TFP, HDI, R&D, 5G, GRDP) is strong evidence and lifts the score. Units are
normalised so that "% GRDP" and "% GDP", or "% dân số" and "%", compare as the same kind.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache

from rapidfuzz import fuzz

from giamsat.plans.matching import fold

SUGGEST_CUTOFF = 70.0

_ABBREVIATIONS = (
    ("dvctt", "dich vu cong truc tuyen"),
    ("tthc", "thu tuc hanh chinh"),
    ("cds", "chuyen doi so"),
    ("kh&cn", "khoa hoc va cong nghe"),
    ("khcn", "khoa hoc cong nghe"),
    ("dmst", "doi moi sang tao"),
    ("csdl", "co so du lieu"),
    ("nsnn", "ngan sach nha nuoc"),
    ("ti le", "ty le"),
)
# Words that every target carries and that say nothing about which indicator it is.
_STOPWORDS = frozenset(
    ["ty", "le", "dat", "toi", "thieu", "tren", "duoi", "tu", "tro", "len", "it", "nhat", "phan", "dau", "cua", "va", "cac", "cho", "trong", "voi", "den", "nam", "muc", "duoc", "la", "o", "tai", "nhom"]
)
_ACRONYMS = ("dti", "pii", "tfp", "hdi", "r&d", "5g", "gii", "vneid")
_TOKEN = re.compile(r"[a-z0-9&%/]+")


def normalise(text: str) -> str:
    folded = fold(text)
    for short, long in _ABBREVIATIONS:
        folded = re.sub(rf"(?<![\w&]){re.escape(short)}(?![\w&])", long, folded)
    return folded


@lru_cache(maxsize=4096)
def content_words(text: str) -> str:
    return " ".join(t for t in _TOKEN.findall(normalise(text)) if t not in _STOPWORDS and not t.isdigit())


@lru_cache(maxsize=4096)
def acronyms(text: str) -> frozenset[str]:
    tokens = set(_TOKEN.findall(fold(text)))
    return frozenset(a for a in _ACRONYMS if a in tokens)


_UNIT_KINDS = (
    (re.compile(r"%\s*(gdp|grdp)|gdp|grdp"), "% GDP"),
    (re.compile(r"%\s*/\s*nam"), "%/năm"),
    (re.compile(r"%.*(tong chi|ngan sach|nsnn)"), "% tổng chi ngân sách"),
    (re.compile(r"nguoi.*van dan"), "người/vạn dân"),
    (re.compile(r"1\.?000 dan|1000 dan"), "doanh nghiệp/1000 dân"),
    (re.compile(r"thu hang|thu bac|xep hang|nhom"), "thứ hạng"),
    (re.compile(r"^%|phan tram"), "%"),
    (re.compile(r"^chi so$|^diem"), "chỉ số"),
)


def unit_kind(unit: str | None) -> str:
    """The kind of quantity a unit names; '' when the plan gave none."""
    folded = fold(unit or "")
    if not folded:
        return ""
    for pattern, kind in _UNIT_KINDS:
        if pattern.search(folded):
            return kind
    return folded


def units_compatible(a: str | None, b: str | None) -> bool:
    """Unknown (empty) units are not a proof of difference; two known, different kinds are."""
    ka, kb = unit_kind(a), unit_kind(b)
    if not ka or not kb or ka == kb:
        return True
    # A bare "%" is how plans write "% GRDP" or "% dân số" when the name already says of what.
    return "%" in (ka, kb) and ka.startswith("%") and kb.startswith("%")


_RANK_WORDS = re.compile(r"\b(thuoc|thudc|trong|vao) nh[oe]m\b|\bnh[oe]m \d+\b|dan dau|dung dau|xep hang|thu hang|thu bac|\btop\b")


def looks_like_rank(name: str) -> bool:
    """"thuộc nhóm 05 tỉnh dẫn đầu", "xếp hạng": the figure is a rank, whatever unit the reader gave."""
    return bool(_RANK_WORDS.search(fold(name)))


@dataclass(frozen=True)
class IndicatorEntry:
    key: str
    names: tuple[str, ...]
    unit: str = ""


@dataclass(frozen=True)
class Suggestion:
    key: str
    score: float


# The programme's own title words: nearly every target repeats them, so alone they prove nothing.
_GENERIC = frozenset(["khoa", "hoc", "nghe", "doi", "moi", "sang", "tao", "chuyen", "va", "phat", "trien"])


def _specific(words: str) -> str:
    kept = [w for w in words.split() if w not in _GENERIC]
    return " ".join(kept) if len(kept) >= 2 else words


def _fit(query: str, alias: str) -> float:
    """Token overlap, and how much of the alias the query contains; a short query cannot fit a long alias."""
    query, alias = _specific(query), _specific(alias)
    overlap = fuzz.token_sort_ratio(query, alias)
    contained = fuzz.partial_ratio(alias, query) * min(1.0, len(query) / len(alias))
    return 0.4 * overlap + 0.6 * contained


def score(name: str, unit: str | None, entry: IndicatorEntry) -> float:
    """0–100: how well a target's name (and unit) fits one indicator."""
    query = content_words(name)
    if not query:
        return 0.0
    best = 0.0
    for alias in entry.names:
        words = content_words(alias)
        if not words:
            continue
        best = max(best, _fit(query, words))
    shared = acronyms(name) & frozenset().union(*(acronyms(n) for n in entry.names))
    if shared:
        best = max(best, 90.0)
    elif acronyms(name) - {"5g"}:
        best -= 10.0
    if unit and entry.unit and not units_compatible(unit, entry.unit):
        best -= 8.0
    return max(0.0, min(100.0, best))


def suggest(name: str, unit: str | None, entries: Iterable[IndicatorEntry], *, cutoff: float = SUGGEST_CUTOFF,
            limit: int = 3) -> list[Suggestion]:
    """The best indicators for a target, best first, only those at or above the cutoff."""
    scored = [Suggestion(e.key, round(score(name, unit, e), 1)) for e in entries]
    scored.sort(key=lambda s: (-s.score, s.key))
    return [s for s in scored[:limit] if s.score >= cutoff]


def best(name: str, unit: str | None, entries: Sequence[IndicatorEntry], *, cutoff: float = SUGGEST_CUTOFF) -> Suggestion | None:
    found = suggest(name, unit, entries, cutoff=cutoff, limit=1)
    return found[0] if found else None


TASK_CUTOFF = 60.0


def suggest_task_links(tasks: Iterable[tuple[int, str]], targets: Sequence[tuple[int, str]], *,
                       cutoff: float = TASK_CUTOFF) -> list[tuple[int, int, float]]:
    """(task id, target id, score) for each task whose wording is close to a target's; one best target per task."""
    prepared = [(tid, content_words(name)) for tid, name in targets]
    out: list[tuple[int, int, float]] = []
    for task_id, task_name in tasks:
        words = content_words(task_name)
        if not words:
            continue
        ranked = sorted(((fuzz.token_set_ratio(tw, words), tid) for tid, tw in prepared if tw), reverse=True)
        if ranked and ranked[0][0] >= cutoff:
            out.append((task_id, ranked[0][1], round(float(ranked[0][0]), 1)))
    return out

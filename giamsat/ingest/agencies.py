"""Matching agency names ("Sở KH&CN", "SKHCN", "Sở Khoa học và Công nghệ") to a unit registry."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from rapidfuzz import fuzz, process

from .agencies_data import DEFAULT_AGENCIES
from .fold import fold, loose, squash


@dataclass(frozen=True)
class Agency:
    code: str
    name: str
    aliases: tuple[str, ...] = ()
    kind: str = "department"


@dataclass
class AgencyMatch:
    text: str
    agency: Agency | None
    score: float


def default_registry() -> list[Agency]:
    return [Agency(code, name, aliases, kind) for code, name, kind, aliases in DEFAULT_AGENCIES]


_GENERIC_TAIL = re.compile(r"\b(tinh|thanh pho|phuong|xa)$")
_LIST_SEP = re.compile(r"\s*(?:;|,(?!\s*(?:ban|nganh|dia phuong|phuong|xa|the thao)\b)|\n|\+)\s*")
_AND_SEP = re.compile(r"\s+va\s+(?=(?:so|ban|cong an|van phong|uy ban|ubnd|bo chi huy|ngan hang|cac|bao|dai|truong"
                      r"|hoi|doan|phong)\b)")


def _cut(text: str, rx: re.Pattern[str]) -> list[str]:
    f = fold(text)
    parts: list[str] = []
    pos = 0
    for m in rx.finditer(f):
        if m.start() > pos:
            parts.append(text[pos:m.start()])
        pos = m.end()
    parts.append(text[pos:])
    return [p for p in parts if p.strip()]


def _key(text: str) -> str:
    k = loose(squash(text)).replace("o", "o")
    k = re.sub(r"[^a-z0-9 ]+", " ", k)
    k = re.sub(r"\b(uy|ty|gy|ay|dy|iy|sy)\b", "uy", k)
    return squash(k)


class AgencyMatcher:
    """Exact alias lookup first, then rapidfuzz; unmatched names are returned, never dropped."""

    def __init__(self, registry: list[Agency] | None = None, threshold: float = 84.0) -> None:
        self.registry = registry if registry is not None else default_registry()
        self.threshold = threshold
        self._keys: dict[str, Agency] = {}
        for agency in self.registry:
            for alias in (agency.name, *agency.aliases):
                self._keys.setdefault(_key(alias), agency)
                self._keys.setdefault(_GENERIC_TAIL.sub("", _key(alias)).strip(), agency)
        self._choices = list(self._keys)
        self._add_prefixes()
        # Longest aliases first so "so tai nguyen" wins over "so tai".
        alts = sorted((k for k in self._keys if len(k) >= 5), key=len, reverse=True)
        self._alts = alts
        self._scan = re.compile(r"(?<![a-z])(" + "|".join(re.escape(k).replace(r"\ ", r"\s+") for k in alts)
                                + r")(?![a-z])")

    def _add_prefixes(self) -> None:
        """Unique word prefixes of canonical names ("so khoa hoc") so OCR-split cells are still found by scan."""
        owners: dict[str, set[str]] = {}
        for agency in self.registry:
            words = _key(agency.name).split()
            for n in range(2, len(words)):
                owners.setdefault(" ".join(words[:n]), set()).add(agency.code)
        by_code = {a.code: a for a in self.registry}
        for prefix, codes in owners.items():
            if len(codes) == 1 and len(prefix) >= 6 and prefix not in self._keys:
                self._keys[prefix] = by_code[next(iter(codes))]

    def match(self, text: str) -> AgencyMatch:
        name = squash(text).strip(" .;,-–:")
        key = _key(name)
        if not key:
            return AgencyMatch(name, None, 0.0)
        for k in (key, _GENERIC_TAIL.sub("", key).strip()):
            if k in self._keys:
                return AgencyMatch(name, self._keys[k], 100.0)
        best = process.extractOne(key, self._choices, scorer=fuzz.ratio)
        if best and best[1] >= self.threshold:
            return AgencyMatch(name, self._keys[best[0]], float(best[1]))
        best = process.extractOne(key, self._choices, scorer=fuzz.partial_ratio)
        if best and best[1] >= 95 and len(best[0]) >= 8 and len(key) <= len(best[0]) + 12:
            return AgencyMatch(name, self._keys[best[0]], float(best[1]) - 10)
        return AgencyMatch(name, None, 0.0)

    def split(self, cell: str) -> list[str]:
        """'Sở Tài chính, Sở Nội vụ và các sở, ngành liên quan' → three names."""
        out: list[str] = []
        for part in _cut(squash(cell), _LIST_SEP):
            if _key(part) in self._keys:
                out.append(part)
            else:
                out.extend(_cut(part, _AND_SEP))
        return [p.strip(" .;,-–:") for p in out if len(p.strip(" .;,-–:")) >= 2]

    def match_many(self, cell: str) -> list[AgencyMatch]:
        return [self.match(part) for part in self.split(cell)]

    def scan(self, text: str) -> list[tuple[int, int, Agency]]:
        """Agency mentions inside free text: (start, end, agency) over the folded key of `text`."""
        key = _key_keep_len(text)
        return [(m.start(), m.end(), self._keys[squash(m.group(1))]) for m in self._scan.finditer(key)]


_SO = re.compile(r"(?<![a-z])s[a-z0-9](?=\s+(khoa|tai|noi|giao|y|cong|nong|xay|tu|van|dan|ngoai|thong|ke|lao)\b)")


def _key_keep_len(text: str) -> str:
    k = loose(text).replace("¢", "o")
    k = re.sub(r"[^a-z0-9 ]", " ", k)
    k = re.sub(r"(?<![a-z])c[e4a]c(?![a-z])", "cac", k)
    k = _SO.sub("so", k)
    return re.sub(r"(?<![a-z])(ty|gy|ay|dy|iy|sy)(?![a-z])", "uy", k)

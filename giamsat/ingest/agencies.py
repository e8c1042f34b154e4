"""Matching agency names ("Sở KH&CN", "SKHCN", "Sở Khoa học và Công nghệ") to a unit registry."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

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


_SO = re.compile(r"(?<![a-z0-9])(?:[s53][eo06d&¢éb]{1,2}|s)(?=\s*(khoa|tai|noi|giao|y|cong|nong|xay|tu|van|dan|ngoai"
                 r"|thong|lao)\b)")
_HEAD = re.compile(r"(?<![a-z])(so|van\s+phong|cong an|bo chi huy|ban quan ly|ngan hang|bao hiem|dai hoc"
                   r"|ban tuyen|uy ban)(?![a-z])")


@lru_cache(maxsize=32768)
def _key_keep_len(text: str) -> str:
    """Folded key of an OCR'd line, same length as the line, with the usual glyph confusions undone."""
    k = fold(text)
    k = re.sub(r"(?<=[a-z]{2})[0-9]", " ", k)                       # "noi1 vu" → "noi  vu"
    k = _SO.sub(lambda m: "so".ljust(len(m.group(0))), k)          # "S&", "S¢", "56", "Sé&" → "so"
    k = re.sub(r"(?<=[a-z])[06](?=[a-z])", "o", k)                  # "c6ng" → "cong"
    k = k.replace("&", "o").replace("¢", "e").replace("w", "u")
    k = re.sub(r"(?<![a-z])v[a-z]{1,2}n(?=\s+phong\b)", lambda m: "van".ljust(len(m.group(0))), k)
    k = re.sub(r"[^a-z0-9 ]", " ", k)
    k = re.sub(r"(?<![a-z])c[e4a]c(?![a-z])", "cac", k)
    return re.sub(r"(?<![a-z])(ty|gy|ay|dy|iy|sy)(?![a-z])", "uy", k)


def _alt(key: str) -> str:
    pat = re.escape(key).replace(r"\ ", r"\s*")
    return "(?:so?|o)" + pat[2:] if key.startswith("so ") else pat


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
        self._compact = {re.sub(r"\s+", "", key): agency for key, agency in self._keys.items()}
        self._scanned: dict[str, list[tuple[int, int, Agency]]] = {}
        self._tails: dict[str, Agency] | None = None
        # Longest aliases first so "so tai nguyen" wins over "so tai".
        alts = sorted((k for k in self._keys if len(k) >= 5), key=len, reverse=True)
        self._alts = alts
        self._scan = re.compile(r"(?<![a-z])(" + "|".join(_alt(k) for k in alts) + r")(?![a-z])")

    def _add_prefixes(self) -> None:
        """Unique word prefixes of canonical names ("so khoa hoc") so OCR-split cells are still found by scan."""
        owners: dict[str, set[str]] = {}
        for agency in self.registry:
            words = _key(agency.name).split()
            for n in range(2, len(words)):
                owners.setdefault(" ".join(words[:n]), set()).add(agency.code)
        by_code = {a.code: a for a in self.registry}
        for prefix, codes in owners.items():
            if len(codes) == 1 and (prefix.count(" ") >= 2 or len(prefix) >= 11) and prefix not in self._keys:
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
        cached = self._scanned.get(text)
        if cached is None:
            key = _key_keep_len(text)
            cached = [(m.start(), m.end(), a) for m in self._scan.finditer(key) if (a := self._lookup(m.group(1)))]
            if len(self._scanned) < 50_000:
                self._scanned[text] = cached
        return list(cached)

    def _lookup(self, found: str) -> Agency | None:
        k = squash(found)
        if k in self._keys:
            return self._keys[k]
        words = k.split()
        if words and words[0] in ("s", "o"):
            words[0] = "so"
        joined = " ".join(words)
        if joined in self._keys:
            return self._keys[joined]
        nospace = re.sub(r"\s+", "", k)
        return self._compact.get(nospace) or self._compact.get("so" + nospace.lstrip("so"))

    def scan_lines(self, lines: list[str]) -> list[tuple[int, int, Agency]]:
        """Mentions in OCR'd table lines, also when a name is split over two lines of the same cell
        ("Văn phòng" / "UBND tỉnh"): (line index, column, agency)."""
        keys = [_key_keep_len(x) for x in lines]
        out: list[tuple[int, int, Agency]] = []
        for k, key in enumerate(keys):
            spans = [(s, e, a) for s, e, a in self.scan(lines[k])]
            out.extend((k, s, a) for s, _e, a in spans)
            # The rest of the name is on the next line of the cell, or on the one after when the row's
            # number line sits in between ("Văn phòng" / "64 … 12/2025" / "UBND tỉnh").
            below = [j for j in range(k + 1, min(k + 5, len(keys))) if keys[j].strip()][:2]
            if not below:
                continue
            for m in _HEAD.finditer(key):
                if any(s <= m.start() < e for s, e, _a in spans):
                    continue
                for n, nxt in enumerate(below):
                    if n and " " not in m.group(1):
                        break           # a bare "Sở" joins only the very next line
                    hit = self._join(key[m.start():m.start() + 30], keys[nxt], m.start())
                    if hit is not None:
                        out.append((k, m.start(), hit))
                        break
        return sorted(out, key=lambda t: (t[0], t[1]))

    def scan_tails(self, lines: list[str], heads: int | None = None) -> list[tuple[int, int, Agency]]:
        """Names whose first words OCR destroyed, seen only by their distinctive end split over
        lines of one cell ("… và Công" / "nghệ" → Sở Khoa học và Công nghệ): the end of at least three
        words must belong to one agency only, its last word must stand on one of the next three
        lines near the same column and not follow on the same line. (line index, column, agency);
        only the first `heads` lines may hold the start (the others are the cell's overflow)."""
        if self._tails is None:
            owners: dict[str, set[str]] = {}
            for agency in self.registry:
                words = _key(agency.name).split()
                for n in range(3, len(words)):
                    owners.setdefault(" ".join(words[-n:]), set()).add(agency.code)
            by_code = {a.code: a for a in self.registry}
            # The last word must be distinctive: in no other agency's name, not short ("tạo"), not a
            # place word ("tỉnh"); "công" (… hành chính công) is everywhere in task text.
            used: dict[str, set[str]] = {}
            for agency in self.registry:
                for word in _key(agency.name).split():
                    used.setdefault(word, set()).add(agency.code)
            self._tails = {tail: by_code[next(iter(codes))] for tail, codes in owners.items()
                           if len(codes) == 1 and len(last := tail.split()[-1]) >= 4 and len(used.get(last, ())) == 1
                           and last not in ("tinh", "xa", "phuong", "huyen", "pho")}
        keys = [_key_keep_len(x) for x in lines]
        out: list[tuple[int, int, Agency]] = []
        for tail, agency in self._tails.items():
            *head_words, last = tail.split()
            rx = re.compile(r"(?<![a-z])" + r"\s+".join(map(re.escape, head_words)) + r"(?![a-z])")
            for k, key in enumerate(keys[:heads]):
                for m in rx.finditer(key):
                    if re.match(r"\s*" + re.escape(last), key[m.end():]):
                        continue                # the whole name is on the line: scan() reads it
                    below = [j for j in range(k + 1, min(k + 6, len(keys))) if keys[j].strip()][:3]
                    for j in below:
                        hit = next((w for w in re.finditer(r"(?<![a-z])" + re.escape(last) + r"(?![a-z])", keys[j])
                                    if abs(w.start() - m.start()) <= 30), None)
                        if hit is not None:
                            out.append((k, m.start(), agency))
                            break
        return sorted(out, key=lambda t: (t[0], t[1]))

    def _join(self, head: str, below: str, col: int) -> Agency | None:
        top = head.split()[:4]
        words = below.split() if len(below.strip()) < 30 else below[max(0, col - 20):col + 45].split()
        for n1 in range(len(top), 0, -1):
            first = " ".join(top[:n1])
            for j in range(min(len(words), 12 if n1 >= 2 else 8)):
                cand = first + " " + " ".join(words[j:j + 4])
                m = self._scan.match(cand)
                if m and m.end() > len(first) + 2 and (a := self._lookup(m.group(1))):
                    return a
        return None

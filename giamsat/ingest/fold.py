"""Diacritic-folded, OCR-tolerant views of text for structural detection.

Both folds map one character to exactly one character, so an offset found in a
folded line is the same offset in the cleaned line and, when lengths match, in the
restored line. Detection never depends on what the restorer achieved.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

# Glyphs OCR substitutes for Vietnamese letters (ơ→& in "S&", ư→w, ệ→¢, ộ→§ …).
_LOOSE = str.maketrans({
    "6": "o", "0": "o", "&": "o", "¢": "e", "€": "e", "§": "o", "$": "s", "@": "d",
    "w": "u", "ﬁ": "f", "ﬂ": "f", "|": "l", "1": "l", "!": "l", "#": "u",
})


@lru_cache(maxsize=4096)
def _fold_char(ch: str) -> str:
    if ch in "đĐ":
        return "d"
    low = ch.lower()
    if len(low) != 1:
        return ch
    if low.isascii():
        return low
    base = unicodedata.normalize("NFD", low)[0]
    return base if base.isascii() else low


class _FoldTable(dict[int, str]):
    """`str.translate`'s table of `_fold_char`, filled as characters are met (one C-level pass per text instead of a
    Python call per character)."""

    def __missing__(self, code: int) -> str:
        folded = self[code] = _fold_char(chr(code))
        return folded


_FOLD_TABLE = _FoldTable()


@lru_cache(maxsize=65536)
def fold(text: str) -> str:
    """Lowercase, strip marks, đ→d; same length as the input."""
    if text.isascii():
        return text.lower()
    return text.translate(_FOLD_TABLE)


@lru_cache(maxsize=65536)
def loose(text: str) -> str:
    """`fold` plus the usual OCR confusions; for keyword matching only (digits are lost)."""
    return fold(text).translate(_LOOSE)


def nfc(text: str) -> str:
    return unicodedata.normalize("NFC", text)


_WS = re.compile(r"\s+")


def squash(text: str) -> str:
    return _WS.sub(" ", text).strip()

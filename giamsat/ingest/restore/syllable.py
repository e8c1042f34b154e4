"""Vietnamese letters and syllables: bases, tones, validity, tokenizing and case.

Kept free of any model so the builder and the decoder agree on what a syllable is.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

TONE_MARKS = {"\u0300": 1, "\u0301": 2, "\u0309": 3, "\u0303": 4, "\u0323": 5}
VOWELS = set("aăâeêioôơuưy")

_ONSET = "ngh|ng|gh|gi|kh|nh|ph|qu|th|tr|ch|b|c|d|đ|g|h|k|l|m|n|p|r|s|t|v|x"
_NUCLEI = (
    "oai|oay|oeo|uây|uôi|ươi|ươu|iêu|yêu|uyê|uya|"
    "ai|ao|au|ay|âu|ây|eo|êu|ia|iê|yê|iu|oa|oă|oe|oi|ôi|ơi|oo|ua|uâ|uê|ui|uô|uơ|uy|ưa|ưi|ươ|ưu|"
    "a|ă|â|e|ê|i|o|ô|ơ|u|ư|y"
)
_CODA = "ch|ng|nh|c|m|n|p|t"
_SYLLABLE_RE = re.compile(rf"^(?:{_ONSET})?(?:{_NUCLEI})(?:{_CODA})?$")

# Symbols OCR puts inside damaged syllables ("s6", "B¢", "S&", "$6"): part of a word token.
DAMAGE_SYMBOLS = "&¢€$@£¥§"
TOKEN_RE = re.compile(rf"[\w{re.escape(DAMAGE_SYMBOLS)}]+|\s+|.", re.UNICODE | re.DOTALL)


@lru_cache(maxsize=4096)
def analyse_char(ch: str) -> tuple[str, str, int]:
    """(ascii base, letter without tone, tone 0-5) of one lowercase character."""
    if ch == "đ":
        return "d", "đ", 0
    nfd = unicodedata.normalize("NFD", ch)
    tone = 0
    kept = []
    for mark in nfd[1:]:
        if mark in TONE_MARKS:
            tone = TONE_MARKS[mark]
        else:
            kept.append(mark)
    family = unicodedata.normalize("NFC", nfd[0] + "".join(kept))
    return nfd[0], family, tone


class _CharTable(dict[int, str]):
    """A `str.translate` table filled on first sight of a character: its base (`part` 0) or family (1) by
    `analyse_char`."""

    def __init__(self, part: int) -> None:
        super().__init__()
        self.part = part

    def __missing__(self, code: int) -> str:
        base, family, _ = analyse_char(chr(code))
        value = self[code] = family if self.part else base
        return value


_BASES = _CharTable(0)
_FAMILIES = _CharTable(1)


def strip_marks(text: str) -> str:
    """ASCII skeleton of a lowercase syllable: every mark dropped, đ read as d."""
    return text.translate(_BASES)


def strip_tone(text: str) -> str:
    return text.translate(_FAMILIES)


@lru_cache(maxsize=1 << 16)
def is_syllable(word: str) -> bool:
    """True if the lowercase NFC word is a well-formed Vietnamese syllable with at most one tone."""
    if not word or len(word) > 8 or not word.isalpha():
        return False
    tones = sum(1 for c in word if analyse_char(c)[2])
    if tones > 1:
        return False
    return _SYLLABLE_RE.match(strip_tone(word)) is not None


def has_marks(word: str) -> bool:
    return any(ord(c) > 127 for c in word)


def tokenize(line: str) -> list[str]:
    """Split a line into word tokens, whitespace runs and single other characters; joins back exactly."""
    return TOKEN_RE.findall(line)


def is_word(token: str) -> bool:
    return bool(token) and (token[0].isalnum() or token[0] in DAMAGE_SYMBOLS or token[0] == "_")


@lru_cache(maxsize=1 << 14)
def apply_case(model: str, word: str) -> str:
    """Give `word` the case pattern of the OCR token `model` (all caps, capitalised or lower)."""
    cased = [c for c in model if c.isalpha() and c.lower() != c.upper()]
    uppers = sum(1 for c in cased if c.isupper())
    if len(cased) >= 2 and uppers == len(cased):
        return word.upper()
    if len(cased) >= 3 and uppers >= len(cased) - 1 and model[0].isupper():
        return word.upper()  # "TiNH" is an all-caps word with one misread letter
    if model[:1].isupper():
        return word[:1].upper() + word[1:]
    return word


def corpus_syllables(line: str) -> list[str]:
    """LM tokens of a clean line: lowercase syllables, <num>, <x> and punctuation; whitespace dropped."""
    out: list[str] = []
    for tok in tokenize(unicodedata.normalize("NFC", line)):
        if tok.isspace():
            continue
        out.append(lm_token(tok))
    return out


# Case of a word in clean text, for the LM's names (`build`): a name's later syllable (capitalised
# inside a sentence right after a capitalised word: "Xuân Sơn Nam"), prose (lower case, or a capital
# after a lower-case word: "phía Nam"), or neither (all capitals, a sentence's first word, not a syllable).
PROSE, NAME, NEUTRAL = "p", "n", ""
_OPENS_SENTENCE = frozenset(".!?:;(\"“'‘-–")


def corpus_cases(line: str) -> list[str]:
    """The case (PROSE, NAME or NEUTRAL) of each LM token `corpus_syllables` gives for the line."""
    out: list[str] = []
    opens = True
    before = ""     # the word before, if no punctuation came between
    for tok in tokenize(unicodedata.normalize("NFC", line)):
        if tok.isspace():
            continue
        case = NEUTRAL
        if is_word(tok) and tok.isalpha():
            if tok.islower():
                case = PROSE
            elif not opens and tok[0].isupper() and (len(tok) == 1 or tok[1:].islower()):
                case = NAME if before[:1].isupper() else PROSE if before[:1].islower() else NEUTRAL
        out.append(case)
        opens = tok in _OPENS_SENTENCE
        before = tok if is_word(tok) else ""
    return out


def lm_token(tok: str) -> str:
    if not is_word(tok):
        return tok if tok in PUNCT_TOKENS else "<x>"
    low = tok.lower()
    if low.isdigit():
        return "<num>"
    if is_syllable(low):
        return modern_tone(low)
    return "<x>"


_OLD_TONE_RE = re.compile(r"^(.*?)(o|u)([áàảãạéèẻẽẹýỳỷỹỵ])$")


@lru_cache(maxsize=8192)
def modern_tone(syllable: str) -> str:
    """Put the tone of an open oa/oe/uy rhyme on its first vowel ("hoá" -> "hóa", "uỷ" -> "ủy"),
    the spelling the plans use; "quý" keeps its tone where it is."""
    m = _OLD_TONE_RE.match(syllable)
    if not m or (m.group(2) == "u" and m.group(1).endswith("q")):
        return syllable
    if m.group(2) == "o" and analyse_char(m.group(3))[0] not in "ae":
        return syllable
    if m.group(2) == "u" and analyse_char(m.group(3))[0] != "y":
        return syllable
    tone = unicodedata.normalize("NFD", m.group(3))[1:]
    base = analyse_char(m.group(3))[1]
    return unicodedata.normalize("NFC", m.group(1) + m.group(2) + tone + base)


PUNCT_TOKENS = frozenset(",.;:()-/\"“”'‘’!?%")

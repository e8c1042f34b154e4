"""Matching agency names ("Sở KH&CN", "SKHCN", "Sở Khoa học và Công nghệ") to a unit registry."""

from __future__ import annotations

import bisect
import re
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache
from itertools import pairwise

from rapidfuzz import fuzz, process
from rapidfuzz.distance import Levenshtein

from .agencies_data import DEFAULT_AGENCIES
from .fold import fold, loose, squash


@dataclass(frozen=True)
class Agency:
    code: str
    name: str
    aliases: tuple[str, ...] = ()
    kind: str = "department"


@dataclass(frozen=True)
class CellMention:
    """A unit named in OCR'd table lines: where its name starts and where each of its pieces stands."""

    line: int
    col: int
    agency: Agency
    parts: tuple[tuple[int, int], ...]


@dataclass
class AgencyMatch:
    text: str
    agency: Agency | None
    score: float


def default_registry() -> list[Agency]:
    return [Agency(code, name, aliases, kind) for code, name, kind, aliases in DEFAULT_AGENCIES]


_GENERIC_TAIL = re.compile(r"\b(tinh|thanh pho|phuong|xa)$")
_LIST_SEP = re.compile(r"\s*(?:;|,(?!\s*(?:ban|nganh|dia phuong|phuong|xa|the thao)\b)|\n|\+)\s*")
# a collective noun in lower case after a comma: the list of kinds that opened with "Các …" goes on
_COLLECTIVE = re.compile(r"(?:don vi|co quan|to chuc|doanh nghiep|ca nhan|dia phuong|nganh|doan the)\b")
_AND_SEP = re.compile(
    r"\s+va\s+(?=(?:so|ban|cong an|van phong|uy ban|ubnd|bo chi huy|ngan hang|cac|bao|dai|truong"
    r"|hoi|doan|phong)\b)"
)


_SO = re.compile(
    r"(?<![a-z0-9])(?:[s53][eo06d&¢éb]{1,2}|s)(?=\s*(khoa|tai|noi|giao|y|cong|nong|xay|tu|van|dan|ngoai"
    r"|thong|lao)\b)"
)
_BO = re.compile(r"(?<![a-z0-9])b[04689¢&](?=\s+[a-z])")  # "Bộ" read with a digit or glyph for "ộ"
_HEAD_END = r")(?![a-z])"
_HEAD = re.compile(
    r"(?<![a-z])(so|van\s+phong|cong an|bo chi huy|ban quan ly|ngan hang|bao hiem|dai hoc"
    r"|ban tuyen|uy ban|cac|phong|benh vien|trung tam" + _HEAD_END
)


@lru_cache(maxsize=32768)
def _key_keep_len(text: str) -> str:
    """Folded key of an OCR'd line, same length as the line, with the usual glyph confusions undone."""
    return _UY.sub("uy", _base_key(text))


# "cơ sở giáo dục", "cơ sở dữ liệu": "sở" after "cơ" is a word of the sentence, not a department
_CO_SO = re.compile(r"(?<![a-z])co\s+so\s?$")
# A mention that is a word of another name: "số" after what it qualifies ("chuyển đổi số y tế" is no "Sở Y tế"), and a
# unit's name right after "Bộ" ("Bộ Công an" is a ministry, not "Công an" of the province)
_DIGITAL_BEFORE = re.compile(r"(?<![a-z])(?:doi|kinh te|chinh phu|xa hoi|ha tang|nen tang|du lieu|ky nang|cong dan"
                             r"|chu ky|the gioi) $")  # one space: no cell's bar or comma between them
# "Bộ" as a ministry: not the word of "cán bộ", "Đảng bộ", "chi bộ", "toàn bộ"
_MINISTRY_WORD = r"(?<![a-z])(?<!can )(?<!dang )(?<!chi )(?<!toan )bo"
_MINISTRY_BEFORE = re.compile(_MINISTRY_WORD + " $")  # a unit named right after "Bộ"; not "cán bộ Sở …"


# a name going on after a dash with another field ("Ban Tổ chức - Nhân sự", "Phòng Kinh tế - Hạ tầng"): a longer name
# than the unit found ("Ban Tổ chức"); not a second unit after the dash ("UBND tỉnh - Sở Y tế")
_FIELD_AFTER_DASH = re.compile(
    r"\s[-–]\s(?!(?:Sở|Ban|Phòng|Văn phòng|Cục|Vụ|Bộ|Công an|Ủy ban|UBND|Trung tâm|Đoàn|Hội|Các|Chi cục|Bảo hiểm"
    r"|Kho bạc|Ngân hàng|Thanh tra|Đài|Báo|Trường|Bệnh viện|Viện|Tỉnh|Huyện|Xã|Phường|Quân sự|Bộ Chỉ huy"
    r"|Chủ trì|Phối hợp|Thực hiện|Đầu mối|Thường trực|Cơ quan|Đơn vị)\b)"
    r"[A-ZĐÀ-Ỹ]"
)


# "số" in lower case (also read "s6", "s0"): the word of "chuyển đổi số y tế", "số hóa", never a department, whose
# name opens with a capital "Sở" ("Các sở" is found from its "Các")
_NUMBER_WORD = re.compile(r"s[oô06ốồổỗộ]")
_DEPARTMENT = re.compile(r"Sở ")


def _number_word_at(raw: str, key: str, start: int) -> bool:
    """The word at `start` of `key` (the line's repaired key) is written "số" in the line as read, `raw`."""
    word = _raw_word_at(raw, key, start)
    return word is not None and bool(_NUMBER_WORD.fullmatch(word))


def _raw_word_at(raw: str, key: str, start: int) -> str | None:
    """The word of `raw` (a line as read) at `start` of `key`, the line's repaired key (None: not to be told)."""
    base = _base_key(raw)
    if len(base) != len(raw):
        return None
    if len(key) != len(base):  # a repair changed the key's length: find the word by its rank
        ranks = [m.start() for m in _TOKEN.finditer(key)]
        spots = [m.start() for m in _TOKEN.finditer(base)]
        n = sum(1 for r in ranks if r < start)
        if len(ranks) != len(spots) or n >= len(spots):
            return None
        start = spots[n]
    word = re.match(r"[^\s|,;.:()]+", raw[start:])
    return word.group(0) if word else None


# Short names in capitals of a commune's offices' heads ("CA xã", "QS phường"): their keys, kept only where the line
# writes them in capitals ("cả xã" is no "CA xã")
_CASED_SHORT = {"cong an": "ca", "quan su": "qs"}


def _cased_ok(raw: str, key: str, start: int) -> bool:
    return not key.startswith(("ca ", "qs "), start) or _raw_word_at(raw, key, start) in ("CA", "QS")


def _in_other_name(key: str, start: int) -> bool:
    before = key[max(0, start - 20) : start]
    return bool(_MINISTRY_BEFORE.search(before) or (key.startswith("so ", start) and _DIGITAL_BEFORE.search(before)))
_UY = re.compile(r"(?<![a-z])(ty|gy|ay|dy|iy|sy)(?![a-z])")
_DIGIT_LOOK = str.maketrans({"0": "o", "6": "o", "5": "s", "1": "l", "4": "a", "8": "b"})
_TOKEN = re.compile(r"[a-z0-9]+")
_TIME_WORDS = frozenset({"thang", "quy", "nam", "ngay", "tuan"})
_NONE: frozenset[str] = frozenset()
# A Vietnamese syllable as folded; none opens with a bare "p" (only "ph"): "Pại học", "Pào tạo" are OCR's "P" for "Đ"
_SYLLABLE = re.compile(
    r"^(ngh|ng|nh|ch|gh|gi|kh|ph|qu|th|tr|[bcdghklmnqrstvx])?[aeiouy]{1,3}(ng|nh|ch|[cmnpt])?$"
)


@lru_cache(maxsize=32768)
def _plain(word: str) -> bool:
    """Spelt like a Vietnamese syllable of three letters or more (so a real word, not OCR damage)."""
    return len(word) >= 3 and word.isalpha() and bool(_SYLLABLE.match(word))


@lru_cache(maxsize=32768)
def _base_key(text: str) -> str:
    k = fold(text)
    k = re.sub(r"(?<=[a-z]{2})[0-9](?![a-z])", " ", k)  # "noi1 vu" → "noi  vu" (not "th6ng")
    k = _SO.sub(lambda m: "so".ljust(len(m.group(0))), k)  # "S&", "S¢", "56", "Sé&" → "so"
    k = _BO.sub("bo", k)  # "B9 Công an", "B6 Tài chính" → "bo"
    k = re.sub(r"(?<=[a-z])[06](?=[a-z])", "o", k)  # "c6ng" → "cong"
    k = k.replace("&", "o").replace("¢", "e").replace("w", "u")
    k = re.sub(
        r"(?<![a-z])(?!vien\b)v[a-z]{1,2}n(?=\s+phong\b)", lambda m: "van".ljust(len(m.group(0))), k
    )  # not "viện Phòng"
    k = re.sub(r"[^a-z0-9 ]", " ", k)
    return re.sub(r"(?<![a-z])c[e4adh]c(?![a-z])", "cac", k)


def _trie(keys: list[str]) -> str:
    """One regex for all keys, factored by common prefixes (a flat alternation of hundreds of names is
    slow to scan); longer names win as in a longest-first alternation. Spaces may be missing or doubled
    and "sở" may lose a letter ("s Tài chính", "ở Tài chính")."""
    so = [k[3:] for k in keys if k.startswith("so ")]
    rest = [k for k in keys if not k.startswith("so ")]
    parts = [r"(?:so?|o)\s*" + _trie_node(_build_trie(so))] if so else []
    if rest:
        parts.append(_trie_node(_build_trie(rest)))
    return "|".join(parts)


_Trie = dict[str, "_Trie"]


def _build_trie(keys: list[str]) -> _Trie:
    root: _Trie = {}
    for key in keys:
        node = root
        for ch in key:
            node = node.setdefault(ch, {})
        node[""] = {}
    return root


def _trie_node(node: _Trie) -> str:
    alts = [
        (r"\s*" if ch == " " else re.escape(ch)) + _trie_node(child)
        for ch, child in sorted(node.items())
        if ch
    ]
    if not alts:
        return ""
    if "" in node:
        return "(?:" + "|".join(alts) + ")?"
    return alts[0] if len(alts) == 1 else "(?:" + "|".join(alts) + ")"


def _cut(text: str, rx: re.Pattern[str]) -> list[str]:
    f = fold(text)
    parts: list[str] = []
    pos = 0
    for m in rx.finditer(f):
        if m.start() > pos:
            parts.append(text[pos : m.start()])
        pos = m.end()
    parts.append(text[pos:])
    return [p for p in parts if p.strip()]


# Abbreviations written inside names ("Văn phòng UBND tỉnh", "Sở KH&CN"), on the folded text.
_ABBREVIATIONS = (
    ("ubnd", "uy ban nhan dan"),
    ("hdnd", "hoi dong nhan dan"),
    ("kh&cn", "khoa hoc va cong nghe"),
    ("khcn", "khoa hoc va cong nghe"),
    ("gd&dt", "giao duc va dao tao"),
    ("gddt", "giao duc va dao tao"),
    ("nn&mt", "nong nghiep va moi truong"),
    ("nnmt", "nong nghiep va moi truong"),
    ("tt&tt", "thong tin va truyen thong"),
    ("vhttdl", "van hoa the thao va du lich"),
    ("kh&dt", "ke hoach va dau tu"),
    ("tn&mt", "tai nguyen va moi truong"),
    ("mttq", "mat tran to quoc"),
    ("chqs", "chi huy quan su"),
    ("vp", "van phong"),
)
_ABBREVIATION = re.compile(
    r"(?<![\w&])(" + "|".join(re.escape(a) for a, _b in _ABBREVIATIONS) + r")(?![\w&])"
)


def expand(text: str) -> str:
    """The folded name with its abbreviations written out: 'VP UBND tỉnh' → 'van phong uy ban nhan dan tinh'."""
    full = dict(_ABBREVIATIONS)
    return _ABBREVIATION.sub(lambda m: full[m.group(1)], fold(squash(text)))


def _key(text: str) -> str:
    k = loose(squash(text)).replace("o", "o")
    k = re.sub(r"[^a-z0-9 ]+", " ", k)
    k = re.sub(r"\b(uy|ty|gy|ay|dy|iy|sy)\b", "uy", k)
    return squash(k)


# A Party body named after the body it leads: the name after these words tells which ("Đảng đoàn Hội Nông dân
# tỉnh" is not "Đảng đoàn Hội đồng nhân dân tỉnh", however alike the whole names are).
_PARTY_OF = re.compile(r"(dang doan|ban can su dang|dang uy) ")


def _same_body(key: str, choice: str, threshold: float) -> bool:
    a, b = _PARTY_OF.match(key), _PARTY_OF.match(choice)
    if not (a and b and a.group(1) == b.group(1)):
        return True
    return fuzz.ratio(key[a.end() :], choice[b.end() :]) >= threshold


# The level of government a name says. Since July 2025 a province's units and its communes' (xã, phường)
# are different units with alike names ("Ban Chỉ huy Quân sự xã" is not "Bộ Chỉ huy Quân sự tỉnh",
# "UBND xã" not "UBND tỉnh"), and a former district's ("huyện", "thị xã") is neither: a name that says its
# level is never matched to a unit of another one. "xã hội", "hợp tác xã", "địa phương", "phương án",
# "tình hình" are no levels.
_LEVEL = re.compile(
    r"(?<![a-z])(?:(thi xa|huyen)|(tinh uy|tinh(?![a-z])(?!\s+(?:hinh|than|trang|chat)(?![a-z])))"
    r"|(?<!tac )(?<!dia )(xa(?![a-z])(?!\s+hoi(?![a-z]))"
    r"|phuong(?![a-z])(?!\s+(?:an|thuc|tien|huong|phap|cham)(?![a-z]))|thi tran|dac khu))(?![a-z])"
)  # "đặc khu": a special zone, a commune-level unit since July 2025 (Cô Tô, Vân Đồn, Phú Quốc, …)
_LEVELS = ("district", "province", "commune")


# A ministry's unit names its ministry last ("Văn phòng Bộ", "Thanh tra Bộ"): not a province's ("Văn phòng UBND tỉnh",
# "Thanh tra tỉnh")
_MINISTRY = re.compile(_MINISTRY_WORD + "$")


def _levels(key: str) -> frozenset[str]:
    found = frozenset(_LEVELS[n] for m in _LEVEL.finditer(key) for n in range(3) if m.group(n + 1))
    return found | {"ministry"} if _MINISTRY.search(key) else found


# "(sau đây gọi tắt là X)", "(gọi tắt là X)", "(viết tắt là X)", "(sau đây viết tắt: X)", "(sau đây gọi là X)"
_DEFINES = re.compile(
    r"\(\s*(?:sau\s+day\s+)?(?:(?:duoc\s+)?goi\s+(?:tat\s+)?|viet\s+tat\s+)(?:la\b|:)\s*([^()]{1,60}?)\s*\)"
)
# A legend of short names: its heading ("Ghi chú:", "Chữ viết tắt:", "Danh mục từ viết tắt") and its pairs
# "VP - Văn phòng HĐND và UBND xã", "KT: Phòng Kinh tế", "- CAX = Công an xã", "| VHXH | Phòng Văn hóa - Xã hội |".
_LEGEND_HEAD = re.compile(
    r"^[\s|*(\-]*(?:ghi\s+chu|(?:danh\s+muc\s+)?(?:cac\s+)?(?:chu|tu)\s+viet\s+tat|viet\s+tat|giai\s+thich"
    r"\s+(?:tu\s+ngu|chu\s+viet\s+tat))\b[^:|]{0,30}?[\s):.|]*"
)
_PAIR = re.compile(
    r"^[\s|*•+\-]*(?:\d{1,2}[.)]?\s*\|?\s*)?\(?(?P<short>[A-ZĐ][A-Za-zĐđ0-9&.\-]{0,11}[A-ZĐ0-9])\)?\s*(?:[:=–—|]|\s-|là\s)\s*"
    r"(?P<full>[^\s|].{2,120}?)[\s|;.,]*$"
)
_PAIR_CUT = re.compile(r";|,\s+(?=[A-ZĐ][A-Za-zĐđ0-9&.\-]{0,11}[A-ZĐ0-9]\s*(?:[:=–—]|\s-))")


def legend_entries(lines: list[str]) -> list[tuple[str, str]]:
    """(short name, full name) of a legend: on its heading's line and on the lines below it, one or more
    pairs a line, till the first line that holds none."""
    out: list[tuple[str, str]] = []
    n = 0
    while n < len(lines):
        folded = fold(lines[n])
        head = _LEGEND_HEAD.match(folded)
        if not head and not (folded.lstrip().startswith("|") and "viet tat" in folded):  # "| TT | Viết tắt | … |"
            n += 1
            continue
        pending = lines[n][head.end() :] if head else ""
        k = n + 1
        while k < len(lines) and k <= n + 60:
            line = lines[k]
            if not re.search(r"[^\W_]", line):  # blank, a rule, or an OCR speck ("_") between the legend's lines
                k += 1
                continue
            if _DANGLING.search(pending) or (head and _goes_on(pending, line)):
                # a pair broken at the line's end ("…; VHXH-" / "Phòng Văn hóa - Xã hội; …", "…; TTPVHCC" / "- Trung
                # tâm …; CAX - …", "… Hồ Chí" / "Minh xã; HPN - …"): a legend in prose wrapped by its width
                pending = re.sub(r"(?<=[A-ZĐ0-9])([-–:])\s*$", r" \1", pending.rstrip()) + " " + line.strip()
                k += 1
                continue
            if not _pairs_in(line):
                break
            out.extend(_pairs_in(pending))
            pending = line
            k += 1
        out.extend(_pairs_in(pending))
        n = k
    return out


def _goes_on(pending: str, line: str) -> bool:
    """A prose legend's next line that goes on with its last pair: the legend has not ended ('.'), the line opens
    with no pair of its own nor a heading or item mark, and holds the legend's ';' or pairs or ends like it."""
    first = _PAIR_CUT.split(line)[0].strip()
    return (
        bool(pending.strip())
        and not pending.rstrip().endswith(".")
        and not _PAIR.match(first)
        and not re.match(r"\s*(?:[IVX]+\.|\d{1,2}[.)]|[a-zđ]\))\s", line)
        and (";" in line or line.rstrip().endswith((".", ";")) or bool(_pairs_in(line)))
    )


# A legend's line ending in a short name and its dash, the full name on the next line
_DANGLING = re.compile(r"(?:^|[;,]\s*)[A-ZĐ][A-Za-zĐđ0-9&.]{0,11}[A-ZĐ0-9]?\s*[-–:]\s*$")


def _pairs_in(text: str) -> list[tuple[str, str]]:
    out = []
    for seg in _PAIR_CUT.split(text):
        m = _PAIR.match(seg.strip())
        if m and sum(c.isupper() for c in m.group("short")) >= 2:
            out.append((m.group("short"), m.group("full").strip()))
    return out


# The head noun of a unit's name: a close spelling of another kind of body is another unit ("Phòng Giáo
# dục và Đào tạo" is no "Sở Giáo dục và Đào tạo", "Đảng ủy UBND tỉnh" no "Ủy ban nhân dân tỉnh").
_HEAD_NOUN = re.compile(
    r"(ban can su dang|dang uy|dang doan|van phong|trung tam|cong an|uy ban|hoi dong|benh vien|ngan hang"
    r"|bao hiem|dai hoc|chi cuc|thanh tra|kho bac|tinh uy|tinh doan|ban|bo|so|phong|hoi|doan|cuc|vien"
    r"|truong|dai|bao|tram|vu|p)(?![a-z])"
)


def _head_noun(key: str) -> str | None:
    m = _HEAD_NOUN.match(key)
    return ("phong" if m.group(1) == "p" else m.group(1)) if m else None  # "P. Văn hóa - Xã hội" is a Phòng


# A field's label before the unit ("Cơ quan chủ trì: …", "Đơn vị thực hiện - …") and a bracket after it
_ROLE_LABEL = re.compile(
    r"^\s*(?:cơ quan|đơn vị|bộ phận)?\s*(?:chủ trì|thực hiện|phối hợp|đầu mối|tham mưu|thường trực)\s*[:\-–]\s*",
    re.IGNORECASE,
)
_TRAILING_BRACKET = re.compile(r"\s*\([^()]{1,80}\)?\s*$")  # its ")" may be cut off
# a unit's head named for the unit ("Giám đốc Sở Y tế", "Chủ tịch Ủy ban nhân dân các xã", "Chánh Văn phòng UBND tỉnh",
# "Thủ trưởng các sở, ngành"): a directive gives its duties to the head of each unit
_HEAD_TITLE = re.compile(
    r"(?:pho\s+)?(?:giam\s+doc|chu\s+tich|chanh|thu\s+truong|chi\s+huy\s+truong|truong|bi\s+thu|nguoi\s+dung\s+dau)\s+"
)


def _without_head(name: str) -> str:
    """The unit a head's title opens `name` with ("Giám đốc Sở Y tế" → "Sở Y tế"), read folded so OCR text that lost
    its marks ("Giam đốc So …") is read alike; a school ("Trường …") is no head's title."""
    m = _HEAD_TITLE.match(fold(name))
    if m is None or name.lower().startswith("trường"):
        return name
    rest = name[m.end():]
    return rest if rest[:1].isupper() or fold(rest).startswith(("cac ", "co quan")) else name


# the front's member bodies named together after a unit ("Ủy ban MTTQ Việt Nam phường và các đoàn thể chính trị - xã
# hội"): the unit named leads
_AND_BODIES = re.compile(r"\s+(?:va|cung)\s+cac\s+(?:doan\s+the|to\s+chuc\s+chinh\s+tri|hoi,?\s+doan\s+the)\b")


def _without_bodies(name: str) -> str:
    m = _AND_BODIES.search(fold(name))
    return name[: m.start()] if m else name


# a unit's code of capitals and a number ("PA05", "PC06", "PV01"), as a registry's alias and as a word of a line
_UNIT_CODE = re.compile(r"[A-ZĐ]{1,4}\d{1,3}")
_UNIT_CODE_IN = re.compile(r"(?<![\w/-])[A-ZĐ]{1,4}\d{1,3}(?![\w/-])")  # not a part of a symbol ("12/KH-CAT-PC06")


# Short names that are words in prose once folded ("CA xã" is "cả xã"): read as the unit only in capitals
# (also with the marks a restorer gave the capitals: "CẢ xã")
_CASED_FULL = {"ca": "Công an", "qs": "Quân sự"}
_CASED = re.compile(r"(?<![^\W\d_])[^\W\d_]{2}(?![^\W\d_])")


def _cased(name: str) -> str:
    """The short names in capitals of `_CASED_FULL` written out ("CA xã" → "Công an xã")."""
    return _CASED.sub(
        lambda m: _CASED_FULL.get(fold(m.group(0)), m.group(0)) if m.group(0).isupper() else m.group(0), name
    )
# Words of a name beside its short names: its level and "các"/"cấp" (folded)
_NAME_FILLER = frozenset(("xa", "phuong", "tinh", "huyen", "thi", "tran", "cac", "cap", "va", "thanh", "pho"))
_KNOWN_SHORT = frozenset(fold(a) for a, _b in _ABBREVIATIONS)


def _only_short_names(name: str) -> bool:
    """The name is short names in capitals the matcher does not know, besides level words ("KT", "CA xã",
    "BCHQS phường", "TTYT")."""
    words = re.findall(r"[^\W_][^\s,;()]*", name)
    if name.isupper() and sum(fold(w.strip(".-&")) not in _NAME_FILLER for w in words) >= 2:
        return False  # a name in capitals, as a header prints it ("ỦY BAN NHÂN DÂN TỈNH …")
    shorts = 0
    for word in words:
        bare = word.strip(".-&")
        if fold(bare) in _NAME_FILLER:
            continue
        if not (2 <= len(bare) <= 8 and bare.isupper() and fold(bare) not in _KNOWN_SHORT):
            return False
        shorts += 1
    return shorts > 0


# two fields of a unit's name joined by a dash ("Ban Tổ chức - Nhân sự", "Phòng Kinh tế - Hạ tầng"): a unit whose name
# lacks the field after the dash ("Ban Tổ chức", "Phòng Kinh tế") is another unit (a role after a dash, "Sở Nội vụ -
# chủ trì", is in lower case)
_DASH = re.compile(r"\s[-–]\s")


def _unknown_shorts(name: str) -> list[str]:
    """The short names in capitals of a name written in lower case otherwise ("Sở TTDL", "Phòng QLĐT huyện"), folded,
    that the matcher does not know: letters of a unit's own abbreviation, which a fuzzy match must hold as they are
    (not "Sở VHTTDL" for "Sở TTDL", where most letters agree); a name all in capitals is a header's, not such."""
    if name.isupper():
        return []
    out = []
    for word in re.findall(r"[^\W_][^\s,;()]*", name):
        bare = word.strip(".-&")
        if 2 <= len(bare) <= 8 and bare.isupper() and bare.isalpha() and fold(bare) not in _KNOWN_SHORT:
            out.append(_key(bare))
    return out


def _holds_short(agency: Agency, short: str) -> bool:
    """The unit's name or one of its aliases has the short name (folded) as a word, or the unit is so shortened: the
    letters of a short name of its aliases ("NN&PTNT"), or the initials of its name's words after the head noun,
    level words and "và" left out ("Sở NNPTNT": "Sở Nông nghiệp và Phát triển nông thôn"; not "Sở TTDL": "Sở Văn
    hóa, Thể thao và Du lịch", whose short name is "VHTTDL")."""
    for alias in (agency.name, *agency.aliases):
        if short in _key(alias).split() or any(
            re.sub(r"[^a-z]", "", fold(w)) == short for w in alias.split() if sum(c.isupper() for c in w) >= 2
        ):
            return True
    words = _key(agency.name).split()
    head = _head_noun(" ".join(words))
    rest = [w for w in words[len(head.split()) if head else 0 :] if w not in _NAME_FILLER]
    return short == "".join(w[0] for w in rest)


def _own_first(registry: list[Agency]) -> list[Agency]:
    """The caller's own units, then the generic ones the reader ships (`DEFAULT_AGENCIES`), each in its order."""
    generic = {(code, name) for code, name, _kind, _aliases in DEFAULT_AGENCIES}
    return sorted(registry, key=lambda a: (a.code, a.name) in generic)


class AgencyMatcher:
    """Exact alias lookup first, then rapidfuzz; unmatched names are returned, never dropped."""

    def __init__(self, registry: list[Agency] | None = None, threshold: float = 84.0) -> None:
        self.registry = registry if registry is not None else default_registry()
        self.threshold = threshold
        self._keys: dict[str, Agency] = {}
        # a unit's own name is its key before any other unit's alias or shortened name takes it ("Công an đặc khu", the
        # name of a unit the caller registers, is also an alias of the generic "Công an xã, phường")
        for agency in self.registry:
            for k in dict.fromkeys((_key(agency.name), _key(expand(agency.name)))):
                self._keys.setdefault(k, agency)
        # then the caller's own units' aliases before the generic units': "Văn phòng Đảng ủy", a commune party
        # committee's office the plan registers by that short name, is also the generic commune office's alias
        for agency in _own_first(self.registry):
            for alias in (agency.name, *agency.aliases):
                for k in dict.fromkeys((_key(alias), _key(expand(alias)))):
                    self._keys.setdefault(k, agency)
                    bare = _GENERIC_TAIL.sub("", k).strip()
                    if bare != "dang uy":  # "Đảng ủy xã": "Đảng ủy" alone names no one body
                        self._keys.setdefault(bare, agency)
        self._choices = list(self._keys)
        self._sorted: list[str] = []        # the keys in order, for `opens_name`
        # "P." is "Phòng" written short: "P. VH-XH" is also written "Phòng VH-XH"
        for k, agency in list(self._keys.items()):
            if k.startswith("p "):
                self._keys.setdefault("phong" + k[1:], agency)
        # kept apart from the names match() looks up: "cả xã" names no one; in a line only "CA xã" in capitals is read
        self._cased_keys = {
            short + k[len(full) :]: agency
            for k, agency in self._keys.items()
            for full, short in _CASED_SHORT.items()
            if k.startswith(full + " ")
        }
        self._add_prefixes()
        self._compact = {re.sub(r"\s+", "", key): agency for key, agency in self._keys.items()}
        self._scanned: dict[str, list[tuple[int, int, Agency]]] = {}
        self._level_of: dict[str, frozenset[str]] = {}
        self._tails: dict[str, Agency] | None = None
        self._codes: dict[str, Agency] | None = None
        self._learned: dict[str, Agency] = {}
        self._build_scan()
        # Words that open a unit's name and may end an OCR'd line, its name going on below ("Bộ Khoa" /
        # "học và Công nghệ"): the usual heads, and any first word five or more of the registry's names share ("Bộ")
        firsts = Counter(words[0] for a in self.registry if (words := _key(a.name).split()))
        extra = sorted(
            w for w, n in firsts.items() if n >= 5 and len(w) >= 2 and w not in ("cac", "uy", "so")
        )
        self._head = (
            re.compile(
                _HEAD.pattern[: -len(_HEAD_END)] + "".join("|" + re.escape(w) for w in extra) + _HEAD_END
            )
            if extra
            else _HEAD
        )
        self._lexicon()

    def _build_scan(self) -> None:
        # Longest aliases first so "so tai nguyen" wins over "so tai".
        alts = sorted((k for k in dict.fromkeys((*self._keys, *self._cased_keys)) if len(k) >= 5), key=len, reverse=True)
        self._scan = re.compile(r"(?<![a-z])(" + _trie(alts) + r")(?![a-z])")

    def learn(self, lines: list[str]) -> list[tuple[str, str]]:
        """Short names the document defines for its units, made exact aliases of the unit the full name
        matches, for this document only: "Sở Khoa học và Công nghệ (sau đây gọi tắt là Sở KH&CN)",
        "(viết tắt là …)", a legend "Ghi chú: VP - Văn phòng HĐND và UBND xã; KT - Phòng Kinh tế" or a
        "Chữ viết tắt" list below its heading. A full name that matches no unit teaches nothing, and a short
        name already naming another unit keeps that one. Returns (short name, unit code) learned."""
        pairs = [*self._defined_after_names(lines)]
        for short, full in legend_entries(lines):
            hit = self.match(full)
            if hit.agency is not None:
                pairs.append((short, hit.agency))
        learned: list[tuple[str, str]] = []
        for short, agency in pairs:
            key = _key(short)
            if not key or len(key) > 40 or key in self._learned:
                continue
            known = self._keys.get(key)
            if known is not None and known.code != agency.code:
                continue
            self._learned[key] = agency
            self._keys[key] = agency
            learned.append((short, agency.code))
        if learned:
            self._compact.update({re.sub(r"\s+", "", k): a for k, a in self._learned.items()})
            if any(len(k) >= 5 and _head_noun(k) != k for k in self._learned):
                self._build_scan()
            self._scanned.clear()
        return learned

    def _defined_after_names(self, lines: list[str]) -> list[tuple[str, Agency]]:
        """A short name in brackets after a unit's name ("… (sau đây gọi tắt là …)"): the unit named right
        before the bracket (a place after it, "… tỉnh Bắc Sơn", may stand between)."""
        out: list[tuple[str, Agency]] = []
        for line in lines:
            folded = fold(line)
            if "tat" not in folded and "goi la" not in folded:
                continue
            for m in _DEFINES.finditer(folded):
                short = line[m.start(1) : m.end(1)].strip(" \"'“”‘’")
                before = line[max(0, m.start() - 160) : m.start()]
                hits = self.scan(before)
                if not hits or not short:
                    continue
                _start, end, agency = hits[-1]
                gap = before[end:].split()
                if len(gap) <= 4 and all(
                    w[:1].isupper() or fold(w).strip(",") in ("tinh", "thanh", "pho", "xa", "phuong")
                    for w in gap
                ):
                    out.append((short, agency))
        return out

    def _lexicon(self) -> None:
        """The registry's words and word pairs: what a damaged word of a unit's name can be repaired to."""
        self._words: set[str] = set()
        self._pairs: set[tuple[str, str]] = set()
        self._pair_count: Counter[str] = Counter()
        for agency in self.registry:
            for alias in (agency.name, *agency.aliases):
                words = _key(alias).split()
                self._words.update(words)
                self._pairs.update(pairwise(words))
                self._pair_count.update(words[1:])
        self._targets = sorted(w for w in self._words if _SYLLABLE.match(w))
        after: dict[str | None, set[str]] = {}
        before: dict[str | None, set[str]] = {}
        targets = set(self._targets)
        for a, b in self._pairs:
            if b in targets:
                after.setdefault(a, set()).add(b)
            if a in targets:
                before.setdefault(b, set()).add(a)
        self._after = {k: frozenset(v) for k, v in after.items()}
        self._before = {k: frozenset(v) for k, v in before.items()}
        self._name_words: dict[str, list[str]] = {}
        self._between: dict[tuple[str, str | None, str | None], str | None] = {}
        self._fixed: dict[str, str | None] = {}
        self._repaired: dict[str, str] = {}

    def _fix_alone(self, word: str) -> str | None:
        """A word no Vietnamese syllable is spelt like ("gido", "nehe") → the registry word it is closest to."""
        if word in self._words:
            return word
        if word in self._fixed:
            return self._fixed[word]
        fixed = None
        if len(word) >= 4 and word.isalpha() and not _SYLLABLE.match(word):
            best = process.extractOne(word, self._targets, scorer=fuzz.ratio, score_cutoff=75)
            fixed = best[0] if best else self._unglue(word)
        if len(self._fixed) < 50_000:
            self._fixed[word] = fixed
        return fixed

    def _unglue(self, word: str) -> str | None:
        """Two registry words OCR ran together ("dantoe" → "dan toc"): the first exact, the second within
        one letter, and the pair found in a unit's name; the second as written before one a letter off
        ("lydi" → "ly di", not "ly du"), whatever order the set of pairs iterates in."""
        for i in range(2, len(word) - 1):
            head, tail = word[:i], word[i:]
            if head not in self._words:
                continue
            near = sorted(
                (diff, cand)
                for cand in self._after.get(head, _NONE)
                if len(cand) == len(tail) and (diff := sum(a != b for a, b in zip(cand, tail, strict=True))) <= 1
            )
            if near:
                return f"{head} {near[0][1]}"
        return None

    def _fix_between(
        self, word: str, prev: str | None, nxt: str | None, far: tuple[str | None, str | None]
    ) -> str | None:
        """A damaged word ("vy", "hoe", "50") repaired only where the registry has it next to its neighbour
        ("Nội" + "vụ", "Khoa" + "học", "Các" + "sở"). A word spelt like a real syllable ("hoe", "theo") needs
        two registry words in a row on one side ("Sở Khoa" + "hoe"); a word with digits must read as the
        registry word once the digits are read as letters ("s0", "50" → "sở")."""
        plain = _plain(word)
        left_ok = not plain or (far[0], prev) in self._pairs
        right_ok = not plain or (nxt, far[1]) in self._pairs
        memo = (word, prev if left_ok else None, nxt if right_ok else None)
        if memo in self._between:
            return self._between[memo]
        look = word.translate(_DIGIT_LOOK)
        floor = (
            100.0 if look != word else 66.0 if plain or len(word) == 1 else 50.0 if len(word) == 2 else 60.0
        )
        best, score = None, 0.0
        after = self._after.get(memo[1], _NONE)
        before = self._before.get(memo[2], _NONE)
        for cand in sorted(after | before):
            if len(word) == 1 and not (
                cand.startswith(word) or (word in "aeiouy" and len(cand) == 2 and cand[1] == word)
            ):
                continue  # a lone letter is a word's first letter, or the vowel left of a short word ("&" → "sở")
            r = fuzz.ratio(look, cand, score_cutoff=floor)
            if not r:
                continue
            left, right = cand in after, cand in before
            if r >= floor and (total := r + 15 * (left + right) + min(self._pair_count[cand], 5)) > score:
                best, score = cand, total
        if len(self._between) < 50_000:
            self._between[memo] = best
        return best

    def repaired_key(self, line: str) -> str:
        """The folded key of an OCR'd table line with damaged words of unit names repaired from the registry
        ("S¢ Gido duc" → "so giao duc", "S& Noi vy" → "so noi vu", "Cac s0," → "cac so,"); only for finding
        names in table cells, so its offsets are the line's only approximately."""
        cached = self._repaired.get(line)
        if cached is not None:
            return cached
        key = _base_key(line)
        tokens = list(_TOKEN.finditer(key))
        texts = [m.group(0) for m in tokens]
        fixed = self._fixed
        words: list[str | None] = [
            t if t in self._words else fixed[t] if t in fixed else self._fix_alone(t) for t in texts
        ]
        if len(key) == len(line):  # "CA xã": a short name in capitals is no damaged word
            words = [t if line[m.start() : m.end()] in ("CA", "QS") else w for m, t, w in zip(tokens, texts, words, strict=True)]
        # a time's word before its number ("Văn phòng | Tháng 6/2026", "Quý 1/2026") is the deadline cell's, never a
        # unit's damaged word ("Tháng" is no "Đảng")
        words = [t if t in _TIME_WORDS and n + 1 < len(texts) and texts[n + 1].isdigit() else w
                 for n, (t, w) in enumerate(zip(texts, words, strict=True))]
        pending = [
            n for n, w in enumerate(words) if w is None and (not texts[n].isdigit() or len(texts[n]) <= 2)
        ]
        for _round in range(2):
            for n in pending:
                if words[n] is not None:
                    continue
                prev = words[n - 1] if n else None
                nxt = words[n + 1] if n + 1 < len(words) else None
                if prev is None and nxt is None:
                    continue
                far = (words[n - 2] if n >= 2 else None, words[n + 2] if n + 2 < len(words) else None)
                if (
                    _plain(texts[n])
                    and (far[0], prev) not in self._pairs
                    and (nxt, far[1]) not in self._pairs
                ):
                    continue  # a real word stays unless two registry words stand on one side
                if (
                    n
                    and len(texts[n]) == 2
                    and texts[n].isalpha()
                    and _SYLLABLE.match(texts[n])
                    and _plain(texts[n - 1])
                    and texts[n - 1] not in self._words
                    and words[n - 1] is None
                ):
                    continue  # "của hộ dân": a short real word after a sentence's word no unit has
                words[n] = self._fix_between(texts[n], prev, nxt, far)
        if all(w is None or w == t for w, t in zip(words, texts, strict=True)):
            out = _UY.sub("uy", key)
        else:
            parts: list[str] = []
            pos = 0
            for m, w in zip(tokens, words, strict=True):
                parts.append(key[pos : m.start()])
                parts.append(w if w is not None and w != m.group(0) else _UY.sub("uy", m.group(0)))
                pos = m.end()
            parts.append(key[pos:])
            out = "".join(parts)
        if len(self._repaired) < 50_000:
            self._repaired[line] = out
        return out

    def _cells_key(self, key: str, line: str) -> list[tuple[int, int, Agency]]:
        """`_scan_key`, a name never running over a cell's bar of the line ("Học sinh | Đoàn trường" holds no "Tỉnh
        đoàn"): past a name found so, the line is scanned again from the bar on (where the key keeps the line's places)."""
        spans = self._scan_key(key)
        if len(key) != len(line) or "|" not in line:
            return spans
        out: list[tuple[int, int, Agency]] = []
        for s, e, a in spans:
            if "|" not in line[s:e]:
                out.append((s, e, a))
                continue
            bar = line.index("|", s, e)
            nxt = min((s2 for s2, _e, _a in spans if s2 > s), default=len(key))
            out.extend(x for x in self._cells_key(" " * (bar + 1) + key[bar + 1:nxt], line[:nxt]) if x[0] > bar)
        return sorted(out, key=lambda x: x[0])

    def _scan_key(self, key: str) -> list[tuple[int, int, Agency]]:
        return [
            (m.start(), m.end(), a)
            for m in self._scan.finditer(key)
            if not _CO_SO.search(key, 0, m.start() + 3)
            and not _in_other_name(key, m.start())
            and (a := self._lookup(m.group(1)))
            and not self._level_after(key, m.end(), a)
        ]

    def _level_after(self, key: str, end: int, agency: Agency) -> bool:
        """The name found goes on with a level word of another level ("UBND" + " xã" is no UBND tỉnh)."""
        pos = end + len(key[end : end + 2]) - len(key[end : end + 2].lstrip())
        m = _LEVEL.match(key, pos)
        return m is not None and self._level_clash(_levels(m.group(0)), agency)

    def _add_prefixes(self) -> None:
        """Unique word prefixes of canonical names ("so khoa hoc") so OCR-split cells are still found by scan."""
        owners: dict[str, set[str]] = {}
        for agency in self.registry:
            words = _key(agency.name).split()
            for n in range(2, len(words)):
                owners.setdefault(" ".join(words[:n]), set()).add(agency.code)
        by_code = {a.code: a for a in self.registry}
        for prefix, codes in owners.items():
            # a prefix shared with names from before the 2025 reorganisation belongs to today's unit
            current = {c for c in codes if not by_code[c].kind.endswith("_legacy")}
            if (
                len(current) == 1
                and (prefix.count(" ") >= 2 or len(prefix) >= 11)
                and prefix not in self._keys
            ):
                self._keys[prefix] = by_code[next(iter(current))]

    def level_of(self, agency: Agency) -> frozenset[str]:
        """The levels of government a unit's name and aliases say (none: a unit of any level)."""
        found = self._level_of.get(agency.code)
        if found is None:
            found = frozenset().union(*(_levels(_key(expand(n))) for n in (agency.name, *agency.aliases)))
            self._level_of[agency.code] = found
        return found

    def _level_clash(self, levels: frozenset[str], agency: Agency) -> bool:
        own = self.level_of(agency)
        return len(levels) == 1 and bool(own) and not levels <= own

    def opens_name(self, text: str) -> bool:
        """Whether `text` is the start of a name (or alias) the registry holds, ending on a whole word ("Văn phòng
        HĐND", "Phòng Kinh"); '' is."""
        if len(self._sorted) != len(self._keys):
            self._sorted = sorted(self._keys)
        for key in dict.fromkeys((_key(text), _key(expand(text)))):
            at = bisect.bisect_left(self._sorted, key)
            while at < len(self._sorted) and self._sorted[at].startswith(key):
                if len(self._sorted[at]) == len(key) or self._sorted[at][len(key)] == " ":
                    return True
                at += 1
        return False

    def match(self, text: str) -> AgencyMatch:
        name = squash(text).strip(" .;,-–:")
        # the unit without its field's label ("Cơ quan chủ trì: Sở Y tế") or the role written after it
        # ("Sở Y tế (cơ quan thường trực)", "Công an xã (thực hiện)")
        bare = _TRAILING_BRACKET.sub("", _ROLE_LABEL.sub("", name, count=1)).strip(" .;,-–:")
        unit = _without_bodies(_without_head(bare)).strip(" .;,-–:")
        names = list(dict.fromkeys(n for n in (name, bare, unit) if n))
        for found in (self._exact(n) for n in names):
            if found is not None:
                return AgencyMatch(name, found, 100.0)
        for n in names:
            if (near := self._near_learned(n)) is not None:
                return AgencyMatch(name, near, 90.0)
        for n in names:
            hit = self._fuzzy(n)
            if hit is not None:
                if hit[1] < 90 and any(self._keys.get(_key(self.repaired_key(x))) == hit[0] for x in names):
                    # the name whole once OCR's damaged words are repaired from the registry ("Sở Noi vy": "ụ" read
                    # as "y"): the unit the near match found, as sure as a learned near name
                    return AgencyMatch(name, hit[0], 90.0)
                return AgencyMatch(name, hit[0], hit[1])
        return AgencyMatch(name, None, 0.0)

    def _exact(self, name: str) -> Agency | None:
        name = _cased(name)
        key = _key(name)
        if not key:
            return None
        full = _key(expand(name))
        levels = _levels(full)
        for k in (key, _GENERIC_TAIL.sub("", key).strip(), full, _GENERIC_TAIL.sub("", full).strip()):
            if k in self._keys and not self._level_clash(levels, self._keys[k]):
                return self._keys[k]
        return None

    def _fuzzy(self, name: str) -> tuple[Agency, float] | None:
        if _only_short_names(name):
            # a short name in capitals no registry alias holds ("CA xã", "KT", "TTYT") is no misspelt unit:
            # unmatched and reported, never the unit whose name holds like letters ("CA xã" ≠ "các xã")
            return None
        key = _key(expand(_cased(name)))
        if sum(len(w) for w in key.split() if w not in _NAME_FILLER) < 4 and not any(
                c.startswith(key + " ") for c in self._choices):
            # "cả xã": too few letters to tell a misspelling from another word, unless they open a unit's name
            # whole words ("Các bộ," cut off in a narrow cell is "Các bộ, ngành, địa phương")
            return None
        levels = _levels(key)
        head = _head_noun(key)

        after_dash = [_key(expand(part)).split() for part in _DASH.split(name)[1:] if part[:1].isupper()]

        def fits(choice: str) -> bool:
            other = _head_noun(choice)
            words = choice.split()
            return (head is None or other is None or head == other) and not self._level_clash(
                levels, self._keys[choice]
            ) and all(not part or part[0] in words for part in after_dash)

        best = process.extractOne(key, self._choices, scorer=fuzz.ratio)
        if best and best[1] >= self.threshold and _same_body(key, best[0], self.threshold) and fits(best[0]) \
                and all(_holds_short(self._keys[best[0]], s) for s in _unknown_shorts(name)):
            return self._keys[best[0]], float(best[1])
        best = process.extractOne(key, self._choices, scorer=fuzz.partial_ratio)
        if best and best[1] >= 95 and len(best[0]) >= 8 and len(key) <= len(best[0]) + 12 and fits(best[0]):
            return self._keys[best[0]], float(best[1]) - 10
        return None

    def _near_learned(self, name: str) -> Agency | None:
        """A short name in capitals one letter off a short name the document defines ("TTPVHCC" in the table,
        "TPVHCC" in the legend OCR read): that unit, when only one such name is near (five letters or more)."""
        if not (5 <= len(name) <= 15 and re.fullmatch(r"[A-ZĐ][A-ZĐ0-9&]+", name)):
            return None
        key = _key(name).replace(" ", "")
        near = {
            a.code: a
            for k, a in self._learned.items()
            if len(k) >= 5 and " " not in k and Levenshtein.distance(k, key, score_cutoff=1) <= 1
        }
        return next(iter(near.values())) if len(near) == 1 else None

    def split(self, cell: str) -> list[str]:
        """'Sở Tài chính, Sở Nội vụ và các sở, ngành liên quan' → three names."""
        out: list[str] = []
        cell = squash(cell)
        for part in _cut(cell, _LIST_SEP):
            if (
                out
                and part[:1].islower()
                and _COLLECTIVE.match(fold(part))
                and fold(out[-1]).startswith("cac ")
            ):
                out[-1] = (
                    f"{out[-1]}, {part}"  # "Các cơ quan, đơn vị liên quan": one collective, not two units
                )
            elif out and self._goes_on_after_comma(cell, out[-1], part):
                out[-1] = f"{out[-1]}, {part}"
            elif _key(part) in self._keys:
                out.append(part)
            else:
                out.extend(_cut(part, _AND_SEP))
        return [p.strip(" .;,-–:") for p in out if len(p.strip(" .;,-–:")) >= 2]

    def _goes_on_after_comma(self, cell: str, prev: str, part: str) -> bool:
        """A name's fields joined by a comma ("Cục Quản lý Khám, chữa bệnh", "Cục Thống kê, Thông tin và Chuyển đổi số
        y tế"): the part after the comma opens with no unit's head noun and names no unit, and the part before it opens
        with a head noun but is no unit the registry knows (a known unit ends where its name ends: "Sở Công Thương,
        Điện lực tỉnh" stays two)."""
        at = cell.find(prev)
        if at < 0 or not cell[at + len(prev) :].lstrip().startswith(","):
            return False
        key = _key(expand(_cased(part)))
        if not key or _head_noun(key) or key.split()[0] in ("cac", "nhung", "moi") or self.scan(part):
            return False
        before = _key(expand(_cased(prev)))
        return bool(_head_noun(before)) and before.split()[0] not in ("cac", "nhung") and self.match(prev).agency is None

    def match_many(self, cell: str) -> list[AgencyMatch]:
        out: list[AgencyMatch] = []
        for part in self.split(cell):
            hit = self.match(part)
            if hit.agency is None and out and (prev := out[-1]).agency is not None:
                # the rest of the unit before it, cut off at the cell's edge ("Các bộ, ngành, địa" of "Các bộ,
                # ngành, địa phương", also as OCR misread it: "Cac b9, nganh, dia"): one unit, not an unknown one
                joined = _key(f"{prev.text}, {part}")
                if any(a == prev.agency and len(k) > len(joined)
                       and fuzz.ratio(joined, k[:len(joined)]) >= self.threshold for k, a in self._keys.items()):
                    out[-1] = AgencyMatch(f"{prev.text}, {part}", prev.agency, prev.score)
                    continue
            out.append(hit)
        return out

    def scan(self, text: str) -> list[tuple[int, int, Agency]]:
        """Agency mentions inside free text: (start, end, agency) over the folded key of `text`."""
        cached = self._scanned.get(text)
        if cached is None:
            key = _key_keep_len(text)
            cached = [
                (m.start(), m.end(), a)
                for m in self._scan.finditer(key)
                if not _CO_SO.search(key, 0, m.start() + 3)
                and not _in_other_name(key, m.start())
                and text[m.start() : m.start() + 2].lower() != "số"
                and _cased_ok(text, key, m.start())
                and not _FIELD_AFTER_DASH.match(text, m.end())
                and (a := self._lookup(m.group(1)))
                and not self._level_after(key, m.end(), a)
            ]
            cached = self._with_codes(text, cached)
            if len(self._scanned) < 50_000:
                self._scanned[text] = cached
        return list(cached)

    def _with_codes(self, text: str, found: list[tuple[int, int, Agency]]) -> list[tuple[int, int, Agency]]:
        """`found` and the units named by a code the registry gives them, standing as a word of `text` ("PA05", "PC06":
        a police unit's letters and number, which the folded key's repairs and its five letters' floor leave out)."""
        if self._codes is None:
            self._codes = {a: agency for agency in self.registry for a in agency.aliases if _UNIT_CODE.fullmatch(a)}
        if not self._codes:
            return found
        more = [
            (m.start(), m.end(), self._codes[m.group(0)])
            for m in _UNIT_CODE_IN.finditer(text)
            if m.group(0) in self._codes and not any(s < m.end() and m.start() < e for s, e, _ in found)
        ]
        return sorted([*found, *more], key=lambda f: f[0]) if more else found

    def _lookup(self, found: str) -> Agency | None:
        k = squash(found)
        if k in self._keys:
            return self._keys[k]
        if k in self._cased_keys:
            return self._cased_keys[k]
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
        return [(c.line, c.col, c.agency) for c in self.scan_cells(lines)]

    def scan_cells(self, lines: list[str]) -> list[CellMention]:
        """Like `scan_lines`, with where each piece of a split name stands (for ordering table cells)."""
        keys = [self.repaired_key(x) for x in lines]
        out: list[CellMention] = []
        for k, key in enumerate(keys):
            spans = [
                (s, e, a)
                for s, e, a in self._cells_key(key, lines[k])
                if not (key.startswith("so", s) and _DEPARTMENT.match(a.name) and _number_word_at(lines[k], key, s))
                and _cased_ok(lines[k], key, s)
            ]
            out.extend(
                CellMention(k, s, a, ((k, s), *self._rest_below(keys, k, s, key[s:e], a)))
                for s, e, a in spans
            )
            if len(key) == len(lines[k]):  # a unit's code as a word of the row ("PA05"), where the key keeps its places
                out.extend(CellMention(k, s, a, ((k, s),)) for s, e, a in self._with_codes(lines[k], spans)
                           if (s, e, a) not in spans)
            # The rest of the name is on the next line of the cell, or on the one after when the row's
            # number line sits in between ("Văn phòng" / "64 … 12/2025" / "UBND tỉnh").
            below = [j for j in range(k + 1, min(k + 5, len(keys))) if keys[j].strip()][:2]
            if not below:
                continue
            for m in self._head.finditer(key):
                if any(s <= m.start() < e for s, e, _a in spans) or (
                    m.group(1) == "so" and _number_word_at(lines[k], key, m.start())
                ):
                    continue
                for n, nxt in enumerate(below):
                    if n and " " not in m.group(1):
                        break  # a bare "Sở" joins only the very next line
                    # a one-word head followed on its line by a word in lower case is the sentence's ("Bộ chỉ
                    # số"): it goes on below only with the words after it
                    going_on = lines[k][m.end() : m.end() + 3].lstrip()[:1].islower()
                    hit = self._join(
                        key[m.start() : m.start() + 30], keys[nxt], m.start(), lines[nxt], going_on
                    )
                    if hit is not None:
                        out.append(CellMention(k, m.start(), hit[0], ((k, m.start()), (nxt, hit[1]))))
                        break
        return sorted(out, key=lambda c: (c.line, c.col))

    def _rest_below(
        self, keys: list[str], k: int, col: int, found: str, agency: Agency
    ) -> list[tuple[int, int]]:
        """Where the rest of a name cut by the cell's line breaks stands ("Sở Khoa học" / "và Công" / "nghệ")."""
        name = self._name_words.get(agency.code)
        if name is None:
            name = self._name_words[agency.code] = _key(agency.name).split()
        have = found.split()
        rest = name[len(have) :] if name[: len(have)] == have else []
        parts: list[tuple[int, int]] = []
        j = k
        while rest:
            # the next line of the cell, or the one after when another cell's line comes between
            hit = None
            for below in [n for n in range(j + 1, min(j + 4, len(keys))) if keys[n].strip()][:2]:
                words = [
                    (w.start(), w.group(0))
                    for w in _TOKEN.finditer(keys[below])
                    if col - 20 <= w.start() <= col + 30
                ]
                hit = next(((n, p) for p, w in words for n, r in enumerate(rest) if r == w), None)
                if hit is not None:
                    break
            if hit is None:
                break
            n, pos = hit
            parts.append((below, pos))
            following = [w for p, w in words if p >= pos]
            used = 0
            while used < len(following) and n + used < len(rest) and following[used] == rest[n + used]:
                used += 1
            rest = rest[n + max(used, 1) :]
            j = below
        return parts

    def scan_tails(self, lines: list[str], heads: int | None = None) -> list[tuple[int, int, Agency]]:
        return [(c.line, c.col, c.agency) for c in self.scan_tail_cells(lines, heads)]

    def scan_tail_cells(self, lines: list[str], heads: int | None = None) -> list[CellMention]:
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
            self._tails = {
                tail: by_code[next(iter(codes))]
                for tail, codes in owners.items()
                if len(codes) == 1
                and len(last := tail.split()[-1]) >= 4
                and len(used.get(last, ())) == 1
                and last not in ("tinh", "xa", "phuong", "huyen", "pho")
            }
        keys = [self.repaired_key(x) for x in lines]
        present = set(_TOKEN.findall(" ".join(keys)))
        out: list[CellMention] = []
        for tail, agency in self._tails.items():
            words = tail.split()
            if words[-1] not in present or not present.issuperset(words):
                continue
            # the cell's line break before its last word ("… và Công" / "nghệ") or, in an end of five words or more,
            # before its last two ("Thể thao và" / "Du lịch")
            for cut in (1, 2) if len(words) >= 5 else (1,):
                for k, col, j, pos in self._tail_split(keys, heads, words[:-cut], words[-cut:], agency, tail):
                    if cut == 1 or not any(c.line == k and c.agency.code == agency.code for c in out):
                        out.append(CellMention(k, col, agency, ((k, col), (j, pos))))
        return sorted(out, key=lambda c: (c.line, c.col))

    def _tail_split(
        self, keys: list[str], heads: int | None, head_words: list[str], rest: list[str], agency: Agency, tail: str
    ) -> Iterator[tuple[int, int, int, int]]:
        """(line, column) of a name's end whose `head_words` end a line and whose `rest` opens one of the next
        three lines near the same column, and (line, column) of that rest."""
        rx = re.compile(r"(?<![a-z])" + r"\s+".join(map(re.escape, head_words)) + r"(?![a-z])")
        rest_rx = re.compile(r"(?<![a-z])" + r"\s+".join(map(re.escape, rest)) + r"(?![a-z])")
        for k, key in enumerate(keys[:heads]):
            for m in rx.finditer(key):
                if re.match(r"\s*" + re.escape(rest[0]), key[m.end() :]):
                    continue  # the whole name is on the line: scan() reads it
                if self._ministry_above(keys, k, m.start(), agency, tail):
                    continue
                below = [j for j in range(k + 1, min(k + 6, len(keys))) if keys[j].strip()][:3]
                for j in below:
                    hit = next((w for w in rest_rx.finditer(keys[j]) if abs(w.start() - m.start()) <= 30), None)
                    if hit is not None:
                        yield k, m.start(), j, hit.start()
                        break

    @staticmethod
    def _ministry_above(keys: list[str], k: int, col: int, agency: Agency, tail: str) -> bool:
        """The name's words before its tail stand after "Bộ" on a line above, near the column ("Bộ Khoa học" /
        "và Công" / "nghệ" in a narrow cell): the ministry's name, not the Sở's."""
        words = _key(agency.name).split()
        before = words[: len(words) - len(tail.split())]
        head = _head_noun(" ".join(before))
        rest = before[len(head.split()) :] if head else before
        if not rest:
            return False
        rx = re.compile(r"(?<![a-z])bo\s+" + r"\s+".join(map(re.escape, rest)) + r"(?![a-z])")
        above = [j for j in range(k - 1, max(k - 3, -1), -1) if keys[j].strip()][:2]
        return any(abs(m.start() - col) <= 30 for j in above for m in rx.finditer(keys[j]))

    def _join(
        self, head: str, below: str, col: int, raw: str = "", going_on: bool = False
    ) -> tuple[Agency, int] | None:
        """The unit whose name starts with `head` and goes on in `below` (`raw`: that line as read), near
        the same column: (agency, column of the continuation)."""
        top = head.split()[:4]
        words = [(w.start(), w.group(0)) for w in re.finditer(r"\S+", below)]
        if len(below.strip()) >= 30:
            # columns drift between OCR'd lines; only OCR noise (no word of three letters) before a word
            # lets it stand further left
            words = [
                (p, w)
                for p, w in words
                if p <= col + 45 and (p >= col - 30 or not re.search(r"[a-z]{3}", below[:p]))
            ]
        for n1 in range(len(top), 1 if going_on else 0, -1):
            first = " ".join(top[:n1])
            # a bare "Sở" goes on with the first words under it, never with words further along the line,
            # but where OCR marked a cell's start with a bar just under it ("Phòng" / "… bệnh | Nghiệp vụ Y |")
            starts = (
                range(min(len(words), 12))
                if n1 >= 2
                else [
                    j
                    for j in range(min(len(words), 12))
                    if (j == 0 and (abs(words[j][0] - col) <= 12 or len(words) <= 6))
                    or (
                        j > 0
                        and abs(words[j][0] - col) <= 8
                        and "|" in raw[max(0, words[j][0] - 3) : words[j][0] + 1]
                    )
                ]
            )
            for j in starts:
                cand = first + " " + " ".join(w for _p, w in words[j : j + 4])
                m = self._scan.match(cand)
                # (not a name another level's word goes on: "Văn phòng" / "UBND xã HĐND và" is no "Văn phòng UBND" tỉnh)
                if m and m.end() > len(first) + 2 and (a := self._lookup(m.group(1))) and \
                        not self._level_after(cand, m.end(), a):
                    return a, words[j][0]
        return None

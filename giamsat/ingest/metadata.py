"""Document metadata: issuer, number/symbol, date, kind, title, parents, replaced document."""

from __future__ import annotations

import re
from collections.abc import Callable

from .fold import fold, loose, squash
from .model import DocumentMeta

_SYMBOL = re.compile(
    r"(?<![\d/])(\d{1,4})\s*(?:/\s*(\d{4})\s*)?(?:[-–]\s*[-–]?\s*|/\s*)"
    r"(NQ|KH|CTr|CTR|QĐĐ|QĐ|QD|QB|CT|KL|TB|NĐĐ|NĐ|ND|TT|HD|HĐ|BC|ĐA|DA|KHLT|NQLT|TTLT|CTrLT|CTLT|CTrPH|KHPH|QCPH)\s*([-/])\s*"
    r"(TW|TU|TƯ|ĐU|DU|CP|UBND|HĐND|HDND|QH\d*|TTg|TTG|BCT|BTGTW|ĐĐQH\d*|DDQH\d*|[A-ZĐ][A-Za-zĐ0-9]{1,9})(?![A-Za-z])"
    # a joint document's bodies one after another: "12/KHLT-SKHCN-SGDĐT"
    r"((?:-[A-ZĐ][A-ZĐ0-9]{1,9}(?![A-Za-z]))*)"
    # a branch's or a sub-unit's part after a dot: "1125/KH-PTLS.BL"
    r"((?:\.[A-ZĐ][A-ZĐ0-9]{1,9}(?![^\W\d_]))?)"
)
# An official letter's number: no kind code, the issuer's code and its unit's ("1234/SKHCN-QLCN", "56/UBND-KT")
_LETTER_NO = re.compile(
    r"(\d{1,5})\s*/\s*([A-ZĐ][A-Za-zĐ0-9&]{1,11}(?:\s?-\s?[A-ZĐ][A-Za-zĐ0-9&]{1,11}){1,2})(?![A-Za-z])"
)
# "… Kế hoạch số 210/KH-UBND": a number after a kind's name is another document's, never this one's
_CITED = re.compile(
    r"(?:ke hoach|quyet dinh|nghi quyet|chuong trinh|cong van|to trinh|thong bao|chi thi|ket luan|luat"
    r"|nghi dinh|thong tu|bao cao|de an|huong dan|van ban|quy dinh|hanh dong|lien tich|phoi hop)\s*$"
)
# OCR reads a Đ twice, as Đ and its look-alike Ð (Latin eth): "06/QĐÐ-TTg"
# ("HD" is a guidance's code, Hướng dẫn; "HĐ" a contract's: both are written as they are)
_FIX_CODE = {"QD": "QĐ", "QB": "QĐ", "ND": "NĐ", "CTR": "CTr", "QĐĐ": "QĐ", "NĐĐ": "NĐ", "DA": "ĐA"}
_FIX_ISSUER = {
    "DU": "ĐU",
    "DDQH15": "ĐĐQH15",
    "TW": "TW",
    "TTG": "TTg",
    "HDND": "HĐND",
    "BCDTW": "BCĐTW",
    "HDTV": "HĐTV",
    "HDQT": "HĐQT",
    "BCD": "BCĐ",
}
# OCR reads a code's Đ twice ("18-CTr/ĐĐU"); only a delegation of deputies opens its code with two ("ĐĐQH15", "ĐĐBQH")
_DOUBLED_D = re.compile(r"^ĐĐ(?!B?QH)")
_DATE = re.compile(r"ngay\s*(\d{1,2})\s*t[a-z]{2,5}\s*(\d{1,2})\s*n[a-z]{1,2}m\s*((?:19|20)\d\d)")
_NUMBER_ALONE = re.compile(r"(?:^|\s)s[o0-9]\s*:\s*$")
_NUMBER_LINE = re.compile(r"(?:^|\s)(?:s[o0-9a-z]{0,2}|so)\s*[:.]?\s*(?=\d)")
DOC_TYPES = [
    ("programme", re.compile(r"^chuong\s*trinh"), "Chương trình"),
    ("plan", re.compile(r"^ke\s*hoach"), "Kế hoạch"),
    ("resolution", re.compile(r"^nghi\s*quyet"), "Nghị quyết"),
    ("decision", re.compile(r"^quyet\s*dinh"), "Quyết định"),
    ("directive", re.compile(r"^chi\s*thi"), "Chỉ thị"),
    ("conclusion", re.compile(r"^ket\s*luan"), "Kết luận"),
    ("project", re.compile(r"^de\s*an"), "Đề án"),
    ("guidance", re.compile(r"^huong\s*dan"), "Hướng dẫn"),
    ("notice", re.compile(r"^thong\s*bao"), "Thông báo"),
]
_TYPE_BY_CODE = {
    "CTr": "programme",
    "KH": "plan",
    "NQ": "resolution",
    "QĐ": "decision",
    "CT": "directive",
    "KL": "conclusion",
    "HD": "guidance",
    "ĐA": "project",
    "TB": "notice",
}


def _kind_code(number: str) -> str | None:
    """The kind a document's symbol names by its kind code, the first part after its number ("15/HD-SKHCN": a
    guidance; "05/KHLT-SNV-SKHCN", "07/KHPH-…": a plan, joint or coordinated; "57-NQ/TW": a resolution); not a
    code's letters inside an issuer's code ("SKHCN" holds "KH")."""
    code = next((p for p in re.split(r"[-/.]", number) if p and not p.isdigit()), "")
    for prefix in ("CTr", "KH", "NQ", "QĐ", "CT", "KL", "HD", "ĐA", "TB"):
        if code.startswith(prefix):
            return _TYPE_BY_CODE[prefix]
    return None
# the motto beside the issuer, on `loose` text (OCR: "D9c lap", "DANG C9NG SAN VI¢T NAM")
_HEADER_STOP = re.compile(
    r"([dpb]ang\s*c[o0-9]ng\s*san\s*viet\s*nam|c[o0-9]ng h[o0-9]a x|d[o0-9]c\s*l[a-z0-9]p\b|\*)"
)


def find_symbols(text: str) -> list[tuple[int, str]]:
    """Document symbols in `text` ("57-NQ/TW", "103/KH-UBND", "193/2025/NQ-QH15"), normalised."""
    return [(start, sym) for start, _end, sym in _symbol_spans(text)]


# The National Assembly's resolutions and laws carry no kind code: "Nghị quyết số 193/2025/QH15", "Luật số 93/2025/QH15".
_ASSEMBLY = re.compile(r"(?<![\d/])(\d{1,4})\s*/\s*((?:19|20)\d\d)\s*/\s*QH\s*(\d{2})(?![\dA-Za-z])")


def _symbol_spans(text: str) -> list[tuple[int, int, str]]:
    """`find_symbols` with where each symbol ends."""
    text = text.replace("Ð", "Đ")  # the eth, OCR's look-alike of Đ (same length: positions hold)
    out = [
        (m.start(), m.end(), f"{m.group(1)}/{m.group(2)}/QH{m.group(3)}") for m in _ASSEMBLY.finditer(text)
    ]
    for m in _SYMBOL.finditer(text):
        num, year, code, sep, tail, more, dotted = m.groups()
        code = _FIX_CODE.get(code.upper(), code)
        tail = _FIX_ISSUER.get(tail.upper(), _DOUBLED_D.sub("Đ", tail)) + "".join(
            "-" + _FIX_ISSUER.get(x.upper(), x) for x in more.split("-") if x
        ) + dotted
        mid = f"/{year}" if year else ""
        if sep == "/":  # Party style: 57-NQ/TW
            out.append((m.start(), m.end(), f"{num}{mid}-{code}/{tail}"))
        else:  # State style: 71/NQ-CP
            out.append((m.start(), m.end(), f"{num}{mid}/{code}-{tail}"))
    return sorted(out)


def parse_metadata(lines: list[str], restored: list[str], restore: Callable[[str], str]) -> DocumentMeta:
    meta = DocumentMeta()
    head = lines[:40]
    folded = [fold(x) for x in head]
    number_at = _number(head, folded, meta)
    for f in folded[:25]:
        if (m := _DATE.search(f)) and meta.date is None:
            meta.date = _date(m)
    if meta.date is None:
        meta.date = _broken_date(folded[:25])
    meta.issuer = _issuer(head, restored, number_at, restore) or _central_issuer(meta.number)
    title_at = _title(lines, restored, meta, restore)
    if meta.title is None and meta.doc_type is None:
        title_at = max(title_at, _letter(lines, restored, meta))
    _parents(lines, title_at, meta)
    _replaces(lines, meta)
    _spell_codes(restored[:150], meta)
    if meta.doc_type is None and meta.number:
        code = re.split(r"[-/]", meta.number.split("/", 1)[-1] if "/" in meta.number else meta.number)
        meta.doc_type = next((_TYPE_BY_CODE[c] for c in code if c in _TYPE_BY_CODE), None)
    return meta


# Central bodies whose code in a document's symbol names them alone ("Số: 2150/KH-BYT" is Bộ Y tế's), as their
# header prints them: the issuer where the header's name was lost (a scan that dropped the short "BỘ Y TẾ" above its
# rule). A province's or a commune's code ("UBND", "SKHCN") names no single body.
_CENTRAL_CODES = {
    "BYT": "BỘ Y TẾ", "BTC": "BỘ TÀI CHÍNH", "BCA": "BỘ CÔNG AN", "BQP": "BỘ QUỐC PHÒNG", "BNG": "BỘ NGOẠI GIAO",
    "BNV": "BỘ NỘI VỤ", "BTP": "BỘ TƯ PHÁP", "BCT": "BỘ CÔNG THƯƠNG", "BXD": "BỘ XÂY DỰNG",
    "BKHCN": "BỘ KHOA HỌC VÀ CÔNG NGHỆ", "BGDĐT": "BỘ GIÁO DỤC VÀ ĐÀO TẠO", "BGDDT": "BỘ GIÁO DỤC VÀ ĐÀO TẠO",
    "BNNMT": "BỘ NÔNG NGHIỆP VÀ MÔI TRƯỜNG", "BVHTTDL": "BỘ VĂN HÓA, THỂ THAO VÀ DU LỊCH",
    "BDTTG": "BỘ DÂN TỘC VÀ TÔN GIÁO", "NHNN": "NGÂN HÀNG NHÀ NƯỚC VIỆT NAM", "TTCP": "THANH TRA CHÍNH PHỦ",
    "VPCP": "VĂN PHÒNG CHÍNH PHỦ",
}


def _central_issuer(number: str | None) -> str | None:
    """The central body a document's symbol names by its code ("2150/KH-BYT" → "BỘ Y TẾ"); a joint symbol
    ("…/KH-BYT-BTC") names its first body."""
    if not number or "/" not in number:
        return None
    codes = [c for c in re.split(r"[-/]", number.split("/", 1)[1]) if c]
    body = next((c for c in codes if c.upper() in _CENTRAL_CODES), None)
    return _CENTRAL_CODES[body.upper()] if body else None


def _date(m: re.Match[str]) -> str | None:
    d, mo, y = int(m.group(1)), int(m.group(2)), int(m.group(3))
    return f"{y:04d}-{mo:02d}-{d:02d}" if 1 <= d <= 31 and 1 <= mo <= 12 else None


def _broken_date(folded: list[str]) -> str | None:
    """A date line OCR or a narrow column broke ("Bắc Sơn, ngày" / "05 tháng 3 năm 2026", "… tháng 3" /
    "năm 2026"): the line and the next non-blank one read as one, the date across the break."""
    for i, f in enumerate(folded[:-1]):
        if "ngay" not in f:
            continue
        nxt = next((x for x in folded[i + 1 : i + 3] if x.strip()), "")
        joined = f"{f.rstrip()} {nxt.strip()}"
        for m in _DATE.finditer(joined):
            if m.start() < len(f.rstrip()) < m.end() and (date := _date(m)):
                return date
    return None


_WORD = re.compile(r"[^\W\d_]+")


def _spell_codes(restored: list[str], meta: DocumentMeta) -> None:
    """A symbol's agency code whose Đ OCR read as D ("318/KH-DHDB", "1002/QĐ-BGDDT") spelt as the initials of
    the body it names where the text spells it out ("Trường Đại học Đông Bắc", "Bộ Giáo dục và Đào tạo";
    "và" gives no letter, "ương" of "Trung ương" a W): only a D becomes Đ, and only when one spelling of those initials
    is found."""
    symbols = [x for x in (meta.number, *meta.parents, *meta.replaces) if x]
    if not any("D" in part and "Đ" not in part for x in symbols for part in re.split(r"[-/]", x)[1:]):
        return
    spelt: dict[str, set[str]] = {}
    for line in restored:
        words = _WORD.findall(line)
        for i in range(len(words)):
            initials = ""
            for w in words[i : i + 8]:
                if fold(w) == "va" and initials:
                    continue
                # "Trung ương" is "TW" in symbols ("…-TWĐTN": Trung ương Đoàn Thanh niên)
                initials += "W" if fold(w) == "uong" and initials else w[0].upper()
                if len(initials) >= 2 and "Đ" in initials:
                    spelt.setdefault(fold(initials), set()).add(initials)
    if not spelt:
        return

    def spell(sym: str) -> str:
        parts = re.split(r"([-/])", sym)
        kind = next((k for k, p in enumerate(parts) if p not in "-/" and not p.isdigit()), -1)
        for k, part in enumerate(parts):
            # the kind's code is spelt as written: "HD" is a guidance's ("Hướng dẫn"), not "HĐ"
            if k and k != kind and "D" in part and "Đ" not in part and len(spelt.get(fold(part), ())) == 1:
                parts[k] = next(iter(spelt[fold(part)]))
        return "".join(parts)

    if meta.number:
        meta.number = spell(meta.number)
    meta.parents = [spell(p) for p in meta.parents]
    meta.replaces = [spell(r) for r in meta.replaces]


def _number(head: list[str], folded: list[str], meta: DocumentMeta) -> int:
    for i, line in enumerate(head[:25]):
        m = next(
            (x for x in _NUMBER_LINE.finditer(folded[i]) if not _CITED.search(folded[i], 0, x.start())), None
        )
        if m:
            text, limit = line[m.end() :], 8
        elif _NUMBER_ALONE.search(folded[i]) and i + 1 < len(head):
            text, limit = head[i + 1], 3  # "Số:" / "27/KH-UBND …": OCR broke the line after "Số:"
        else:
            continue
        syms = find_symbols(text)
        if syms and syms[0][0] < limit:
            meta.number = syms[0][1]
            meta.doc_type = _kind_code(meta.number)
            return i
        if (lm := _LETTER_NO.match(text.lstrip())) and (m or text.lstrip() == text):
            meta.number = lm.group(1) + "/" + re.sub(r"\s", "", lm.group(2))
            return i
    return -1


def _issuer(
    head: list[str], restored: list[str], number_at: int, restore: Callable[[str], str]
) -> str | None:
    stop = number_at if number_at > 0 else 6
    parts: list[str] = []
    goes_on: list[bool] = []  # the part's line breaks the name after a comma or "VÀ"
    columns: list[int] = []  # where the part starts on its line
    joint_at: int | None = None  # a line naming two bodies side by side: where the second one starts
    pending: tuple[int, str] | None = None  # a name's first word left alone on its line, and that line
    for i, line in enumerate(head[: max(stop, 1) + 1]):
        if line.startswith("# source:"):
            continue
        seen_to = 0
        for body in _head_segments(re.sub(r"^[#*\s]+|[*]+$", "", line)):
            found: list[tuple[int, str]] = []
            for piece in re.split(r"\s{3,}", body) if re.search(r"\S\s{3,}\S", body.strip()) else [body]:
                words: list[str] = []
                for w in piece.split():
                    letters = [c for c in w if c.isalpha()]
                    if (
                        letters
                        and sum(c.isupper() for c in letters) >= max(1, len(letters) - 1)
                        and not w[0].isdigit()
                    ) or (not letters and words):
                        words.append(w)
                    elif words:
                        break
                chunk = " ".join(words).strip(" -–,")
                if (
                    len(chunk) < 4 and len(words) == 1 and not found and not body[: body.find(chunk)].strip()
                    and re.fullmatch(r"[^\W\d_]{2,3}", chunk) and not _motto_head(chunk) and not _motto_tail(chunk)
                    and chunk.isupper()
                ):
                    # a name's first word that a scan's broken line left alone ("ỦY" / "BAN NHÂN DÂN"): it opens
                    # the next line's name
                    pending = (i, chunk)
                    continue
                if chunk and pending is not None and pending[0] == i - 1 and not found and line.find(chunk) <= 2:
                    at_line = line.find(chunk)
                    word = restore(pending[1]).upper()
                    pending = None
                    if at_line >= 0:
                        parts.append(word + " " + ((restore(chunk) if len(restored[i]) != len(line)
                                                    else _same_span(line, restored[i], chunk)).upper()))
                        goes_on.append(words[-1].endswith(",") or fold(words[-1]) == "va")
                        seen_to = at_line + len(chunk)
                        columns.append(at_line)
                        found.append((at_line, chunk))
                        continue
                # "Số: 12", not "SỞ Y TẾ"; not the motto's tail on a line of its own
                if (
                    len(chunk) >= 4
                    and not re.match(r"s[o0-9]\b(?!\s+[a-z])", fold(chunk))
                    and not _motto_tail(chunk)
                    and not _motto_head(chunk)
                ):
                    src = restored[i] if len(restored[i]) == len(line) else None
                    # in capitals, as the header prints it: a word whose only capital OCR kept ("S&" for "SỞ") too
                    parts.append((restore(chunk) if src is None else _same_span(line, src, chunk)).upper())
                    goes_on.append(words[-1].endswith(",") or fold(words[-1]) == "va")
                    at = line.find(chunk, seen_to)
                    seen_to = at + len(chunk) if at >= 0 else seen_to
                    columns.append(max(at, 0))
                    found.append((columns[-1], chunk))
            if joint_at is None and len(found) == 2 and all(_BODY.match(fold(c)) for _at, c in found):
                joint_at = found[1][0]
    if not parts:
        return None
    if joint_at is not None:
        # a joint document of two bodies, their names side by side in the header's columns: the first
        # (left) body's is the document's, as its number is ("Số: 36/KH-SKHCN   Số: 112-KH/TĐTN")
        left = [(p, g) for p, g, c in zip(parts, goes_on, columns, strict=True) if c < joint_at - 2]
        if left:
            return _spell_levels(_pick_issuer([p for p, _g in left], [g for _p, g in left]))
    elif number_at >= 0 and _joint_number(head[number_at]):
        parts, goes_on = _left_column(parts, goes_on)
    return _spell_levels(_pick_issuer(parts, goes_on))


# A level's name after a body that names its place by level ("ỦY BAN NHÂN DÂN TỈNH …", "ĐẢNG ỦY XÃ …")
_LEVEL_SPELT = {"tinh": "TỈNH", "xa": "XÃ", "huyen": "HUYỆN", "phuong": "PHƯỜNG"}
_BEFORE_LEVEL = re.compile(r"(?:^|\s)(?:nhan dan|ubnd|hdnd|dang bo|dang uy|viet nam|cong an|quan su)$")


def _spell_levels(name: str) -> str:
    """The level's word after a body's name, spelt as the level: the header is all capitals, where the restorer
    may take a name's syllable for it ("ỦY BAN NHÂN DÂN TỊNH ĐÔNG LÂM": 'Tịnh' of a commune's name)."""
    words = name.split(" ")
    for k in range(1, len(words) - 1):
        spelt = _LEVEL_SPELT.get(fold(words[k]))
        if spelt and words[k] != spelt and _BEFORE_LEVEL.search(" ".join(fold(w) for w in words[:k])):
            words[k] = spelt
    return " ".join(words)


# A place after its level ("TỈNH NINH BÌNH", "XÃ AN PHÚ"), folded
_PLACE = r"(?:tinh|thanh pho|huyen|quan|thi xa|thi tran|xa|phuong)(?: [a-z0-9]+){1,4}"


def _joint_number(line: str) -> bool:
    """The number line of a joint document: two numbers side by side ("Số: 36/KH-SKHCN Số: 112-KH/TĐTN"), or
    one of a joint kind or naming several bodies ("Số: 05/KHLT-SNV-HLHPN")."""
    syms = [s for _at, s in find_symbols(line)]
    if len(syms) >= 2:
        return True
    return bool(syms) and bool(re.search(r"(?:LT|PH)[-/]|[-/][A-ZĐ][A-ZĐ0-9]+-[A-ZĐ][A-ZĐ0-9]+$", syms[0]))


def _left_column(parts: list[str], goes_on: list[bool]) -> tuple[list[str], list[bool]]:
    """A joint header whose two columns PDF or OCR ran together on each line ("UBND TỈNH NINH BÌNH BCH ĐOÀN
    TNCS HỒ CHÍ MINH" / "SỞ KHOA HỌC VÀ CÔNG NGHỆ TỈNH NINH BÌNH"): the left column's names. A second body opening
    after a name's place ends the left one ("… TỈNH NINH BÌNH | BCH ĐOÀN …"); a place the header has named
    already, ending a body named without a place, is the right column's second line ("SỞ KHOA HỌC VÀ CÔNG NGHỆ |
    TỈNH NINH BÌNH")."""
    if (
        len(parts) >= 3
        and _SUPERIOR.match(fold(parts[0]))
        and _BODY.match(fold(parts[1]))
        and (not _SUBORDINATE.match(fold(parts[1])) or fold(parts[1]) == fold(parts[0]))
        and _SUBORDINATE.match(fold(parts[2]))
    ):
        # the columns' lines taken in turn ("UBND TỈNH …" / "BCH ĐOÀN …" / "SỞ …" / "TỈNH …"): the left's are
        # the first, third, …
        parts, goes_on = parts[0::2], goes_on[0::2]
    places: list[str] = []
    out: list[str] = []
    for part in parts:
        words = part.split()
        folded = [fold(w) for w in words]
        cut = next(
            (
                k
                for k in range(3, len(words) - 1)
                if re.search(rf"(?:^| ){_PLACE}$", " ".join(folded[:k])) and _BODY.match(" ".join(folded[k:]))
            ),
            len(words),
        )
        text = " ".join(folded[:cut])
        for place in places:
            body = text[: -len(place)].strip()
            if text.endswith(" " + place) and _BODY.match(body + " ") and not re.search(rf"(?:^| ){_PLACE}", body):
                cut = len(body.split())
                text = body
                break
        places.extend(text[m.start() :].strip() for m in re.finditer(rf"(?:^| ){_PLACE}$", text))
        out.append(" ".join(words[:cut]))
    return out, goes_on


# A body's name opening a header's column ("SỞ …", "ĐẢNG ỦY …", "ỦY BAN NHÂN DÂN …")
_BODY = re.compile(
    r"(so|ban|uy ban|ubnd|dang uy|dang bo|hoi dong|hdnd|tinh uy|thanh uy|bo|cong an|van phong|trung tam|bch"
    r"|truong|benh vien|mat tran|hoi|doan|cong ty|tong cong ty|chi cuc|cuc|phong|vien|dai|bao)\s+\S"
)


def _pick_issuer(parts: list[str], goes_on: list[bool]) -> str:
    """The issuing body among the header's names: the one below its superior, a Party committee with its
    place, a committee with its place on the next line."""
    parts = _join_broken_names(parts, goes_on)
    parts = _join_party_names(parts)
    if len(parts) >= 2 and (committee := _party_committee(parts[0], parts[1])):
        return committee
    if len(parts) >= 2 and re.match(r"(dang uy|chi bo|ban |uy ban kiem|dang doan)", fold(parts[-1])):
        return parts[-1]
    if len(parts) >= 2 and fold(parts[-1]).startswith("chi nhanh "):
        return parts[-1]  # "NGÂN HÀNG …" / "CHI NHÁNH THÀNH PHỐ BẮC LẠC": the branch below its company issues
    if len(parts) >= 2 and fold(parts[0]).startswith("dang bo ") and _OWN_COMMITTEE.match(fold(parts[1])):
        return parts[1]  # "ĐẢNG BỘ TỈNH BẮC SƠN" over "HUYỆN ỦY TÂN LẠC": the committee below, with its own place
    if (
        len(parts) >= 2
        and re.fullmatch(_PLACE, fold(parts[1]))
        and not _OWN_COMMITTEE.match(fold(parts[1]))
        and not re.match(_LEVELS + " ", fold(parts[0]))
    ):
        return f"{parts[0]} {parts[1]}"  # "ỦY BAN MẶT TRẬN TỔ QUỐC VIỆT NAM" / "TỈNH BẮC SƠN": the body's place
    if len(parts) >= 2 and _SUPERIOR.match(fold(parts[0])) and _SUBORDINATE.match(fold(parts[1])):
        return parts[1]  # "UBND TỈNH HÀ TĨNH" over "SỞ Y TẾ": the body below its superior issues
    if len(parts) >= 2 and re.match(r"(uy ban nhan dan|hoi dong nhan dan|ubnd)$", fold(parts[0])):
        return f"{parts[0]} {parts[1]}"
    return parts[-1] if re.match(r"(ban chap hanh|dang cong san)", fold(parts[0])) else parts[0]


_MOTTO = re.compile(
    r"c[o0-9]ng\s*h[o0-9]a\s*x[a-z]\s*h[o0-9]i\s*ch[a-z]\s*ngh[a-z0-9]a\s*vi[a-z]t\s*nam"
    r"|[dpb]ang\s*c[o0-9]ng\s*san\s*viet\s*nam"
)


def _head_segments(body: str) -> list[str]:
    """The header line's text before the motto, and after the motto's first line up to its second one: OCR ran
    the header's two lines into one ("ỦY BAN NHÂN DÂN  CỘNG HÒA … VIỆT NAM TỈNH GIA LAI  Độc lập - …")."""
    key = loose(body)
    m = _HEADER_STOP.search(key)
    if not m:
        return [body]
    out = [body[: m.start()]]
    motto = _MOTTO.match(key, m.start())
    if motto:
        after = _HEADER_STOP.search(key, motto.end())
        out.append(body[motto.end() : after.start() if after else len(body)])
    return out


# The motto beside the issuer, broken where a PDF's or a scan's column wraps it ("CỘNG HÒA XÃ HỘI CHỦ NGHĨA" / "VIỆT NAM"):
# its tail on a line of its own is not a part of the issuer's name.
_MOTTOS = ("cong hoa xa hoi chu nghia viet nam", "dang cong san viet nam")


def _motto_tail(chunk: str) -> bool:
    f = " ".join(fold(chunk).strip(" -–").split())
    return any(m.endswith(" " + f) for m in _MOTTOS)


def _motto_head(chunk: str) -> bool:
    """The motto's first words, the rest of it broken onto the next line ("UBND TỈNH …   CỘNG" / "HÒA XÃ HỘI …"):
    no body's name ("CÔNG AN …" is none of the mottos' heads)."""
    f = " ".join(re.sub(r"\d", "o", loose(chunk)).strip(" -–").split())  # "C9NG": OCR's digit for "Ộ"
    return bool(f) and any(m.startswith(f + " ") for m in _MOTTOS)


def _join_broken_names(parts: list[str], goes_on: list[bool]) -> list[str]:
    """'BAN CHỈ ĐẠO PHÁT TRIỂN KHOA HỌC,' / 'CÔNG NGHỆ, ĐỔI MỚI SÁNG TẠO VÀ' / 'CHUYỂN ĐỔI SỐ TỈNH …': one
    name broken over the header's lines; also where the next line opens with its "VÀ" ('… ĐỔI MỚI SÁNG TẠO' /
    'VÀ CHUYỂN ĐỔI SỐ')."""
    out: list[str] = []
    joined = False
    for part, cont in zip(parts, goes_on, strict=True):
        if out and not joined and fold(part).startswith("va "):
            out[-1] = f"{out[-1]} {part}"  # no name opens with "và"
        elif joined:
            out[-1] = f"{out[-1]}{',' if not fold(out[-1]).endswith(' va') else ''} {part}"
        else:
            out.append(part)
        joined = cont
    return out


_LEVELS = r"(tinh|thanh pho|huyen|quan|thi xa|thi tran|xa|phuong|khoi)"
_COMMITTEE_LEVEL = {
    "tinh uy": "tinh",
    "thanh uy": "thanh pho",
    "huyen uy": "huyen",
    "quan uy": "quan",
    "thi uy": "thi xa",
}


# A company's legal form with no name after it ("CÔNG TY TNHH MỘT THÀNH VIÊN" / "CẤP NƯỚC BẮC SƠN")
_COMPANY_FORM = re.compile(
    r"(?:tong )?cong ty(?: co phan| tnhh(?: (?:mot|hai) thanh vien(?: tro len)?)?| trach nhiem huu han"
    r"(?: (?:mot|hai) thanh vien(?: tro len)?)?)?$"
)


# a Party body of an enterprise: "ĐẢNG ỦY CÔNG TY …", "CHI BỘ TỔNG CÔNG TY …"
_PARTY_OF = re.compile(r"(?:dang uy|chi bo|ban thuong vu dang uy) (?=(?:tong )?cong ty)")


def _join_party_names(parts: list[str]) -> list[str]:
    """'BAN CHẤP HÀNH ĐẢNG BỘ' / 'HUYỆN LAM GIANG': a Party organisation's name broken before its place; a
    company's legal form alone on its line (or after its Party committee's words) goes on with its name on the
    next."""
    out: list[str] = []
    for part in parts:
        last = " ".join(fold(out[-1]).split()) if out else ""
        if out and (
            (last.endswith("dang bo") and re.match(_LEVELS + r" \S", fold(part))) or _COMPANY_FORM.match(last)
            # … also after a Party body's name: "ĐẢNG ỦY CÔNG TY CỔ PHẦN" / "MÔI TRƯỜNG ĐÔ THỊ NAM SƠN"
            or ((party := _PARTY_OF.match(last)) is not None and _COMPANY_FORM.match(last, party.end()) is not None)
        ):
            out[-1] = f"{out[-1]} {part}"
        else:
            out.append(part)
    return out


def _party_committee(first: str, second: str) -> str | None:
    """'ĐẢNG BỘ TỈNH BẮC SƠN' / 'TỈNH ỦY': the committee of the organisation above it issues, named with its
    place ('TỈNH ỦY BẮC SƠN'; 'ĐẢNG BỘ XÃ AN PHÚ' / 'ĐẢNG ỦY' gives 'ĐẢNG ỦY XÃ AN PHÚ')."""
    m = re.match(r"dang bo " + _LEVELS + r" (?=\S)", fold(first))
    committee = " ".join(fold(second).split())
    if not m or (committee != "dang uy" and _COMMITTEE_LEVEL.get(committee) != m.group(1)):
        return None
    place = first[m.end() :] if committee != "dang uy" else first[len("dang bo ") :]
    return f"{' '.join(second.split())} {place.strip()}"


# A Party committee named with its own place ("HUYỆN ỦY TÂN LẠC", "THÀNH ỦY BẢO AN")
_OWN_COMMITTEE = re.compile(r"(?:tinh|thanh|huyen|quan|thi) uy \S")
# A header's first line naming the superior body, its second the issuing one below it.
# (a state group above its corporation, a corporation above its company: "TẬP ĐOÀN …" / "TỔNG CÔNG TY …")
_SUPERIOR = re.compile(r"(ubnd|uy ban nhan dan|bo|tinh uy|thanh uy|so|cong an|truong|dai hoc|hoc vien|tap doan|tong cong ty)\s+\S")
_SUBORDINATE = re.compile(
    r"(so|ban|van phong|trung tam|cong an|thanh tra|chi cuc|cuc|phong|benh vien|truong|vien"
    r"|bo chi huy|dai|bao|cong ty|tong cong ty|khoa(?! hoc\b))\s+\S"
)


def _same_span(line: str, restored: str, chunk: str) -> str:
    k = line.find(chunk)
    return restored[k : k + len(chunk)] if k >= 0 else chunk


def _title(lines: list[str], restored: list[str], meta: DocumentMeta, restore: Callable[[str], str]) -> int:
    for i, line in enumerate(lines[:60]):
        body = re.sub(r"^[#*\s]+|[*\s]+$", "", line)
        f = fold(body)
        if i < 15 and (d := _DATE.search(f)) and f[d.end() :].strip():
            k = len(f) - len(
                f[d.end() :].lstrip()
            )  # "… năm 2025 QUYẾT ĐỊNH": OCR ran the kind's line into the date's
            body, f = body[k:], f[k:]
        for kind, rx, label in DOC_TYPES:
            m = rx.match(f)
            if not m or body.endswith(":"):  # "QUYẾT ĐỊNH:" opens a decision's articles, it heads no title
                continue
            head_word = body[: m.end()]
            # the kind's line in capitals, or its words run into the title's first line ("KẾ HOẠCH của Ban …")
            if (len(body) < 40 and body.upper() == body) or (
                head_word.upper() == head_word and len(head_word) > 5 and _runs_on(body[m.end() :])
            ):
                if meta.doc_type is None:
                    meta.doc_type = kind
                rest: list[str] = []
                j = i + 1
                while j < len(lines) and not lines[j].strip() and not rest and j < i + 3:
                    j += 1
                # the title's words run into the kind's line ("CHỈ THỊ của Ban … số"): past a blank line only
                # a line in lower case goes on with it ("Thời gian qua, …" opens the text)
                ends = (
                    j > i + 1
                    and bool(body[m.end() :].strip())
                    and not (j < len(lines) and lines[j].lstrip("#* ")[:1].islower())
                )
                if ends:
                    j = i + 1
                while not ends and j < len(lines) and lines[j].strip() and len(rest) < 8:
                    fj = fold(lines[j]).lstrip("#* ")
                    if (
                        re.match(r"([ivxl]{1,4}|\d{1,2})\s*[.\-–]\s", fj)
                        and lines[j].strip()[:25].upper() == lines[j].strip()[:25]
                    ):
                        break
                    if (
                        rest
                        and re.match(r"(thuc hien|can cu|theo de nghi)", fj)
                        and lines[j - 1].rstrip()[-1:] in ".;:"
                    ):
                        break
                    if (
                        rest
                        and re.match(r"(thuc hien|can cu|ngay \d)", fj)
                        and lines[j].lstrip("#* ")[:1].isupper()
                        and not _is_caps(lines[j])
                    ):
                        break  # a PDF's text layer keeps no blank line: "Thực hiện …" opens the preamble
                    if re.match(r"(can cu|theo de nghi|trong thoi gian)", fj):
                        break
                    if (
                        rest
                        and _is_caps(lines[j])
                        and not all(_is_caps(x) for x in rest)
                        and not lines[j].lstrip("#* ")[:1].isdigit()  # "… Nghị quyết số" / "57-NQ/TW của …"
                    ):
                        break  # "CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH …" below a decision's title (no blank line in a PDF)
                    rl = restored[j] if len(restored[j]) == len(lines[j]) else restore(lines[j])
                    rest.append(re.sub(r"^[#*\s]+|[*\s]+$", "", rl))
                    j += 1
                    if (
                        j + 1 < len(lines)
                        and not lines[j].strip()
                        and lines[j + 1].lstrip("#* ")[:1].islower()
                        and lines[j - 1].rstrip()[-1:] not in ".;:"
                    ):
                        j += 1  # OCR put a blank line between two lines of the title ("…" / "" / "và chuyển đổi số …")
                first = _first_words(body, f, rx, label, restore)
                meta.title = squash(" ".join([first, *rest]))
                return j
    return 0


# An official letter's subject under its number: "V/v triển khai Kế hoạch số 210/KH-UBND" / "ngày 15/12/2024 …"
_SUBJECT = re.compile(r"[#*\s]*(?:v\s*/\s*v|ve\s+viec)\b\s*[:.]?\s*")
_SUBJECT_RUN_IN = re.compile(r"(?<=\s)v\s*/\s*v\b\s*[:.]?\s*")


def _letter(lines: list[str], restored: list[str], meta: DocumentMeta) -> int:
    """A Công văn (official letter): no kind's line, a subject line "V/v …" (its lines in lower case below it,
    the right column's words cut off) in its header, and a number with no kind code or a "Kính gửi". Its
    title is "Công văn về việc …"; returns the line after the subject."""
    head = lines[:30]
    addressed = any(re.match(r"[#*\s]*kinh\s*gui", fold(x)) for x in head)
    if meta.number is None and not addressed:
        return 0
    if meta.number is not None and _TYPE_BY_CODE.keys() & set(re.split(r"[-/]", meta.number)):
        return 0
    for i, line in enumerate(head):
        # "V/v" also where OCR ran its line into the number's ("Số: 12/SKHCN-VP  Bắc Sơn, ngày … V/v …")
        m = _SUBJECT.match(fold(line)) or _SUBJECT_RUN_IN.search(fold(line))
        if not m or not line[m.end() :].strip():
            continue
        src = restored[i] if i < len(restored) and len(restored[i]) == len(line) else line
        words = [re.split(r"\s{3,}", src[m.end() :].strip())[0]]
        j = i + 1
        skipped = False
        while j < len(lines) and j < i + 4 + skipped:
            nxt = re.split(r"\s{3,}", lines[j].strip())[0]
            after = re.split(r"\s{3,}", lines[j + 1].strip())[0] if j + 1 < len(lines) else ""
            if not nxt and not skipped and words[-1][-1:] not in ".;:" and after[:1].islower() \
                    and not re.match(r"kinh\s*gui", fold(after)):
                skipped = True  # OCR put a blank line inside the subject ("… chuyển đổi số" / "" / "năm 2026")
                j += 1
                continue
            if not nxt or not (nxt[:1].islower() or nxt[:1].isdigit()) or re.match(r"kinh\s*gui", fold(nxt)):
                break
            rj = restored[j] if j < len(restored) and len(restored[j]) == len(lines[j]) else lines[j]
            words.append(re.split(r"\s{3,}", rj.strip())[0])
            j += 1
        meta.doc_type = "official_letter"
        meta.title = squash("Công văn về việc " + " ".join(words))
        return j
    if addressed:
        meta.doc_type = "official_letter"
    return 0


def _runs_on(tail: str) -> bool:
    """The title's first words run into the kind's line: "KẾ HOẠCH của Ban …", "KE HOACH Chuyen doi so cua …"
    (a capitalised word, then one in lower case), not "KẾ HOẠCH Số 12" nor another line in capitals."""
    words = tail.split()
    if not tail[:1].isspace() or not words or not words[0][:1].isalpha():
        return False
    if words[0][0].islower():
        return True
    return len(words) > 1 and words[0][1:].islower() and words[1][:1].islower()


def _first_words(
    body: str, folded: str, rx: re.Pattern[str], label: str, restore: Callable[[str], str]
) -> str:
    """The title's first line: the kind's own words ("KE HOACH", "QUYET ĐỊNH" as OCR left them read as
    "Kế hoạch", "Quyết định"), then the rest of the line restored ("KẾ HOẠCH HÀNH ĐỘNG" → "Kế hoạch hành
    động")."""
    m = rx.match(folded)
    end = m.end() if m else 0
    rest = body[end:]
    if rest.strip():
        restored = restore(body)
        rest = restored[end:] if len(restored) == len(body) else restore(rest)
        rest = rest.lower() if rest.upper() == rest else rest
    return squash(f"{label} {rest}")


def _is_caps(line: str) -> bool:
    letters = [c for c in line if c.isalpha()]
    return bool(letters) and sum(c.isupper() for c in letters) >= 0.8 * len(letters)


def _case_words(text: str) -> str:
    """'KẾ HOẠCH HÀNH ĐỘNG' → 'Kế hoạch hành động'."""
    return text[:1].upper() + text[1:].lower()


def _parents(lines: list[str], title_end: int, meta: DocumentMeta) -> None:
    """Symbols in the title and the opening "Thực hiện …/Căn cứ …" paragraphs, before the first heading."""
    chunks: list[str] = [meta.title or ""]
    para: list[str] = []
    start = max(title_end, 0)
    for line in lines[start : start + 60]:
        f = fold(line).lstrip("#* ")
        if re.match(r"(i|l|1)\s*[.\-]\s*[a-z]", f) and line.strip()[:6].isupper():
            break
        if re.match(r"(#|\*\*)?\s*(i|1|l)\s*[.-]", f) or re.match(r"(dieu 1|quyet nghi)", f):
            break
        para.append(line)
    text = " ".join(para)
    for block in re.split(r"(?<=[.;:])\s+(?=[A-ZĐTCB])", text):
        fb = fold(block).lstrip()
        if re.match(r"(theo de nghi|xet de nghi|tai to trinh)", fb):
            continue
        if rm := _REPLACES.search(loose(block)):
            block = block[: rm.start()]  # "Kế hoạch này thay thế Kế hoạch số …": replaced, not a parent
        chunks.append(block)
    seen: list[str] = []
    joined = re.sub(r"-\s+", "-", " ".join(chunks))
    keys: set[str] = set()
    for _, sym in [*find_symbols(joined), *_cited_letters(joined)]:
        key = re.sub(r"[-/][^-/]+$", "", sym)
        shorter = any(p != sym and p.endswith(sym) for p in seen)
        if sym != meta.number and key not in keys and "/TTr-" not in sym and not shorter:
            seen.append(sym)
            keys.add(key)
    meta.parents = seen


# "Công văn số 2150/UBND-KGVX": a letter's number has no kind code, so only the word before it says it is a document's
_LETTER_CITED = re.compile(r"\bcong\s*van\s*(?:so\s*)?$")


def _cited_letters(text: str) -> list[tuple[int, str]]:
    """Official letters cited by kind and number ('… và Công văn số 2150/UBND-KGVX ngày 05/10/2026 …')."""
    f = fold(text)
    return [(m.start(), m.group(1) + "/" + "".join(m.group(2).split())) for m in _LETTER_NO.finditer(text)
            if len(f) == len(text) and _LETTER_CITED.search(f[max(0, m.start() - 20):m.start()])]


_KINDS = r"(?:ke\s*hoach|chuong\s*trinh|quyet\s*dinh|nghi\s*quyet|chi\s*thi)"
_REPLACES = re.compile(
    r"\bnay\s+(?:se\s+)?thay\s*th[e]\b"
    # "… có hiệu lực kể từ ngày ký, thay thế Kế hoạch số 96/KH-UBND": the replaced document named
    # in the sentence that speaks of this document ("… này …"), not a task's "ban hành thay thế …"
    r"|\bnay\b[^.;|]{0,80}?\bthay\s*th[e]\s+(?:cho\s+)?(?=" + _KINDS + r"\s+(?:hanh\s*dong\s+)?so\b)"
    # "… có hiệu lực kể từ ngày ký, thay thế Kế hoạch số …": the sentence on this document's force
    r"|\bco\s+hieu\s*luc\b[^.;|]{0,80}?\bthay\s*th[e]\s+(?:cho\s+)?(?="
    + _KINDS
    + r"\s+(?:hanh\s*dong\s+)?so\b)"
)


def _replaces(lines: list[str], meta: DocumentMeta) -> None:
    """The documents the plan says it replaces ("Kế hoạch này thay thế …", "…, thay thế Kế hoạch số …")."""
    text = re.sub(r"-\s+", "-", " ".join(lines))
    lz = loose(text)
    for m in _REPLACES.finditer(lz):
        tail = text[m.end() : m.end() + 400]
        spans = _symbol_spans(tail)
        if not spans or spans[0][0] >= 160:
            continue
        end = 0
        for k, (at, sym_end, sym) in enumerate(spans):
            # "thay thế Kế hoạch số 12/KH-UBND ngày 01/02/2025 và Kế hoạch số 15/KH-UBND …": the list goes on
            # past a date and an issuer, up to a word that says what a document is about ("về …")
            if k and not _LIST_GOES_ON.match(fold(tail[end:at])):
                break
            end = sym_end
            if sym not in meta.replaces and sym != meta.number:
                meta.replaces.append(sym)


_LIST_GOES_ON = re.compile(
    r"\s*(?:ngay\s*[\d/.\-]+\s*)?(?:cua\s(?:(?!\bve\b)[^.;:]){0,60}?)?\s*(?:,|;|\bva\b)\s*"
    r"(?:(?:cac\s+)?" + _KINDS + r"\s*(?:hanh\s*dong\s*)?)?(?:so\s*)?$"
)

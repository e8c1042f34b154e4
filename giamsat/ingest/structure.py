"""The outline of a plan: numbered items (I., 1., 1.1., a), -, +), sections and pipe tables.

Everything is detected on the folded, OCR-tolerant form of each cleaned line; text
handed out comes from the restored line when it is aligned with the cleaned one.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field

from rapidfuzz import fuzz
from rapidfuzz.distance import Levenshtein

from .clean import attached_list
from .fold import fold, loose, squash

_MD = re.compile(r"^\s*(#{1,6}\s+|\*\*|__)")
_ROMAN = re.compile(r"^\s*(?:phan\s+(?:thu\s+)?|chuong\s+|muc\s+)?([ivxl1|]{1,5}|[a-d](?=\.))\s*[.\-–:)]\s*(?=\S)")
_NUM3 = re.compile(r"^\s*(\d{1,2})\s*\.\s*(\d{1,2})\s*\.\s*(\d{1,2})\.?\s+")
# "2.1. 100% dữ liệu …": with its closing stop, a figure may open the item's text
_NUM2 = re.compile(r"^\s*(\d{1,2})\s*\.\s*(\d{1,2})\s*(?:\.\s+|\s+(?=\D))")
# "1. 100% xã, phường …": a figure may open the item's text after a space; "1.5" (no space) is no item
_NUM = re.compile(r"^\s*(\d{1,2})\s*[.)](?:\s+(?=\S)|(?=[^\d\s]))")
# "Nhiệm vụ 1: Kiện toàn Ban Chỉ đạo …", "Giải pháp 2. …": a duty numbered by its word instead of a bare number is a
# numbered item like "1. …" (its number is the item's)
_NAMED_NUM = re.compile(r"^\s*(?:nhi\S?m\s*v[uy]|gi\S?i\s*ph\S?p)\s+(?:so\s+)?(\d{1,2})\s*[.:)]\s*(?=\S)")   # "Nhi¢m": OCR
# a line going on with a figure: a number, then "%" or a lower-case word (not a row number before a capital)
_FIGURE_ON = re.compile(r"^\d{1,3}(?:[.,]\d{1,3})*\s*(?:%|[a-zđà-ỹ])")
# "Điều 3. Tổ chức thực hiện": an article's short title (a resolution's or a decision's); an article that is a
# whole sentence ("Điều 2. Quyết định này có hiệu lực kể từ ngày ký.") is no heading
_ARTICLE = re.compile(r"^\s*dieu\s+(\d{1,2})\s*[.:]\s*(?=\S)")
_LETTER = re.compile(r"^\s*([a-zđ¢¡]|[10])\s*\)\s*(?=\S)")    # ¢ and ¡: OCR of "c" and "i"
_DASH = re.compile(r"^\s*[-–—•·*]\s*(?=\S)")
_PLUS = re.compile(r"^\s*\+\s*(?=\S)")
_ANNEX = re.compile(r"^\s*(ph[uy]\s*l[uy]c|danh muc cac (nhiem vu|chi tieu))\b")
# a field of the item above on a line of its own ("- Cơ quan chủ trì: Sở Tư pháp.", "+ Thời gian hoàn thành: Quý III/2026"):
# a field's title alone before its colon ("- Sản phẩm OCOP của xã: …" is an item of its own)
_FIELD = re.compile(r"(?:(?:(?:co\s*quan|don\s*vi|bo\s*phan)\s+(?:chu\s*tri|phoi\s*hop|thuc\s*hien|phu\s*trach)|chu\s*tri|phoi\s*hop)"
                    r"(?:\s*(?:,|va)\s*phoi\s*hop)?(?:\s+thuc\s*hien)?"
                    r"|thoi\s*(?:gian|han)(?:\s+(?:hoan\s*thanh|thuc\s*hien|bat\s*dau))?"
                    r"|(?:san\s*pham|ket\s*qua|kinh\s*phi)(?:\s+(?:dau\s*ra|du\s*kien|thuc\s*hien|chinh))?"
                    r"|nguon\s*(?:von|kinh\s*phi))\s*:")
_FIELD_OWNERS = frozenset({"num", "num2", "num3", "letter", "dash", "plus", "para"})

SECTION_KEYS: list[tuple[str, re.Pattern[str]]] = [
    ("annex", re.compile(r"ph[uy]\s*l[uy]c")),   # "PHy LUC", "PHU LyC": OCR of "PHỤ LỤC"
    ("organization", re.compile(r"to\s*ch(?:u|ir)[a-z]?\s*thu[a-z]?c\s*hi[a-z]?n")),
    ("objectives", re.compile(r"m[uy]c\s*tie[a-z]?u")),
    ("tasks", re.compile(r"nhi[a-z]?m\s*v[uy]|giai\s*phap|phan\s*cong")),
    ("purpose", re.compile(r"m[uy]c\s*[dp][i1]ch|yeu\s*c[a-z]u")),
    ("viewpoints", re.compile(r"quan\s*di[a-z]?m")),
    ("objectives", re.compile(r"chi\s*tie[a-z]?u")),       # "II. CÁC CHỈ TIÊU CHỦ YẾU"
    ("tasks", re.compile(r"noi\s*dung|lo\s*trinh")),        # "III. NỘI DUNG VÀ LỘ TRÌNH PHỐI HỢP"
    # "2. Các dự án thành phần", "III. DANH MỤC CÁC DỰ ÁN ƯU TIÊN": a scheme's projects are its tasks
    ("tasks", re.compile(r"\b(?:du\s*an|de\s*an|chuong\s*trinh)\s*thanh\s*phan\b|\bcac\s*du\s*an\b")),
    # "III. LỊCH TRIỂN KHAI THỰC HIỆN", "TIẾN ĐỘ THỰC HIỆN": when each piece of work is done, a schedule of the duties
    ("tasks", re.compile(r"\blich\s*trien\s*khai\b|\btien\s*do\s*(?:thuc\s*hien|trien\s*khai)\b")),
]


# a paragraph that asks a unit for the duties listed after its colon: "… đề nghị Ủy ban nhân dân các xã, phường quan tâm
# chỉ đạo thực hiện một số nội dung sau:", "Chủ tịch UBND tỉnh yêu cầu Giám đốc các sở thực hiện:"; group 1: the unit on
REQUEST = re.compile(r"\b(?:de\s*nghi|yeu\s*cau)\s+(?!.*\b(?:de\s*nghi|yeu\s*cau)\b)(.{3,200}):\s*$")

# the aim a request serves, set before it: "Để phấn đấu đến ngày 31/12/2026 có 100% xã, phường …, Sở … đề nghị …"
_AIMS = re.compile(r"\bphan\s*dau\b(?=[^:]*\d\s*%[^:]*\b(?:de\s*nghi|yeu\s*cau)\b)")

# "… phấn đấu đến hết năm 2026: tỷ lệ …": a lead-in that sets the targets listed after its colon
_SETS_TARGETS = re.compile(r"\bphan\s*dau\b[^:]{0,60}\b(?:19|20)\d\d\s*:")


def _sentence_on(item: Item, at: int) -> Item:
    """The item from the sentence holding offset `at` on: "Năm 2025, … đạt 31%. Để …, phấn đấu trong năm 2027: …" keeps
    "Để …, phấn đấu …", last year's result left out."""
    a = max(item.text.rfind(". ", 0, at) + 2, 0) if ". " in item.text[:at] else 0
    if a == 0 or not item.rmap:
        return item
    tail = Item(item.start, item.end, item.kind, item.level, item.marker, item.text[a:], item.rtext[item.rmap[a]:])
    tail.rmap = [r - item.rmap[a] for r in item.rmap[a:]]
    return tail


def _targets_apart(section: Section) -> list[Section]:
    """'I. MỤC ĐÍCH, YÊU CẦU, CHỈ TIÊU' / '1. Mục đích, yêu cầu' / '2. Chỉ tiêu năm 2026' / '2.1. …': a part named first
    for its purpose holds its targets under a numbered sub-heading of their own; that sub-heading and its items are an
    objectives part (its title gives their year), the rest stays as it was."""
    if section.kind not in ("purpose", "viewpoints"):
        return [section]
    items = section.items
    top = min((it.level for it in items if it.kind in ("num", "num2", "letter")), default=0)
    heads = [k for k, it in enumerate(items) if it.level == top and it.kind in ("num", "num2", "letter")]
    for n, k in enumerate(heads):
        head = items[k]
        if len(head.text) > 60 or head.text.rstrip()[-1:] in ".;" or _section_kind(head.text) != "objectives":
            continue
        stop = heads[n + 1] if n + 1 < len(heads) else len(items)
        parts = [Section(section.kind, section.title, section.start, items[k - 1].end, items[:k])] if k else []
        parts.append(Section("objectives", head.text, head.start, items[stop - 1].end, items[k + 1:stop]))
        if stop < len(items):
            parts.append(Section(section.kind, section.title, items[stop].start, section.end, items[stop:]))
        return parts
    return [section]


def _section_kind(title: str) -> str:
    """The kind of a part by the words of its title (`SECTION_KEYS`, first match), "other" if none."""
    lz = re.sub(r"[^a-z0-9 ]", "", loose(title[:120]))
    return next((name for name, rx in SECTION_KEYS if rx.search(lz)), "other")


# "IV. PHÂN CÔNG THỰC HIỆN", "PHÂN CÔNG TRÁCH NHIỆM": who carries the plan out, a tasks section by its words (its items
# may be duties with deadlines) that also gives the assignments when the plan has no "Tổ chức thực hiện"; a title
# naming the duties themselves ("PHÂN CÔNG NHIỆM VỤ", "NỘI DUNG CÔNG VIỆC VÀ PHÂN CÔNG THỰC HIỆN") does not
_ASSIGNING = re.compile(r"^(?!.*(nhi[a-z]?m\s*v[uy]|noi\s*dung|cong\s*viec)).*phan\s*cong\s*"
                        r"(thu[a-z]?c\s*hi[a-z]?n|trach\s*nhiem)")


@dataclass
class Item:
    start: int
    end: int
    kind: str
    level: int
    marker: str
    text: str
    rtext: str
    offsets: list[int] = field(default_factory=list)
    rmap: list[int] = field(default_factory=list)

    @property
    def folded(self) -> str:
        return fold(self.text)


@dataclass
class Section:
    kind: str
    title: str
    start: int
    end: int
    items: list[Item]


@dataclass
class Table:
    start: int
    end: int
    rows: list[list[str]]
    rrows: list[list[str]]
    row_lines: list[int] = field(default_factory=list)


_ROW_NO = re.compile(r"^\d{1,3}(\.\d{1,2})*\.?$")

_GROUP_NO = re.compile(r"^([IVXL]{1,5}|[A-ZĐ]|[a-zđ]\))\.?$")
_LETTER_ROW = re.compile(r"^[a-zđ]\)$")


def _column_numbers(cells: list[str]) -> bool:
    """'| 1 | 2 | 3 | 4 | 5 |' or '| (1) | (2) | … |' under a header: the columns' own numbers, no row."""
    marks = [c.strip().strip("()") for c in cells]
    return len(marks) >= 3 and marks == [str(k) for k in range(1, len(marks) + 1)]


# "7, Giai đoạn 2026 - 2027, Sở Công Thương chủ trì …" right after item 6: the item's "." read as "," or ";" by OCR
_COMMA_NUM = re.compile(r"^\s*(\d{1,2})\s*[,;]\s+(?=[A-ZĐÀ-Ỹ])")

# a list number OCR misread as a letter or a sign ("m:" for "5.", "S." for "5.", "ó." for "6.")
_MISREAD_MARK = re.compile(r"^\s*[^\s\d]{1,2}\s*[.:]\s+(?=[A-ZÀ-ỸĐ])")

# words a title line does not end on: its name goes on below ("1. Sở Khoa học và" / "Công nghệ chủ trì …")
_HANGING = frozenset({"va", "cua", "cac", "voi", "cho", "trong", "ve", "tai", "theo", "tren", "den", "tu", "de", "la",
                      "nhung", "mot", "hoac", "o"})


def _width(line: str) -> int:
    return line.strip().strip("|").count("|") + 1


_HEADER_WORDS = re.compile(r"chu tri|phoi hop|thoi gian|thoi han|chi tieu|nhiem vu|don vi|ket qua|noi dung|san pham")


def _header_like(cells: list[str]) -> bool:
    """A header row: 'TT'/'STT' over the numbers, or no number and at least two column titles."""
    first = fold(cells[0]).strip()
    if re.fullmatch(r"s?tt|so\s*tt", first):
        return True
    return not first and len({m.group(0) for m in _HEADER_WORDS.finditer(fold(" ".join(cells[1:])))}) >= 2


# a table's total row: "| | TỔNG CỘNG (A+B) | 147.800 | 69.300 | | |", "| Cộng | | 12 | |", "| | Tổng số: | 45 | |" (the
# whole cell says so: "Tổng dung lượng cáp quang …" names an indicator)
_TOTAL = re.compile(r"(?:tong\s*cong|tong\s*so|tong|cong)(?:\s*\((?:[a-z0-9]{1,4}\s*\+\s*)+[a-z0-9]{1,4}\))?\s*[:.]?")


def _total_row(cells: list[str]) -> bool:
    """The row sums the rows above ("Tổng cộng (A+B)" in its number or name cell, a figure in another): no task, no
    indicator, and no continuation of the row above."""
    filled = [fold(c.replace("**", "")).strip() for c in cells[:2] if c.strip()]
    return bool(filled) and _TOTAL.fullmatch(filled[0]) is not None and any(
        re.search(r"\d", c) for c in cells[1:])


def _continues(rows: list[list[str]], row: list[str]) -> bool:
    """An unnumbered row that is the rest of the numbered row above (a cell broken by a page or
    by the typist), not a group heading: it starts mid-sentence or with an enumeration mark,
    it fills more than one cell, or the table numbers its group rows (I, II, A, a)) so an
    unnumbered row cannot be one. A row lettered "a)" under a numbered group ("1 | Chuyển đổi số trong đào tạo | | |" /
    "a) | Xây dựng … | Phòng Đào tạo | … | Tháng 12/2025") is such a row too when it fills its other cells (a
    lettered group row leaves them empty)."""
    above = rows[-1]
    if row[0] or not (_ROW_NO.match(above[0])
                      or (_LETTER_ROW.match(above[0]) and sum(bool(c) for c in above[1:]) >= 2)):
        return False
    filled = [c for c in row[1:] if c]
    if not filled:
        return False
    first = filled[0]
    return (first[:1].islower() or first[:1] in "(-+–•" or len(filled) > 1
            or any(_GROUP_NO.match(r[0]) for r in rows))


_TIME_TITLE = re.compile(r"^(?:thoi\s*gian|thoi\s*han|tien\s*do)\b")
_NAME_TITLE = re.compile(r"^(?:noi\s*dung|nhiem\s*vu|ten\s+(?:nhiem\s*vu|de\s*an|du\s*an)|cong\s*viec)\b")


def _merged_time_cells(rows: list[list[str]], rrows: list[list[str]]) -> None:
    """'| STT | Thời gian | Nội dung | Cơ quan chủ trì | … |' / '| 1 | Tháng 01/2026 | Ban hành … | Sở … |' / '| 2 | | Kiện
    toàn … | Văn phòng … |': a table whose time column stands before the task's (a schedule by period) merges the time
    cell down the rows of one period, and its text keeps only the top one's words. A numbered row with an empty time
    cell that fills its cells right of the name (a unit, not a group row) takes the time of the row above it when that
    row is numbered at the same depth and filled alike; a group row or a row at another depth ends the run."""
    if len(rows) < 3:
        return
    head = [fold(c).strip(" *.:") for c in rows[0]]
    time = next((c for c, h in enumerate(head) if _TIME_TITLE.match(h)), None)
    name = next((c for c, h in enumerate(head) if _NAME_TITLE.match(h)), None)
    if time is None or name is None or not 0 < time < name:
        return

    def depth(row: list[str]) -> int | None:
        return row[0].rstrip(".").count(".") + 1 if row and _ROW_NO.match(row[0]) else None

    def duty(row: list[str]) -> bool:
        return len(row) > name + 1 and bool(row[name]) and any(row[name + 1:])

    above: int | None = None
    for k in range(1, len(rows)):
        row = rows[k]
        if depth(row) is None or not duty(row) or len(row) <= time:
            above = None
            continue
        if not row[time] and above is not None and depth(rows[above]) == depth(row) and rows[above][time]:
            row[time] = rows[above][time]
            if len(rrows[k]) > time and len(rrows[above]) > time:
                rrows[k][time] = rrows[above][time]
        above = k


def _renumber(rows: list[list[str]], rrows: list[list[str]]) -> None:
    """A row number that breaks the sequence its neighbours agree on (11.2, 11.5, 11.4 or 34, 25, 36:
    a digit misread by OCR) is the one between them."""
    nums = [tuple(int(x) for x in re.findall(r"\d+", r[0])) if r and _ROW_NO.match(r[0]) else None for r in rows]
    for k, num in enumerate(nums):
        if not num:
            continue
        prev = next((n for n in reversed(nums[:k]) if n and len(n) == len(num)), None)
        nxt = next((n for n in nums[k + 1:] if n and len(n) == len(num)), None)
        if prev is None or nxt is None or prev[:-1] != nxt[:-1] or nxt[-1] - prev[-1] != 2 or \
                num == (*prev[:-1], prev[-1] + 1):
            continue
        fixed = ".".join(str(x) for x in (*prev[:-1], prev[-1] + 1)) + ("." if rows[k][0].endswith(".") else "")
        nums[k] = (*prev[:-1], prev[-1] + 1)
        rows[k][0] = fixed
        if rrows[k]:
            rrows[k][0] = fixed


def _group_prefix(rows: list[list[str]], rrows: list[list[str]]) -> None:
    """A sub-row number whose prefix is not its group's ("5 | | Nhân lực y tế số" / "3.1 | …" / "5.2 | …": OCR read 5.1 as
    3.1) takes the group's number when the next sub-row under the same group agrees with the group."""
    nums = [tuple(int(x) for x in re.findall(r"\d+", r[0])) if r and _ROW_NO.match(r[0]) else None for r in rows]
    group: int | None = None
    for k, num in enumerate(nums):
        if num and len(num) == 1:
            group = num[0]
            continue
        if not num or len(num) != 2 or group is None or num[0] == group:
            continue
        nxt = next((n for n in nums[k + 1:] if n and len(n) <= 2), None)
        if nxt and len(nxt) == 2 and nxt[0] == group and nxt[1] > num[1]:
            fixed = f"{group}.{num[1]}" + ("." if rows[k][0].endswith(".") else "")
            rows[k][0] = fixed
            if rrows[k]:
                rrows[k][0] = fixed


# the label of a task's sub-row for one period ("Năm 2026", "Giai đoạn 2026 - 2027", "Quý II/2026", "Đợt 1")
_PERIOD_ROW = re.compile(r"^(?:nam|giai doan|quy|dot|thang)\s+(?:\d{1,4}|[ivx]{1,4})(?:\s*[-/–]\s*\d{1,4})?[.:]?$")


def _join_rows(above: list[str], below: list[str]) -> list[str]:
    return [squash(f"{a} {b}") for a, b in zip(above, below + [""] * (len(above) - len(below)), strict=False)]


def _is_upper(text: str) -> bool:
    letters = [c for c in text if c.isalpha()]
    return len(letters) >= 3 and sum(c.isupper() for c in letters) >= 0.75 * len(letters)


# "II. NHIEM VU CU THE 1. Ha tang va du lieu": OCR ran a section's title in capitals into its first numbered sub-heading
_JOINED_SUB = re.compile(r"\s\d{1,2}\s*[.)]\s+[A-ZĐÀ-Ỹ]")


def _joined_head(rest: str) -> str:
    """The title before a numbered sub-heading OCR joined to it (at least two words), else ''."""
    m = _JOINED_SUB.search(rest[:90])
    return rest[:m.start()] if m and len(rest[:m.start()].split()) >= 2 else ""


def classify(line: str) -> tuple[str, int, int]:
    """(kind, level, offset of content) for one cleaned line."""
    body = _MD.sub("", line)
    cut = len(line) - len(body)
    body_f = fold(body)
    if _ANNEX.match(loose(body)) and len(body) < 90:
        return "annex", 0, cut
    if (m := _ARTICLE.match(body_f)) and 1 <= len(body[m.end():].split()) <= 12 and not body.rstrip().endswith((".", ";", ":")):
        return "article", 1, cut + m.end()
    m = _ROMAN.match(body_f)
    if m and (_is_upper(body[m.end():m.end() + 40]) or _is_upper(_joined_head(body[m.end():]))) and not _NUM2.match(body_f):
        return "roman", 1, cut + m.end()
    for rx, kind, level in ((_NUM3, "num3", 4), (_NUM2, "num2", 3), (_NUM, "num", 2), (_NAMED_NUM, "num", 2), (_LETTER, "letter", 4),
                            (_PLUS, "plus", 6), (_DASH, "dash", 5)):
        if (m := rx.match(body_f if kind != "letter" else body)) is not None:
            if kind == "letter" and not body[m.start(1)].islower() and body[m.start(1)] not in "¢¡10":
                continue
            return kind, level, cut + m.end()
    if len(body) < 120 and any(rx.search(body_f) for _, rx in SECTION_KEYS) and len(body.split()) >= 2 \
            and _is_upper(body):
        return "caps", 1, cut
    return "text", 9, 0


def align(src: str, dst: str) -> list[int]:
    """Offset map from `src` to `dst` (len(src)+1 entries), matching their folded forms."""
    if len(src) == len(dst):
        return list(range(len(src) + 1))
    out = [0] * (len(src) + 1)
    # rapidfuzz's edit script (C) instead of difflib's SequenceMatcher: the same parses on the seeds, the
    # forms and the reference plans' OCR pages, at a seventh of the time of the alignment.
    for op in Levenshtein.opcodes(fold(src), fold(dst)):
        i1, i2, j1, j2 = op.src_start, op.src_end, op.dest_start, op.dest_end
        for k in range(i1, i2 + 1):
            out[k] = j1 + ((k - i1) * (j2 - j1)) // max(i2 - i1, 1)
    out[len(src)] = len(dst)
    return out


class Outline:
    def __init__(self, lines: list[str], restored: list[str], restore: Callable[[str], str]) -> None:
        self.lines = lines
        self.restored = restored
        self.restore = restore
        self.items: list[Item] = []
        self.tables: list[Table] = []
        self._maps: dict[int, list[int]] = {}
        self._fields: dict[int, int] = {}      # a field line read with the item above → offset of its text
        self._title_ends: set[int] = set()     # the first line of a duty's paragraph below its title and a blank line
        self._build()
        self.sections = self._sections()

    def _closes_bracket(self, cur: list[int], line: str) -> bool:
        """The item's lines so far leave a bracket open, and `line` closes it."""
        opened = sum(self.lines[k].count("(") - self.lines[k].count(")") for k in cur)
        return opened > 0 and line.count(")") > line.count("(")

    def _build(self) -> None:
        cur: list[int] = []
        meta: tuple[str, int, int] = ("text", 9, 0)
        last_num = 0            # the number of the last "N." item
        i = 0
        n = len(self.lines)
        while i < n:
            line = self.lines[i]
            if line.lstrip().startswith("|") and line.rstrip().endswith("|"):
                self._flush(cur, meta)
                cur = []
                j = self._table_end(i)
                self._table(i, j - 1)
                i = j
                continue
            if not line.strip():
                if cur and (self._goes_on(cur[-1], i) or self._field_follows(meta, i) or self._title_body(cur, meta, i)):
                    i += 1
                    continue
                self._flush(cur, meta)
                cur = []
                i += 1
                continue
            kind, level, off = classify(line)
            if cur and kind in ("dash", "plus") and self._closes_bracket(cur, line):
                # a name broken at its hyphen inside a bracket the item opened ("… (Khoa Xét nghiệm chủ trì, Phòng Tài
                # chính" / "- Kế toán phối hợp; năm 2027)."): the line goes on the item, it is no item of its own
                kind, level, off = "text", 9, 0
            if cur and kind in ("dash", "plus") and meta[0] in _FIELD_OWNERS and _FIELD.match(fold(line[off:])):
                self._fields[i] = off           # the item's field, read as if written on its line after a ';'
                cur.append(i)
                i += 1
                continue
            if kind == "text" and cur and meta[0] in _FIELD_OWNERS and meta[0] != "para" and _FIELD.match(fold(line)):
                self._fields[i] = 0             # "a) Dự án 1: …" / "Đơn vị chủ trì: …": a label without its dash
                cur.append(i)
                i += 1
                continue
            if kind == "text" and cur and meta[0] == "num" and (lost := self._lost_number(cur[0], meta, i)):
                kind, level, off = "num", meta[1], lost
            if kind == "text" and last_num and (comma := _COMMA_NUM.match(line)) and int(comma.group(1)) == last_num + 1 \
                    and (not cur or not self.lines[i - 1].strip() or self.lines[i - 1].rstrip()[-1:] in ".;:"):
                kind, level, off = "num", 2, comma.end()
            if kind == "num":
                last_num = int(d.group(1)) if (d := re.match(r"\D*(\d{1,2})", line[:off])) else 0
            # an article ("Điều 1. Phê duyệt …") opens a paragraph of its own, also where no blank line parts it from
            # the text above (a PDF's lines)
            if kind != "text" or not cur or self._heading_alone(cur, meta, i) or _ARTICLE.match(fold(line)) or \
                    self._paragraph_ends(cur, meta, i):
                self._flush(cur, meta)
                cur = [i]
                meta = (kind, level, off) if kind != "text" else ("para", 8, 0)
            else:
                cur.append(i)
            i += 1
        self._flush(cur, meta)

    def _lost_number(self, first: int, meta: tuple[str, int, int], i: int) -> int:
        """'4. Các sở …' / '… tháng 4/2026.' / 'm: Ủy ban nhân dân các xã …' / '6. Chế độ báo cáo …': a line opening with a
        token of one or two characters and a stop or colon before a capital, between items N and N+2, is item N+1
        whose number OCR misread. The offset of its text, else 0."""
        m = _MISREAD_MARK.match(self.lines[i])
        if not m or not (n := re.match(r"\s*(\d{1,2})", self.lines[first][:meta[2]])):
            return 0
        for k in range(i + 1, min(i + 12, len(self.lines))):
            kind, _level, _off = classify(self.lines[k])
            if kind == "num":
                nxt = re.match(r"\s*(\d{1,2})", self.lines[k])
                return m.end() if nxt and int(nxt.group(1)) == int(n.group(1)) + 2 else 0
            if kind not in ("text",):
                return 0
        return 0

    def _paragraph_ends(self, cur: list[int], meta: tuple[str, int, int], i: int) -> bool:
        """Wrapped lines with no blank line between paragraphs (a PDF's, a scan's): a paragraph's line closed by a full
        stop well short of the lines above it ends the paragraph, and the next line, opening in upper case, opens the
        next one ("… điểm du lịch trọng điểm của tỉnh." / "Xây dựng cơ sở dữ liệu …")."""
        if meta[0] != "para" or len(cur) < 2:
            return False
        last = self.lines[cur[-1]].rstrip()
        width = max(len(self.lines[k].rstrip()) for k in cur[:-1])
        return width >= 60 and last.endswith(".") and len(last) < 0.8 * width and self.lines[i].lstrip()[:1].isupper()

    def _heading_alone(self, cur: list[int], meta: tuple[str, int, int], i: int) -> bool:
        """'5. Phòng Kế hoạch - Tài chính' / 'Cân đối, bố trí kinh phí …': a numbered line that is a short title
        (a unit's name, 'Mục tiêu chung'; no stop, no word left hanging) above a paragraph opening in upper
        case on the next line is a heading of its own, not the first line of that paragraph; so is a unit's
        name closed by a colon over its one duty ('4. Giám đốc Sở Tài chính:' / 'Ưu tiên bố trí kinh phí …'), and a title
        over a lead-in closed by a colon ('1. Mục tiêu' / 'Đến năm 2030:')."""
        if len(cur) == 1 and meta[0] == "article":      # an article's title is whole on its line
            return True
        if len(cur) != 1 or meta[0] not in ("num", "num2", "num3", "roman", "letter"):
            return False
        head = self.lines[cur[0]][meta[2]:].strip()
        words = fold(head.rstrip(":")).split()
        nxt = self.lines[i].strip()
        # (up to fourteen words: "Quảng bá điểm đến và phát triển sản phẩm du lịch số" is a title, short of the width)
        return (0 < len(head) <= 60 and len(words) <= 14 and (head[-1:].isalnum() or head.endswith(":"))
                and words[-1] not in _HANGING
                and nxt[:1].isupper() and (len(nxt) >= 40 or nxt.endswith((".", ":"))) and len(nxt) > len(head))

    def _title_body(self, cur: list[int], meta: tuple[str, int, int], blank: int) -> bool:
        """A blank line between a duty's title ("Nhiệm vụ 1: Kiện toàn Ban Chỉ đạo …", no stop at its end) and the
        paragraph below that says who leads it and when: the paragraph is the duty's."""
        if meta[0] != "num" or not _NAMED_NUM.match(fold(self.lines[cur[0]])) or \
                any(self.lines[k].rstrip()[-1:] in ".;:" for k in cur):
            return False
        k = blank
        while k < len(self.lines) and k <= blank + 2 and not self.lines[k].strip():
            k += 1
        if k < len(self.lines) and bool(self.lines[k].strip()) and classify(self.lines[k])[0] == "text":
            self._title_ends.add(k)
            return True
        return False

    def _field_follows(self, meta: tuple[str, int, int], blank: int) -> bool:
        """A blank line between an item and the first of its field lines ('- Cơ quan chủ trì: …', or without the dash
        below a numbered or lettered item; paragraphs spaced apart)."""
        k = blank
        while k < len(self.lines) and k <= blank + 2 and not self.lines[k].strip():
            k += 1
        if k >= len(self.lines) or meta[0] not in _FIELD_OWNERS:
            return False
        kind, _level, off = classify(self.lines[k])
        if kind == "text":          # a label without its dash ("Cơ quan chủ trì: …") below a numbered or lettered item
            return meta[0] != "para" and bool(_FIELD.match(fold(self.lines[k])))
        return kind in ("dash", "plus") and bool(_FIELD.match(fold(self.lines[k][off:])))

    def _goes_on(self, last: int, blank: int) -> bool:
        """A blank line OCR put inside a sentence ("… khu vực biển" / "" / "đảo (cơ quan chủ trì: …)"), or a page
        break (a few blank lines where the page's number and running header were): the line before it ends
        with no stop and the next line after at most six blanks opens in lowercase."""
        if self.lines[last].rstrip()[-1:] in ".;:!?)|" or len(self.lines[last].strip()) < 25:
            return False
        k = blank
        while k < len(self.lines) and k <= blank + 5 and not self.lines[k].strip():
            k += 1
        if k >= len(self.lines) or not self.lines[k].strip():
            return False
        nxt = self.lines[k].lstrip()
        # lower case, or a figure and its unit ("… công nghệ đạt" / "" / "2% tổng chi …", "150 doanh nghiệp …")
        return (nxt[:1].islower() or bool(_FIGURE_ON.match(nxt))) and classify(self.lines[k])[0] == "text"

    def _flush(self, idx: list[int], meta: tuple[str, int, int]) -> None:
        if not idx:
            return
        kind, level, off = meta
        text, rtext = "", ""
        offsets: list[int] = []
        rmap: list[int] = []
        named = _NAMED_NUM.match(fold(self.lines[idx[0]])) if kind == "num" else None
        titled = named is not None
        spaced = any(li in self._title_ends for li in idx)     # a blank line ended the title (OCR wraps it)
        for k, li in enumerate(idx):
            line = self.lines[li]
            a = off if k == 0 else self._fields.get(li, 0)
            while a < len(line) and line[a].isspace():
                a += 1
            b = len(line.rstrip())
            lmap = self.line_map(li)
            if text and li in self._fields:
                if text.endswith(".") and rtext.endswith("."):
                    text, rtext = text[:-1], rtext[:-1]
                    del rmap[-1:]
                glue = "; "
                rmap.extend([len(rtext)] * len(glue))
                text += glue
                rtext += glue
            elif text and titled and text[-1:].isalnum() and (li in self._title_ends if spaced else k == 1):
                glue = ". "                 # "Nhiệm vụ 1: <title>" / "<Unit> chủ trì …": the title is a sentence of its own
                rmap.extend([len(rtext)] * len(glue))
                text += glue
                rtext += glue
            elif text:
                glue = "" if re.search(r"\w-$", text) else " "
                rmap.extend([len(rtext) + 0] * len(glue))
                text += glue
                rtext += glue
            offsets.append(len(text))
            rl = self.restored[li]
            ra, rb = lmap[a], lmap[b]
            rmap.extend(len(rtext) + lmap[c] - ra for c in range(a, b))
            text += line[a:b]
            rtext += rl[ra:rb]
        rmap.append(len(rtext))
        marker = f"{named.group(1)}." if named else self.lines[idx[0]][:off].strip()
        if kind == "num" and re.fullmatch(r"\d{1,2}\s*[,;]", marker):
            marker = marker[:-1].rstrip() + "."     # OCR's "7," for "7."
        item = Item(idx[0], idx[-1], kind, level, marker, text, rtext, offsets)
        item.rmap = rmap
        self.items.append(item)

    def line_map(self, i: int) -> list[int]:
        m = self._maps.get(i)
        if m is None:
            m = align(self.lines[i], self.restored[i])
            self._maps[i] = m
        return m

    def line_out(self, i: int, a: int = 0, b: int | None = None) -> str:
        """Restored text of cleaned line i, characters a..b."""
        end = len(self.lines[i]) if b is None else b
        m = self.line_map(i)
        return self.restored[i][m[a]:m[end]]

    def _table_end(self, i: int) -> int:
        """One past the last line of the table starting at line i. A table broken by a page (only blank
        lines between, as many columns on both sides) goes on: one table, read once."""
        n = len(self.lines)
        width = _width(self.lines[i])
        j = i
        while True:
            while j < n and self.lines[j].lstrip().startswith("|"):
                j += 1
            k = j
            while k < n and not self.lines[k].strip():
                k += 1
            if k == j or k >= n or not self.lines[k].lstrip().startswith("|") or _width(self.lines[k]) != width:
                return j
            j = k

    def _table(self, a: int, b: int) -> None:
        rows: list[list[str]] = []
        rrows: list[list[str]] = []
        row_lines: list[int] = []
        heads: list[str] = []           # the first rows of the table: a header a later page repeats
        fresh = 0                       # rows read since the last page break
        for li in range(a, b + 1):
            if not self.lines[li].strip():
                fresh = 0
                continue
            cells = [c.strip() for c in self.lines[li].strip().strip("|").split("|")]
            if all(re.fullmatch(r":?-{2,}:?", c) or not c for c in cells) or _column_numbers(cells):
                continue
            key = fold(" ".join(cells[1:]))
            fresh += 1
            first = fold(cells[0]).strip()
            late_header = not heads and rows and fresh <= 3 and _header_like(cells)
            if not rows and not first and "".join(cells[1:])[:1].islower():
                continue                # the end of a cell whose row the page above lost
            if len(heads) < 3 and len(rows) == len(heads) and (_header_like(cells) or (heads and not first)):
                heads.append(key)
            elif fresh <= 3 and len(key) > 8 and any(fuzz.ratio(key, h) >= 85 for h in heads):
                continue                # the header repeated at the top of a page (its "TT" may be misread)
            if rows and _total_row(cells):
                continue                # the table's total: it sums the rows above
            rl = self.restored[li]
            rcells = [c.strip() for c in rl.strip().strip("|").split("|")] if rl.count("|") == \
                self.lines[li].count("|") else [self.restore(c) for c in cells]
            row = [squash(c.replace("**", "")) for c in cells]
            rrow = [squash(c.replace("**", "")) for c in rcells]
            if rows and _continues(rows, row):
                if len(row) > 1 and _PERIOD_ROW.match(fold(row[1])):
                    row[1] = rrow[1] = ""      # "| | Năm 2026 | | | 30 di tích … | |": the year's output, not the name's
                rows[-1] = _join_rows(rows[-1], row)
                rrows[-1] = _join_rows(rrows[-1], rrow)
                continue
            if late_header:
                # the header first seen below rows (the page above lost it) heads the whole table
                heads.append(key)
                rows.insert(0, row)
                rrows.insert(0, rrow)
                row_lines.insert(0, li)
                continue
            rows.append(row)
            rrows.append(rrow)
            row_lines.append(li)
        _renumber(rows, rrows)
        _group_prefix(rows, rrows)
        _merged_time_cells(rows, rrows)
        self.tables.append(Table(a, b, rows, rrows, row_lines))
        self.items.append(Item(a, b, "table", 7, "", "", "", []))

    def out(self, item: Item, a: int = 0, b: int | None = None) -> str:
        """Restored text of item.text[a:b] (whole item by default)."""
        end = len(item.text) if b is None else b
        if item.rmap:
            return squash(item.rtext[item.rmap[a]:item.rmap[end]])
        return squash(self.restore(item.text[a:end]))

    def _sections(self) -> list[Section]:
        parts = set(self._article_parts())
        heads = [k for k, it in enumerate(self.items)
                 if (it.level <= 1 and it.kind in ("roman", "caps", "annex", "article")) or self._attached_list(k)
                 or k in parts]
        if not heads:
            heads = self._numbered_parts()
            if not heads and (lists := self._headed_lists()):
                return self._unit_parts(lists)
            if not heads and (asked := self._requested_list()):
                return asked
        out: list[Section] = []
        for n, k in enumerate(heads):
            head = self.items[k]
            stop = heads[n + 1] if n + 1 < len(heads) else len(self.items)
            kind = _section_kind(head.text)
            if head.kind == "annex" or (out and out[-1].kind == "annex" and head.kind == "caps") or self._attached_list(k):
                kind = "annex"
            out.append(Section(kind, head.text, head.start, self.items[stop - 1].end,
                               self.items[k + 1:stop]))
        # An annex section swallows the following sections until the next annex heading.
        return [part for section in out for part in _targets_apart(section)]

    def _article_parts(self) -> list[int]:
        """'Điều 1. Phê duyệt Đề án … với các nội dung chủ yếu sau:' / '1. Mục tiêu' / … / '2. Các dự án thành phần' / … /
        'Điều 2. Tổ chức thực hiện': a decision that sets out what it approves inside an article (a sentence closed by a
        colon) has that content's parts as the article's numbered items, when each of them (two or more) is a short
        title (no stop) and one names what a plan's part holds (targets, duties, organization). Their indexes."""
        out: list[int] = []
        items = self.items
        for k, it in enumerate(items):
            if it.kind != "para" or not _ARTICLE.match(it.folded) or not it.text.rstrip().endswith(":"):
                continue
            stop = next((j for j in range(k + 1, len(items)) if items[j].kind in ("article", "roman", "annex", "caps")
                         or _ARTICLE.match(items[j].folded)), len(items))
            nums = [j for j in range(k + 1, stop) if items[j].kind == "num"]
            top = min((items[j].level for j in nums), default=0)
            nums = [j for j in nums if items[j].level == top]
            titles = [j for j in nums if len(items[j].text) <= 60 and items[j].text.rstrip()[-1:] not in ".;:"]
            if len(nums) >= 2 and titles == nums and \
                    {_section_kind(items[j].text) for j in nums} & {"tasks", "objectives", "organization"}:
                out.extend(nums)
        return out

    def _top_numbers(self) -> list[int]:
        """The numbered items ("1.", "2.") at the outline's highest level of numbers, in order."""
        nums = [k for k, it in enumerate(self.items) if it.kind == "num"]
        top = min((self.items[k].level for k in nums), default=0)
        return [k for k in nums if self.items[k].level == top]

    def _numbered_parts(self) -> list[int]:
        """A text with no Roman part, no heading in capitals and no article (an official letter, "Công văn" /
        "Kính gửi: …" / "1. Tập trung thực hiện đạt các chỉ tiêu năm 2026:" / "2. Giao nhiệm vụ cụ thể cho các cơ
        quan, đơn vị như sau:" / "a) Sở …:" / "- …") is divided by its top-level numbers: they are its parts when one
        of them names what a plan's part holds (targets, duties, organization), each part of the kind its words say."""
        parts = self._top_numbers()
        kinds = {_section_kind(self.items[k].text) for k in parts}
        return parts if kinds & {"tasks", "objectives", "organization"} else []

    def _headed_lists(self) -> list[int]:
        """The top-level numbered items of a text with no heading at all when every one (two or more; the last may be a
        closing item) is a short heading closed by ':' over a list of its own ('1. Sở Tài chính:' / '- …') or over
        its one duty ('4. Giám đốc Sở Tài chính:' / 'Ưu tiên bố trí …'): a letter or a directive giving units their
        duties, the heading naming who leads the items below it. The headings, in order."""
        parts = self._top_numbers()
        top = self.items[parts[0]].level if parts else 0

        def heading(k: int) -> bool:
            below = self.items[k + 1] if k + 1 < len(self.items) else None
            return (len(self.items[k].text) <= 80 and self.items[k].text.rstrip().endswith(":") and below is not None
                    and (below.kind == "para" or below.level > top))

        heads = [k for k in parts if heading(k)]
        return heads if len(heads) >= 2 and heads in (parts, parts[:-1]) else []

    def _requested_list(self) -> list[Section]:
        """A letter with no heading at all whose duties are its top-level numbered items (two or more), right after the
        paragraph that asks a unit for them ('… Sở Khoa học và Công nghệ đề nghị Ủy ban nhân dân các xã, phường quan tâm
        chỉ đạo thực hiện một số nội dung sau:' / '1. Kiện toàn …; trước ngày 15/11/2026.' / '2. …'): one tasks part from
        that paragraph to the end (the paragraphs after the list may ask for more), the text above it another."""
        parts = self._top_numbers()
        k = parts[0] - 1 if parts else -1
        if len(parts) < 2 or k < 0 or self.items[k].kind != "para" or not REQUEST.search(self.items[k].folded):
            return []
        out = [Section("other", "", self.items[0].start, self.items[k - 1].end, self.items[:k])] if k else []
        ask = self.items[k]
        if m := _AIMS.search(ask.folded):
            # "Để phấn đấu đến ngày 31/12/2026 có 100% xã, phường …, Sở … đề nghị …:": the aims the request serves
            out.append(Section("objectives", "", ask.start, ask.end, [_sentence_on(ask, m.start())]))
        out.append(Section("tasks", "", self.items[k].start, self.items[-1].end, self.items[k:]))
        return out

    def _unit_parts(self, heads: list[int]) -> list[Section]:
        """The parts of a text whose duties stand under its units' headings (`_headed_lists`): one tasks part from the
        first heading to the end of the last one's duties; a closing item after it ('7. Thủ trưởng các sở … chịu
        trách nhiệm …') and the closing paragraphs are another; a paragraph above the headings that sets the targets
        ('… phấn đấu đến hết năm 2026: tỷ lệ … đạt từ 70% trở lên; …, Chủ tịch Ủy ban nhân dân tỉnh yêu cầu:') is
        the objectives."""
        top = self.items[heads[0]].level
        last = heads[-1]
        stop = next((k for k in range(last + 1, len(self.items))
                     if self.items[k].kind != "para" and self.items[k].level <= top), len(self.items))
        if stop == len(self.items) and self.items[last + 1].kind != "para":
            # a heading over a list: a paragraph after its list closes the text
            stop = next((k for k in range(last + 2, len(self.items)) if self.items[k].kind == "para"), stop)
        out = [Section("objectives", "", it.start, it.end, [_sentence_on(it, m.start())]) for it in self.items[:heads[0]]
               if it.kind == "para" and (m := _SETS_TARGETS.search(it.folded))]
        out.append(Section("tasks", "", self.items[heads[0]].start, self.items[stop - 1].end, self.items[heads[0]:stop]))
        if stop < len(self.items):
            out.append(Section("other", "", self.items[stop].start, self.items[-1].end, self.items[stop:]))
        return out

    def _attached_list(self, k: int) -> bool:
        """Item k heads a list attached without the word "Phụ lục" ("DANH MỤC" / … / "(Kèm theo Nghị quyết số …)",
        `clean.attached_list`): an annex section like "PHỤ LỤC"."""
        item = self.items[k]
        return item.kind in ("caps", "para") and attached_list(self.lines, item.start)

    def section(self, kind: str) -> list[Section]:
        out = [s for s in self.sections if s.kind == kind]
        if kind == "organization" and not out:
            out = [s for s in self.sections if s.kind == "tasks" and _ASSIGNING.search(loose(s.title[:120]))]
        return out

"""The task-name column of an annex table that OCR flattened into loose lines (no positions).

Tesseract reads a narrow ruled table either row by row, the cells of a row interleaved on its lines
("Xây dựng Chương | Bộ Khoa  Các bộ, Quyết định | 2025" / "trình Quốc gia phát | học và ngành, địa của
Thủ" …), or column by column in bands (row numbers alone, then each column's cells as paragraphs).
What separates the name column from the others, without positions:

- its width: the name cell wraps at about the same number of characters on every line, which the
  lines where OCR marked the column's end with a bar tell (`name_width`); words past it on a line
  belong to the next columns;
- the pieces of a unit's name split down the lead cell ("Bộ Khoa" / "học và" / "Công" / "nghệ"):
  where such a piece stands past the first half of the name column, the name stops there;
- the wrap rule: a cell's line is broken only when the next word does not fit, so when the next
  line's first word would have fitted on a short line, the name ended there;
- its start: a name opens with a capital ("Xây dựng …"); where the row's number line opens a name,
  the cells are aligned to the top of the row, and the lines above the number belong to the row
  before, which goes on down to the next number (past a page's repeated table header).
"""

from __future__ import annotations

import re

from .agencies import AgencyMatcher
from .deadlines import DEADLINE_PHRASE
from .fold import fold, loose, squash
from .structure import Outline

_NUMBER = re.compile(r"^\s*\d{1,3}\s*[|.]?[\s|]*")
_BAR = re.compile(r"\s*[_|]*\|[_|]*\s")
_GROUP = re.compile(r"^\s*([IVX]{1,4}|[Il1]{2,3})\s*[|.]\s+\S")
_HEADER = re.compile(r"co quan|thoi gian|chu tri|phoi hop|hoan thanh|ten nhi[a-z]*m|ket qua|^\s*tt\s")


def _body(line: str, anchor: bool) -> tuple[int, str]:
    """(offset, text) of a line without the row's number when it is the number line."""
    if anchor and (m := _NUMBER.match(line)) is not None:
        return m.end(), line[m.end():]
    return 0, line


def name_width(lines: list[str], anchors: list[int], start: int, end: int, matcher: AgencyMatcher) -> int | None:
    """The name column's width in characters, from the lines that hold text of one column only (no unit
    named, no bar, no deadline, no header): most of them are the name column's, whose cells are the
    tallest, so most of these lines stand within a few characters below its width. None when too few
    lines tell."""
    marks = set(anchors)
    lens: list[int] = []
    for i in range(start, end + 1):
        _off, body = _body(lines[i], i in marks)
        body = body.strip()
        if len(body) < 4 or "|" in body or _is_header(body) or DEADLINE_PHRASE.search(fold(body)) or \
                matcher.scan(body) or _GROUP.match(body):
            continue
        lens.append(len(body))
    if len(lens) < 12:
        return None
    # a full line of the cell is a few characters short of the width at most (the next word did not
    # fit): the width is the upper end of the band of lengths where most lines stand
    return max(range(10, 80), key=lambda w: (sum(1 for n in lens if w - 6 <= n <= w), -w))


def _is_header(line: str) -> bool:
    """A line of the table's (repeated) header: two of its titles ("Cơ quan chủ trì", "Thời gian" …)."""
    return len(line) < 90 and len({m.group(0) for m in _HEADER.finditer(loose(line))}) >= 2


def top_aligned(lines: list[str], anchors: list[int], matcher: AgencyMatcher) -> bool:
    """Most number lines that carry text open a task name (a capital): the cells start on the number line."""
    up = low = 0
    for i in anchors:
        _off, body = _body(lines[i], True)
        seg = body.strip(" |")
        if len(seg) < 6:
            continue
        if seg[:1].isupper() and not matcher.scan(seg[:12]):
            up += 1
        elif seg[:1].islower():
            low += 1
    return up >= 3 and up > 2 * low


def _segment(body: str, matcher: AgencyMatcher, width: int | None, part_cols: list[tuple[int, bool]]) -> str:
    """The name column's text on one line: up to the first unit named, bar, deadline phrase, piece of
    a split unit's name standing past half the column, or the column's width."""
    # a unit named early on a line of a narrow column is the sentence's ("… các cơ sở giáo dục", "trình
    # Thủ tướng"): the lead column starts past the name column's first half
    # Thủ tướng"): a cell opens with a capital ("Bộ …", "Các sở …"), and the lead column starts past the
    # name column's first half
    least = width // 2 if width else 0
    cuts = [s for s, _e, _a in matcher.scan(body) if not width or (s >= least and body[s:s + 1].isupper())]
    if (m := re.search(r"\s[_|]*\|", body)) is not None:
        cuts.append(m.start())
    cuts.extend(m3.start() for m3 in DEADLINE_PHRASE.finditer(fold(body)))
    if width:
        cuts.extend(c for c, head in part_cols if (c >= 4 and head and body[c:c + 1].isupper()) or
                    (c >= least and not head))
    cut = min(cuts) if cuts else len(body)
    seg = body[:cut].rstrip()
    if width and len(seg) > width + 1:
        room = seg[:width + 2]
        seg = room[:room.rfind(" ")] if " " in room.strip() else room
    return seg.strip(" |_")


def top_name(outline: Outline, anchor: int, nxt: int, matcher: AgencyMatcher, width: int | None,
             skip: frozenset[int] = frozenset()) -> str:
    """A top-aligned row's name: its column's text from the number line down to the next row, a page's
    repeated header skipped, stopping at a group row or where the wrap rule says the cell ended."""
    lines = outline.lines
    rows = [k for k in range(anchor, nxt) if lines[k].strip() and k not in skip]
    bodies = [_body(lines[k], k == anchor)[1] for k in rows]
    parts: dict[int, list[tuple[int, bool]]] = {}
    for c in matcher.scan_cells(bodies):
        for n, (ln, col) in enumerate(c.parts):
            parts.setdefault(ln, []).append((col, n == 0))
    out: list[str] = []
    prev_len: int | None = None
    widest = 0
    for n, k in enumerate(rows):
        if k != anchor and (_GROUP.match(lines[k]) or _NUMBER.fullmatch(lines[k])):
            break
        if _is_header(lines[k]):
            prev_len = None
            continue
        off, body = _body(lines[k], k == anchor)
        seg = _segment(body, matcher, width, parts.get(n, []))
        if not seg:
            if out:
                break
            continue
        if out and prev_len is not None:
            first = seg.split()[0]
            if prev_len + 1 + len(first) <= min(width or widest, widest) - 2:
                break           # the word would have fitted on the line above: the cell ended there
        if out and _junk(seg):
            break
        start = body.find(seg)
        out.append(outline.line_out(k, off + start, off + start + len(seg)))
        prev_len = len(seg)
        widest = max(widest, prev_len)
        if seg.endswith(".") and len(seg) < (width or 0) - 3:
            break
    return squash(" ".join(out))[:800]


def _junk(text: str) -> bool:
    tokens = text.split()
    short = sum(1 for t in tokens if len(t) <= 1 or not any(c.isalpha() for c in t))
    return not tokens or short > 0.4 * len(tokens)


def split_names(paragraphs: list[list[str]], count: int) -> list[str] | None:
    """The name cells of `count` rows read column by column, from the paragraphs of the name column:
    as they are when there are as many, else split where a line ends a sentence and the next opens one
    with a capital ("… ban hành." / "Xây dựng …"); None when the count still differs."""
    if len(paragraphs) == count:
        return [squash(" ".join(p)) for p in paragraphs]
    if len(paragraphs) > count:
        return None
    pieces: list[list[str]] = []
    for para in paragraphs:
        pieces.append([])
        for k, line in enumerate(para):
            if k and para[k - 1].rstrip().endswith(".") and line.strip()[:1].isupper():
                pieces.append([])
            pieces[-1].append(line)
    if len(pieces) != count:
        return None
    return [squash(" ".join(p)) for p in pieces]

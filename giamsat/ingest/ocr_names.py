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

from .agencies import AgencyMatcher, CellMention
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
    width = max(range(10, 80), key=lambda w: (sum(1 for n in lens if w - 6 <= n <= w), -w))
    # in a short table the cells' short last lines ("GRDP của tỉnh", "bán hàng") may outnumber the full ones: the
    # column is at least as wide as the name cells' text before the bar closing them on the number lines ("1 Xây dựng
    # phương pháp | Sở Tài chính …"); of those, the band of the shortest (three at least, within a few characters of
    # each other: where OCR lost a bar, the text before the next one spans several cells), their middle one
    closed = sorted(len(seg) for i in anchors
                    if " | " in lines[i] and (seg := _LABEL.sub("", _body(lines[i], True)[1].split(" | ")[0]).strip(" |"))
                    and not matcher.scan(seg) and not DEADLINE_PHRASE.search(fold(seg)))
    band = [n for n in closed if n <= closed[0] + 6] if closed else []
    return max(width, band[len(band) // 2]) if len(band) >= 3 else width


_LABEL = re.compile(r"^\s*[a-zđ]\)\s*")        # a lettered row's label ("a) Xây dựng …")


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


def _segment(body: str, matcher: AgencyMatcher, width: int | None, part_cols: list[tuple[int, str]]) -> str:
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
        cuts.extend(c for c, kind in part_cols if (c >= 4 and kind == "head" and body[c:c + 1].isupper()) or
                    (c >= least and kind == "piece") or kind == "end")
    cut = min(cuts) if cuts else len(body)
    seg = body[:cut].rstrip()
    if width and len(seg) > width + 1:
        room = seg[:width + 2]
        seg = room[:room.rfind(" ")] if " " in room.strip() else room
    return seg.strip(" |_")


def band_opening(rest: str, below: str) -> bool:
    """A row's number line holds only the name's first word or two ("2 |Triển", "3 | Đặt lịch") and the line below
    goes on with the name's next, in lower case and short ("khai"): a narrow name column read down on its own, the
    name a paragraph (the row's other cells are the paragraphs below it)."""
    return bool(re.fullmatch(r"[A-ZÀ-ỸĐ][a-zà-ỹđ]{1,7}(?: [a-zà-ỹđ]{1,7})?", rest)) and 0 < len(below.strip()) <= 12 \
        and below.strip()[:1].islower()


def top_name(outline: Outline, anchor: int, nxt: int, matcher: AgencyMatcher, width: int | None,
             skip: frozenset[int] = frozenset()) -> str:
    """A top-aligned row's name: its column's text from the number line down to the next row, a page's
    repeated header skipped, stopping at a group row or where the wrap rule says the cell ended."""
    lines = outline.lines
    rows = [k for k in range(anchor, nxt) if lines[k].strip() and k not in skip]
    bodies = [_body(lines[k], k == anchor)[1] for k in rows]
    parts: dict[int, list[tuple[int, str]]] = {}
    for c in matcher.scan_cells(bodies):
        for ln, col, kind in _pieces(c, bodies, matcher):
            parts.setdefault(ln, []).append((col, kind))
    out: list[str] = []
    prev_len: int | None = None
    widest = 0
    header = _header_column(lines, rows)
    band = band_opening(_body(lines[anchor], True)[1].strip(), lines[anchor + 1] if anchor + 1 < nxt else "")
    for n, k in enumerate(rows):
        if k != anchor and (_GROUP.match(lines[k]) or _NUMBER.fullmatch(lines[k])):
            break
        if band and n and rows[n - 1] < k - 1:
            break               # a name read down in a band of its own: its paragraph
        if _is_header(lines[k]) or k in header:
            prev_len = None
            continue
        if out and width and n and rows[n - 1] < k - 1 and _narrow(lines, k, nxt, width):
            break               # past a blank line, a narrower column's cell: the name ended above
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


_TITLE_WORDS = frozenset({"tt", "stt", "ten", "nhiem", "vu", "co", "quan", "chu", "tri", "phoi", "hop", "ket", "qua",
                          "thoi", "gian", "han", "hoan", "thanh", "san", "pham", "noi", "dung", "don", "vi", "thuc",
                          "hien"})


def _header_column(lines: list[str], rows: list[int]) -> set[int]:
    """The lines of a table header that a page repeats, read column by column ("TT" / "Tên nhiệm vụ" /
    "Cơ quan" / "chủ trì" / …): a run of lines of the titles' words only that holds two titles or more."""
    out: set[int] = set()
    run: list[int] = []
    for k in [*rows, -1]:
        words = re.findall(r"[a-z]+", fold(lines[k])) if k >= 0 else []
        if words and all(w in _TITLE_WORDS or w.replace("y", "u") in _TITLE_WORDS for w in words):
            run.append(k)
            continue
        titles = {m.group(0) for m in _HEADER.finditer(" ".join(loose(lines[j]) for j in run))}
        if len(titles) >= 2:
            out.update(run)
        run = []
    return out


def _narrow(lines: list[str], k: int, end: int, width: int) -> bool:
    """The paragraph from line k (up to line `end`) has two lines or more, each under two thirds of the name
    column's width."""
    para = []
    while k < end and lines[k].strip():
        para.append(lines[k].strip())
        k += 1
    return len(para) >= 2 and all(len(x) < width * 2 / 3 for x in para)


def _runs(key: str, words: list[str]) -> list[tuple[int, int]]:
    """(column, count) of each place on a line's key where the words of `words` start to follow one
    another, with how many of them do."""
    tokens = [(m.start(), m.group(0)) for m in _TOKEN.finditer(key)]
    out = []
    for n, (col, _token) in enumerate(tokens):
        used = 0
        while used < len(words) and n + used < len(tokens) and tokens[n + used][1] == words[used]:
            used += 1
        if used:
            out.append((col, used))
    return out


def _pieces(cell: CellMention, bodies: list[str], matcher: AgencyMatcher) -> list[tuple[int, int, str]]:
    """Where the pieces of a unit's name split down its cell stand: its head ("head"), the pieces
    `scan_cells` saw ("piece"), each moved to where the name's next words follow one another longest on
    its line ("giáo dục | dục và Đào": the second "dục"), and the end of the name it did not see ("Bộ
    Khoa" / "học và" seen, "Công" / "nghệ" below not: "end", which ends the task name on its line
    wherever it stands). The end is looked for on the next two lines: where the next words follow longest,
    in the name's case first ("Công", not the task's "công nghệ"), right-most when equal (the unit's
    column stands right of the task name's, which may hold the same words); it is taken when two words
    follow, or one opens with the name's capital, or one that is the name's last stands past a word of the
    line. (line, column, kind)."""
    words = _TOKEN.findall(fold(cell.agency.name))
    initials = [cell.agency.name[m.start()] for m in _TOKEN.finditer(fold(cell.agency.name))]
    out: list[tuple[int, int, str]] = []
    done = 0
    for n, (ln, col) in enumerate(cell.parts):
        key = matcher.repaired_key(bodies[ln])
        if n == 0:
            head = _runs(key[col:], words)[:1]
            done = head[0][1] if head and head[0][0] == 0 else -len(words)
            out.append((ln, col, "head"))
            continue
        runs = [r for r in _runs(key, words[done:]) if r[0] >= col - 1] if done >= 0 else []
        if not runs:
            out.append((ln, col, "piece"))
            done = -len(words)          # the name's words not followed: no end looked for
            continue
        at, used = max(runs, key=lambda r: (r[1], -abs(r[0] - col)))
        out.append((ln, at, "piece"))
        done += used
    if done <= 0:
        return out
    for k in [k for k in range(out[-1][0] + 1, min(out[-1][0] + 3, len(bodies))) if bodies[k].strip()]:
        if done >= len(words):
            break
        runs = _runs(matcher.repaired_key(bodies[k]), words[done:])
        if not runs:
            continue
        upper = initials[done].isupper()
        col, used = max(runs, key=lambda r: (bodies[k][r[0]:r[0] + 1].isupper() == upper, r[1], r[0]))
        capital = upper and bodies[k][col:col + 1].isupper()
        if used == 1 and not capital and (col == 0 or done + 1 < len(words)):
            break
        out.append((k, col, "end"))
        done += used
    return out


_TOKEN = re.compile(r"[a-z0-9]+")


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

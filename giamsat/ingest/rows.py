"""Finding the running numbers of table rows in OCR'd text (1, 2, 3 …, 8.1, 8.2 …).

OCR misreads some numbers ("18" → "13", "1" → "!", "92" → "9y"). A row whose number is
missing is recovered from a line between its neighbours that starts with a look-alike.
"""

from __future__ import annotations

import re

from .deadlines import DEADLINE_PHRASE
from .fold import fold

ROW_NO = re.compile(r"^\s*(\d{1,3}(?:\.\d{1,2})?)(?:\s*[|.]?\s+|\s*[|.]?\s*$)")     # "12 | …", "12. …", "12." alone
# a look-alike of a number, or a bracket standing for a narrow digit ("2" read ")") before a capital
# ("18;" for "13.", or a number alone on its line with a glyph misread: "2Ÿ." for "27."), or a letter
# and a mark ("Ị?" for "2"), or a number and a bracket before a capital ("9) Số hóa …" for "2"); not a word whose
# letters stand for no digit ("len", OCR's "lên" without its mark)
_LOOKALIKE = re.compile(r"^\s*(?:((?![lI][a-z]{0,2}[ac-fhjkmnprt-y])[0-9?!'|\]lI][0-9a-z?!'|\]_]{0,2}|[^\W\d_][?!'\]])[;:,]?\s*[|]?\s+\S|(\))\s+[A-ZÀ-ỸĐ]"
                        r"|(\d[^\s\d.;:,]?)[.;:,]\s*$|(\d{1,2})\)\s+[A-ZÀ-ỸĐ])")


# a row's number run into the line above it (two lines read or copied as one: "… lĩnh vực 78. Tham mưu Chính …"):
# a number and a dot (or its cell's bar: "… thôn 2 | Số hóa …") after a word, before a capitalised word; taken only
# where the rows around it leave its place
MIDLINE_NO = re.compile(r"(?<=[^\W\d_,] )(\d{1,3})(?:\.\s+|\s*\|\s*)(?=[A-ZÀ-ỸĐ][a-zà-ỹđ])")


def _similar(label: str, expected: str) -> bool:
    if label == expected:
        return True
    if not label[:1].isdigit():
        return label[:1] in "?!'|]lI)" or label[1:2] in "?!']"      # a letter and a mark ("Ị?" for 2)
    label = label.rstrip("]|_")          # ("5_ | Đào tạo": the cell's rule read after the number)
    if len(label) == len(expected):
        return sum(a != b for a, b in zip(label, expected, strict=True)) <= 1
    return len(label) == len(expected) - 1 and expected.endswith(label)


def blocks(lines: list[str], start: int, end: int) -> list[tuple[int, int]]:
    """The runs of non-blank lines between `start` and `end` (both included), as (first, last) line indexes:
    the paragraphs OCR gives for a table read cell by cell, one per cell."""
    out: list[tuple[int, int]] = []
    k = start
    while k <= end:
        if not lines[k].strip():
            k += 1
            continue
        first = k
        while k + 1 <= end and lines[k + 1].strip():
            k += 1
        out.append((first, k))
        k += 1
    return out


def row_anchors(lines: list[str], start: int, end: int, allow_sub: bool = False,
                min_gap: int = 2, resync: bool = False, short_resync: bool = False,
                restart: bool = False) -> list[tuple[int, str]]:
    """(line index, row label) in order; a missing number is taken from a look-alike line; with `resync`,
    the sequence also goes on past a stretch of lost numbers (see `_run_follows`); with `short_resync`
    too, past up to four lost numbers where the next number (or the one after) follows closely (a table's
    last rows); with `restart`, the numbering starts over at 1 under each group of rows (I: 1, 2, 3;
    II: 1, 2 …) where a 1 past row 2 or later is followed closely by 2 (or 3) and the next number
    expected does not follow."""
    anchors: list[tuple[int, str]] = []
    lookalikes: list[tuple[int, str]] = []
    expected, sub = 1, 1
    plain = [(i, int(m.group(1))) for i in range(start, end + 1)
             if (m := ROW_NO.match(lines[i])) and "." not in m.group(1)]
    for i in range(start, end + 1):
        m = ROW_NO.match(lines[i])
        if not m:
            if (g := _LOOKALIKE.match(lines[i])) is not None:
                lookalikes.append((i, g.group(1) or g.group(2) or g.group(3) or f"{g.group(4)})"))
            elif (g := MIDLINE_NO.search(lines[i])) is not None:
                lookalikes.append((i, g.group(1)))
            continue
        label = m.group(1)
        if "." in label:
            parent, k = (int(x) for x in label.split("."))
            if allow_sub and parent == expected - 1 and sub <= k <= sub + 2:
                anchors.append((i, label))
                sub = k + 1
            continue
        v = int(label)
        if v == expected + 1 and anchors and _misread_twin(lines, plain, i, v):
            label, v = str(expected), expected
        if v == expected:
            anchors.append((i, label))
            expected, sub, lookalikes = v + 1, 1, []
        elif expected < v <= expected + 2 and (not anchors or i - anchors[-1][0] > min_gap):
            last = anchors[-1][0] if anchors else start - 1
            hits = []
            for n in range(expected, v):
                # (a number and a bracket, "9)", stands for the number lost only when one is: which of two it is
                # cannot be told)
                hit = next((j for j, lab in lookalikes if j > last and _similar(lab.rstrip(")") or lab, str(n))
                            and (not lab[:1].isdigit() or not lab.endswith(")") or v - expected == 1)), None)
                if hit is not None:
                    hits.append((hit, str(n)))
                    last = hit
            if not hits and anchors:
                # numbers misread past recognition as marks ("=; Lắp đặt …" for 4): the lines between the two rows
                # that open so, when exactly as many as the numbers lost, take them in turn
                opens = [j for j in range(anchors[-1][0] + 1, i) if _MARKS_OPEN.match(lines[j])]
                if len(opens) != v - expected:
                    # or as letters ("đị Gắn địa chỉ số …" for 7): a paragraph's first line opening with a short
                    # token no word of a wrapped cell opens with, before a capitalised word
                    opens = [j for j in range(anchors[-1][0] + 1, i) if _letters_open(lines, j)]
                if len(opens) == v - expected:
                    hits = [(j, str(n)) for j, n in zip(opens, range(expected, v), strict=True)]
            anchors.extend(hits)
            anchors.append((i, label))
            expected, sub, lookalikes = v + 1, 1, []
        elif resync and v > expected + 2 and (_run_follows(plain, i, v) or (
                short_resync and v <= expected + 4 and _next_follows(plain, i, v))) and \
                not any(i < j <= i + 80 and expected <= w <= expected + 2 for j, w in plain) and \
                not any(i < j <= i + 40 and expected < w < v and _run_follows(plain, j, w) for j, w in plain):
            # (a run that starts nearer the expected number just below — "27." then "24.", "25.", "26." — is the
            # sequence, and this number a misread)
            # OCR lost a stretch of numbers (or a stray number opened the sequence): the sequence goes
            # on where three running numbers follow one another closely and the expected ones are not
            # just below; numbers read just before it that lead up to it ("121" when "122" was lost) are rows too
            last = anchors[-1][0] if anchors else start - 1
            back: list[tuple[int, str]] = []
            want = v
            for j, lab in reversed(lookalikes):
                if j > last and lab.isdigit() and expected <= int(lab) < want <= int(lab) + 2:
                    back.append((j, lab))
                    want = int(lab)
            if not back:
                # every lost number's line opens like a row, its number misread past recognition ("ĐẶC Bổ sung …",
                # "27. Xây dựng …" for 22, '"3. Nghiên cứu …'): when they are exactly as many as the numbers lost,
                # they take them in turn
                opens = [j for j in range(last + 1, i) if _lost_open(lines[j])]
                if len(opens) == v - expected:
                    back = [(j, str(n)) for j, n in zip(opens, range(expected, v), strict=True)][::-1]
            anchors.extend(reversed(back))
            anchors.append((i, label))
            expected, sub, lookalikes = v + 1, 1, []
        elif restart and v == 1 and expected >= 3 and _next_follows(plain, i, v) and \
                not any(i < j <= i + 80 and expected <= w <= expected + 2 for j, w in plain):
            anchors.append((i, label))
            expected, sub, lookalikes = 2, 1, []
        else:
            lookalikes.append((i, label))
    return anchors


# a row's number read as marks, neither a bullet nor a dash ("=;", "~:"), before a capitalised word
_MARKS_OPEN = re.compile(r"^\s*[^\w\s|\-–—+•*·.,]{1,2}[;:,.]?\s+[A-ZÀ-ỸĐ][a-zà-ỹđ]")


# words a wrapped cell's line may open with before a capitalised word ("và Công nghệ", "của Sở …", "xã Tân Phú"), and
# the number column's title
_CELL_WORDS = frozenset({"va", "cua", "cac", "cho", "co", "de", "la", "o", "tai", "ve", "voi", "tu", "do", "so", "bo", "xa",
                         "ban", "theo", "tren", "duoi", "den", "tinh", "thi", "hoac", "nam", "ngay", "quy", "to",
                         "tt", "stt"})      # (the number column's title: a header repeated on a new page)


def _letters_open(lines: list[str], j: int) -> bool:
    """Line j opens a row whose number OCR read as letters ("đị Gắn địa chỉ số …" for "7 Gắn …"): it starts a
    paragraph (a blank line, or a group row in capitals, above it), its first token is short (three characters at
    most, no digit in it) and no word a wrapped cell's line opens with, and a capitalised word follows."""
    words = lines[j].split(None, 2)
    if len(words) < 2 or len(words[0]) > 3 or fold(words[0]).strip(".,;:") in _CELL_WORDS or "|" in words[0] or \
            any(c.isdigit() for c in words[0]):       # (a sub-row's number, "2.1", is no row's)
        return False
    above = lines[j - 1].strip() if j else ""
    return words[1][:1].isupper() and any(c.islower() for c in words[1]) and \
        (not above or not any(c.islower() for c in above))


def _lost_open(line: str) -> bool:
    """A line opening a row whose number OCR misread: a short token with no lower-case letter (digits, capitals,
    marks: "27.", '"3.', "ĐẶC") and a digit or a capital in it, before a capitalised word."""
    words = line.split(None, 2)
    return len(words) >= 2 and len(words[0]) <= 4 and not any(c.islower() for c in words[0]) \
        and any(c.isdigit() or c.isupper() for c in words[0]) and words[1][:1].isupper() \
        and any(c.islower() for c in words[1])


def _misread_twin(lines: list[str], plain: list[tuple[int, int]], i: int, v: int, span: int = 40) -> bool:
    """Line i's number v is the row before's misread ("3 = ———" then "3 Nhiệm vụ số 14 …" for rows 2 and 3):
    the next number below, within `span` lines, is v again, and line i holds no word past its number (OCR
    noise from the row's rules)."""
    nxt = next(((j, w) for j, w in plain if j > i), None)
    return nxt is not None and nxt[0] - i <= span and nxt[1] == v and \
        re.search(r"[^\W\d_]{2,}", ROW_NO.sub("", lines[i], count=1)) is None


def _run_follows(plain: list[tuple[int, int]], i: int, v: int, span: int = 80, count: int = 2) -> bool:
    """Numbers v+1 … v+count (v+1 and v+2) stand on later lines, in order, within `span` lines of line i."""
    want, last = v + 1, i
    for j, w in plain:
        if j <= last:
            continue
        if j - i > span:
            break
        if w == want:
            want, last = want + 1, j
            if want == v + count + 1:
                return True
    return False


def _next_follows(plain: list[tuple[int, int]], i: int, v: int, span: int = 40) -> bool:
    """Number v+1 or v+2 stands within `span` lines below line i."""
    return any(i < j <= i + span and v < w <= v + 2 for j, w in plain)


# a sub-row's number whose dot OCR misread ("1⁄9" for 1.3, "2,1" for 2.1): digits, one mark, digits
_SUB_LOOKALIKE = re.compile(r"^\s*(\d{1,2})[^\w\s.|]\s?(\d{1,2})\.?\s*[|]?\s+\S")
_FIRST = re.compile(r"^\s*(\S+)")
# a row number OCR misread as letters and digits ("Bo" for 3.3, "B22" for 5.2): a short token, not a word of a name
_MISREAD_TOKEN = re.compile(r"^\s*(?=\S{0,3}[\d?!|\]])\S{1,4}\s+|^\s*[A-ZĐ][a-z]?\s+")


def _deadline_first(line: str) -> bool:
    """A sub-row's line whose first cell past its number is a deadline ('3.2 Tháng 12/2026 | Triển khai …')."""
    m = ROW_NO.match(line) or _SUB_LOOKALIKE.match(line) or re.match(r"^\s*\S{1,4}\s+", line)
    return m is not None and DEADLINE_PHRASE.match(fold(line[m.end():].lstrip(" |"))) is not None
# a lettered row under a group row, the letters as Vietnamese lists run them (no f, j, w, z)
_LETTER_ROW = re.compile(r"^\s*([a-eg-iklm-vxy]|đ)\)\s+\S")
_LETTERS = ["a", "b", "c", "d", "đ", "e", "g", "h", "i", "k", "l", "m", "n", "o", "p", "q", "r", "s", "t", "u", "v", "x", "y"]


def _group_of(subs: list[tuple[int, str]], groups: list[tuple[int, int]]) -> list[int]:
    """The number of the group row each sub-row stands under (0: none above it)."""
    return [max((v for j, v in groups if j < i), default=0) for i, _label in subs]


def sub_row_anchors(lines: list[str], start: int, end: int) -> tuple[list[tuple[int, str]], list[tuple[int, int]]]:
    """Rows numbered under group rows ('1 | Hoàn thiện thể chế', '1.1 | …', '1.2 | …', '2 | …', '2.1 | …'):
    the (line, label) of each sub-row and the (line, number) of each group row, in order. A sub-row's
    number whose dot OCR lost ('11' for 1.1 under group 1) or misread ('1⁄9' for 1.3) is the next
    sub-row of the current group; a group row whose number was lost is told by its first sub-row ('3.1').
    Empty unless two groups or more hold sub-rows (a table not numbered so)."""
    subs: list[tuple[int, str]] = []
    groups: list[tuple[int, int]] = []
    g, k, letter, bare = 0, 1, 0, False
    for i in range(start, end + 1):
        line = lines[i]
        m = ROW_NO.match(line)
        if m is None and g and bare and (lm := _LETTER_ROW.match(line)) is not None and \
                lm.group(1) == _LETTERS[min(letter, len(_LETTERS) - 1)]:
            # lettered rows that start over under each group ('1 Chuyển đổi số …' / 'a) Xây dựng …' / 'b) …')
            subs.append((i, f"{lm.group(1)})"))
            letter += 1
            continue
        if m is None:
            s = _SUB_LOOKALIKE.match(line)
            if g and s is not None and int(s.group(1)) == g:
                subs.append((i, f"{g}.{k}"))
                k += 1
            elif g and k > 1 and subs and _deadline_first(lines[subs[-1][0]]) and \
                    (t := _MISREAD_TOKEN.match(line)) is not None and DEADLINE_PHRASE.match(fold(line[t.end():])):
                # a table whose deadline column comes first ('3.2 Tháng 12/2026 | Triển khai …'): a line opening
                # alike after a token no number ('Bo 2026 - 2027 Triển khai …' for 3.3) is the group's next sub-row
                subs.append((i, f"{g}.{k}"))
                k += 1
            continue
        label = m.group(1)
        if "." in label:
            a, b = (int(x) for x in label.split("."))
            if a == g and k <= b <= k + 2:
                subs.append((i, label))
                k = b + 1
            elif a == g + 1 and b <= 2:
                g, k = a, b + 1
                subs.append((i, label))
            continue
        v = int(label)
        if g and label == f"{g}{k}" and v != g + 1:
            subs.append((i, f"{g}.{k}"))       # the dot lost
            k += 1
        elif (v == g + 1 or (v == 1 and not subs)) and m.group(0).rstrip()[-1:] != ".":
            if v == 1:
                groups = []             # a list numbered before the table (or its first rows) starts over
            groups.append((i, v))
            g, k, letter = v, 1, 0
            # (a group row holds its title only: a row whose line gives a deadline is a task, "a)" below it its words)
            bare = DEADLINE_PHRASE.search(fold(line)) is None
    held = {int(label.split(".")[0]) if "." in label else g_of for (_i, label), g_of in zip(subs, _group_of(subs, groups),
                                                                                             strict=True)}
    if len(held) < 2:
        return [], []
    return subs, [(i, v) for i, v in groups if v in held]

"""Finding the running numbers of table rows in OCR'd text (1, 2, 3 …, 8.1, 8.2 …).

OCR misreads some numbers ("18" → "13", "1" → "!", "92" → "9y"). A row whose number is
missing is recovered from a line between its neighbours that starts with a look-alike.
"""

from __future__ import annotations

import re

ROW_NO = re.compile(r"^\s*(\d{1,3}(?:\.\d{1,2})?)(?:\s*[|.]?\s+|\s*[|.]?\s*$)")     # "12 | …", "12. …", "12." alone
# a look-alike of a number, or a bracket standing for a narrow digit ("2" read ")") before a capital
# ("18;" for "13.", or a number alone on its line with a glyph misread: "2Ÿ." for "27.")
_LOOKALIKE = re.compile(r"^\s*(?:([0-9?!'|\]lI][0-9a-z?!'|\]]{0,2})[;:,]?\s*[|]?\s+\S|(\))\s+[A-ZÀ-ỸĐ]"
                        r"|(\d[^\s\d.;:,]?)[.;:,]\s*$)")


def _similar(label: str, expected: str) -> bool:
    if label == expected:
        return True
    if not label[:1].isdigit():
        return label[:1] in "?!'|]lI)"
    label = label.rstrip("]|")
    if len(label) == len(expected):
        return sum(a != b for a, b in zip(label, expected, strict=True)) <= 1
    return len(label) == len(expected) - 1 and expected.endswith(label)


def row_anchors(lines: list[str], start: int, end: int, allow_sub: bool = False,
                min_gap: int = 2, resync: bool = False, short_resync: bool = False) -> list[tuple[int, str]]:
    """(line index, row label) in order; a missing number is taken from a look-alike line; with `resync`,
    the sequence also goes on past a stretch of lost numbers (see `_run_follows`); with `short_resync`
    too, past up to four lost numbers where the next number (or the one after) follows closely (a table's
    last rows)."""
    anchors: list[tuple[int, str]] = []
    lookalikes: list[tuple[int, str]] = []
    expected, sub = 1, 1
    plain = [(i, int(m.group(1))) for i in range(start, end + 1)
             if (m := ROW_NO.match(lines[i])) and "." not in m.group(1)]
    for i in range(start, end + 1):
        m = ROW_NO.match(lines[i])
        if not m:
            if (g := _LOOKALIKE.match(lines[i])) is not None:
                lookalikes.append((i, g.group(1) or g.group(2) or g.group(3)))
            continue
        label = m.group(1)
        if "." in label:
            parent, k = (int(x) for x in label.split("."))
            if allow_sub and parent == expected - 1 and sub <= k <= sub + 2:
                anchors.append((i, label))
                sub = k + 1
            continue
        v = int(label)
        if v == expected:
            anchors.append((i, label))
            expected, sub, lookalikes = v + 1, 1, []
        elif expected < v <= expected + 2 and (not anchors or i - anchors[-1][0] > min_gap):
            last = anchors[-1][0] if anchors else start - 1
            for n in range(expected, v):
                hit = next((j for j, lab in lookalikes if j > last and _similar(lab, str(n))), None)
                if hit is not None:
                    anchors.append((hit, str(n)))
                    last = hit
            anchors.append((i, label))
            expected, sub, lookalikes = v + 1, 1, []
        elif resync and v > expected + 2 and (_run_follows(plain, i, v) or (
                short_resync and v <= expected + 4 and _next_follows(plain, i, v))) and \
                not any(i < j <= i + 80 and expected <= w <= expected + 2 for j, w in plain):
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
            anchors.extend(reversed(back))
            anchors.append((i, label))
            expected, sub, lookalikes = v + 1, 1, []
        else:
            lookalikes.append((i, label))
    return anchors


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

"""Indicator tables that OCR flattened into loose lines.

Two layouts recur: a year-column table ("NỘI DUNG | 2025 | 2030 | … | 2045", one value
per year) and an annex table ("TT | Chỉ tiêu | Đơn vị | Kết quả | Cơ quan chủ trì").
Rows are found by their running numbers; values by their shape (X, >30%, 0,75, ≥ 50).
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Iterator

from rapidfuzz import fuzz

from .agencies import AgencyMatcher
from .fold import fold, loose, squash
from .model import SourceSpan, Target
from .rows import ROW_NO, blocks, row_anchors
from .structure import Outline, Table
from .targets import _UP, OCR_TABLE_HEAD, parse_value, row_label, table_targets

_YEARS = re.compile(r"(?<!\d)(20[2-5]\d)(?!\d)")
_VALUE = re.compile(r"(?<![\w,.])(?:[<>≥≤~=]\s*)?\d{1,3}(?:[.,]\d{1,2})?\s*%|(?<![\w])X(?![\w])|(?<![\w,.])0[.,]\d{1,2}(?![\d%])"
                    r"|(?<=\|)\s*[<>≥≤~]\s*\d{1,3}(?:[.,]\d{1,2})?(?=\s*(?:\||$))")     # "| >70 |": a cell without its %
_ROW = ROW_NO
_YEAR_GROUP = re.compile(r"^\s*(?:[il1]{1,3}|v|iv|vi{1,3})\s*[|.]?\s*(?:den\s*nam|giai\s*doan|nam)\s*20\d\d")  # "II Đến năm 2045"
_UNIT = re.compile(r"(%\s*o?\s*g?r?dp|%\s*/\s*nam|%\s*dan\s*s[a-z0-9]|%\s*tong\s*chi[a-z ]*|%|/o|thu\s*bac|thi\s*bac|nguoi\s*/\s*van\s*dan|"
                   r"to\s*chuc|do\s*thi|doanh\s*nghiep/1000\s*dan|doanh\s*nghiep|trung\s*tam[a-z ]{0,20})", re.I)


def ocr_target_rows(outline: Outline, matcher: AgencyMatcher, warnings: list[str]) -> list[Target]:
    from .targets import ocr_annex_targets, ocr_year_unit_table
    from .tasks import _code_rows

    out: list[Target] = []
    lines = outline.lines
    done = -1
    for i, line in enumerate(lines):
        if i > done and (turned := years_as_rows(outline, i, matcher, warnings)):
            out.extend(turned[0])
            done = turned[1]
            continue
        f = fold(line)
        years = _header_years(f)
        above = fold(next((x for x in reversed(lines[max(0, i - 3):i]) if x.strip()), ""))   # a header on two lines
        if i > done and (quarter_rows := _quarter_table(outline, i, f, above, years, matcher)):
            out.extend(quarter_rows)
            done = max(t.source.end_line - 1 for t in quarter_rows if t.source)
            continue
        if i > done and len(years) >= 3 and len(set(years)) == len(years) and len(f) < 90 and \
                re.search(r"noi\s*dung|chi\s*tieu|tt|muc tieu|\|", f + " " + above) and \
                not re.search(r"(?::|nhu\s*sau)\s*$", f) and \
                not _task_roadmap(lines, i):       # "… năm 2025, năm 2030 như sau:" leads a table in
            cols = [int(y) for y in years]
            base = _base_below(lines, i, cols)
            if re.search(r"don\s*v", loose(f + " " + above)) and \
                    (rows := ocr_year_unit_table(outline, i, [base, *cols] if base else cols, matcher, _table_end(outline, i),
                                                 1 if base else _baseline(above + " " + f, cols))):
                out.extend(rows)
                done = max(t.source.end_line - 1 for t in rows if t.source)
                continue
            out.extend(year_table(outline, i, [int(y) for y in years]))
        elif i > done and len(set(years)) == 2 and _TWO_YEAR_HEAD.match(f) and \
                (rows := ocr_year_unit_table(outline, i, [int(y) for y in years], matcher, _table_end(outline, i), units=False)):
            # "Chỉ tiêu | Năm 2026 | Năm 2027": two year columns and no other (no unit, no lead), its rows unnumbered
            # or numbered, each row's first line its name's first words and its two figures
            out.extend(rows)
            done = max(t.source.end_line - 1 for t in rows if t.source)
        elif i > done and not years and (split := _split_year_header(lines, i)):
            # rows keyed by a code column ("Mã chỉ tiêu" / "KHCN-01 …") are read as numbered ones (tasks._code_rows)
            view, codes = _code_rows(outline, split[0] + 1, _table_end(outline, split[0]), i)
            # the header repeated on the next page with other years (OCR lost a column of this page's) heads rows of
            # its own: this page's rows end above it
            end, more = _table_end(outline, split[0]), []
            for k in range(split[0] + 1, end + 1):
                if (again := _split_year_header(lines, k)) is not None and again[1] != split[1]:
                    end, more = k - 1, [y for y in again[1] if y not in split[1]]
                    break
            if rows := ocr_year_unit_table(view, split[0], split[1], matcher, end,
                                           _baseline(" ".join(fold(x) for x in lines[i:split[0] + 1]), split[1])):
                for t in rows:
                    t.no = codes.get(int(t.no), t.no) if codes and t.no and t.no.isdigit() else t.no
                if more:
                    warnings.append(f"Bảng chỉ tiêu: tiêu đề lặp lại ở trang sau có thêm cột năm {', '.join(map(str, more))} mà "
                                    "trang trước không có (OCR mất cột): các chỉ tiêu ở trang trước thiếu giá trị năm đó; "
                                    "cần đối chiếu bản gốc.")
                out.extend(rows)
                done = max(t.source.end_line - 1 for t in rows if t.source)
    for section in outline.section("annex"):
        window = " ".join(fold(x) for x in lines[section.start:min(section.end, section.start + 30) + 1])
        # OCR may read the header's cells one below the other, so its last titles come further down
        wider = " ".join(fold(x) for x in lines[section.start:min(section.end, section.start + 120) + 1])
        if re.search(r"chi\s*tieu", window) and (re.search(r"don\s*vi", window) or
                                                (re.search(r"don\s*vi", wider) and re.search(r"ket\s*qua", wider))):
            out.extend(ocr_annex_targets(outline, section.start, section.end, matcher, warnings))
    for section in outline.sections:
        if section.kind == "annex":
            continue
        # an indicator table OCR flattened inside the plan's own sections ("II. CHỈ TIÊU NĂM 2026" / "TT Chỉ tiêu ĐVT Chỉ
        # tiêu năm 2026 Ghi chú"): a row-number, an indicator and a unit column, no year columns; read as an annex's
        # rows, unless a year table's reading already holds its lines
        for k in range(section.start, section.end + 1):
            f = loose(lines[k])
            if len(f) < 90 and OCR_TABLE_HEAD.match(f) and len(_header_years(f)) < 2 and \
                    not any(t.source and k < t.source.end_line and t.source.start_line - 1 <= section.end for t in out):
                out.extend(ocr_annex_targets(outline, k, section.end, matcher, warnings))
                break
    if not out:
        out = column_read_year_table(outline)
        if unread := [t.name[:40] for t in out if not t.milestones]:
            warnings.append("Bảng chỉ tiêu theo năm được OCR đọc theo cột: không đọc đủ giá trị từng năm của "
                            f"{len(unread)} chỉ tiêu ({'; '.join(unread[:6])}{' …' if len(unread) > 6 else ''}); cần đối chiếu bản gốc.")
    return merge_twins(out)


# --- an indicator table with years as rows, read without positions ---------------------------------------

# the header's first line: "Năm" then the first indicators' titles ("Năm Tỷ lệ hồ sơ … | Tỷ lệ dịch vụ …"; folded)
_ROWS_HEAD = re.compile(r"^\s*\|?\s*nam\s*\|?\s+(?!hoc\b|20\d\d)(?=[a-z])")
# a year's row: the year, then one figure per indicator ("2026 80 60 25", "| 2030 | 100 | > 90 | 50", "Năm 2028 90 75 8")
_YEAR_ROW = re.compile(r"^\s*\|?\s*(?:nam\s*)?(20[2-5]\d)\s*\|?\s+(?=[\d<>≥≤~=-])([\d\s|.,%<>≥≤~=–-]+)$")
_ROW_CELL = re.compile(r"(?:[<>≥≤~=]\s*)?\d+(?:[.,]\d+)?\s*%?|(?<![^\s|])[-–](?![^\s|])")
# a figure Tesseract read as look-alike letters ("TỌ" for 75, "9O" for 90, "S" for 5; folded): a short token of them
_LOOKALIKE = re.compile(r"(?<![^\s|])(?=[\d.,]*[oqdilstzbg])[\doqdilstzbg]{1,3}(?:[.,]\d{1,2})?(?=%?(?:[\s|]|$))")


def _unread_cells(line: str) -> str:
    """The folded year row `line` with each short token of digits' look-alike letters among its figures written as
    an empty cell ("-", same length), when that makes the line a year's row of figures; else ''. Which figure the
    letters stood for is not guessed: "TỌ" was 75 as well as 70."""
    f = fold(line)
    m = re.match(r"^\s*\|?\s*(?:nam\s*)?20[2-5]\d\s*\|?\s+", f)
    if m is None or not _LOOKALIKE.search(f, m.end()) or not re.search(r"\d", f[m.end():]):
        return ""
    mended = f[:m.end()] + _LOOKALIKE.sub(lambda t: "-".ljust(len(t.group(0))), f[m.end():])
    return mended if _YEAR_ROW.match(mended) else ""


# the last row's title: the bodies that monitor or lead each indicator ("Cơ quan theo dõi", "Đơn vị chủ trì"; folded),
# its last words possibly on the next line
_LEAD_ROW = re.compile(r"^\s*\|?\s*(?:co\s*quan|don\s*vi)\b\s*(?:(?:theo\s*doi|chu\s*tri|thuc\s*hien|phu\s*trach)\b)?\s*\|?\s*")
_LABEL_REST = re.compile(r"^\s*(?:theo\s*doi|chu\s*tri|thuc\s*hien|phu\s*trach)\b\s*\|?\s*")


def _lead_row(outline: Outline, k: int, n: int, matcher: AgencyMatcher) -> tuple[int, list[str]] | None:
    """The row under a years-as-rows table naming each of its `n` indicators' body ("Cơ quan theo dõi | Sở Tài chính
    | …"), read line by line across its narrow cells: "Cơ quan | Sở Tài chính | Sở Khoa học và Sở Công Ngân hàng Nhà"
    / "theo dõi Công nghệ Thương nước chi nhánh" / "khu vực". The first line's words are cut into `n` names (never
    across a "|"), each later line's words shared out in order among them (a name may take none), as the registry
    reads best: a name it knows scores its match, one it holds whole more. The row's last line and the `n` names, or
    None when a name of the first line is no unit."""
    lines = outline.lines
    if n < 1 or k >= len(lines) or (m := _LEAD_ROW.match(fold(lines[k]))) is None:
        return None
    labelled = bool(re.search(r"theo\s*doi|chu\s*tri|thuc\s*hien|phu\s*trach", m.group(0)))
    scores: dict[str, float] = {}

    def score(name: str) -> float:
        if name not in scores:
            hit = matcher.match(name) if name else None
            scores[name] = 0.0 if hit is None or hit.agency is None else hit.score + (50 if hit.score >= 100 else 0)
        return scores[name]

    names: list[str] = []
    end = k
    for j in range(k, min(k + 4, len(lines))):
        f = fold(lines[j])
        if not f.strip():
            break
        at = m.end() if j == k else 0
        if j > k and not labelled and (rest := _LABEL_REST.match(f)):
            at, labelled = rest.end(), True
        # the line's words, each with whether a cell's bar stands before it
        words: list[tuple[str, bool]] = []
        bar = False
        for tok in re.findall(r"\||[^\s|]+", lines[j][at:]):
            if tok == "|":
                bar = True
                continue
            words.append((tok, bar))
            bar = False
        if not words:
            continue
        best: tuple[float, list[str]] | None = None
        first = not names
        for cuts in _compositions(len(words), n, first, [b for _w, b in words]):
            parts = [" ".join(w for w, _b in words[a:b]) for a, b in cuts]
            got = [parts[c] if first else squash(names[c] + " " + parts[c]) for c in range(n)]
            total = sum(score(x) for x in got)
            if best is None or total > best[0]:
                best = (total, got)
        if best is None:
            return None
        if first and any(score(x) == 0 for x in best[1]):
            return None
        names = best[1]
        end = j
    return (end, names) if names else None


def _compositions(m: int, n: int, nonempty: bool, bars: list[bool]) -> Iterator[list[tuple[int, int]]]:
    """The ways to cut `m` words into `n` runs in order, as (start, end) pairs; with `nonempty` each run holds a word
    and a run never goes on past a bar (`bars[w]`: a "|" before word w); at most a few thousand."""
    if nonempty:
        if m < n:
            return
        forced = [w for w in range(1, m) if bars[w]]
        for inner in itertools.combinations(range(1, m), n - 1):
            if all(w in inner for w in forced):
                edges = [0, *inner, m]
                yield [(edges[c], edges[c + 1]) for c in range(n)]
        return
    if m > 12:
        return
    for inner in itertools.combinations_with_replacement(range(m + 1), n - 1):
        edges = [0, *inner, m]
        yield [(edges[c], edges[c + 1]) for c in range(n)]


def years_as_rows(outline: Outline, i: int, matcher: AgencyMatcher, warnings: list[str]) -> tuple[list[Target], int] | None:
    """An indicator table with one indicator per column and one year per row ("Năm | Tỷ lệ hồ sơ … (%) | Số doanh
    nghiệp … (doanh nghiệp)" / "2026 | 80 | 25" / "2030 | 100 | 50") that OCR read without positions: the header's
    titles interleaved over a few lines ("Năm Tỷ lệ hồ sơ thủ tục | Tỷ lệ dịch vụ công Số doanh nghiệp" / "hành
    chính được trực tuyến toàn trình | khoa học và công" / "số hóa (%) (%) nghệ (doanh" / "nghiệp)"), then a row
    per year with as many figures as titles; a page break's copy of the header is skipped. Read as the table it
    was (targets.table_targets turns it): the targets and the table's last line, or None. The titles' words are
    shared out by their cells' ends where OCR shows them ("|", a unit's closing bracket, a capital opening a
    title on the first line), else near the titles' widths where two words least belong together (`_by_width`):
    the reviewer is warned to check the names."""
    lines = outline.lines
    first = fold(lines[i])
    if not (head_m := _ROWS_HEAD.match(first)) or len(first) > 160:
        return None
    head = [i]
    k = i + 1
    while k < len(lines) and not _YEAR_ROW.match(fold(lines[k])):
        if lines[k].strip():
            head.append(k)
        if len(head) > 6:
            return None
        k += 1
    rows: list[tuple[int, str, list[str]]] = []
    last = k
    key = re.sub(r"[^a-z]", "", first)
    unread: set[int] = set()          # rows with a figure OCR read as letters (`_unread_cells`)
    while k < len(lines):
        f = fold(lines[k])
        if (ym := _YEAR_ROW.match(f)) is None and (read := _unread_cells(lines[k])):
            ym, f = _YEAR_ROW.match(read), read
            unread.add(k)
        if ym is not None:
            cells = [c.group(0) for c in _ROW_CELL.finditer(f, ym.start(2))]
            rows.append((k, ym.group(1), cells))
            last = k
        elif f.strip() and fuzz.ratio(re.sub(r"[^a-z]", "", f), key) >= 80:
            # the header repeated after a page break: its lines up to the next year's row
            skip = k + 1
            while skip < min(len(lines), k + 2 * len(head) + 2) and not _YEAR_ROW.match(fold(lines[skip])):
                skip += 1
            k = skip
            continue
        elif f.strip():
            break
        k += 1
    leads = _lead_row(outline, k, len(rows[0][2]) if rows else 0, matcher) if rows else None
    years = [int(y) for _k, y, _c in rows]
    width = max((len(c) for _k, _y, c in rows), default=0)
    if len(rows) < 2 or years != sorted(set(years)) or width < 1 or \
            sum(len(c) == width for _k, _y, c in rows) < 2:
        return None
    names = _column_titles(outline, head, head_m.end(), width)
    if names is None:
        return None
    glyphs = any("≥" in x or "≤" in x for x in lines)
    guessed = False
    body: list[list[str]] = []
    for _k, y, cells in rows:
        if len(cells) != width:
            continue                    # a figure lost: which column it was is not known
        row = [y]
        for c in cells:
            c = squash(c)
            if not glyphs and c[:1] in "<>":
                c, guessed = ("≥" if c[0] == ">" else "≤") + c[1:], True      # Tesseract has no "≥": see ocr_annex_targets
            row.append(c)
        body.append(row)
    rows_out = [["Năm", *(n[0] for n in names)], *body]
    rrows = [["Năm", *(n[1] for n in names)], *body]
    if leads is not None and len(leads[1]) == width:
        rows_out.append(["Cơ quan theo dõi", *leads[1]])
        # (the restored text of a name read over several lines is not aligned: the registry's name is shown)
        rrows.append(["Cơ quan theo dõi", *((hit.agency.name if (hit := matcher.match(x)).agency else x) for x in leads[1])])
        last = leads[0]
    table = Table(i, last, rows_out, rrows, [i] * len(rows_out))
    found = table_targets(outline, table, matcher, warnings)
    if not found:
        return None
    lost = {y for k, y, _c in rows if k in unread}
    for t in found:
        t.confidence = min(t.confidence, 0.5)
        t.source = SourceSpan(i + 1, last + 1)
        # a figure OCR read as letters is no value of that year (its cell was read as "-")
        t.milestones = {y: v for y, v in t.milestones.items() if not (y in lost and v == "-")}
    warnings.append("Bảng chỉ tiêu theo năm (mỗi cột một chỉ tiêu) đọc từ văn bản OCR không có vị trí: tên chỉ tiêu "
                    "được ghép từ các dòng tiêu đề, cần đối chiếu bản gốc.")
    if guessed:
        warnings.append("Bảng chỉ tiêu theo năm: dấu “>”/“<” của OCR được đọc là “≥”/“≤”; cần đối chiếu bản gốc.")
    if lost:
        warnings.append("Bảng chỉ tiêu theo năm: có ô số OCR đọc thành chữ (“TỌ”, “9O”), để trống giá trị năm đó; cần "
                        "đối chiếu bản gốc.")
    return found, last


_LOW = r"[^\W\d_" + _UP + "]"
# "… sử dụng Số xã …", also "S6 xã" (OCR's glyph for ố)
_TITLE_OPENS = re.compile(r"(?<=" + _LOW + r"|,)\s+(?=[" + _UP + "](?:" + _LOW + r"|[690&¢€§]\b))")
_PIECE_END = re.compile(r"\s*\|\s*|(?<=\))\s+(?=\S)")


def _column_titles(outline: Outline, head: list[int], start: int, n: int) -> list[tuple[str, str]] | None:
    """The `n` titles of a header read line by line across its cells (`years_as_rows`): each line's words shared
    out among the titles not yet ended (a title ends with its unit's closing bracket). A line is cut where OCR
    shows a cell's end ("|", after a closing bracket), on the first line also before a capital following a small
    letter (a title opens with a capital); a piece still spanning several titles is cut as `_by_width` says.
    (cleaned, restored) text of each title, or None when the first line does not give `n` titles."""
    lines = outline.lines
    parts: list[list[tuple[int, int, int]]] = [[] for _ in range(n)]     # (line, start, end) of each title's pieces
    widths: list[int] = []
    for at, k in enumerate(head):
        line = lines[k]
        lo = start if at == 0 else 0
        pieces = _pieces(line, lo, len(line), _PIECE_END)
        open_cols = [c for c in range(n) if not _ended(lines, parts[c])]
        if at == 0 and len(pieces) < n:
            pieces = [q for a, b in pieces for q in _pieces(line, a, b, _TITLE_OPENS)]
        if at == 0:
            if len(pieces) != n:
                return None
            widths = [b - a for a, b in pieces]
        if not pieces or len(pieces) > len(open_cols):
            break                       # more cells than open titles: the names stop here
        share = [1] * len(pieces)
        while sum(share) < len(open_cols):
            # the piece longest against the widths of the titles it would cover takes one more
            c0 = [sum(share[:p]) for p in range(len(pieces))]
            p = max(range(len(pieces)), key=lambda q: (pieces[q][1] - pieces[q][0]) /
                    sum(widths[open_cols[c]] for c in range(c0[q], c0[q] + share[q] + 1) if c < len(open_cols)))
            share[p] += 1
        c = 0
        for (a, b), s in zip(pieces, share, strict=True):
            for a2, b2, col in _by_width(outline, k, a, b, [widths[open_cols[c + j]] for j in range(s)]):
                parts[open_cols[c + col]].append((k, a2, b2))
            c += s
    out = []
    for ps in parts:
        clean = squash(" ".join(lines[k][a:b] for k, a, b in ps))
        restored = squash(" ".join(outline.line_out(k, a, b) for k, a, b in ps))
        if not clean:
            return None
        out.append((clean, restored))
    return out


def _pieces(line: str, a: int, b: int, cut: re.Pattern[str]) -> list[tuple[int, int]]:
    out = []
    pos = a
    for m in cut.finditer(line, a, b):
        if line[pos:m.start()].strip():
            out.append((pos, m.start()))
        pos = m.end()
    if line[pos:b].strip():
        out.append((pos, b))
    return [(x + len(line[x:y]) - len(line[x:y].lstrip()), y - (len(line[x:y]) - len(line[x:y].rstrip()))) for x, y in out]


def _ended(lines: list[str], ps: list[tuple[int, int, int]]) -> bool:
    text = " ".join(lines[k][a:b] for k, a, b in ps).rstrip()
    return text.endswith(")") and text.count("(") <= text.count(")")


def _by_width(outline: Outline, k: int, a: int, b: int, widths: list[int]) -> list[tuple[int, int, int]]:
    """Span a..b of line `k` cut at spaces into len(widths) parts, each about its share of the words by width: each
    cut between the two words least likely to follow each other (a cell's line ends at a word's end, "… được" /
    "trực tuyến …", not inside one, "trực" / "tuyến"), one word off the share costing one unit of the language
    model's log odds."""
    if len(widths) == 1:
        return [(a, b, 0)]
    line = outline.lines[k]
    words = [(m.start(), m.end()) for m in re.finditer(r"\S+", line[:b]) if m.start() >= a]
    if len(words) < len(widths):
        return [(a, b, 0)]
    said = [outline.line_out(k, x, y).lower() for x, y in words]
    total = sum(widths)
    cuts: list[int] = []        # word index each part after the first starts at
    for j in range(1, len(widths)):
        want = len(words) * sum(widths[:j]) / total
        lo, hi = (cuts[-1] + 1 if cuts else 1), len(words) - (len(widths) - j)
        cuts.append(min(range(lo, hi + 1), key=lambda c: _bond(said[c - 1], said[c]) + abs(c - want)))
    edges = [0, *cuts, len(words)]
    return [(words[edges[j]][0], words[edges[j + 1] - 1][1], j) for j in range(len(widths))]


def _bond(left: str, right: str) -> float:
    """How much more likely `right` is after `left` than alone (log, the restorer's syllable model); 0 without it."""
    try:
        from .restore import get_restorer

        lm = get_restorer().lm
    except (OSError, ValueError):
        return 0.0
    a, b = lm.id(left.strip(".,;:()")), lm.id(right.strip(".,;:()"))
    return lm.score2(a, b) - lm.uni[b]


def _task_roadmap(lines: list[str], i: int) -> bool:
    """The year columns at line `i` are a task table's roadmap, its tasks marked 'x' in the years they run
    ('TT | Nhiệm vụ | Đơn vị chủ trì | … | Lộ trình thực hiện' over '2026 | 2027 | 2028'; OCR may put the years
    above the titles): the header lines around it name tasks and no indicator."""
    head = " ".join(fold(x) for x in lines[max(0, i - 3):i + 8])
    return bool(re.search(r"nhiem\s*vu", head) and re.search(r"lo\s*trinh|chu\s*tri", head)
                and not re.search(r"chi\s*tieu|muc\s*tieu", head))


def merge_twins(targets: list[Target]) -> list[Target]:
    """One row read twice: a year-column table inside an annex is read both by its year columns (values
    by year, the lead after them) and by the annex reader (the name bounded by its cell's width, one
    value). Rows of the same number and first value whose lines overlap are one indicator: kept once,
    the year reading's milestones, year, lead and unit, the annex reading's name."""
    out: list[Target] = []
    for t in targets:
        twin = next((o for o in out if o.no and o.no == t.no and bool(o.milestones) != bool(t.milestones)
                     and o.source and t.source and o.source.start_line <= t.source.end_line
                     and t.source.start_line <= o.source.end_line
                     and (o.value == t.value or _after_baseline(o if o.milestones else t, t if o.milestones else o))), None)
        if twin is None:
            out.append(t)
            continue
        years, annex = (twin, t) if twin.milestones else (t, twin)
        if annex.source and years.source and annex.source.end_line <= years.source.end_line:
            years.name = annex.name or years.name       # not a name run on over the next rows' lines
        years.lead, years.lead_code = (years.lead, years.lead_code) if years.lead else (annex.lead, annex.lead_code)
        years.unit = years.unit or annex.unit
        out[out.index(twin)] = years
    return out


def _after_baseline(years: Target, annex: Target) -> bool:
    """The annex reading of a row the year reading read too, with another value: none (it could not tell the
    cells apart), or the row's first figure, a baseline the year reading left out of its milestones ("1 Tỷ lệ …
    % 45 70 90 100": 45 reached in 2025, 70 the target for 2026), which stands on the row's first line right
    before the year reading's first value."""
    first = years.raw.split(" / ")[0] if years.raw else ""
    if annex.value is None and annex.comparator == "text":
        return True         # the annex reading found no value in the row's cells at all
    return bool(annex.value and years.value and
                re.search(r"(?<![\d.,])" + re.escape(annex.value) + r"\s*%?\s*\|?\s*[<>≥≤~=]?\s*" + re.escape(years.value) + r"(?![\d.,])", first))


# the header of an indicator table with two year columns and nothing else ("Chỉ tiêu Năm 2026 | Năm 2027"; folded)
_TWO_YEAR_HEAD = re.compile(r"^\W*(?:s?tt\W+)?chi\s*tieu[\s|]+(?:nam\s*)?20[2-5]\d[\s|]+(?:nam\s*)?20[2-5]\d[\s|]*$")


# a quarter's column title ("Quý I", "QuýlV": a scan's "l" for the numeral's I; folded)
_QUARTER_TITLE = re.compile(r"\bquy\s*[ivl1|]{1,4}(?![a-z])")


def _quarter_table(outline: Outline, i: int, f: str, above: str, years: list[str], matcher: AgencyMatcher
                   ) -> list[Target] | None:
    """An indicator table with one column per quarter ("TT | Chỉ tiêu | Đơn vị tính | Thực hiện năm 2025 | Quý I | …
    | Quý IV | Cơ quan theo dõi"; a schedule's "Nội dung nhiệm vụ | … | Quý I | …", marked "x", is none) that OCR read row by row (each row's first line: its name's first words, the unit,
    a run of one figure per column, the lead's first words): read as a year table's rows are, each valued at its
    last quarter, for the quarters' own year (in their titles, else the one year the lines above name)."""
    from .targets import ocr_year_unit_table

    count = len(_QUARTER_TITLE.findall(f))
    if count < 3 or len(f) > 120 or not re.search(r"don\s*v", loose(f + " " + above)) or \
            not re.search(r"chi\s*tieu|chi\s*so\b", f + " " + above):
        return None
    named = set(years) or set(_YEARS.findall(" ".join(fold(x) for x in outline.lines[max(0, i - 5):i])))
    year = int(named.pop()) if len(named) == 1 else 0
    base = _baseline(f + " " + above, [0, 0])
    return ocr_year_unit_table(outline, i, [0] * base + [year] * count, matcher, _table_end(outline, i), base, quarters=True)


def _baseline(header: str, years: list[int]) -> int:
    """1 when the first year column holds results already reached ("Thực hiện 2024 | Kế hoạch 2025 | Mục tiêu
    2030", "Giá trị cơ sở 2024 | 2025 | …", also with its words split over the header's lines: "Thực" / "hiện"), not a milestone; else 0. A
    lead column "Đơn vị thực hiện" is not one."""
    found = re.search(r"\b(?:thuc\s*hien|uoc\s*th[a-z]*|hien\s*trang|(?:gia\s*tri\s*)?co\s*so)\s*(?:nam\s*)?20\d\d", header) or \
        re.search(r"(?<!vi )(?<!quan )\b(?:thuc(?:\s*hien)?|uoc\s*th[a-z]*|hien\s*trang|gia\s*tri\s*co\s*so)\b", header) or \
        re.search(r"(?<!thuc )\bhien\b(?=.*\btrang\b)", header)       # "Hiện" / "trạng": the title split over the lines
    return 1 if found and len(years) >= 2 else 0


def _base_below(lines: list[str], i: int, years: list[int]) -> int | None:
    """The year of a baseline column whose title OCR broke under the header's line, its year alone a line or two
    below ("TT | Chỉ số ĐVT | Giá trị |2025 |2026 |2030 Đơn vị" / "cơ Sở theo dõi" / "2024"): an earlier year than
    the header's, the title's words naming a baseline ("Giá trị cơ sở", "Thực hiện", "Hiện trạng"). None otherwise."""
    below = [fold(x) for x in lines[i + 1:i + 4] if x.strip()][:2]
    lone = next((int(m.group(1)) for x in below if (m := re.fullmatch(r"\s*(?:nam\s*)?(20[2-5]\d)\s*", x))), None)
    if lone is None or lone >= years[0]:
        return None
    words = fold(lines[i]) + " " + " ".join(below)
    return lone if re.search(r"gia\s*tri.*\bco\s*so\b|\bthuc\s*hien\b|\bhien\s*trang\b|\buoc\s*th", words) else None


def _header_years(folded: str) -> list[str]:
    """The years a header line's columns stand for: a range ("Năm học 2025 - 2026", "2026-2030") is its
    end year, as a table's cell reads it (targets._YEAR_COL)."""
    return [m.group(2) or m.group(1) for m in _YEAR_SPAN.finditer(folded)]


_YEAR_SPAN = re.compile(r"(?<!\d)(20[2-5]\d)(?:\s*[-–]\s*(20[2-5]\d))?(?!\d)")


def _split_year_header(lines: list[str], i: int) -> tuple[int, list[int]] | None:
    """A year table's header whose titles OCR read one word under another ("TT Chỉ tiêu Đơn vị Năm Mục
    Đơn vị chủ trì" / "tính 2025 tiêu" / "2030", or without a unit column "TT Chỉ tiêu Năm học Năm học" /
    "2025-2026 | 2026 - 2027"): line i names the indicator and year columns (and the unit's) without a
    year; the years stand on the next two short lines. An indicator column titled "Chỉ số" with a baseline and plan
    columns ("STT | Chỉ số ĐVT Thực Kế Kế" / "hiện hoạch hoạch" / "2025 2026 2027") is one too. Their last line and the
    years, or None."""
    f = loose(lines[i])         # "D&n vị": OCR's glyph for ơ
    # (year columns titled "Chỉ tiêu 2026", "Kế hoạch 2026": "Chỉ tiêu" more than once, or "Kế hoạch")
    if len(f) > 90 or not ((re.search(r"chi\s*tieu", f) and (re.search(r"\bnam\b|muc|ke\s*hoach", f)
                                                           or len(re.findall(r"chi\s*tieu", f)) >= 2))
                           or (re.search(r"chi\s*so\b", f) and re.search(r"\bnam\b|muc|\bke\b|\bthuc\b", f))) or \
            not (re.search(r"don\s*v", f) or re.match(r"\s*s?tt\b", f)):
        return None
    years: list[int] = []
    last = i
    for k in range(i + 1, min(i + 4, len(lines))):
        line = fold(lines[k])
        if not line.strip():
            continue
        if len(line) > 30 or (_ROW.match(lines[k]) and not _YEARS.match(line.strip())):
            break
        found = [int(y) for y in _header_years(line)]
        if years and found and found[0] < years[0]:
            break           # a baseline's year alone below the others: see below
        if found:
            years.extend(found)
            last = k
    if years and years == sorted(set(years)):
        # a baseline column's title broken further down, its year alone below the others ("Ước" / "thực" /
        # "hiện" / "năm" / "2025" under "Năm 2026 | Năm 2027"): an earlier year, the first column
        head = " ".join(fold(x) for x in lines[i:last + 1])
        for k in range(last + 1, min(last + 5, len(lines))):
            line = fold(lines[k]).strip()
            if len(line) > 12 or (_ROW.match(lines[k]) and not _YEARS.fullmatch(line)):
                break
            if (lone := re.fullmatch(r"(?:nam\s*)?(20[2-5]\d)", line)) is not None:
                if int(lone.group(1)) < years[0] and _baseline(head + " " + " ".join(fold(x) for x in lines[last + 1:k]), years):
                    return k, [int(lone.group(1)), *years]
                if len(years) == 1 and int(lone.group(1)) < years[0]:
                    # no baseline: the first year column's title, narrower, broken a line further down than the
                    # second's ("Chỉ | Chỉ tiêu" / "tiêu | 2030" / "2026")
                    return k, [int(lone.group(1)), *years]
                break
            head_word = re.fullmatch(r"[a-z]{1,6}", line) if line else True
            if not head_word:
                break
        return (last, years) if len(years) >= 2 else None
    return None


def _anchors(lines: list[str], start: int, end: int, allow_sub: bool, resync: bool = False) -> list[tuple[int, str]]:
    return row_anchors(lines, start, end, allow_sub=allow_sub, resync=resync)


def _span_end(lines: list[str], anchors: list[tuple[int, str]], n: int, end: int) -> int:
    return anchors[n + 1][0] - 1 if n + 1 < len(anchors) else end


def year_table(outline: Outline, header: int, years: list[int]) -> list[Target]:
    lines = outline.lines
    end = _table_end(outline, header)
    anchors = _anchors(lines, header + 1, end, allow_sub=False)
    out: list[Target] = []
    prev_hi = header
    for n, (i, label) in enumerate(anchors):
        nxt = anchors[n + 1][0] if n + 1 < len(anchors) else end + 1
        lo, hi = _year_row_span(lines, i, prev_hi, nxt)
        prev_hi = hi
        block = [lines[k] for k in range(lo, hi + 1)]
        values: list[str] = []
        name_parts: list[str] = []
        for k, line in enumerate(block):
            rm = _ROW.match(line) if lo + k == i else None
            cut = len(rm.group(0)) if rm else 0
            body = line[cut:]
            cells = [m for m in _VALUE.finditer(body) if not _in_sentence(body, m)]
            values.extend(m.group(0).replace(" ", "") for m in cells)
            text = body
            for m in reversed(cells):
                text = text[:m.start()] + " " * (m.end() - m.start()) + text[m.end():]
            text = text.replace("|", " ")
            if re.search(r"[A-Za-zÀ-ỹ]{3,}", text) and not re.fullmatch(r"\s*(co|6g|gdp|grdp|[^a-z]*)\s*",
                                                                      fold(text).strip()):
                out_line = outline.line_out(lo + k, cut)
                if len(out_line) == len(body):
                    for m in reversed(cells):
                        out_line = out_line[:m.start()] + " " + out_line[m.end():]
                else:
                    out_line = _VALUE.sub(" ", out_line)
                name_parts.append(out_line.replace("|", " "))
        name = squash(" ".join(name_parts))
        if not name:
            continue
        t = Target(name=name, no=row_label(label), source=SourceSpan(lo + 1, hi + 1), confidence=0.5, raw=" / ".join(block))
        for year, value in zip(years, values, strict=False):
            t.milestones[str(year)] = value
        if values and all(v == "X" for v in values):
            t.comparator, t.value = "text", None
        elif t.milestones:
            first = next(y for y in sorted(t.milestones) if t.milestones[y] != "X")
            t.year = int(first)
            t.value, t.comparator = parse_value(t.milestones[first].replace("~", "").replace("=", ""))
            if t.milestones[first].startswith("~"):
                t.comparator = "="
            t.unit = "%" if "%" in t.milestones[first] else None
        if len(values) not in (0, len(years)):
            t.confidence = 0.35
        out.append(t)
    return out


def _in_sentence(body: str, m: re.Match[str]) -> bool:
    """'… chuyển đổi số đạt 3% GRDP.': a figure inside the row's own sentence, not a year cell."""
    if re.match(r"\s*[<>≥≤~=X]", m.group(0)):
        return False
    before = fold(body[:m.start()]).rstrip()
    after = fold(body[m.end():])
    return bool(re.search(r"[a-z]$", before)) and bool(re.match(r"\s*(?:[a-z]+\s*)?[.;](?:\s|$)", after))


def _year_row_span(lines: list[str], i: int, prev_hi: int, nxt: int) -> tuple[int, int]:
    """A lone number owns the lines down to the next row; an interleaved row owns a line or two around it."""
    if not _ROW.sub("", lines[i], count=1).strip():
        hi = nxt - 1
        while hi > i and not lines[hi].strip():
            hi -= 1
        return i, hi
    lo = max(prev_hi + 1, i - 3)
    while lo < i and not lines[lo].strip():
        lo += 1
    hi = i
    body = _ROW.sub("", lines[i], count=1)
    if _ends_sentence(body):
        return lo, hi
    if _VALUE.search(body):
        if hi + 1 < nxt and _ends_sentence(lines[hi + 1]) and not _VALUE.search(lines[hi + 1]):
            hi += 1
        return lo, hi
    while hi + 1 < nxt and lines[hi + 1].strip() and hi - i < 3:
        hi += 1
        if _ends_sentence(lines[hi]):
            break
    return lo, hi


def _ends_sentence(line: str) -> bool:
    return _VALUE.sub("", line).replace("|", " ").rstrip().endswith(".")


_FIGURE_CELL = re.compile(r"(?:^|[\s|])((?:[<>≥≤~]=?\s*)?\d+(?:[.,]\d+)?\s*%?(?:\s*-\s*\d+(?:[.,]\d+)?\s*%?)?)[\s|,]*$")


def _value_elsewhere(lines: list[str], lo: int, hi: int, anchor: int, value_txt: str,
                     unit_m: re.Match[str] | None, name_txt: str,
                     matcher: AgencyMatcher | None = None) -> tuple[str, re.Match[str] | None, str]:
    """The result cell may sit on a neighbouring line of the row ("% GRDP > 50" below the number), or
    just before the lead's name on a line of the row below its number line ("… người 0,75 Sở Khoa học":
    the cells centred in a tall row)."""
    found = _value_on_lines(lines, lo, hi, anchor, unit_m)
    if found is not None:
        return found[0], found[1], name_txt
    for k in range(lo, hi + 1):
        mentions = matcher.scan(lines[k]) if matcher is not None and k != anchor else []
        if mentions and mentions[0][0] and (m := _FIGURE_CELL.search(lines[k][:mentions[0][0]])) and \
                m.group(1).strip() != "0":          # "0": OCR's "%" more often than a result
            return m.group(1).strip(), unit_m, name_txt
    return value_txt, unit_m, name_txt


def _value_on_lines(lines: list[str], lo: int, hi: int, anchor: int,
                    unit_m: re.Match[str] | None) -> tuple[str, re.Match[str] | None] | None:
    for k in range(lo, hi + 1):
        if k == anchor:
            continue
        f = fold(lines[k])
        for m in _UNIT.finditer(f):
            rest = f[m.end():].strip(" |")
            if re.match(r"[<>≥≤~]?\s*\d", rest):
                return rest, unit_m or m
        if re.match(r"^\s*[<>≥≤]?\s*\d+(?:[.,]\d+)?\s*[,|]?\s*$", f) or re.match(r"^\s*[<>≥≤]\s*\d", f):
            return f.strip(" ,|"), unit_m
    return None


def _unit_name(folded: str) -> str | None:
    """A unit found on a folded neighbouring line, spelled for display; None when unsure."""
    if "grdp" in folded:
        return "% GRDP"
    if folded.startswith("%") or folded == "/o":
        return "%"
    if re.fullmatch(r"th[ui]\s*bac", folded.strip()):
        return "Thứ bậc"
    return None


def _table_end(outline: Outline, header: int) -> int:
    for section in outline.sections:
        if section.start > header:
            return section.start - 1
    return len(outline.lines) - 1


# --- a year table read column by column ------------------------------------------------------------

# a cell of a year column alone ("50", "≥ 20", ">95", "Top 30", "Tăng 10%"; folded); several on a line when
# OCR ran the last columns together ("70 85 100")
_COL_VALUE = r"(?:(?:top|tang|giam)\s*)?[<>≥≤~=]?\s*\d{1,4}(?:[.,]\d{1,2})?\s*%?"
_COL_VALUES = re.compile(r"^\s*" + _COL_VALUE + r"(?:\s+\|?\s*" + _COL_VALUE + r")*\s*$")


def column_read_year_table(outline: Outline) -> list[Target]:
    """A year table ("Chỉ tiêu | Đơn vị tính | 2026 | 2027 | … | 2030") whose narrow cells OCR read column
    by column: the header's titles one under another ("Chỉ tiêu" / "Đơn vị" / "tính" / "2026" / "2027" /
    "2028 2029 | 2030"), then, block after block, the names of a few rows (each opening with a capital,
    wrapped over short lines) and, for each of them in turn, its unit alone on a line and its values
    ("%" / "50" / "60" / "70 85 100"). A block's runs belong to its last names (a group row's title comes
    first and has no unit); a run is kept only with exactly one value per year (OCR loses cells: a shorter
    run cannot say which years it holds); units side by side ("Thứ hạng" / "Doanh nghiệp": the rows'
    values interleaved) give nothing."""
    lines = outline.lines
    for i, line in enumerate(lines):
        if not re.fullmatch(r"\s*(?:s?tt\s+)?(?:ten\s*)?chi\s*tieu\s*", loose(line)):
            continue
        years: list[int] = []
        groups: list[int] = []          # the years OCR read on each line of the header ("2028 2029 | 2030": 3)
        last, seen = i, 0
        for k in range(i + 1, min(i + 16, len(lines))):
            f = fold(lines[k]).strip()
            if not f:
                continue
            seen += 1
            if seen > 8:
                break
            if re.fullmatch(r"(?:20[2-5]\d\s*\|?\s*)+", f):
                years.extend(int(y) for y in _YEARS.findall(f))
                groups.append(len(_YEARS.findall(f)))
                last = k
            elif years or not re.fullmatch(r"(?:don\s*vi|tinh|dvt|don\s*vi\s*tinh|s?tt)", loose(f)):
                break
        if len(years) >= 3 and years == sorted(set(years)):
            return _column_rows(outline, last + 1, _table_end(outline, last), years, groups)
    return []


def _column_rows(outline: Outline, start: int, end: int, years: list[int], groups: list[int]) -> list[Target]:
    lines = outline.lines
    items: list[tuple[int, int, str]] = []          # (first line, last line, kind): name, unit, value, other
    for k, b in blocks(lines, start, end):
        block = [x.strip() for x in lines[k:b + 1]]
        text = " ".join(block)
        prev = items[-1][2] if items else ""
        if all(_COL_VALUES.match(fold(x)) for x in block):
            if prev in ("value", "unit"):
                items.append((k, b, "value"))
            else:
                items.append((k, b, "other"))
        elif sum(c.isalpha() or c == "%" for c in text) < 0.6 * len(text.replace(" ", "")) or \
                (re.search(r"\d", text) and len(text) <= 24):     # OCR's specks (": `. ưnn—"), a cell half read
            items.append((k, b, "other"))
        elif len(text.split()) <= 3 and len(text) <= 24 and not (prev == "name" and text[:1].islower()) and \
                ("%" in text or re.search(r"[^\W\d_]{2}", text)):      # not a letter alone: a speck
            items.append((k, b, "unit"))
        elif not text[:1].isupper() and prev == "name":
            items[-1] = (items[-1][0], b, "name")   # a name's last words, a blank line above them
        elif text[:1].isupper():
            first = k
            for j in range(k + 1, b + 1):           # the next row's name, read on the lines right below
                if lines[j].strip()[:1].isupper():
                    items.append((first, j - 1, "name"))
                    first = j
            items.append((first, b, "name"))
        else:
            items.append((k, b, "other"))
    out: list[Target] = []
    names: list[tuple[int, int]] = []
    runs: list[tuple[int, int, list[str], list[int]]] = []     # (unit line, last line, values, values per paragraph)
    for a, b, kind in [*items, (end + 1, end + 1, "end")]:
        if kind in ("name", "end", "other") and runs:
            if len(runs) <= len(names):
                whole = all(r[2] for r in runs)     # units side by side: their values interleaved
                for (na, nb), (ua, ub, values, sizes) in zip(names[-len(runs):], runs, strict=True):
                    cols = _columns_held(sizes, groups, years) if whole else []
                    out.append(_column_target(outline, na, nb, ua, ub, values if cols else [], cols))
            names, runs = [], []
        if kind == "name":
            names.append((a, b))
        elif kind == "unit":
            runs.append((a, b, [], []))
        elif kind == "value" and runs:
            cells = _cells(" ".join(lines[a:b + 1]))
            runs[-1] = (runs[-1][0], b, runs[-1][2] + cells, runs[-1][3] + [len(cells)])
        elif kind == "other":
            names = []
    return out


def _columns_held(sizes: list[int], groups: list[int], years: list[int]) -> list[int]:
    """The years a row's values stand for: all of them when there is one value per year; when OCR lost cells,
    the years of the first header lines when the row's paragraphs repeat their counts and not those of the last
    lines (header "2026" / "2027" / "2028 2029 | 2030", values "12" / "14": 2026 and 2027); else none (values
    "> 90 >95 100" alone would be 2028-2030, but a target's year and value are its first year's, here unread)."""
    if sum(sizes) == len(years):
        return years
    n = len(sizes)
    head, tail = groups[:n] == sizes, n <= len(groups) and groups[len(groups) - n:] == sizes
    if not sizes or not head or tail or 0 in sizes:
        return []
    return years[:sum(sizes)]


def _cells(text: str) -> list[str]:
    f = fold(text)
    return [text[m.start():m.end()].strip() for m in re.finditer(_COL_VALUE, f) if m.group(0).strip()]


def _column_target(outline: Outline, na: int, nb: int, ua: int, ub: int, values: list[str], years: list[int]) -> Target:
    """A row of a year table read column by column; `years`: those its values stand for (none: its values unread)."""
    lines = outline.lines
    name = squash(" ".join(outline.line_out(k) for k in range(na, nb + 1)))
    unit = squash(" ".join(outline.line_out(k) for k in range(ua, ub + 1) if lines[k].strip() and not _COL_VALUES.match(fold(lines[k]))))
    if not years or len(values) != len(years):      # a run short of cells that cannot say which years it holds
        return Target(name=name, unit=unit, source=SourceSpan(na + 1, ub + 1), confidence=0.3,
                      raw=" / ".join(x.strip() for x in lines[na:ub + 1] if x.strip()))
    milestones = {str(y): v for y, v in zip(years, values, strict=True)}
    value, comparator = parse_value(values[0])
    return Target(name=name, value=value, comparator=comparator, unit=unit, year=years[0], milestones=milestones,
                  source=SourceSpan(na + 1, ub + 1), confidence=0.5 if len(years) == len(milestones) else 0.4,
                  raw=" / ".join(x.strip() for x in lines[na:ub + 1] if x.strip()))

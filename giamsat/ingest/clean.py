"""Cleaning OCR'd plans: page numbers, running headers, signature and "Nơi nhận" blocks, footnotes.

Lines are dropped, never rewritten, so every kept line still points to its raw line.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field

from .fold import fold, loose

_PAGE_NO = re.compile(r"^\s*(?:-\s*)?(?:trang\s*)?(\d{1,3})(?:\s*-)?\s*$")
_RECIPIENTS = re.compile(r"^\s*[*_]*\s*n[o0]i\s*nh[a-z]?n\b")
_SIGN = re.compile(r"^\s*(t/?m\.?|tm\.|kt\.|k/t)\s*(ban|uy|ubnd|chinh phu|dang|hoi dong|thuong|chu tich|bi thu)")
_ANNEX = re.compile(r"^\s*[#*\s]*(ph[uy]\s*l[uy]c|danh muc cac (nhiem vu|chi tieu))")
_BODY_RESUMES = re.compile(r"^\s*(#{1,6}\s|(chuong trinh|ke hoach|nghi quyet|quyet dinh)(\s+hanh dong)?\s*$)")
_FOOTNOTE = re.compile(r"^\s*([¹²³⁴⁵⁶⁷⁸⁹!]|\d{1,2}(?=\s+[A-ZĐ]))\s*\S.{0,50}?\b(nghi dinh|quyet dinh|thong tu|khoan|"
                       r"dieu|luat|nghi quyet|theo|van ban|ke hoach)\b")
_METADATA_STAMP = re.compile(r"^\s*(thoi gian ky|so\s*[a-z]?:\s*\d+/.*$|ky boi|email:|co quan:)")


@dataclass
class Cleaned:
    lines: list[str]        # kept lines
    raw_index: list[int]    # 0-based raw line of each kept line
    removed: dict[str, int]
    notes: list[str] = field(default_factory=list)     # footnotes below a rule line, each with its mark ("¹ Nghị quyết …")


def clean_lines(raw: list[str]) -> Cleaned:
    drop: dict[int, str] = {}
    folded = [fold(x) for x in raw]
    _mark_recipients(raw, folded, drop)
    _mark_templates(raw, folded, drop)
    _mark_page_numbers(raw, drop)
    _mark_running_headers(raw, folded, drop)
    notes = _mark_ruled_notes(raw, drop)
    notes += _mark_footnotes(raw, folded, drop)
    for i, f in enumerate(folded):
        if _METADATA_STAMP.match(f) and i not in drop and "thoi gian ky" in f:
            drop[i] = "stamp"
    kept = [i for i in range(len(raw)) if i not in drop]
    return Cleaned([raw[i].rstrip() for i in kept], kept, dict(Counter(drop.values())), notes)


def _mark_recipients(raw: list[str], folded: list[str], drop: dict[int, str]) -> None:
    """From "Nơi nhận"/"TM." to the next annex (or the end): recipients list and signature."""
    i = 0
    n = len(raw)
    while i < n:
        f = folded[i]
        if _RECIPIENTS.match(f) or (_SIGN.match(f) and _looks_like_closing(folded, i)):
            j = i
            while j < n and not (j > i and (_ANNEX.match(loose(raw[j])) or _BODY_RESUMES.match(folded[j])
                                            or _title(raw[j], folded[j]) or attached_list(raw, j))):
                drop[j] = "signature"
                j += 1
            i = j
            continue
        i += 1


_LIST_HEAD = re.compile(r"^\s*[#*\s]*danh\s*muc\b")
_ATTACHED_TO = re.compile(r"^[\s#*(]*kem\s*theo\b")


def attached_list(raw: list[str], i: int) -> bool:
    """Line i heads a list attached to the document without the word "Phụ lục": a line in capitals opening with
    "DANH MỤC" ("DANH MỤC" / "CHƯƠNG TRÌNH, ĐỀ ÁN, DỰ ÁN …", "DANH MỤC DỰ ÁN …") with "(Kèm theo Nghị quyết số …)"
    among the next few lines that hold text, as a council's resolution or a decision attaches its list of projects
    or tasks after the signature: an annex like "PHỤ LỤC" (a "Danh mục …" sentence in the body is no heading)."""
    text = raw[i].strip(" #*")
    if len(text) > 160 or text != text.upper() or not _LIST_HEAD.match(loose(text)):
        return False
    below = [x for x in raw[i + 1:i + 12] if x.strip()][:4]
    return any(_ATTACHED_TO.match(loose(x)) for x in below)


# an annex that is a form to fill in, not part of the plan: "PHỤ LỤC II" / "MẪU BÁO CÁO KẾT QUẢ THỰC HIỆN …",
# "Phụ lục 03: Đề cương báo cáo …", "Mẫu số 01", "BIỂU MẪU THỐNG KÊ …"
_TEMPLATE = re.compile(r"^[\s#*(\-–:.]*(?:mau\s*(?:so\s*\d{1,2}\b\s*)?(?:bao\s*cao|bieu|thong\s*ke)|mau\s*so\s*\d{1,2}\b"
                       r"|de\s*cuong\s*(?:bao\s*cao|huong\s*dan\s*bao\s*cao)|bieu\s*mau\b)")
_ANNEX_NO = re.compile(r"^\s*[#*\s]*ph[uy]\s*l[uy]c\s*(?:so\s*)?[ivxl\d]{0,5}\s*[.:\-–]?")


def _mark_templates(raw: list[str], folded: list[str], drop: dict[int, str]) -> None:
    """An annex whose heading or the next lines of its title (up to four) name it a report template ("MẪU BÁO CÁO",
    "ĐỀ CƯƠNG BÁO CÁO", "Mẫu số 01", "BIỂU MẪU"): a form the units fill in — its placeholder header ("Số: …/BC-…"),
    headings and tables with empty rows are no part of the plan. Dropped up to the next annex that is not one."""
    n = len(raw)
    i = 0
    while i < n:
        if not (_ANNEX.match(loose(raw[i])) and _is_template(raw, folded, i)) and not _template_title(raw[i], folded[i]):
            i += 1
            continue
        j = i
        while j < n and not (j > i and _ANNEX.match(loose(raw[j])) and not _is_template(raw, folded, j)):
            drop.setdefault(j, "template")
            j += 1
        i = j


def _template_title(raw: str, folded: str) -> bool:
    """A line that is a template's own title, without an annex heading above it: 'MẪU SỐ 01', 'ĐỀ CƯƠNG BÁO CÁO'
    (capitals, short), 'Mẫu số 02/BC' alone on its line."""
    text = raw.strip().strip("*#_ ")
    return 0 < len(text) <= 70 and bool(_TEMPLATE.match(folded)) and _not_own_list(folded) and (
        text == text.upper() or bool(re.fullmatch(r"[\s*#_]*mau\s*so\s*\d{1,2}\s*(?:/\s*[a-z]{1,6}(?:-[a-z]{1,6})?)?[\s*_]*", folded)))


def _is_template(raw: list[str], folded: list[str], i: int) -> bool:
    title = [folded[i][len(m.group(0)):] if (m := _ANNEX_NO.match(folded[i])) else folded[i]]
    k = i + 1
    while k < len(raw) and len(title) < 5 and k <= i + 8:
        if raw[k].strip():
            if raw[k].lstrip().startswith("|"):
                break
            title.append(folded[k])
        k += 1
    return any(_TEMPLATE.search(x) and len(x) < 160 for x in title) and _not_own_list(" ".join(title))


def _not_own_list(title: str) -> bool:
    """'BIỂU MẪU SỐ 01: DANH MỤC NHIỆM VỤ …' is the plan's own list under a form's name; a report template
    that lists them says so ('MẪU BÁO CÁO … danh mục nhiệm vụ')."""
    return "danh muc" not in title or bool(re.search(r"bao\s*cao|thong\s*ke", title))


_TITLE = re.compile(r"^\s*(chuong trinh|ke hoach|quy che|de an)\b")


def _title(raw: str, folded: str) -> bool:
    """'CHƯƠNG TRÌNH HÀNH ĐỘNG CỦA CHÍNH PHỦ': a document's title in capitals (the programme a resolution
    issues follows the resolution's signature)."""
    text = raw.strip()
    return len(text) >= 12 and text == text.upper() and bool(_TITLE.match(folded))


def _looks_like_closing(folded: list[str], i: int) -> bool:
    window = " ".join(folded[i:i + 25])
    return "noi nh" in window or i > len(folded) * 0.5


def _mark_page_numbers(raw: list[str], drop: dict[int, str]) -> None:
    """A lone number between blank lines, unless N±1 sits close by (then it numbers table rows). Where
    two or more of them rise page by page (the document's page numbers), one off their run is a table's
    cell that OCR read down its column ("50" alone between the units and the leads), not a page number;
    where no such run shows, only one at a page break (two blank lines beside it) is taken for one."""
    lone = {i: int(m.group(1)) for i, line in enumerate(raw) if (m := _PAGE_NO.match(line))}
    found: list[tuple[int, int]] = []
    for i, value in lone.items():
        if i in drop:
            continue
        prev_blank = i == 0 or not raw[i - 1].strip()
        next_blank = i + 1 >= len(raw) or not raw[i + 1].strip()
        near = any(abs(j - i) <= 30 and abs(v - value) == 1 for j, v in lone.items())
        if prev_blank and next_blank and not near:
            found.append((i, value))
    pages = _page_run(raw, found)
    for i, _value in found:
        if i in pages if len(pages) >= 2 else _at_break(raw, i):
            drop[i] = "page_number"


_PAGE_LINES = 8         # a page holds at least this many lines of OCR text


def _at_break(raw: list[str], i: int) -> bool:
    """Line i stands at a page break: two blank lines (or the text's start or end) beside it."""
    above = i < 2 or not (raw[i - 1].strip() or raw[i - 2].strip())
    below = i + 2 >= len(raw) or not (raw[i + 1].strip() or raw[i + 2].strip())
    return above or below


def _page_run(raw: list[str], found: list[tuple[int, int]]) -> set[int]:
    """The longest run of lone numbers that could number the pages: each greater than the one before, by
    no more pages than the lines between could fill; on a tie, the run whose numbers stand more often at a
    page break (two blank lines beside them)."""
    def at_break(i: int) -> int:
        return int(_at_break(raw, i))

    best: list[tuple[int, int, int]] = []       # per number: (run length, numbers at a break, previous in the run)
    for n, (i, v) in enumerate(found):
        here = at_break(i)
        mine = (1, here, -1)
        for m in range(n):
            j, w = found[m]
            if 0 < v - w <= max(1, (i - j) // _PAGE_LINES) and (best[m][0] + 1, best[m][1] + here) > mine[:2]:
                mine = (best[m][0] + 1, best[m][1] + here, m)
        best.append(mine)
    if not best:
        return set()
    n = max(range(len(best)), key=lambda k: best[k][:2])
    out: set[int] = set()
    while n >= 0:
        out.add(found[n][0])
        n = best[n][2]
    return out


# a table row's first line, its number then its cells ("122. | Xây dựng, ban hành | Bộ Thông | …"): the
# same cells recur row after row, the number does not
_ROW_LINE = re.compile(r"^\s*\d{1,3}\s*[.|]\s*\|?\s*[A-ZÀ-ỸĐ]")


def _mark_running_headers(raw: list[str], folded: list[str], drop: dict[int, str]) -> None:
    """A line repeated three times or more, unless its sentence goes on below it in lower case (the first
    line of a narrow cell, "Xây dựng Chương" / "trình …", repeats in a long annex); a line in capitals is
    a header even then (a page that opens in the middle of a sentence)."""
    keys = [re.sub(r"[\d\W]+", " ", f).strip() for f in folded]
    counts = Counter(k for k in keys if 15 <= len(k) <= 80)
    seen: set[str] = set()
    for i, k in enumerate(keys):
        if counts.get(k, 0) >= 3 and not folded[i].lstrip().startswith(("-", "+", "|", "*")) \
                and not _ROW_LINE.match(raw[i]) \
                and not folded[i].rstrip().endswith((".", ",", ";")) \
                and (raw[i].isupper() or not (i + 1 < len(raw) and raw[i + 1].strip()[:1].islower())):
            if k in seen:
                drop.setdefault(i, "running_header")
            seen.add(k)


# a footnote whose mark is a superscript (or "!", OCR's reading of "¹"), its words in any case ("! Khoản 6, Điều 2 Nghị định …")
_SUPERSCRIPT_NOTE = re.compile(r"^\s*[¹²³⁴⁵⁶⁷⁸⁹!]\s*\S.{0,50}?\b(nghi dinh|quyet dinh|thong tu|khoan|dieu|luat|nghi quyet|van ban"
                               r"|ke hoach)\b")
_ITEM_OPENS = re.compile(r"^\s*(?:[-–•+]\s+\S|\d{1,2}[.)]\s+[A-ZÀ-ỸĐ])")


# a note OCR read with its superscript as a figure, citing a document by its kind and number: "3 Nghị quyết số 05/2025/
# NQ-HĐND ngày …", "2 Chương trình hành động số 18-CTr/TU …" (its mark stays in the words it notes: "… thông qua3,")
_CITING_NOTE = re.compile(r"^\s*\d{1,2}\s+(?:nghi dinh|quyet dinh|thong tu|nghi quyet|chi thi|ket luan|chuong trinh"
                          r"(?: hanh dong)?|ke hoach|cong van|thong bao|luat)\s+so\s+\d")


def _mark_footnotes(raw: list[str], folded: list[str], drop: dict[int, str]) -> list[str]:
    """Footnotes OCR read without their rule, their superscript mark a plain figure or "!" ("1 Nghị quyết số 57-NQ/TW
    ngày …" after a blank line): dropped; their texts handed back like `_mark_ruled_notes`' ones."""
    notes: list[str] = []
    for i, line in enumerate(raw):
        if i in drop or (i > 0 and raw[i - 1].strip()):
            continue
        if (_FOOTNOTE.match(line) or _SUPERSCRIPT_NOTE.match(folded[i]) or _CITING_NOTE.match(folded[i])) and len(line) > 40 \
                and not re.match(r"^\s*\d{1,2}\s*[.)]", line):
            j = i
            # up to four lines, but not into the text's next item the footnote runs into ("! Khoản 6, Điều 2 …" /
            # "nghiệp …" / " - Các cấp ủy, tổ chức đảng …": the page's footnote stands above the next page's first item)
            while j < len(raw) and raw[j].strip() and j - i < 4 and not (j > i and _ITEM_OPENS.match(raw[j])):
                drop[j] = "footnote"
                j += 1
            notes.append(" ".join(x.strip() for x in raw[i:j]))
    return notes


# the rule a word processor draws above a page's footnotes ("_______________", "-----------"; a reader squeezes a run of
# "_" to one), alone on its line
_NOTE_RULE = re.compile(r"^\s*(?:_+|[-–—]{8,})\s*$")
_SUPERSCRIPTS = "¹²³⁴⁵⁶⁷⁸⁹⁰"
# a footnote's mark: a superscript ("¹", "²³"), OCR's "!" for "¹", "(1)", or a bare number before a capital
_NOTE_MARK = re.compile(r"^\s*(?:[¹²³⁴⁵⁶⁷⁸⁹⁰]+|!|\(\d{1,2}\)|\d{1,2}(?=\s+[A-ZĐÀ-Ỹ]))\s*(?=\S)")
_HEADING = re.compile(r"^\s*(?:[IVX]{1,4}\s*[.\-]|[A-ZĐÀ-Ỹ]{2,}\s+[A-ZĐÀ-Ỹ]{2,}|(?:PHỤ LỤC|Phụ lục)\b)")
_SUPERSCRIPT_MARK = re.compile(r"^\s*([¹²³⁴⁵⁶⁷⁸⁹⁰]+)\s*(?=\S)")


def _cited(raw: list[str], i: int, mark: str) -> bool:
    """The superscript `mark` stands glued to a word or a symbol in a line above line i ("… 57-NQ/TW¹", "thông qua³,")."""
    rx = re.compile(rf"\S{re.escape(mark)}(?![{_SUPERSCRIPTS}])")
    return any(rx.search(line) for line in raw[max(0, i - 80):i])


def _mark_ruled_notes(raw: list[str], drop: dict[int, str]) -> list[str]:
    """'2. Đến hết năm 2026: 100% xã …' / '_______________' / '¹ Nghị quyết số 57-NQ/TW ngày …' / '² Chương trình hành
    động số 18-CTr/TU …': a page's footnotes, below the rule a word processor draws (a text PDF may lose the rule: then
    a line opening with a superscript mark that a line above cites, "… 57-NQ/TW¹", opens them). The rule and the notes
    (a line opening with a mark starts one; the lines below it, up to a blank line or a list item, go on with it) are
    dropped, so they run into no item above; the notes' texts are handed back (their marks in the title or the grounds
    point at the plan's parents). A rule with no marked line below it is left alone."""
    notes: list[str] = []
    i = 0
    numbered = re.compile(r"^\s*\d{1,2}\s*[.)]")
    while i < len(raw):
        ruled = _NOTE_RULE.match(raw[i]) is not None and i + 1 < len(raw) and _NOTE_MARK.match(raw[i + 1]) is not None \
            and not numbered.match(raw[i + 1])
        sup = _SUPERSCRIPT_MARK.match(raw[i])
        if i in drop or not (ruled or (sup and _cited(raw, i, sup.group(1)))):
            i += 1
            continue
        j = i
        if ruled:
            drop[i] = "footnote"
            j = i + 1
        first, lines = j, 0
        while j < len(raw) and raw[j].strip() and j not in drop:
            if _NOTE_MARK.match(raw[j]) and not numbered.match(raw[j]) and (ruled or _SUPERSCRIPT_MARK.match(raw[j])):
                notes.append(raw[j].strip())
                lines = 1
            elif j > first and lines < 4 and not notes[-1].endswith((".", ";")) and not _ITEM_OPENS.match(raw[j]) \
                    and not _HEADING.match(raw[j]):
                notes[-1] = f"{notes[-1]} {raw[j].strip()}"     # the note goes on: its sentence has not ended
                lines += 1
            else:
                break
            drop[j] = "footnote"
            j += 1
        i = max(j, i + 1)
    return notes

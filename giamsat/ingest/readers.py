"""Readers: bytes → lines of text, tables rendered as pipe rows ("| a | b |").

The reader is chosen from the content (magic bytes), never the file name. Tables
from DOCX and ruled PDFs arrive whole; scans are rebuilt from Tesseract word boxes.
"""

from __future__ import annotations

import contextlib
import contextvars
import io
import itertools
import math
import os
import re
import statistics
import time
import zipfile
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from typing import Any

from .errors import (
    LEGACY_WORD_SECONDS,
    MAX_BYTES,
    MAX_DECOMPRESSED,
    MAX_IMAGE_PIXELS,
    MAX_PAGES,
    MAX_TEXT_CHARS,
    MAX_ZIP_RATIO,
    OCR_MAX_PAGES,
    OCR_TIMEOUT_PER_PAGE,
    PDF_CPU_SECONDS,
    PDF_MEMORY,
    PDF_PAGE_OBJECTS,
    PDF_PAGE_SECONDS,
    PDF_SECONDS,
    PDF_WALL_SECONDS,
    IngestError,
)
from .fold import nfc, squash

Progress = Callable[[int, int], None]


@dataclass
class Extracted:
    lines: list[str]
    kind: str
    pages: int = 1
    warnings: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)    # footnotes, each with its mark ("¹ Nghị quyết số …")


def sniff(data: bytes) -> str:
    head = data[:16]
    if head.startswith(b"%PDF") or b"%PDF-" in data[:1024]:
        return "pdf"
    if head.startswith(b"PK\x03\x04"):
        return "zip"
    if head.startswith((b"\x89PNG", b"\xff\xd8\xff", b"II*\x00", b"MM\x00*", b"BM", b"GIF8")):
        return "image"
    if head[:4] == b"RIFF" and data[8:12] == b"WEBP":
        return "image"
    return "text"


def read_bytes(data: bytes, progress: Progress | None = None) -> Extracted:
    if not data or not data.strip():
        raise IngestError("Tệp rỗng: không có nội dung để đọc.", "empty")
    if len(data) > MAX_BYTES:
        raise IngestError(f"Tệp quá lớn ({len(data) // 1_048_576} MB; tối đa {MAX_BYTES // 1_048_576} MB).",
                          "too_large")
    kind = sniff(data)
    if data[:8] == b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1":
        return read_legacy_word(data)
    if kind == "pdf":
        return read_pdf(data, progress)
    if kind == "zip":
        if _is_odt(data):
            _check_zip(data, "content.xml")        # a bomb is refused before LibreOffice opens it
            return read_through_office(data, "odt")
        if _is_xlsx(data):
            return read_xlsx(data)
        return read_docx(data)
    if data.lstrip()[:5] == b"{\\rtf":
        return read_through_office(data, "rtf")
    if kind == "image":
        return read_image(data, progress)
    return read_text(data)


# --- Word 97-2003 (.doc), RTF, OpenDocument (.odt): through LibreOffice -----------------------------

# what LibreOffice reads each as: (file suffix, its import filter, the format's name for the user)
_OFFICE_FORMATS = {
    "doc": ("doc", "MS Word 97", "Word đời cũ (.doc)"),
    "rtf": ("rtf", "Rich Text Format", "RTF"),
    "odt": ("odt", "writer8", "OpenDocument (.odt)"),
}


def read_legacy_word(data: bytes) -> Extracted:
    """A Word 97-2003 document (.doc, an OLE2 compound file, as many offices still save their plans). An Excel 97-2003
    workbook is the same kind of file, its main stream named "Workbook" (in UTF-16, in the file's directory)."""
    if "WordDocument".encode("utf-16-le") not in data and "Workbook".encode("utf-16-le") in data:
        raise IngestError("Tệp Excel đời cũ (.xls) chưa đọc được: hãy lưu lại thành XLSX (Excel 2007 trở lên) hoặc PDF.",
                          "legacy_office")
    return read_through_office(data, "doc")


def read_through_office(data: bytes, fmt: str) -> Extracted:
    """A document no Python library reads as a plan (.doc, RTF, .odt): LibreOffice (headless, that format's import
    filter only, a profile of its own in a temporary folder, bounded in time) saves it as DOCX, which is read as
    any DOCX, tables included. Without LibreOffice, or for a damaged file (or an .xls: the filter does not load
    it), a clear error."""
    import shutil
    import subprocess
    import tempfile

    suffix, infilter, name = _OFFICE_FORMATS[fmt]
    office = shutil.which("soffice") or shutil.which("libreoffice")
    if office is None:
        raise IngestError(f"Tệp {name} chưa đọc được trên máy này (cần LibreOffice): hãy lưu lại thành DOCX hoặc PDF.",
                          "legacy_office")
    with tempfile.TemporaryDirectory(prefix="giamsat-office-") as tmp:
        src = os.path.join(tmp, f"plan.{suffix}")
        with open(src, "wb") as fh:
            fh.write(data)
        try:
            subprocess.run([office, f"-env:UserInstallation=file://{tmp}/profile", "--headless", "--norestore",
                            f"--infilter={infilter}", "--convert-to", "docx:MS Word 2007 XML", "--outdir", tmp, src],
                           check=True, capture_output=True, timeout=LEGACY_WORD_SECONDS, start_new_session=True)
            with open(os.path.join(tmp, "plan.docx"), "rb") as fh:
                converted = fh.read()
        except subprocess.TimeoutExpired as exc:
            raise IngestError(f"Chuyển tệp {name} quá {LEGACY_WORD_SECONDS} giây: hãy lưu lại thành DOCX hoặc PDF.",
                              "legacy_office") from exc
        except (OSError, subprocess.CalledProcessError) as exc:
            raise IngestError(f"Không đọc được tệp {name} (tệp hỏng hoặc không phải văn bản): hãy lưu lại thành DOCX "
                              "hoặc PDF.", "legacy_office") from exc
    extracted = read_docx(converted)
    extracted.warnings.append(f"Tệp {name} đã được LibreOffice chuyển sang DOCX để đọc.")
    return extracted


# --- plain text -------------------------------------------------------------------

# TCVN3 (ABC, the ".VnTime" fonts): Vietnamese typed before Unicode stores each accented letter as one byte of
# 0xA1-0xFE that those fonts draw as the letter; read as Latin-1 the text shows "Së Khoa häc" for "Sở Khoa học".
# No maintained Python library converts it (none in the package index), so the standard's table is here.
_TCVN3_FROM = "µ¸¶·¹¨»¾¼½Æ©ÇÊÈÉË®ÌÐÎÏÑªÒÕÓÔÖ×ÝØÜÞßãáâä«åèæçé¬êíëìîïóñòô\u00adõøö÷ùúýûüþ¡¢§£¤¥¦"
_TCVN3_TO = "àáảãạăằắẳẵặâầấẩẫậđèéẻẽẹêềếểễệìíỉĩịòóỏõọôồốổỗộơờớởỡợùúủũụưừứửữựỳýỷỹỵĂÂĐÊÔƠƯ"
_TCVN3 = str.maketrans(_TCVN3_FROM, _TCVN3_TO)
_TCVN3_SIGNS = re.compile("[µ¸¶·¹¨»¾¼½Æ©ÇË®ÎÏÑªÖ×ØÜÞßäåæçëîïñö÷øûüþ¡¢§£¤¥¦«¬\u00ad]")
_UNICODE_VIET = re.compile("[ăđơưĂĐƠƯ\u1ea0-\u1ef9]")     # letters only Vietnamese Unicode has (â, ê, ô are TCVN3 codes)


def from_tcvn3(lines: list[str]) -> list[str]:
    """The lines of a document typed in TCVN3 (read as Latin-1) in Unicode. Such a document has, in its lines without
    any letter of Vietnamese Unicode, at least five of the bytes TCVN3 gives accented letters and Vietnamese never has
    ("µ", "¸", "ë", "ä", "®", …), one in eight of their letters or more; those lines are converted, the others (a
    document partly retyped in Unicode) left. The ".VnTimeH" fonts draw the same bytes as capitals: a line whose other
    letters are all capitals ("KÕ HO¹CH") is set in capitals ("KẾ HOẠCH")."""
    legacy = [k for k, x in enumerate(lines) if not _UNICODE_VIET.search(x)]
    signs = sum(len(_TCVN3_SIGNS.findall(lines[k])) for k in legacy)
    if signs < 5 or signs * 8 < sum(c.isalpha() for k in legacy for c in lines[k]):
        return lines
    out = list(lines)
    for k in legacy:
        line = lines[k].translate(_TCVN3)
        capitals = [c for c in lines[k] if c.isascii() and c.isalpha()]
        out[k] = line.upper() if len(capitals) >= 2 and all(c.isupper() for c in capitals) else line
    return out


# VNI (the "VNI-Times" fonts): each accented letter is its base letter followed by one Latin-1 byte the font
# draws as the marks ("Vieät Nam" for "Việt Nam", "Sôû" for "Sở", capitals "COÄNG HOØA"); "ô", "ö", "ñ", "æ", "ó",
# "ò", "î" stand alone for "ơ", "ư", "đ", "ỉ", "ĩ", "ị", "ỵ". The pairs are composed from the marks' names.
_VNI_TONES = {"ù": "\u0301", "ø": "\u0300", "û": "\u0309", "õ": "\u0303", "ï": "\u0323"}  # after any vowel
_VNI_HAT = {"â": "", "á": "\u0301", "à": "\u0300", "å": "\u0309", "ã": "\u0303", "ä": "\u0323"}  # after a, e, o
_VNI_BREVE = {"ê": "", "é": "\u0301", "è": "\u0300", "ú": "\u0309", "ü": "\u0303", "ë": "\u0323"}  # after a
_VNI_ALONE = {"ô": "ơ", "ö": "ư", "ñ": "đ", "æ": "ỉ", "ó": "ĩ", "ò": "ị", "î": "ỵ"}


def _vni_table() -> dict[str, str]:
    pairs: dict[str, str] = {}
    for base in "aeouyôö":
        letter = _VNI_ALONE.get(base, base)
        marks = dict(_VNI_TONES)
        marks |= {k: "\u0302" + v for k, v in _VNI_HAT.items()} if base in "aeo" else {}
        marks |= {k: "\u0306" + v for k, v in _VNI_BREVE.items()} if base == "a" else {}
        for mark, combining in marks.items():
            lower = nfc(letter + combining)
            for b, m in ((base, mark), (base.upper(), mark.upper()), (base.upper(), mark), (base, mark.upper())):
                pairs[b + m] = lower.upper() if b.isupper() else lower
    return pairs | _VNI_ALONE | {k.upper(): v.upper() for k, v in _VNI_ALONE.items()}


_VNI = _vni_table()
_VNI_CODES = re.compile("|".join(sorted(map(re.escape, _VNI), key=len, reverse=True)))
_VNI_MARKS = re.compile("[øûïäåëüØÛÏÄÅËÜ]")       # marks Vietnamese Unicode never has
_VNI_SIGNS = re.compile("[øûïäåëüñöæîØÛÏÄÅËÜÑÖÆÎ]")
_VNI_BASES = frozenset("aeouyôöAEOUYÔÖ")


def from_vni(lines: list[str]) -> list[str]:
    """The lines of a document typed in VNI (read as Latin-1 or Windows-1252) in Unicode. In the lines without any
    letter of Vietnamese Unicode, such a document has at least five marks Vietnamese never has ("ø", "û", "ï", "ä",
    …), nine in ten of them right after a vowel (in TCVN3 the same bytes are whole letters, after consonants: "häc"),
    and one sign ("ñ", "ö", the marks) in twelve letters or more; those lines are converted, the others left."""
    legacy = [k for k, x in enumerate(lines) if not _UNICODE_VIET.search(x)]
    marks = [(x, m.start()) for k in legacy for x in [lines[k]] for m in _VNI_MARKS.finditer(x)]
    after_vowel = sum(1 for x, i in marks if i and x[i - 1] in _VNI_BASES)
    signs = sum(len(_VNI_SIGNS.findall(lines[k])) for k in legacy)
    if (len(marks) < 5 or after_vowel * 10 < len(marks) * 9
            or signs * 12 < sum(c.isalpha() for k in legacy for c in lines[k])):
        return lines
    out = list(lines)
    for k in legacy:
        out[k] = _VNI_CODES.sub(lambda m: _VNI[m.group()], lines[k])
    return out


def from_legacy(lines: list[str]) -> list[str]:
    """The lines of a document typed in one of the encodings before Unicode (VNI, TCVN3) in Unicode."""
    return from_tcvn3(from_vni(lines))


def decode_text(data: bytes) -> str:
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        text = data.decode("utf-16", errors="replace")
    else:
        try:
            text = data.decode("utf-8-sig")
        except UnicodeDecodeError:
            latin = data.decode("latin-1")
            text = "\n".join(from_legacy(latin.split("\n")))
            if text == latin:           # not VNI nor TCVN3: Windows' Vietnamese code page
                text = data.decode("cp1258", errors="replace")
    bad = sum(1 for c in text[:20000] if (ord(c) < 32 and c not in "\n\r\t\f") or c == "\ufffd")
    if bad > max(8, len(text[:20000]) // 50):
        raise IngestError("Tệp không phải văn bản, PDF, DOCX hay ảnh: không đọc được nội dung.", "binary")
    return nfc(text[:MAX_TEXT_CHARS]).replace("\r\n", "\n").replace("\r", "\n").replace("\f", "\n")


_EMPHASIS = re.compile(r"\*\*|__|(?<![*\w])\*(?=\S)(?![\s*])|(?<=\S)\*(?![*\w])")


def read_text(data: bytes) -> Extracted:
    """Plain or OCR text; Markdown emphasis (**bold**, *italic*) is dropped, lines are kept."""
    return Extracted(from_legacy([_EMPHASIS.sub("", line) for line in decode_text(data).split("\n")]), "text")


# --- DOCX --------------------------------------------------------------------------

def _check_zip(data: bytes, required: str = "word/document.xml") -> None:
    try:
        zf = zipfile.ZipFile(io.BytesIO(data))
    except (zipfile.BadZipFile, UnicodeDecodeError, ValueError, EOFError, NotImplementedError) as exc:
        # a member's name not UTF-8, a zip version the reader does not know ("zip file version 23.1"), …
        raise IngestError("Tệp nén hỏng: không đọc được tệp DOCX.", "bad_zip") from exc
    infos = zf.infolist()
    if len(infos) > 5000:
        raise IngestError("Tệp DOCX có quá nhiều thành phần.", "zip_bomb")
    total = sum(i.file_size for i in infos)
    if total > MAX_DECOMPRESSED or any(
            i.compress_size and i.file_size / i.compress_size > MAX_ZIP_RATIO and i.file_size > 1_000_000
            for i in infos):
        raise IngestError("Tệp DOCX giải nén quá lớn (nghi là “zip bomb”); đã từ chối.", "zip_bomb")
    if required not in {i.filename for i in infos}:
        raise IngestError("Tệp nén không phải tài liệu Word (DOCX).", "not_docx")


def _is_odt(data: bytes) -> bool:
    """An OpenDocument text (.odt): a zip whose first member, 'mimetype', names it (checked as a DOCX is first)."""
    return data[30:38] == b"mimetype" and b"application/vnd.oasis.opendocument.text" in data[38:120]


def read_docx(data: bytes) -> Extracted:
    _check_zip(data)
    import docx

    try:
        document = docx.Document(io.BytesIO(data))
    except Exception as exc:  # python-docx raises many kinds on a damaged package
        raise IngestError("Không mở được tệp DOCX (tệp hỏng).", "bad_docx") from exc
    lines: list[str] = []
    numbers = _Numbering(document)
    marks: dict[str, int] = {}          # footnote id → the number Word shows, in the order the text cites them
    token = _FOOTNOTE_MARKS.set(marks)
    try:
        _docx_body(document, numbers, lines)
    finally:
        _FOOTNOTE_MARKS.reset(token)
    extracted = Extracted(from_legacy(lines), "docx")
    extracted.notes = from_legacy(_docx_footnotes(document, marks))
    return extracted


def _docx_body(document: Any, numbers: _Numbering, lines: list[str]) -> None:
    from docx.table import Table

    for child in _blocks(document.element.body):
        tag = child.tag.rsplit("}", 1)[-1]
        if tag == "p":
            text = _para_text(child)
            mark = numbers.mark(child)
            lines.extend(nfc(f"{mark} {text}" if mark and text.strip() else text).split("\n"))
        elif tag == "tbl":
            rows = _docx_rows(Table(child, document), numbers)
            lines.append("")
            lines.extend(_layout_lines(rows) if not any(x.strip() for x in lines[:12]) and _is_letterhead(rows)
                         else _pipe_rows(rows))
            lines.append("")


_SUPERSCRIPT_DIGITS = str.maketrans("0123456789", "⁰¹²³⁴⁵⁶⁷⁸⁹")
_FOOTNOTE_MARKS: contextvars.ContextVar[dict[str, int] | None] = contextvars.ContextVar("footnote_marks", default=None)


def _docx_footnotes(document: Any, marks: dict[str, int]) -> list[str]:
    """The footnotes the text cites, each opening with the superscript mark the text shows ('¹ Nghị quyết số
    05/2025/NQ-HĐND …'): python-docx leaves the footnotes part (and the marks) out. The pipeline reads a document the
    title or the grounds cite by a mark as a parent, as it does with an OCR'd page's footnotes."""
    if not marks:
        return []
    from docx.oxml import parse_xml

    part = next((p for p in document.part.package.iter_parts() if str(p.partname) == "/word/footnotes.xml"), None)
    if part is None:
        return []
    texts: dict[str, str] = {}
    for note in parse_xml(part.blob).iterchildren(f"{_WNS}footnote"):
        nid = note.get(f"{_WNS}id")
        if nid in marks:
            texts[nid] = squash(" ".join(_para_text(p) for p in note.iter(f"{_WNS}p")))
    return [f"{str(marks[n]).translate(_SUPERSCRIPT_DIGITS)} {texts[n]}"
            for n in sorted(texts, key=lambda k: marks[k]) if texts[n]]


_MOTTO = re.compile(r"c[oô]ng h[oòóa] x[aã] h[oộ]i ch[uủ] ngh[iĩ]a|[dđ][aả]ng c[oộ]ng s[aả]n vi[eệ]t nam|[dđ][oộ]c l[aậ]p\s*-\s*t[uự] do",
                    re.IGNORECASE)


def _is_letterhead(rows: list[list[str]]) -> bool:
    """The table a Word user lays the document's head out in (no rules): the issuer and 'Số: …' on the left,
    the national (or Party) motto and the place and date on the right."""
    return 0 < len(rows) <= 4 and max(len(r) for r in rows) <= 3 and any(_MOTTO.search(c) for r in rows for c in r)


def _layout_lines(rows: list[list[str]]) -> list[str]:
    """A letterhead table as the text forms print it: each row's cells side by side, line by line."""
    out: list[str] = []
    for row in rows:
        cells = [[squash(x) for x in c.strip("\n").split("\n")] for c in row]    # blank lines kept: as Word aligns them
        for k in range(max((len(c) for c in cells), default=0)):
            parts = [c[k] if k < len(c) else "" for c in cells]
            if any(parts):
                out.append((parts[0].ljust(40) + "        " + "        ".join(p for p in parts[1:] if p)).rstrip())
        out.append("")
    return out


def _docx_rows(table: Any, numbers: _Numbering | None = None) -> list[list[str]]:
    rows: list[list[str]] = []
    seen: dict[Any, str] = {}             # keyed by the element: the dict keeps lxml's proxy (and its id) alive
    for row in table.rows:
        cells: list[str] = []
        last: Any = None
        for cell in row.cells:
            # Horizontally merged cells repeat the same object; keep the first. A vertically merged one
            # repeats the cell above (read once: its list numbers are counted once).
            if cell._tc is last:
                cells.append("")
            else:
                if cell._tc not in seen:
                    seen[cell._tc] = nfc(_docx_cell_text(cell, numbers))
                cells.append(seen[cell._tc])
            last = cell._tc
        rows.append(cells)
    return rows


def _docx_cell_text(cell: Any, numbers: _Numbering | None) -> str:
    out = []
    for p in cell._tc.iterchildren(f"{_WNS}p"):
        text = _para_text(p)
        mark = numbers.mark(p) if numbers is not None else ""
        out.append(f"{mark} {text}".strip() if mark else text)      # an STT cell: the number alone
    return "\n".join(out)


def _blocks(body: Any) -> Any:
    """The body's paragraphs and tables in order, also those a content control (w:sdt) wraps."""
    for child in body.iterchildren():
        tag = child.tag.rsplit("}", 1)[-1]
        if tag == "sdt":
            for content in child.iterchildren(f"{_WNS}sdtContent"):
                yield from _blocks(content)
        elif tag in ("p", "tbl"):
            yield child


def _para_text(p: Any) -> str:
    """A paragraph's text as Word shows it: its runs, also those inside an insertion still tracked as a change
    (w:ins), a hyperlink, a field or an inline content control; not deleted text (w:del) nor a text box's."""
    out: list[str] = []
    for r in p.iter(f"{_WNS}r"):
        up = r.getparent()
        while up is not None and up is not p:
            if up.tag.rsplit("}", 1)[-1] in ("del", "moveFrom", "txbxContent", "r"):
                break
            up = up.getparent()
        else:
            out.append(r.text or "")
            ref = r.find(f"{_WNS}footnoteReference")
            marks = _FOOTNOTE_MARKS.get()
            if ref is not None and marks is not None:
                # the footnote's mark as Word shows it: its number in the order the text cites them
                nid = ref.get(f"{_WNS}id") or ""
                out.append(str(marks.setdefault(nid, len(marks) + 1)).translate(_SUPERSCRIPT_DIGITS))
    return "".join(out)


_WNS = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


class _Numbering:
    """Word's automatic list numbers ("I.", "1.", "1.2.", "a)", "-"), which python-docx leaves out of a
    paragraph's text: read from the numbering part (and the paragraph's style), counted in document order."""

    def __init__(self, document: Any) -> None:
        self.levels: dict[str, dict[int, tuple[int, str, str]]] = {}     # abstractNumId → ilvl → (start, format, text)
        self.nums: dict[str, tuple[str, dict[int, int]]] = {}           # numId → (abstractNumId, start overrides)
        self.styles: dict[str, tuple[str | None, int | None, str | None]] = {}   # styleId → (numId, ilvl, basedOn)
        self.counts: dict[str, list[int | None]] = {}
        self.started: set[str] = set()
        try:
            root = document.part.numbering_part.element
        except (NotImplementedError, KeyError, AttributeError, ValueError):
            root = None
        if root is not None:
            for a in root.iter(f"{_WNS}abstractNum"):
                levels: dict[int, tuple[int, str, str]] = {}
                for lvl in a.iter(f"{_WNS}lvl"):
                    start = _wval(lvl.find(f"{_WNS}start"))
                    levels[int(lvl.get(f"{_WNS}ilvl") or 0)] = (
                        int(start) if start and start.isdigit() else 1,
                        _wval(lvl.find(f"{_WNS}numFmt")) or "decimal", _wval(lvl.find(f"{_WNS}lvlText")) or "")
                self.levels[a.get(f"{_WNS}abstractNumId") or ""] = levels
            for n in root.iter(f"{_WNS}num"):
                overrides = {}
                for o in n.iter(f"{_WNS}lvlOverride"):
                    start = _wval(o.find(f"{_WNS}startOverride"))
                    if start and start.isdigit():
                        overrides[int(o.get(f"{_WNS}ilvl") or 0)] = int(start)
                self.nums[n.get(f"{_WNS}numId") or ""] = (_wval(n.find(f"{_WNS}abstractNumId")) or "", overrides)
        try:
            styles = document.styles.element
        except (NotImplementedError, KeyError, AttributeError, ValueError):
            styles = None
        if styles is not None and self.nums:
            for st in styles.iter(f"{_WNS}style"):
                num_id, ilvl = _numpr(st.find(f"{_WNS}pPr"))
                self.styles[st.get(f"{_WNS}styleId") or ""] = (num_id, ilvl, _wval(st.find(f"{_WNS}basedOn")))
        self.used = bool(self.nums)

    def _style_numpr(self, style: str | None) -> tuple[str | None, int | None]:
        for _ in range(10):                 # a chain of basedOn styles
            if style is None or style not in self.styles:
                return None, None
            num_id, ilvl, based = self.styles[style]
            if num_id is not None:
                return num_id, ilvl
            style = based
        return None, None

    def mark(self, p: Any) -> str:
        """The paragraph's list mark as Word prints it, counting it; "" when it has none."""
        if not self.used:
            return ""
        ppr = p.find(f"{_WNS}pPr")
        num_id, ilvl = _numpr(ppr)
        if num_id is None or ilvl is None:
            snum, silvl = self._style_numpr(_wval(ppr.find(f"{_WNS}pStyle")) if ppr is not None else None)
            num_id = num_id if num_id is not None else snum
            ilvl = ilvl if ilvl is not None else silvl
        if num_id is None or num_id == "0" or num_id not in self.nums:
            return ""
        level = ilvl or 0
        abstract, overrides = self.nums[num_id]
        levels = self.levels.get(abstract, {})
        if level not in levels:
            return ""
        counts = self.counts.setdefault(abstract, [None] * 10)
        if num_id not in self.started:
            self.started.add(num_id)
            for k, start in overrides.items():
                if 0 <= k < 10:
                    counts[k] = start - 1
        now = counts[level]
        counts[level] = levels[level][0] if now is None else now + 1
        for k in range(level + 1, 10):
            counts[k] = None
        start, fmt, text = levels[level]
        if fmt == "bullet":
            return text if text in ("-", "–", "+") else "+" if text == "o" else "-"
        if fmt == "none":
            return ""

        def number(m: re.Match[str]) -> str:
            k = int(m.group(1)) - 1
            kstart, kfmt, _ = levels.get(k, (1, "decimal", ""))
            value = counts[k] if 0 <= k < 10 and counts[k] is not None else kstart
            return _format_number(value or 0, kfmt)

        return re.sub(r"%([1-9])", number, text).strip()


def _wval(el: Any) -> str | None:
    return None if el is None else el.get(f"{_WNS}val")


def _numpr(ppr: Any) -> tuple[str | None, int | None]:
    numpr = ppr.find(f"{_WNS}numPr") if ppr is not None else None
    if numpr is None:
        return None, None
    ilvl = _wval(numpr.find(f"{_WNS}ilvl"))
    return _wval(numpr.find(f"{_WNS}numId")), int(ilvl) if ilvl and ilvl.isdigit() else None


def _format_number(n: int, fmt: str) -> str:
    if fmt in ("upperRoman", "lowerRoman"):
        out = ""
        for value, letters in ((1000, "M"), (900, "CM"), (500, "D"), (400, "CD"), (100, "C"), (90, "XC"), (50, "L"),
                               (40, "XL"), (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I")):
            while n >= value:
                out += letters
                n -= value
        return out if fmt == "upperRoman" else out.lower()
    if fmt in ("upperLetter", "lowerLetter") and n > 0:
        letter = chr(ord("a") + (n - 1) % 26) * ((n - 1) // 26 + 1)
        return letter.upper() if fmt == "upperLetter" else letter
    if fmt == "decimalZero":
        return f"{n:02d}"
    return str(n)


# a year a narrow column broke after its first digits: "31/12/202" over "6", "Quý II/20" over "26"
_BROKEN_YEAR = re.compile(r"(?<=[/-])(2\d{0,2})\n(\d{1,3})(?!\d)")


def _rejoin(cell: str) -> str:
    return _BROKEN_YEAR.sub(lambda m: m[1] + m[2] if len(m[1] + m[2]) == 4 else m[0], cell)


def _pipe_rows(rows: list[list[str]]) -> list[str]:
    """Rows as "| a | b |" lines; a cell's lines (\n) become one, a year broken over two joined again."""
    out = []
    for row in rows:
        cells = [squash(_rejoin(c).replace("|", "/")) for c in row]
        out.append("| " + " | ".join(cells) + " |")
    return out


# --- Excel workbook (.xlsx): an annex of targets or tasks kept as a spreadsheet ---------------------

MAX_SHEET_ROWS = 20_000
MAX_SHEET_COLS = 60


def _is_xlsx(data: bytes) -> bool:
    with contextlib.suppress(zipfile.BadZipFile, ValueError, EOFError, NotImplementedError, UnicodeDecodeError):
        names = set(zipfile.ZipFile(io.BytesIO(data)).namelist())
        return "xl/workbook.xml" in names and "word/document.xml" not in names
    return False


def read_xlsx(data: bytes) -> Extracted:
    """An Excel workbook (units keep annexes of targets and tasks as spreadsheets): each sheet's title rows (one
    filled cell) as lines, the rest as a table of pipe rows, read by openpyxl (values as shown: a percentage as
    "80%", a whole number without ".0", a date as dd/mm/yyyy). A merged cell's value stands in its first cell, the
    others empty, as in a DOCX table. At most MAX_SHEET_ROWS rows and MAX_SHEET_COLS columns a sheet."""
    _check_zip(data, "xl/workbook.xml")
    import datetime as dt

    import openpyxl

    try:
        book = openpyxl.load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    except Exception as exc:  # openpyxl raises many kinds on a damaged workbook
        raise IngestError("Không mở được tệp Excel (tệp hỏng).", "bad_xlsx") from exc

    def shown(cell: Any) -> str:
        v = cell.value
        if v is None:
            return ""
        if isinstance(v, bool):
            return "x" if v else ""
        if isinstance(v, (dt.datetime, dt.date)):
            return f"{v.day:02d}/{v.month:02d}/{v.year}"
        if isinstance(v, (int, float)):
            if "%" in (getattr(cell, "number_format", "") or ""):
                v = round(v * 100, 6)
            text = f"{v:.6f}".rstrip("0").rstrip(".") if isinstance(v, float) else str(v)
            return text.replace(".", ",") + ("%" if "%" in (getattr(cell, "number_format", "") or "") else "")
        return str(v)

    lines: list[str] = []
    try:
        for sheet in book.worksheets:
            rows: list[list[str]] = []
            for n, row in enumerate(sheet.iter_rows(max_col=MAX_SHEET_COLS)):
                if n >= MAX_SHEET_ROWS:
                    raise IngestError(f"Trang tính “{sheet.title}” quá lớn (hơn {MAX_SHEET_ROWS} dòng).", "too_large")
                rows.append([nfc(shown(c)).strip() for c in row])
            rows = [r for r in rows if any(r)]
            width = max((k + 1 for r in rows for k, c in enumerate(r) if c), default=0)
            rows = [r[:width] + [""] * (width - len(r)) for r in rows]
            # the title rows over the table: one filled cell ("PHỤ LỤC", "DANH MỤC NHIỆM VỤ …")
            top = next((k for k, r in enumerate(rows) if sum(1 for c in r if c) > 1), len(rows))
            lines.extend(next(c for c in r if c) for r in rows[:top])
            lines.append("")
            lines.extend(_pipe_rows(rows[top:]))
            lines.append("")
    finally:
        book.close()
    return Extracted(from_legacy(lines), "xlsx", pages=len(book.worksheets))


# --- PDF ---------------------------------------------------------------------------

def read_pdf(data: bytes, progress: Progress | None = None) -> Extracted:
    """A PDF's text, its tables as pipe rows; pages without text are OCR'd. Its text is read in a child
    process held to PDF_CPU_SECONDS of CPU and PDF_MEMORY bytes more memory (`bounded`): a crafted
    PDF (a compression bomb, forms drawing forms drawing forms …) is refused, not the server's
    memory or time taken."""
    lines, scanned, n_pages, warnings, upright = bounded(_pdf_text, data)
    lines = from_legacy(lines)          # a PDF set in VNI or TCVN3 fonts without a Unicode map gives their bytes
    data = upright or data
    kind = "pdf_text"
    if scanned:
        kind = "pdf_scan" if len(scanned) == n_pages else "pdf_mixed"
        if len(scanned) > OCR_MAX_PAGES:
            raise IngestError(f"PDF quét có {len(scanned)} trang, vượt giới hạn OCR {OCR_MAX_PAGES} trang.",
                              "too_many_pages")
        ocr = _ocr_pdf_pages(data, scanned, progress, warnings)
        lines = [x for line in lines for x in (ocr.get(line, [line]) if line.startswith("\x00") else [line])]
    return Extracted(_full_headers([x for x in _carried_headers(lines) if x != "\f"]), kind, n_pages, warnings)


def _full_headers(lines: list[str]) -> list[str]:
    """A table continued over a page repeats its header at the page's top, often its first row only ('Đơn vị thực
    hiện' without 'Chủ trì | Phối hợp' under it), or its words parted among the columns otherwise (a scan's narrow
    gutter: 'STT Nội dung nhiệm vụ |  | …'): such a header, each of its cells empty or the start of the one above it
    in the header read before, or the same words, with as many columns, 'TT' or 'STT' first, is that header again."""
    out = list(lines)
    full: list[str] | None = None
    for n, line in enumerate(lines):
        if not line.startswith("|"):
            continue
        cells = [c.strip() for c in line.strip().strip("|").split("|")]
        if not re.match(r"S?TT\b", cells[0].upper()):
            continue
        if full is not None and len(full) == len(cells) and cells != full and (all(
                not c or f == c or f.startswith(c + " ") for c, f in zip(cells, full, strict=True))
                or re.findall(r"\w+", " ".join(cells)) == re.findall(r"\w+", " ".join(full))):
            out[n] = "| " + " | ".join(full) + " |"
        else:
            full = cells
    return out


def _cells_of(line: str) -> list[str]:
    return [c.strip() for c in line.strip().strip("|").split("|")]


MAX_HEADER_WORDS = 12     # a header's cell names its column in a few words ('Cơ quan, đơn vị chủ trì thực hiện')


def _table_header(rows: list[str]) -> list[str]:
    """The header rows a table's pipe rows open with: a first row naming two of a plan table's columns ('STT',
    'Nội dung', 'Đơn vị chủ trì' …, in a few words each, its first cell filled and no row's number), then the
    rows under it whose first cell is empty and that name a column or a year (a header's second row: 'Chủ trì |
    Phối hợp', '2026 | 2027'); [] when the rows open otherwise."""
    from .fold import fold

    if not rows:
        return []
    first = _cells_of(rows[0])
    if not first[0] or _numbered(first[0]) or any(len(c.split()) > MAX_HEADER_WORDS for c in first) or \
            len(set(_HEAD_WORDS.findall(fold(" ".join(first))))) < 2:
        return []
    out = [rows[0]]
    for row in rows[1:]:
        cells = _cells_of(row)
        filled = [c for c in cells if c]
        if len(cells) != len(first) or cells[0] or not filled or not (
                _HEAD_WORDS.search(fold(" ".join(filled))) or all(_YEAR_CELL.fullmatch(c) for c in filled)):
            break
        out.append(row)
    return out


def _page_edge(line: str) -> bool:
    """A page's number standing alone ('3', '- 3 -', 'Trang 3/5')."""
    return bool(re.fullmatch(r"\W*\d{1,3}\W*", line) or _FOOT.fullmatch(line))


MAX_RUNNING_LINES = 2      # lines a page may open with above the rest of a table (its number, a running header)


def _carried_headers(lines: list[str]) -> list[str]:
    """Pages (a form feed line ends each) whose table runs on from the page before without its header (a word
    processor's table whose header row is not set to repeat, ruled or not): the page before ends in a table (past
    its page number), and this page opens, past its number and a running header (MAX_RUNNING_LINES lines at most,
    none a part's heading), with pipe rows as many cells wide that are no header of their own. The header of the
    table the page before ends in is set above those rows, so that they are read as its rows (a table's rows
    without a header are no plan's rows)."""
    pages: list[list[str]] = [[]]
    for line in lines:
        pages[-1].append(line)
        if line == "\f":
            pages.append([])
    out: list[str] = []
    header: list[str] = []                 # the header of the table the page before ends in
    width = 0                              # … and the cells of its last row (0: the page ends otherwise)
    edges: list[int] = []                  # … and where its page's number past the table stands in `out`
    for page in pages:
        body = [n for n, x in enumerate(page) if x.strip() and x != "\f"]
        start = next((n for n in body if page[n].startswith("|")), None)
        opening = [n for n in body if start is None or n < start]
        if width and start is not None and len(opening) <= MAX_RUNNING_LINES and not any(
                _SECTION_HEADING.match(page[n]) or re.match(r"\s*(?:\d{1,2}|[a-zđ])[.)]\s+\w|PHỤ LỤC", page[n])
                for n in opening if not _page_edge(page[n])):
            cells = _cells_of(page[start])
            if header and len(cells) == len(_cells_of(header[0])) and not _table_header([page[start]]):
                page = [*page[:start], *header, *page[start:]]
            if len(cells) == width:
                # the table runs on: the page's number and running header between its parts are no text of
                # the plan, and would part the table in two (a group's title ending the page would be a row
                # without rows under it)
                page = [x for n, x in enumerate(page) if n not in opening]
                out = [x for n, x in enumerate(out) if n not in edges]
        header, width, edges = [], 0, []
        tail = [n for n in range(len(page)) if page[n].strip() and page[n] != "\f"]
        while tail and _page_edge(page[tail[-1]]):
            edges.append(len(out) + tail.pop())
        if tail and page[tail[-1]].startswith("|"):
            width = len(_cells_of(page[tail[-1]]))
            top = tail[-1]                 # up the table's rows, over the blank lines between its blocks
            while top > 0 and (page[top - 1].startswith("|") or not page[top - 1].strip()):
                top -= 1
            rows = [x for x in page[top:tail[-1] + 1] if x.startswith("|")]
            heads = [n for n in range(len(rows)) if _table_header(rows[n:n + 1])]
            header = _table_header(rows[heads[-1]:]) if heads else []
            if header and rows[-len(header):] == header:
                header = []                # the page ends in the header itself: its rows follow it as they stand
        out.extend(page)
    return out


_TOO_COMPLEX = "PDF quá phức tạp để đọc (nghi là tệp được dựng để làm treo máy chủ); đã từ chối."


def _pdf_text(data: bytes) -> tuple[list[str], list[int], int, list[str], bytes | None]:
    """(lines, pages without text, pages, warnings, the PDF rewritten upright or None); a page without
    text stands as a "\x00pageN" line, pages end with "\f". Each page's drawing is held to
    PDF_PAGE_OBJECTS objects and PDF_PAGE_SECONDS (a page past them is left out with a warning),
    the whole to PDF_SECONDS."""
    import pypdf

    try:
        reader = pypdf.PdfReader(io.BytesIO(data))
        if reader.is_encrypted and not reader.decrypt(""):
            raise IngestError("PDF được đặt mật khẩu: hãy gửi bản không mã hóa.", "encrypted")
        n_pages = len(reader.pages)
    except IngestError:
        raise
    except Exception as exc:
        raise IngestError("PDF hỏng: không đọc được cấu trúc tệp.", "bad_pdf") from exc
    if n_pages > MAX_PAGES:
        raise IngestError(f"PDF có {n_pages} trang, vượt giới hạn {MAX_PAGES} trang.", "too_many_pages")
    upright = _upright(reader, data)
    import pdfplumber

    lines: list[str] = []
    warnings: list[str] = []
    scanned: list[int] = []
    columns = Columns()                 # the columns of the table a page ends in, for the next page's rows
    started = time.thread_time()
    try:
        with pdfplumber.open(io.BytesIO(upright)) as pdf:
            for number, page in enumerate(pdf.pages):
                if time.thread_time() - started > PDF_SECONDS:
                    raise IngestError(_TOO_COMPLEX, "too_complex")
                try:
                    page._layout = _bounded_layout(page)
                    turn = _text_turn(page)
                    if turn:
                        columns.rivers = []
                    page_lines = _turned_page_lines(upright, number, turn) if turn else _pdf_page_lines(page, columns)
                except _OverBudget as over:
                    columns.rivers = []
                    warnings.append(f"Trang {number + 1} của PDF quá phức tạp ({over}): trang đó bị bỏ qua.")
                    page_lines = []
                else:
                    if sum(len(x) for x in page_lines) < 20:
                        scanned.append(number)
                        page_lines = [f"\x00page{number}"]
                    elif _unreadable_text(page_lines):
                        # a font with no Unicode map: its glyphs' numbers, not letters; the page is read as a scan
                        warnings.append(f"Trang {number + 1} của PDF có lớp chữ không đọc được (phông chữ không có "
                                        "bảng mã Unicode): đã nhận dạng lại bằng OCR.")
                        scanned.append(number)
                        page_lines = [f"\x00page{number}"]
                lines.extend(page_lines)
                lines.append("\f")
                page.flush_cache()
    except IngestError:
        raise
    except MemoryError as exc:
        raise IngestError(_TOO_COMPLEX, "too_complex") from exc
    except Exception as exc:
        raise IngestError("PDF hỏng hoặc được mã hóa: không trích được văn bản.", "bad_pdf") from exc
    return lines, scanned, n_pages, warnings, upright if upright is not data else None


# a Vietnamese syllable, marks folded away: its initial consonant, vowels, final consonant
_SYLLABLE = re.compile(r"(?:ngh|ng|nh|ch|gh|gi|kh|ph|qu|th|tr|[bcdghklmnpqrstvx])?[aeiouy]{1,3}(?:ch|ng|nh|[cmnpt])?")


def _unreadable_text(page_lines: list[str]) -> bool:
    """A page's text layer set in a font with no Unicode map gives the glyphs' numbers ('(cid:19)') or letters in
    no order ('8:AcBBCD-G ,/ DHc-IKM-'): of its words of letters, under a third are Vietnamese syllables, or a
    fifth are '(cid:…)'. A page of figures, marks or abbreviations, or of a few words, is left as it is."""
    from .fold import fold

    text = " ".join(page_lines)
    tokens = text.split()
    cids = text.count("(cid:")
    if tokens and cids * 5 > len(tokens):
        return True
    # (words of two letters or more; not short capitals: abbreviations, "UBND", "KH&CN", nor a schedule's "x" marks)
    words = [w for t in tokens if len(w := fold(t).strip(".,;:()\"'“”-–")) >= 2 and w.isalpha()
             and not (t.isupper() and len(t) <= 6)]
    if len(words) < 15:
        return False
    return sum(1 for w in words if _SYLLABLE.fullmatch(w)) * 3 < len(words)


class _OverBudget(Exception):
    """A page draws more than PDF_PAGE_OBJECTS objects or takes more than PDF_PAGE_SECONDS."""


def _bounded_layout(page: Any) -> Any:
    """The page's layout as pdfplumber computes it (`Page.layout`), by a device that counts what the page
    draws (characters, path points, images, forms: a form drawn twice by a form drawn twice … is
    counted each time) and the CPU time, and gives up past PDF_PAGE_OBJECTS or PDF_PAGE_SECONDS."""
    from pdfminer.pdfinterp import PDFPageInterpreter
    from pdfplumber.page import PDFPageAggregatorWithMarkedContent

    class Device(PDFPageAggregatorWithMarkedContent):
        drawn = 0
        started = time.thread_time()

        def count(self, n: int = 1) -> None:
            before, self.drawn = self.drawn, self.drawn + n
            if self.drawn > PDF_PAGE_OBJECTS:
                raise _OverBudget(f"vẽ hơn {PDF_PAGE_OBJECTS:,} đối tượng".replace(",", "."))
            if before // 256 != self.drawn // 256 and time.thread_time() - self.started > PDF_PAGE_SECONDS:
                raise _OverBudget(f"đọc hơn {PDF_PAGE_SECONDS} giây")

        def render_char(self, *args: Any, **kwargs: Any) -> float:
            self.count()
            return float(super().render_char(*args, **kwargs))

        def render_image(self, *args: Any, **kwargs: Any) -> None:
            self.count()
            super().render_image(*args, **kwargs)

        def paint_path(self, gstate: Any, stroke: Any, fill: Any, evenodd: Any, path: Any) -> None:
            if sum(1 for op in path if op[0] == "m") <= 1:      # (a path of several is drawn one by one)
                self.count(max(len(path), 1))
            super().paint_path(gstate, stroke, fill, evenodd, path)

        def begin_figure(self, *args: Any, **kwargs: Any) -> None:
            self.count()
            super().begin_figure(*args, **kwargs)

    device = Device(page.pdf.rsrcmgr, pageno=page.page_number, laparams=page.pdf.laparams)
    try:
        PDFPageInterpreter(page.pdf.rsrcmgr, device).process_page(page.page_obj)
    except RecursionError as exc:
        raise _OverBudget("các đối tượng lồng nhau quá sâu") from exc
    return device.get_result()


SANDBOX = os.environ.get("GIAMSAT_PDF_SANDBOX", "1") != "0"     # 0: read in this process (the fuzzer, for coverage)


_SERVER: Any = None
_SANDBOX_CLASSES: dict[str, Any] = {}


def _forkserver() -> Any:
    """multiprocessing's fork server, started once (a fresh single-threaded interpreter that has imported the
    readers): forking this process instead, which may run other threads (a web server's, a queue's), could
    leave the child waiting on a lock one of them held."""
    global _SERVER
    if _SERVER is None:
        import multiprocessing

        context = multiprocessing.get_context("forkserver")
        context.set_forkserver_preload(["giamsat.ingest.readers", "pdfplumber", "pypdf"])
        _SERVER = context
    return _SERVER


def _sandbox_classes() -> dict[str, Any]:
    """`_Popen` and `_Process`, made on first use: multiprocessing's modules are imported then, not with the
    readers (a text plan never starts a child; importing them took a new process about 50 ms). Empty where there
    is no fork server (bounded reads in this process). The module's `__getattr__` hands them out by name, so the
    child finds `_Process` when it unpickles its process object."""
    if _SANDBOX_CLASSES:
        return _SANDBOX_CLASSES
    try:
        from multiprocessing import context, forkserver, popen_forkserver, spawn, util
    except ImportError:  # no fork server on this platform
        return _SANDBOX_CLASSES
    _mp_context: Any = context
    _mp_forkserver: Any = forkserver
    _mp_popen: Any = popen_forkserver
    _mp_spawn: Any = spawn
    _mp_util: Any = util

    class _Popen(_mp_popen.Popen):  # type: ignore[misc]
        """multiprocessing's fork-server start, but the child does not run the caller's main script again (as
        `__mp_main__`, which multiprocessing does so that the script's functions unpickle): a script that reads a
        PDF at its top level, unguarded by `if __name__ == "__main__"`, would read it again in the child, and so
        on. The child's work is a readers function, found without the script. (CPython's `popen_forkserver.Popen
        ._launch`, its preparation data less "init_main_from_*".)"""

        def _launch(self, process_obj: Any) -> None:
            prep_data = _mp_spawn.get_preparation_data(process_obj._name)
            prep_data.pop("init_main_from_path", None)
            prep_data.pop("init_main_from_name", None)
            buf = io.BytesIO()
            _mp_context.set_spawning_popen(self)
            try:
                _mp_context.reduction.dump(prep_data, buf)
                _mp_context.reduction.dump(process_obj, buf)
            finally:
                _mp_context.set_spawning_popen(None)
            self.sentinel, w = _mp_forkserver.connect_to_new_process(self._fds)
            parent_w = os.dup(w)
            self.finalizer = _mp_util.Finalize(self, _mp_util.close_fds, (parent_w, self.sentinel))
            with open(w, "wb", closefd=True) as f:
                f.write(buf.getbuffer())
            self.pid = _mp_forkserver.read_signed(self.sentinel)

    class _Process(_mp_context.ForkServerProcess):  # type: ignore[misc]
        @staticmethod
        def _Popen(process_obj: Any) -> Any:
            return _Popen(process_obj)

    # named as module-level classes, so pickle finds them through the module's __getattr__
    for cls in (_Popen, _Process):
        cls.__qualname__ = cls.__name__
        _SANDBOX_CLASSES[cls.__name__] = cls
    return _SANDBOX_CLASSES


def __getattr__(name: str) -> Any:
    if name in ("_Popen", "_Process"):
        classes = _sandbox_classes()
        if name in classes:
            return classes[name]
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


def _bounded_child(work: Callable[[bytes], Any], data: bytes, cpu: int, memory: int, conn: Any) -> None:
    """In the child: the limits set, `work(data)` done, its result or IngestError sent back."""
    import resource

    resource.setrlimit(resource.RLIMIT_CPU, (cpu, cpu + 5))
    try:
        with open("/proc/self/statm") as fh:
            size = int(fh.read().split()[0]) * os.sysconf("SC_PAGE_SIZE")
        resource.setrlimit(resource.RLIMIT_AS, (size + memory, size + memory))
    except (OSError, ValueError, IndexError):
        pass
    try:
        out: tuple[str, Any] = ("ok", work(data))
    except IngestError as exc:
        out = ("error", (str(exc), exc.code))
    except MemoryError:
        out = ("error", (_TOO_COMPLEX, "too_complex"))
    except BaseException as exc:  # the parent raises it
        out = ("crash", repr(exc))
    try:
        conn.send(out)
    except MemoryError:
        conn.send(("error", (_TOO_COMPLEX, "too_complex")))
    conn.close()


def bounded(work: Callable[[bytes], Any], data: bytes) -> Any:
    """`work(data)` (a module's function) in a child process held to PDF_CPU_SECONDS of CPU (RLIMIT_CPU),
    PDF_MEMORY bytes of address space more than it starts with (RLIMIT_AS) and PDF_WALL_SECONDS; its result
    (or its IngestError) comes back pickled; a child killed or out of memory is an IngestError "too_complex".
    The child is forked from multiprocessing's fork server (`_forkserver`), not from this process. Where there
    is no fork, in a daemonic process (or with GIAMSAT_PDF_SANDBOX=0), `work(data)` here."""
    import multiprocessing

    if not SANDBOX or not hasattr(os, "fork") or multiprocessing.current_process().daemon:
        return work(data)                   # (a daemonic process, as a worker pool's, may not start children)
    context = _forkserver()
    receiver, sender = context.Pipe(duplex=False)
    process = _sandbox_classes().get("_Process", context.Process)
    child = process(target=_bounded_child, args=(work, data, PDF_CPU_SECONDS, PDF_MEMORY, sender),
                             daemon=True)
    child.start()
    sender.close()
    result: Any = None
    try:
        if receiver.poll(PDF_WALL_SECONDS):
            with contextlib.suppress(EOFError, OSError):
                result = receiver.recv()
    finally:
        receiver.close()
        if result is None:
            child.kill()
        child.join()
    if result is None:
        raise IngestError(_TOO_COMPLEX, "too_complex")
    kind, value = result
    if kind == "error":
        raise IngestError(*value)
    if kind == "crash":
        raise RuntimeError(f"PDF reader failed in its child process: {value}")
    return value


def _upright(reader: Any, data: bytes) -> bytes:
    """A PDF whose pages ask the viewer to turn them (/Rotate, as a landscape page often is) rewritten
    with the turn in the page's content: text and ruling lines then share upright coordinates."""
    import pypdf

    try:
        if not any(page.rotation % 360 for page in reader.pages):
            return data
        writer = pypdf.PdfWriter(clone_from=reader)
        for page in writer.pages:
            if page.rotation % 360:
                page.transfer_rotation_to_content()
        buf = io.BytesIO()
        writer.write(buf)
        return buf.getvalue()
    except Exception:  # a page pypdf cannot turn is read as it stands
        return data


def _text_turn(page: Any) -> int:
    """0, or the turn (/Rotate degrees, clockwise) that sets upright a page whose text runs up, down or upside
    down without the page saying so (a landscape table drawn turned on a portrait page, as some print drivers
    and scanners' "searchable PDF" do): most of its characters drawn turned (their text matrix), at least 20."""
    turns = {0: 0, 90: 0, 180: 0, 270: 0}
    for char in page.chars:
        a, b = char["matrix"][:2]
        turns[0 if abs(a) >= abs(b) and a > 0 else 180 if abs(a) >= abs(b) else 90 if b > 0 else 270] += 1
    turn = max((90, 180, 270), key=lambda k: turns[k])
    return turn if turns[turn] >= 20 and turns[turn] > sum(turns.values()) / 2 else 0


def _turned_page_lines(data: bytes, number: int, turn: int) -> list[str]:
    """The lines of page `number` (0-based) once turned `turn` degrees clockwise into its content (a one-page
    PDF written by pypdf, read as any page; its drawing held to the same bounds)."""
    import pdfplumber
    import pypdf

    writer = pypdf.PdfWriter()
    writer.add_page(pypdf.PdfReader(io.BytesIO(data)).pages[number])
    page = writer.pages[0]
    page.rotate(turn)
    page.transfer_rotation_to_content()
    buf = io.BytesIO()
    writer.write(buf)
    with pdfplumber.open(buf) as pdf:
        turned = pdf.pages[0]
        turned._layout = _bounded_layout(turned)
        return _pdf_page_lines(turned)


def _pdf_page_lines(page: Any, columns: Columns | None = None) -> list[str]:
    tables = page.find_tables()
    boxes = [t.bbox for t in tables]

    def outside(obj: dict[str, Any]) -> bool:
        return not any(b[0] - 1 <= obj["x0"] and obj["x1"] <= b[2] + 1 and b[1] - 1 <= obj["top"]
                       and obj["bottom"] <= b[3] + 1 for b in boxes)

    body = page.filter(outside) if boxes else page
    items: list[tuple[float, list[str]]] = []
    words = body.extract_words(keep_blank_chars=False, use_text_flow=False)
    if words and not boxes:
        # No ruling lines: rebuild borderless tables from word positions.
        return borderless_lines([{"text": nfc(w["text"]), "x0": w["x0"], "x1": w["x1"], "top": w["top"],
                                  "h": w["bottom"] - w["top"]} for w in words], columns=columns, page_width=page.width)
    if columns:
        columns.rivers = []                 # a ruled table's page: its rows are read from its rulings
    for tl in body.extract_text_lines(layout=False, strip=True):
        items.append((tl["top"], [nfc(tl["text"])]))
    for t in tables:
        rows = [[unwrap_number(nfc(c or "")) for c in row] for row in t.extract()]
        items.append((t.bbox[1], ["", *_pipe_rows(rows), ""]))
    items.sort(key=lambda it: it[0])
    return [line for _, chunk in items for line in chunk]


def unwrap_number(cell: str) -> str:
    """A row number wrapped by a narrow column ("108\n." or "11.1\n0") is one number again."""
    return re.sub(r"\s+", "", cell) if "\n" in cell and re.fullmatch(r"[\d.\s]+", cell) else cell


def _ocr_pdf_pages(data: bytes, pages: list[int], progress: Progress | None,
                   warnings: list[str]) -> dict[str, list[str]]:
    import pypdfium2  # type: ignore[import-untyped]

    out: dict[str, list[str]] = {}
    above: Words | None = None
    try:
        pdf = pypdfium2.PdfDocument(data)
    except pypdfium2.PdfiumError as exc:  # pdfplumber read the structure, the renderer refuses it
        raise IngestError("PDF hỏng: không dựng được trang để nhận dạng chữ (OCR).", "bad_pdf") from exc
    try:
        for done, number in enumerate(pages, 1):
            try:
                image = pdf[number].render(scale=_ocr_scale(*pdf[number].get_size())).to_pil()
            except pypdfium2.PdfiumError as exc:
                raise IngestError(f"PDF hỏng: không dựng được trang {number + 1} để nhận dạng chữ (OCR).",
                                  "bad_pdf") from exc
            out[f"\x00page{number}"] = lines = ocr_image(image, warnings, above)
            above = lines.header if isinstance(lines, PageLines) else None
            if progress:
                progress(done, len(pages))
    finally:
        pdf.close()
    return out


_OCR_PAGE_PIXELS = 20_000_000      # an A3 page at 300 dpi is 17.4 M


def _ocr_scale(width: float, height: float) -> float:
    """300 dpi, or less for a page so large (a MediaBox of metres) that its image would pass an A3
    page's: the render's memory and the OCR's time stay bounded whatever the page's size says."""
    scale = 300 / 72
    area = max(width * height, 1.0) * scale * scale
    return scale if area <= _OCR_PAGE_PIXELS else scale * (_OCR_PAGE_PIXELS / area) ** 0.5


# --- images and OCR ------------------------------------------------------------------

def read_image(data: bytes, progress: Progress | None = None) -> Extracted:
    from PIL import Image, ImageSequence

    Image.MAX_IMAGE_PIXELS = MAX_IMAGE_PIXELS
    try:
        img = Image.open(io.BytesIO(data))
        frames = [at_ocr_resolution(upright_frame(f))
                  for _, f in zip(range(OCR_MAX_PAGES + 1), ImageSequence.Iterator(img), strict=False)]
    except Exception as exc:
        raise IngestError("Ảnh hỏng hoặc quá lớn: không đọc được.", "bad_image") from exc
    if len(frames) > OCR_MAX_PAGES:
        raise IngestError(f"Ảnh có quá nhiều trang (tối đa {OCR_MAX_PAGES}).", "too_many_pages")
    lines: list[str] = []
    warnings: list[str] = []
    above: Words | None = None
    for done, frame in enumerate(frames, 1):
        page = ocr_image(frame, warnings, above)
        above = page.header if isinstance(page, PageLines) else None
        lines.extend(page)
        if progress:
            progress(done, len(frames))
    return Extracted(lines, "image", len(frames), warnings)


_OCR_DPI = 300
_LOW_DPI = 250
_LARGEST_PAGE_INCHES = 16.6     # an A3 page's long side


def at_ocr_resolution(frame: Any) -> Any:
    """A page scanned at a low resolution (its image says 150 or 200 dpi) enlarged to 300 dpi, as a PDF's page is
    rendered (`_ocr_scale`): Tesseract and the page's rulings, gutters and marks are measured at 300 dpi, and at
    150 dpi a small mark ('x' in a month's column, a quarter's numeral) is lost. Only when the dpi the image
    states makes it a page (A3 at most: a phone's photo says 72 dpi of a sensor's 4000 pixels), and within
    _OCR_PAGE_PIXELS."""
    from PIL import Image

    dpi = frame.info.get("dpi")
    try:
        low = float(min(dpi[:2])) if dpi else 0.0
    except (TypeError, ValueError):
        return frame
    if not 0 < low < _LOW_DPI or max(frame.size) / low > _LARGEST_PAGE_INCHES:
        return frame
    scale = min(_OCR_DPI / low, (_OCR_PAGE_PIXELS / max(frame.size[0] * frame.size[1], 1)) ** 0.5)
    if scale <= 1.05:
        return frame
    size = (round(frame.size[0] * scale), round(frame.size[1] * scale))
    mode = frame.mode if frame.mode in ("L", "RGB") else "RGB" if frame.mode in ("RGBA", "P", "CMYK") else "L"
    return frame.convert(mode).resize(size, Image.Resampling.BILINEAR)


def upright_frame(frame: Any) -> Any:
    """A copy of an image's frame turned as its EXIF Orientation tag says it is viewed (a phone stores the
    sensor's pixels and the tag: a page photographed holding the phone upright arrives turned a quarter)."""
    from PIL import ImageOps

    try:
        return ImageOps.exif_transpose(frame)
    except Exception:  # a broken EXIF block: the pixels as stored
        return frame.copy()


def grainy(image: Any) -> bool:
    """Whether the paper is grainy (a photocopy's toner, a photo's sensor noise, a dirty glass), which leaves
    specks Tesseract reads as marks and words: the spread of the paper's grey levels away from the ink (pixels
    whose 5x5 neighbourhood is all light), in the page's middle. Clean scans and renderings spread under 2
    levels (their blur and speckles are near ink or dark), a grainy page over 10."""
    from PIL import ImageFilter, ImageStat

    w, h = image.size
    middle = image.crop((w // 8, h // 4, w * 7 // 8, h * 3 // 4))
    paper = middle.filter(ImageFilter.MinFilter(5)).point(lambda v: 255 if v > 170 else 0)
    if not paper.getbbox():
        return False
    return bool(ImageStat.Stat(middle, paper).stddev[0] > _GRAIN)


_GRAIN = 6.0
_SPECK = re.compile(r"[\W_]{1,3}")                  # a word of one to three marks, no letter nor digit
_BLANK = re.compile(r"[_:'`‘’“”.,]+")                # … of marks that never stand alone in a plan's text


Words = list[dict[str, Any]]


class PageLines(list[str]):
    """A scanned page's lines, with the header of the table without rules its reading ends in (that header's words as
    the page placed them; None when the page ends otherwise): the next page is read under it when its rows run on
    without a header of their own (`_under_header`)."""

    def __init__(self, lines: list[str], header: Words | None = None) -> None:
        super().__init__(lines)
        self.header = header


def ocr_image(image: Any, warnings: list[str], above: Words | None = None) -> PageLines:
    """A page's lines (`above`: the header of a table without rules the page before ends in). Turned upright first (a landscape page scanned turned a quarter, `quarter_turn`). Then a
    page read with doubt (median word confidence under _DOUBTFUL, or no word at all: Tesseract may read nothing
    from a table page lying on its side) is checked: Tesseract's orientation detection (OSD) is asked which way
    is up, and the page is read again turned as it says (upside down; a quarter either way, when the profile
    test missed the turn); a page turned a quarter on the profile's guess alone (OSD could not tell) is read
    again the other way up. The second reading is kept when it has words enough and less doubt. Pages read
    with confidence (nearly all) cost nothing more."""
    page = flatten_light(grey(image))
    turn = quarter_turn(page)
    if turn:
        page = page.rotate(turn, expand=True)
    lines, words = _ocr_upright(page, warnings, above)
    if _doubt(words):
        osd = _osd_rotation(page)
        again = (360 - osd) % 360 if osd else 180 if turn and osd is None else 0
        if again:
            lines_again, words_again = _ocr_upright(page.rotate(again, expand=True), warnings, above)
            if len(words_again) >= _FEW_WORDS and _doubt(words_again) < _doubt(words):
                lines = lines_again
    return lines


_FEW_WORDS = 12       # a second reading of fewer words is not taken (a title page stays a title page)
_DOUBTFUL = 60.0      # a page's median word confidence below this: upside down? (upright 90-96, upside down 40-45)


def _doubt(words: list[dict[str, Any]]) -> float:
    """How far the page's median word confidence falls under _DOUBTFUL (0: no doubt)."""
    if not words:
        return _DOUBTFUL
    return max(0.0, _DOUBTFUL - float(statistics.median(float(w["conf"]) for w in words)))


def quarter_turn(image: Any) -> int:
    """0, or the degrees (90 or 270, counter-clockwise as PIL turns) that make a page whose lines of text run
    up or down the page (a landscape annex scanned turned) read across. A page's row profile is contrasted by
    its lines and the gaps between them, its column profile is not (a table's rulings contrast both): measured
    in four strips across the page, at the best of a few small angles (a skewed page's lines blur the
    profile), on the page shrunk to a quarter. Columns contrasting more than rows make Tesseract's orientation
    detection (OSD, ~1 s) tell which way; without its answer the page is turned when its columns contrast
    twice as much (90). Upright pages measured: rows contrast 1.2 to 9 times more than columns, clean, skewed,
    grainy, unevenly lit or all at once; ~20 ms a page when its rows at angle 0 contrast twice as much as its
    columns (most pages), ~150 ms otherwise."""
    from PIL import Image

    small = image.reduce(4) if min(image.size) > 800 else image

    def contrast(img: Any, angles: tuple[float, ...]) -> float:
        best = 0.0
        for angle in angles:
            turned = img.rotate(angle, resample=Image.Resampling.BILINEAR, fillcolor=255) if angle else img
            w, h = turned.size
            strips = [turned.crop((w * k // 4, 0, w * (k + 1) // 4, h)) for k in range(4)]
            best = max(best, sum(float(statistics.pvariance(list(s.resize((1, h), Image.Resampling.BOX).tobytes())))
                                 for s in strips) / 4)
        return best

    side = small.transpose(Image.Transpose.ROTATE_90)
    if contrast(side, (0.0,)) < 0.5 * contrast(small, (0.0,)):
        return 0
    angles = (-2.0, -1.0, 0.0, 1.0, 2.0)
    ratio = contrast(side, angles) / max(contrast(small, angles), 1e-9)
    if ratio <= 1:
        return 0
    osd = _osd_rotation(image)
    if osd in (90, 270):
        return 360 - osd
    return 90 if osd is None and ratio > 2 else 0


def _osd_rotation(image: Any) -> int | None:
    """Tesseract's orientation detection (psm 0): the clockwise degrees that make the page upright, None when it
    cannot tell (too few letters, an error, a time-out)."""
    import pytesseract

    try:
        osd = pytesseract.image_to_osd(image, config="--psm 0", timeout=OCR_TIMEOUT_PER_PAGE)
    except (RuntimeError, OSError):       # TesseractError, its time-out; TesseractNotFoundError (told by the OCR)
        return None
    m = re.search(r"Rotate:\s*(\d+)", osd)
    return int(m.group(1)) % 360 if m else None


def _ocr_upright(image: Any, warnings: list[str], above: Words | None = None) -> tuple[PageLines, Words]:
    """An upright page's lines and Tesseract's words. A page without rulings is read as tables without rules when it
    holds a table's header, or when its rows run on under the header of the page before (`above`)."""
    import pytesseract
    from PIL import ImageFilter

    image = deskew(image)
    grids = find_grids(image)
    if grids:
        image = erase_rulings(image, grids)
    noisy = grainy(image)
    if noisy:
        image = image.filter(ImageFilter.MedianFilter(3))       # after the rulings: a hairline would go too
    try:
        data = tesseract_words(image)
    except pytesseract.TesseractError:
        warnings.append("OCR không đọc được một trang (Tesseract báo lỗi); trang đó bị bỏ qua.")
        return PageLines([]), []
    except RuntimeError:
        warnings.append("OCR quá thời gian cho một trang; trang đó bị bỏ qua.")
        return PageLines([]), []
    except pytesseract.TesseractNotFoundError as exc:
        raise IngestError("Máy chủ chưa cài Tesseract OCR: không đọc được bản quét.", "no_ocr") from exc
    words = _words(data)
    if noisy:               # specks the filter left, read as marks standing alone: not the page's words
        words = [w for w in words
                 if not _SPECK.fullmatch(w["text"]) or (w["conf"] >= 60 and not _BLANK.fullmatch(w["text"]))]
    read = list(words)
    words = _reread_heads(image, grids, _reread_figures(image, grids, words))
    words = _reread_quarters(image, _reread_labels(image, grids, _reread_cells(image, grids, words)))
    read_comparators(image, words)
    if grids:
        return PageLines(place_grids(words, grids)), read
    if not _headed_table(words):
        under = _under_header(words, above) if above else None
        if under is None:
            return PageLines(place_grids(words, grids)), read
        words = under
    words = _mark_specks(_reread_dropped_labels(image, words))
    lines = borderless_lines(words, _SCAN_GUTTER)
    return PageLines(lines, _open_header(words) if _ends_in_table(lines) else None), read


def _ends_in_table(lines: list[str]) -> bool:
    """Whether a page's reading ends in a table's row: its last line, past the page's number, is a pipe row."""
    tail = [x for x in lines if x.strip()]
    if tail and (_FOOT.fullmatch(tail[-1]) or re.fullmatch(r"\W*\d{1,3}\W*", tail[-1])):
        tail.pop()
    return bool(tail) and tail[-1].startswith("|")


def _open_header(words: Words) -> Words | None:
    """The words of the last table header on a page without rules (`_headed_table`'s line and the lines of the
    header under it, down to the first row's label; four lines at most)."""
    from .fold import fold

    height = statistics.median(w["h"] for w in words) or 10
    lines = [sorted(line, key=lambda w: w["x0"]) for line in _visual_lines(words)]
    heads = [n for n, line in enumerate(lines) if len(_chunks(line, _SCAN_GUTTER * height)) >= 3 and
             len(set(_HEAD_WORDS.findall(fold(" ".join(w["text"] for w in line))))) >= 2]
    if not heads:
        return None
    k = heads[-1]
    end = next((n for n in range(k + 1, min(k + 4, len(lines))) if _numbered(lines[n][0]["text"])), k + 1)
    return [w for line in lines[k:end] for w in line]


def _under_header(words: Words, header: Words) -> Words | None:
    """A page whose table rows run on from the page before without a header of their own (a word processor's table
    whose header row is not repeated), with that header's words set just above its first line in the body's type
    (past the page's number and a running header set smaller), where the page before placed them across: so its
    columns are found and its row numbers read as under a header. None when the page does not open with a table's
    lines (its first line is prose across the page, or no line is in the body's type)."""
    if not words:
        return None
    height = statistics.median(w["h"] for w in words) or 10
    lines = [sorted(line, key=lambda w: w["x0"]) for line in _visual_lines(words)]
    left = min(w["x0"] for w in header)
    span = max(w["x1"] for w in header) - left
    first = next((n for n, line in enumerate(lines) if statistics.median(w["h"] for w in line) >= 0.9 * height
                  and not re.fullmatch(r"\W*\d{1,3}\W*|" + _FOOT.pattern, " ".join(w["text"] for w in line))), None)
    if first is None:
        return None
    line = lines[first]
    if len(_chunks(line, _SCAN_GUTTER * height)) == 1 and line[-1]["x1"] - line[0]["x0"] >= 0.7 * span:
        return None
    top = min(w["top"] for w in line)
    drop = top - 0.6 * height - max(w["top"] + w["h"] for w in header)
    placed = [{**w, "top": w["top"] + drop} for w in header]
    lift = max(0.0, max(w["top"] + w["h"] for x in lines[:first] for w in x) - min(w["top"] for w in placed)
               + 0.6 * height) if first else 0.0
    return [*({**w, "top": w["top"] - lift} for x in lines[:first] for w in x), *placed,
            *(w for x in lines[first:] for w in x)]


# A scan's word boxes are tight around the ink, its word spaces 0.35-0.6 of a box's height; a table's columns set
# with a cell padding of 1-2 mm a side are at least a box's height apart.
_SCAN_GUTTER = 0.75


def _headed_table(words: list[dict[str, Any]]) -> bool:
    """Whether a page without ruling lines holds a table's header: a line of three cells or more (parted by a
    scan's gutters) that names two of a plan table's columns ('STT', 'Nội dung', 'Đơn vị chủ trì', 'Thời gian')."""
    from .fold import fold

    if not words:
        return False
    height = statistics.median(w["h"] for w in words) or 10
    lines = [sorted(line, key=lambda w: w["x0"]) for line in _visual_lines(words)]    # by centre: left to right
    return any(len(_chunks(line, _SCAN_GUTTER * height)) >= 3 and
               len(set(_HEAD_WORDS.findall(fold(" ".join(w["text"] for w in line))))) >= 2 for line in lines)


# the heading of a table's label column: 'STT', 'TT', or 'STT' wrapped in a narrow column ('ST' over 'T')
_LABEL_HEAD = re.compile(r"S?TT|ST")


def _reread_dropped_labels(image: Any, words: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """The row labels of a table without rules that the page's reading dropped: Tesseract, taking a page for one
    column of text, leaves out short marks standing alone far left of the lines ('1' … '6' and the header's 'TT'
    wrapped to 'T' over 'T' in a narrow label column), and without them no row has a start. Left of the header's
    first cell ('Nội dung' when 'TT' was dropped; left of 'STT' when it was read there is only margin; under a
    heading 'STT', 'TT' or 'ST' (wrapped) the labels it kept aside, the 'T' of the wrap and the numbers under it may
    be dropped), from the header down to the first line that starts left of it (the text under the table), each band
    of ink standing alone where no word was read is read again as one line by the Latin model restricted to label
    characters, full size then half size; a reading that is a label, and the same read without that restriction
    (`_PlainReadings`), is added (`_reread_labels` reads a ruled table's label column alike)."""
    from PIL import ImageFilter, ImageOps

    from .fold import fold

    height = statistics.median(w["h"] for w in words) or 10
    lines = [sorted(line, key=lambda w: w["x0"]) for line in _visual_lines(words)]
    k = next((n for n, line in enumerate(lines) if len(_chunks(line, _SCAN_GUTTER * height)) >= 3 and
              len(set(_HEAD_WORDS.findall(fold(" ".join(w["text"] for w in line))))) >= 2), None)
    if k is None:
        return words
    head = _chunks(lines[k], _SCAN_GUTTER * height)
    labelled = len(head) > 1 and _LABEL_HEAD.fullmatch("".join(w["text"] for w in head[0]).upper())
    margin = head[0][0]["x0"] - 0.5 * height            # the text under the table starts left of it
    right = head[1][0]["x0"] - 0.5 * height if labelled else margin
    top = min(w["top"] for w in lines[k]) - 0.5 * height
    bottom = next((min(w["top"] for w in line) for line in lines[k + 1:]
                   if line[0]["x0"] < margin and not _is_label(line[0]["text"])), image.size[1])
    if right < height or bottom - top < 2 * height:
        return words
    box = (0, max(int(top), 0), int(right), min(int(bottom), image.size[1]))
    strip = image.crop(box).filter(ImageFilter.MedianFilter(3)).point(lambda v: 255 if v < _INK else 0)
    width, pixels = strip.size[0], strip.tobytes()
    inked = [any(pixels[y * width:(y + 1) * width]) for y in range(strip.size[1])]
    bands: list[list[int]] = []                 # runs of inked rows, a gap of under a third of a letter closed
    for y, on in enumerate(inked):
        if not on:
            continue
        if bands and y - bands[-1][1] <= height / 3:
            bands[-1][1] = y
        else:
            bands.append([y, y])
    out = list(words)
    read = [w for w in words if w["x0"] < right and w["top"] + w["h"] > box[1]]
    for a, b in bands[:MAX_REREAD_CELLS]:
        ink = strip.crop((0, a, width, b + 1)).getbbox()
        if not ink or not 0.4 * height <= b + 1 - a <= 1.5 * height or max(ink[2] - ink[0], b + 1 - a) < \
                _SPECK_SIZE * 2 * height or any(w["top"] < box[1] + b and box[1] + a < w["top"] + w["h"] for w in read):
            continue
        x0, y0, x1, y1 = box[0] + ink[0], box[1] + a, box[0] + ink[2], box[1] + b + 1
        cell = ImageOps.expand(image.crop((x0, y0, x1, y1)), border=20, fill=255)
        plain = _PlainReadings(cell)
        for label in _label_readings(cell, frame=False):
            if _LABEL.fullmatch(label) and label.rstrip(".") in plain:
                out.append({"text": label, "x0": x0, "x1": x1, "top": y0, "h": y1 - y0, "conf": 90.0})
                break
    return _reread_label_column(image, out, lines, k, bottom, height)


def _reread_label_column(image: Any, words: list[dict[str, Any]], lines: list[list[dict[str, Any]]], k: int,
                         bottom: float, height: float) -> list[dict[str, Any]]:
    """The labels of a table without rules whose header (lines[k]) opens with 'STT' or 'TT', read again where the
    page's reading made them no label ('/' for I, 'Ì' for 1; a capital, 'B', is a group's label): in the label column (up to the header's
    second cell), a scrap of one to four signs, no small letter among them (the labels 'a)', 'b)' are letters), with
    the next column's text apart from it, is read again as one line
    by the Latin model restricted to label characters, full size then half size; a reading that is a label replaces
    it (`_reread_labels` reads a ruled table's label column alike)."""
    from PIL import ImageFilter

    head = _chunks(lines[k], _SCAN_GUTTER * height)
    if len(head) < 2 or not _LABEL_HEAD.fullmatch("".join(w["text"] for w in head[0]).upper()):
        return words
    edge = head[1][0]["x0"] - 0.3 * height
    out = list(words)
    budget = MAX_REREAD_CELLS
    for line in lines[k + 1:]:
        if min(w["top"] for w in line) >= bottom or budget <= 0:
            break
        cell = [w for w in line if w["x1"] <= edge]
        rest = [w for w in line if w["x1"] > edge]
        text = "".join(w["text"] for w in cell)
        if not cell or _LABEL.fullmatch(text) or _is_label(cell[0]["text"]) or len(text) > 4 or any(
                c.islower() for c in text) or (rest and rest[0]["x0"] < edge):
            continue                # a label, a letter's ('a)', 'b) -'), text, or words across the column's edge
        budget -= 1
        box = (int(min(w["x0"] for w in cell)) - 4, int(min(w["top"] for w in cell)) - 4,
               int(max(w["x1"] for w in cell)) + 4, int(max(w["top"] + w["h"] for w in cell)) + 4)
        crop = image.crop(box).filter(ImageFilter.MedianFilter(3))
        for label in _label_readings(crop):
            if _LABEL.fullmatch(label):
                taken = {id(w) for w in cell}
                out = [w for w in out if id(w) not in taken]
                out.append({"text": label, "x0": box[0] + 4, "x1": box[2] - 4, "top": box[1] + 4,
                            "h": box[3] - box[1] - 8, "conf": 90.0})
                break
    return out


# a label read without the restriction to label characters must say the same, a stroke read as a letter counting as
# the digit it is ('l', '|', '!' for 1, 'O' for 0): a header's 'T' standing alone, which the restricted model reads
# '1', is no label
_DIGIT_LIKE = str.maketrans("l|!Oo", "11100")


class _PlainReadings:
    """A label's cell read by the Latin model without restriction, full size, then half size only when asked about a
    reading the first does not give: the unrestricted model may add a letter at one size ('3B' for a clean '3') that
    it does not read at the other, as the restricted model may miss a label at one size."""

    def __init__(self, cell: Any) -> None:
        self.cell = cell
        self.read = [self._at(1.0)]

    def _at(self, scale: float) -> str:
        from PIL import Image

        sized = self.cell if scale == 1 else self.cell.resize(
            (max(int(self.cell.size[0] * scale), 1), max(int(self.cell.size[1] * scale), 1)), Image.Resampling.LANCZOS)
        return "".join(t.strip() for t in _reread(sized, psm=7, lang="eng")["text"]).translate(_DIGIT_LIKE).rstrip(".,")

    def __contains__(self, label: str) -> bool:
        if label not in self.read and len(self.read) == 1:
            self.read.append(self._at(0.5))
        return label in self.read


def _mark_specks(words: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """The words, a speck among them flagged: a mark without letter or digit read with little confidence or
    taller than the page's letters (dust, a stroke of the scanner). A speck is kept in the text but left out
    when columns are looked for: standing in a gutter it would close it."""
    height = statistics.median(w["h"] for w in words) or 10
    return [{**w, "speck": True} if not any(c.isalnum() for c in w["text"]) and (
        float(w.get("conf", 100)) < 50 or w["h"] > 1.2 * height) else w for w in words]


def grey(image: Any) -> Any:
    """A page in grey: a colour page's red channel when red ink marks it (the seal stamped over the signer's
    name, red in every Vietnamese administrative document): in red light red ink is as pale as the paper and
    the black text under it reads whole. Blue ink (the box an office stamps on the documents it receives,
    "ĐẾN / Số / Ngày", often over a table; a signature) is paled in blue light, and by as much again as it is
    bluer than it is red or green, so that none of it is left; black ink, also under a stamp, stays dark. A
    page with both: the paler of the two. Other pages their luminance. Red is told by 0.1 % of the page at least
    80 levels redder than green and blue (a seal's ink is dense); blue by 0.1 % at least 40 levels bluer (a receipt
    stamp's ink is uneven: most of a stamp scanned as JPEG in a PDF is 40-80 levels bluer, its dense part 0.07-0.11 %
    of the page, so a test at 80 missed half the stamped pages)."""
    from PIL import ImageChops

    if image.mode in ("L", "1", "I", "I;16", "F"):
        return image.convert("L")
    rgb = image.convert("RGB")
    r, g, b = rgb.split()
    reddish = ImageChops.subtract(r, ImageChops.lighter(g, b))        # R - max(G, B), 0 where not red
    bluish = ImageChops.subtract(b, ImageChops.lighter(r, g))
    area = image.size[0] * image.size[1]
    red = sum(reddish.histogram()[80:]) >= 0.001 * area
    if sum(bluish.histogram()[_BLUE_INK:]) < 0.001 * area:
        return r if red else rgb.convert("L")
    paled = ImageChops.add(b, bluish)
    return ImageChops.lighter(r, paled) if red else paled


_BLUE_INK = 40     # levels bluer than red and green: stamp ink, also its pale, unevenly inked strokes (a blue-grey
                   # paper or a phone photo's blue cast: 20-25)


def flatten_light(image: Any) -> Any:
    """A page lit unevenly (a phone's photo, a book's fold, a scanner's lid left open): its paper, grey towards
    one side, made white again: each pixel divided by the paper's brightness around it (the brightest pixel
    within about a third of an inch, on a page shrunk to some 300 pixels across, smoothed), so that ink and
    paper part at one grey level (the rulings' and Tesseract's). A page whose paper is white but for a few
    spots (a logo, a stamp) is left as it is."""
    from PIL import Image, ImageFilter, ImageMath

    factor = max(1, min(image.size) // 300)
    small = image.reduce(factor) if factor > 1 else image
    paper = small.filter(ImageFilter.MaxFilter(7)).filter(ImageFilter.MaxFilter(7))
    if sum(paper.histogram()[:215]) < 0.05 * paper.size[0] * paper.size[1]:
        return image
    paper = paper.filter(ImageFilter.GaussianBlur(2)).resize(image.size, Image.Resampling.BILINEAR)
    return ImageMath.lambda_eval(lambda m: m["convert"](m["a"] * 255 / m["max"](m["b"], 1), "L"), a=image, b=paper)


def read_comparators(image: Any, words: list[dict[str, Any]]) -> None:
    """"≥" and "≤", which Tesseract `vie` reads as ">" and "<", put back where the glyph has its bar."""
    for w in words:
        if w["text"][:1] in "<>" and _underlined(image, w):
            w["text"] = {"<": "≤", ">": "≥"}[w["text"][0]] + w["text"][1:]


def _underlined(image: Any, w: dict[str, Any]) -> bool:
    """Whether the "<" or ">" Tesseract read opens a "≤" or "≥" (which `vie` cannot output): under the
    glyph, apart from it, a bar as wide as the glyph."""
    x0, top = int(w["x0"]), int(w["top"])
    crop = image.crop((x0 - 2, top - 2, int(w["x1"]) + 2, top + int(w["h"]) + 3))
    bw = crop.point(lambda v: 255 if v < _INK else 0)
    cw, ch = bw.size
    cols = bw.resize((cw, 1)).tobytes()
    inked = [k for k, v in enumerate(cols) if v > 10]
    if not inked or ch < 8:
        return False
    left = inked[0]
    right = left
    while right + 1 < cw and cols[right + 1] > 10:
        right += 1                                   # the first glyph: inked columns up to a gap
    glyph = bw.crop((left, 0, right + 1, ch))
    width = right + 1 - left
    rows = glyph.resize((1, ch)).tobytes()
    runs: list[list[int]] = []
    for y, v in enumerate(rows):
        if v > 10 and runs and runs[-1][-1] == y - 1:
            runs[-1].append(y)
        elif v > 10:
            runs.append([y])
    if len(runs) < 2:
        return False
    bar = glyph.crop((0, runs[-1][0], width, runs[-1][-1] + 1)).resize((width, 1)).tobytes()
    wide = sum(1 for v in bar if v > 60) >= 0.6 * width
    return wide and len(runs[-1]) <= 0.35 * (runs[-1][-1] + 1 - runs[0][0]) and width >= 4


def _words(data: dict[str, list[Any]], dx: int = 0, dy: int = 0) -> list[dict[str, Any]]:
    return [
        {"text": nfc(t), "x0": data["left"][i] + dx, "x1": data["left"][i] + data["width"][i] + dx,
         "top": data["top"][i] + dy, "h": data["height"][i], "conf": float(data["conf"][i]),
         "line": (data["block_num"][i], data["par_num"][i], data["line_num"][i])}
        for i, t in enumerate(data["text"]) if t.strip() and float(data["conf"][i]) > -1
    ]


MAX_REREAD_CELLS = 40


_PLAIN = re.compile(r"[\d.,%/]+|[^\W\d_]{2,3}")


def _reread_cells(image: Any, grids: list[Grid], words: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Cells the page's OCR left empty though inked, or filled with a scrap of one to three signs
    that is neither a figure nor a word ("x", "=5", "= Ø" for "2", "≥ 55", "≥ 3": short cells are
    hard to see among the page's text), are read again one by one, as a single line. A cell blank but for a
    speck Tesseract read as a sign ('-' of 2 by 2 pixels, 'l' of 6 by 1 in the empty cells of a two-row header,
    where the header's words then named the wrong columns) is left empty: its words, each smaller every way than
    a quarter of the page's text height, stand in under 40 pixels of ink (a hyphen or a full stop of the text
    is larger)."""
    cells: dict[tuple[int, int, int], list[dict[str, Any]]] = {}
    for w in words:
        for n, g in enumerate(grids):
            if (rc := _cell_of(g, w["top"] + w["h"] / 2, (w["x0"] + w["x1"]) / 2)) is not None:
                cells.setdefault((n, *rc), []).append(w)
    out = list(words)
    budget = MAX_REREAD_CELLS
    height = statistics.median(w["h"] for w in words) if words else 0
    for n, g in enumerate(grids):
        for r in range(len(g.ys) - 1):
            for c in range(len(g.xs) - 1):
                inside = cells.get((n, r, c), [])
                text = "".join(w["text"] for w in inside)
                if budget <= 0 or (inside and (len(text) > 3 or _PLAIN.fullmatch(text)
                                               or all(w.get("figure") for w in inside))):   # read by _reread_figures
                    continue
                box = (g.xs[c] + 6, g.ys[r] + 6, g.xs[c + 1] - 6, g.ys[r + 1] - 6)
                if box[2] - box[0] < 12 or box[3] - box[1] < 12:
                    continue
                crop = image.crop(box)
                if crop.point(lambda v: 255 if v < _INK else 0).histogram()[255] < 40:
                    if inside and all(max(w["x1"] - w["x0"], w["h"]) < _SPECK_SIZE * height for w in inside):
                        taken = {id(w) for w in inside}         # a speck read as a sign in a blank cell
                        out = [w for w in out if id(w) not in taken]
                    continue            # blank
                budget -= 1
                again = _words(_reread(crop, psm=7), box[0], box[1])
                if again:
                    taken = {id(w) for w in inside}
                    out = [w for w in out if id(w) not in taken] + again
    return out


_QUARTER = re.compile(r"[IVXlHh1|]{1,4}/(?:19|20)\d\d[.,;)]?")     # "III/2026": a quarter's numeral and its year
_QUARTER_SURE = 90.0
MAX_QUARTER_WORDS = 20


def _reread_quarters(image: Any, words: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """A quarter's Roman numeral with its year ("III/2026" after "Quý") the page's reading doubted is read again
    alone (its box, framed in white, one line): Tesseract counts the strokes of "III" wrong among a cell's or a
    line's other words ("II/2026" at 58 %, read alone "IH/2026" at 90 %, which deadlines count as III). The second
    reading is kept when it has the same shape, is surer and counts another numeral."""
    out = []
    budget = MAX_QUARTER_WORDS
    for w in words:
        if budget > 0 and _QUARTER.fullmatch(w["text"]) and float(w.get("conf", 100.0)) < _QUARTER_SURE:
            budget -= 1
            box = (int(w["x0"]) - 8, int(w["top"]) - 8, int(w["x1"]) + 8, int(w["top"] + w["h"]) + 8)
            again, lines = _read_ink(image, box)
            if lines == 1 and len(again) == 1 and _QUARTER.fullmatch(again[0]["text"]) \
                    and again[0]["conf"] > float(w["conf"]) and _strokes(again[0]["text"]) != _strokes(w["text"]):
                out.append(w | {"text": again[0]["text"], "conf": again[0]["conf"]})
                continue
        out.append(w)
    return out


def _strokes(word: str) -> str:
    """A quarter's numeral as deadlines count it ("IH", "III", "I1" -> "iii", "iii", "ii"): a second reading that
    counts the same is not taken (the page's "III" stays "III", not "IH")."""
    numeral = word.split("/")[0].lower()
    return numeral.replace("l", "i").replace("1", "i").replace("|", "i").replace("h", "ii")


_SPECK_SIZE = 0.25     # of the page's median word height: a word box smaller every way is a speck, not a glyph


MAX_FIGURE_CELLS = 30
_FIGURE = re.compile(r"[<>≤≥]?\d+(?:[.,]\d+)?%?")     # a cell's figure, spaces left out: "≥85", "5,2", "1.500", "100%"
_FIGURE_SIGNS = frozenset("0123456789<>≤≥%.,")
_FIGURE_SURE = 90.0     # a figure the page's reading gives this confidence stands (clean figures read 93-96)


def _reread_figures(image: Any, grids: list[Grid], words: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Figures of a table's cells that the page's reading doubted ("≥ 85" as "z85", "25" as "15" at 80 %, "55" as
    "8B"): a scan's specks and a tall cell's empty space mislead it. Such a cell (a short one mostly of a figure's
    signs, or two to four signs without a digit in a column of figures; not a row's label in the first column) is
    read again alone: specks filtered, cropped to its ink, framed in white, as one line. The second reading
    replaces the first only when it is a clean figure, read surer than the first when that was one too; otherwise
    the page's reading stands, and a clean figure is not read a third time by `_reread_cells` (its crop, specks
    and empty space included, gave "≥=95" for a "≥ 95" the page had read right)."""
    out = list(words)
    budget = MAX_FIGURE_CELLS
    for g in grids:
        cells = _cells(g, out)
        figures = _figure_columns(g, cells)
        for (r, c), inside in sorted(cells.items()):
            if c == 0:
                continue
            text = "".join(w["text"] for w in inside)
            doubt = min(float(w.get("conf", 0.0)) for w in inside)
            damaged = _figure_like(text) and not _FIGURE.fullmatch(text)
            unread = c in figures and r > 0 and 2 <= len(text) <= 4 and not any(ch.isdigit() for ch in text)
            if budget <= 0 or not (damaged or (doubt < _FIGURE_SURE and (_figure_like(text) or unread))) \
                    or max(w["top"] for w in inside) - min(w["top"] for w in inside) > 0.6 * max(w["h"] for w in inside):
                continue                # not a figure, or more than one line ("KH" over "2025")
            budget -= 1
            again = _read_figure(image, (g.xs[c] + 6, g.ys[r] + 6, g.xs[c + 1] - 6, g.ys[r + 1] - 6))
            if again and _FIGURE.fullmatch("".join(w["text"] for w in again)) and min(w["conf"] for w in again) > (
                    max(doubt, 60.0) if _FIGURE.fullmatch(text) else 60.0):
                taken = {id(w) for w in inside}
                out = [w for w in out if id(w) not in taken] + again
            elif _FIGURE.fullmatch(text):
                for w in inside:
                    w["figure"] = True          # read twice, the page's reading stands: not a third time
    return out


_GARBLED = 30.0     # a word read this unsure is no word ("ÁN" at 1 % for "2025")
MAX_HEAD_CELLS = 12


def _reread_heads(image: Any, grids: list[Grid], words: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """A table's header cells ("Kế hoạch 2025", "Mục tiêu 2030": they name the year of the figures below) holding a
    word the page's reading garbled (under 30 % sure: "Kế hoạch ÁN tác") are read again alone as a block of lines,
    specks filtered and cropped to their ink; the second reading replaces the first when none of its words is
    garbled and it is surer on average."""
    out = list(words)
    budget = MAX_HEAD_CELLS
    for g in grids:
        for (r, c), inside in sorted(_cells(g, out).items()):
            if r > 0 or budget <= 0 or min(float(w.get("conf", 100.0)) for w in inside) >= _GARBLED:
                continue
            budget -= 1
            again, _ = _read_ink(image, (g.xs[c] + 6, g.ys[r] + 6, g.xs[c + 1] - 6, g.ys[r + 1] - 6), psm=6)
            if again and min(w["conf"] for w in again) >= _GARBLED and statistics.fmean(
                    w["conf"] for w in again) > statistics.fmean(float(w.get("conf", 0.0)) for w in inside):
                taken = {id(w) for w in inside}
                out = [w for w in out if id(w) not in taken] + again
    return out


def _cells(g: Grid, words: list[dict[str, Any]]) -> dict[tuple[int, int], list[dict[str, Any]]]:
    cells: dict[tuple[int, int], list[dict[str, Any]]] = {}
    for w in sorted(words, key=lambda w: (w["top"], w["x0"])):
        if (rc := _cell_of(g, w["top"] + w["h"] / 2, (w["x0"] + w["x1"]) / 2)) is not None:
            cells.setdefault(rc, []).append(w)
    return cells


def _figure_like(text: str) -> bool:
    """'z85', '≥Ø5', '8B', '15': up to eight signs, a digit among them, half of them a figure's."""
    return 0 < len(text) <= 8 and any(ch.isdigit() for ch in text) \
        and 2 * sum(ch in _FIGURE_SIGNS for ch in text) >= len(text)


def _figure_columns(g: Grid, cells: dict[tuple[int, int], list[dict[str, Any]]]) -> set[int]:
    """Columns whose cells below the first row are figures: at least two, and half of those not empty. Not the
    first, which holds the rows' labels ("1", "II", "B") or names."""
    out = set()
    for c in range(1, len(g.xs) - 1):
        texts = ["".join(w["text"] for w in ws) for (r, k), ws in cells.items() if k == c and r > 0]
        clean = sum(1 for t in texts if _FIGURE.fullmatch(t))
        if clean >= 2 and 2 * clean >= len(texts):
            out.add(c)
    return out


def _read_figure(image: Any, box: tuple[int, int, int, int]) -> list[dict[str, Any]]:
    """The words of a cell read alone as one line, specks filtered and cropped to its ink; [] when blank, or when
    its ink stands in more than one line ("KH" over "2025": read as one line, "2025" at 94 %)."""
    words, lines = _read_ink(image, box)
    return [w | {"figure": True} for w in words] if lines == 1 else []


def _read_ink(image: Any, box: tuple[int, int, int, int], psm: int = 7) -> tuple[list[dict[str, Any]], int]:
    """The words of a box read alone, specks filtered and cropped to its ink, and how many lines the ink stands
    in (bands of inked rows apart by blank ones); [], 0 when blank."""
    from PIL import ImageFilter, ImageOps

    if box[2] - box[0] < 12 or box[3] - box[1] < 12:
        return [], 0
    cell = image.crop(box).filter(ImageFilter.MedianFilter(3))
    bw = cell.point(lambda v: 255 if v < _INK else 0)
    ink = bw.getbbox()
    if not ink:
        return [], 0
    width, pixels = ink[2] - ink[0], bw.crop(ink).tobytes()
    rows = [any(pixels[y * width:(y + 1) * width]) for y in range(ink[3] - ink[1])]
    lines = 1 + sum(1 for k in range(1, len(rows)) if rows[k] and not rows[k - 1])
    framed = ImageOps.expand(cell.crop(ink), border=20, fill=255)
    return _words(_reread(framed, psm=psm), box[0] + ink[0] - 20, box[1] + ink[1] - 20), lines


_LABEL = re.compile(r"(\d{1,3}(\.\d{1,2})*\.?|[IVX]{1,5}\.?|S?TT)")
_LABEL_CHARS = "0123456789.IVXST"


def _reread_labels(image: Any, grids: list[Grid], words: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """A narrow first column holds row labels ("12.", "II.", "TT"), which the Vietnamese model
    misreads ("2." as "VÀ", "3." as "5.", "II" as "H"): each is read again alone, despeckled and
    framed, by the Latin model restricted to label characters, full size then half size. The first
    reading that is a label replaces the page's when that was none or has the same shape (the
    Latin model drops digits and dots of long labels: "11.11" as "1")."""
    from PIL import ImageFilter

    out = list(words)
    for g in grids:
        if len(g.xs) < 4 or (g.xs[1] - g.xs[0]) > 0.15 * (g.xs[-1] - g.xs[0]):
            continue
        for r in range(len(g.ys) - 1):
            inside = [w for w in out if _cell_of(g, w["top"] + w["h"] / 2, (w["x0"] + w["x1"]) / 2) == (r, 0)]
            if not inside:
                continue
            text = "".join(w["text"] for w in sorted(inside, key=lambda w: (w["top"], w["x0"])))
            box = (g.xs[0] + 5, g.ys[r] + 5, g.xs[1] - 4, g.ys[r + 1] - 4)
            cell = image.crop(box).filter(ImageFilter.MedianFilter(3))
            for label in _label_readings(cell):
                if _LABEL.fullmatch(label) and (not _LABEL.fullmatch(text) or _shape(label) == _shape(text)):
                    taken = {id(w) for w in inside}
                    out = [w for w in out if id(w) not in taken]
                    out.append({"text": label, "x0": box[0], "x1": box[0] + 10, "top": box[1], "h": 20})
                    break
    return out


def _label_readings(cell: Any, frame: bool = True) -> Iterator[str]:
    """A label's cell read again as one line by the Latin model restricted to label characters, full size then half
    size (a label the model misses at one size it may read at the other), framed in white unless it already is: the
    readings in turn, so a caller that takes the first good one leaves the second unread."""
    from PIL import Image, ImageOps

    for scale in (1.0, 0.5):
        sized = cell if scale == 1 else cell.resize(
            (max(int(cell.size[0] * scale), 1), max(int(cell.size[1] * scale), 1)), Image.Resampling.LANCZOS)
        framed = ImageOps.expand(sized, border=20, fill=255) if frame else sized
        yield "".join(t.strip() for t in _reread(framed, psm=7, lang="eng", chars=_LABEL_CHARS)["text"])


def _shape(label: str) -> str:
    """'11.3' and '11.5' have one shape, '11.1' and '131' or '11.2' and 'I' do not; 'I' and '1' do."""
    label = label.rstrip(".")
    return "I" if label == "1" else re.sub(r"\d+", "9", re.sub(r"[IVX]+", "I", label))


def _cell_of(g: Grid, cy: float, cx: float) -> tuple[int, int] | None:
    r = next((k for k in range(len(g.ys) - 1) if g.ys[k] <= cy < g.ys[k + 1]), None)
    c = next((k for k in range(len(g.xs) - 1) if g.xs[k] <= cx < g.xs[k + 1]), None)
    return None if r is None or c is None else (r, c)


def _reread(image: Any, psm: int = 7, lang: str = "vie", chars: str = "") -> dict[str, list[Any]]:
    """A cell read again, or nothing when Tesseract fails on it (a sliver it cannot scale: "Image too small to
    scale!! (2x36 vs min width of 3)", seen on a damaged scan) or runs out of time: the page's reading stands."""
    try:
        return tesseract_words(image, psm, lang, chars)
    except RuntimeError:                    # pytesseract's TesseractError and its time-out
        return {"text": []}


def tesseract_words(image: Any, psm: int = 4, lang: str = "vie", chars: str = "") -> dict[str, list[Any]]:
    """Tesseract's word boxes (TSV as columns) for a greyscale image; page segmentation 4 (a column
    of text of variable sizes) for a page, 7 (one line) for a cell; `chars` restricts the characters."""
    import pytesseract

    config = f"--psm {psm}" + (f" -c tessedit_char_whitelist={chars}" if chars else "")
    data: dict[str, list[Any]] = pytesseract.image_to_data(
        image, lang=lang, config=config, output_type=pytesseract.Output.DICT, timeout=OCR_TIMEOUT_PER_PAGE)
    return data


@dataclass
class Grid:
    """A ruled table on a page: y of its horizontal rulings, x of its column rulings, and for each
    row the columns a ruling closes on its right (a merged cell lacks the ones it spans)."""

    ys: list[int]
    xs: list[int]
    closed: list[set[int]] = field(default_factory=list)


_INK = 150            # grey level below which a pixel is ink
_SEG = 24             # width (px) of the slices a horizontal ruling darkens all along


def _runs(values: list[float], dark: float) -> list[int]:
    """Centres of consecutive positions whose value is below `dark`."""
    out: list[int] = []
    start = None
    for i, v in enumerate([*values, 255.0]):
        if v < dark and start is None:
            start = i
        elif v >= dark and start is not None:
            out.append((start + i - 1) // 2)
            start = None
    return out


def skew_angle(image: Any) -> float:
    """The rotation (degrees) that makes the page's lines of text and rulings horizontal: the angle
    whose row profile is the most contrasted (projection profile), coarse then fine, within ±2° (±5°
    when the best within ±2° is at its edge).
    (Refining it on a half-size page, 0.02° steps, was measured: no better on 40 scanned annex pages,
    a different handful of OCR slips, 0.7 s more a page; a residual tilt is met where it matters, in
    `_rulings_x`.)"""
    from PIL import Image

    small = image.reduce(4) if min(image.size) > 800 else image

    def contrast(angle: float) -> float:
        turned = small.rotate(angle, resample=Image.Resampling.BILINEAR, fillcolor=255)
        rows = list(turned.resize((1, turned.size[1]), Image.Resampling.BOX).tobytes())
        return float(statistics.pvariance(rows))

    best = max((k * 0.25 for k in range(-8, 9)), key=contrast)
    if abs(best) >= 2:              # turned further (a page laid askew on the glass, a photo): on, to 5°
        best = max((k * 0.25 for k in range(-20, 21)), key=contrast)
    return max((best + k * 0.05 for k in range(-4, 5)), key=contrast)


def deskew(image: Any) -> Any:
    from PIL import Image

    angle = skew_angle(image)
    return image if abs(angle) < 0.05 else image.rotate(angle, resample=Image.Resampling.BICUBIC, fillcolor=255)


def _rulings_y(bw: Any) -> list[int]:
    """Rows of pixels dark in at least 30% of the page's slices: horizontal rulings, wherever the table sits."""
    from PIL import Image

    w, h = bw.size
    n = max(w // _SEG, 1)
    slices = bw.resize((n, h), Image.Resampling.BOX).tobytes()
    ruled = [0.0 if sum(1 for v in slices[y * n:(y + 1) * n] if v < 96) >= 0.3 * n else 255.0 for y in range(h)]
    ys: list[int] = []
    for y in _runs(ruled, 128.0):
        if ys and y - ys[-1] < 12:
            continue               # a thick or doubled ruling
        ys.append(y)
    return ys


def _rulings_x(bw: Any, top: int, bottom: int) -> list[int]:
    """Columns of pixels inked over nearly the whole height of one row: its vertical rulings."""
    from PIL import Image

    if bottom - top < 14:
        return []
    if bottom - top > 400:
        # a tall row: a ruling a scan bowed or tilted drifts across pixel columns down the row, so it is
        # followed slice by slice (within 4 px from one to the next, one slice may miss it)
        cuts = [top + (bottom - top) * k // ((bottom - top) // 200) for k in range((bottom - top) // 200 + 1)]
        chains: list[list[int]] = []
        for n, (a, b) in enumerate(itertools.pairwise(cuts)):
            for x in _rulings_x(bw, a - 5, b + 4):
                chain = next((c for c in chains if abs(c[-1] - x) <= 4 and len(c) >= n - 1), None)
                if chain is not None:
                    chain.append(x)
                elif n <= 1:
                    chains.append([x])
        return sorted(statistics.median_low(c) for c in chains if len(c) >= len(cuts) - 2)
    band = bw.crop((0, top + 5, bw.size[0], bottom - 4))
    profile = band.resize((band.size[0], 1), Image.Resampling.BOX).tobytes()
    return _runs([float(v) for v in profile], 40.0)


def find_grids(image: Any) -> list[Grid]:
    """Ruled tables: horizontal rulings, then in each row between two of them its vertical rulings;
    consecutive rows with at least two verticals form one table (a page may hold several)."""
    bw = image.point(lambda v: 0 if v < _INK else 255)
    light = image.point(lambda v: 0 if v < 200 else 255)      # a scanned hairline is grey: count it as ink
    ys = _rulings_y(bw)
    grids: list[Grid] = []
    run: list[tuple[int, int, list[int]]] = []
    for top, bottom in [*itertools.pairwise(ys), (0, 0)]:
        xs = _rulings_x(light, top, bottom) if bottom else []
        if len(xs) >= 2 and (not run or run[-1][1] == top):
            run.append((top, bottom, xs))
            continue
        if run:
            grids.append(_grid(run))
        run = [(top, bottom, xs)] if len(xs) >= 2 else []
    grids = [g for g in grids if not _letter_strip(g)]
    for g in grids:
        _open_ends(light, g)
    return grids


def _letter_strip(g: Grid) -> bool:
    """Whether a 'grid' of one row is a line of bold capitals (a heading over a table without rules): its tops
    and its baseline dark in enough of the page's slices to pass for rulings, its letters' stems, spanning the
    strip between them, for verticals. A table's cells are wider than a letter: eight verticals or more standing
    closer on median than the row is tall are letters' stems."""
    if len(g.ys) != 2 or len(g.xs) < 8:
        return False
    return statistics.median(b - a for a, b in itertools.pairwise(g.xs)) < g.ys[1] - g.ys[0]


def _open_ends(light: Any, g: Grid) -> None:
    """A row broken by the page has no ruling on the page's edge: where the table's outer verticals
    run on beyond its first or last ruling, the row is there all the same, closed where they end."""
    from PIL import Image

    def ink_run(x: int, y: int, step: int) -> int:
        band = light.crop((x - 3, 0, x + 4, light.size[1])).resize((1, light.size[1]), Image.Resampling.BOX)
        column = band.tobytes()
        n = 0
        while 0 <= y + step * (n + 1) < len(column) and column[y + step * (n + 1)] < 160:
            n += 1
        return n

    for step in (1, -1):
        edge = g.ys[-1] if step == 1 else g.ys[0]
        reach = min(ink_run(g.xs[0], edge, step), ink_run(g.xs[-1], edge, step))
        if reach < 40:
            continue
        end = edge + step * reach
        top, bottom = (edge, end) if step == 1 else (end, edge)
        xs = _rulings_x(light, top, bottom)
        closed = {k for k, x in enumerate(g.xs) if any(abs(x - v) <= 12 for v in xs)} | {0, len(g.xs) - 1}
        if step == 1:
            g.ys.append(end)
            g.closed.append(closed)
        else:
            g.ys.insert(0, end)
            g.closed.insert(0, closed)


def _grid(rows: list[tuple[int, int, list[int]]]) -> Grid:
    """Column rulings are those found in at least a quarter of the rows (within 12 px). In a table of three rows or
    more, a row with two verticals or more that no other row has is a strip of text cut off by a false horizontal
    ruling (a header line's baseline or underline, dark in 30 % of the page's slices), whose letters' strokes passed
    for verticals ('T', 'h', 'l' spanning the strip): it joins the row below (above, when last) and its verticals
    count for nothing; they became columns all down the table, and erasing them cut stripes through every cell
    (a scanned annex: 19 columns for 5, 'Xây clựng, cập nhật ›y sỏ dữ liệu đất ai')."""
    k = 0
    while len(rows) >= 3 and k < len(rows):
        others = [x for n, (_t, _b, xs) in enumerate(rows) if n != k for x in xs]
        if sum(1 for x in rows[k][2] if all(abs(x - v) > 12 for v in others)) >= 2:
            top, bottom, _xs = rows.pop(k)
            if k < len(rows):
                rows[k] = (top, rows[k][1], rows[k][2])
            else:
                rows[k - 1] = (rows[k - 1][0], bottom, rows[k - 1][2])
            continue
        k += 1
    found = sorted(x for _t, _b, xs in rows for x in xs)
    clusters: list[list[int]] = []
    for x in found:
        if clusters and x - clusters[-1][-1] <= 12:
            clusters[-1].append(x)
        else:
            clusters.append([x])
    keep = [c for c in clusters if len(c) >= max(1, len(rows) // 4)]
    cols = [sum(c) // len(c) for c in keep]
    closed = [{k for k, x in enumerate(cols) if any(abs(x - v) <= 12 for v in xs)} for _t, _b, xs in rows]
    return Grid([rows[0][0], *(b for _t, b, _xs in rows)], cols, closed)


def erase_rulings(image: Any, grids: list[Grid]) -> Any:
    from PIL import ImageDraw

    img = image.copy()
    draw = ImageDraw.Draw(img)
    for g in grids:
        for y in g.ys:
            draw.rectangle([g.xs[0] - 4, y - 4, g.xs[-1] + 4, y + 4], fill=255)
        for x in g.xs:
            draw.rectangle([x - 4, g.ys[0] - 4, x + 4, g.ys[-1] + 4], fill=255)
    return img


def place_grids(words: list[dict[str, Any]], grids: list[Grid]) -> list[str]:
    """Words inside a ruled grid go to their cell (a merged cell's text to its first column); the
    rest become lines; both in page order."""
    pieces: list[tuple[float, list[str]]] = []
    rest = list(words)
    for g in grids:
        ys, xs = g.ys, g.xs
        cells: list[list[list[dict[str, Any]]]] = [[[] for _ in range(len(xs) - 1)] for _ in range(len(ys) - 1)]
        inside: list[dict[str, Any]] = []
        for w in rest:
            rc = _cell_of(g, w["top"] + w["h"] / 2, (w["x0"] + w["x1"]) / 2)
            if rc is not None:
                cells[rc[0]][rc[1]].append(w)
                inside.append(w)
        taken = {id(w) for w in inside}
        rest = [w for w in rest if id(w) not in taken]
        rows = [_merge_spanned(row, g.closed[r] if r < len(g.closed) else set(range(len(xs))))
                for r, row in enumerate(cells)]
        pieces.append((ys[0], ["", *_pipe_rows([[_cell_text(c) for c in r] for r in rows if any(r)]), ""]))
    if rest:
        pieces.extend(_line_pieces(rest))
    pieces.sort(key=lambda p: p[0])
    return [line for _, chunk in pieces for line in chunk]


def _merge_spanned(row: list[list[dict[str, Any]]], closed: set[int]) -> list[list[dict[str, Any]]]:
    """A cell spanning several columns (no ruling between them) keeps all its words in its first column."""
    out: list[list[dict[str, Any]]] = [list(c) for c in row]
    first = 0
    for c in range(1, len(row)):
        if c in closed:
            first = c
        else:
            out[first].extend(out[c])
            out[c] = []
    return out


def _cell_text(words: list[dict[str, Any]]) -> str:
    """A cell's words in reading order: lines by vertical centre (a dash or a dot is short, its top is
    not the line's top), each line left to right."""
    if not words:
        return ""
    height = statistics.median(w["h"] for w in words) or 10
    lines: list[tuple[float, list[dict[str, Any]]]] = []
    for w in sorted(words, key=lambda w: w["top"] + w["h"] / 2):
        centre = w["top"] + w["h"] / 2
        if lines and abs(lines[-1][0] - centre) < max(height, 8) * 0.5:
            lines[-1][1].append(w)
        else:
            lines.append((centre, [w]))
    text = "\n".join(" ".join(x["text"] for x in sorted(line, key=lambda w: w["x0"])) for _c, line in lines)
    return _rejoin(text).replace("\n", " ")


def _visual_lines(words: list[dict[str, Any]]) -> list[list[dict[str, Any]]]:
    """Word boxes grouped into visual lines by vertical centre: a bullet dash is short and sits
    mid-line, so its top is far below the line's top but its centre is not."""
    height = statistics.median(w["h"] for w in words) or 10
    lines: list[list[dict[str, Any]]] = []
    centre = 0.0
    for w in sorted(words, key=lambda w: (w["top"] + w["h"] / 2, w["x0"])):
        c = w["top"] + w["h"] / 2
        if lines and abs(c - centre) < height * 0.5:
            lines[-1].append(w)
        else:
            lines.append([w])
            centre = c
    return lines


def words_to_lines(words: list[dict[str, Any]]) -> list[str]:
    """Group word boxes into visual lines, then rebuild tables from column gaps."""
    return [line for _top, chunk in _line_pieces(words) for line in chunk]


def _line_pieces(words: list[dict[str, Any]]) -> list[tuple[float, list[str]]]:
    """(top, lines) of each text line or rebuilt table: a table folds several visual lines into its
    rows, so its lines keep the top of its first visual line, and page order stays right."""
    if not words:
        return []
    height = statistics.median(w["h"] for w in words) or 10
    rows = _visual_lines(words)
    tops = [min(w["top"] for w in r) for r in rows]
    cells_per_row = [_split_cells(sorted(r, key=lambda w: w["x0"]), height) for r in rows]
    return [(tops[i], chunk) for i, chunk in _row_chunks(cells_per_row, height)]


def _split_cells(row: list[dict[str, Any]], height: float) -> list[tuple[float, str]]:
    cells: list[tuple[float, list[str]]] = []
    last_x1 = None
    for w in row:
        if last_x1 is None or w["x0"] - last_x1 > height * 1.6:
            cells.append((w["x0"], [w["text"]]))
        else:
            cells[-1][1].append(w["text"])
        last_x1 = w["x1"]
    return [(x, " ".join(ws)) for x, ws in cells]


def _row_chunks(rows: list[list[tuple[float, str]]], height: float) -> list[tuple[int, list[str]]]:
    """(first row, lines): runs of multi-cell rows become pipe tables; a row whose first column is
    empty continues the cell above; any other row is a line."""
    out: list[tuple[int, list[str]]] = []
    i = 0
    while i < len(rows):
        j = i
        while j < len(rows) and (len(rows[j]) >= 3 or (j > i and len(rows[j]) >= 1 and rows[j][0][0] > rows[i][0][0]
                                                         + height * 2)):
            j += 1
        if j - i >= 2:
            out.append((i, _table_from_rows(rows[i:j], height)))
            i = j
            continue
        out.append((i, [" ".join(text for _, text in rows[i])]))
        i += 1
    return out


def _table_from_rows(rows: list[list[tuple[float, str]]], height: float) -> list[str]:
    widest = max(rows, key=len)
    columns = [x for x, _ in widest]
    logical: list[list[str]] = []
    for row in rows:
        cells = [""] * len(columns)
        for x, text in row:
            col = min(range(len(columns)), key=lambda c: abs(columns[c] - x) if columns[c] <= x + height * 2
                      else 1e9 + abs(columns[c] - x))
            cells[col] = (cells[col] + " " + text).strip()
        starts_row = bool(cells[0]) or not logical
        if starts_row:
            logical.append(cells)
        else:
            logical[-1] = [(a + " " + b).strip() for a, b in zip(logical[-1], cells, strict=True)]
    return ["", *_pipe_rows(logical), ""]


# --- tables without ruling lines, from exact word positions (a text PDF) ------------------------

_FOOT = re.compile(r"\s*(?:[Tt]rang\s+\d{1,3}(?:\s*/\s*\d{1,3})?|-\s*\d{1,3}\s*-)\s*")
_ROW_LABEL = re.compile(r"\d{1,3}(\.\d{1,2})*\.?|[IVXL]{1,5}\.?|[a-zđ]\)|[A-ZĐ]\.?|S?TT")
_HEAD_WORDS = re.compile(r"\bs?tt\b|chu tri|phoi hop|thoi gian|thoi han|tien do|chi tieu|nhiem vu|noi dung|ket qua"
                         r"|san pham|don vi|kinh phi|lo trinh")


@dataclass
class Columns:
    """The columns (strips of white between them) of the table a page ends in, and the page's width: the next
    page's rows, when its table runs on without its header, stand in those columns (`borderless_lines`)."""
    rivers: list[tuple[float, float]] = field(default_factory=list)
    width: float = 0.0


def borderless_lines(words: list[dict[str, Any]], gutter: float = 0.45, columns: Columns | None = None,
                     page_width: float = 0.0) -> list[str]:
    """The lines of a page without ruling lines, whose tables are rebuilt from word positions: a table is
    a run of lines split into three or more columns by vertical strips of white that no line crosses
    (a merged group row that opens with its label may cross them); a row starts where the first
    column has text. Elsewhere, the words' lines as they stand, and so are the lines left when the
    search has taken PDF_PAGE_SECONDS (a crafted page strewn with words: the search is quadratic). `gutter`:
    the narrowest strip of white between columns, in the type's height (a scan's word boxes leave wider word
    spaces than a PDF's); words flagged "speck" (`_mark_specks`) do not close a strip. `columns` (pages read in
    turn): in, the columns of the table the page before ended in, on a page `page_width` wide; out, those of the
    table this page ends in (none when it ends otherwise)."""
    carried = columns.rivers if columns and columns.width == page_width else []
    if columns:
        columns.rivers, columns.width = [], page_width
    words = [w for w in words if all(math.isfinite(w[key]) for key in ("x0", "x1", "top", "h"))]
    if not words:
        return []
    height = statistics.median(w["h"] for w in words) or 10
    lines = [_unspecked(sorted(line, key=lambda w: w["x0"]), gutter * height) for line in _visual_lines(words)]
    # the page's number at its foot ("Trang 3/5", "- 3 -") is no row's: a table that runs down to the
    # foot would take it for the rest of a cell standing above it
    foot = [" ".join(w["text"] for w in lines.pop())] if len(lines) > 1 and _FOOT.fullmatch(
        " ".join(w["text"] for w in lines[-1])) else []
    words = [w for line in lines for w in line]
    left = min(w["x0"] for w in words)
    width = max(w["x1"] for w in words) - left
    out: list[str] = []
    k = 0
    started = time.thread_time()
    frame = _frame(lines, height)
    while k < len(lines):
        if time.thread_time() - started > PDF_PAGE_SECONDS:    # words strewn over a crafted page: lines as they stand
            out.extend(" ".join(w["text"] for w in line) for line in lines[k:])
            break
        found = _borderless_table(lines, k, height, width, frame, gutter)
        if carried and k == len(out) and k <= MAX_RUNNING_LINES and (
                k == 0 or all(_running_line(line, lines[k]) for line in lines[:k])):
            found = _run_on_table(lines, k, height, carried, found) or found
        if found is None:
            out.append(" ".join(w["text"] for w in lines[k]))
            k += 1
            continue
        rows, rivers, after = found
        if columns and after == len(lines):
            columns.rivers = rivers
        if k and len(out) == k:
            # the page opens with the rest of a row the page above began (and maybe more rows): lines
            # within the columns, after the page number or a running header (the plan's number and title, in a
            # type smaller than the table's)
            first = 1 if re.fullmatch(r"\W*\d{1,3}\W*", " ".join(w["text"] for w in lines[0])) or (
                statistics.median(w["h"] for w in lines[0])
                < 0.9 * statistics.median(w["h"] for line in lines[k:after] for w in line)) else 0
            top, stop = _walk(lines, first, after, rivers)
            if stop == after and len(top) > len(rows):
                rows = top
                del out[first:]
        out.extend(["", *_pipe_rows(_split_labels(rows)), ""])
        k = after
    return out + foot


def _header_line(chunks: list[list[dict[str, Any]]]) -> bool:
    """A table's header line in its chunks of words (the cells the gutters part): two of a plan table's column
    names or more ('STT', 'Nội dung', 'Đơn vị chủ trì' …), in half of its cells at least ('TT' aside), so that a
    justified line of prose, whose wide word spaces part it into single words, is none."""
    from .fold import fold

    names = [set(_HEAD_WORDS.findall(fold(" ".join(w["text"] for w in c)))) for c in chunks]
    rest = [n for c, n in zip(chunks, names, strict=True)
            if not re.fullmatch(r"S?TT", " ".join(w["text"] for w in c).upper())]
    return len(set().union(*names)) >= 2 and 2 * sum(1 for n in rest if n) >= len(rest)


def _running_line(line: list[dict[str, Any]], below: list[dict[str, Any]]) -> bool:
    """A line a page opens with above the rest of a table: its number, or a running header (the plan's number
    and title) in a type smaller than the line below it."""
    return bool(re.fullmatch(r"\W*\d{1,3}\W*", " ".join(w["text"] for w in line)) or _FOOT.fullmatch(
        " ".join(w["text"] for w in line))) or statistics.median(w["h"] for w in line) < 0.9 * statistics.median(
        w["h"] for w in below)


def _run_on_table(lines: list[list[dict[str, Any]]], k: int, height: float, carried: list[tuple[float, float]],
                  found: tuple[list[list[str]], list[tuple[float, float]], int] | None,
                  ) -> tuple[list[list[str]], list[tuple[float, float]], int] | None:
    """The rows a page opens with (lines[k] on) read in the columns of the table the page before ended in, when
    that table runs on without its header (a word processor's table whose header row is not repeated): its rows
    on this page may be too few to part every column by themselves (one row, a column of sparse marks 'x'), so
    the columns they fit are the page before's. Each strip of white between them keeps the part this page's
    words leave white (a cell's text may reach further into it than the page before's did), a third of a
    letter's height at least; the rows run while every strip stays open (a group's title after its label may
    cross them: a merged row) and no line is prose; at least one line fills three columns, and no line is a
    header (a new table's). None when the page does not open so."""
    from .fold import fold

    if not _numbered(lines[k][0]["text"]) and len(set(_HEAD_WORDS.findall(
            fold(" ".join(w["text"] for w in lines[k]))))) >= 2:
        return None                         # a header: a table of its own
    span = carried[-1][1] - carried[0][0]
    pitch = statistics.median([b[0]["top"] - a[0]["top"] for a, b in itertools.pairwise(lines[k:])] or [height])
    rivers = list(carried)
    end = k
    for m in range(k, len(lines) if found is None else found[2]):
        line = lines[m]
        if m > k and line[0]["top"] - lines[m - 1][0]["top"] > max(3 * pitch, 4 * height):
            break
        narrowed = [_white_part(r, line, 0.33 * height) for r in rivers]
        if all(narrowed):
            rivers = [r for r in narrowed if r]
        elif not (_is_label(line[0]["text"]) and len(line) > 1 and line[0]["x1"] < sum(rivers[0]) / 2
                  and line[-1]["x1"] - line[0]["x0"] < 0.7 * span):
            break
        end = m + 1
    if found is not None and end < found[2]:
        return None                         # the page's own table reaches past the old columns: its own
    if not any(len([c for c in _line_cells(line, rivers) or [] if c]) >= 3 for line in lines[k:end]):
        return None
    rows, stop = _walk(lines, k, end, rivers)
    if not rows or (found is not None and len(found[1]) > len(rivers)):
        return None
    return _aligned_rows(lines[k:stop], rivers, height) or rows, rivers, stop


def _white_part(river: tuple[float, float], line: list[dict[str, Any]], least: float) -> tuple[float, float] | None:
    """The widest part of a strip of white that the line's words (specks aside) leave white, or None when none is
    `least` wide."""
    a, b = river
    parts = [(a, b)]
    for w in line:
        if w.get("speck"):
            continue
        parts = [p for x, y in parts for p in ((x, min(y, w["x0"])), (max(x, w["x1"]), y)) if p[1] - p[0] > 0]
    best = max(parts, key=lambda p: p[1] - p[0], default=None)
    return best if best and best[1] - best[0] >= least else None


_MERGED_HEAD = re.compile(r"(S?TT)\s+(\S.*)", re.S)
_LABEL_START = r"(\d{1,3}(?:\.\d{1,2})*\.?|[IVXL]{1,5}\.|[a-zđ]\))"
_MERGED_LABEL = re.compile(_LABEL_START + r"(?:\s*[-_.,:;'`‘’]+)?\s+(\S.*)|" + _LABEL_START, re.S)


def _split_labels(rows: list[list[str]]) -> list[list[str]]:
    """A table whose label column ran into the next one (a narrow gutter after 'TT' that a scan's word spaces
    fill): its header's first cell is 'TT' and a title ('TT Sản phẩm'), its rows' first cells a number and text
    ('2 Ứng dụng', '3 - Nền tảng': a speck after the number). The label is a column of its own again, and as in
    any table with one, a row starts at its label: a line whose first cell holds no number ends the row above
    (the header's second line, 'đầu ra' under 'Sản phẩm', ends the header)."""
    if len(rows) < 2 or not (head := _MERGED_HEAD.fullmatch(rows[0][0].strip())):
        return rows
    out = [[head.group(1), head.group(2), *rows[0][1:]]]
    for row in rows[1:]:
        m = _MERGED_LABEL.fullmatch(row[0].strip())
        if m:
            out.append([m.group(1) or m.group(3), m.group(2) or "", *row[1:]])
        else:
            out[-1] = [*out[-1][:1], *(f"{x}\n{c}".strip() for x, c in zip(out[-1][1:], [row[0], *row[1:]], strict=True))]
    return out


def _unspecked(line: list[dict[str, Any]], gap: float) -> list[dict[str, Any]]:
    """A line without the specks (`_mark_specks`) standing apart at its ends: a scrap of a rule or dust read as
    marks ('"¬' before 'PHỤ LỤC') is no part of its text, and a heading it opens is no longer seen as one."""
    while len(line) > 1 and line[0].get("speck") and line[1]["x0"] - line[0]["x1"] > gap:
        line = line[1:]
    while len(line) > 1 and line[-1].get("speck") and line[-1]["x0"] - line[-2]["x1"] > gap:
        line = line[:-1]
    return line


def _line_cells(line: list[dict[str, Any]], rivers: list[tuple[float, float]]) -> list[str] | None:
    """A line's words by the columns the rivers part, or None when a word crosses the middle of one."""
    if any(w["x0"] < (a + b) / 2 < w["x1"] and not w.get("speck") for w in line for a, b in rivers):
        return None
    cells: list[list[str]] = [[] for _ in range(len(rivers) + 1)]
    for w in line:
        centre = (w["x0"] + w["x1"]) / 2
        cells[sum(1 for a, b in rivers if centre > (a + b) / 2)].append(w["text"])
    return [" ".join(c) for c in cells]


def _chunks(line: list[dict[str, Any]], gap: float) -> list[list[dict[str, Any]]]:
    out: list[list[dict[str, Any]]] = []
    for w in line:
        if out and w["x0"] - out[-1][-1]["x1"] < gap:
            out[-1].append(w)
        else:
            out.append([w])
    return out


def _is_label(text: str) -> bool:
    return bool(_ROW_LABEL.fullmatch(text.strip()))


def _numbered(text: str) -> bool:
    """A row's label: a number, a Roman numeral, a letter ('TT', 'STT' head a table's header)."""
    return _is_label(text) and not re.fullmatch(r"S?TT", text.strip())


def _frame(lines: list[list[dict[str, Any]]], height: float) -> tuple[float, float, float]:
    """The lines' pitch (median), left edge and width."""
    pitch = statistics.median([b[0]["top"] - a[0]["top"] for a, b in itertools.pairwise(lines)] or [height * 1.5])
    left = min(w["x0"] for line in lines for w in line)
    return pitch, left, max(w["x1"] for line in lines for w in line) - left


def _borderless_table(lines: list[list[dict[str, Any]]], k: int, height: float, page_width: float,
                      frame: tuple[float, float, float] | None = None, gutter: float = 0.45,
                      ) -> tuple[list[list[str]], list[tuple[float, float]], int] | None:
    """The rows of a table whose first line is lines[k], the strips of white between its columns and the
    index of the line after it; None when no table starts there. The table grows line by line while
    its strips of white stay open: a strip that three lines have words just right of is a column's
    edge, and a line that closes one is past the table (prose, a title, the next table's header).
    A title or a merged cell may cross the columns: one chunk (after its label), a quarter of the
    table wide, is left out of the strips and judged when the rows are read."""
    from .fold import fold

    # a strip of white 0.45 of the type's height wide parts columns (a word space is about 0.25; a cell's padding
    # of 1 mm a side leaves 0.5 of a 10.5 pt type), of the table's own type where it is smaller than the page's
    # (tables are often set a size or two below the body)
    gap = gutter * min(height, statistics.median(w["h"] for w in lines[k]))
    if len(_chunks(lines[k], gap)) < 3:
        return None
    pitch, left, span = frame or _frame(lines, height)
    if not 0 <= span < 20_000:              # words far off any page (a crafted PDF): no table
        return None
    covered = bytearray(int(span) + 2)
    solid: list[list[dict[str, Any]]] = []
    edges: list[tuple[float, float]] = []

    def runs(cover: bytearray) -> list[tuple[float, float]]:
        out: list[tuple[float, float]] = []
        start, inked = None, False
        for x, c in enumerate(cover):
            if c:
                if start is not None and inked and x - start >= gap:
                    out.append((left + start, left + x))
                start, inked = None, True
            elif start is None:
                start = x
        return out

    def starts_after(river: tuple[float, float], among: list[list[dict[str, Any]]]) -> int:
        return sum(1 for line in among if any(river[1] - 1 <= w["x0"] <= river[1] + 2 * height for w in line))

    head = _chunks(lines[k], gap)
    head_gaps = [(a[-1]["x1"], b[0]["x0"]) for a, b in itertools.pairwise(head)]
    end = k
    for m in range(k, len(lines)):
        line = lines[m]
        chunks = _chunks(line, gap)
        if m > k:
            if len(chunks) == 1 and line[-1]["x1"] - line[0]["x0"] >= 0.7 * page_width and not any(
                    b - 1 <= line[0]["x0"] <= b + 2 * height for a, b in runs(covered)
                    if starts_after((a, b), solid) >= 2):
                break                                   # prose across the page, not a wide column's line
            if line[0]["top"] - lines[m - 1][0]["top"] > max(3 * pitch, 4 * height):
                break
            if m > k + 2 and len(chunks) >= 3 and not _numbered(line[0]["text"]) and \
                    len(set(_HEAD_WORDS.findall(fold(" ".join(w["text"] for w in line))))) >= 2:
                break                                   # another table's header (a row's cells may name a
                                                        # lead and its partners, 'Chủ trì: CA xã; phối hợp: …')
            body = line[1:] if _is_label(line[0]["text"]) and len(line) > 1 else line
            span = max(x for _a, x in edges) - min(x for x, _b in edges) if edges else page_width
            if len(_chunks(body, gap)) == 1 and (body[-1]["x1"] - body[0]["x0"] >= 0.25 * span or (
                    body is not line and any(body[0]["x0"] < a and b < body[-1]["x1"] for a, b in head_gaps))):
                end = m + 1                             # a title: across the page, or after its label across a
                continue                                # strip between the header's cells
        trial = bytearray(covered)
        for w in line:
            if w.get("speck"):
                continue
            a, b = int(w["x0"] - left), int(w["x1"] - left) + 1
            trial[a:b] = b"\x01" * (b - a)
        found = runs(trial)
        if any(not any(r[0] < e[1] and e[0] < r[1] for r in found) for e in edges):
            break
        covered = trial
        solid.append(line)
        end = m + 1
        edges = [r for r in found if starts_after(r, solid) >= 3]
    # a column's edge has words just right of it on two lines; a header's line counts twice (it names every
    # column once: a table at a page's foot may have only its header and a group's title above the break)
    heading = _header_line(head)
    rivers = [r for r in runs(covered) if starts_after(r, solid) + (heading and starts_after(r, solid[:1])) >= 2]
    if len(rivers) < 2:
        return None
    rows, stop = _walk(lines, k, end, rivers)
    if len(rows) < 2:
        return None
    return _aligned_rows(lines[k:stop], rivers, height) or rows, rivers, stop


def _aligned_rows(lines: list[list[dict[str, Any]]], rivers: list[tuple[float, float]],
                  height: float) -> list[list[str]] | None:
    """The rows of a table whose cells are centred (or bottom-aligned) in their rows, or None when its
    cells are top-aligned (`_walk` reads those). A row's label then sits mid-row, the lines above it
    are its own and not the row before's. The rows tile the table: a row centred on its label ends as
    far below the label's centre as it began above it, at a strip of white that crosses every column
    (the one nearest that point); bottom-aligned rows end at the first strip below their label. The
    alignment is the one under which most cells line up with their row's label."""
    def cells_of(line: list[dict[str, Any]]) -> list[str]:
        cells = _line_cells(line, rivers)
        if cells is None:                   # a merged group row: its label, then its title
            return [line[0]["text"], " ".join(w["text"] for w in line[1:]), *[""] * (len(rivers) - 1)]
        return cells

    anchors = [line for line in lines if cells_of(line)[0]]
    if len(anchors) < 2:
        return None
    top = [min(w["top"] for w in line) for line in anchors]
    bottom = [max(w["top"] + w["h"] for w in line) for line in anchors]
    centre = [(a + b) / 2 for a, b in zip(top, bottom, strict=True)]
    boxes = sorted((w["top"], w["top"] + w["h"]) for line in lines for w in line)
    gaps: list[float] = []                  # the middles of the strips of white across the table
    reach = boxes[0][1]
    for a, b in boxes[1:]:
        if a > reach:
            gaps.append((reach + a) / 2)
        reach = max(reach, b)

    def middle_cuts() -> list[float]:
        cuts, start = [], boxes[0][0]
        for r in range(len(anchors) - 1):
            inside = [g for g in gaps if bottom[r] < g < top[r + 1]]
            if not inside:
                return []
            start = min(inside, key=lambda g: abs(g - (2 * centre[r] - start)))
            cuts.append(start)
        return cuts

    def bottom_cuts() -> list[float]:
        cuts = [min((g for g in gaps if g > bottom[r]), default=math.inf) for r in range(len(anchors) - 1)]
        return cuts if all(c < top[r + 1] for r, c in enumerate(cuts)) else []

    def split(cuts: list[float]) -> list[list[list[dict[str, Any]]]]:
        rows: list[list[list[dict[str, Any]]]] = [[] for _ in anchors]
        for line in lines:
            parts: dict[int, list[dict[str, Any]]] = {}
            for w in line:
                parts.setdefault(sum(1 for c in cuts if w["top"] + w["h"] / 2 > c), []).append(w)
            for r, part in parts.items():
                rows[r].append(part)
        return rows

    def column(w: dict[str, Any]) -> int:
        return sum(1 for a, b in rivers if (w["x0"] + w["x1"]) / 2 > (a + b) / 2)

    def spans(ws: list[dict[str, Any]]) -> list[tuple[float, float]]:
        """The lines a cell's words stand on, top to bottom."""
        out: list[tuple[float, float]] = []
        for a, b in sorted((w["top"], w["top"] + w["h"]) for w in ws):
            if out and a < out[-1][1] - 0.5 * height:
                out[-1] = (out[-1][0], max(out[-1][1], b))
            else:
                out.append((a, b))
        return out

    by_column: dict[int, list[dict[str, Any]]] = {}
    for line in lines:
        for w in line:
            by_column.setdefault(column(w), []).append(w)
    leads = [b[0] - a[1] for ws in by_column.values() for a, b in itertools.pairwise(spans(ws)) if b[0] - a[1] < height]
    blank = (statistics.median(leads) if leads else 0.0) + 0.6 * height    # a gap this tall is a missing line
    blocks: list[tuple[float, float]] = []          # each column's runs of lines without a missing line
    for ws in by_column.values():
        runs: list[tuple[float, float]] = []
        for a, b in spans(ws):
            if runs and a - runs[-1][1] <= blank:
                runs[-1] = (runs[-1][0], max(runs[-1][1], b))
            else:
                runs.append((a, b))
        blocks.extend(runs)

    def fit(rows: list[list[list[dict[str, Any]]]], mode: str, cuts: list[float]) -> int:
        """Cells (other than the label's) that line up with their row's label under the mode, less the
        cells that hold a missing line (the end of one cell and the start of another) and the runs of
        lines the cuts break."""
        score = -sum(1 for a, b in blocks for c in cuts if a < c < b)
        for r, row in enumerate(rows):
            columns: dict[int, list[dict[str, Any]]] = {}
            for part in row:
                for w in part:
                    columns.setdefault(column(w), []).append(w)
            for c, ws in columns.items():
                cell = spans(ws)
                score -= any(b[0] - a[1] > blank for a, b in itertools.pairwise(cell))
                if c:
                    a, b = cell[0][0], cell[-1][1]
                    mine = {"top": (a, top[r]), "middle": ((a + b) / 2, centre[r]), "bottom": (b, bottom[r])}[mode]
                    score += abs(mine[0] - mine[1]) < 0.35 * height
        return score

    top_cuts = [t - 0.01 for t in top[1:]]
    trials = [(fit(split(top_cuts), "top", top_cuts), 2, top_cuts)]
    for mode, cuts in (("middle", middle_cuts()), ("bottom", bottom_cuts())):
        if cuts:
            trials.append((fit(split(cuts), mode, cuts), 1 if mode == "middle" else 0, cuts))
    best = max(trials, key=lambda t: (t[0], t[1]))
    if best[2] is top_cuts:
        return None
    out: list[list[str]] = []
    for row in split(best[2]):
        cells = [""] * (len(rivers) + 1)
        for part in row:
            cells = [f"{x}\n{c}".strip() for x, c in zip(cells, cells_of(part), strict=True)]
        out.append(cells)
    return out


def _walk(lines: list[list[dict[str, Any]]], a: int, end: int,
          rivers: list[tuple[float, float]]) -> tuple[list[list[str]], int]:
    """Rows of lines[a:end] in the columns the rivers part: a row starts where the first column has text;
    the rows end at a line that crosses a river (unless a label opens it: a merged group row) or at
    prose in the label column. Returns the rows and the index of the line after them."""
    rows: list[list[str]] = []
    labels = 0
    for n in range(a, end):
        line = lines[n]
        cells = _line_cells(line, rivers)
        if cells is None:
            if not (_is_label(line[0]["text"]) and len(line) > 1 and line[0]["x1"] < sum(rivers[0]) / 2):
                return rows, n
            cells = [line[0]["text"], " ".join(w["text"] for w in line[1:]), *[""] * (len(rivers) - 1)]
        if cells[0] and rows and labels >= 2 and not _is_label(cells[0]) and not any(cells[1:]):
            return rows, n                 # a line after the table (a label column holds no prose)
        if not cells[0] and rows and _SECTION_HEADING.match(text := " ".join(c for c in cells if c)) \
                and text == text.upper():
            return rows, n                 # the next part's heading ('IV. KINH PHÍ'), centred over the last columns
        if rows and _TABLE_NOTE.match(" ".join(w["text"] for w in line)):
            return rows, n                 # the table's note ('Ghi chú: VP - Văn phòng …'), under its last row
        if cells[0] or not rows or (len(rows) == 1 and _years_row(cells, rows[0])):
            labels += _is_label(cells[0])
            rows.append(cells)
        else:
            rows[-1] = [f"{x}\n{c}".strip() for x, c in zip(rows[-1], cells, strict=True)]
    return rows, end


_TABLE_NOTE = re.compile(r"\W{0,3}(?:Ghi chú|GHI CHÚ)\b")
_SECTION_HEADING = re.compile(r"[IVXL]{1,5}\.\s+\w")
_YEAR_CELL = re.compile(r"(?:[Nn]ăm\s+)?(?:19|20)\d\d")


def _years_row(cells: list[str], head: list[str]) -> bool:
    """A header's second row naming a year in each column under a group cell ('Lộ trình thực hiện' over
    '2026 | 2027 | 2028'): two cells or more, every one a year, the first column empty, and the header's first line
    ('TT', 'STT': not a row's number) empty above one of them at least (the group's title stands over one of its
    columns; a year under each column's own title, 'Thực hiện' over '2024', is the end of that title)."""
    filled = [c for c in cells if c]
    return (not cells[0] and len(filled) >= 2 and all(_YEAR_CELL.fullmatch(c) for c in filled)
            and not re.search(r"\d", head[0]) and any(c and not h for c, h in zip(cells, head, strict=True)))

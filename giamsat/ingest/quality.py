"""Measuring the reader against hand-made gold annotations (tests/data/parse_gold/*.json).

Tasks and targets are matched to gold rows by their number when both have one, else by
name similarity; then lead agency, deadline and target value are compared field by field.
"""

from __future__ import annotations

import contextlib
import hashlib
import io
import json
import os
import re
import unicodedata
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from rapidfuzz import fuzz

from . import readers
from .agencies import Agency, default_registry
from .fold import fold, squash
from .model import ParsedPlan
from .pipeline import parse_bytes
from .samples import build

GOLD_DIR = Path(__file__).parent / "tests" / "data" / "parse_gold"
CACHE_DIR = Path(__file__).resolve().parents[2] / "var" / "quality"
SCAN_PAGES = int(os.environ.get("GIAMSAT_QUALITY_SCAN_PAGES", "10"))   # OCR is slow: a bounded sample of pages
SCAN_SKIP = int(os.environ.get("GIAMSAT_QUALITY_SCAN_SKIP", "0"))      # … starting this many pages into the annex
# OCR text without positions: the whole document scanned, its plain text (no boxes) read page by page
OCR_TEXT_PAGES = int(os.environ.get("GIAMSAT_QUALITY_OCR_TEXT_PAGES", "80"))   # 0 skips it


@dataclass
class Score:
    pred: int = 0
    gold: int = 0
    hit: int = 0
    fields: dict[str, list[int]] = field(default_factory=dict)   # name → [correct, judged]

    def add_field(self, name: str, ok: bool) -> None:
        c = self.fields.setdefault(name, [0, 0])
        c[0] += int(ok)
        c[1] += 1

    def merge(self, other: Score) -> None:
        self.pred += other.pred
        self.gold += other.gold
        self.hit += other.hit
        for k, (a, b) in other.fields.items():
            c = self.fields.setdefault(k, [0, 0])
            c[0] += a
            c[1] += b

    @property
    def precision(self) -> float | None:
        return self.hit / self.pred if self.pred else None

    @property
    def recall(self) -> float | None:
        return self.hit / self.gold if self.gold else None


def _num(v: Any) -> str:
    s = squash(str(v or "")).replace(" ", "")
    parts = s.replace(",", ".").split("-")
    try:
        return "-".join(f"{float(p):g}" for p in parts)
    except ValueError:
        return fold(s)


def _sim(a: str, b: str) -> float:
    return float(fuzz.token_set_ratio(fold(a), fold(b)))


def _same_name(pred: str, gold: str) -> bool:
    """The whole name cell, give or take a few characters (OCR, a full stop)."""
    return fuzz.ratio(fold(pred).rstrip(". "), fold(gold).rstrip(". ")) >= 90


def _match(pred: list[dict[str, Any]], gold: list[dict[str, Any]]) -> list[tuple[dict[str, Any], dict[str, Any]]]:
    pairs: list[tuple[dict[str, Any], dict[str, Any]]] = []
    used: set[int] = set()
    by_no = {str(p.get("no")): k for k, p in enumerate(pred) if p.get("no")}
    rest = []
    for g in gold:
        k = by_no.get(str(g.get("no"))) if g.get("no") else None
        if k is not None and k not in used:
            used.add(k)
            pairs.append((pred[k], g))
        else:
            rest.append(g)
    scored = []
    for gi, g in enumerate(rest):
        for k, p in enumerate(pred):
            if k in used or (g.get("year") and p.get("year") and g["year"] != p["year"]):
                continue
            bonus = 5 if "value" in g and _num(p.get("value")) == _num(g.get("value")) else 0
            scored.append((_sim(p.get("name") or "", g.get("name") or "") + bonus, gi, k))
    taken: set[int] = set()
    for score, gi, k in sorted(scored, reverse=True):
        if score < 70 or gi in taken or k in used:
            continue
        taken.add(gi)
        used.add(k)
        pairs.append((pred[k], rest[gi]))
    return pairs


def _deadline_ok(pred: dict[str, Any] | None, gold: dict[str, Any]) -> bool:
    if not pred or pred.get("kind") != gold.get("kind"):
        return False
    if "end" in gold and pred.get("end") != gold["end"]:
        return False
    return not ("recurrence" in gold and pred.get("recurrence") != gold["recurrence"])


def score_tasks(plan: dict[str, Any], gold: dict[str, Any]) -> Score:
    s = Score()
    pred = plan["tasks"]
    if "task_count" in gold:
        s.pred, s.gold = len(pred), gold["task_count"]
        s.hit = min(len(pred), gold["task_count"])
        return s
    gtasks = gold.get("tasks") or []
    s.gold = len(gtasks)
    s.pred = 0 if gold.get("partial") else len(pred)
    pairs = _match(pred, gtasks)
    s.hit = len(pairs)
    if gold.get("partial"):
        s.pred = s.hit
    for p, g in pairs:
        if gold.get("names"):
            s.add_field("name", _same_name(p.get("name") or "", g.get("name") or ""))
        if g.get("lead"):
            s.add_field("lead", p.get("lead_code") in g["lead"])
        if g.get("deadline"):
            s.add_field("deadline", _deadline_ok(p.get("deadline"), g["deadline"]))
    return s


def _value_ok(pred: dict[str, Any], gold: dict[str, Any]) -> bool:
    """Comparator and value; a gold comparator given as a list accepts any of them (the source cannot tell,
    e.g. OCR printing '>' where the original may have had '≥')."""
    accepted = gold["comparator"] if isinstance(gold["comparator"], list) else [gold["comparator"]]
    return pred.get("comparator") in accepted and (
        gold.get("value") is None or _num(pred.get("value")) == _num(gold["value"]))


def score_targets(plan: dict[str, Any], gold: dict[str, Any]) -> Score:
    s = Score()
    gt = gold.get("targets") or []
    s.gold = len(gt)
    pairs = _match(plan["targets"], gt)
    s.hit = len(pairs)
    s.pred = s.hit if gold.get("partial") else len(plan["targets"])
    for p, g in pairs:
        if gold.get("names"):
            s.add_field("name", _same_name(p.get("name") or "", g.get("name") or ""))
        if "comparator" in g:
            s.add_field("value", _value_ok(p, g))
        if g.get("lead"):
            s.add_field("lead", p.get("lead_code") in g["lead"])
        if g.get("year"):
            s.add_field("year", p.get("year") == g["year"])
        if g.get("milestones") is not None:
            pm = {k: _num(v) for k, v in (p.get("milestones") or {}).items()}
            gm = {k: _num(v) for k, v in g["milestones"].items()}
            s.add_field("milestones", pm == gm)
    return s


def score_document(plan: dict[str, Any], gold: dict[str, Any]) -> Score:
    s = Score()
    doc = plan["document"]
    for key, want in (gold.get("document") or {}).items():
        got = doc.get(key)
        ok = sorted(got or []) == sorted(want) if isinstance(want, list) else got == want
        s.add_field(key, ok)
    rep = gold.get("reporting")
    if rep:
        s.add_field("frequencies", plan["reporting"]["frequencies"] == rep["frequencies"])
        s.add_field("due_day", plan["reporting"]["due_day"] == rep["due_day"])
    if "assignments" in gold:
        s.add_field("assignments_count", len(plan["assignments"]) == gold["assignments"])
    return s


def _registry(gold: dict[str, Any]) -> list[Agency] | None:
    extra = gold.get("registry")
    if not extra:
        return None
    return [*default_registry(), *(Agency(code, name, tuple(aliases)) for code, name, *aliases in extra)]


_ANNEX_HEAD = re.compile(r"^\s*[#*\s]*phu luc\b")
_ANNEX_TITLE = re.compile(r"^\s*[#*\s]*danh muc cac (chi tieu|nhiem vu)\b")


def table_row_names(text: str) -> dict[tuple[str, str], str]:
    """(item, row number) → the name cell of every numbered row of the annex tables of a clean
    Markdown plan (a table whose header names a "chỉ tiêu" column holds targets, else tasks); a row
    with an empty number cell carries on the name of the row above (these annexes number their
    group rows I, II, …)."""
    out: dict[tuple[str, str], str] = {}
    last: tuple[str, str] | None = None
    in_annex, item = False, "tasks"
    for line in text.split("\n"):
        if _ANNEX_HEAD.match(fold(line)):
            in_annex, item = True, ""
        if not in_annex or not line.lstrip().startswith("|"):
            continue
        cells = [squash(c.replace("**", "")) for c in line.strip().strip("|").split("|")]
        if not item:
            item = "targets" if "chi tieu" in fold(" ".join(cells[:3])) else "tasks"
        no = cells[0].rstrip(". ")
        if len(cells) > 1 and re.fullmatch(r"\d+(\.\d+)*", no):
            last = (item, no)
            out[last] = cells[1]
        elif len(cells) > 1 and not no and last in out:
            out[last] += " " + cells[1]
        else:
            last = None
    return out


def _with_names(gold: dict[str, Any], text: str) -> dict[str, Any]:
    """Names from the source itself: the annex table's name cell by row number ("table_cells") or
    the whole source line of the item, bullet and emphasis aside ("source_lines")."""
    names = table_row_names(text)
    lines = text.split("\n")
    for item in ("targets", "tasks"):
        for g in gold.get(item) or []:
            if gold.get("names") == "source_lines":
                g.setdefault("name", squash(re.sub(r"^\s*[-*+•]\s+", "", lines[g["line"] - 1].replace("**", ""))))
            else:
                g.setdefault("name", names.get((item, str(g.get("no"))), ""))
    return gold


def _cached(key: str, suffix: str, make: Callable[[], bytes]) -> bytes:
    return cached_file(CACHE_DIR / f"{key}{suffix}", make)


def cached_file(path: Path, make: Callable[[], bytes]) -> bytes:
    """The bytes kept at `path`, made and written (atomically) the first time."""
    if path.exists():
        return path.read_bytes()
    data = make()
    _write_atomic(path, data)
    return data


def _write_atomic(path: Path, data: bytes) -> None:
    """Another run reading the cache at the same time never sees half a file."""
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    tmp.write_bytes(data)
    os.replace(tmp, path)


@contextlib.contextmanager
def _ocr_cache() -> Iterator[None]:
    """Tesseract's word boxes kept under var/ by page image, so a re-run re-reads but does not re-OCR."""
    original = readers.tesseract_words

    def cached(image: Any, psm: int = 4, lang: str = "vie", chars: str = "") -> dict[str, list[Any]]:
        key = hashlib.sha1(image.tobytes() + repr((image.size, psm, lang, chars)).encode()).hexdigest()
        path = CACHE_DIR / "ocr" / f"{key}.json"
        if path.exists():
            data: dict[str, list[Any]] = json.loads(path.read_text())
            return data
        data = original(image, psm, lang, chars)
        _write_atomic(path, json.dumps(data).encode())
        return data

    readers.tesseract_words = cached
    try:
        yield
    finally:
        readers.tesseract_words = original


def _annex_page(pdf: bytes) -> int:
    """1-based number of the first page whose text opens an annex ("PHỤ LỤC")."""
    import pdfplumber

    with pdfplumber.open(io.BytesIO(pdf)) as doc:
        for n, page in enumerate(doc.pages, 1):
            if any(_ANNEX_HEAD.match(fold(x)) for x in (page.extract_text() or "").split("\n")):
                return n
    return 1


def _numbered_rows(page: Any, item: str) -> tuple[str, list[tuple[str, str]]]:
    """The numbered rows of a PDF page's ruled tables as (item kind, row number), and the kind the
    page ends with: a header row naming "chỉ tiêu" or "nhiệm vụ" sets the kind, a table without one
    continues the kind of the one before (`item`, from the pages before)."""
    rows: list[tuple[str, str]] = []
    for table in page.extract_tables():
        for row in table:
            no = squash(readers.unwrap_number(row[0] or "")).rstrip(". ")
            head = fold(" ".join(c or "" for c in row[:3]))
            if not re.match(r"\d", no) and ("chi tieu" in head or "nhiem vu" in head):
                item = "targets" if "chi tieu" in head else "tasks"
            if re.fullmatch(r"\d+(\.\d+)*", no):
                rows.append((item, no))
    return item, rows


def _on_pages(gold: dict[str, Any], pdf: bytes, first: int, count: int) -> dict[str, Any]:
    """The gold restricted to the rows that start on pages first..first+count-1 (read from the
    PDF's own ruled tables; a table without a header continues the kind of the one before)."""
    import pdfplumber

    starts: set[tuple[str, str]] = set()
    item = "tasks"
    with pdfplumber.open(io.BytesIO(pdf)) as doc:
        for page in doc.pages[:first - 1 + count]:
            item, rows = _numbered_rows(page, item)
            if page.page_number >= first:
                starts.update(rows)
    out = dict(gold)
    for key in ("targets", "tasks"):
        out[key] = [g for g in gold.get(key) or [] if (key, str(g.get("no"))) in starts]
    out.pop("document", None)
    return out


def _text_on_pages(gold: dict[str, Any], pdf: bytes, first: int, count: int) -> dict[str, Any]:
    """The gold restricted to the items known by their text whose first and last words both stand
    on pages first..first+count-1 (the PDF's own text layer, lines joined)."""
    import pdfplumber

    with pdfplumber.open(io.BytesIO(pdf)) as doc:
        text = " ".join(fold(p.extract_text() or "") for p in doc.pages[first - 1:first - 1 + count])
    text = " ".join(text.split())
    out = dict(gold)
    for key in ("targets", "tasks"):
        keep = []
        for g in gold.get(key) or []:
            words = fold(g.get("name") or "").split()
            if words and " ".join(words[:6]) in text and " ".join(words[-6:]) in text:
                keep.append(g)
        out[key] = keep
    if first > 1:
        out.pop("document", None)
    return out


def _renders(text: str, gold: dict[str, Any],
             reg: list[Agency] | None) -> Iterator[tuple[str, str, ParsedPlan, dict[str, Any]]]:
    """A clean plan as a Word user would send it (DOCX with ruled tables whose header repeats), as the
    PDF LibreOffice lays out from it, as an fpdf2 PDF whose table header is not repeated, and as
    a scan of the first annex pages (200 dpi, skew, speckles) read by Tesseract."""
    key = hashlib.sha1(text.encode()).hexdigest()[:16]
    docx = _cached(key, ".docx", lambda: build.to_docx(text, repeat_header=True))
    yield "docx", "", parse_bytes(docx, registry=reg), gold
    try:
        pdf = _cached(key, ".lo.pdf", lambda: build.docx_to_pdf(docx, CACHE_DIR))
    except (OSError, RuntimeError):       # no LibreOffice on this machine
        pdf = b""
    if pdf:
        yield "pdf_text", "/libreoffice", parse_bytes(pdf, registry=reg), gold
    with contextlib.suppress(ImportError):
        fpdf = _cached(key, ".fpdf.pdf", lambda: build.to_pdf(text))
        yield "pdf_text", "/fpdf2", parse_bytes(fpdf, registry=reg), gold
    if pdf and OCR_TEXT_PAGES > 0:
        yield from _ocr_text_runs(key, pdf, gold, reg)
    if not pdf or SCAN_PAGES <= 0:
        return
    numbered = any(g.get("no") for item in ("targets", "tasks") for g in gold.get(item) or [])
    if numbered:
        first = _annex_page(pdf) + SCAN_SKIP
        count, sgold = SCAN_PAGES, _on_pages(gold, pdf, first, SCAN_PAGES)
    else:
        first, count = 1 + SCAN_SKIP, SCAN_PAGES
        sgold = _text_on_pages(gold, pdf, first, count)
    scan = _cached(key, f".scan{first}-{count}.pdf", lambda: build.scan_pages(pdf, first, count))
    with _ocr_cache():
        yield "scan", f"/p{first}-{first + count - 1}", parse_bytes(scan, registry=reg), sgold


_W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
_LIST_MARK = re.compile(r"^((?:[IVX]{1,4})\.|\d{1,2}\.(?!\d)|[a-z]\))\s+(?=\S)")


def word_layout_docx(text: str) -> bytes:
    """A plan of the forms set as a Word user lays it out: the head (issuer and number, motto and date) in a
    two-column table, and its headings and items ("I.", "1.", "a)") numbered by Word's automatic multilevel
    list (numbering.xml, restarting under each higher level) instead of typed; a mark Word would print
    otherwise ("đ)", a list running on under a new heading) stays typed. Tables as `build.to_docx`."""
    import docx
    from docx.oxml import parse_xml

    lines = text.split("\n")
    k = next((i for i, x in enumerate(lines[:20]) if re.fullmatch(r"[A-ZÀ-ỸĐ ]{6,20}", x.strip())
              and fold(x).strip() in ("ke hoach", "quyet dinh", "chuong trinh")), 0)
    head = [re.split(r"\s{3,}", x.strip(), maxsplit=1) for x in lines[:k] if x.strip()]
    d = docx.Document(io.BytesIO(build.to_docx("\n".join(lines[k:]), repeat_header=True)))
    if head:
        t = d.add_table(rows=1, cols=2)
        t.cell(0, 0).text = "\n".join(r[0] for r in head)
        t.cell(0, 1).text = "\n".join(r[1] if len(r) > 1 else "" for r in head)
        d.element.body.insert(0, t._tbl)
    d.part.numbering_part.element.insert(0, parse_xml(
        f'<w:abstractNum {_W} w:abstractNumId="990">'
        '<w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="upperRoman"/><w:lvlText w:val="%1."/></w:lvl>'
        '<w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%2."/></w:lvl>'
        '<w:lvl w:ilvl="2"><w:start w:val="1"/><w:numFmt w:val="lowerLetter"/><w:lvlText w:val="%3)"/></w:lvl>'
        '</w:abstractNum>'))
    d.part.numbering_part.element.append(parse_xml(f'<w:num {_W} w:numId="990"><w:abstractNumId w:val="990"/></w:num>'))
    counts = [0, 0, 0]
    for p in d.paragraphs:                  # the body's paragraphs only, not the tables' cells
        m = _LIST_MARK.match(p.text)
        if not m:
            continue
        mark = m.group(1)
        level = 0 if mark[0] in "IVX" and mark.endswith(".") and not mark[:-1].isdigit() else 1 if mark[0].isdigit() else 2
        value = counts[level] + 1
        word = (readers._format_number(value, ("upperRoman", "decimal", "lowerLetter")[level])
                + ("." if level < 2 else ")"))
        if word != mark:
            continue                        # Word would print another mark: left typed
        counts[level] = value
        counts[level + 1:] = [0] * (2 - level)
        p.text = p.text[m.end():]
        p._p.get_or_add_pPr().append(parse_xml(
            f'<w:numPr {_W}><w:ilvl w:val="{level}"/><w:numId w:val="990"/></w:numPr>'))
    buf = io.BytesIO()
    d.save(buf)
    return buf.getvalue()


def _form_renders(text: str, gold: dict[str, Any],
                  reg: list[Agency] | None) -> Iterator[tuple[str, str, ParsedPlan, dict[str, Any]]]:
    """A plan of the forms set (tests/data/forms/, written for giamsat) as DOCX (typed, and laid out as Word users
    do: `word_layout_docx`), as the PDF LibreOffice
    lays out from it, as an fpdf2 PDF, and, every page scanned (200 dpi, skew, speckles), read by
    Tesseract with its word boxes ("scan") and as plain text, as is ("ocr_plain") and degraded like the
    seeds ("ocr_text", `degrade`, seeded by page)."""
    key = hashlib.sha1(text.encode()).hexdigest()[:16]
    docx = _cached(key, ".docx", lambda: build.to_docx(text, repeat_header=True))
    yield "docx", "", parse_bytes(docx, registry=reg), gold
    yield "docx", "/word", parse_bytes(word_layout_docx(text), registry=reg), gold
    with contextlib.suppress(ImportError):
        fpdf = _cached(key, ".fpdf.pdf", lambda: build.to_pdf(text))
        yield "pdf_text", "/fpdf2", parse_bytes(fpdf, registry=reg), gold
    try:
        pdf = _cached(key, ".lo.pdf", lambda: build.docx_to_pdf(docx, CACHE_DIR))
    except (OSError, RuntimeError):       # no LibreOffice on this machine
        return
    yield "pdf_text", "/libreoffice", parse_bytes(pdf, registry=reg), gold
    if SCAN_PAGES <= 0:
        return
    count = _pdf_pages(pdf)
    scan = _cached(key, f".scan1-{count}.pdf", lambda: build.scan_pages(pdf, 1, count))
    with _ocr_cache():
        yield "scan", "", parse_bytes(scan, registry=reg), gold
    if OCR_TEXT_PAGES <= 0:
        return
    pages = ocr_text_pages(scan)
    yield "ocr_plain", "", parse_bytes("\n\n".join(pages).encode(), "plan.txt", registry=reg), gold
    damaged = "\n\n".join(degrade(t, seed=n) for n, t in enumerate(pages, 1))
    yield "ocr_text", "/degraded", parse_bytes(damaged.encode(), "plan.txt", registry=reg), gold


def runs(shared: Path, only: str = "") -> Iterator[tuple[str, str, ParsedPlan, dict[str, Any]]]:
    """(gold name, input kind, parsed plan, gold) for every gold file and every rendering of it."""
    for path in sorted(GOLD_DIR.glob(f"{only}*.json")):
        gold = json.loads(path.read_text(encoding="utf-8"))
        src = gold["source"]
        reg = _registry(gold)
        if src.startswith(("seeds/", "reference/")):
            f = shared / src
            if not f.exists():
                continue
            kind = "ocr_text" if src.startswith("seeds/") else "clean_text"
            if gold.get("names"):
                gold = _with_names(gold, f.read_text(encoding="utf-8"))
            yield path.stem, kind, parse_bytes(f.read_bytes(), f.name, registry=reg), gold
            if gold.get("renders"):
                for rkind, variant, plan, rgold in _renders(f.read_text(encoding="utf-8"), gold, reg):
                    yield path.stem + variant, rkind, plan, rgold
        elif src.startswith("forms/"):
            text = (GOLD_DIR.parent / src).read_text(encoding="utf-8")
            yield path.stem, "clean_text", parse_bytes(text.encode(), registry=reg), gold
            for rkind, variant, plan, rgold in _form_renders(text, gold, reg):
                yield path.stem + variant, rkind, plan, rgold
        elif src == "samples/sample_plan.txt":
            text = build.sample_text()
            yield path.stem, "clean_text", parse_bytes(text.encode()), gold
            yield path.stem, "docx", parse_bytes(build.to_docx(text)), gold
            try:
                pdf = build.to_pdf(text)
            except ImportError:
                pdf = b""
            if pdf:
                yield path.stem, "pdf_text", parse_bytes(pdf), gold
        elif src.endswith("scan_image"):
            png = build.scan_image()
            yield path.stem, "scan", parse_bytes(png), gold
            from PIL import Image

            buf = io.BytesIO()
            Image.open(io.BytesIO(png)).convert("RGB").save(buf, format="PDF", resolution=200)
            yield path.stem, "scan", parse_bytes(buf.getvalue()), gold
            try:
                borderless = build.borderless_pdf()
            except ImportError:       # fpdf2 is a development dependency
                borderless = b""
            if borderless:
                yield path.stem, "pdf_text", parse_bytes(borderless), gold


def in_scope(plan: ParsedPlan, gold: dict[str, Any]) -> dict[str, Any]:
    """The plan's JSON; with `"scope": "annex"` only the items read from the annex (from the first
    "PHỤ LỤC" line of the input on) count, since the gold describes the annex tables only."""
    j = plan.to_json()
    if gold.get("lines") is not None:          # one half of a document: the items found on its pages
        keep = set(gold["lines"])
        for item in ("targets", "tasks"):
            j[item] = [x for x in j[item] if not x.get("source") or x["source"]["start_line"] in keep]
    if gold.get("scope") != "annex":
        return j
    lines = plan.raw_text.split("\n")
    # the annex heading, or its table's title when OCR ran the heading into another line
    start = next((k + 1 for k, x in enumerate(lines) if _ANNEX_HEAD.match(fold(x)) or _ANNEX_TITLE.match(fold(x))), 1)
    for item in ("targets", "tasks"):
        j[item] = [x for x in j[item] if not x.get("source") or x["source"]["start_line"] >= start]
    return j


def evaluate(shared: Path, by_file: bool = False, only: str = "") -> dict[str, dict[str, Score]]:
    """Scores per input kind (and gold file with `by_file`); `only`: the gold files whose name starts so."""
    out: dict[str, dict[str, Score]] = {}
    for name, kind, plan, gold in runs(shared, only):
        j = in_scope(plan, gold)
        bucket = out.setdefault(f"{kind} {name}" if by_file else kind, {"tasks": Score(), "targets": Score(), "document": Score()})
        if "tasks" in gold or "task_count" in gold:
            bucket["tasks"].merge(score_tasks(j, gold))
        if "targets" in gold:
            bucket["targets"].merge(score_targets(j, gold))
        bucket["document"].merge(score_document(j, gold))
    return out


def report(results: dict[str, dict[str, Score]]) -> str:
    def pct(x: float | None) -> str:
        return "  -  " if x is None else f"{100 * x:5.1f}"

    width = max([11, *(len(k) for k in results)])
    lines = [f"{'input kind':<{width}} {'item':<9} {'prec':>6} {'recall':>6}  fields (correct/judged)"]
    for kind, parts in results.items():
        for item, sc in parts.items():
            fields = ", ".join(f"{k} {a}/{b} ({100 * a / b:.0f}%)" for k, (a, b) in sc.fields.items() if b)
            if item == "document":
                if fields:
                    lines.append(f"{kind:<{width}} {item:<9} {'':>6} {'':>6}  {fields}")
            elif sc.gold:
                lines.append(f"{kind:<{width}} {item:<9} {pct(sc.precision):>6} {pct(sc.recall):>6}  "
                             f"[{sc.hit} matched / {sc.pred} found / {sc.gold} gold] {fields}")
    return "\n".join(lines)


def misses(shared: Path, kinds: tuple[str, ...] = ("ocr_text",), only: str = "") -> Iterator[str]:
    """One line per gold item the reader missed or got wrong (lead, deadline, value, milestones),
    per item found that no gold item matches (when the gold is complete), and per document field wrong."""
    for name, kind, plan, gold in runs(shared, only):
        if kind not in kinds:
            continue
        j = in_scope(plan, gold)
        yield from item_misses(f"{name} {kind}", j, gold)
        yield from document_misses(f"{name} {kind}", j, gold)


def document_misses(label: str, j: dict[str, Any], gold: dict[str, Any]) -> Iterator[str]:
    """One line per document field, reporting field or assignment count `score_document` judges wrong."""
    for key, want in (gold.get("document") or {}).items():
        got = j["document"].get(key)
        if (sorted(got or []) != sorted(want)) if isinstance(want, list) else got != want:
            yield f"{label} document {key}: {got!r} (want {want!r})"
    rep = gold.get("reporting")
    if rep and (j["reporting"]["frequencies"], j["reporting"]["due_day"]) != (rep["frequencies"], rep["due_day"]):
        yield f"{label} reporting: {j['reporting']['frequencies']} day {j['reporting']['due_day']} (want {rep})"
    if "assignments" in gold and len(j["assignments"]) != gold["assignments"]:
        yield f"{label} assignments: {len(j['assignments'])} (want {gold['assignments']})"


def item_misses(label: str, j: dict[str, Any], gold: dict[str, Any]) -> Iterator[str]:
    """`misses`' lines for one plan's JSON already scoped to its gold (`in_scope`), each opening with `label`."""
    for item in ("targets", "tasks"):
        gitems = gold.get(item) or []
        pairs = _match(j[item], gitems)
        found = {id(g) for _p, g in pairs}
        matched = {id(p) for p, _g in pairs}
        for g in gitems:
            if id(g) not in found:
                yield f"{label} {item} MISSED {g.get('no') or ''} {g.get('name', '')[:60]}"
        if gitems and not gold.get("partial"):
            for p in j[item]:
                if id(p) not in matched:
                    yield f"{label} {item} EXTRA {p.get('no') or ''} {(p.get('name') or '')[:60]}"
        for p, g in pairs:
            tag = f"{label} {item} {g.get('no') or (g.get('name') or '')[:40]}"
            if gold.get("names") and not _same_name(p.get("name") or "", g.get("name") or ""):
                yield f"{tag}: name {(p.get('name') or '')[:80]!r}"
            if g.get("lead") and p.get("lead_code") not in g["lead"]:
                yield f"{tag}: lead {p.get('lead_code')} (want {'/'.join(str(c) for c in g['lead'])})"
            if item == "tasks" and g.get("deadline") and not _deadline_ok(p.get("deadline"), g["deadline"]):
                yield f"{tag}: deadline {p.get('deadline_text')!r} (want {g['deadline']})"
            if item == "targets" and "comparator" in g and not _value_ok(p, g):
                yield f"{tag}: value {p.get('comparator')} {p.get('value')} (want {g['comparator']} {g.get('value')})"


# --- OCR text without positions, from the reference plans' scans ------------------------------

def cached_ocr_text(scan: bytes, psm: int = 3) -> list[str] | None:
    """`ocr_text_pages` of a scan when every page of it is cached, else None (nothing is OCR'd)."""
    key = hashlib.sha1(scan + repr(psm).encode()).hexdigest()[:16]
    pages = [CACHE_DIR / "ocrtext" / f"{key}-p{n:03d}.txt" for n in range(1, _pdf_pages(scan) + 1)]
    return [p.read_text(encoding="utf-8") for p in pages] if all(p.exists() for p in pages) else None


def cached_form_scan(text: str) -> bytes | None:
    """The scan `_form_renders` made of a form's text, when it is cached, else None (nothing is rendered)."""
    key = hashlib.sha1(text.encode()).hexdigest()[:16]
    scans = sorted(CACHE_DIR.glob(f"{key}.scan1-*.pdf"))
    return scans[-1].read_bytes() if scans else None


def ocr_text_pages(scan: bytes, psm: int = 3) -> list[str]:
    """The plain text Tesseract `vie` gives for each page of a scanned PDF — what a user pastes or an
    OCR service returns: no word boxes, page segmentation 3 (Tesseract's default). Cached per page
    under var/quality/ocrtext/ (OCR is slow)."""
    import subprocess
    import tempfile

    import pytesseract
    from PIL import Image

    if (done := cached_ocr_text(scan, psm)) is not None:
        return done
    key = hashlib.sha1(scan + repr(psm).encode()).hexdigest()[:16]
    folder = CACHE_DIR / "ocrtext"
    count = _pdf_pages(scan)
    folder.mkdir(parents=True, exist_ok=True)
    out: list[str] = []
    with tempfile.TemporaryDirectory() as tmp:
        src = Path(tmp) / "scan.pdf"
        src.write_bytes(scan)
        for n in range(1, count + 1):
            path = folder / f"{key}-p{n:03d}.txt"
            if not path.exists():
                subprocess.run(["pdftoppm", "-r", "200", "-gray", "-png", "-f", str(n), "-l", str(n), str(src),
                                str(Path(tmp) / "p")], check=True, capture_output=True, timeout=600)
                png = next(Path(tmp).glob("p-*.png"))
                with Image.open(png) as image:
                    text = pytesseract.image_to_string(image, lang="vie", config=f"--psm {psm}", timeout=120)
                png.unlink()
                _write_atomic(path, text.encode("utf-8"))
            out.append(path.read_text(encoding="utf-8"))
    return out


def _pdf_pages(pdf: bytes) -> int:
    import pdfplumber

    with pdfplumber.open(io.BytesIO(pdf)) as doc:
        return len(doc.pages)


# Glyphs Tesseract's Latin models put for Vietnamese letters, as the seeds show them ("s6", "S&", "Vi¢t").
_CONFUSIONS = {"ô": "6", "ố": "6", "ồ": "6", "ơ": "&", "ở": "&", "ớ": "&", "ê": "¢", "ệ": "¢", "ề": "é",
               "ư": "u", "ứ": "ir", "ừ": "tr", "ụ": "y", "ộ": "9"}


def _strip_marks(word: str) -> str:
    return "".join("d" if c == "đ" else "D" if c == "Đ" else
                   unicodedata.normalize("NFD", c)[0] for c in word)


def degrade(text: str, seed: int = 0, strip: float = 0.75, confuse: float = 0.05,
            join: float = 0.03, split: float = 0.03) -> str:
    """Tesseract `vie` text made to look like the seeds (which a Latin OCR model read), by a seeded
    procedure: each syllable loses its marks with probability `strip` (the seeds keep marks on about a
    fifth of their words where clean text has them on 87%: 0.75 stripped); a marked letter is read as
    its look-alike glyph (`_CONFUSIONS`) with probability `confuse` per syllable; a line is run into the
    next with probability `join`, and a line of 40 characters or more is broken at a random space with
    probability `split`."""
    import random

    rng = random.Random(seed)

    def word(m: re.Match[str]) -> str:
        w = m.group(0)
        if w.isascii():
            return w
        if rng.random() < confuse:
            for k, c in enumerate(w):
                if c.lower() in _CONFUSIONS:
                    w = w[:k] + _CONFUSIONS[c.lower()] + w[k + 1:]
                    break
        return _strip_marks(w) if rng.random() < strip else w

    lines = [re.sub(r"[^\W\d_]+", word, line) for line in unicodedata.normalize("NFC", text).split("\n")]
    out: list[str] = []
    for line in lines:
        if out and out[-1].strip() and line.strip() and rng.random() < join:
            out[-1] += " " + line
            continue
        spaces = [m.start() for m in re.finditer(" ", line)]
        if len(line) >= 40 and spaces and rng.random() < split:
            cut = rng.choice(spaces)
            out.extend((line[:cut], line[cut + 1:]))
            continue
        out.append(line)
    return "\n".join(out)


def _item_pages(gold: dict[str, Any], pdf: bytes) -> dict[tuple[str, int], int]:
    """(item kind, index in the gold list) → the page (1-based) its row number stands on (numbered
    items, read from the PDF's ruled tables) or its first words do (items known by their text)."""
    import pdfplumber

    out: dict[tuple[str, int], int] = {}
    row_page: dict[tuple[str, str], int] = {}
    starts: list[tuple[int, int]] = []          # (offset in the joined folded text, page)
    text = ""
    item = "tasks"
    with pdfplumber.open(io.BytesIO(pdf)) as doc:
        for page in doc.pages:
            item, rows = _numbered_rows(page, item)
            for found in rows:
                row_page.setdefault(found, page.page_number)
            starts.append((len(text), page.page_number))
            text += " " + " ".join(fold(page.extract_text() or "").split())
    for key in ("targets", "tasks"):
        cursor = 0          # items known by their text come in document order: a repeated text is the next one
        for k, g in enumerate(gold.get(key) or []):
            if g.get("no") and (key, str(g["no"])) in row_page:
                out[(key, k)] = row_page[(key, str(g["no"]))]
                continue
            words = fold(g.get("name") or "").split()
            at = text.find(" ".join(words[:6]), cursor) if words else -1
            if at < 0 and words:
                at = text.find(" ".join(words[:6]))
            if at >= 0:
                out[(key, k)] = max(p for off, p in starts if off <= at)
                cursor = at + 1
    return out


def _ocr_text_runs(key: str, pdf: bytes, gold: dict[str, Any],
                   reg: list[Agency] | None) -> Iterator[tuple[str, str, ParsedPlan, dict[str, Any]]]:
    """The whole plan scanned (as the "scan" kind, every page) and read as plain text, as Tesseract gives
    it ("ocr_plain") and degraded like the seeds ("ocr_plain_degraded", `degrade`, seed = page number);
    each split into two halves by page: odd pages ("/dev", looked at while improving the reader) and
    even pages ("/held", read once per idea). An item belongs to the page its row number or first words
    stand on; a found item to the page of its first line."""
    count = min(_pdf_pages(pdf), OCR_TEXT_PAGES)
    scan = _cached(key, f".scan1-{count}.pdf", lambda: build.scan_pages(pdf, 1, count))
    pages = ocr_text_pages(scan)
    where = _item_pages(gold, pdf)
    for kind, texts in (("ocr_plain", pages),
                        ("ocr_plain_degraded", [degrade(t, seed=n) for n, t in enumerate(pages, 1)])):
        for half, plan, sgold in page_halves(texts, gold, where, reg):
            yield f"{kind}/{half}", "", plan, sgold


def page_halves(texts: list[str], gold: dict[str, Any], where: dict[tuple[str, int], int],
                reg: list[Agency] | None) -> Iterator[tuple[str, ParsedPlan, dict[str, Any]]]:
    """OCR'd pages joined (a blank gap between pages) and parsed as one document, then scored in two halves:
    ("dev", plan, gold of the odd pages) and ("held", plan, gold of the even pages); `where` gives each gold
    item's page (`_item_pages`), the gold's "lines" the joined text's lines of that half."""
    line_page: list[int] = []
    for n, t in enumerate(texts, 1):
        line_page.extend([n] * (len(t.rstrip("\n").split("\n")) + 3))
    text = "\n\n\n\n".join(t.rstrip("\n") for t in texts)
    plan = parse_bytes(text.encode(), "plan.txt", registry=reg)
    for half, parity in (("dev", 1), ("held", 0)):
        sgold = dict(gold)
        for item in ("targets", "tasks"):
            sgold[item] = [g for k, g in enumerate(gold.get(item) or []) if where.get((item, k), -1) % 2 == parity]
        sgold["lines"] = sorted(k + 1 for k, p in enumerate(line_page) if p % 2 == parity)
        sgold.pop("document", None)
        yield half, plan, sgold

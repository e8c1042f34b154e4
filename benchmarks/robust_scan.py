"""Robustness of the scan reader to the damage real scans carry: the plans of the forms set (tests/data/forms/
with their gold, as quality_parse.py renders them: DOCX laid out by LibreOffice) rasterised page by page,
damaged one way at a time (seeded, so every run sees the same pages), sent as a user would (a PDF of page
images, or an image file) and read through the normal reader (`parse_bytes`); scored with quality.py's scoring
(tasks and targets found, their lead, deadline and value, the document's fields) per damage.

Damages (each on its own, then all together):
  none      300 dpi greyscale, nothing else (the reference)
  rotate    turned 0.5-3 degrees, either way
  rotate90  turned a quarter, either way (seeded by page): a landscape annex scanned as it lay
  upside    turned upside down
  dpi150    rasterised at 150 dpi (the PDF says so: the reader renders it back at 300 dpi)
  dpi150img the same pages at 150 dpi sent as a multi-page TIFF (the image path reads them as they are)
  jpeg      saved as greyscale JPEG, quality 20-35
  noise     grain (+-40 grey levels) and dark speckles
  stamp     a round stamp and a signature scrawled over the text in the lower half of each page (grey)
  redstamp  the same in colour: the seal in red ink, the signature in blue
  light     uneven lighting: a page darker at one side (to 45% of white), as a phone photo or a book's fold
  greypaper grey paper (recycled, a copy of a copy): white at 66-78%, faintly mottled
  bluestamp a colour scan stamped on receipt: a blue box "ĐẾN / Số / Ngày" in uneven stamp ink over the text or a
            table of the page's upper two thirds
  all       rotate + dpi 200 + light + noise + stamp + jpeg

Usage: .venv/bin/python benchmarks/robust_scan.py [--only=PREFIX] [--files=a,b] [--pages=N] [--damage=a,b] [--by-file] [--time]
                                                  [--no-cache]
  --only: the gold files whose name starts with PREFIX (default: forms); --pages: the first N pages of each
  plan (default 2; 0 all) and the gold items that start on them; --files=a,b: these gold files only; --time: the reader's CPU seconds per page
  per damage, Tesseract's included (with --no-cache, which OCRs every page again, the OCR's cost).
Measured (--pages=2 --files=forms_ward,forms_replacing: 12 tasks, 9 targets, 2 heads), reader of 13c9e55 -> with
the scan changes of 6176f0d, 11df850 and the next commit (tasks found/lead, targets found/value, issuer/title):
  none, jpeg, dpi150img   12/12 lead 12, 9/9 value 9, 2/2 2/2 before and after (150 dpi enlarged to 300: no gain,
                          also on 7-point text, so not enlarged)
  rotate     targets value 8 -> 9, issuer 1 -> 2, date 1 -> 2 (3 degrees was straightened to 2.2)
  light      tasks 5 -> 12, lead 3 -> 12; targets 0 -> 9; parents 0 -> 2
  redstamp   lead 10 -> 11
  stamp      (grey) 11/12 lead 8 before and after
  noise      tasks 6 -> 7, lead 2 -> 4, precision 66.7 -> 87.5; targets 5 -> 7; parents 0 -> 1; issuer, title 0 -> 0
  all        a crash (TesseractError) and 0 found -> tasks 8, lead 6; targets 5; issuer 0 -> 1
A second sample, not looked at while changing the reader (--files=forms_enterprise,forms_department: 6 tasks, 10
targets), same readers: none, rotate unchanged (6/6, 8/10); light targets 2 -> 8, title, parents, date 0 -> 2;
noise tasks 1 -> 3, targets 0 -> 1, title 0 -> 1, parents 1 -> 2; redstamp deadline 4 -> 5; all a crash and 0 found ->
tasks 3, targets 2. OCR time (--no-cache, first sample): none 4.8 -> 5.1 s a page, noise 4.6 -> 5.6 (the filter, and
more words read again).
Turned pages (readers.quarter_turn, readers._osd_rotation; 17e646f -> the next commit), --pages=2
--files=forms_ward,forms_replacing: rotate90 and upside tasks 0 -> 12/12 (lead 12), targets 0 -> 9/9 (value 9), head
fields 0 -> as none's (issuer, number, date, title, parents 2/2): every figure as none's. Cost on upright pages
(--damage=none --no-cache, 8 pages of forms_ward, _replacing, _enterprise, _department): 6.3 -> 6.1 s a page (noise
of a loaded machine; the quarter-turn test itself ~20 ms a page, ~150-450 ms on a page of wide tables, no OSD);
a turned page ~1 s more (OSD), an upside-down one a second OCR (8.6 s a page with the upright reading cached).
Second sample (--files=forms_enterprise,forms_department, not looked at while writing it): rotate90 tasks 6/6 lead 6,
targets 10/10 value 10 milestones 5/5 (none: 4/5); upside as none but one deadline (5/6).
Blue receipt stamp and grey paper (readers.grey in blue light; the next commit after the figures' re-reading),
--pages=2 --files=forms_ward,forms_replacing,forms_trade,forms_council (12 tasks, 15 targets, 4 heads), base ->
with it: bluestamp targets milestones 4/5 -> 5/5, title 3/4 -> 4/4 (tasks lead 10/12, deadline 10/12 unchanged:
left to look at); greypaper as none before and after (flatten_light already makes grey paper white); redstamp
unchanged but for the figures' gain shared with none (milestones 5/6 -> 6/6).
Blue told at 40 levels (commit 'Scans stamped in blue'; the stamp's uneven ink, JPEG'd in a PDF, is mostly 40-80 levels bluer), --pages=2
--files=forms_ward,forms_replacing,forms_trade,forms_council, 777b432 -> it: bluestamp tasks lead 10/12 -> 12/12,
deadline 10 -> 11 (as none's: 'Quý IHI/2026' left to deadlines), targets 14/15 -> 15/15 (as none's). Left: redstamp
lead 11/12 (the blue signature over 'thực hiện' beside the red seal, too thin to be told as blue by itself; reading
such pages in the paler of red and blue light was tried: the signature's JPEG-grey edges stay as specks, and a
lead read before was lost, so dropped).
Low-dpi images enlarged (readers.at_ocr_resolution: an image that says it is under 250 dpi, and measures a page, is
enlarged to 300 dpi, bilinear, as a PDF's page is rendered), --pages=2 --files=forms_ward,forms_replacing,
forms_enterprise,forms_department,forms_hospital,forms_ministry, f63176d -> it: dpi150img forms_hospital deadline 0/6
-> 6/6 (the 'x' in month columns lost at 150 dpi), forms_enterprise deadline 5/6 -> 6/6, forms_department milestones
4/5 -> 5/5; the rest as before (dpi150, the same pages in a PDF, already rendered at 300: as dpi150img now). Lanczos
instead of bilinear lost forms_department's targets (5/5 -> 0/5: the header's words glued, 'Chỉitiêu'). rotate
(0.5-3 degrees) on the same files: as none but forms_hospital deadline 4/6 -> 5/6 (none's 4/6), nothing to mend.
Tesseract's word boxes are cached under var/quality/ocr/ by page image (as quality_parse.py does): a rerun
re-reads but only re-OCRs images that changed.
"""

from __future__ import annotations

import contextlib
import hashlib
import io
import json
import math
import random
import subprocess
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from PIL import Image, ImageChops, ImageDraw, ImageFilter  # noqa: E402

from giamsat.ingest import quality as Q  # noqa: E402
from giamsat.ingest.pipeline import parse_bytes  # noqa: E402
from giamsat.ingest.samples import build  # noqa: E402

Page = Image.Image


def rasterise(pdf: bytes, dpi: int, pages: int) -> list[Page]:
    with tempfile.TemporaryDirectory() as tmp:
        src = Path(tmp) / "in.pdf"
        src.write_bytes(pdf)
        last = ["-l", str(pages)] if pages else []
        subprocess.run(
            ["pdftoppm", "-r", str(dpi), "-gray", "-png", *last, str(src), str(Path(tmp) / "p")],
            check=True,
            capture_output=True,
            timeout=600,
        )
        return [Image.open(p).convert("L") for p in sorted(Path(tmp).glob("p-*.png"))]


# --- damage: each takes a greyscale page, its dpi and a seeded random source -----------------------


def rotate(img: Page, dpi: int, rng: random.Random) -> Page:
    angle = rng.uniform(0.5, 3.0) * rng.choice((-1, 1))
    return img.rotate(angle, resample=Image.Resampling.BICUBIC, fillcolor=255)


def rotate90(img: Page, dpi: int, rng: random.Random) -> Page:
    """A quarter turn, either way (a landscape annex laid on the glass as it came, or a portrait page fed sideways)."""
    return img.rotate(rng.choice((90, 270)), expand=True)


def upside(img: Page, dpi: int, rng: random.Random) -> Page:
    """Upside down (a page fed head last)."""
    return img.rotate(180)


def jpeg(img: Page, dpi: int, rng: random.Random) -> Page:
    buf = io.BytesIO()
    img.save(buf, format="JPEG", quality=rng.randint(20, 35))
    return Image.open(io.BytesIO(buf.getvalue())).convert("L")


def noise(img: Page, dpi: int, rng: random.Random) -> Page:
    """Grain from a seeded tile (+-40 grey levels), then dark speckles of one to three pixels."""
    tile = Image.frombytes("L", (256, 256), bytes(rng.randint(88, 168) for _ in range(256 * 256)))
    grain = Image.new("L", img.size)
    for x in range(0, img.size[0], 256):
        for y in range(0, img.size[1], 256):
            grain.paste(tile, (x, y))
    out = ImageChops.add(img, grain, scale=1.0, offset=-128)
    draw = ImageDraw.Draw(out)
    w, h = out.size
    for _ in range(w * h // 4000):
        x, y, r = rng.randrange(w), rng.randrange(h), rng.choice((0, 1, 1, 2))
        draw.ellipse((x - r, y - r, x + r, y + r), fill=rng.choice((0, 60, 110)))
    return out


def stamp(img: Page, dpi: int, rng: random.Random) -> Page:
    """A round stamp (a red one scanned grey: two rings, a star, marks around) and a signature's strokes, over
    the text in the page's lower half."""
    out = img.copy()
    draw = ImageDraw.Draw(out)
    w, h = out.size
    u = dpi / 300
    cx, cy = rng.uniform(0.45, 0.8) * w, rng.uniform(0.55, 0.85) * h
    r = 190 * u
    grey = rng.randint(90, 140)
    draw.ellipse((cx - r, cy - r, cx + r, cy + r), outline=grey, width=int(9 * u))
    draw.ellipse((cx - 0.72 * r, cy - 0.72 * r, cx + 0.72 * r, cy + 0.72 * r), outline=grey, width=int(4 * u))
    star = [
        (
            cx + 0.3 * r * math.cos(math.pi / 2 + k * 4 * math.pi / 5),
            cy - 0.3 * r * math.sin(math.pi / 2 + k * 4 * math.pi / 5),
        )
        for k in range(5)
    ]
    draw.polygon(star, fill=grey)
    for k in range(28):  # the letters around the ring
        a = 2 * math.pi * k / 28
        x, y = cx + 0.86 * r * math.cos(a), cy + 0.86 * r * math.sin(a)
        draw.rectangle((x - 6 * u, y - 8 * u, x + 6 * u, y + 8 * u), fill=grey)
    x, y = cx - 1.2 * r, cy + rng.uniform(-0.3, 0.3) * r  # the signature, across the stamp's side
    points = [(x, y)]
    for _ in range(40):
        x += rng.uniform(4, 22) * u
        y += rng.uniform(-30, 30) * u
        points.append((x, y))
    draw.line(points, fill=rng.randint(20, 70), width=max(int(5 * u), 2), joint="curve")
    return out


def redstamp(img: Page, dpi: int, rng: random.Random) -> Page:
    """A colour scan of a signed page: the seal in red ink and the signature in blue, over the text (each ink
    darkens the paper under it, as ink does)."""
    ink = stamp(Image.new("L", img.size, 255), dpi, rng)
    red = ink.point(lambda v: 255 if v > 200 else 0).filter(ImageFilter.MaxFilter(3))  # the seal's marks
    blue = ink.point(lambda v: 255 if v > 80 else 0)  # the signature's strokes are the darkest
    page = img.convert("RGB")
    seal = Image.merge(
        "RGB",
        [
            Image.new("L", img.size, 255),
            red.point(lambda v: 55 + v * 200 // 255),
            red.point(lambda v: 60 + v * 195 // 255),
        ],
    )
    pen = Image.merge(
        "RGB",
        [
            blue.point(lambda v: 40 + v * 215 // 255),
            blue.point(lambda v: 50 + v * 205 // 255),
            Image.new("L", img.size, 255).point(lambda v: 170 + v * 85 // 255),
        ],
    )
    return ImageChops.multiply(ImageChops.multiply(page, seal), pen)


def light(img: Page, dpi: int, rng: random.Random) -> Page:
    """White turns grey towards one side, smoothly: 47-63% of white at the darkest edge (a phone photo, a
    book's fold)."""
    low, angle = rng.randint(120, 160), rng.uniform(0, 2 * math.pi)
    small = Image.new("L", (64, 64))
    small.putdata(
        [
            round(
                low
                + (255 - low)
                * (
                    0.5
                    + 0.5
                    * max(-1.0, min(1.0, ((x - 32) * math.cos(angle) + (y - 32) * math.sin(angle)) / 40))
                )
            )
            for y in range(64)
            for x in range(64)
        ]
    )
    return ImageChops.multiply(img, small.resize(img.size, Image.Resampling.BICUBIC))


def greypaper(img: Page, dpi: int, rng: random.Random) -> Page:
    """Grey paper (recycled, or a copy of a copy): white at 66-78 % with a faint mottle, the ink as dark as it was."""
    level = rng.randint(168, 198)
    mottle = Image.frombytes("L", (24, 34), bytes(rng.randint(level - 10, level + 10) for _ in range(24 * 34)))
    return ImageChops.multiply(img, mottle.resize(img.size, Image.Resampling.BICUBIC))


def bluestamp(img: Page, dpi: int, rng: random.Random) -> Page:
    """A colour scan of a page stamped on receipt: a blue box "ĐẾN / Số: … / Ngày: …" in stamp ink (uneven, a little
    turned), over the text or a table in the page's upper two thirds, as offices stamp the documents they receive."""
    from PIL import ImageFont

    u = dpi / 300
    w, h = img.size
    ink = Image.new("L", (int(760 * u), int(330 * u)), 255)
    draw = ImageDraw.Draw(ink)
    draw.rectangle((4, 4, ink.size[0] - 5, ink.size[1] - 5), outline=0, width=int(8 * u))
    big, small = ImageFont.truetype(build.FONT_BOLD, int(64 * u)), ImageFont.truetype(build.FONT, int(44 * u))
    draw.text((int(40 * u), int(30 * u)), "SỞ NỘI VỤ  ĐẾN", fill=0, font=big)
    draw.text((int(40 * u), int(135 * u)), f"Số: {rng.randint(100, 9999)}", fill=0, font=small)
    draw.text((int(40 * u), int(215 * u)), f"Ngày: {rng.randint(1, 28)}/{rng.randint(1, 12)}/2026", fill=0, font=small)
    ink = ink.rotate(rng.uniform(-8, 8), expand=True, fillcolor=255)
    x, y = int(rng.uniform(0.1, 0.55) * w), int(rng.uniform(0.1, 0.6) * h)
    mask = Image.new("L", img.size, 255)
    mask.paste(ink, (x, y))
    tile = Image.frombytes("L", (64, 64), bytes(rng.randint(0, 90) for _ in range(64 * 64)))
    uneven = ImageChops.lighter(mask, tile.resize(img.size, Image.Resampling.BICUBIC))  # worn pad: paler patches
    blue = Image.merge("RGB", [uneven.point(lambda v: 45 + v * 210 // 255), uneven.point(lambda v: 75 + v * 180 // 255),
                               uneven.point(lambda v: 170 + v * 85 // 255)])
    return ImageChops.multiply(img.convert("RGB"), blue)


Damage = Callable[[Page, int, random.Random], Page]
DAMAGES: dict[str, tuple[int, list[Damage], str]] = {  # name -> (dpi, damages in order, container)
    "none": (300, [], "pdf"),
    "rotate": (300, [rotate], "pdf"),
    "rotate90": (300, [rotate90], "pdf"),
    "upside": (300, [upside], "pdf"),
    "dpi150": (150, [], "pdf"),
    "dpi150img": (150, [], "tiff"),
    "jpeg": (300, [jpeg], "pdf"),
    "noise": (300, [noise], "pdf"),
    "stamp": (300, [stamp], "pdf"),
    "redstamp": (300, [redstamp], "pdf"),
    "light": (300, [light], "pdf"),
    "greypaper": (300, [greypaper], "pdf"),
    "bluestamp": (300, [bluestamp], "pdf"),
    "all": (200, [rotate, light, noise, stamp, jpeg], "pdf"),
}


def send(pages: list[Page], dpi: int, container: str) -> bytes:
    pages = [p.copy() for p in pages]  # a save leaves its encoder's settings on the image
    buf = io.BytesIO()
    if container == "tiff":
        pages[0].save(buf, format="TIFF", dpi=(dpi, dpi), save_all=True, append_images=pages[1:])
    else:
        pages[0].save(buf, format="PDF", resolution=dpi, save_all=True, append_images=pages[1:])
    return buf.getvalue()


def forms(only: str, pages: int, files: str = "") -> list[tuple[str, str, bytes, dict[str, Any], Any]]:
    """(gold name, plan text, LibreOffice PDF, gold on the pages read, registry)."""
    out = []
    for path in sorted(Q.GOLD_DIR.glob(f"{only}*.json")):
        if files and path.stem not in files.split(","):
            continue
        gold = json.loads(path.read_text(encoding="utf-8"))
        if not gold["source"].startswith("forms/"):
            continue
        text = (Q.GOLD_DIR.parent / gold["source"]).read_text(encoding="utf-8")
        key = hashlib.sha1(text.encode()).hexdigest()[:16]
        docx = Q._cached(key, ".docx", lambda text=text: build.to_docx(text, repeat_header=True))
        pdf = Q._cached(key, ".lo.pdf", lambda docx=docx: build.docx_to_pdf(docx, Q.CACHE_DIR))
        total = Q._pdf_pages(pdf)
        if pages and pages < total:
            numbered = any(g.get("no") for item in ("targets", "tasks") for g in gold.get(item) or [])
            sgold = Q._on_pages(gold, pdf, 1, pages) if numbered else Q._text_on_pages(gold, pdf, 1, pages)
            sgold["document"] = gold.get("document")  # the head is on page 1
        else:
            sgold = gold
        out.append((path.stem, text, pdf, sgold, Q._registry(gold)))
    return out


def main() -> None:
    args = dict(a[2:].split("=", 1) if "=" in a else (a[2:], "") for a in sys.argv[1:] if a.startswith("--"))
    only, pages = args.get("only", "forms"), int(args.get("pages", "2"))
    names = args["damage"].split(",") if args.get("damage") else list(DAMAGES)
    by_file, timing, fresh = "by-file" in args, "time" in args, "no-cache" in args
    results: dict[str, dict[str, Q.Score]] = {}
    seconds: dict[str, list[float]] = {}
    crashes: list[str] = []
    for n, (stem, _text, pdf, gold, reg) in enumerate(forms(only, pages, args.get("files", ""))):
        rendered: dict[int, list[Page]] = {}
        for name in names:
            dpi, steps, container = DAMAGES[name]
            if dpi not in rendered:
                rendered[dpi] = rasterise(pdf, dpi, pages)
            rng = random.Random(f"{stem}/{name}")
            damaged = []
            for page in rendered[dpi]:
                for step in steps:
                    page = step(page, dpi, rng)
                damaged.append(page)
            data = send(damaged, dpi, container)
            spent = _ocr_seconds()
            try:
                with contextlib.nullcontext() if fresh else Q._ocr_cache():
                    plan = parse_bytes(data, f"scan.{container}", registry=reg)
            except Exception as exc:  # a reader's crash is a finding: scored as an empty plan, and told
                crashes.append(f"{name} {stem}: {type(exc).__name__}: {str(exc)[:120]}")
                plan = parse_bytes(b"(crash)", "crash.txt")
            seconds.setdefault(name, []).append((_ocr_seconds() - spent) / len(damaged))
            j = Q.in_scope(plan, gold)
            key = f"{name} {stem}" if by_file else name
            bucket = results.setdefault(
                key, {"tasks": Q.Score(), "targets": Q.Score(), "document": Q.Score()}
            )
            if "tasks" in gold or "task_count" in gold:
                bucket["tasks"].merge(Q.score_tasks(j, gold))
            if "targets" in gold:
                bucket["targets"].merge(Q.score_targets(j, gold))
            bucket["document"].merge(Q.score_document(j, gold))
        print(f"[{n + 1}] {stem} done", file=sys.stderr, flush=True)
    print(Q.report(results))
    for line in crashes:
        print("CRASH", line)
    if timing:
        for name, values in seconds.items():
            print(
                f"{name:<10} reader CPU (with its Tesseract children) {sum(values) / len(values):5.1f} s a page"
            )


def _ocr_seconds() -> float:
    """CPU seconds of this process and its finished children (Tesseract), cached pages cost only the reader."""
    import resource

    own, kids = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime + kids.ru_utime + kids.ru_stime


if __name__ == "__main__":
    main()

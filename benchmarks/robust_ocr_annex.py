"""Robustness of the OCR'd indicator annex reader: the reference plan 03's plain OCR text (cached by
quality_parse.py under var/quality/, which must have been built) damaged one way at a time on its /dev
(odd) pages, then parsed whole; the /dev gold's indicators found, with the right value, lead and name,
summed over the variants, against the unmodified text's figures times the number of variants.
Held (even) pages are parsed as quality_parse.py parses them, never changed and never shown.

Usage: .venv/bin/python benchmarks/robust_ocr_annex.py [FAMILY ...] [-v]
Families: rowno (one row number removed), unitline (a unit cell's line lost), pagebreak (a row's lines
past its number line pushed over a page break with the header repeated), degrade (every page degraded
like the seeds with four other seeds). DSEED=N degrades every page first (seed page + N).
"""

from __future__ import annotations

import hashlib
import json
import os
import re
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from giamsat.ingest import quality as Q  # noqa: E402
from giamsat.ingest.fold import fold  # noqa: E402
from giamsat.ingest.pipeline import parse_bytes  # noqa: E402
from giamsat.ingest.rows import ROW_NO  # noqa: E402

SHARED = Path(os.environ.get("GIAMSAT_SHARED_DIR", ROOT.parent / "shared"))
Variant = tuple[str, dict[int, str]]


def load() -> tuple[dict[str, Any], Any, list[str], list[dict[str, Any]]]:
    gold = json.loads((Q.GOLD_DIR / "reference_03.json").read_text(encoding="utf-8"))
    text = (SHARED / gold["source"]).read_text(encoding="utf-8")
    reg = Q._registry(gold)
    gold = Q._with_names(gold, text)
    key = hashlib.sha1(text.encode()).hexdigest()[:16]
    pdf = (Q.CACHE_DIR / f"{key}.lo.pdf").read_bytes()
    count = min(Q._pdf_pages(pdf), Q.OCR_TEXT_PAGES)
    pages = Q.ocr_text_pages((Q.CACHE_DIR / f"{key}.scan1-{count}.pdf").read_bytes())
    where = Q._item_pages(gold, pdf)
    dev = [g for k, g in enumerate(gold.get("targets") or []) if where.get(("targets", k), -1) % 2 == 1]
    return gold, reg, pages, dev


def run(pages: list[str], reg: Any, dev: list[dict[str, Any]], gold: dict[str, Any]) -> dict[str, tuple[bool, ...]]:
    """Per /dev gold row number: (value right, lead right, name right)."""
    line_page: list[int] = []
    for n, t in enumerate(pages, 1):
        line_page.extend([n] * (len(t.rstrip("\n").split("\n")) + 3))
    plan = parse_bytes("\n\n\n\n".join(t.rstrip("\n") for t in pages).encode(), "plan.txt", registry=reg)
    sgold = {**gold, "targets": dev, "tasks": [], "lines": sorted(k + 1 for k, p in enumerate(line_page) if p % 2 == 1)}
    j = Q.in_scope(plan, sgold)
    return {str(g.get("no")): ("comparator" not in g or Q._value_ok(p, g), not g.get("lead") or p.get("lead_code") in g["lead"],
                               Q._same_name(p.get("name") or "", g.get("name") or ""))
            for p, g in Q._match(j["targets"], dev)}


def summary(res: dict[str, tuple[bool, ...]]) -> list[int]:
    return [len(res), *(sum(r[k] for r in res.values()) for k in range(3))]


def annex_dev_pages(pages: list[str]) -> list[int]:
    out, on = [], False
    for n, page in enumerate(pages):
        f = fold(page)
        on = on or bool(re.search(r"danh\s*muc\s*cac\s*chi\s*tieu|chi\s*tieu\s*don\s*vi", f))
        if on and re.search(r"danh\s*muc\s*cac\s*nhiem\s*vu|nhiem\s*vu\s*co\s*quan", f):
            on = False
        if on and (n + 1) % 2 == 1:
            out.append(n)
    return out


def rowno(pages: list[str]) -> Iterator[Variant]:
    for n in annex_dev_pages(pages):
        lines = pages[n].split("\n")
        for i, line in enumerate(lines):
            if (m := ROW_NO.match(line)) and int(m.group(1).split(".")[0]) < 80:
                yield f"p{n + 1}:drop-no {m.group(1)}", {n: "\n".join([*lines[:i], line[m.end():], *lines[i + 1:]])}


def unitline(pages: list[str]) -> Iterator[Variant]:
    unit = re.compile(r"^\s*(%|%\s*GDP|%\s*GRDP|Thứ bậc|Tổ chức|Doanh nghiệp)\s*$", re.I)
    for n in annex_dev_pages(pages):
        lines = pages[n].split("\n")
        for i, line in enumerate(lines):
            if unit.match(line):
                yield f"p{n + 1}:lose-unit {i}", {n: "\n".join([*lines[:i], *lines[i + 1:]])}


def pagebreak(pages: list[str]) -> Iterator[Variant]:
    header = ["", "", "", "77", "", "TT Chỉ tiêu Đơn vị Kết quả Cơ quan chủ trì", ""]
    for n in annex_dev_pages(pages):
        lines = pages[n].split("\n")
        for i, line in enumerate(lines):
            if (m := ROW_NO.match(line)) and i + 2 < len(lines) and lines[i + 1].strip() and line[m.end():].strip():
                yield f"p{n + 1}:break-after {m.group(1)}", {n: "\n".join([*lines[:i + 1], *header, *lines[i + 1:]])}


def degrade(pages: list[str]) -> Iterator[Variant]:
    for seed in (100, 200, 300, 400):
        yield f"degrade+{seed}", {n: Q.degrade(p, seed=n + 1 + seed) for n, p in enumerate(pages)}


FAMILIES = {"rowno": rowno, "unitline": unitline, "pagebreak": pagebreak, "degrade": degrade}


def main() -> None:
    families = [a for a in sys.argv[1:] if not a.startswith("-")] or list(FAMILIES)
    gold, reg, pages, dev = load()
    if os.environ.get("DSEED"):
        pages = [Q.degrade(p, seed=n + 1 + int(os.environ["DSEED"])) for n, p in enumerate(pages)]
    base = run(pages, reg, dev, gold)
    print(f"unmodified: found/value/lead/name {summary(base)} of {len(dev)}")
    for family in families:
        total, count = [0, 0, 0, 0], 0
        for name, change in FAMILIES[family](pages):
            res = run([change.get(k, p) for k, p in enumerate(pages)], reg, dev, gold)
            total = [a + b for a, b in zip(total, summary(res), strict=True)]
            count += 1
            worse = [k for k in base if any(b and not r for b, r in zip(base[k], res.get(k, (False,) * 3), strict=True))]
            if worse or "-v" in sys.argv:
                print(f"  {name}: {summary(res)} worse {[(k, res.get(k)) for k in worse]}")
        print(f"{family}: {count} variants, found/value/lead/name {total} (unmodified x{count}: "
              f"{[x * count for x in summary(base)]})")


if __name__ == "__main__":
    main()

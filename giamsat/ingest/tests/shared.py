"""Where the seed and reference plans live (never copied into the repo); a ruled table drawn on a page image."""

from __future__ import annotations

import io
import os
from pathlib import Path
from typing import Any

import pytest
from PIL import Image, ImageDraw, ImageFont

REPO = Path(__file__).resolve().parents[3]


def shared_dir() -> Path:
    return Path(os.environ.get("GIAMSAT_SHARED_DIR", REPO.parent / "shared"))


def shared_file(*parts: str) -> Path:
    path = shared_dir().joinpath(*parts)
    if not path.exists():
        pytest.skip(f"shared documents not available: {path} (set GIAMSAT_SHARED_DIR)")
    return path


def draw_ruled_table(draw: ImageDraw.ImageDraw, rows: list[list[str]], xs: list[int], top: int, height: int,
                     font: ImageFont.FreeTypeFont, pad: tuple[int, int] = (25, 55)) -> None:
    """A table ruled on every row and column, as a scan shows it: `xs` the column rules, `height` a row's."""
    for r, row in enumerate(rows):
        y = top + r * height
        draw.line((xs[0], y, xs[-1], y), fill=0, width=4)
        for c, cell in enumerate(row):
            draw.text((xs[c] + pad[0], y + pad[1]), cell, fill=0, font=font)
    bottom = top + len(rows) * height
    draw.line((xs[0], bottom, xs[-1], bottom), fill=0, width=4)
    for x in xs:
        draw.line((x, top, x, bottom), fill=0, width=4)


def pdf_words(text: str, x0: float, top: float, size: float = 10) -> list[dict[str, Any]]:
    """The words of `text` set from x0 on in type of `size` (a letter 0.5 of it wide, a space 0.25), as pdfplumber
    gives a text PDF's words: made-up positions for the borderless table reader."""
    out = []
    for word in text.split():
        out.append({"text": word, "x0": x0, "x1": x0 + 0.5 * size * len(word), "top": top, "h": size})
        x0 += 0.5 * size * len(word) + 0.25 * size
    return out


def typed_docx(paragraphs: list[str], pipe_rows: list[str]) -> bytes:
    """A DOCX as a typist makes it: the paragraphs, then one table whose cells are the pipe rows' ("| 1 | … |"; a
    "|---|" rule skipped), each cell's text as given (legacy-font bytes as Latin-1 letters, too)."""
    import docx

    d = docx.Document()
    for line in paragraphs:
        d.add_paragraph(line)
    rows = [[c.strip() for c in x.strip("|").split("|")] for x in pipe_rows if not x.startswith("|---")]
    table = d.add_table(rows=len(rows), cols=len(rows[0]))
    for r, row in enumerate(rows):
        for c, cell in enumerate(row):
            table.cell(r, c).text = cell
    buf = io.BytesIO()
    d.save(buf)
    return buf.getvalue()


def borderless_page(rows: list[list[list[str]]], size: tuple[int, int], before: str = "", after: str = "",
                    widths_of: list[list[list[str]]] | None = None) -> Image.Image:
    """A table set without rules, as a scan shows it: each cell a list of lines 40 px apart, rows 60 px apart, each
    column 60 px past the widest cell of `widths_of` (`rows` by default: a table run on over pages keeps its columns);
    `before` a line above the table, `after` one below it."""
    from giamsat.ingest.samples.build import FONT

    font = ImageFont.truetype(FONT, 27)
    img = Image.new("L", size, 255)
    draw = ImageDraw.Draw(img)
    table = widths_of or rows
    xs = [140, 230]
    for c in range(1, len(table[0])):
        xs.append(xs[-1] + int(max(draw.textlength(t, font=font) for row in table for t in row[c])) + 60)
    if before:
        draw.text((120, 80), before, fill=0, font=font)
    y = 200
    for row in rows:
        for c, cell in enumerate(row):
            for n, text in enumerate(cell):
                draw.text((xs[c], y + n * 40), text, fill=0, font=font)
        y += 40 * max(len(cell) for cell in row) + 60
    if after:
        draw.text((120, y + 40), after, fill=0, font=font)
    return img

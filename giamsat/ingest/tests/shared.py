"""Where the seed and reference plans live (never copied into the repo); a ruled table drawn on a page image."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from PIL import ImageDraw, ImageFont

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

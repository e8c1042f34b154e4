"""Where the seed and reference plans live (never copied into the repo)."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[3]


def shared_dir() -> Path:
    return Path(os.environ.get("GIAMSAT_SHARED_DIR", REPO.parent / "shared"))


def shared_file(*parts: str) -> Path:
    path = shared_dir().joinpath(*parts)
    if not path.exists():
        pytest.skip(f"shared documents not available: {path} (set GIAMSAT_SHARED_DIR)")
    return path

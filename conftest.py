"""Shared fixtures: named personas of the domain and the shared documents folder."""

from __future__ import annotations

from pathlib import Path

import pytest

SHARED = Path(__file__).resolve().parent.parent / "shared"


@pytest.fixture
def shared_dir() -> Path:
    from django.conf import settings

    path = Path(settings.SHARED_DIR)
    if not (path / "seeds").is_dir():
        pytest.skip(f"shared documents not found at {path}")
    return path

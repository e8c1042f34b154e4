"""Shared fixtures: named personas of the domain and the shared documents folder."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

SHARED = Path(__file__).resolve().parent.parent / "shared"


@pytest.fixture
def shared_dir() -> Path:
    from django.conf import settings

    path = Path(settings.SHARED_DIR)
    if not (path / "seeds").is_dir():
        pytest.skip(f"shared documents not found at {path}")
    return path


@pytest.fixture(autouse=True)
def _fresh_unit_tree() -> Iterator[None]:
    """Each test builds its own units; a tree kept by an earlier test (whose rows were rolled back
    and whose ids may come again) must not be reused."""
    import sys

    module = sys.modules.get("giamsat.reporting.evaluation")
    if module is not None:
        module._TREE = None  # type: ignore[attr-defined]
    yield


CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync"]


@pytest.fixture
def browser() -> Iterator[Any]:
    """Debian's headless Chromium driven by Playwright. Missing Chromium skips on a developer's
    machine but fails under scripts/test.sh (CI), which installs it."""
    from playwright import sync_api

    from giamsat.testing import require_tool

    require_tool(Path(CHROMIUM).exists(), "Chromium (/usr/bin/chromium)")
    with sync_api.sync_playwright() as p:
        chromium = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()

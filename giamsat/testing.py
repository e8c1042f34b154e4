"""Helpers for the test suite (imported by tests only).

`require_tool`: a test that needs a program the project installs (LibreOffice, poppler, Chromium,
hunspell-vi …) skips where it is missing on a developer's machine, but fails under
`scripts/test.sh` (what CI runs: it installs them first and sets GIAMSAT_REQUIRE_TOOLS=1), so a
broken setup cannot pass as a row of skips.
"""

from __future__ import annotations

import os

import pytest


def tools_required() -> bool:
    return os.environ.get("GIAMSAT_REQUIRE_TOOLS", "") not in ("", "0") or bool(os.environ.get("CI"))


def require_tool(available: bool, what: str) -> None:
    if available:
        return
    message = f"{what} is not installed (scripts/setup.sh dev installs it)"
    if tools_required():
        pytest.fail(message)
    pytest.skip(message)

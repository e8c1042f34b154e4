"""Diacritics restorer for OCR-damaged Vietnamese (interface; the decoder lands with issue 4).

`restore_text(text)` returns text with the same number of lines, in the same order.
"""

from __future__ import annotations


def restore_text(text: str) -> str:
    """Placeholder until the decoder lands: returns the text unchanged."""
    return text

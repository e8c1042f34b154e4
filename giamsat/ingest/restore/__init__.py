"""Diacritics restorer for OCR-damaged Vietnamese.

`restore_text(text)` returns text with the same number of lines, in the same order. The model
(data/model.tsv.gz) is loaded once, on first use; rebuild it with
`python -m giamsat.ingest.restore.build` (see README.md).
"""

from __future__ import annotations

import threading

from .decoder import Restorer

__all__ = ["Restorer", "get_restorer", "restore_line", "restore_text"]

_lock = threading.Lock()
_restorer: Restorer | None = None


def get_restorer() -> Restorer:
    """The shared Restorer, loaded on first call (building its tables takes about a second, reading them back from
    beside the model a tenth of that)."""
    global _restorer
    if _restorer is None:
        with _lock:
            if _restorer is None:
                _restorer = Restorer()
    return _restorer


def restore_text(text: str) -> str:
    """Restore the diacritics of OCR text; same number of lines, same order."""
    return get_restorer().restore_text(text)


def restore_line(line: str) -> str:
    """Restore one line (a newline inside it is read as a space)."""
    return get_restorer().restore_line(line)

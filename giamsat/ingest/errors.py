"""Errors and the hard limits that keep bad input bounded in time and memory."""

from __future__ import annotations

MAX_BYTES = 50 * 1024 * 1024          # an upload larger than this is refused
MAX_PAGES = 500                        # PDF pages read; more is refused
MAX_DECOMPRESSED = 200 * 1024 * 1024   # total uncompressed size of a DOCX archive
MAX_ZIP_RATIO = 200                    # a member compressing better than this is a bomb
MAX_TEXT_CHARS = 5_000_000             # decoded text kept for parsing
OCR_TIMEOUT_PER_PAGE = 60              # seconds Tesseract may spend on one page
OCR_MAX_PAGES = 60                     # scanned pages OCR'd; more is refused
MAX_IMAGE_PIXELS = 60_000_000          # larger images are refused (decompression bombs)


class IngestError(ValueError):
    """A document giamsat cannot read; `str(err)` is a Vietnamese message for the user."""

    def __init__(self, message: str, code: str = "unreadable") -> None:
        super().__init__(message)
        self.code = code

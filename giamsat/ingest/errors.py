"""Errors and the hard limits that keep bad input bounded in time and memory."""

from __future__ import annotations

MAX_BYTES = 50 * 1024 * 1024          # an upload larger than this is refused
MAX_PAGES = 500                        # PDF pages read; more is refused
MAX_DECOMPRESSED = 200 * 1024 * 1024   # total uncompressed size of a DOCX archive
MAX_ZIP_RATIO = 200                    # a member compressing better than this is a bomb
MAX_TEXT_CHARS = 5_000_000             # decoded text kept for parsing
OCR_TIMEOUT_PER_PAGE = 60              # seconds Tesseract may spend on one page
OCR_MAX_PAGES = 60                     # scanned pages OCR'd; more is refused
LEGACY_WORD_SECONDS = 120              # wall time LibreOffice may take to turn a .doc into DOCX
MAX_IMAGE_PIXELS = 60_000_000          # larger images are refused (decompression bombs)
# A PDF's text is read in a child process (readers.bounded) held to these; past them it is refused:
PDF_CPU_SECONDS = 240                  # CPU (a 500-page plan reads in ~45 s)
PDF_WALL_SECONDS = 600                 # wall time, on a loaded machine
PDF_MEMORY = 1536 * 1024 * 1024        # memory beyond the server process's (a compression bomb)
PDF_SECONDS = 180                      # CPU for the pages' text, checked between pages
# … and each page to these; a page past them is left out with a warning:
PDF_PAGE_OBJECTS = 20_000              # characters, path points, images and forms drawn (a dense page: ~5,000)
PDF_PAGE_SECONDS = 10                  # CPU drawing it


class IngestError(ValueError):
    """A document giamsat cannot read; `str(err)` is a Vietnamese message for the user."""

    def __init__(self, message: str, code: str = "unreadable") -> None:
        super().__init__(message)
        self.code = code

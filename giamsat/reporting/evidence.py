"""Checking evidence files: the type is read from the content (magic bytes), the size from settings.

An extension is only a claim; a file is accepted when its first bytes match a type allowed for that
extension. Executables are refused whatever their name.
"""

from __future__ import annotations

import hashlib
import io
import zipfile
from dataclasses import dataclass
from pathlib import PurePath
from typing import Any

from django.conf import settings

from giamsat.reporting.errors import ValidationError

# extension → (content type, detected kind)
ALLOWED: dict[str, tuple[str, str]] = {
    ".pdf": ("application/pdf", "pdf"),
    ".png": ("image/png", "png"),
    ".jpg": ("image/jpeg", "jpeg"),
    ".jpeg": ("image/jpeg", "jpeg"),
    ".gif": ("image/gif", "gif"),
    ".tif": ("image/tiff", "tiff"),
    ".tiff": ("image/tiff", "tiff"),
    ".docx": ("application/vnd.openxmlformats-officedocument.wordprocessingml.document", "docx"),
    ".xlsx": ("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "xlsx"),
    ".pptx": ("application/vnd.openxmlformats-officedocument.presentationml.presentation", "pptx"),
    ".doc": ("application/msword", "ole"),
    ".xls": ("application/vnd.ms-excel", "ole"),
    ".odt": ("application/vnd.oasis.opendocument.text", "odf"),
    ".ods": ("application/vnd.oasis.opendocument.spreadsheet", "odf"),
    ".zip": ("application/zip", "zip"),
    ".txt": ("text/plain", "text"),
    ".csv": ("text/csv", "text"),
}

_EXECUTABLE = (b"MZ", b"\x7fELF", b"\xcf\xfa\xed\xfe", b"\xfe\xed\xfa\xce", b"#!")


@dataclass(frozen=True)
class CheckedFile:
    name: str
    content: bytes
    content_type: str
    sha256: str


def sniff(content: bytes) -> str:
    """The kind of file the bytes are, or '' when unknown."""
    head = content[:8]
    if head.startswith(b"%PDF-"):
        return "pdf"
    if head.startswith(b"\x89PNG\r\n\x1a\n"):
        return "png"
    if head.startswith(b"\xff\xd8\xff"):
        return "jpeg"
    if head.startswith((b"GIF87a", b"GIF89a")):
        return "gif"
    if head.startswith((b"II*\x00", b"MM\x00*")):
        return "tiff"
    if head.startswith(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"):
        return "ole"
    if head.startswith(b"PK\x03\x04"):
        return _sniff_zip(content)
    if head.startswith(_EXECUTABLE):
        return "executable"
    return "text" if _is_text(content) else ""


def _sniff_zip(content: bytes) -> str:
    try:
        names = zipfile.ZipFile(io.BytesIO(content)).namelist()
    except zipfile.BadZipFile:
        return ""
    if "word/document.xml" in names:
        return "docx"
    if "xl/workbook.xml" in names:
        return "xlsx"
    if "ppt/presentation.xml" in names:
        return "pptx"
    if "mimetype" in names and "content.xml" in names:
        return "odf"
    return "zip"


def _is_text(content: bytes) -> bool:
    sample = content[:65536]
    if b"\x00" in sample:
        return False
    try:
        sample.decode("utf-8")
    except UnicodeDecodeError as exc:
        return exc.start > len(sample) - 4  # a multi-byte character cut at the sample's end
    return True


def check_upload(uploaded: Any) -> CheckedFile:
    """Read an uploaded file (Django UploadedFile, or anything with .name and .read()) and check it."""
    name = PurePath(str(getattr(uploaded, "name", "") or "tep")).name[:255]
    limit = int(settings.GIAMSAT_MAX_UPLOAD_BYTES)
    size = getattr(uploaded, "size", None)
    if size is not None and size > limit:
        raise ValidationError(_too_big(name, limit))
    content = uploaded.read(limit + 1)
    if len(content) > limit:
        raise ValidationError(_too_big(name, limit))
    if not content:
        raise ValidationError(f"Tệp “{name}” rỗng.")
    ext = PurePath(name).suffix.lower()
    if ext not in ALLOWED:
        raise ValidationError(f"Tệp “{name}”: định dạng {ext or '(không có phần mở rộng)'} không được chấp nhận. "
                              f"Chấp nhận: {', '.join(sorted(ALLOWED))}.")
    content_type, expected = ALLOWED[ext]
    found = sniff(content)
    if found != expected and not (expected == "zip" and found in ("docx", "xlsx", "pptx", "odf")):
        what = "tệp chạy được (chương trình)" if found == "executable" else (found.upper() if found else "không xác định")
        raise ValidationError(f"Tệp “{name}” có đuôi {ext} nhưng nội dung là {what}: không khớp, không được nhận.")
    return CheckedFile(name, content, content_type, hashlib.sha256(content).hexdigest())


def _too_big(name: str, limit: int) -> str:
    return f"Tệp “{name}” vượt quá dung lượng cho phép ({limit / 1024 / 1024:.1f} MB)."

"""Bad input ends in a clear IngestError or an empty result with warnings, in bounded time."""

from __future__ import annotations

import io
import os
import time
import zipfile
from pathlib import Path

import pytest

from giamsat.ingest.errors import MAX_PAGES, IngestError
from giamsat.ingest.pipeline import parse_bytes, parse_path


def _refused(data: bytes, code: str) -> IngestError:
    started = time.perf_counter()
    with pytest.raises(IngestError) as info:
        parse_bytes(data)
    assert time.perf_counter() - started < 10
    assert info.value.code == code
    assert isinstance(info.value, ValueError)
    return info.value


def test_empty_file() -> None:
    err = _refused(b"", "empty")
    assert "rỗng" in str(err)
    _refused(b"  \n\n \t", "empty")


def test_binary_garbage() -> None:
    err = _refused(os.urandom(64_000), "binary")
    assert "không đọc được" in str(err)


def test_pdf_with_too_many_pages() -> None:
    from pypdf import PdfWriter

    writer = PdfWriter()
    for _ in range(2000):
        writer.add_blank_page(width=200, height=200)
    buf = io.BytesIO()
    writer.write(buf)
    err = _refused(buf.getvalue(), "too_many_pages")
    assert str(MAX_PAGES) in str(err)


def test_encrypted_pdf() -> None:
    from pypdf import PdfWriter

    writer = PdfWriter()
    writer.add_blank_page(width=200, height=200)
    writer.encrypt("mật-khẩu")
    buf = io.BytesIO()
    writer.write(buf)
    err = _refused(buf.getvalue(), "encrypted")
    assert "mật khẩu" in str(err)


def test_docx_zip_bomb() -> None:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", compression=zipfile.ZIP_DEFLATED) as zf, \
            zf.open("word/document.xml", "w") as member:
        chunk = b"\0" * (1 << 20)
        for _ in range(64):
            member.write(chunk)
    assert len(buf.getvalue()) < 1_000_000
    err = _refused(buf.getvalue(), "zip_bomb")
    assert "zip bomb" in str(err)


def test_zip_that_is_not_a_docx() -> None:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as zf:
        zf.writestr("hello.txt", "xin chào")
    _refused(buf.getvalue(), "not_docx")


def test_zip_of_a_version_the_reader_does_not_know() -> None:
    """A damaged zip whose member says it needs zip version 23.1 (found by the fuzzer): a clear error, not
    Python's NotImplementedError."""
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as zf:
        zf.writestr("word/document.xml", "<w:document/>")
    data = bytearray(buf.getvalue())
    central = data.index(b"PK\x01\x02")
    data[central + 6:central + 8] = (231).to_bytes(2, "little")      # "version needed to extract": 23.1
    _refused(bytes(data), "bad_zip")


def test_truncated_pdf() -> None:
    _refused(b"%PDF-1.7\n1 0 obj <<>> endobj\n", "bad_pdf")


def test_text_without_a_plan_gives_an_empty_result_with_warnings() -> None:
    plan = parse_bytes("Xin chào, đây là một lá thư ngắn gửi bạn bè.\nHẹn gặp lại.".encode())
    j = plan.to_json()
    assert j["tasks"] == [] and j["targets"] == [] and j["assignments"] == []
    assert any("Không tìm thấy cấu trúc kế hoạch" in w for w in j["warnings"])
    assert j["document"]["number"] is None and j["document"]["date"] is None


def test_missing_file_is_an_ingest_error(tmp_path: object) -> None:
    with pytest.raises(IngestError):
        parse_path("/nonexistent/plan.pdf")


def test_legacy_word_file_is_refused_with_advice() -> None:
    err = _refused(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 4096, "legacy_office")
    assert "DOCX" in str(err)


def test_pdf_the_text_reader_takes_but_the_renderer_refuses() -> None:
    """Found by the atheris fuzzer: pdfplumber reads a mangled PDF as pages without text, PDFium refuses to
    render them for OCR; that is a broken PDF, not a crash."""
    data = (Path(__file__).parent / "data" / "fuzz" / "pdf_renderer_refuses.pdf").read_bytes()
    err = _refused(data, "bad_pdf")
    assert "PDF hỏng" in str(err)


def test_a_pdf_page_metres_tall_is_rendered_for_ocr_at_a_bounded_size(monkeypatch: pytest.MonkeyPatch) -> None:
    """Found by the atheris fuzzer: a scanned page whose MediaBox is 595 x 81,889 points, rendered at 300 dpi,
    took 2.4 GB; its image is now held to an A3 page's pixels."""
    from giamsat.ingest import readers

    sizes: list[tuple[int, int]] = []

    def fake_ocr(image: object, warnings: list[str], above: object = None) -> list[str]:
        sizes.append(image.size)  # type: ignore[attr-defined]
        return []

    monkeypatch.setattr(readers, "ocr_image", fake_ocr)
    data = (Path(__file__).parent / "data" / "fuzz" / "pdf_page_metres_tall.pdf").read_bytes()
    assert parse_bytes(data, "fuzz").input_kind == "pdf_scan"
    assert len(sizes) == 1 and sizes[0][0] * sizes[0][1] <= 20_200_000 and sizes[0][1] > 10 * sizes[0][0]   # pixels rounded up


def test_a_docx_whose_member_name_is_not_utf8_is_a_broken_zip() -> None:
    """Found by the atheris fuzzer: a zip entry flagged UTF-8 whose name is not made zipfile raise
    UnicodeDecodeError, a crash; it is a broken file."""
    data = (Path(__file__).parent / "data" / "fuzz" / "docx_member_name_not_utf8.docx").read_bytes()
    assert "Tệp nén hỏng" in str(_refused(data, "bad_zip"))

"""Made-up hostile PDFs (a few KB each) are refused or read within bounded time and memory.

Each is written by hand, object by object: forms that draw a form twice, 25 deep (2^24 drawings); a content
stream a thousand times its compressed size; a stream compressed twice that inflates to gigabytes; arrays
nested 100,000 deep; a page tree that holds itself. The PDF's text is read in a child process held in CPU and
memory (`readers.bounded`); each page in what it draws and its CPU time (a page past them is left out with a
warning, the other pages are read).
"""

from __future__ import annotations

import concurrent.futures
import logging
import subprocess
import sys
import threading
import time
import zlib
from pathlib import Path
from typing import Any

import pytest

from giamsat.ingest import readers
from giamsat.ingest.errors import IngestError
from giamsat.ingest.pipeline import parse_bytes

TEXT = b"BT /F1 12 Tf 72 720 Td (KE HOACH so 12/KH-UBND cua UBND tinh Bac Son ve chuyen doi so) Tj ET\n"
FONT = b"<< /F1 << /Type /Font /Subtype /Type1 /BaseFont /Helvetica >> >>"


def _pdf(objects: dict[int, bytes]) -> bytes:
    """A PDF of the numbered objects (1 is the catalogue), with a right cross-reference table."""
    out = bytearray(b"%PDF-1.7\n")
    offsets = {}
    for n in sorted(objects):
        offsets[n] = len(out)
        out += b"%d 0 obj\n%s\nendobj\n" % (n, objects[n])
    start, size = len(out), max(objects) + 1
    out += b"xref\n0 %d\n0000000000 65535 f \n" % size
    out += b"".join(
        b"%010d 00000 n \n" % offsets[n] if n in offsets else b"0000000000 65535 f \n" for n in range(1, size)
    )
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (size, start)
    return bytes(out)


def _stream(data: bytes, extra: bytes = b"") -> bytes:
    data = zlib.compress(data, 9)
    return b"<< /Length %d /Filter /FlateDecode%s >>\nstream\n%s\nendstream" % (len(data), extra, data)


def _two_pages(second: bytes, resources: bytes = b"", extra: dict[int, bytes] | None = None) -> bytes:
    """Page 1 a plain line of text, page 2 the hostile content stream."""
    return _pdf(
        {
            1: b"<< /Type /Catalog /Pages 2 0 R >>",
            2: b"<< /Type /Pages /Kids [3 0 R 4 0 R] /Count 2 >>",
            3: b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font %s >> /Contents 5 0 R >>"
            % FONT,
            4: b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font %s %s >> /Contents 6 0 R >>"
            % (FONT, resources),
            5: _stream(TEXT),
            6: _stream(second),
            **(extra or {}),
        }
    )


def _read_in_time(data: bytes, seconds: float = 60) -> list[str]:
    started = time.perf_counter()
    plan = parse_bytes(data, "hostile.pdf")
    assert time.perf_counter() - started < seconds
    assert "Bac Son" in plan.raw_text  # the first page is read
    return list(plan.to_json()["warnings"])


def _forms_drawing_forms(depth: int = 25) -> bytes:
    extra = {}
    for k in range(depth):
        body, resources = (
            (TEXT, b"<< /Font %s >>" % FONT)
            if k == depth - 1
            else (b"/X Do /X Do", b"<< /XObject << /X %d 0 R >> >>" % (11 + k))
        )
        extra[10 + k] = _stream(
            body, b" /Type /XObject /Subtype /Form /BBox [0 0 595 842] /Resources " + resources
        )
    return _two_pages(b"/X Do", b"/XObject << /X 10 0 R >>", extra)


@pytest.mark.parametrize("sandbox", [True, False])
def test_forms_that_draw_forms_exponentially_leave_their_page_out(
    monkeypatch: pytest.MonkeyPatch, sandbox: bool
) -> None:
    """2^24 drawings in 5 KB ("billion laughs"); in this process too (the fuzzer reads so, for its coverage)."""
    monkeypatch.setattr(readers, "SANDBOX", sandbox)
    warnings = _read_in_time(_forms_drawing_forms())
    assert any("Trang 2 của PDF quá phức tạp" in w and "20.000" in w for w in warnings)


def test_a_small_stream_of_many_rectangles_leaves_its_page_out() -> None:
    data = _two_pages(b"10 10 2 2 re S\n" * 100_000)
    assert len(data) < 5000
    assert any("Trang 2 của PDF quá phức tạp" in w for w in _read_in_time(data))


@pytest.mark.parametrize(
    "nested",
    [
        b"[" * 100_000 + b"]" * 100_000 + b" TJ",
        b"<< /A " * 50_000 + b"1 " + b">> " * 50_000,
        TEXT + b"[" * 100_000 + b"]" * 100_000 + b" TJ",
    ],
)
def test_arrays_and_dictionaries_nested_deep_are_read_in_time(nested: bytes) -> None:
    _read_in_time(_two_pages(nested))


def test_a_page_strewn_with_words_is_read_in_bounded_time() -> None:
    """Words everywhere make the search for tables without rulings quadratic: it stops after the page's time."""
    ops = b"".join(b"1 0 0 1 %d %d Tm (x) Tj " % ((i * 7) % 590, (i * 3) % 840) for i in range(8000))
    data = _two_pages(b"BT /F1 4 Tf " + ops + b"ET")
    started = time.perf_counter()
    lines = readers.read_bytes(data).lines
    assert time.perf_counter() - started < 60
    assert sum(line.count("x") for line in lines) >= 7000


def test_a_stream_compressed_twice_to_a_fraction_of_its_size_is_refused(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """3 KB that inflate to 400 MB: past the reading child's memory (held lower here) it is refused."""
    monkeypatch.setattr(readers, "PDF_MEMORY", 256 * 1024 * 1024)
    inflater = zlib.compressobj(9)
    spaces = b" " * (1 << 20)
    inner = b"".join(
        [inflater.compress(TEXT), *(inflater.compress(spaces) for _ in range(400)), inflater.flush()]
    )
    outer = zlib.compress(inner, 9)
    data = _pdf(
        {
            1: b"<< /Type /Catalog /Pages 2 0 R >>",
            2: b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
            3: b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font %s >> /Contents 5 0 R >>"
            % FONT,
            5: b"<< /Length %d /Filter [/FlateDecode /FlateDecode] >>\nstream\n%s\nendstream"
            % (len(outer), outer),
        }
    )
    assert len(data) < 5000
    started = time.perf_counter()
    with pytest.raises(IngestError) as info:
        parse_bytes(data, "bomb.pdf")
    assert time.perf_counter() - started < 60
    assert info.value.code == "too_complex" and "quá phức tạp" in str(info.value)


def _spin(data: bytes) -> int:
    while True:
        pass


def _echo(data: bytes) -> list[Any]:
    return [data.decode(), "\f", 3]


def _refuse(data: bytes) -> None:
    raise IngestError("PDF hỏng: thử.", "bad_pdf")


def test_the_reading_child_is_held_to_its_cpu_time(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(readers, "PDF_CPU_SECONDS", 1)
    started = time.perf_counter()
    with pytest.raises(IngestError) as info:
        readers.bounded(_spin, b"")
    assert time.perf_counter() - started < 30 and info.value.code == "too_complex"


def test_the_reading_child_gives_back_its_result_and_its_errors() -> None:
    assert readers.bounded(_echo, b"x" * 300_000) == ["x" * 300_000, "\f", 3]
    with pytest.raises(IngestError) as info:
        readers.bounded(_refuse, b"")
    assert info.value.code == "bad_pdf" and str(info.value) == "PDF hỏng: thử."


def test_pdfs_read_from_threads_while_another_thread_runs() -> None:
    """A web server's threads: the reading child is forked from the fork server, not from this process."""
    busy = threading.Event()

    def other() -> None:
        while not busy.is_set():
            logging.getLogger("giamsat.test").debug("busy")

    thread = threading.Thread(target=other)
    thread.start()
    try:
        data = _two_pages(TEXT)
        with concurrent.futures.ThreadPoolExecutor(max_workers=2) as pool:
            outs = list(pool.map(lambda _: readers.read_bytes(data).lines, range(4)))
    finally:
        busy.set()
        thread.join()
    assert all(sum("Bac Son" in line for line in lines) == 2 for lines in outs)


def test_a_page_tree_that_holds_itself_is_a_broken_pdf() -> None:
    data = _pdf(
        {
            1: b"<< /Type /Catalog /Pages 2 0 R >>",
            2: b"<< /Type /Pages /Kids [3 0 R 6 0 R] /Count 2 >>",
            3: b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font %s >> /Contents 5 0 R >>"
            % FONT,
            5: _stream(TEXT),
            6: b"<< /Type /Pages /Kids [2 0 R 6 0 R] /Count 2 >>",
        }
    )
    started = time.perf_counter()
    with pytest.raises(IngestError) as info:
        parse_bytes(data, "cycle.pdf")
    assert time.perf_counter() - started < 30 and info.value.code == "bad_pdf"


def test_a_script_that_reads_a_pdf_at_its_top_level_reads_it_once(tmp_path: Path) -> None:
    """multiprocessing runs the caller's main script again in the child (as __mp_main__); a script that reads
    a PDF unguarded by `if __name__ == "__main__"` then started a child that started a child … and was
    refused as too complex. The reading child no longer runs it."""
    (tmp_path / "plan.pdf").write_bytes(_two_pages(TEXT))
    script = tmp_path / "read.py"
    script.write_text(
        "import sys\n"
        f"sys.path.insert(0, {str(Path(__file__).resolve().parents[3])!r})\n"
        "from giamsat.ingest import readers\n"
        f"print(sum('Bac Son' in x for x in readers.read_bytes(open({str(tmp_path / 'plan.pdf')!r}, 'rb').read()).lines))\n"
    )
    run = subprocess.run([sys.executable, str(script)], capture_output=True, text=True, timeout=120)
    assert run.returncode == 0 and run.stdout.strip() == "2", run.stderr[-2000:]


def _read_in_daemon(queue: Any) -> None:
    try:
        queue.put(sum("Bac Son" in x for x in readers.read_bytes(_two_pages(TEXT)).lines))
    except BaseException as exc:
        queue.put(repr(exc))


def test_a_daemonic_worker_reads_the_pdf_itself() -> None:
    """A worker pool's daemonic process may not start children (multiprocessing refuses): it reads in itself,
    held by the pages' own bounds."""
    import multiprocessing

    context = multiprocessing.get_context("fork")
    queue = context.Queue()
    worker = context.Process(target=_read_in_daemon, args=(queue,), daemon=True)
    worker.start()
    try:
        assert queue.get(timeout=120) == 2
    finally:
        worker.join(30)

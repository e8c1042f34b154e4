"""Coverage-guided fuzzing of the document reader with atheris (libFuzzer), beside the hypothesis tests.

    .venv/bin/python -m giamsat.ingest.tests.fuzz_parse CORPUS_DIR [libFuzzer flags, e.g. -runs=2000]
    .venv/bin/python -m giamsat.ingest.tests.fuzz_parse --seed-corpus CORPUS_DIR   # write the starting corpus

Each input is given to `parse_bytes` as a file would be (text, PDF, DOCX, image, chosen by content): it must
end in a parsed plan or an `IngestError` (a clear message), never another exception. libFuzzer's own flags
bound the run: `-rss_limit_mb` (memory), `-timeout` (seconds per input), `-runs` / `-max_total_time`.
`test_parse_fuzz_atheris.py` runs it in a subprocess with those bounds.
"""

from __future__ import annotations

import io
import json
import os
import sys
from pathlib import Path

import atheris  # type: ignore[import-untyped,import-not-found,unused-ignore]

# A PDF's text is read here, not in a child process held in CPU and memory (readers.bounded): the fuzzer sees
# the coverage of the page readers, and libFuzzer's -timeout / -rss_limit_mb are the bounds. The reader's own
# bounds (each page's drawing and time, the whole's time, lowered below -timeout) hold as in the child.
os.environ["GIAMSAT_PDF_SANDBOX"] = "0"

with atheris.instrument_imports(include=["giamsat"]):
    from giamsat.ingest import readers
    from giamsat.ingest.errors import IngestError
    from giamsat.ingest.pipeline import parse_bytes

readers.PDF_SECONDS = 30  # type: ignore[attr-defined]

SAMPLE = Path(__file__).resolve().parents[1] / "samples" / "sample_plan.txt"


def test_one_input(data: bytes) -> None:
    try:
        plan = parse_bytes(data, "fuzz")
    except IngestError as exc:
        assert str(exc), "an IngestError must say what is wrong"
        return
    # A parse that returns gives the contract's shape, serialisable as `giamsat parse` prints it.
    out = plan.to_json()
    assert set(out) >= {"document", "targets", "tasks", "assignments", "reporting", "warnings"}
    json.dumps(out, ensure_ascii=False)


def write_seed_corpus(folder: Path) -> None:
    """Small valid inputs of every kind the reader takes, for the fuzzer to mutate."""
    import docx
    from fpdf import FPDF

    folder.mkdir(parents=True, exist_ok=True)
    text = SAMPLE.read_text(encoding="utf-8")
    (folder / "plan.txt").write_bytes(text[:6000].encode("utf-8"))
    (folder / "plan_no_marks.txt").write_bytes(
        b"KE HOACH\nThuc hien Nghi quyet 57\n1. Xay dung co so du lieu; So KH&CN chu tri; Quy I/2026\n")
    document = docx.Document()
    document.add_paragraph("KẾ HOẠCH thực hiện Nghị quyết số 57-NQ/TW")
    table = document.add_table(rows=2, cols=4)
    for cell, value in zip(table.rows[0].cells, ["TT", "Nhiệm vụ", "Cơ quan chủ trì", "Thời gian"], strict=True):
        cell.text = value
    for cell, value in zip(table.rows[1].cells, ["1", "Xây dựng kho dữ liệu", "Sở KH&CN", "Quý I/2026"],
                           strict=True):
        cell.text = value
    buf = io.BytesIO()
    document.save(buf)
    (folder / "plan.docx").write_bytes(buf.getvalue())
    pdf = FPDF()
    pdf.add_page()
    pdf.set_font("Helvetica", size=11)
    for line in ("KE HOACH", "II. NHIEM VU", "1. Xay dung kho du lieu - So KH&CN - Quy I/2026"):
        pdf.cell(0, 8, line, new_x="LMARGIN", new_y="NEXT")
    (folder / "plan.pdf").write_bytes(bytes(pdf.output()))


def main() -> None:
    if len(sys.argv) == 3 and sys.argv[1] == "--seed-corpus":
        write_seed_corpus(Path(sys.argv[2]))
        return
    atheris.Setup(sys.argv, test_one_input)
    atheris.Fuzz()


if __name__ == "__main__":
    main()

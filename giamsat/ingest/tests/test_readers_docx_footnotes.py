"""A DOCX plan cites a document in a footnote ('… đã được Hội đồng nhân dân tỉnh thông qua¹' with the footnote '¹ Nghị
quyết số 05/2025/NQ-HĐND …'). python-docx leaves footnotes and their marks out; the reader puts the mark back where
the text cites it and hands the footnote over, so the cited document is a parent, as from an OCR'd page."""

from __future__ import annotations

import shutil
import subprocess
import tempfile
from pathlib import Path

from giamsat.ingest.pipeline import parse_bytes
from giamsat.ingest.readers import read_bytes
from giamsat.testing import require_tool

_FODT = """<?xml version="1.0" encoding="UTF-8"?>
<office:document xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0"
 xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" office:version="1.2"
 office:mimetype="application/vnd.oasis.opendocument.text"><office:body><office:text>
<text:p>ỦY BAN NHÂN DÂN TỈNH AN GIANG</text:p><text:p>Số: 88/KH-UBND</text:p>
<text:p>An Giang, ngày 3 tháng 3 năm 2026</text:p><text:p>KẾ HOẠCH</text:p>
<text:p>Thực hiện Chương trình chuyển đổi số đã được Hội đồng nhân dân tỉnh thông qua<text:note text:id="n1"
 text:note-class="footnote"><text:note-citation>1</text:note-citation><text:note-body><text:p>Nghị quyết số
 05/2025/NQ-HĐND ngày 10/7/2025 của Hội đồng nhân dân tỉnh.</text:p></text:note-body></text:note></text:p>
<text:p>I. MỤC TIÊU</text:p>
<text:p>1. Đến hết năm 2026, 100% hồ sơ thủ tục hành chính được giải quyết trực tuyến.</text:p>
</office:text></office:body></office:document>"""


def _docx_with_a_footnote() -> bytes:
    office = shutil.which("soffice") or shutil.which("libreoffice")
    require_tool(office is not None, "LibreOffice")
    with tempfile.TemporaryDirectory() as tmp:
        (Path(tmp) / "plan.fodt").write_text(_FODT, encoding="utf-8")
        subprocess.run([str(office), f"-env:UserInstallation=file://{tmp}/profile", "--headless", "--convert-to", "docx",
                        "--outdir", tmp, str(Path(tmp) / "plan.fodt")], check=True, capture_output=True, timeout=300)
        return (Path(tmp) / "plan.docx").read_bytes()


def test_a_document_cited_in_a_footnote_is_a_parent() -> None:
    data = _docx_with_a_footnote()
    extracted = read_bytes(data)
    assert next(x for x in extracted.lines if x.startswith("Thực hiện")).endswith("thông qua¹")
    assert extracted.notes == ["¹ Nghị quyết số 05/2025/NQ-HĐND ngày 10/7/2025 của Hội đồng nhân dân tỉnh."]
    document = parse_bytes(data).document
    assert document.parents == ["05/2025/NQ-HĐND"]
    assert document.title == "Kế hoạch Thực hiện Chương trình chuyển đổi số đã được Hội đồng nhân dân tỉnh thông qua"

"""Many offices still save their plans as Word 97-2003 (.doc), some as RTF or OpenDocument (.odt). giamsat reads
them by having LibreOffice save them as DOCX: the plan parses exactly as its DOCX does, tables included, and says so
in a warning. A damaged .doc gets a clear error."""

from __future__ import annotations

import shutil
import subprocess
import tempfile
from pathlib import Path

import pytest

from giamsat.ingest.errors import IngestError
from giamsat.ingest.pipeline import parse_bytes
from giamsat.ingest.samples import build
from giamsat.testing import require_tool

_PLAN = "\n".join([
    "ỦY BAN NHÂN DÂN", "XÃ AN BÌNH", "Số: 15/KH-UBND", "An Bình, ngày 12 tháng 3 năm 2026", "",
    "KẾ HOẠCH", "Chuyển đổi số xã An Bình năm 2026", "", "I. MỤC TIÊU",
    "- Đến hết năm 2026, 100% hồ sơ thủ tục hành chính được tiếp nhận, giải quyết trực tuyến.", "",
    "II. NHIỆM VỤ", "",
    "| TT | Nhiệm vụ | Đơn vị chủ trì | Thời gian hoàn thành |", "|---|---|---|---|",
    "| 1 | Số hóa hồ sơ hộ tịch còn lại | Văn phòng HĐND và UBND xã | Quý II/2026 |",
    "| 2 | Lắp đặt camera an ninh tại trụ sở | Công an xã | Tháng 9/2026 |", ""])


def _office() -> str:
    office = shutil.which("soffice") or shutil.which("libreoffice")
    require_tool(office is not None, "LibreOffice")
    assert office is not None
    return office


def _saved_as(docx: bytes, office: str, fmt: str) -> bytes:
    with tempfile.TemporaryDirectory() as tmp:
        src = Path(tmp) / "plan.docx"
        src.write_bytes(docx)
        subprocess.run([office, f"-env:UserInstallation=file://{tmp}/profile", "--headless", "--convert-to", fmt,
                        "--outdir", tmp, str(src)], check=True, capture_output=True, timeout=300)
        return (Path(tmp) / f"plan.{fmt}").read_bytes()


@pytest.mark.parametrize(("fmt", "head"), [("doc", b"\xd0\xcf\x11\xe0"), ("rtf", b"{\\rtf"), ("odt", b"PK\x03\x04")])
def test_a_doc_rtf_or_odt_reads_as_its_docx(fmt: str, head: bytes) -> None:
    docx = build.to_docx(_PLAN)
    doc = _saved_as(docx, _office(), fmt)
    assert doc.startswith(head)
    from_doc, from_docx = parse_bytes(doc).to_json(), parse_bytes(docx).to_json()
    for part in ("document", "targets", "tasks", "assignments", "reporting"):
        assert from_doc[part] == from_docx[part]
    assert [(t["name"], t["lead"], t["deadline"]["end"]) for t in from_doc["tasks"]] == [
        ("Số hóa hồ sơ hộ tịch còn lại", "Văn phòng HĐND và UBND xã", "2026-06-30"),
        ("Lắp đặt camera an ninh tại trụ sở", "Công an xã", "2026-09-30")]
    assert any("LibreOffice" in w for w in from_doc["warnings"])


def test_a_damaged_doc_gets_a_clear_error() -> None:
    _office()
    with pytest.raises(IngestError) as err:
        parse_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"WordDocument" + bytes(range(256)) * 40)
    assert err.value.code == "legacy_office" and "DOCX" in str(err.value)



def test_an_excel_97_workbook_is_asked_for_as_xlsx() -> None:
    # an OLE2 file whose directory names its main stream "Workbook" (no "WordDocument"): an .xls
    data = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(504) + "Workbook".encode("utf-16-le") + bytes(4096)
    with pytest.raises(IngestError) as err:
        parse_bytes(data)
    assert err.value.code == "legacy_office" and "XLSX" in str(err.value)

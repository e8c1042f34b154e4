"""One cell of units that marks its lead "(chủ trì)": the marked unit leads wherever it stands in the cell,
the others coordinate (a plan of the imaginary province of Hòa Vân)."""

from __future__ import annotations

from giamsat.ingest.pipeline import parse_text

HEAD = ["ỦY BAN NHÂN DÂN TỈNH HÒA VÂN", "KẾ HOẠCH", "Số: 21/KH-UBND", "PHỤ LỤC", "DANH MỤC NHIỆM VỤ"]


def _tasks(header: str, rows: list[str]) -> list[tuple[str | None, str | None, list[str]]]:
    plan = parse_text("\n".join([*HEAD, header, *rows]))
    return [(t.no, t.lead_code, t.coordinators) for t in plan.tasks]


def test_the_unit_marked_chu_tri_leads_even_when_it_comes_second() -> None:
    got = _tasks("| TT | Nhiệm vụ | Cơ quan thực hiện | Thời gian |", [
        "| 1 | Số hóa hồ sơ bệnh án | Sở Tài chính, Sở Y tế (chủ trì) | Năm 2026 |",
        "| 2 | Cấp chữ ký số cho cán bộ | Sở Nội vụ (chủ trì); Sở Tài chính, UBND các xã (phối hợp) | Quý II/2026 |",
    ])
    assert got[0][:2] == ("1", "SYT")
    assert got[0][2] == ["Sở Tài chính"]
    assert got[1][:2] == ("2", "SNV")
    assert "Sở Tài chính" in got[1][2] and all("phối hợp" not in c for c in got[1][2])


def test_a_joint_column_cell_with_a_marked_lead_is_split_by_the_mark() -> None:
    got = _tasks("| TT | Nhiệm vụ | Chủ trì/Phối hợp | Thời gian |", [
        "| 1 | Xây dựng kho dữ liệu nông nghiệp | Sở Công Thương, Sở Nông nghiệp và Môi trường (chủ trì) | 2027 |",
    ])
    assert got[0][1] == "SNNMT"
    assert got[0][2] == ["Sở Công Thương"]


def test_a_cell_without_a_mark_still_gives_its_first_unit_the_lead() -> None:
    got = _tasks("| TT | Nhiệm vụ | Cơ quan thực hiện | Thời gian |", [
        "| 1 | Số hóa hồ sơ bệnh án | Sở Y tế, Sở Tài chính | Năm 2026 |",
    ])
    assert got[0][1] == "SYT"


def test_an_ocr_organization_heading_that_read_u_with_horn_as_ir_is_the_organization_section() -> None:
    # OCR often reads "ứ" as "ir": "TỔ CHỨC" comes back "TO CHirC"
    text = "\n".join([
        "UY BAN NHAN DAN XA HOA VAN", "KE HOACH", "So: 12/KH-UBND",
        "I. MUC TIEU", "Den nam 2030, 100% ho so duoc so hoa.",
        "II. TO CHirC THUC HIEN",
        "1. Phong Kinh te chu tri theo doi, don doc viec thuc hien Ke hoach nay.",
        "2. Cong an xa chu tri bao dam an ninh mang tren dia ban.",
    ])
    orgs = [a["org"] for a in parse_text(text).to_json()["assignments"]]
    assert len(orgs) == 2 and "Kinh tế" in orgs[0]

"""A duty whose sentence is followed by who does it and when — in brackets ("(Sở A chủ trì, phối hợp Sở B; hoàn thành
trong Quý III/2026)"), in a sentence of its own ("Giao Sở A chủ trì, phối hợp với Sở B, Công an tỉnh …") or after a
dash ("- Giao: Sở A") — is named by its sentence alone, led by that unit, with the units it works with. Made-up plan."""

from __future__ import annotations

from giamsat.ingest.pipeline import parse_text

HEAD = ["ỦY BAN NHÂN DÂN TỈNH AN BÌNH", "Số: 12/KH-UBND", "", "KẾ HOẠCH", "Thực hiện Nghị quyết số 57-NQ/TW", "",
        "II. NHIỆM VỤ VÀ GIẢI PHÁP"]


def _tasks(*items: str) -> list[tuple[str, str | None, list[str], str | None]]:
    return [(t.name, t.lead_code, t.coordinators, t.deadline_text) for t in parse_text("\n".join(HEAD + list(items))).tasks]


def test_who_and_when_in_brackets() -> None:
    assert _tasks("1. Xây dựng kho dữ liệu dùng chung của tỉnh (Sở Khoa học và Công nghệ chủ trì, phối hợp Sở Tài chính; "
                  "hoàn thành trong Quý III/2026).",
                  "2. Nâng cấp Cổng dịch vụ công của tỉnh (Giao Văn phòng UBND tỉnh chủ trì; thời gian thực hiện: 2026-2027).") == [
        ("Xây dựng kho dữ liệu dùng chung của tỉnh", "SKHCN", ["Sở Tài chính"], "Quý III/2026"),
        ("Nâng cấp Cổng dịch vụ công của tỉnh", "VPUBND", [], "2026-2027")]


def test_who_in_a_sentence_of_its_own() -> None:
    assert _tasks("1. Nâng cấp hạ tầng mạng của tỉnh. Giao Sở Khoa học và Công nghệ chủ trì, phối hợp với Sở Tài chính, "
                  "Công an tỉnh thực hiện trong năm 2026.") == [
        ("Nâng cấp hạ tầng mạng của tỉnh", "SKHCN", ["Sở Tài chính", "Công an tỉnh"], "năm 2026")]


def test_who_after_a_dash() -> None:
    assert _tasks("1. Tổ chức hội thảo khởi nghiệp sáng tạo hằng năm - Giao: Sở Khoa học và Công nghệ.",
                  "2. Số hóa hồ sơ đất đai (Sở Nông nghiệp và Môi trường chủ trì; năm 2027).") == [
        ("Tổ chức hội thảo khởi nghiệp sáng tạo hằng năm", "SKHCN", [], "hằng năm"),
        ("Số hóa hồ sơ đất đai", "SNNMT", [], "năm 2027")]


def test_a_sentence_giving_a_duty_to_no_unit_stays_in_the_name() -> None:
    name = _tasks("1. Tổ chức phối hợp liên ngành trong chỉ đạo. Giao trách nhiệm cho các cơ quan để tổ chức thực hiện "
                  "với thời hạn cụ thể (Sở Nội vụ chủ trì).")[0][0]
    assert name.startswith("Tổ chức phối hợp liên ngành trong chỉ đạo. Giao trách nhiệm cho các cơ quan")

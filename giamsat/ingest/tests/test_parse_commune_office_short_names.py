"""A commune's offices as its plans shorten them in a table's narrow lead column ('P. Kinh tế', 'TT PVHCC',
'P. VH-XH'), on a made-up commune plan."""

from __future__ import annotations

from giamsat.ingest.pipeline import parse_text

TEXT = "\n".join([
    "ỦY BAN NHÂN DÂN XÃ PHÚ AN",
    "KẾ HOẠCH",
    "Số: 30/KH-UBND",
    "PHỤ LỤC",
    "DANH MỤC NHIỆM VỤ",
    "| TT | Nhiệm vụ | Cơ quan chủ trì | Cơ quan phối hợp | Thời gian |",
    "| 1 | Hỗ trợ hộ kinh doanh bán hàng trên sàn thương mại điện tử | P. Kinh tế | Hội Nông dân | Năm 2026 |",
    "| 2 | Số hóa hồ sơ thủ tục hành chính còn hiệu lực | TT PVHCC | Công an xã | Quý II/2026 |",
    "| 3 | Tuyên truyền kỹ năng số cho người dân | P. VH-XH | Đoàn Thanh niên xã | Hằng năm |",
])


def test_a_communes_offices_shortened_in_the_lead_column_are_known() -> None:
    assert [t.lead_code for t in parse_text(TEXT).tasks] == ["PHONG_KT", "TRUNG_TAM_PVHCC", "PHONG_VHXH"]

"""Plain OCR text of a task table whose unit names are split down narrow cells: the head goes on along its line
("Khoa Khoa học | Phòng Đào tạo" / "… | cơ bản"), and a name read across a cell's border ("… đặt | học và Hợp tác",
'đặt' repaired as 'Đại') is no name (made-up lines)."""

from __future__ import annotations

from giamsat.ingest.agencies import Agency, default_registry
from giamsat.ingest.pipeline import parse_text

REGISTRY = [*default_registry(), Agency("PDT", "Phòng Đào tạo"), Agency("PKHHT", "Phòng Khoa học và Hợp tác"),
            Agency("KKHCB", "Khoa Khoa học cơ bản"), Agency("KCK", "Khoa Cơ khí - Động lực")]


def _annex(*rows: list[str]) -> str:
    head = ["TRƯỜNG CAO ĐẲNG KỸ THUẬT BẮC SƠN", "KẾ HOẠCH", "Chuyển đổi số năm 2026", "",
            "PHỤ LỤC", "DANH MỤC NHIỆM VỤ NĂM 2026", "",
            "TT | Nội dung nhiệm vụ Đơn vị chủ trì | Đơn vị phối Thời gian hoàn", "hợp thành", ""]
    return "\n".join([*head, *(x for r in rows for x in [*r, ""])])


def test_a_head_going_on_along_its_line_is_read_with_the_words_below_it() -> None:
    # "Khoa Khoa học" early on a long line, "cơ bản" below it: the lead, left of "Phòng Đào tạo"
    text = _annex(["1 Tổ chức thi kết thúc Khoa Khoa học | Phòng Đào tạo | Học kỳ II năm học",
                   "mô-đun trên máy tính | cơ bản 2025 - 2026", "đối với các môn học", "chung"])
    assert [(t.no, t.lead_code) for t in parse_text(text, registry=REGISTRY).tasks] == [("1", "KKHCB")]


def test_a_name_read_across_a_cells_border_is_no_lead() -> None:
    text = _annex(["1 Hợp tác với doanh Phòng Khoa Khoa Cơ khí - 2026 - 2028",
                   "nghiệp trong tỉnh đặt | học và Hợp tác | Động lực", "hàng đề tài ứng dụng", "công nghệ tự động", "hóa"])
    assert [(t.no, t.lead_code) for t in parse_text(text, registry=REGISTRY).tasks] == [("1", "PKHHT")]

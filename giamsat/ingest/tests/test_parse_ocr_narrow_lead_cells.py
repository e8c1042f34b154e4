"""Plain OCR text of an annex whose 'Đơn vị thực hiện' splits into 'Chủ trì | Phối hợp': both cells are narrow, so
each line holds a piece of the lead's name and then a piece of the partner's ("Phòng Trung" / "Tư pháp tâm Phục"
/ "vụ hành"), and the task's own words open the lines below its number (made-up lines)."""

from __future__ import annotations

from giamsat.ingest.agencies import Agency, default_registry
from giamsat.ingest.pipeline import parse_text

REGISTRY = [*default_registry(),
            Agency("PTP", "Phòng Tư pháp"), Agency("PTNMT", "Phòng Tài nguyên và Môi trường"),
            Agency("PGD", "Phòng Giáo dục và Đào tạo"),
            Agency("TTQD", "Trung tâm Phát triển quỹ đất"),
            Agency("TTCNTT", "Trung tâm Công nghệ thông tin và Truyền thông")]


def _annex(*rows: list[str]) -> str:
    head = ["ỦY BAN NHÂN DÂN HUYỆN ĐÔNG HẢI", "KẾ HOẠCH", "Chuyển đổi số năm 2026", "",
            "PHỤ LỤC", "DANH MỤC NHIỆM VỤ NĂM 2026", "",
            "| STT Nội dung Đơn vị Thời gian Kết quả,",
            "nhiệm vụ thực hiện thực hiện sản phẩm",
            "Chủ trì |Phối hợp |Bắt đầu | Kết thúc", "",
            "I |CẢI CÁCH", "HÀNH CHÍNH", ""]
    return "\n".join([*head, *(x for r in rows for x in [*r, ""])])


def test_a_lead_opened_by_its_kind_alone_is_read_down_its_narrow_cell() -> None:
    # "Phòng" / "Tư pháp" and "Phòng" / "Tài nguyên" / "và Môi trường": the kind's word stands alone on the
    # number line, the next words on it being the partner's cell or "Các xã, thị trấn"
    text = _annex(["1 Rà soát thủ tục | Phòng Trung Tháng Tháng | Danh mục",
                   "hành chính cấp Tư pháp tâm Phục | 3/2026 | 9/2026 được",
                   "huyện vụ hành công bố",
                   "chính công"],
                  ["2 Số hóa hồ sơ | Phòng Các xã, Quý Quý IV/2026 | Cơ sở dữ",
                   "địa chính của Tài nguyên thị trấn | I/2026 liệu đất",
                   "các xã và Môi trường đai"])
    tasks = parse_text(text, registry=REGISTRY).tasks
    assert [(t.no, t.lead_code) for t in tasks] == [("1", "PTP"), ("2", "PTNMT")]


def test_the_tasks_words_opening_a_line_are_no_lead_with_the_next_columns_words() -> None:
    # "Trung tâm" opens the line below the number line (the task's "Thành lập Trung tâm Học tập cộng đồng")
    # and "Công nghệ" further right on the next line is the partner's: no "Trung tâm Công nghệ …"
    text = _annex(["1 Thành lập Phòng Trung Quý Quý IV/2026 | Quyết",
                   "Trung tâm | Giáo dục tâm | I/2026 định",
                   "Học tập cộng | và Đào tạo | Công nghệ thành lập",
                   "đồng xã thông tin",
                   "và Truyền",
                   "thông"])
    tasks = parse_text(text, registry=REGISTRY).tasks
    assert [(t.no, t.lead_code) for t in tasks] == [("1", "PGD")]

"""An indicator annex in OCR text without positions whose name holds a unit's words ("trung tâm", "tổ chức")
before the row's real unit: the unit is the one a figure follows."""

from __future__ import annotations

from giamsat.ingest.agencies import Agency
from giamsat.ingest.pipeline import parse_text

REGISTRY = [Agency("KHCN", "Bộ Khoa học và Công nghệ"), Agency("YT", "Bộ Y tế")]

HEAD = ["PHỤ LỤC I", "DANH MỤC CÁC CHỈ TIÊU", "TT Chỉ tiêu Đơn vị Kết quả Cơ quan chủ", "trì theo dõi,", "đánh giá",
        "", "I Đến năm 2030", ""]


def test_a_unit_word_inside_the_name_is_not_the_unit() -> None:
    lines = [*HEAD,
             "1 Số bệnh viện tuyến tỉnh có trung tâm dữ liệu y tế kết nối liên thông % ≥ 80 Bộ Y tế",
             "với hồ sơ sức khỏe điện tử",
             "2 Xếp hạng năng lực đổi mới của các viện, trung tâm nghiên cứu khu vực Thứ bậc < 5 Bộ Khoa học và Công nghệ",
             "phía Nam"]
    got = [(t.no, t.unit, t.value, t.comparator) for t in parse_text("\n".join(lines), registry=REGISTRY).targets]
    assert got == [("1", "%", "80", ">="), ("2", "Thứ bậc", "5", "<")]

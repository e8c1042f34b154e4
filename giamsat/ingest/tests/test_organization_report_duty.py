"""'Tổ chức thực hiện': an item whose units' only duty is to report ("Các ban, công ty con báo cáo tiến độ hằng quý …")
is an assignment like the others (made-up lines of a corporation's and a ward's plan)."""

from __future__ import annotations

from giamsat.ingest.pipeline import parse_text

CORPORATION = """\
KẾ HOẠCH
Chuyển đổi số của Tổng công ty Cảng biển Bắc Hải giai đoạn 2026 - 2028

I. MỤC TIÊU
Đến năm 2028, 100% hồ sơ, chứng từ được xử lý trên môi trường số.

II. TỔ CHỨC THỰC HIỆN

1. Ban Kỹ thuật là đầu mối, theo dõi, hướng dẫn các đơn vị thực hiện Kế hoạch.
2. Ban Tài chính bố trí kinh phí trong kế hoạch tài chính hằng năm của Tổng công ty.
3. Các ban, công ty con báo cáo tiến độ hằng quý, trước ngày 15 của tháng đầu quý sau, về Ban Kỹ thuật để tổng hợp, báo cáo Tổng giám đốc.
"""

WARD = """\
KẾ HOẠCH
Thực hiện chuyển đổi số phường Tân Lộc năm 2026

I. MỤC TIÊU
Năm 2026, 90% hồ sơ thủ tục hành chính được tiếp nhận trực tuyến.

II. TỔ CHỨC THỰC HIỆN

1. Văn phòng HĐND và UBND phường chủ trì theo dõi việc thực hiện Kế hoạch.
2. Các phòng, ban chuyên môn thuộc UBND phường gửi báo cáo kết quả thực hiện về Văn phòng HĐND và UBND phường trước ngày 20 hằng tháng để tổng hợp chung.
"""


def _orgs(text: str) -> list[str]:
    return [a["org"] for a in parse_text(text).to_json()["assignments"]]


def test_units_that_report_are_assigned() -> None:
    assert _orgs(CORPORATION) == ["Ban Kỹ thuật", "Ban Tài chính", "Các ban, công ty con"]  # the third was lost
    assert _orgs(WARD)[1:] == ["Các phòng, ban chuyên môn thuộc UBND phường"]


def test_a_report_after_an_unlisted_verb_leaves_the_unit_as_it_was() -> None:
    text = CORPORATION.replace("3. Các ban, công ty con báo cáo tiến độ", "3. Sở Tài chính thẩm định báo cáo quyết toán")
    assert _orgs(text)[2] == "Sở Tài chính"

"""A plan may number its duties by the word instead of a bare number: "Nhiệm vụ 1: <title>" on a line of its own,
the sentence below naming who leads it and when it is due. Each is a numbered item like "1. …": a task numbered 1,
2, … whose title is a sentence of its own."""

from __future__ import annotations

from giamsat.ingest.pipeline import parse_text
from giamsat.ingest.structure import classify

HEAD = ["ỦY BAN NHÂN DÂN XÃ PHÚ LỘC", "Số: 08/KH-UBND", "KẾ HOẠCH", "Chuyển đổi số của xã Phú Lộc năm 2026",
        "I. MỤC TIÊU", "Đưa các dịch vụ công của xã lên môi trường số.", "II. NHIỆM VỤ CỤ THỂ", ""]
DUTIES = ["Nhiệm vụ 1: Rà soát, cập nhật danh mục thủ tục hành chính thực hiện trực tuyến toàn trình của xã",
          "Văn phòng HĐND và UBND xã chủ trì, phối hợp với Công an xã thực hiện; hoàn thành trong Quý II/2026.", "",
          "Nhiệm vụ 2: Hướng dẫn hộ kinh doanh tại chợ Phú Lộc mở tài khoản thanh toán điện tử",
          "Phòng Kinh tế chủ trì thực hiện; thời gian: Tháng 8/2026.", "",
          "Nhiệm vụ 3. Tập huấn kỹ năng số cho thành viên Tổ công nghệ số cộng đồng các thôn",
          "Phòng Văn hóa - Xã hội chủ trì, phối hợp với Đoàn Thanh niên xã thực hiện; thời gian: Hằng quý.", ""]
TAIL = ["III. TỔ CHỨC THỰC HIỆN", "Văn phòng HĐND và UBND xã theo dõi, tổng hợp kết quả thực hiện."]


def test_a_duty_numbered_by_its_word_is_a_numbered_item() -> None:
    assert classify("Nhiệm vụ 4: Số hóa sổ hộ tịch lưu trữ tại xã")[:2] == ("num", 2)
    assert classify("Giải pháp 2. Bố trí kinh phí cho chuyển đổi số")[:2] == ("num", 2)
    assert classify("Nhi¢m vu 5: Cap nhat du lieu ho kinh doanh")[:2] == ("num", 2)     # OCR's glyph, marks lost
    # a sentence about a duty, or a year, is no item
    assert classify("Nhiệm vụ năm 2026 của xã gồm các nội dung sau:")[0] == "text"
    assert classify("Nhiệm vụ 2026: hoàn thành số hóa")[0] == "text"


def test_duties_headed_nhiem_vu_n_are_tasks_with_their_lead_and_deadline() -> None:
    plan = parse_text("\n".join([*HEAD, *DUTIES, *TAIL]))
    assert [(t.no, t.lead_code, t.deadline_text) for t in plan.tasks] == [
        ("1", "VP_HDND_UBND_XA", "Quý II/2026"), ("2", "PHONG_KT", "Tháng 8/2026"), ("3", "PHONG_VHXH", "Hằng quý")]
    assert plan.tasks[1].name.startswith("Hướng dẫn hộ kinh doanh tại chợ Phú Lộc mở tài khoản thanh toán điện tử. ")


def test_ocr_text_keeps_a_wrapped_title_and_its_paragraph_past_a_blank_line() -> None:
    # Tesseract wraps the title and puts a blank line between the title and the paragraph below it
    duties = ["Nhiệm vụ 1: Rà soát, cập nhật danh mục thủ tục hành chính thực hiện trực tuyến",
              "toàn trình của xã", "",
              "Văn phòng HĐND và UBND xã chủ trì, phối hợp với Công an xã thực hiện;",
              "hoàn thành trong Quý II/2026.", "",
              "Nhiệm vụ 2: Cập nhật dữ liệu hộ kinh doanh trên môi trường điện tử", "",
              "Phòng Kinh tế chủ trì thực hiện; thời gian: Tháng 8/2026.", ""]
    plan = parse_text("\n".join([*HEAD, *duties, *TAIL]))
    assert [(t.no, t.lead_code, t.deadline_text) for t in plan.tasks] == [
        ("1", "VP_HDND_UBND_XA", "Quý II/2026"), ("2", "PHONG_KT", "Tháng 8/2026")]
    assert plan.tasks[1].name.startswith("Cập nhật dữ liệu hộ kinh doanh trên môi trường điện tử. Phòng Kinh tế")

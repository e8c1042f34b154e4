"""A list attached to a resolution or a decision without the word "Phụ lục" ("DANH MỤC" / its title in capitals /
"(Kèm theo Nghị quyết số …)") after the signature is an annex: its rows are the tasks, also in OCR text where the
table is loose lines; and an OCR'd task table whose header lost a letter ("TT Nội dun Đơn vị thực hiện Thời gian")."""

from __future__ import annotations

from giamsat.ingest.clean import attached_list, clean_lines
from giamsat.ingest.pipeline import parse_bytes

# a council's resolution as Tesseract gives it: the list's header wraps ("Cơ quan chủ" / "trì"), no "PHỤ LỤC"
RESOLUTION_OCR = """HỘI ĐỒNG NHÂN DÂN CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
TỈNH HÀ TÂY Độc lập - Tự do - Hạnh phúc
Số: 45/NQ-HĐND Hà Tây, ngày 08 tháng 12 năm 2025

NGHỊ QUYẾT
Thông qua Danh mục đề án, dự án chuyển đổi số tỉnh Hà Tây giai đoạn 2026 - 2030

QUYẾT NGHỊ:

Điều 1. Thông qua Danh mục 03 đề án, dự án chuyển đổi số (chi tiết tại Danh mục kèm theo).

Điều 2. Tổ chức thực hiện

1. Giao Ủy ban nhân dân tỉnh tổ chức thực hiện Nghị quyết.

2. Thường trực Hội đồng nhân dân tỉnh giám sát việc thực hiện Nghị quyết.

Nơi nhận:
- Chính phủ;
- Lưu: VT.

CHỦ TỊCH

Lê Văn Tâm

DANH MỤC

ĐỀ ÁN, DỰ ÁN CHUYỂN ĐỔI SỐ TỈNH HÀ TÂY

(Kèm theo Nghị quyết số 45/NQ-HĐND ngày 08 tháng 12 năm 2025 của Hội

đồng nhân dân tỉnh Hà Tây)

TT | Tên đề án, dự án | Cơ quan chủ | Thời gian | Kinh phí

trì thực hiện | (tỷ đồng)

1 Dự án nền tảng số | Sở Tài chính | Năm 2026 | 120
quản lý tài sản công

2 Đề án phát triển | Sở Công Thương | Năm 2027 | 60
thương mại điện tử

3 Dự án cơ sở dữ liệu | Sở Xây dựng | Năm 2028 | 85
nhà ở và thị trường
bất động sản
"""


def test_an_attached_list_after_the_signature_is_read_in_ocr_text() -> None:
    plan = parse_bytes(RESOLUTION_OCR.encode(), "plan.txt")
    assert [(t.no, t.lead_code) for t in plan.tasks] == [("1", "STC"), ("2", "SCT"), ("3", "SXD")]


def test_the_list_heading_ends_the_signature_block() -> None:
    raw = ["Nơi nhận:", "- Lưu: VT.", "CHỦ TỊCH", "Lê Văn Tâm", "", "DANH MỤC", "",
           "DỰ ÁN CHUYỂN ĐỔI SỐ", "(Kèm theo Nghị quyết số 45/NQ-HĐND ngày 08/12/2025)"]
    assert "DANH MỤC" in clean_lines(raw).lines


def test_a_list_named_in_the_body_is_no_annex() -> None:
    # a heading in capitals with no "(Kèm theo …)" below it, and a sentence, are the body's own
    assert not attached_list(["DANH MỤC CƠ SỞ DỮ LIỆU DÙNG CHUNG", "1. Cơ sở dữ liệu đất đai."], 0)
    assert not attached_list(["Danh mục dự án (kèm theo Quyết định số 12/QĐ-UBND) được rà soát.",
                              "(Kèm theo Quyết định số 12/QĐ-UBND)"], 0)
    assert attached_list(["DANH MỤC DỰ ÁN", "", "(Kèm theo Quyết định số 12/QĐ-UBND)"], 0)


# a commune's task table as Tesseract reads it: the header's "Nội dung" lost its last letter
COMMUNE_OCR = """ỦY BAN NHÂN DÂN CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
XÃ AN LẠC Độc lập - Tự do - Hạnh phúc
Số: 12/KH-UBND An Lạc, ngày 10 tháng 02 năm 2026

KẾ HOẠCH
Chuyển đổi số xã An Lạc năm 2026

I. NHIỆM VỤ CỤ THỂ
TT Nội dun Đơn vị thực hiện Thời gian
1 Số hóa hồ sơ hộ tịch của xã | Chủ trì: Phòng Văn hóa - Xã hội | Tháng 6/2026
2 Vận hành bộ phận một cửa điện tử | Chủ trì: Trung tâm Phục vụ hành chính công xã | Quý III/2026

II. TỔ CHỨC THỰC HIỆN
1. Văn phòng HĐND và UBND xã theo dõi, đôn đốc thực hiện Kế hoạch.
"""


def test_an_ocr_task_header_that_lost_a_letter() -> None:
    plan = parse_bytes(COMMUNE_OCR.encode(), "plan.txt")
    assert [(t.no, t.lead_code) for t in plan.tasks] == [("1", "PHONG_VHXH"), ("2", "TRUNG_TAM_PVHCC")]

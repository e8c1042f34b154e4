"""A task table in a plan's body read by OCR as plain text, its header some lines below the section's heading (a lead-in
sentence, specks and cells OCR read before it) and its lead column titled 'Cơ quan thực hiện' / 'Bộ phận chủ trì'
(made-up lines)."""

from __future__ import annotations

from giamsat.ingest.agencies import Agency
from giamsat.ingest.pipeline import parse_text

REG = [Agency("CCTS", "Chi cục Thủy sản"), Agency("VPS", "Văn phòng Sở"), Agency("TTKN", "Trung tâm Khuyến nông")]
HEAD = ["SỞ NÔNG NGHIỆP VÀ MÔI TRƯỜNG", "Số: 88/KH-SNNMT", "KẾ HOẠCH", "ứng dụng công nghệ số năm 2027", "",
        "I. MỤC ĐÍCH", "", "- Nâng cao hiệu quả quản lý ngành.", "", "II. NHIỆM VỤ VÀ GIẢI PHÁP", ""]
# what OCR read before the header: a lead-in sentence and the ends of cells of the table's first page
BEFORE = ["Các nhiệm vụ cụ thể như sau:", "", "quan trắc tự động", "mực nước tại", "", "(chủ trì); Trung",
          "tâm Dữ liệu", "", "và Dữ liệu", "", ""]
ROWS = ["1 Lập bản đồ số vùng nuôi | Chi cục Thủy sản | Quý II/2027 | 900", "trồng thủy sản của tỉnh", "",
        "2 Số hóa hồ sơ cấp phép | Văn phòng Sở | Tháng 8/2027 | 300", "còn hiệu lực", "",
        "3 Tập huấn kỹ năng số cho | Trung tâm Khuyến | Năm 2027 | 250", "cán bộ khuyến nông nông", "",
        "III. TỔ CHỨC THỰC HIỆN", "", "Văn phòng Sở theo dõi, báo cáo kết quả hằng quý."]


def _plan(header: list[str]) -> str:
    return "\n".join([*HEAD, *BEFORE, *header, *ROWS])


def test_a_header_with_a_cơ_quan_thực_hiện_column_far_below_the_heading_heads_the_rows() -> None:
    tasks = parse_text(_plan(["STT | Nội dung nhiệm vụ | Cơ quan thực hiện | Thời gian thực Kinh phí",
                              "hiện (triệu đồng)"]), registry=REG).tasks
    assert [(t.no, t.lead_code, t.deadline_text) for t in tasks] == [
        ("1", "CCTS", "Quý II/2027"), ("2", "VPS", "Tháng 8/2027"), ("3", "TTKN", "Năm 2027")]


def test_a_bộ_phận_chủ_trì_title_broken_over_the_headers_two_lines_is_a_lead_column() -> None:
    tasks = parse_text(_plan(["TT | Nội dung nhiệm vụ Bộ phận chủ | Bộ phận phối hợp [ Thời gian hoàn",
                              "trì thành"]), registry=REG).tasks
    assert [t.no for t in tasks] == ["1", "2", "3"]


def test_a_lead_in_sentence_naming_the_columns_is_no_header() -> None:
    # a sentence ('… cơ quan thực hiện, thời gian hoàn thành.') names the titles but is no table's header
    text = _plan(["Mỗi nhiệm vụ ghi rõ nội dung, cơ quan thực hiện và thời gian hoàn thành của nhiệm vụ."])
    assert parse_text(text, registry=REG).tasks == []

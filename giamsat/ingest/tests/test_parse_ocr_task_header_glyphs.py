"""A task table in a plan's body read by OCR as plain text: header titles whose marked letters OCR read as
look-alike glyphs ('N9i' for 'Nội', 'vy' for 'vụ', 'ph6i h&p' for 'phối hợp'), and the legend of short names
below the rows, which is no row (made-up lines)."""

from __future__ import annotations

from giamsat.ingest.pipeline import parse_text

HEAD = ["ỦY BAN NHÂN DÂN", "XÃ TÂN LẠC", "KẾ HOẠCH", "ứng dụng công nghệ số năm 2027", "",
        "I. MỤC ĐÍCH", "", "- Nâng cao chất lượng phục vụ người dân.", "", "II. NHIỆM VỤ", ""]
# the joint 'Chủ trì/Phối hợp' cell read into the rows' lines, as Tesseract gives a narrow column
ROWS = ["1 Xây dựng bản đồ giao thông Chủ trì: KT; phối Quý II/2027", "các tuyến đường liên thôn hợp: CAX", "",
        "2 Số hóa sổ hộ tịch Chủ trì: CAX; phối Tháng 8/2027", "lưu trữ tại xã hợp: KT", "",
        "3 Mở lớp bình dân học Chủ trì: KT; phối Quý IV/2027", "vụ số cho người cao hợp: CAX", "", "",
        # a page break: the header again, then the end of row 3's name
        "| STT | Nội dung nhiệm vụ Chủ trì/Phối hợp Thời gian hoàn", "thành", "", "tuổi", ""]
# the legend names two units no row names (VP, VHXH): read as rows they would be found as units
LEGEND = ["Ghi chú: KT - Phòng Kinh tế; CAX - Công an xã; VP - Văn phòng HĐND và UBND xã; VHXH -",
          "Phòng Văn hóa - Xã hội.", "",
          "III. TỔ CHỨC THỰC HIỆN", "", "Các bộ phận báo cáo kết quả trước ngày 15 hằng tháng."]


def _plan(header: list[str], legend: list[str] = LEGEND) -> str:
    return "\n".join([*HEAD, *header, *ROWS, *legend])


def test_a_header_whose_words_ocr_misread_as_glyphs_is_still_a_task_tables_header() -> None:
    for header in (["STT | Nội dung nhiệm vụ Chủ trì/Phối hợp Thời gian hoàn", "thành"],
                   ["STT [| N9i dung nhiem vy Chu tri/Ph6i h&p _[ Th&i gian hoàn", "thanh"]):
        tasks = parse_text(_plan(header)).tasks
        assert [t.no for t in tasks] == ["1", "2", "3"], header
        assert [t.deadline_text for t in tasks] == ["Quý II/2027", "Tháng 8/2027", "Quý IV/2027"], header


def test_a_legend_below_the_rows_ends_the_table() -> None:
    for legend in (LEGEND, ["* Chữ viết tắt: KT - Phòng Kinh tế; CAX - Công an xã; VP - Văn phòng HĐND và UBND",
                            "xã; Phòng Văn hóa - Xã hội.",
                            "", "III. TỔ CHỨC THỰC HIỆN"]):
        tasks = parse_text(_plan(["STT | Nội dung nhiệm vụ Chủ trì/Phối hợp Thời gian hoàn", "thành"], legend)).tasks
        assert len(tasks) == 3, [t.name for t in tasks]
        assert not any("Văn hóa" in t.name or "chú" in t.name or "viết tắt" in t.name for t in tasks)
        # the legend's units (VP, the culture office) are no row's units: no row names them
        units = [u for t in tasks for u in [t.lead or "", *t.coordinators]]
        assert not any("Văn phòng" in u or "Văn hóa" in u for u in units), units


def test_a_note_above_an_annex_table_ends_none_of_its_rows() -> None:
    annex = ["PHỤ LỤC", "DANH MỤC NHIỆM VỤ", "Ghi chú: các bộ phận cập nhật tiến độ hằng tháng.", "",
             "STT | Nội dung nhiệm vụ Chủ trì/Phối hợp Thời gian hoàn", "thành", *ROWS]
    text = "\n".join([*HEAD[:8], "", "II. NHIỆM VỤ", "", "Các nhiệm vụ tại Phụ lục kèm theo.", "", *annex])
    tasks = parse_text(text).tasks
    assert [t.no for t in tasks] == ["1", "2", "3"], [t.name for t in tasks]

"""Text-layer PDFs as other producers lay them out (report generators, other word processors): tables without
vertical rules, set in a smaller type than the body, their columns parted only by narrow strips of white
(a cell padding of a millimetre or two). Word positions are made up here (as pdfplumber gives them)."""

from __future__ import annotations

from typing import Any

from giamsat.ingest.readers import borderless_lines

from .shared import pdf_words


def _row(top: float, size: float, *cells: tuple[float, str]) -> list[dict[str, Any]]:
    return [w for x0, text in cells for w in pdf_words(text, x0, top, size)]


def test_table_in_smaller_type_with_narrow_gutters_is_a_table() -> None:
    """Prose in 13 pt, the task table in 10 pt, its cells filled to their padding: the strips between columns
    are 6 units wide (0.6 of the table's type, under half the body's), more than twice its spaces. Was: the gutters,
    judged by the body's type, were too narrow to part columns, and the rows read as lines of prose."""
    rows = [("TT", ["Nhiệm vụ"], ["Chủ trì"], "Thời hạn"),
            ("1", ["Số hóa hồ sơ thủ tục hành chính", "còn hiệu lực của các xã, phường"], ["Sở Nội vụ", "chủ trì"],
             "Quý II/2026"),
            ("2", ["Kết nối dữ liệu dân cư với hệ", "thống giải quyết thủ tục"], ["Công an tỉnh"], "30/9/2026"),
            ("3", ["Tập huấn kỹ năng số cho cán bộ", "công chức cấp xã"], ["Sở Khoa học và", "Công nghệ"], "Hằng năm")]
    # each column starts 6 after the end of the longest line of the column before
    x_name = max(w["x1"] for r in rows for w in pdf_words(r[0], 40.0, 0, 10)) + 6
    x_lead = max(w["x1"] for r in rows for text in r[1] for w in pdf_words(text, x_name, 0, 10)) + 6
    x_time = max(w["x1"] for r in rows for text in r[2] for w in pdf_words(text, x_lead, 0, 10)) + 6
    prose = [_row(-120 + 18 * n, 13, (40, "Thực hiện Kế hoạch số 12/KH-UBND của Ủy ban nhân dân tỉnh về chuyển "
                                          "đổi số")) for n in range(5)]
    words = [w for line in prose for w in line]
    top = 0.0
    for label, names, leads, deadline in rows:
        for n in range(max(len(names), len(leads))):
            cells = [(x_name, names[n] if n < len(names) else ""), (x_lead, leads[n] if n < len(leads) else "")]
            if n == 0:
                cells = [(40.0, label), *cells, (x_time, deadline)]
            words.extend(_row(top, 10, *cells))
            top += 12
        top += 3
    words.extend(_row(top + 30, 13, (40, "Nơi nhận:")))
    lines = borderless_lines(words)
    assert "| 1 | Số hóa hồ sơ thủ tục hành chính còn hiệu lực của các xã, phường | Sở Nội vụ chủ trì | " \
           "Quý II/2026 |" in lines
    assert "| 2 | Kết nối dữ liệu dân cư với hệ thống giải quyết thủ tục | Công an tỉnh | 30/9/2026 |" in lines
    assert "| 3 | Tập huấn kỹ năng số cho cán bộ công chức cấp xã | Sở Khoa học và Công nghệ | Hằng năm |" in lines


def test_justified_prose_with_wide_spaces_stays_prose() -> None:
    """Two justified lines of 13 pt prose whose stretched spaces (5 units, 0.4 of the type) happen to fall one
    under the other part no columns."""
    def line(top: float, text: str) -> list[dict[str, Any]]:
        out, x0 = [], 40.0
        for word in text.split():
            out.append({"text": word, "x0": x0, "x1": x0 + 6.5 * len(word), "top": top, "h": 13})
            x0 += 6.5 * len(word) + 5
        return out

    words = [*line(0, "Sở Nội vụ chủ trì phối hợp các sở ngành xây dựng kế hoạch"),
             *line(18, "Sở Tư pháp chủ trì phối hợp các sở ngành rà soát văn bản"),
             *line(36, "Sở Y tế chủ trì phối hợp các sở ngành triển khai ngay")]
    assert borderless_lines(words) == ["Sở Nội vụ chủ trì phối hợp các sở ngành xây dựng kế hoạch",
                                       "Sở Tư pháp chủ trì phối hợp các sở ngành rà soát văn bản",
                                       "Sở Y tế chủ trì phối hợp các sở ngành triển khai ngay"]


def test_page_number_at_the_foot_is_no_cell() -> None:
    """A borderless table that runs down to the page's foot, "Trang 2/3" printed under its lead column: the page
    number stays a line of its own after the table (was: the end of the last row's lead, "Sở Nội vụ Trang 2/3")."""
    def line(top: float, *cells: tuple[float, str]) -> list[dict[str, Any]]:
        return _row(top, 10, *cells)

    words = [*line(0, (40, "TT"), (70, "Nhiệm vụ"), (250, "Chủ trì"), (350, "Thời hạn")),
             *line(15, (40, "1"), (70, "Số hóa hồ sơ thủ tục hành chính"), (250, "Sở Tư pháp"), (350, "Quý II/2026")),
             *line(30, (40, "2"), (70, "Kết nối dữ liệu dân cư"), (250, "Công an tỉnh"), (350, "30/9/2026")),
             *line(45, (40, "3"), (70, "Tập huấn kỹ năng số cho cán bộ"), (250, "Sở Nội vụ"), (350, "Hằng năm")),
             *line(60, (70, "công chức cấp xã")),
             *line(80, (255, "Trang 2/3"))]
    assert borderless_lines(words)[-3:] == ["| 3 | Tập huấn kỹ năng số cho cán bộ công chức cấp xã | Sở Nội vụ | Hằng năm |",
                                            "", "Trang 2/3"]


def test_group_title_under_the_header_crosses_the_label_column() -> None:
    """A group's title spans its row ("I. HOÀN THIỆN THỂ CHẾ" from the label column into the name's), right under
    the header, and is narrower than a quarter of the (landscape) page: it crosses the strip between the header's
    "STT" and "Nội dung công việc", so it is a title, not a line that closes that strip. Was: the label column ran
    into the names and every line of a wrapped name began a row of its own."""
    def line(top: float, *cells: tuple[float, str]) -> list[dict[str, Any]]:
        return _row(top, 10, *cells)

    words = [*line(0, (40, "STT"), (62, "Nội dung công việc"), (300, "Chủ trì"), (420, "Phối hợp"), (560, "Thời hạn"),
                   (700, "Ghi chú")),
             *line(15, (40, "I."), (52, "HOÀN THIỆN THỂ CHẾ")),
             *line(30, (40, "1"), (62, "Xây dựng quy chế khai thác nền tảng"), (300, "Sở Khoa học và"),
                   (420, "Văn phòng UBND"), (560, "Tháng 8/2026"), (700, "Quyết định")),
             *line(42, (62, "tích hợp, chia sẻ dữ liệu của tỉnh"), (300, "Công nghệ"), (420, "tỉnh")),
             *line(57, (40, "2"), (62, "Rà soát các quy định cản trở"), (300, "Sở Tư pháp"), (420, "Các sở, ngành"),
                   (560, "30/9/2026"), (700, "Báo cáo")),
             *line(69, (62, "dịch vụ công trực tuyến")),
             *line(84, (40, "II."), (52, "HẠ TẦNG SỐ")),
             *line(99, (40, "3"), (62, "Nâng cấp Trung tâm dữ liệu của tỉnh"), (300, "Sở Khoa học và"),
                   (420, "Công an tỉnh"), (560, "2027"), (700, "Trung tâm")),
             *line(111, (62, "đáp ứng an toàn thông tin cấp độ 3"), (300, "Công nghệ"))]
    lines = borderless_lines(words)
    assert "| 1 | Xây dựng quy chế khai thác nền tảng tích hợp, chia sẻ dữ liệu của tỉnh | Sở Khoa học và Công nghệ " \
           "| Văn phòng UBND tỉnh | Tháng 8/2026 | Quyết định |" in lines
    assert "| 3 | Nâng cấp Trung tâm dữ liệu của tỉnh đáp ứng an toàn thông tin cấp độ 3 | Sở Khoa học và Công nghệ " \
           "| Công an tỉnh | 2027 | Trung tâm |" in lines

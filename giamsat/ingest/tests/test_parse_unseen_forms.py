"""Shapes of plans first seen in the forms written last (tests/data/forms/: a report template annex, a
section of general solutions beside assigned duties), on made-up plans."""

from __future__ import annotations

from giamsat.ingest.fold import fold
from giamsat.ingest.pipeline import parse_text

_HEAD = [
    "ỦY BAN NHÂN DÂN",
    "TỈNH BẮC SƠN",
    "",
    "Số: 17/KH-UBND",
    "",
    "KẾ HOẠCH",
    "Chuyển đổi số tỉnh Bắc Sơn năm 2026",
    "",
]

_TEMPLATE_PLAN = [
    *_HEAD,
    "I. MỤC TIÊU",
    "",
    "Đến năm 2026, 100% hồ sơ công việc được xử lý trên môi trường mạng.",
    "",
    "II. NHIỆM VỤ",
    "",
    "Chi tiết tại Phụ lục I.",
    "",
    "PHỤ LỤC I",
    "DANH MỤC NHIỆM VỤ",
    "",
    "| STT | Nội dung công việc | Đơn vị chủ trì | Thời gian hoàn thành |",
    "|---|---|---|---|",
    "| 1 | Xây dựng kho dữ liệu dùng chung của tỉnh | Sở Khoa học và Công nghệ | Quý IV/2026 |",
    "| 2 | Số hóa hồ sơ hộ tịch | Sở Tư pháp | 30/9/2026 |",
    "",
    "PHỤ LỤC II",
    "ĐỀ CƯƠNG BÁO CÁO KẾT QUẢ THỰC HIỆN",
    "(Kèm theo Kế hoạch số 17/KH-UBND)",
    "",
    "TÊN ĐƠN VỊ",
    "Số: …/BC-…",
    "",
    "I. KẾT QUẢ THỰC HIỆN",
    "",
    "| STT | Nhiệm vụ được giao | Đơn vị chủ trì | Thời hạn hoàn thành | Kết quả |",
    "|---|---|---|---|---|",
    "| 1 | (Tên nhiệm vụ tại Phụ lục I) | | | |",
    "| 2 | … | | | |",
    "",
    "| STT | Chỉ tiêu | Đơn vị tính | Chỉ tiêu được giao | Kết quả đạt được |",
    "|---|---|---|---|---|",
    "| 1 | Tỷ lệ hồ sơ công việc xử lý trên môi trường mạng | % | | |",
    "",
    "II. ĐỀ XUẤT, KIẾN NGHỊ",
    "",
]


def test_a_report_template_annex_gives_no_task_and_no_target() -> None:
    plan = parse_text("\n".join(_TEMPLATE_PLAN))
    assert [(t.no, t.lead_code) for t in plan.tasks] == [("1", "SKHCN"), ("2", "STP")]
    assert [(t.value, t.year) for t in plan.targets] == [("100", 2026)]
    assert plan.document.number == "17/KH-UBND"


def test_an_annex_after_a_template_is_read_again() -> None:
    lines = [
        *_TEMPLATE_PLAN[: _TEMPLATE_PLAN.index("PHỤ LỤC I")],
        *_TEMPLATE_PLAN[_TEMPLATE_PLAN.index("PHỤ LỤC II") :],
        "PHỤ LỤC III",
        "DANH MỤC NHIỆM VỤ NĂM 2027",
        "",
        "| STT | Nội dung công việc | Đơn vị chủ trì | Thời gian hoàn thành |",
        "|---|---|---|---|",
        "| 1 | Nâng cấp trung tâm dữ liệu của tỉnh | Sở Khoa học và Công nghệ | Quý II/2027 |",
    ]
    plan = parse_text("\n".join(lines))
    assert [(t.no, t.lead_code, t.name) for t in plan.tasks] == [
        ("1", "SKHCN", "Nâng cấp trung tâm dữ liệu của tỉnh")
    ]


def test_a_task_annex_naming_a_form_in_a_row_is_not_a_template() -> None:
    lines = [
        *_HEAD,
        "PHỤ LỤC",
        "DANH MỤC NHIỆM VỤ",
        "",
        "| STT | Nội dung công việc | Đơn vị chủ trì | Thời gian hoàn thành |",
        "|---|---|---|---|",
        "| 1 | Ban hành mẫu báo cáo thống kê chuyển đổi số | Sở Khoa học và Công nghệ | Quý II/2026 |",
    ]
    assert [t.no for t in parse_text("\n".join(lines)).tasks] == ["1"]


def test_general_solutions_beside_assigned_duties_are_not_tasks() -> None:
    lines = [
        *_HEAD,
        "III. NHIỆM VỤ CỤ THỂ",
        "1. Hạ tầng số",
        "- Xây dựng mạng truyền số liệu chuyên dùng của tỉnh (Chủ trì: Sở Khoa học và Công nghệ; thời gian: Quý III/2026).",
        "- Số hóa sổ hộ tịch của các xã (Chủ trì: Sở Tư pháp; phối hợp: Công an tỉnh; thời gian: tháng 9/2026).",
        "2. Dịch vụ công",
        "- Thanh toán trực tuyến phí, lệ phí (Chủ trì: Văn phòng UBND tỉnh; thời gian: Quý IV/2026).",
        "",
        "IV. GIẢI PHÁP THỰC HIỆN",
        "- Ưu tiên bố trí kinh phí cho các dự án chuyển đổi số.",
        "- Lồng ghép nội dung chuyển đổi số vào phong trào thi đua hằng năm.",
        "",
        "V. TỔ CHỨC THỰC HIỆN",
        "1. Sở Tài chính bố trí kinh phí thực hiện Kế hoạch.",
    ]
    plan = parse_text("\n".join(lines))
    assert [t.lead_code for t in plan.tasks] == ["SKHCN", "STP", "VPUBND"]


def test_a_template_titled_without_an_annex_heading_is_dropped_too() -> None:
    cut = _TEMPLATE_PLAN.index("PHỤ LỤC II")
    lines = [*_TEMPLATE_PLAN[:cut], "", "MẪU SỐ 01", *_TEMPLATE_PLAN[cut + 1 :]]
    plan = parse_text("\n".join(lines))
    assert [(t.no, t.lead_code) for t in plan.tasks] == [("1", "SKHCN"), ("2", "STP")]
    assert [(t.value, t.year) for t in plan.targets] == [("100", 2026)]


def test_a_sentence_naming_a_form_is_no_template_title() -> None:
    lines = [
        *_HEAD,
        "II. TỔ CHỨC THỰC HIỆN",
        "",
        "Mẫu báo cáo do Sở Nội vụ hướng dẫn, gửi các đơn vị trước ngày 15/3/2026.",
        "",
        "1. Sở Tư pháp chủ trì rà soát thủ tục hành chính, hoàn thành trong Quý II/2026.",
    ]
    plan = parse_text("\n".join(lines))
    assert plan.clean_text.count("Mẫu báo cáo do Sở Nội vụ") == 1


def test_an_annex_list_under_a_form_name_is_read() -> None:
    lines = [
        *_HEAD,
        "PHỤ LỤC I",
        "BIỂU MẪU SỐ 01: DANH MỤC NHIỆM VỤ NĂM 2026",
        "",
        "| STT | Nội dung công việc | Đơn vị chủ trì | Thời gian hoàn thành |",
        "|---|---|---|---|",
        "| 1 | Số hóa hồ sơ hộ tịch | Sở Tư pháp | Quý II/2026 |",
    ]
    assert [(t.no, t.lead_code) for t in parse_text("\n".join(lines)).tasks] == [("1", "STP")]


def test_ocr_annex_rows_go_on_past_group_rows_read_as_headings() -> None:
    """OCR text of an annex task table whose narrow columns broke the header words apart ('Đơn vị Đơn vị' /
    'thực phối hợp') and whose group rows ('I. HOÀN' / 'THIỆN' / 'THỂ CHẾ') read as headings of their own."""
    lines = [
        *_HEAD,
        "I. NHIỆM VỤ",
        "Chi tiết tại Phụ lục I.",
        "",
        "PHỤ LỤC I",
        "DANH MỤC NHIỆM VỤ NĂM 2026",
        "",
        "STT Nội dung | Đơn vị Đơn vị Bắt đầu | Hoàn thành",
        "công việc | thực phối hợp",
        "hiện",
        "I. HOÀN",
        "THIỆN",
        "THỂ CHẾ",
        "",
        "1 Xây dựng quy chế khai thác dữ liệu | Sở Tư pháp | Công an tỉnh | Tháng 3/2026 | Tháng 8/2026",
        "2 Rà soát thủ tục hành chính nội bộ | Sở Nội vụ | Các sở | Tháng 4/2026 | Quý IV/2026",
        "II. HẠ TẦNG",
        "SỐ",
        "",
        "3 Nâng cấp trung tâm dữ liệu của tỉnh | Sở Xây dựng | Công an tỉnh | Quý II/2026 | 2027",
    ]
    got = [(t.no, t.lead_code, t.name) for t in parse_text("\n".join(lines)).tasks]
    assert got == [
        ("1", "STP", "Xây dựng quy chế khai thác dữ liệu"),
        ("2", "SNV", "Rà soát thủ tục hành chính nội bộ"),
        ("3", "SXD", "Nâng cấp trung tâm dữ liệu của tỉnh"),
    ]


def test_a_section_title_ocr_ran_into_its_first_sub_heading_still_opens_the_section() -> None:
    lines = [
        *_HEAD,
        "II. MUC TIEU",
        "Den nam 2026, 100% ho so cong viec duoc xu ly tren moi truong mang.",
        "II. NHIEM VU CU THE 1. Ha tang va du lieu",
        "- Xay dung mang truyen so lieu chuyen dung cua tinh (Chu tri: So Tu phap; thoi gian: Quy III/2026).",
        "- So hoa so ho tich cua cac xa (Chu tri: So Noi vu; thoi gian: thang 9/2026).",
        "",
        "III. TO CHUC THUC HIEN",
        "1. So Tai chinh bo tri kinh phi thuc hien Ke hoach.",
    ]
    plan = parse_text("\n".join(lines))
    assert [t.lead_code for t in plan.tasks] == ["STP", "SNV"]


def test_a_task_table_ocr_read_cell_by_cell_without_row_numbers() -> None:
    """Tesseract's default page segmentation reads a ruled table cell by cell, each cell a paragraph, and may drop
    the narrow number column: the rows are told by their cells' contents (a unit, then a deadline)."""
    cells = [
        "TT",
        "Nội dung công việc",
        "Bộ phận chủ\ntrì",
        "Bộ phận phối\nhợp",
        "Thời gian thực\nhiện",
        "CÔNG TÁC TUYÊN\nTRUYỀN",
        "Hướng dẫn người dân\nsử dụng dịch vụ công\ntrực tuyến",
        "Công an xã",
        "Các thôn",
        "Từ tháng 3/2026\nđến tháng\n12/2026",
        "Tập huấn kỹ năng số\ncho Tổ công",
        "Phòng Văn\nhóa - Xã hội",
        "Đoàn Thanh\nniên xã",
        "Quý II/2026",
        "——",
        "nghệ số cộng đồng",
        "CHÍNH QUYỀN SỐ",
        "Số hóa sổ hộ tịch\ncủa xã",
        "Văn phòng\nHĐND và\nUBND xã",
        "Trước 30/6/2026",
    ]
    lines = [*_HEAD, "III. NỘI DUNG CÔNG VIỆC VÀ PHÂN CÔNG THỰC HIỆN", ""]
    for cell in cells:
        lines += [*cell.split("\n"), ""]
    lines += ["IV. TỔ CHỨC THỰC HIỆN", "1. Phòng Kinh tế bố trí kinh phí thực hiện Kế hoạch."]
    got = [
        (t.name, t.lead_code, t.deadline.kind if t.deadline else None)
        for t in parse_text("\n".join(lines)).tasks
    ]
    assert got == [
        ("Hướng dẫn người dân sử dụng dịch vụ công trực tuyến", "CA_XA", "month"),
        ("Tập huấn kỹ năng số cho Tổ công nghệ số cộng đồng", "PHONG_VHXH", "quarter"),
        ("Số hóa sổ hộ tịch của xã", "VP_HDND_UBND_XA", "date"),
    ]


def test_an_ocr_task_table_in_the_body_without_a_coordinators_column() -> None:
    lines = [
        *_HEAD,
        "II. NHIỆM VỤ VÀ PHÂN CÔNG THỰC HIỆN",
        "",
        "TT Nhiệm vụ | Cơ quan chủ trì | Thời gian hoàn Ghi chú",
        "thành",
        "1 Số hóa hồ sơ hộ tịch của các xã | Sở Tư pháp | Tháng 9/2026",
        "2 Nâng cấp trung tâm dữ liệu của tỉnh | Sở Xây dựng | Quý IV/2026 | Thí điểm",
        "",
        "III. TỔ CHỨC THỰC HIỆN",
        "1. Sở Tài chính bố trí kinh phí thực hiện Kế hoạch.",
    ]
    got = [(t.no, t.lead_code) for t in parse_text("\n".join(lines)).tasks]
    assert got == [("1", "STP"), ("2", "SXD")]


def test_an_item_number_ocr_misread_between_its_neighbours_is_still_an_item() -> None:
    lines = [
        *_HEAD,
        "III. TỔ CHỨC THỰC HIỆN",
        "1. Sở Tư pháp chủ trì theo dõi, hướng dẫn việc thực hiện Kế hoạch.",
        "2. Sở Tài chính bố trí kinh phí thực hiện Kế hoạch theo phân cấp.",
        "3. Các sở, ban, ngành căn cứ chức năng, nhiệm vụ xây dựng kế hoạch chi tiết,",
        "hoàn thành trong tháng 4/2026.",
        "m: Ủy ban nhân dân các xã, phường cụ thể hóa nhiệm vụ phù hợp với thực tế",
        "địa phương.",
        "5. Chế độ báo cáo: định kỳ 6 tháng, các cơ quan gửi báo cáo về Sở Tư pháp.",
    ]
    got = [a.org_code for a in parse_text("\n".join(lines)).assignments]
    assert got == ["STP", "STC", "CAC_SO", "UBND_XA"]


def test_a_footnote_marked_by_ocr_above_the_next_pages_first_item_is_dropped_alone() -> None:
    lines = [
        *_HEAD,
        "III. NHIEM VU VA GIAI PHAP",
        "",
        "1. Nang cao nhan thuc ve chuyen doi so trong toan tinh Bac Son",
        "",
        "! Khoan 3, Dieu 5 Nghi dinh so 12/2023/ND-CP ngay 02/3/2023 cua Chinh phu quy dinh ve quan ly cum",
        "cong nghiep.",
        " - Cac cap uy, to chuc dang can nhan thuc day du ve tam quan trong cua chuyen doi so trong",
        "he thong chinh tri.",
        "",
        "- Tap trung tuyen truyen, pho bien de nang cao nhan thuc cua nguoi dan va doanh nghiep.",
        "",
        "2. Hoan thien co che, chinh sach",
        "",
        "- Ra soat, bai bo cac quy dinh khong con phu hop.",
    ]
    names = [fold(t.name)[:20] for t in parse_text("\n".join(lines)).tasks]
    assert names == ["cac cap uy, to chuc ", "tap trung tuyen truy", "ra soat, bai bo cac "]

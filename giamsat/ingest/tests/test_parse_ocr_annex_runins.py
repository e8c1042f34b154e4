"""Indicator annexes in OCR text without positions, lines broken or run together as OCR and pasting do:
a number line broken before its cells ('20 Số lượng' / 'bài báo %/năm 10 Bộ Khoa học' / …), and a name line
run into the next one with the lead's last word alone between them ('… và doanh thông nghiệp')."""

from __future__ import annotations

from giamsat.ingest.agencies import Agency
from giamsat.ingest.pipeline import parse_text

REGISTRY = [
    Agency("KHCN", "Bộ Khoa học và Công nghệ"),
    Agency("TTTT", "Bộ Thông tin và Truyền thông"),
    Agency("VP", "Văn phòng Chính phủ"),
    Agency("TC", "Bộ Tài chính"),
]

HEAD = [
    "PHỤ LỤC I",
    "DANH MỤC CÁC CHỈ TIÊU",
    "TT Chỉ tiêu Đơn vị Kết quả Cơ quan chủ",
    "trì theo dõi,",
    "đánh giá",
    "",
]
ROWS = [
    ["1 Tỉ lệ hộ gia đình có | % 90 Bộ Thông tin", "kết nối cáp quang và Truyền", "băng rộng thông", ""],
    [
        "2 Tỉ lệ xã có điểm phục | % 100 Bộ Thông tin",
        "vụ bưu chính công cộng và Truyền",
        "có người phục vụ thông",
        "",
    ],
    ["3 Tỉ lệ hồ sơ giải quyết | % 95 Văn phòng", "đúng hạn trên hệ thống Chính phủ", "một cửa điện tử", ""],
    ["4 Tỉ lệ chi thường xuyên | % 2 Bộ Tài chính", "cho hoạt động khoa học", "và phát triển công nghệ", ""],
    [
        "5 Tỉ lệ thuê bao điện | % 85 Bộ Thông tin",
        "thoại thông minh trên và Truyền",
        "tổng số thuê bao di thông",
        "động",
        "",
    ],
    [
        "6 Tỉ lệ sáng chế được | % 10 Bộ Khoa học",
        "khai thác thương mại và Công nghệ",
        "hằng năm trong nước",
        "",
    ],
]


def _targets(rows: list[list[str]]) -> dict[str, tuple[object, ...]]:
    lines = [*HEAD, *(line for row in rows for line in row)]
    targets = parse_text("\n".join(lines), registry=REGISTRY).targets
    return {t.no or "": (t.name, t.value, t.lead_code) for t in targets}


def test_the_rows_as_ocr_reads_them() -> None:
    got = _targets(ROWS)
    assert got["1"] == ("Tỉ lệ hộ gia đình có kết nối cáp quang băng rộng", "90", "TTTT")
    assert got["5"] == ("Tỉ lệ thuê bao điện thoại thông minh trên tổng số thuê bao di động", "85", "TTTT")


def test_a_number_line_broken_before_its_cells() -> None:
    broken = [
        "7 Số lượng",
        "bài báo quốc tế %/năm 10 Bộ Khoa học",
        "được công bố tăng và Công nghệ",
        "trung bình",
        "",
    ]
    got = _targets([*ROWS, broken])
    assert got["7"] == ("Số lượng bài báo quốc tế được công bố tăng trung bình", "10", "KHCN")


def test_a_leads_last_word_alone_between_two_name_lines_run_together() -> None:
    run_in = [
        "2 Tỉ lệ xã có điểm phục | % 100 Bộ Thông tin",
        "vụ bưu chính công cộng và Truyền",
        "có người phục vụ thông tận nơi",
        "",
        "Tỉ lệ cấp phép trực | % 60 Văn phòng",
        "",
    ]
    rows = [ROWS[0], run_in[:4], *ROWS[2:]]
    got = _targets(rows)
    assert got["2"] == (
        "Tỉ lệ xã có điểm phục vụ bưu chính công cộng có người phục vụ tận nơi",
        "100",
        "TTTT",
    )


MORE = [
    ["7 Tỉ lệ doanh nghiệp | % 40 Bộ Khoa học", "nhỏ và vừa ứng dụng và Công nghệ", "nền tảng số", ""],
    ["8 Tỉ lệ cơ quan nhà | % 100 Văn phòng", "nước dùng chữ ký số Chính phủ", ""],
    ["9 Tỉ lệ văn bản đi được | % 98 Văn phòng", "ký số chuyên dùng Chính phủ", ""],
    ["10 Tỉ lệ cán bộ được | % 75 Bộ Tài chính", "bồi dưỡng kỹ năng số", ""],
    ["11 Tỉ lệ kho bạc xử | % 100 Bộ Tài chính", "lý chứng từ điện tử", ""],
    ["12 Tỉ lệ ngân sách chi | % 3 Bộ Tài chính", "cho chuyển đổi số", ""],
]


def _glyph_rows(glyphs: dict[int, str]) -> dict[str, tuple[object, ...]]:
    rows = [list(r) for r in [*ROWS, *MORE]]
    for k, g in glyphs.items():
        rows[k - 1][0] = g + rows[k - 1][0][len(str(k)) :]
    return _targets(rows)


def test_row_numbers_read_as_glyphs_are_rows_and_not_the_names_words() -> None:
    got = _glyph_rows({3: "3)", 6: "b", 8: "B.", 10: "1O"})
    assert sorted(got, key=int) == [str(n) for n in range(1, 13)]
    assert got["3"][0] == "Tỉ lệ hồ sơ giải quyết đúng hạn trên hệ thống một cửa điện tử"
    assert got["6"][0] == "Tỉ lệ sáng chế được khai thác thương mại hằng năm trong nước"
    assert got["8"][0] == "Tỉ lệ cơ quan nhà nước dùng chữ ký số"
    assert got["10"] == ("Tỉ lệ cán bộ được bồi dưỡng kỹ năng số", "75", "TC")
    got = _glyph_rows({5: "S", 11: "ll", 12: "I2"})
    assert sorted(got, key=int) == [str(n) for n in range(1, 13)]
    assert got["5"][0] == "Tỉ lệ thuê bao điện thoại thông minh trên tổng số thuê bao di động"
    assert got["11"][0] == "Tỉ lệ kho bạc xử lý chứng từ điện tử"
    assert got["12"][0] == "Tỉ lệ ngân sách chi cho chuyển đổi số"


def test_a_number_line_broken_after_its_unit() -> None:
    broken = ["7 Số lượng sáng chế %/năm", "15 Bộ Khoa học", "được cấp văn bằng và Công nghệ", "bảo hộ", ""]
    got = _targets([*ROWS, broken])
    assert got["7"] == ("Số lượng sáng chế được cấp văn bằng bảo hộ", "15", "KHCN")


def test_a_row_whose_number_and_first_line_ocr_broke_apart() -> None:
    # row 3's number lost and its first line broken before its cells: the two lines read on as one row
    rows = [list(r) for r in ROWS]
    rows[2] = [
        "Tỉ lệ hồ sơ giải",
        "quyết | % 95 Văn phòng",
        "đúng hạn trên hệ thống Chính phủ",
        "một cửa điện tử",
        "",
    ]
    got = _targets(rows)
    assert sorted(got, key=int) == ["1", "2", "3", "4", "5", "6"]
    assert got["3"] == ("Tỉ lệ hồ sơ giải quyết đúng hạn trên hệ thống một cửa điện tử", "95", "VP")

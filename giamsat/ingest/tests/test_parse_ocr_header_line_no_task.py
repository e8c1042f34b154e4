"""Plain OCR text of a plan with one task table per lead unit ("1. Sở Y tế chủ trì:" over "TT Nhiệm vụ Sản phẩm Thời
hạn"): the tables' header lines, repeated under each heading and after a page break ("TT Nhiệm vụ" / "phường" /
"Sản phẩm Ỉ Thời hạn"), are no tasks (made-up lines)."""

from __future__ import annotations

from giamsat.ingest.pipeline import _titles_only, parse_text


def test_a_name_of_column_titles_only() -> None:
    assert _titles_only("TT Nhiệm vụ Sản phẩm Thời hạn")
    assert _titles_only("TỬ Nhiệm vụ Sản phẩm Thời hạn")        # OCR's "TỬ" for "TT"
    assert _titles_only("Sản phẩm Ỉ Thời hạn")
    assert not _titles_only("Nhiệm vụ")                          # one title alone: not told
    assert not _titles_only("Thời hạn nộp hồ sơ trực tuyến")


def test_the_repeated_headers_of_per_unit_tables_are_no_tasks() -> None:
    text = "\n".join([
        "ỦY BAN NHÂN DÂN", "TỈNH HÀ ĐÔNG", "", "Số: 51/KH-UBND", "", "KẾ HOẠCH", "Chuyển đổi số ngành y tế năm 2026", "",
        "II. NHIỆM VỤ CỤ THỂ CỦA CÁC CƠ QUAN", "",
        "1. Sở Y tế chủ trì:", "", "", "TT Nhiệm vụ Sản phẩm Thời hạn", "",
        "1 Triển khai bệnh án điện tử tại các Bệnh án điện tử Quý II/2026",
        "bệnh viện tuyến tỉnh được triển khai", "",
        "2 Kết nối dữ liệu tiêm chủng với | Dữ liệu được đồng | 30/6/2026",
        "cơ sở dữ liệu dân cư bộ", "",
        "2. Công an tỉnh chủ trì:", "", "TT Nhiệm vụ Sản phẩm Thời hạn", "",
        "1 Cấp tài khoản định danh điện tử | Tài khoản được Tháng 10/2026",
        "cho người bệnh tại bệnh viện kích hoạt", "",
        "2 Bảo đảm an ninh hệ thống thông tin | Báo cáo kiểm tra Thường xuyên",
        "của các bệnh viện an ninh mạng", "", "", "",
        "TT Nhiệm vụ", "", "viện", "", "Sản phẩm Ỉ Thời hạn", "",
        "III. TỔ CHỨC THỰC HIỆN", "", "1. Sở Y tế theo dõi, tổng hợp, báo cáo Ủy ban nhân dân tỉnh.",
    ])
    names = [t.name for t in parse_text(text).tasks]
    assert not any(_titles_only(n) for n in names)

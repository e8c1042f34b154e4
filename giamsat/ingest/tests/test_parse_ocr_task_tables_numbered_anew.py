"""Two task tables in the duties' section, each under a numbered sub-heading and each numbering its rows from 1
("1. Nhiệm vụ chuyển tiếp" / table 1-3, "2. Nhiệm vụ mới" / table 1-3), read by OCR as plain text without positions:
six tasks, the sub-headings no rows (made-up plan, laid out as Tesseract reads such tables, the second header's "TT" misread "lạ")."""

from __future__ import annotations

from giamsat.ingest.pipeline import parse_text

PLAN = """KẾ HOẠCH
Chuyển đổi số xã Phú Lộc năm 2026

I. MỤC TIÊU
Năm 2026, 90% hồ sơ thủ tục hành chính được giải quyết trực tuyến.

II. NHIỆM VỤ NĂM 2026

1. Nhiệm vụ chuyển tiếp từ năm 2025

TT Nhiệm vụ Đơn vị chủ trì | Đơn vị phối Thời gian hoàn
hợp thành

1 Số hóa sổ hộ tịch | Phòng Văn Công an xã Quý II/2026
còn lại hóa - Xã hội

2 Lắp đặt camera tại | Công an xã Phòng Kinh tế | Quý III/2026
các ngã ba

3 Cập nhật bản đồ số | Phòng Kinh tế | Thôn, bản Tháng 8/2026
đất đai

2. Nhiệm vụ mới năm 2026

lạ Nhiệm vụ Đơn vị chủ trì | Đơn vị phối hợp | Thời gian hoàn |
thành
1 Mở lớp bình dân học | Phòng Văn hóa | Đoàn Thanh Quý II/2026
vụ số cho người dân - Xã hội niên xã
2 Hướng dẫn tiểu Phòng Kinh tế | Hội Phụ nữ Trong năm
thương dùng mã QR xã 2026
3 Nâng cấp mạng tại | Văn phòng Công an xã Quý IV/2026
Bộ phận Một cửa HĐND và
UBND xã
4 Tuyên truyền phòng | Công an xã Đoàn Thanh Thường xuyên
chống lừa đảo niên xã

III. TỔ CHỨC THỰC HIỆN
1. Phòng Văn hóa - Xã hội theo dõi, đôn đốc thực hiện Kế hoạch.
"""


def test_each_table_numbered_anew_gives_all_its_rows() -> None:
    tasks = parse_text(PLAN).to_json()["tasks"]
    got = [(t["no"], t["name"].split()[0], t["lead_code"], t["deadline_text"]) for t in tasks]
    # was four: the first sub-heading read as row 1 (its "1." and year), the second table's rows 1-3 lost (its row 4
    # taken as the first table's next)
    assert got == [
        ("1", "Số", "PHONG_VHXH", "Quý II/2026"),
        ("2", "Lắp", "CA_XA", "Quý III/2026"),
        ("3", "Cập", "PHONG_KT", "Tháng 8/2026"),
        ("1", "Mở", "PHONG_VHXH", "Quý II/2026"),
        ("2", "Hướng", "PHONG_KT", "2026"),
        ("3", "Nâng", "VP_HDND_UBND_XA", "Quý IV/2026"),
        ("4", "Tuyên", "CA_XA", "Thường xuyên"),
    ]
    assert not any("Nhiệm vụ" in t["name"] for t in tasks)


def test_a_header_repeated_over_a_page_break_with_its_column_numbers_starts_no_table() -> None:
    plan = PLAN.replace("2. Nhiệm vụ mới năm 2026\n\nlạ Nhiệm vụ Đơn vị chủ trì | Đơn vị phối hợp | Thời gian hoàn |\nthành\n"
                        "1 Mở lớp bình dân học | Phòng Văn hóa | Đoàn Thanh Quý II/2026\nvụ số cho người dân - Xã hội niên xã\n"
                        "2 Hướng dẫn tiểu", "TT Nhiệm vụ Đơn vị chủ trì | Đơn vị phối hợp | Thời gian hoàn |\nthành\n"
                        "1 2 3 4 5\n4 Mở lớp bình dân học | Phòng Văn hóa | Đoàn Thanh Quý II/2026\nvụ số cho người dân - Xã hội niên xã\n"
                        "5 Hướng dẫn tiểu").replace("\n3 Nâng cấp mạng", "\n6 Nâng cấp mạng").replace("\n4 Tuyên truyền", "\n7 Tuyên truyền")
    tasks = parse_text(plan).to_json()["tasks"]
    assert [t["no"] for t in tasks] == ["1", "2", "3", "4", "5", "6", "7"]
    assert not any(t["name"].startswith("TT") for t in tasks)

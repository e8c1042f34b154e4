"""Vietnam's provincial units before and after the 2025 merger, as published.

Source: Resolution 202/2025/QH15 of the National Assembly (12 June 2025) on the
arrangement of provincial-level administrative units, effective 1 July 2025:
63 provinces and centrally-run cities became 34 (28 provinces, 6 cities); 11 were
kept as they were, 52 were merged into 23. The unit named first in each merger
keeps its name and is the successor of the others. District level ended on the
same date (Resolution 76/2025/UBTVQH15 and the 2025 Law on Local Government).
"""

from __future__ import annotations

import datetime as dt

MERGER_DATE = dt.date(2025, 7, 1)
LAST_DAY_BEFORE_MERGER = dt.date(2025, 6, 30)

# The 34 units after 1 July 2025: (code, name, is_city, [codes of the units merged into it]).
# The first old unit in the list is the one whose name the new unit kept.
PROVINCES_AFTER_2025: list[tuple[str, str, bool, list[tuple[str, str]]]] = [
    ("ha-noi", "Thành phố Hà Nội", True, []),
    ("hue", "Thành phố Huế", True, []),
    ("lai-chau", "Tỉnh Lai Châu", False, []),
    ("dien-bien", "Tỉnh Điện Biên", False, []),
    ("son-la", "Tỉnh Sơn La", False, []),
    ("lang-son", "Tỉnh Lạng Sơn", False, []),
    ("quang-ninh", "Tỉnh Quảng Ninh", False, []),
    ("thanh-hoa", "Tỉnh Thanh Hóa", False, []),
    ("nghe-an", "Tỉnh Nghệ An", False, []),
    ("ha-tinh", "Tỉnh Hà Tĩnh", False, []),
    ("cao-bang", "Tỉnh Cao Bằng", False, []),
    ("tuyen-quang", "Tỉnh Tuyên Quang", False, [("tuyen-quang-cu", "Tỉnh Tuyên Quang (trước 7/2025)"), ("ha-giang", "Tỉnh Hà Giang")]),
    ("lao-cai", "Tỉnh Lào Cai", False, [("lao-cai-cu", "Tỉnh Lào Cai (trước 7/2025)"), ("yen-bai", "Tỉnh Yên Bái")]),
    ("thai-nguyen", "Tỉnh Thái Nguyên", False, [("thai-nguyen-cu", "Tỉnh Thái Nguyên (trước 7/2025)"), ("bac-kan", "Tỉnh Bắc Kạn")]),
    ("phu-tho", "Tỉnh Phú Thọ", False, [("phu-tho-cu", "Tỉnh Phú Thọ (trước 7/2025)"), ("vinh-phuc", "Tỉnh Vĩnh Phúc"), ("hoa-binh", "Tỉnh Hòa Bình")]),
    ("bac-ninh", "Tỉnh Bắc Ninh", False, [("bac-ninh-cu", "Tỉnh Bắc Ninh (trước 7/2025)"), ("bac-giang", "Tỉnh Bắc Giang")]),
    ("hung-yen", "Tỉnh Hưng Yên", False, [("hung-yen-cu", "Tỉnh Hưng Yên (trước 7/2025)"), ("thai-binh", "Tỉnh Thái Bình")]),
    ("hai-phong", "Thành phố Hải Phòng", True, [("hai-phong-cu", "Thành phố Hải Phòng (trước 7/2025)"), ("hai-duong", "Tỉnh Hải Dương")]),
    ("ninh-binh", "Tỉnh Ninh Bình", False, [("ninh-binh-cu", "Tỉnh Ninh Bình (trước 7/2025)"), ("ha-nam", "Tỉnh Hà Nam"), ("nam-dinh", "Tỉnh Nam Định")]),
    ("quang-tri", "Tỉnh Quảng Trị", False, [("quang-tri-cu", "Tỉnh Quảng Trị (trước 7/2025)"), ("quang-binh", "Tỉnh Quảng Bình")]),
    ("da-nang", "Thành phố Đà Nẵng", True, [("da-nang-cu", "Thành phố Đà Nẵng (trước 7/2025)"), ("quang-nam", "Tỉnh Quảng Nam")]),
    ("quang-ngai", "Tỉnh Quảng Ngãi", False, [("quang-ngai-cu", "Tỉnh Quảng Ngãi (trước 7/2025)"), ("kon-tum", "Tỉnh Kon Tum")]),
    ("gia-lai", "Tỉnh Gia Lai", False, [("gia-lai-cu", "Tỉnh Gia Lai (trước 7/2025)"), ("binh-dinh", "Tỉnh Bình Định")]),
    ("khanh-hoa", "Tỉnh Khánh Hòa", False, [("khanh-hoa-cu", "Tỉnh Khánh Hòa (trước 7/2025)"), ("ninh-thuan", "Tỉnh Ninh Thuận")]),
    ("lam-dong", "Tỉnh Lâm Đồng", False, [("lam-dong-cu", "Tỉnh Lâm Đồng (trước 7/2025)"), ("dak-nong", "Tỉnh Đắk Nông"), ("binh-thuan", "Tỉnh Bình Thuận")]),
    ("dak-lak", "Tỉnh Đắk Lắk", False, [("dak-lak-cu", "Tỉnh Đắk Lắk (trước 7/2025)"), ("phu-yen", "Tỉnh Phú Yên")]),
    ("ho-chi-minh", "Thành phố Hồ Chí Minh", True, [("ho-chi-minh-cu", "Thành phố Hồ Chí Minh (trước 7/2025)"), ("binh-duong", "Tỉnh Bình Dương"), ("ba-ria-vung-tau", "Tỉnh Bà Rịa - Vũng Tàu")]),
    ("dong-nai", "Tỉnh Đồng Nai", False, [("dong-nai-cu", "Tỉnh Đồng Nai (trước 7/2025)"), ("binh-phuoc", "Tỉnh Bình Phước")]),
    ("tay-ninh", "Tỉnh Tây Ninh", False, [("tay-ninh-cu", "Tỉnh Tây Ninh (trước 7/2025)"), ("long-an", "Tỉnh Long An")]),
    ("can-tho", "Thành phố Cần Thơ", True, [("can-tho-cu", "Thành phố Cần Thơ (trước 7/2025)"), ("soc-trang", "Tỉnh Sóc Trăng"), ("hau-giang", "Tỉnh Hậu Giang")]),
    ("vinh-long", "Tỉnh Vĩnh Long", False, [("vinh-long-cu", "Tỉnh Vĩnh Long (trước 7/2025)"), ("ben-tre", "Tỉnh Bến Tre"), ("tra-vinh", "Tỉnh Trà Vinh")]),
    ("dong-thap", "Tỉnh Đồng Tháp", False, [("dong-thap-cu", "Tỉnh Đồng Tháp (trước 7/2025)"), ("tien-giang", "Tỉnh Tiền Giang")]),
    ("ca-mau", "Tỉnh Cà Mau", False, [("ca-mau-cu", "Tỉnh Cà Mau (trước 7/2025)"), ("bac-lieu", "Tỉnh Bạc Liêu")]),
    ("an-giang", "Tỉnh An Giang", False, [("an-giang-cu", "Tỉnh An Giang (trước 7/2025)"), ("kien-giang", "Tỉnh Kiên Giang")]),
]

# Provincial departments after the 2025 reorganisation of the provincial apparatus,
# as they appear in the seed plans: (suffix, name, abbreviations).
STANDARD_DEPARTMENTS: list[tuple[str, str, list[str]]] = [
    ("so-khcn", "Sở Khoa học và Công nghệ", ["Sở KH&CN", "SKHCN", "Sở KHCN"]),
    ("so-tai-chinh", "Sở Tài chính", ["STC"]),
    ("so-noi-vu", "Sở Nội vụ", ["SNV"]),
    ("so-xay-dung", "Sở Xây dựng", ["SXD"]),
    ("so-nn-mt", "Sở Nông nghiệp và Môi trường", ["Sở NN&MT", "Sở NNMT"]),
    ("so-cong-thuong", "Sở Công Thương", ["SCT"]),
    ("so-gd-dt", "Sở Giáo dục và Đào tạo", ["Sở GD&ĐT", "Sở GDĐT"]),
    ("so-y-te", "Sở Y tế", ["SYT"]),
    ("so-tu-phap", "Sở Tư pháp", ["STP"]),
    ("so-vh-tt-dl", "Sở Văn hóa, Thể thao và Du lịch", ["Sở VHTTDL", "Sở VH-TT&DL"]),
    ("so-dan-toc-ton-giao", "Sở Dân tộc và Tôn giáo", []),
    ("thanh-tra", "Thanh tra tỉnh", []),
    ("vp-ubnd", "Văn phòng Ủy ban nhân dân tỉnh", ["Văn phòng UBND tỉnh", "VP UBND tỉnh"]),
    ("cong-an", "Công an tỉnh", []),
    ("bchqs", "Bộ Chỉ huy Quân sự tỉnh", ["Bộ CHQS tỉnh"]),
]

# Party bodies of a province that the seed programmes assign duties to.
PARTY_BODIES: list[tuple[str, str, list[str]]] = [
    ("tinh-uy", "Tỉnh ủy", ["Ban Thường vụ Tỉnh ủy", "BTV Tỉnh ủy"]),
    ("vp-tinh-uy", "Văn phòng Tỉnh ủy", ["VPTU"]),
    ("ban-tuyen-giao-dan-van", "Ban Tuyên giáo và Dân vận Tỉnh ủy", ["Ban TG&DV Tỉnh ủy"]),
    ("ban-to-chuc", "Ban Tổ chức Tỉnh ủy", []),
    ("ubkt", "Ủy ban Kiểm tra Tỉnh ủy", []),
    ("ubnd", "Ủy ban nhân dân tỉnh", ["UBND tỉnh"]),
]

# Provinces whose plans ship with the demo, and the communes/wards that appear in them.
SEED_PROVINCES = ["dong-nai", "phu-tho", "lang-son", "gia-lai", "binh-phuoc", "binh-dinh"]
SEED_COMMUNES: list[tuple[str, str, str]] = [
    ("dong-nai", "phuong-long-binh", "Phường Long Bình"),
]

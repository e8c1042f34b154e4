"""A legend of short names and a document's codes as a scan reads them (made-up lines): a speck between the
legend's lines, a pair broken at a line's end, a short name one letter off, a Đ read twice."""

from __future__ import annotations

from giamsat.ingest.agencies import AgencyMatcher, legend_entries
from giamsat.ingest.metadata import find_symbols

LEGEND = [
    "Ghi chú: VP - Văn phòng HĐND và UBND xã; KT - Phòng Kinh tế, VHXH-",
    "_",
    "Phòng Văn hóa - Xã hội; TPVHCC - Trung tâm Phục vụ hành chính công xã;",
    "CAX - Công an xã; HPN -",
    "Hội Liên hiệp Phụ nữ xã.",
    "IV. TỔ CHỨC THỰC HIỆN",
    "1. Phòng Văn hóa - Xã hội là cơ quan thường trực.",
]


def test_a_legend_read_on_past_a_speck_and_a_broken_pair() -> None:
    shorts = [short for short, _full in legend_entries(LEGEND)]
    assert shorts == ["VP", "KT", "VHXH", "TPVHCC", "CAX", "HPN"]  # was VP, KT only (the "_" ended it)
    assert ("VHXH", "Phòng Văn hóa - Xã hội") in legend_entries(LEGEND)


def test_a_short_name_one_letter_off_the_legends() -> None:
    matcher = AgencyMatcher()
    matcher.learn(LEGEND)
    assert matcher.match("CAX").agency is not None
    legend_unit = matcher.match("TPVHCC").agency
    assert legend_unit is not None
    assert matcher.match("TTPVHCC").agency == legend_unit  # the table's spelling, a T the legend's OCR lost
    # two letters off the legend's TPVHCC: nothing ("TTPVHC" is no test of that: it is one letter off the
    # registry's own "TT PVHCC", the centre's usual short name)
    assert matcher.match("TPVHXX").agency is None


def test_a_code_whose_d_ocr_read_twice() -> None:
    assert find_symbols("Căn cứ Quyết định số 06/QĐÐ-TTg ngày 06/01/2022") == [(21, "06/QĐ-TTg")]
    assert find_symbols("Số: 12/QÐ-UBND") == [(4, "12/QĐ-UBND")]  # the eth for Đ
    assert find_symbols("Kế hoạch số 15-KH/ĐĐQH15") == [(12, "15-KH/ĐĐQH15")]  # a real double Đ stays


def test_a_communes_youth_union_is_its_own_unit() -> None:
    matcher = AgencyMatcher()
    commune = matcher.match("Đoàn Thanh niên Cộng sản Hồ Chí Minh xã").agency
    assert commune is not None  # was unmatched: the registry had the province's Tỉnh đoàn only
    assert commune == matcher.match("Đoàn Thanh niên phường").agency
    assert commune != matcher.match("Tỉnh đoàn").agency
    assert ("ĐTN", commune.code) in matcher.learn(["Ghi chú: ĐTN - Đoàn Thanh niên Cộng sản Hồ Chí Minh xã."])


def test_a_prose_legend_wrapped_by_a_pdfs_width() -> None:
    lines = [
        "Ghi chú: VP - Văn phòng HĐND và UBND phường; TTPV",
        "- Trung tâm Phục vụ hành chính công phường; CAP - Công an phường; ĐTN - Đoàn Thanh niên Cộng sản Hồ Chí",
        "Minh phường; HPN - Hội Liên hiệp Phụ nữ phường.",
        "IV. TỔ CHỨC THỰC HIỆN",
        "1. Văn phòng HĐND và UBND phường là cơ quan thường trực.",
    ]
    pairs = dict(legend_entries(lines))
    assert pairs["TTPV"] == "Trung tâm Phục vụ hành chính công phường"  # was lost (its dash on the next line)
    assert pairs["ĐTN"] == "Đoàn Thanh niên Cộng sản Hồ Chí Minh phường"  # was cut at "Hồ Chí"
    assert list(pairs) == ["VP", "TTPV", "CAP", "ĐTN", "HPN"]
    listed = ["Chữ viết tắt:", "- VP: Văn phòng HĐND và UBND xã", "- KT: Phòng Kinh tế", "", "I. MỤC ĐÍCH"]
    assert legend_entries(listed) == [("VP", "Văn phòng HĐND và UBND xã"), ("KT", "Phòng Kinh tế")]

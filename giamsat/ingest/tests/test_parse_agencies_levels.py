"""Units of the two-level local government (July 2025) and short names a document defines for itself."""

from __future__ import annotations

import pytest

from giamsat.ingest.agencies import AgencyMatcher, legend_entries


@pytest.fixture(scope="module")
def matcher() -> AgencyMatcher:
    return AgencyMatcher()


@pytest.mark.parametrize(
    ("name", "code"),
    [
        ("Ban Chỉ huy Quân sự xã", "BCHQS_XA"),
        ("Ban CHQS phường", "BCHQS_XA"),
        ("Ban Chi huy Quan su xa", "BCHQS_XA"),
        ("Bộ Chỉ huy Quân sự tỉnh", "BCHQS"),
        ("Đảng ủy xã", "DANG_UY_XA"),
        ("Dang uy phuong", "DANG_UY_XA"),
        ("Ủy ban MTTQ Việt Nam xã", "MTTQ_XA"),
        ("Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh", "MTTQ"),
        ("HĐND xã", "HDND_XA"),
        ("Phòng KT, HT&ĐT", "PHONG_KT"),
        ("Phòng Kinh tế, Hạ tầng và Đô thị", "PHONG_KT"),
        ("Phong Van hoa - Xa hoi", "PHONG_VHXH"),
        ("Văn phòng HĐND và UBND phường", "VP_HDND_UBND_XA"),
        ("Trung tâm Phục vụ hành chính công xã", "TRUNG_TAM_PVHCC"),
        ("Cong an xa", "CA_XA"),
        ("Sở Dân tộc và Tôn giáo", "SDTTG"),
        ("Sở Lao động - Thương binh và Xã hội", "SLDTBXH"),  # "Xã hội" is no level
        ("Bảo hiểm xã hội", "BHXH"),
    ],
)
def test_units_of_the_two_level_government(matcher: AgencyMatcher, name: str, code: str) -> None:
    hit = matcher.match(name)
    assert hit.agency is not None and hit.agency.code == code


@pytest.mark.parametrize(
    "name",
    [
        "Đảng ủy UBND tỉnh",  # a Party committee, not the People's Committee
        "Phòng Giáo dục và Đào tạo",  # a former district's office, not the Sở
        "Phòng Tài nguyên và Môi trường",
        "Văn phòng HĐND và UBND huyện",  # districts are gone: not the commune's office
        "Ban Tuyên giáo và Dân vận Đảng ủy xã",  # not the Tỉnh ủy's
        "Ban Chỉ huy Quân sự huyện",
    ],
)
def test_a_unit_of_another_level_or_kind_is_not_forced_onto_a_near_name(
    matcher: AgencyMatcher, name: str
) -> None:
    assert matcher.match(name).agency is None


def test_a_communes_youth_union_is_not_the_tinh_doan(matcher: AgencyMatcher) -> None:
    hit = matcher.match("Đoàn Thanh niên xã").agency
    assert hit is None or hit.code != "DOAN_TN"  # the commune's own unit (DOAN_TN_XA) or none, never Tỉnh đoàn


def test_a_commune_level_word_after_a_province_unit_in_text(matcher: AgencyMatcher) -> None:
    found = [
        a.code for _s, _e, a in matcher.scan("Giao UBND tỉnh, Đoàn Thanh niên xã và Công an xã thực hiện")
    ]
    assert found == ["UBND_TINH", "DOAN_TN_XA", "CA_XA"]  # the commune's youth union, never Tỉnh đoàn


def test_a_legend_below_a_table_teaches_its_short_names() -> None:
    lines = [
        "| 1 | Số hóa hồ sơ | VP | KT, CAX | Quý II/2026 |",
        "Ghi chú: VP - Văn phòng HĐND và UBND xã; KT - Phòng Kinh tế; CAX - Công an xã; "
        "ĐTN - Đoàn Thanh niên Cộng sản Hồ Chí Minh xã.",
    ]
    m = AgencyMatcher()
    before = m.match("VP").agency
    assert before is None or before.code != "VP_HDND_UBND_XA"
    learned = dict(m.learn(lines))
    assert learned == {"VP": "VP_HDND_UBND_XA", "KT": "PHONG_KT", "CAX": "CA_XA", "ĐTN": "DOAN_TN_XA"}
    assert [h.agency.code if h.agency else None for h in m.match_many("KT, CAX")] == ["PHONG_KT", "CA_XA"]
    learnt = m.match("ĐTN").agency
    assert learnt is not None and learnt.code == "DOAN_TN_XA"  # the commune's youth union, since it is registered
    # for this document only
    assert AgencyMatcher().match("CAX").agency is None


def test_a_list_of_abbreviations_under_its_heading_and_in_a_table() -> None:
    lines = [
        "CHỮ VIẾT TẮT",
        "- SKHCN: Sở Khoa học và Công nghệ",
        "",
        "- TTYT: Trung tâm Y tế khu vực",
        "- VP = Văn phòng UBND tỉnh",
        "I. MỤC ĐÍCH, YÊU CẦU",
        "- NV: không phải chú giải",
        "| STT | Chữ viết tắt | Tên đầy đủ |",
        "|---|---|---|",
        "| 1 | NV | Sở Nội vụ |",
        "| 2 | TC | Sở Tài chính |",
    ]
    assert legend_entries(lines)[:3] == [
        ("SKHCN", "Sở Khoa học và Công nghệ"),
        ("TTYT", "Trung tâm Y tế khu vực"),
        ("VP", "Văn phòng UBND tỉnh"),
    ]
    m = AgencyMatcher()
    assert dict(m.learn(lines)) == {"SKHCN": "SKHCN", "VP": "VPUBND", "NV": "SNV", "TC": "STC"}
    assert m.match("TTYT").agency is None


def test_a_short_name_defined_in_brackets_after_the_full_one() -> None:
    lines = [
        "Giao Sở Khoa học và Công nghệ tỉnh Bắc Sơn (sau đây gọi tắt là Sở) chủ trì;",
        "tại Trung tam Phuc vu hanh chinh cong xa (sau day goi tat la Trung tâm) đạt 70%;",
        "Quyết định số 06/QĐ-TTg phê duyệt Đề án phát triển ứng dụng dữ liệu về dân cư (sau đây gọi tắt là Đề án 06);",
        "Văn phòng UBND tỉnh (viết tắt là Cơ quan thường trực) theo dõi.",
    ]
    m = AgencyMatcher()
    assert m.match("Cơ quan thường trực").agency is None
    assert dict(m.learn(lines)) == {
        "Sở": "SKHCN",
        "Trung tâm": "TRUNG_TAM_PVHCC",
        "Cơ quan thường trực": "VPUBND",
    }
    hit = m.match("Sở")
    assert hit.agency is not None and hit.agency.code == "SKHCN"
    # a bare head noun defined as a short name is an exact alias only: "Trung tâm Y tế" stays unknown
    assert m.match("Trung tâm Y tế").agency is None
    assert [a.code for _s, _e, a in m.scan("Cơ quan thường trực tổng hợp")] == ["VPUBND"]


def test_the_restorer_keeps_an_abbreviation_without_vowels_in_typed_text() -> None:
    from giamsat.ingest.restore import restore_text

    line = "Ghi chú: VP - Văn phòng HĐND và UBND xã; KT - Phòng Kinh tế; VHXH - Phòng Văn hóa - Xã hội."
    assert restore_text(line) == line  # was "KẾT - Phòng Kinh tế": the legend then taught nothing for KT
    assert restore_text("KT - Phòng Kinh tế") == "KT - Phòng Kinh tế"  # was "KI"
    assert restore_text("ỦY BAN NHAN DAN XÃ TÂN PHÚ") == "ỦY BAN NHÂN DÂN XÃ TÂN PHÚ"  # a header still read


def test_a_plan_whose_task_table_uses_the_short_names_of_its_legend() -> None:
    from giamsat.ingest.pipeline import parse_text

    text = """KẾ HOẠCH
Chuyển đổi số xã Bình An năm 2026

II. NHIỆM VỤ

| STT | Nội dung | Chủ trì | Phối hợp | Thời gian |
|---|---|---|---|---|
| 1 | Số hóa hồ sơ một cửa | TTPV | VPUB | Quý II/2026 |
| 2 | Tuyên truyền kỹ năng số | PVX | TTPV | Năm 2026 |

Ghi chú: VPUB - Văn phòng HĐND và UBND xã; TTPV - Trung tâm Phục vụ hành chính công xã; PVX - Phòng Văn hóa - Xã hội.
"""
    plan = parse_text(text).to_json()
    assert [t["lead_code"] for t in plan["tasks"]] == ["TRUNG_TAM_PVHCC", "PHONG_VHXH"]
    assert not [w for w in plan["warnings"] if "VPUB" in w or "TTPV" in w]  # coordinators known too

"""Agency names in their many spellings → registry units; unknown names are reported."""

from __future__ import annotations

import pytest

from giamsat.ingest.agencies import Agency, AgencyMatcher

M = AgencyMatcher()


@pytest.mark.parametrize(
    ("name", "code"),
    [
        ("Sở KH&CN", "SKHCN"),
        ("SKHCN", "SKHCN"),
        ("Sở Khoa học và Công nghệ", "SKHCN"),
        ("S& Khoa hoc va Cong nghé", "SKHCN"),
        ("Sở Tài chính", "STC"),
        ("Sở Tài nguyên và Môi trường", "STNMT"),
        ("Công an tỉnh", "CAT"),
        ("Bộ Chỉ huy Quân sự tỉnh", "BCHQS"),
        ("Ban Tuyên giáo và Dân vận Tỉnh ủy", "BTGDV"),
        ("Văn phòng Ủy ban nhân dân tỉnh", "VPUBND"),
        ("Sở Thông tin và Truyền thông", "STTTT"),
        ("UBND các xã, phường", "UBND_XA"),
        ("Sở Văn hóa, Thể thao và Du lịch", "SVHTTDL"),
    ],
)
def test_variants_match_one_unit(name: str, code: str) -> None:
    hit = M.match(name)
    assert hit.agency is not None and hit.agency.code == code


def test_a_cell_with_several_agencies_splits() -> None:
    hits = M.match_many("Sở Tài chính, Sở Nội vụ và các sở, ngành liên quan")
    assert [h.agency.code if h.agency else None for h in hits] == ["STC", "SNV", "CAC_SO"]


def test_a_list_of_kinds_opened_by_cac_is_one_collective() -> None:
    """'Các cơ quan, đơn vị liên quan': the comma goes on with another kind of body in lower case, one
    collective (no unknown unit 'đơn vị liên quan'); a named unit after a comma is still its own."""
    assert [h.text for h in M.match_many("Các cơ quan, đơn vị liên quan")] == [
        "Các cơ quan, đơn vị liên quan"
    ]
    assert M.match_many("Các cơ quan, đơn vị liên quan")[0].agency is not None
    assert [h.text for h in M.match_many("Các hợp tác xã, doanh nghiệp liên quan; Sở Công Thương")] == [
        "Các hợp tác xã, doanh nghiệp liên quan",
        "Sở Công Thương",
    ]
    assert [h.text for h in M.match_many("Các trường học, Công an xã")] == ["Các trường học", "Công an xã"]


def test_a_name_with_va_inside_stays_whole() -> None:
    assert [h.text for h in M.match_many("Sở Khoa học và Công nghệ; Văn phòng HĐND và UBND xã")] == [
        "Sở Khoa học và Công nghệ",
        "Văn phòng HĐND và UBND xã",
    ]


def test_unknown_names_are_returned_unmatched() -> None:
    hit = M.match("Trung tâm Vũ trụ Sao Hỏa")
    assert hit.agency is None and hit.text == "Trung tâm Vũ trụ Sao Hỏa"


def test_the_app_can_pass_its_own_units() -> None:
    own = AgencyMatcher([Agency("BKHCN", "Bộ Khoa học và Công nghệ", ("BKHCN", "Bộ KH&CN"), "ministry")])
    assert own.match("Bộ KH&CN").agency == own.registry[0]
    assert own.match("Sở Tài chính").agency is None


def test_scan_finds_agencies_in_ocr_lines() -> None:
    found = [a.code for _s, _e, a in M.scan("Trien khai ... Céc S& S& Khoa hoc va Cong nghé; Cong an tinh")]
    assert found == ["CAC_SO", "SKHCN", "CAT"]


def test_a_name_known_only_by_its_split_end() -> None:
    # OCR destroyed "Sở Khoa học"; "và Công" / "nghệ" stand in the lead cell on successive lines.
    lines = [
        "Xây dựng, ban hành kế hoạch | >0 M08 00C | Các sở, ngành, | Kế hoạch",
        "46 | triển khai ứng dụng trí tuệ nhân tạo | va Cong . . , Năm 2026",
        "chính công, nghiên cứu khoa học. ngh¢ lập",
    ]
    assert [(k, a.code) for k, _s, a in M.scan_tails(lines)] == [(1, "SKHCN")]


def test_a_split_end_needs_its_last_word_nearby_and_distinctive() -> None:
    assert M.scan_tails(["| va Cong . . ,", "", "nội dung khác hẳn"]) == []
    assert M.scan_tails(["| va Cong nghệ |"]) == []  # whole name on the line: scan() reads it
    # "… phục vụ hành chính" / "công": "công" is in many agency names, too weak to name a lead
    assert M.scan_tails(["Trung tâm phục vụ hành chính", "công"]) == []


def test_a_split_name_may_skip_the_row_number_line() -> None:
    lines = [
        "A ‘ 2 s Lo a- ', . | Van phong Cac s0, nganh Quyét dinh cua chu",
        "(V] ° s .",
        "65 | cong truc tuyén toan trinh doi véi 100% thu tuc UBND tinh dia phurong tich UBND tinh 06/2025",
    ]
    assert next((k, a.code) for k, _s, a in M.scan_lines(lines)) == (0, "VPUBND")
    # a bare "Sở" is joined with the very next line only, never with a name two lines down
    lines = ["trên môi trường số. Sở", "khác hẳn", "trong Kế hoạch hằng năm"]
    assert all(a.code != "SKHDT" for _k, _s, a in M.scan_lines(lines))


@pytest.mark.parametrize(
    ("line", "code"),
    [
        ("| S¢ Gido duc va dao tao |", "SGDDT"),  # "Giáo" with a damaged letter
        ("tinh. | S& Noi vy | Cac", "SNV"),  # ụ read as y
        ("Cac s0, nganh, dia phuong", "CAC_SO"),  # ở read as 0, after "Các"
        ("Cdc 50, nganh", "CAC_SO"),
        ("| B0 chi huy quan sy tinh |", "BCHQS"),
        ("trong | 56 Xay dyng | Cac", "SXD"),
        ("dữ liệu | So Dantoe va Ton gido | Các sở", "SDTTG"),  # two words run together, then damaged
    ],
)
def test_damaged_words_of_a_unit_name_are_repaired_from_the_registry(line: str, code: str) -> None:
    assert code in [a.code for _k, _s, a in AgencyMatcher().scan_lines([line])]


def test_real_words_are_not_repaired_into_unit_names() -> None:
    m = AgencyMatcher()
    # "theo", "cua", "trong" are words in their own right; a lone letter is not the end of a name ("n" ≠ "an")
    assert m.scan_lines(["triển khai theo kế hoạch của tỉnh trong năm"]) == []
    assert m.scan_lines(["A va Cong N trong Kế hoạch"]) == []
    # a number stays a number unless it reads as the registry word ("60" is not "sở")
    assert m.scan_lines(["60 Xay dung ke hoach"]) == []


def test_a_prefix_shared_with_a_pre_2025_name_belongs_to_todays_unit() -> None:
    m = AgencyMatcher()
    found = m.scan_lines(
        [
            "Xây dựng nền tảng số giám sát | S& Nong",
            "dữ liệu tài nguyên, môi trường | nghiép va",
            "Moi truong",
        ]
    )
    assert [a.code for _k, _s, a in found] == ["SNNMT"]


def test_a_split_name_knows_where_its_pieces_stand() -> None:
    cells = AgencyMatcher().scan_cells(
        [
            "Triển khai ứng dụng số | S& Khoa hoc | Các sở, ngành,",
            "trong các cơ quan nhà nước | va Cong | địa phương",
            "trên địa bàn tỉnh. | nghệ",
        ]
    )
    skhcn = next(c for c in cells if c.agency.code == "SKHCN")
    assert [line for line, _col in skhcn.parts] == [0, 1, 2]


def test_a_split_name_goes_on_past_ocr_noise_further_left() -> None:
    # the line below holds only accent marks before the rest of the name: its columns have drifted left
    lines = [
        "Xây dựng nền tảng số giám sát dữ liệu môi trường của tỉnh 50 Nong",
        ". A o nghiép va cac dia phuong tang so duoc trien khai Nam 2026",
    ]
    assert [(k, a.code) for k, _s, a in AgencyMatcher().scan_lines(lines)] == [(0, "SNNMT")]
    # after real words, a name's rest must stand near its column
    lines = [
        "Xây dựng nền tảng số giám sát dữ liệu môi trường của tỉnh 50 Nong",
        "trong năm nghiép va cac dia phuong tang so duoc trien khai Nam 2026",
    ]
    assert AgencyMatcher().scan_lines(lines) == []


def test_abbreviations_inside_a_name_are_written_out() -> None:
    own = AgencyMatcher(
        [Agency("VPHD", "Văn phòng Hội đồng nhân dân tỉnh"), Agency("SGD", "Sở Giáo dục và Đào tạo")]
    )
    assert own.match("VP HĐND tỉnh").agency == own.registry[0]
    assert own.match("Văn phòng HĐND").agency == own.registry[0]
    assert own.match("Sở GD&ĐT").agency == own.registry[1]


@pytest.mark.parametrize(
    ("name", "code"),
    [
        ("Ban cán sự đảng Ủy ban nhân dân tỉnh", "BCSD_UBND"),
        ("Ban can su dang UBND tinh", "BCSD_UBND"),
        ("Đảng đoàn Hội đồng nhân dân tỉnh", "DD_HDND"),
        ("Dang doan HDND tinh", "DD_HDND"),
        ("Đảng đoàn Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh", "DD_MTTQ"),
        ("UBND tỉnh", "UBND_TINH"),
        ("HĐND tỉnh", "HDND_TINH"),
    ],
)
def test_party_bodies_that_lead_the_state_bodies_are_their_own_units(name: str, code: str) -> None:
    hit = M.match(name)
    assert hit.agency is not None and hit.agency.code == code
    assert [h.agency.code if h.agency else None for h in M.match_many(f"{name}, Sở Tài chính")] == [
        code,
        "STC",
    ]


def test_a_party_body_of_another_organisation_is_not_taken_for_a_similar_name() -> None:
    """'Đảng đoàn Hội Nông dân tỉnh' is not the Party group of the People's Council ('Đảng đoàn HĐND tỉnh')."""
    hit = M.match("Đảng đoàn Hội Nông dân tỉnh")
    assert hit.agency is None or hit.agency.code != "DD_HDND"

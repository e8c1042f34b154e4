"""The targets a letter's request serves, in the clause before it ('Để phấn đấu đến ngày 31/12/2026 có 100% xã, phường
vận hành … và tỷ lệ hồ sơ … đạt tối thiểu 60%, Sở … đề nghị …:'): a day is the time, not the name; 'và tỷ lệ' opens the
next indicator. Made-up letter."""

from __future__ import annotations

from giamsat.ingest.pipeline import parse_text


def test_the_aims_before_a_request_are_targets() -> None:
    plan = parse_text("\n".join([
        "UBND TỈNH BẮC SƠN",
        "SỞ NỘI VỤ",
        "",
        "Số: 220/SNV-CCHC",
        "V/v đẩy mạnh cải cách hành chính cấp xã",
        "",
        "Kính gửi: Ủy ban nhân dân các xã, phường.",
        "",
        "Để phấn đấu đến ngày 30/11/2026 có 100% xã, phường số hóa kết quả giải quyết thủ tục hành chính và tỷ lệ hồ "
        "sơ được tiếp nhận trực tuyến đạt tối thiểu 70%, Sở Nội vụ đề nghị Ủy ban nhân dân các xã, phường thực hiện "
        "một số nội dung sau:",
        "",
        "1. Rà soát hồ sơ tồn đọng tại bộ phận một cửa, hoàn thành trước ngày 15/10/2026.",
        "",
        "2. Bố trí công chức hướng dẫn người dân nộp hồ sơ trực tuyến; thực hiện thường xuyên.",
    ]))
    got = [(t.name, t.comparator, t.value, t.year) for t in plan.targets]
    assert got == [("xã, phường số hóa kết quả giải quyết thủ tục hành chính", "=", "100", 2026),
                   ("tỷ lệ hồ sơ được tiếp nhận trực tuyến", ">=", "70", 2026)]

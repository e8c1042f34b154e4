"""A paragraph where every token stays as it is (typed Vietnamese, numbers, codes) is not decoded: no trigram is
scored for it, and it comes out as it went in; a paragraph of OCR beside it is restored as before."""

from __future__ import annotations

from giamsat.ingest.restore.decoder import Restorer

TYPED = (
    "Ủy ban nhân dân xã Đông Tiến\n"
    "Số: 12/KH-UBND\n"
    "\n"
    "Triển khai chuyển đổi số trên địa bàn xã năm 2026; hoàn thành cơ sở dữ liệu dân cư trước ngày 30/6/2026.\n"
    "Phòng Văn hóa - Xã hội chủ trì, phối hợp với Công an xã tuyên truyền cho người dân.\n"
)


def test_a_typed_plan_is_not_decoded() -> None:
    restorer = Restorer()
    assert restorer.restore_text(TYPED) == TYPED
    assert restorer._scored == 0  # no position decoded, no trigram scored


def test_an_ocr_paragraph_beside_it_is_still_restored() -> None:
    restorer = Restorer()
    text = TYPED + "\nTrién khai chuyén ddi sé trén dia ban xa nam 2026\n"
    restored = restorer.restore_text(text)
    assert restored.startswith(TYPED)
    assert restored.endswith("Triển khai chuyển đổi số trên địa bàn xã năm 2026\n")
    assert restorer._scored > 0

from __future__ import annotations

import pytest

from giamsat.org.tests.factories import registry, unit
from giamsat.plans.importing import carries_secrecy_mark, import_file
from giamsat.plans.models import Document, ImportRun

pytestmark = pytest.mark.django_db

PLAN_TEXT = """ỦY BAN NHÂN DÂN TỈNH LẠNG SƠN
Số: 12/KH-UBND                     Lạng Sơn, ngày 5 tháng 6 năm 2025
KẾ HOẠCH
Thực hiện Nghị quyết số 57-NQ/TW
I. MỤC TIÊU
- Đến năm 2030, tỷ lệ dịch vụ công trực tuyến toàn trình đạt trên 90%.
II. NHIỆM VỤ VÀ GIẢI PHÁP
1. Sở Khoa học và Công nghệ chủ trì xây dựng cơ sở dữ liệu khoa học, hoàn thành trong Quý IV/2025.
"""


def test_a_document_stamped_secret_is_refused_and_its_file_not_kept():
    registry()
    secret = "TỐI MẬT\n" + PLAN_TEXT
    run = import_file(None, secret.encode(), "ke-hoach-mat.txt", unit("lang-son"))
    assert run.state == ImportRun.State.FAILED and "mật" in run.error
    assert not run.file and not Document.objects.exists()


@pytest.mark.parametrize(
    ("header", "secret"),
    [("MẬT", True), ("TUYỆT MẬT", True), ("Độ mật: Mật", True), ("  tối mật ", True),
     ("Mật độ dân số tăng", False), ("MẶT TRẬN TỔ QUỐC", False), ("Kế hoạch bảo mật thông tin", False)],
)
def test_secrecy_stamps_are_told_from_ordinary_words(header, secret):
    assert carries_secrecy_mark(header + "\n" + PLAN_TEXT) is secret


def test_an_empty_or_garbage_file_fails_cleanly_and_stores_nothing():
    registry()
    from giamsat.plans.actions import PlanError

    with pytest.raises(PlanError):
        import_file(None, b"", "rong.txt", unit("lang-son"))
    run = import_file(None, bytes(range(256)) * 50, "rac.bin", unit("lang-son"))
    assert run.state == ImportRun.State.FAILED and run.error
    assert not Document.objects.exists()


def test_a_plain_text_plan_is_read_into_a_draft():
    registry()
    run = import_file(None, PLAN_TEXT.encode(), "ke-hoach.txt", unit("lang-son"))
    assert run.state == ImportRun.State.SUCCEEDED, run.error
    document = run.document
    assert document.number == "12/KH-UBND" and document.status == "draft"
    assert document.owner == unit("lang-son") and document.source_text == PLAN_TEXT
    assert run.result["document"]["date"] == "2025-06-05"

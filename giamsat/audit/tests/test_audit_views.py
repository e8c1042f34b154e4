from __future__ import annotations

import io

import pytest
from openpyxl import load_workbook

from giamsat.audit.actions import record
from giamsat.org.models import Role
from giamsat.org.tests.factories import persona, registry, unit

pytestmark = pytest.mark.django_db


@pytest.fixture
def events():
    registry()
    record("test", "reporting.approved", object_type="reporting.Submission", object_id=1,
           unit_id=unit("dong-nai.so-y-te").pk, reason="Đồng Nai: phê duyệt")
    record("test", "reporting.approved", object_type="reporting.Submission", object_id=2,
           unit_id=unit("lang-son.so-y-te").pk, reason="Lạng Sơn: phê duyệt")


def test_the_standing_agency_reads_and_exports_the_log_of_its_province_only(client, events):
    client.force_login(persona("thuongtruc.dongnai", "dong-nai", Role.STANDING_AGENCY))
    page = client.get("/nhat-ky/").content.decode()
    assert "Đồng Nai: phê duyệt" in page and "Lạng Sơn: phê duyệt" not in page
    csv_text = client.get("/nhat-ky/xuat.csv").content.decode("utf-8-sig")
    assert "Đồng Nai: phê duyệt" in csv_text and "Lạng Sơn" not in csv_text
    sheet = load_workbook(io.BytesIO(client.get("/nhat-ky/xuat.xlsx").content)).active
    assert sheet["A1"].value == "Thời điểm"
    rows = list(sheet.iter_rows(min_row=2, values_only=True))
    assert [row[9] for row in rows if row[2] == "reporting.approved"] == ["Đồng Nai: phê duyệt"]
    assert {row[2] for row in rows} == {"reporting.approved", "org.role_granted"}


@pytest.mark.parametrize("role", [Role.REPORTER, Role.APPROVER, Role.STEERING])
def test_other_roles_do_not_see_the_log(client, events, role):
    client.force_login(persona("nguoidung", "dong-nai.so-y-te", role))
    assert client.get("/nhat-ky/").status_code == 404
    assert client.get("/nhat-ky/xuat.csv").status_code == 404


def test_anonymous_is_sent_to_login(client, events):
    response = client.get("/nhat-ky/xuat.xlsx")
    assert response.status_code == 302 and "/dang-nhap/" in response["Location"]

"""Downloading reports and exchange files, uploading an exchange file: the access rules decide."""

from __future__ import annotations

import io
import json

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.urls import reverse
from docx import Document as read_docx
from openpyxl import load_workbook

from giamsat.api.tests.world import World
from giamsat.reporting.models import Submission

pytestmark = pytest.mark.django_db


def logged_in(user: object) -> Client:
    client = Client()
    client.force_login(user)
    return client


def test_the_reporter_downloads_its_own_report_as_docx_and_xlsx(world: World) -> None:
    client = logged_in(world.reporter_khcn)
    docx = client.get(reverse("exchange:submission-report", args=[world.khcn_report.pk, "docx"]))
    assert docx.status_code == 200 and "attachment" in docx["Content-Disposition"]
    doc = read_docx(io.BytesIO(docx.content))
    assert doc.tables[0].rows[0].cells[0].text.startswith("UBND TỈNH ĐỒNG NAI\nSỞ KHOA HỌC VÀ CÔNG NGHỆ")
    xlsx = client.get(reverse("exchange:submission-report", args=[world.khcn_report.pk, "xlsx"]))
    tasks = load_workbook(io.BytesIO(xlsx.content))["Nhiệm vụ"]
    assert tasks["B2"].value == "Xây dựng cơ sở dữ liệu khoa học và công nghệ"


def test_another_department_gets_the_same_404_as_for_a_missing_report(world: World, client: Client) -> None:
    yte = logged_in(world.reporter_yte)
    assert yte.get(reverse("exchange:submission-report", args=[world.khcn_report.pk, "docx"])).status_code == 404
    assert yte.get(reverse("exchange:submission-report", args=[999999, "docx"])).status_code == 404
    assert client.get(reverse("exchange:submission-report", args=[world.khcn_report.pk, "docx"])).status_code == 302


def test_the_province_report_gathers_the_departments_the_reader_may_see(world: World) -> None:
    url = reverse("exchange:unit-report", args=["dong-nai", "quarterly", 2026, 1, "xlsx"])
    wb = load_workbook(io.BytesIO(logged_in(world.standing_dongnai).get(url).content))
    units = {row[2].value for row in wb["Nhiệm vụ"].iter_rows(min_row=2)}
    assert units == {"Sở Khoa học và Công nghệ tỉnh Đồng Nai", "Sở Y tế tỉnh Đồng Nai",
                     "Ủy ban nhân dân phường Long Bình"}
    assert logged_in(world.reporter_yte).get(url).status_code == 404


def test_the_standing_agency_exports_the_ward_and_imports_it_back(world: World) -> None:
    client = logged_in(world.standing_dongnai)
    exported = client.get(reverse("exchange:export", args=["phuong-long-binh", "json"]), {"ky": "quarterly/2026/1"})
    assert exported.status_code == 200
    data = json.loads(exported.content)
    assert data["format"] == "giamsat-exchange" and len(data["reports"]) == 1
    Submission.objects.filter(unit__code="phuong-long-binh.ubnd").delete()
    upload = SimpleUploadedFile("long-binh.json", exported.content, content_type="application/json")
    response = client.post(reverse("exchange:upload"), {"file": upload})
    assert response.status_code == 200
    assert "Nhận 2 mục, từ chối 0 mục" in response.content.decode()
    assert Submission.objects.filter(unit__code="phuong-long-binh.ubnd", state="approved").exists()


def test_a_reporter_cannot_import_into_a_unit_it_does_not_review(world: World) -> None:
    data = json.loads(logged_in(world.standing_dongnai).get(
        reverse("exchange:export", args=["phuong-long-binh", "json"]), {"ky": "quarterly/2026/1"}).content)
    data["reports"][0]["summary"] = "Đã bị sửa"
    upload = SimpleUploadedFile("x.json", json.dumps(data).encode(), content_type="application/json")
    response = logged_in(world.reporter_longbinh).post(reverse("exchange:upload"), {"file": upload})
    assert response.status_code == 404  # a reporter imports nothing: the upload page does not exist for them
    assert Submission.objects.get(unit__code="phuong-long-binh.ubnd").summary == "UBND phường đã số hóa 70% hồ sơ hộ tịch."
    assert logged_in(world.reporter_longbinh).get(
        reverse("exchange:export", args=["phuong-long-binh", "json"])).status_code == 404


def test_a_wrong_version_upload_is_refused_with_the_reason(world: World) -> None:
    upload = SimpleUploadedFile("x.json", b'{"format": "giamsat-exchange", "version": 3}', content_type="application/json")
    response = logged_in(world.standing_dongnai).post(reverse("exchange:upload"), {"file": upload})
    assert response.status_code == 400
    assert "Phiên bản định dạng 3 không được hỗ trợ" in response.content.decode()

"""The alignment pages, through the test client, with the demo's personas."""

from __future__ import annotations

from typing import Any

import pytest
from django.conf import settings
from django.shortcuts import resolve_url
from django.test import Client
from django.urls import reverse

from giamsat.audit.models import AuditEvent
from giamsat.org.models import Role
from giamsat.org.tests.factories import persona
from giamsat.plans.models import Document, StandardIndicator, Target

pytestmark = pytest.mark.django_db


def client_for(user: object) -> Client:
    client = Client()
    client.force_login(user)  # type: ignore[arg-type]
    return client


def test_anonymous_visitors_are_sent_to_log_in(plans: dict[str, Document]) -> None:
    response = Client().get(reverse("alignment:index"))
    assert response.status_code == 302
    assert response["Location"].startswith(resolve_url(settings.LOGIN_URL))


def test_the_standing_agency_of_dong_nai_sees_its_plans_and_the_comparison(plans: dict[str, Document],
                                                                            django_assert_max_num_queries: Any) -> None:
    standing = persona("thuongtruc.dongnai", "dong-nai", Role.STANDING_AGENCY)
    client = client_for(standing)
    with django_assert_max_num_queries(30):
        index = client.get(reverse("alignment:index")).content.decode()
    assert "Quy mô kinh tế số (tỷ trọng trong GDP/GRDP)" in index
    weaker = index.split('data-testid="weaker"')[1].split("</table>")[0]
    # Bình Phước: TFP 45%, R&D 1,5% GRDP, patents +10%/year; Long Bình: 5G > 80%, data 60% — below the nation's 2030 levels
    assert weaker.count("<tr>") == 1 + 5
    assert "Kinh phí chi cho nghiên cứu phát triển (R&amp;D) từ 1,5% GRDP trở lên" in weaker
    assert "Quốc gia (2030): 16–18 %/năm" in weaker
    assert "74-CTr/TU" in index and "17-KH/ĐU" in index
    assert "02-CTr/TU" not in index  # Phú Thọ's plan is not Đồng Nai's
    page = client.get(reverse("alignment:indicator", args=["phu-song-5g"])).content.decode()
    assert "Phủ sóng 5G cho người dân | % dân số | 99" in page
    assert "Thấp hơn mức cấp trên" in page
    assert "Kế hoạch 17-KH/ĐU — Phường Long Bình" in page and "02-CTr/TU" not in page
    plan = client.get(reverse("alignment:plan", args=[plans["binh-phuoc"].pk])).content.decode()
    assert "chưa được bao phủ" in plan and "Kế hoạch 17-KH/ĐU" in plan
    assert 'action="/doi-chieu/chi-tieu-ke-hoach/' in plan  # the reviewer may confirm


def test_the_standing_agency_confirms_a_mapping_and_it_is_audited(plans: dict[str, Document]) -> None:
    standing = persona("thuongtruc.dongnai", "dong-nai", Role.STANDING_AGENCY)
    target = Target.objects.get(document=plans["binh-phuoc"], name__startswith="Phát triển đạt tối thiểu 80% công dân số")
    indicator = StandardIndicator.objects.get(code="cong-dan-so")
    response = client_for(standing).post(reverse("alignment:confirm-mapping", args=[target.pk]),
                                         {"indicator": indicator.pk, "reason": "đúng chỉ tiêu"})
    assert response.status_code == 302
    target.refresh_from_db()
    assert (target.indicator, target.indicator_confirmed) == (indicator, True)
    event = AuditEvent.objects.get(action="alignment.mapping_confirmed")
    assert (event.actor, event.object_id, event.reason) == (standing, str(target.pk), "đúng chỉ tiêu")
    assert event.after == {"indicator_id": indicator.pk, "indicator_confirmed": True}


def test_a_reporter_and_another_province_cannot_confirm_and_nothing_changes(plans: dict[str, Document]) -> None:
    target = Target.objects.get(document=plans["binh-phuoc"], name__startswith="Kinh phí chi cho nghiên cứu")
    before = (target.indicator_id, target.indicator_confirmed)
    other = StandardIndicator.objects.get(code="hdi")
    reporter = persona("baocao.sokhcn", "dong-nai.so-khcn", Role.REPORTER)
    phu_tho = persona("thuongtruc.phutho", "phu-tho", Role.STANDING_AGENCY)
    for user in (reporter, phu_tho):
        response = client_for(user).post(reverse("alignment:confirm-mapping", args=[target.pk]), {"indicator": other.pk})
        assert response.status_code == 404
    assert client_for(phu_tho).get(reverse("alignment:plan", args=[plans["binh-phuoc"].pk])).status_code == 404
    target.refresh_from_db()
    assert (target.indicator_id, target.indicator_confirmed) == before
    assert not AuditEvent.objects.filter(action="alignment.mapping_confirmed").exists()


def test_the_ward_sees_its_plan_with_the_province_level_beside_it(plans: dict[str, Document]) -> None:
    ward = persona("thuongtruc.longbinh", "phuong-long-binh", Role.STANDING_AGENCY)
    client = client_for(ward)
    index = client.get(reverse("alignment:index")).content.decode()
    assert "17-KH/ĐU" in index and "74-CTr/TU" not in index
    page = client.get(reverse("alignment:indicator", args=["phu-song-5g"])).content.decode()
    assert "Kế hoạch 17-KH/ĐU — Phường Long Bình" in page
    # the province's published level is the yardstick, but the province's own row is not listed
    assert "<strong>Chương trình hành động 74-CTr/TU — Tỉnh Bình Phước (nay thuộc Tỉnh Đồng Nai):</strong>" in page
    assert f'href="{reverse("alignment:plan", args=[plans["binh-phuoc"].pk])}"' not in page
    assert "02-CTr/TU" not in page
    assert client.get(reverse("alignment:plan", args=[plans["binh-phuoc"].pk])).status_code == 404


def test_linking_a_suggested_task_fills_a_gap(plans: dict[str, Document]) -> None:
    standing = persona("thuongtruc.dongnai", "dong-nai", Role.STANDING_AGENCY)
    target = Target.objects.get(document=plans["binh-phuoc"], name__startswith="Tỷ lệ sử dụng dịch vụ công trực tuyến")
    task = plans["binh-phuoc"].tasks.get(name__startswith="Đẩy mạnh cung cấp")
    response = client_for(standing).post(reverse("alignment:link-task", args=[task.pk]), {"target": target.pk})
    assert response.status_code == 302
    assert list(task.serves_targets.all()) == [target]
    assert AuditEvent.objects.filter(action="alignment.task_linked", object_id=str(task.pk)).exists()


def test_every_alignment_page_renders_for_an_admin(plans: dict[str, Document]) -> None:
    admin = persona("quantri", "viet-nam", Role.ADMIN)
    client = client_for(admin)
    for indicator in StandardIndicator.objects.all():
        assert client.get(reverse("alignment:indicator", args=[indicator.code])).status_code == 200, indicator.code
    for document in plans.values():
        assert client.get(reverse("alignment:plan", args=[document.pk])).status_code == 200, document.number
    assert client.get(reverse("alignment:indicator", args=["khong-co"])).status_code == 404

from __future__ import annotations

import datetime as dt

import pytest
import time_machine
from django.contrib.auth import authenticate
from django.test import RequestFactory

from giamsat.audit.models import AuditEvent
from giamsat.org.actions import create_user

pytestmark = pytest.mark.django_db
PASSWORD = "mat-khau-dung-2026"


def _request(address: str = "10.0.0.1"):
    return RequestFactory().post("/dang-nhap/", REMOTE_ADDR=address)


def test_five_wrong_passwords_lock_the_account_even_against_the_right_one(settings):
    settings.GIAMSAT_LOGIN_MAX_FAILURES = 5
    create_user("baocao.soyte", PASSWORD)
    with time_machine.travel(dt.datetime(2026, 3, 2, 8, 0, tzinfo=dt.UTC), tick=False):
        for _ in range(5):
            assert authenticate(_request(), username="baocao.soyte", password="sai") is None
        assert authenticate(_request(), username="baocao.soyte", password=PASSWORD) is None
        assert AuditEvent.objects.filter(action="org.login_locked").count() == 1
        # Another address is not locked by someone else's guessing.
        assert authenticate(_request("10.0.0.2"), username="baocao.soyte", password=PASSWORD) is not None
    with time_machine.travel(dt.datetime(2026, 3, 2, 8, 16, tzinfo=dt.UTC), tick=False):
        assert authenticate(_request(), username="baocao.soyte", password=PASSWORD) is not None


def test_a_success_clears_earlier_failures(settings):
    settings.GIAMSAT_LOGIN_MAX_FAILURES = 3
    create_user("baocao.sotc", PASSWORD)
    for _ in range(2):
        authenticate(_request(), username="baocao.sotc", password="sai")
    assert authenticate(_request(), username="baocao.sotc", password=PASSWORD) is not None
    for _ in range(2):
        authenticate(_request(), username="baocao.sotc", password="sai")
    assert authenticate(_request(), username="baocao.sotc", password=PASSWORD) is not None


def test_the_login_page_refuses_a_locked_account(client, settings):
    settings.GIAMSAT_LOGIN_MAX_FAILURES = 2
    create_user("lanhdao.soyte", PASSWORD)
    for _ in range(2):
        client.post("/dang-nhap/", {"username": "lanhdao.soyte", "password": "sai"})
    response = client.post("/dang-nhap/", {"username": "lanhdao.soyte", "password": PASSWORD})
    assert response.status_code == 200 and "_auth_user_id" not in client.session

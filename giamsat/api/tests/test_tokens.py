"""API tokens: created by a command that prints the token once; only its hash is stored."""

from __future__ import annotations

import io

import pytest
from django.core.management import CommandError, call_command
from django.test import Client

from giamsat.api.models import ApiToken, hash_token
from giamsat.audit.models import AuditEvent
from giamsat.org.models import Role
from giamsat.org.tests.factories import persona, registry

pytestmark = pytest.mark.django_db


def test_the_command_prints_a_working_token_once_and_stores_only_its_hash() -> None:
    registry()
    standing = persona("he-thong.trung-uong", "dong-nai", Role.STANDING_AGENCY)
    out = io.StringIO()
    call_command("create_api_token", "he-thong.trung-uong", "Hệ thống giám sát Trung ương", stdout=out, stderr=io.StringIO())
    raw = out.getvalue().strip()
    token = ApiToken.objects.get(user=standing)
    assert raw.startswith("gs_") and token.token_hash == hash_token(raw) and raw not in token.token_hash
    assert token.last_used is None
    assert Client(HTTP_AUTHORIZATION=f"Bearer {raw}").get("/api/units", {"kind": "province"}).status_code == 200
    token.refresh_from_db()
    assert token.last_used is not None
    assert AuditEvent.objects.filter(action="api.token_issued", object_id=str(token.pk)).exists()


def test_the_command_refuses_an_unknown_user() -> None:
    with pytest.raises(CommandError):
        call_command("create_api_token", "khong-co", "X", stdout=io.StringIO(), stderr=io.StringIO())
    assert not ApiToken.objects.exists()


def test_a_revoked_token_stops_working() -> None:
    registry()
    persona("he-thong.trung-uong", "dong-nai", Role.STANDING_AGENCY)
    out = io.StringIO()
    call_command("create_api_token", "he-thong.trung-uong", "Hệ thống cũ", stdout=out, stderr=io.StringIO())
    api = Client(HTTP_AUTHORIZATION=f"Bearer {out.getvalue().strip()}")
    assert api.get("/api/submissions").status_code == 200
    call_command("revoke_api_token", str(ApiToken.objects.get().pk), stdout=io.StringIO())
    assert api.get("/api/submissions").status_code == 401
    assert AuditEvent.objects.filter(action="api.token_revoked").count() == 1

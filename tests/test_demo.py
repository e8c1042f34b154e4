"""The demo: the five seed plans read through the import pipeline, published, visible in the
admin and on the public page, with one account per role."""

from __future__ import annotations

import pytest

from giamsat.org.models import Role
from giamsat.plans.models import Document, DocumentStatus
from giamsat.portal.demo import DEMO_ACCOUNTS, DEMO_PASSWORD, build_demo

pytestmark = [pytest.mark.django_db, pytest.mark.slow]

EXPECTED_OWNERS = {
    "74-CTr/TU": "binh-phuoc",
    "02-CTr/TU": "phu-tho",
    "17-KH/ĐU": "phuong-long-binh",
    "238-KH/TU": "lang-son",
    "103/KH-UBND": "binh-dinh",
}


@pytest.fixture(scope="module")
def demo(django_db_setup, django_db_blocker):
    with django_db_blocker.unblock():
        build_demo(log=lambda *_: None)
        yield
        # Module-scoped data: remove it so other modules start clean.
        from django.core.management import call_command

        call_command("flush", "--no-input", verbosity=0)


def test_the_five_seed_plans_belong_to_their_units_and_are_published(demo, shared_dir):
    owners = {d.number: d.owner.code for d in Document.objects.filter(number__in=EXPECTED_OWNERS)}
    assert owners == EXPECTED_OWNERS
    for document in Document.objects.filter(number__in=EXPECTED_OWNERS):
        assert document.status == DocumentStatus.PUBLISHED
        assert document.tasks.count() >= 10, document
        assert document.is_demo and document.source_text


def test_every_role_has_a_demo_account_that_can_log_in(demo, client):
    assert {a.role for a in DEMO_ACCOUNTS} == set(Role)
    for account in DEMO_ACCOUNTS:
        assert client.login(username=account.username, password=DEMO_PASSWORD), account.username
        client.logout()


def test_the_admin_lists_the_seed_plans_and_the_public_page_speaks_vietnamese(demo, client):
    client.login(username="quantri", password=DEMO_PASSWORD)
    admin_page = client.get("/admin/plans/document/").content.decode()
    for number in EXPECTED_OWNERS:
        assert number in admin_page
    client.logout()
    public = client.get("/").content.decode()
    assert "Kế hoạch" in public and "238-KH/TU" in public

"""The site layout around cached pages is kept per viewer, language and address (`caching._layout`): every page
must be exactly what a full render gives, with the viewer's own name, role, CSRF token and messages."""

from __future__ import annotations

import re
from typing import Any

import pytest
from django.contrib import messages
from django.contrib.messages.storage.cookie import CookieStorage
from django.http import HttpResponse
from django.test import Client, RequestFactory
from django.urls import reverse

from giamsat.org.models import Role
from giamsat.org.tests.factories import persona
from giamsat.plans.models import Document
from giamsat.portal import caching
from giamsat.reporting import actions

pytestmark = pytest.mark.django_db

TOKEN = re.compile(r'(name="csrfmiddlewaretoken" value=|"X-CSRFToken": )"([^"]+)"')


def without_tokens(html: str) -> str:
    return TOKEN.sub(r"\1TOKEN", html)


def pages(plan: Document) -> list[str]:
    return [reverse("portal:dashboard"), reverse("portal:dashboard") + "?theme=chinh-quyen-so",
            reverse("portal:plan", args=[plan.pk]), reverse("portal:targets"), reverse("portal:reports"),
            reverse("portal:public-plan", args=[plan.pk])]


def full_render(client: Client, url: str, monkeypatch: Any) -> str:
    """The page rendered through its shell template, as before the layout was kept."""
    with monkeypatch.context() as m:
        m.setattr(caching, "_has_messages", lambda request: True)
        return client.get(url).content.decode()


def test_each_cached_page_is_the_full_render_with_the_viewers_own_parts(
        people: Any, plan: Document, frozen: Any, page_cache: None, monkeypatch: Any) -> None:
    actions.open_periods(plan)
    colleague = persona("bcd2.dongnai", "dong-nai", Role.STEERING)
    colleague.first_name, colleague.last_name = "Lan", "Trần Thị"
    colleague.save()
    first, second = Client(), Client()
    first.force_login(people.steering)
    second.force_login(colleague)
    for url in pages(plan):
        for client in (first, second, first):  # the second visit of each reads the kept layout
            kept = client.get(url)
            assert kept.status_code == 200, url
            assert without_tokens(kept.content.decode()) == without_tokens(full_render(client, url, monkeypatch)), url
        mine, theirs = first.get(url).content.decode(), second.get(url).content.decode()
        assert "Lan Trần Thị" in theirs and "Lan Trần Thị" not in mine, url
        token = TOKEN.findall(mine)
        assert len(token) >= 3 and caching.TOKEN_MARK not in mine, url
        assert caching.LAYOUT_TITLE not in mine and caching.LAYOUT_CONTENT not in mine, url
    assert caching._LAYOUTS  # kept


def test_the_layout_follows_a_new_role_and_the_language(people: Any, plan: Document, page_cache: None) -> None:
    client = Client()
    client.force_login(people.reporter)
    url = reverse("portal:reports")
    before = client.get(url).content.decode()
    assert reverse("portal:dashboard") not in before  # no dashboard in a reporter's navigation
    people.reporter.memberships.update(role=Role.STEERING)
    after = client.get(url).content.decode()
    assert f'href="{reverse("portal:dashboard")}"' in after
    client.post(reverse("set_language"), {"language": "en", "next": url})
    english = client.get(url).content.decode()
    assert 'lang="en"' in english and english != after


def test_a_message_is_shown_once_on_a_cached_page(people: Any, plan: Document, page_cache: None) -> None:
    client = Client()
    client.force_login(people.reporter)
    url = reverse("portal:reports")
    client.get(url)  # the layout is kept
    storage = CookieStorage(RequestFactory().get(url))  # as a view leaves a message before redirecting here
    storage.add(messages.SUCCESS, "Đã lưu bản nháp báo cáo.")
    response = HttpResponse()
    storage.update(response)
    client.cookies[storage.cookie_name] = response.cookies[storage.cookie_name].value
    shown = client.get(url).content.decode()
    assert "Đã lưu bản nháp báo cáo." in shown
    assert "Đã lưu bản nháp báo cáo." not in client.get(url).content.decode()


def test_the_token_in_a_kept_layout_is_accepted(people: Any, plan: Document, page_cache: None) -> None:
    client = Client(enforce_csrf_checks=True)
    client.force_login(people.reporter)
    url = reverse("portal:reports")
    client.get(url)  # the layout is kept
    page = client.get(url).content.decode()
    header = [value for name, value in TOKEN.findall(page) if "X-CSRFToken" in name]
    assert len(header) == 1  # the layout's token (htmx sends it), filled in for this request
    switched = client.post(reverse("set_language"), {"language": "en", "next": url, "csrfmiddlewaretoken": header[0]})
    assert switched.status_code == 302
    assert 'lang="en"' in client.get(url).content.decode()


def test_the_home_page_in_the_kept_layout_is_the_full_render(
        people: Any, plan: Document, frozen: Any, page_cache: None, monkeypatch: Any) -> None:
    """The home page (the first page of every sign-in, not cached: the viewer's own reports, queue and
    recommendations) is rendered in the kept layout: the same HTML as a full render, for each kind of home."""
    actions.open_periods(plan)
    url = reverse("portal:home")
    caching.clear_local()
    for user in (people.reporter, people.approver, people.standing):
        client = Client()
        client.force_login(user)
        for _ in range(2):  # the second visit reads the kept layout
            kept = client.get(url)
            assert kept.status_code == 200
            html = kept.content.decode()
            assert without_tokens(html) == without_tokens(full_render(client, url, monkeypatch))
            assert caching.LAYOUT_TITLE not in html and caching.LAYOUT_CONTENT not in html
            assert caching.TOKEN_MARK not in html and user.username in html
    assert len(caching._LAYOUTS) == 3  # one layout kept per viewer
    reporter = Client()
    reporter.force_login(people.reporter)
    assert "Trang chủ" in reporter.get(url).content.decode().split("</title>")[0]

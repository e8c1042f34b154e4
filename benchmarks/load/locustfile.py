"""Load profile: the public browsing, leaders reading dashboards and plans, units saving drafts.

Run through benchmarks/load_test.py, which builds the data, starts the server and reads the figures.
Errors are server errors and failed connections; a 409 (two people saving the same draft) is the
system working as designed and counts as a success.

Users are locust's FastHttpUser (geventhttpclient): the load generator shares the machine's two
cores with the server, and it costs several times less CPU per request than the requests-based
HttpUser. Like a browser, each user keeps its connection alive and its cookies.
"""

from __future__ import annotations

import json
import os
import random
import re
from http.cookiejar import Cookie
from typing import Any
from urllib.parse import urlencode

from locust import FastHttpUser, between, task

PASSWORD = "giamsat-demo-2026"
LEADERS = ["bcd.dongnai", "thuongtruc.dongnai"]
REPORTERS = ["baocao.sotaichinh", "baocao.sokhcn", "baocao.soyte", "baocao.longbinh"]
PLAN_LINK = re.compile(r'href="(/cong-khai/ke-hoach/\d+/)"')


def _sessions() -> dict[str, list[str]]:
    path = os.environ.get("GIAMSAT_LOAD_SESSIONS")
    if not path:
        return {}
    with open(path) as fh:
        return dict(json.load(fh))


SESSIONS = _sessions()


def cookie(user: FastHttpUser, name: str) -> str:
    return next((c.value or "" for c in user.client.cookiejar if c.name == name), "")


def set_cookie(user: FastHttpUser, name: str, value: str) -> None:
    user.client.cookiejar.set_cookie(Cookie(
        0, name, value, None, False, "127.0.0.1", False, False, "/", True, False, None, False, None, None, {}))


def login(user: FastHttpUser, username: str) -> None:
    """Use a prepared session when the driver made some; otherwise sign in through the form."""
    if SESSIONS.get(username):
        set_cookie(user, "sessionid", random.choice(SESSIONS[username]))
        user.client.get("/dang-nhap/", name="/dang-nhap/")  # picks up the CSRF cookie
        return
    user.client.get("/dang-nhap/", name="/dang-nhap/")
    user.client.post("/dang-nhap/", data={"username": username, "password": PASSWORD,
                                          "csrfmiddlewaretoken": cookie(user, "csrftoken")},
                     headers={"Referer": user.host + "/dang-nhap/"}, name="/dang-nhap/ [POST]")


def with_query(path: str, params: dict[str, Any]) -> str:
    return f"{path}?{urlencode(params)}"


class PublicVisitor(FastHttpUser):
    weight = 4
    wait_time = between(1, 3)

    def on_start(self) -> None:
        page = self.client.get("/", name="/").text
        self.plans = PLAN_LINK.findall(page) or ["/"]

    @task(3)
    def public_page(self) -> None:
        self.client.get("/", name="/")

    @task(3)
    def public_plan(self) -> None:
        self.client.get(random.choice(self.plans), name="/cong-khai/ke-hoach/[id]/")

    @task(1)
    def search(self) -> None:
        self.client.get(with_query("/cong-khai/tim-kiem/", {"q": random.choice(["chuyen doi so", "dữ liệu", "DTI"])}),
                        name="/cong-khai/tim-kiem/")


class Leader(FastHttpUser):
    weight = 3
    wait_time = between(1, 3)

    def on_start(self) -> None:
        login(self, random.choice(LEADERS))
        plans = self.client.get("/api/plans", name="/api/plans").json()
        items = plans.get("items", plans) if isinstance(plans, dict) else plans
        self.plan_ids = [p["id"] for p in items] or [0]

    @task(4)
    def dashboard(self) -> None:
        self.client.get("/dieu-hanh/", name="/dieu-hanh/")

    @task(2)
    def plan(self) -> None:
        self.client.get(f"/ke-hoach/{random.choice(self.plan_ids)}/", name="/ke-hoach/[id]/")

    @task(1)
    def targets(self) -> None:
        self.client.get("/chi-tieu/", name="/chi-tieu/")

    @task(1)
    def api_tasks(self) -> None:
        self.client.get(with_query("/api/tasks", {"limit": 50}), name="/api/tasks")


class UnitReporter(FastHttpUser):
    weight = 3
    wait_time = between(1, 4)

    def on_start(self) -> None:
        login(self, random.choice(REPORTERS))
        listing = self.client.get(with_query("/api/submissions", {"state": "draft"}), name="/api/submissions").json()
        items = listing.get("items", listing) if isinstance(listing, dict) else listing
        self.drafts = [s["id"] for s in items if s.get("state") in ("draft", "returned")]

    @task(3)
    def reports(self) -> None:
        self.client.get("/bao-cao/", name="/bao-cao/")

    @task(2)
    def save_draft(self) -> None:
        if not self.drafts:
            return
        pk = random.choice(self.drafts)
        detail = self.client.get(f"/api/submissions/{pk}", name="/api/submissions/[id]").json()
        body = {"expected_version": detail.get("version", 1),
                "summary": f"Cập nhật tiến độ (kiểm thử tải) #{random.randint(1, 10**6)}"}
        with self.client.put(f"/api/submissions/{pk}/draft", json=body, name="/api/submissions/[id]/draft",
                             headers={"X-CSRFToken": cookie(self, "csrftoken"),
                                      "Referer": self.host + "/bao-cao/"},
                             catch_response=True) as response:
            if response.status_code in (200, 409, 423):
                response.success()

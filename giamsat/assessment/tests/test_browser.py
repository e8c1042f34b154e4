"""The self-assessment form in headless Chromium: the reporter of Sở KH&CN scores a criterion, attaches a
PDF, is told clearly when a score is above the maximum; the reporter of Sở Tài chính cannot open it."""

from __future__ import annotations

import datetime as dt
import os
from pathlib import Path
from typing import Any

import pytest

from giamsat.assessment import actions
from giamsat.assessment.models import CriteriaSet, Entry, Participant

from .conftest import AS_OF

os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"  # Playwright's sync API runs an event loop

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

SHOTS = Path(__file__).resolve().parents[3] / "test-artifacts" / "screenshots"


def _login(browser: Any, base: str, username: str) -> Any:
    page = browser.new_context(viewport={"width": 1366, "height": 900}, locale="vi-VN").new_page()
    page.goto(f"{base}/dang-nhap/")
    page.get_by_label("Tên đăng nhập").fill(username)
    page.get_by_label("Mật khẩu").fill("mat-khau-thu-nghiem-2026")
    page.get_by_role("button", name="Đăng nhập").click()
    page.wait_for_url(lambda url: "/dang-nhap/" not in url)
    return page


def test_the_reporter_scores_a_criterion_with_evidence(browser: Any, live_server: Any, province: Any,
                                                       sample_set: CriteriaSet, tmp_path: Path) -> None:
    today = dt.date.today()
    round_ = actions.open_round("test", name="Đánh giá chuyển đổi số (thử nghiệm)", year=2026, criteria_set=sample_set,
                                organizer=province.dong_nai, units=[province.khcn, province.tai_chinh],
                                opens_on=today - dt.timedelta(days=1), closes_on=today + dt.timedelta(days=30),
                                data_as_of=AS_OF)
    khcn = Participant.objects.get(round=round_, unit=province.khcn)
    url = f"{live_server.url}/danh-gia/tu-danh-gia/{khcn.pk}/"
    page = _login(browser, live_server.url, "baocao.khcn")
    page.goto(url)
    plan = page.get_by_test_id("entry-1.1")
    plan.get_by_label("Điểm tự chấm").fill("4")
    plan.get_by_label("Giải trình").fill("Kế hoạch 12/KH-SKHCN ngày 10/01/2026")
    plan.get_by_role("button", name="Lưu điểm").click()
    page.wait_for_load_state()
    assert "Đã lưu điểm tiêu chí 1.1." in page.content()
    pdf = tmp_path / "ke-hoach-12.pdf"
    pdf.write_bytes(b"%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n")
    plan = page.get_by_test_id("entry-1.1")
    plan.locator("summary").click()
    plan.locator("input[type=file]").set_input_files(str(pdf))
    plan.get_by_role("button", name="Gửi tài liệu").click()
    page.wait_for_load_state()
    assert "Đã gửi tài liệu minh chứng." in page.content()
    assert page.get_by_test_id("entry-1.1").get_by_role("link", name="ke-hoach-12.pdf").is_visible()
    budget = page.get_by_test_id("entry-2.3")
    budget.get_by_label("Điểm tự chấm").fill("9")
    budget.get_by_role("button", name="Lưu điểm").click()
    page.wait_for_load_state()
    assert "Điểm tiêu chí 2.3 phải từ 0 đến 5 (đã nhập 9)." in page.content()
    SHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SHOTS / "assessment-self-assessment.png"), full_page=True)
    entry = Entry.objects.get(participant=khcn, criterion__code="1.1")
    assert (entry.self_score, entry.evidence.count()) == (4, 1)
    assert Entry.objects.get(participant=khcn, criterion__code="2.3").self_score is None

    other = _login(browser, live_server.url, "baocao.taichinh")
    response = other.goto(url)
    assert response is not None and response.status == 404

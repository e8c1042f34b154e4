"""The portal in headless Chromium against a live server: report → return → fix → approve → dashboard,
import → review → publish, and a public page without unpublished data. Saves screenshots of the main
pages under test-artifacts/screenshots/."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

import pytest

os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"  # Playwright's sync API runs an event loop

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

SHOTS = Path(__file__).resolve().parents[3] / "test-artifacts" / "screenshots"
PASSWORD = "mat-khau-thu-nghiem-2026"


class Session:
    def __init__(self, browser: Any, base: str, width: int = 1366) -> None:
        self.context = browser.new_context(viewport={"width": width, "height": 900}, locale="vi-VN")
        self.page = self.context.new_page()
        self.base = base

    def login(self, username: str) -> Session:
        self.page.goto(f"{self.base}/dang-nhap/")
        self.page.get_by_label("Tên đăng nhập").fill(username)
        self.page.get_by_label("Mật khẩu").fill(PASSWORD)
        self.page.get_by_role("button", name="Đăng nhập").click()
        self.page.wait_for_url(lambda url: "/dang-nhap/" not in url)
        return self

    def goto(self, path: str) -> Any:
        self.page.goto(f"{self.base}{path}")
        return self.page

    def shot(self, name: str) -> None:
        SHOTS.mkdir(parents=True, exist_ok=True)
        self.page.wait_for_load_state("networkidle")
        self.page.screenshot(path=str(SHOTS / f"{name}.png"), full_page=True)

    def close(self) -> None:
        self.context.close()


def test_a_report_goes_from_entry_to_return_to_approval_and_reaches_the_dashboard(
        browser: Any, live_server: Any, people: Any, plan: Any) -> None:
    from giamsat.reporting import actions
    from giamsat.reporting.models import ReportingPeriod, Submission

    actions.open_periods(plan)
    period = ReportingPeriod.objects.get(document=plan, frequency="quarterly", year=2026, index=1)
    reporter = Session(browser, live_server.url).login("baocao.khcn")
    page = reporter.page
    assert "Cán bộ báo cáo · Sở Khoa học và Công nghệ" in page.get_by_test_id("identity").inner_text()
    reporter.shot("home-reporter")
    page = reporter.goto("/bao-cao/")
    page.locator("form", has_text=period.label).get_by_role("button", name="Lập báo cáo").click()
    page.wait_for_url("**/bao-cao/*/")
    task = plan.tasks.order_by("order").first()
    page.locator(f"#task-{task.pk}-state").select_option("completed")
    page.locator(f"#task-{task.pk}-percent").fill("100")
    page.locator(f"#task-{task.pk}-completed_on").fill("2026-03-10")
    page.locator(f"#task-{task.pk}-progress").fill("Đã đưa cơ sở dữ liệu vào vận hành")
    page.get_by_label("Tóm tắt kết quả").fill("Hoàn thành cơ sở dữ liệu khoa học và công nghệ")
    page.get_by_role("button", name="Lưu bản nháp").click()
    assert "Đã lưu bản nháp" in page.content()
    reporter.shot("report-entry")
    reporter.close()
    submission = Submission.objects.get(period=period)

    approver = Session(browser, live_server.url).login("lanhdao.khcn")
    page = approver.goto(f"/bao-cao/{submission.pk}/")
    page.get_by_role("button", name="Lưu và gửi báo cáo").click()
    assert page.get_by_test_id("report-state").inner_text() == "Đã gửi"
    approver.close()

    standing = Session(browser, live_server.url).login("thuongtruc.dongnai")
    standing.shot("home-standing-agency")
    page = standing.goto(f"/bao-cao/{submission.pk}/")
    page.get_by_label("Ý kiến (bắt buộc khi trả lại)").fill("Bổ sung minh chứng nghiệm thu cơ sở dữ liệu")
    page.get_by_role("button", name="Trả lại kèm ý kiến").click()
    assert page.get_by_test_id("report-state").inner_text() == "Bị trả lại"

    approver = Session(browser, live_server.url).login("lanhdao.khcn")
    page = approver.goto(f"/bao-cao/{submission.pk}/")
    assert "Bổ sung minh chứng nghiệm thu" in page.content()
    page.get_by_label("Tóm tắt kết quả").fill("Hoàn thành cơ sở dữ liệu; đã có biên bản nghiệm thu")
    page.get_by_role("button", name="Lưu và gửi báo cáo").click()
    assert page.get_by_test_id("report-state").inner_text() == "Đã gửi"
    approver.close()

    page = standing.goto(f"/bao-cao/{submission.pk}/")
    standing.shot("report-review")
    page.get_by_role("button", name="Phê duyệt").click()
    assert page.get_by_test_id("report-state").inner_text() == "Đã phê duyệt"
    standing.close()

    steering = Session(browser, live_server.url).login("bcd.dongnai")
    page = steering.goto("/dieu-hanh/")
    done = page.get_by_role("link", name="Hoàn thành đúng hạn")
    assert done.count() >= 1
    steering.shot("dashboard")
    done.first.click()
    page.wait_for_url("**/nhiem-vu/**")
    assert task.name in page.content()
    steering.goto(f"/ke-hoach/{plan.pk}/")
    steering.shot("plan")
    steering.goto("/kien-nghi/")
    steering.shot("recommendations")
    steering.goto("/tim-kiem/?q=co+so+du+lieu")
    assert task.name in steering.page.content()
    steering.shot("search")
    steering.close()
    phone = Session(browser, live_server.url, width=390).login("bcd.dongnai")
    phone.goto("/dieu-hanh/")
    phone.shot("dashboard-phone")
    phone.close()


def test_an_uploaded_plan_is_reviewed_and_published(browser: Any, live_server: Any, people: Any, tmp_path: Path) -> None:
    from giamsat.plans.models import Document, DocumentStatus

    text = ("ỦY BAN NHÂN DÂN TỈNH ĐỒNG NAI\nSố: 12/KH-UBND\nKẾ HOẠCH\nTriển khai Nghị quyết 57-NQ/TW về phát triển khoa học, công nghệ\n"
            "I. MỤC TIÊU\n1. Đến năm 2026, tỷ lệ hồ sơ trực tuyến toàn trình đạt 80%.\nII. NHIỆM VỤ VÀ GIẢI PHÁP\n"
            "1. Xây dựng kho dữ liệu số dùng chung của tỉnh. Cơ quan chủ trì: Sở Khoa học và Công nghệ. Thời gian hoàn thành: Quý IV/2026.\n"
            "2. Đào tạo kỹ năng số cho cán bộ, công chức. Cơ quan chủ trì: Sở Nội vụ. Thời gian hoàn thành: năm 2026.\n")
    upload = tmp_path / "ke-hoach-12.txt"
    upload.write_text(text, encoding="utf-8")
    standing = Session(browser, live_server.url).login("thuongtruc.dongnai")
    page = standing.goto("/nhap-van-ban/")
    page.get_by_label("Tệp văn bản (TXT, PDF, DOCX hoặc ảnh chụp/scan)").set_input_files(str(upload))
    page.get_by_label("Đơn vị sở hữu kế hoạch").select_option(label="Tỉnh Đồng Nai")
    page.get_by_role("button", name="Tải lên và đọc").click()
    page.wait_for_url("**/nhap-van-ban/*/")
    page.get_by_role("link", name="Rà soát kết quả đọc").click()
    page.wait_for_url("**/ra-soat/")
    document = Document.objects.exclude(number="45/KH-UBND").get()
    assert document.status == DocumentStatus.DRAFT
    assert "Nguyên văn" in page.content() and "kho dữ liệu số dùng chung" in page.content()
    target = document.targets.order_by("order").first()
    page.locator(f"#target-{target.pk} summary a").click()
    page.wait_for_url("**item=target-*")
    assert page.locator(".source li.hl").count() >= 1  # the item's source lines are highlighted
    page.get_by_label("Mã").fill("CT-01")
    page.get_by_role("button", name="Lưu chỉnh sửa").click()
    page.wait_for_url("**item=target-*")
    target.refresh_from_db()
    assert target.code == "CT-01"
    standing.shot("import-review")
    page.get_by_label("Tôi đã rà soát toàn bộ chỉ tiêu").check()
    page.get_by_role("button", name="Công bố kế hoạch").click()
    page.wait_for_url(f"**/ke-hoach/{document.pk}/")
    document.refresh_from_db()
    assert document.status == DocumentStatus.PUBLISHED
    standing.close()


def test_the_public_page_shows_no_unpublished_data(browser: Any, live_server: Any, people: Any, draft_plan: Any) -> None:
    visitor = Session(browser, live_server.url)
    page = visitor.goto("/")
    body = page.content()
    assert "45/KH-UBND" in body
    assert "99/KH-UBND" not in body and "Nhiệm vụ nháp" not in body
    visitor.shot("public")
    page = visitor.goto("/cong-khai/tim-kiem/?q=tri+tue+nhan+tao")
    assert "Nhiệm vụ nháp" not in page.content()
    assert visitor.goto(f"/cong-khai/ke-hoach/{draft_plan.pk}/").title() != draft_plan.title
    page = visitor.goto("/")
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.className") == "skip-link"  # keyboard users can skip the nav
    page.keyboard.press("Enter")
    assert page.evaluate("location.hash") == "#main"
    visitor.goto("/dang-nhap/")
    visitor.shot("login")
    visitor.close()

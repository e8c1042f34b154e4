"""The assessment pages through the test client, with Đồng Nai's personas."""

from __future__ import annotations

import datetime as dt
import io
from decimal import Decimal
from typing import Any

import docx
import pytest
from django.conf import settings
from django.shortcuts import resolve_url
from django.test import Client
from django.urls import reverse

from giamsat.assessment import actions
from giamsat.assessment.models import CriteriaSet, Criterion, Entry, Participant, Round

from .conftest import AS_OF

pytestmark = pytest.mark.django_db


def client_for(user: Any) -> Client:
    client = Client()
    client.force_login(user)
    return client


@pytest.fixture
def round_2026(province: Any, sample_set: CriteriaSet, at: Any) -> Round:
    at("2026-12-05")
    return actions.open_round("test", name="Đánh giá chuyển đổi số năm 2026", year=2026, criteria_set=sample_set,
                              organizer=province.dong_nai, units=[province.khcn, province.tai_chinh],
                              opens_on=dt.date(2026, 12, 1), closes_on=dt.date(2027, 1, 15), data_as_of=AS_OF)


def _entry(round_: Round, unit: Any, code: str) -> Entry:
    return Entry.objects.get(participant__round=round_, participant__unit=unit, criterion__code=code)


def _participant(round_: Round, unit: Any) -> Participant:
    return Participant.objects.get(round=round_, unit=unit)


def test_anonymous_visitors_are_sent_to_log_in(db: Any) -> None:
    response = Client().get(reverse("assessment:index"))
    assert response.status_code == 302
    assert response["Location"].startswith(resolve_url(settings.LOGIN_URL))


def test_the_standing_agency_opens_a_round_from_the_form(province: Any, sample_set: CriteriaSet, at: Any) -> None:
    at("2026-12-05")
    client = client_for(province.people.standing)
    page = client.get(reverse("assessment:index")).content.decode()
    assert "Bộ tiêu chí mẫu — do nhóm giamsat soạn để minh hoạ, không phải văn bản chính thức" in page
    assert "Mở đợt đánh giá" in page
    form = client.get(reverse("assessment:round-new")).content.decode()
    assert "Sở Y tế tỉnh Đồng Nai" in form and "Tỉnh Lạng Sơn" not in form
    response = client.post(reverse("assessment:round-new"), {
        "name": "Đánh giá năm 2026", "year": 2026, "criteria_set": sample_set.pk, "organizer": province.dong_nai.pk,
        "units": [province.khcn.pk, province.y_te.pk], "opens_on": "2026-12-01", "closes_on": "2027-01-15"})
    round_ = Round.objects.get()
    assert response["Location"] == reverse("assessment:round", args=[round_.pk])
    assert round_.data_as_of == dt.date(2026, 12, 31)
    assert sorted(round_.participants.values_list("unit__code", flat=True)) == ["dong-nai.so-khcn", "dong-nai.so-y-te"]
    detail = client.get(response["Location"]).content.decode()
    assert "Sở Khoa học và Công nghệ tỉnh Đồng Nai" in detail and "Đang tự đánh giá" in detail
    # a reporter has no such page
    assert client_for(province.people.reporter_khcn).get(reverse("assessment:round-new")).status_code == 404


def test_a_unit_cannot_see_another_units_draft(province: Any, round_2026: Round) -> None:
    actions.self_assess(province.people.reporter_khcn, _entry(round_2026, province.khcn, "1.1"), score="4",
                        note="Kế hoạch bí mật chưa gửi")
    khcn = _participant(round_2026, province.khcn)
    own = client_for(province.people.reporter_khcn).get(reverse("assessment:self-assessment", args=[khcn.pk]))
    assert own.status_code == 200 and "Kế hoạch bí mật chưa gửi" in own.content.decode()
    other = client_for(province.people.reporter_taichinh)
    assert other.get(reverse("assessment:self-assessment", args=[khcn.pk])).status_code == 404
    assert other.get(reverse("assessment:self-assessment", args=[999999])).status_code == 404
    assert other.get(reverse("assessment:verify", args=[khcn.pk])).status_code == 404
    overview = other.get(reverse("assessment:round", args=[round_2026.pk])).content.decode()
    assert "Sở Tài chính tỉnh Đồng Nai" in overview and "Sở Khoa học và Công nghệ" not in overview
    assert other.get(reverse("assessment:results", args=[round_2026.pk])).status_code == 404
    # nor change it
    response = other.post(reverse("assessment:entry-save", args=[_entry(round_2026, province.khcn, "1.1").pk]),
                          {"score": "0", "note": "ghi đè"})
    assert response.status_code == 404
    assert _entry(round_2026, province.khcn, "1.1").self_note == "Kế hoạch bí mật chưa gửi"


def test_a_score_above_the_maximum_is_refused_with_a_clear_message(province: Any, round_2026: Round) -> None:
    client = client_for(province.people.reporter_khcn)
    entry = _entry(round_2026, province.khcn, "2.3")
    client.post(reverse("assessment:entry-save", args=[entry.pk]), {"score": "3", "note": "60 % kế hoạch"})
    response = client.post(reverse("assessment:entry-save", args=[entry.pk]), {"score": "9", "note": "thử"}, follow=True)
    assert "Điểm tiêu chí 2.3 phải từ 0 đến 5 (đã nhập 9)." in response.content.decode()
    entry.refresh_from_db()
    assert (entry.self_score, entry.self_note) == (Decimal(3), "60 % kế hoạch")


def test_wrong_evidence_is_refused_on_the_page(province: Any, round_2026: Round) -> None:
    from django.core.files.uploadedfile import SimpleUploadedFile

    client = client_for(province.people.reporter_khcn)
    entry = _entry(round_2026, province.khcn, "1.1")
    response = client.post(reverse("assessment:entry-evidence", args=[entry.pk]),
                           {"file": SimpleUploadedFile("bien-ban.docx", b"%PDF-1.4 la mot tep pdf")}, follow=True)
    assert "có đuôi .docx nhưng nội dung là PDF" in response.content.decode()
    assert not entry.evidence.exists()


def test_verification_reply_and_publication_through_the_pages(province: Any, round_2026: Round, at: Any,
                                                             django_assert_max_num_queries: Any) -> None:
    people = province.people
    for unit, reporter, approver in ((province.khcn, people.reporter_khcn, people.approver_khcn),
                                     (province.tai_chinh, people.reporter_taichinh, people.approver_taichinh)):
        p = _participant(round_2026, unit)
        for e in p.entries.select_related("criterion"):
            if e.self_score is None:
                actions.self_assess(reporter, e, score="0")
        client_for(approver).post(reverse("assessment:submit", args=[p.pk]))
        assert _participant(round_2026, unit).state == "submitted"
    standing = client_for(people.standing)
    khcn = _participant(round_2026, province.khcn)
    screen = standing.get(reverse("assessment:verify", args=[khcn.pk])).content.decode()
    assert "3/4 nhiệm vụ hoàn thành đúng hạn (75,0 %)" in screen
    on_time = _entry(round_2026, province.khcn, "6.1")
    standing.post(reverse("assessment:entry-verify", args=[on_time.pk]),
                  {"adjusted_score": "10", "comment": "Một nhiệm vụ hoàn thành nhưng chưa có sản phẩm."})
    unit_page = client_for(people.reporter_khcn)
    unit_page.post(reverse("assessment:entry-reply", args=[on_time.pk]), {"text": "Sản phẩm đã bàn giao ngày 20/12."})
    second = unit_page.post(reverse("assessment:entry-reply", args=[on_time.pk]), {"text": "Lần hai"}, follow=True)
    assert "mỗi điều chỉnh chỉ được phản hồi một lần" in second.content.decode()
    on_time.refresh_from_db()
    assert (on_time.verified_score, on_time.reply) == (Decimal(10), "Sản phẩm đã bàn giao ngày 20/12.")

    public_url = reverse("assessment:public-round", args=[round_2026.pk])
    assert Client().get(public_url).status_code == 404
    at("2027-01-20")
    standing = client_for(people.standing)  # a new session after the six weeks
    finalized = standing.post(reverse("assessment:round-finalize", args=[round_2026.pk]), follow=True)
    assert "Đã chốt điểm, xếp hạng và xếp loại." in finalized.content.decode()
    assert Client().get(public_url).status_code == 404  # locked but not yet published
    standing.post(reverse("assessment:round-publish", args=[round_2026.pk]))
    with django_assert_max_num_queries(8):  # fixed, whatever the number of units and criteria
        public = Client().get(public_url).content.decode()
    ranking = public.split('data-testid="ranking"')[1].split("</table>")[0]
    assert ranking.index("Sở Khoa học và Công nghệ tỉnh Đồng Nai") < ranking.index("Sở Tài chính tỉnh Đồng Nai")
    assert "Nguyễn Văn Hùng (Giám đốc Sở)" in ranking
    assert "Sản phẩm đã bàn giao" not in public  # the exchange stays internal
    assert "Đánh giá chuyển đổi số năm 2026" in Client().get(reverse("assessment:public")).content.decode()
    results = standing.get(reverse("assessment:results", args=[round_2026.pk])).content.decode()
    assert "Phó Giám đốc Trần Văn An: 2/2 (2/2)" in results and "Trưởng phòng Lê Thị Bình: 1/2 (2/2)" in results
    download = standing.get(reverse("assessment:results-docx", args=[round_2026.pk]))
    table = docx.Document(io.BytesIO(download.content)).tables[0]
    assert table.rows[1].cells[1].text == "Sở Khoa học và Công nghệ tỉnh Đồng Nai"


def test_a_frozen_set_cannot_be_edited_through_the_pages(province: Any, round_2026: Round) -> None:
    admin = client_for(_admin())
    criteria_set = round_2026.criteria_set
    before = list(Criterion.objects.filter(criteria_set=criteria_set).values_list("code", "title", "max_points"))
    page = admin.get(reverse("assessment:set", args=[criteria_set.pk])).content.decode()
    assert "không thể sửa" in page and "Thêm tiêu chí" not in page
    response = admin.post(reverse("assessment:criterion-add", args=[criteria_set.pk]),
                          {"code": "1.4", "title": "Mới", "max_points": "1", "method": "manual", "parent_code": "1"},
                          follow=True)
    assert "đã được dùng cho một đợt đánh giá nên không thể sửa" in response.content.decode()
    criterion = Criterion.objects.get(criteria_set=criteria_set, code="1.1")
    admin.post(reverse("assessment:criterion-delete", args=[criterion.pk]))
    assert list(Criterion.objects.filter(criteria_set=criteria_set).values_list("code", "title", "max_points")) == before


def test_the_standing_agency_builds_its_own_set_and_imports_the_sample_workbook(province: Any,
                                                                               sample_set: CriteriaSet) -> None:
    from django.core.files.uploadedfile import SimpleUploadedFile

    from giamsat.assessment.workbook import export_criteria

    client = client_for(province.people.standing)
    client.post(reverse("assessment:set-create"), {"code": "dong-nai-2027", "year": 2027, "name": "Bộ tiêu chí Đồng Nai 2027"})
    own = CriteriaSet.objects.get(code="dong-nai-2027")
    assert own.owner == province.dong_nai
    client.post(reverse("assessment:criterion-add", args=[own.pk]),
                {"code": "1", "title": "Nhận thức số", "max_points": "10", "method": "group"})
    client.post(reverse("assessment:criterion-add", args=[own.pk]),
                {"code": "1.1", "title": "Kế hoạch năm", "max_points": "10", "method": "yes_no", "parent_code": "1"})
    assert list(own.criteria.values_list("code", "parent__code")) == [("1", None), ("1.1", "1")]
    client.post(reverse("assessment:set-import", args=[own.pk]),
                {"file": SimpleUploadedFile("mau.xlsx", export_criteria(sample_set))})
    assert own.criteria.count() == 24
    # the sample belongs to nobody: only an admin edits it
    refused = client.post(reverse("assessment:criterion-add", args=[sample_set.pk]),
                          {"code": "9", "title": "Không được", "max_points": "1", "method": "manual"})
    assert refused.status_code == 404 and sample_set.criteria.count() == 24


def _admin() -> Any:
    from django.contrib.auth import get_user_model

    return get_user_model().objects.create_superuser("quantri", "quantri@example.vn", "mat-khau-thu-nghiem-2026")


def test_next_years_set_starts_as_an_editable_copy_of_a_frozen_one(province: Any, round_2026: Round) -> None:
    client = client_for(province.people.standing)
    frozen = round_2026.criteria_set
    response = client.post(reverse("assessment:set-copy", args=[frozen.pk]),
                           {"code": "dong-nai-2027", "year": 2027, "name": "Bộ tiêu chí Đồng Nai năm 2027"})
    copy = CriteriaSet.objects.get(code="dong-nai-2027")
    assert response["Location"] == reverse("assessment:set", args=[copy.pk])
    assert (copy.owner, copy.year, copy.is_frozen) == (province.dong_nai, 2027, False)
    fields = ("code", "parent__code", "title", "max_points", "method", "formula", "scale", "applies_to")
    assert list(copy.criteria.values_list(*fields)) == list(frozen.criteria.values_list(*fields))
    one = copy.criteria.get(code="1.1")
    client.post(reverse("assessment:criterion-edit", args=[one.pk]),
                {"code": "1.1", "parent_code": "1", "title": "Kế hoạch chuyển đổi số năm 2027", "max_points": "4",
                 "method": "yes_no"})
    assert copy.criteria.get(code="1.1").title == "Kế hoạch chuyển đổi số năm 2027"
    assert frozen.criteria.get(code="1.1").title == "Ban hành kế hoạch, chương trình chuyển đổi số năm của đơn vị"


def test_evidence_is_downloaded_by_the_unit_and_the_reviewer_only(province: Any, round_2026: Round, at: Any) -> None:
    from django.core.files.uploadedfile import SimpleUploadedFile

    pdf = b"%PDF-1.4\n%%EOF\n"
    evidence = actions.add_evidence(province.people.reporter_khcn, _entry(round_2026, province.khcn, "1.1"),
                                    SimpleUploadedFile("quyet-dinh.pdf", pdf))
    url = reverse("assessment:evidence", args=[evidence.pk])
    for user in (province.people.reporter_khcn, province.people.standing):
        response = client_for(user).get(url)
        assert response.status_code == 200 and b"".join(response.streaming_content) == pdf
    for user in (province.people.reporter_taichinh, province.people.standing_langson):
        assert client_for(user).get(url).status_code == 404
    # after the deadline the page says why nothing more can be sent, and what was sent stays
    at("2027-01-16")
    late = client_for(province.people.approver_khcn).post(
        reverse("assessment:submit", args=[_participant(round_2026, province.khcn).pk]), follow=True)
    assert "Đã quá hạn tự đánh giá (15/01/2027)" in late.content.decode()
    assert _participant(round_2026, province.khcn).state == "draft" and evidence.entry.evidence.count() == 1

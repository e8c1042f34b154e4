"""Search on stored folded names: the database keeps the folded copies however rows arrive (bulk loads and
queryset updates included), a visitor sees only published plans' rows, and each kind is capped."""

from __future__ import annotations

from typing import Any

import pytest
from django.db import connection
from django.urls import reverse

from giamsat.plans.matching import fold
from giamsat.plans.models import Document, Target, Task
from giamsat.portal.search import MAX_PER_KIND


def test_a_bulk_loaded_task_and_an_updated_one_are_found_without_their_marks(plan: Document, client: Any) -> None:
    Task.objects.bulk_create([Task(document=plan, name="Số hoá  hồ sơ ĐẤT ĐAI của xã", order=90)])
    Target.objects.filter(document=plan).update(name="Tỷ lệ doanh nghiệp dùng hoá đơn điện tử")
    loaded = Task.objects.get(document=plan, order=90)
    assert loaded.name_folded == fold(loaded.name) == "so hoa ho so dat dai cua xa"
    assert Target.objects.get(document=plan).name_folded == "ty le doanh nghiep dung hoa don dien tu"

    found = client.get(reverse("portal:public-search"), {"q": "ho so dat dai"}).context["results"]
    assert [t.name for t in found.tasks] == ["Số hoá  hồ sơ ĐẤT ĐAI của xã"]
    targets = client.get(reverse("portal:public-search"), {"q": "HOÁ ĐƠN điện tu"}).context["results"].targets
    assert [t.name for t in targets] == ["Tỷ lệ doanh nghiệp dùng hoá đơn điện tử"]


def test_every_word_must_match_and_percent_signs_are_words_not_wildcards(plan: Document, client: Any) -> None:
    Task.objects.bulk_create([Task(document=plan, name="Đạt 100% hồ sơ trực tuyến", order=91),
                              Task(document=plan, name="Đạt 1000 hồ sơ", order=92)])
    found = client.get(reverse("portal:public-search"), {"q": "100% ho so"}).context["results"]
    assert [t.name for t in found.tasks] == ["Đạt 100% hồ sơ trực tuyến"]
    assert client.get(reverse("portal:public-search"), {"q": "ho so giay"}).context["results"].total == 0


def test_each_kind_shows_at_most_the_cap_and_says_there_are_more(plan: Document, client: Any) -> None:
    Task.objects.bulk_create([Task(document=plan, name=f"Nhiệm vụ đào tạo kỹ năng số số {k}", order=100 + k)
                              for k in range(MAX_PER_KIND + 5)])
    response = client.get(reverse("portal:public-search"), {"q": "dao tao ky nang"})
    results = response.context["results"]
    assert len(results.tasks) == MAX_PER_KIND and results.more == {"tasks"}
    assert [t.order for t in results.tasks] == list(range(100, 100 + MAX_PER_KIND))  # the plan's own order
    assert "có thêm kết quả khác" in response.content.decode()
    exact = client.get(reverse("portal:public-search"), {"q": "ky nang so so 2"}).context["results"]
    assert [t.order for t in exact.tasks] == [102, 112, 120, 121, 122, 123, 124, 125, 126, 127, 128, 129] and not exact.more


def test_a_visitor_never_finds_the_tasks_or_targets_of_an_unpublished_plan(draft_plan: Document, client: Any) -> None:
    Target.objects.create(document=draft_plan, name="Chỉ tiêu nháp về trí tuệ nhân tạo")
    results = client.get(reverse("portal:public-search"), {"q": "tri tue nhan tao"}).context["results"]
    assert results.total == 0


@pytest.mark.skipif(connection.vendor != "postgresql", reason="trigram indexes are PostgreSQL's")
def test_the_folded_names_have_trigram_indexes_on_postgresql(db: Any) -> None:
    with connection.cursor() as cur:
        cur.execute("SELECT indexname FROM pg_indexes WHERE indexdef LIKE '%%gin_trgm_ops%%' ORDER BY indexname")
        names = [row[0] for row in cur.fetchall()]
    assert names == ["plans_document_title_folded_trgm", "plans_target_name_folded_trgm", "plans_task_name_folded_trgm"]

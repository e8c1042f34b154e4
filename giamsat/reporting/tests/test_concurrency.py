"""Two people saving the same draft at the same moment, on PostgreSQL's real row locks."""

from __future__ import annotations

import threading

import pytest
from django.db import connection, connections

from giamsat.reporting import actions
from giamsat.reporting.errors import ConflictError
from giamsat.reporting.models import ReportingPeriod, Submission

pytestmark = [
    pytest.mark.django_db(transaction=True),
    pytest.mark.skipif(connection.vendor != "postgresql", reason="needs concurrent connections (PostgreSQL)"),
]


def test_simultaneous_saves_one_wins_the_other_gets_a_conflict(plan, people, unit, at):
    at("2026-03-10 09:00")
    actions.open_periods(plan)
    period = ReportingPeriod.objects.get(document=plan, key="2026-Q1")
    draft = actions.get_or_create_draft(people.reporter_khcn, unit("dong-nai.so-khcn"), period)
    start = threading.Barrier(2)
    outcomes: dict[str, str] = {}

    def save(who, user, text):
        try:
            mine = Submission.objects.get(pk=draft.pk)
            start.wait()
            actions.save_draft(user, mine, expected_version=mine.version, summary=text)
            outcomes[who] = "saved"
        except ConflictError:
            outcomes[who] = "conflict"
        finally:
            connections.close_all()

    threads = [threading.Thread(target=save, args=("Giang", people.reporter_khcn, "Bản của chị Giang")),
               threading.Thread(target=save, args=("Em", people.approver_khcn, "Bản của anh Em"))]
    for t in threads:
        t.start()
    for t in threads:
        t.join(timeout=30)
    assert sorted(outcomes.values()) == ["conflict", "saved"]
    winner = next(who for who, outcome in outcomes.items() if outcome == "saved")
    draft.refresh_from_db()
    assert draft.version == 2 and draft.summary == {"Giang": "Bản của chị Giang", "Em": "Bản của anh Em"}[winner]

"""The quality run's --details lists the document fields a reading got wrong beside the missed items: a new form's
first contact shows its issuer, number or reporting regime at a glance."""

from __future__ import annotations

from giamsat.ingest.quality import document_misses

GOLD = {"document": {"issuer": "SỞ Y TẾ", "number": "286/KH-SYT", "parents": ["57-NQ/TW", "142/KH-UBND"]},
        "reporting": {"frequencies": ["quarterly"], "due_day": 15}, "assignments": 3}


def plan(**document: object) -> dict[str, object]:
    base = {"issuer": "SỞ Y TẾ", "number": "286/KH-SYT", "parents": ["142/KH-UBND", "57-NQ/TW"]}
    return {"document": base | document, "reporting": {"frequencies": ["quarterly"], "due_day": 15},
            "assignments": [{"org": "Văn phòng Sở"}] * 3}


def test_a_reading_that_matches_the_gold_has_no_document_miss() -> None:
    assert list(document_misses("forms_x clean_text", plan(), GOLD)) == []


def test_a_wrong_number_and_a_lost_assignment_are_listed() -> None:
    j = plan(number="286/KH-SY")
    j["assignments"] = [{"org": "Văn phòng Sở"}]
    assert list(document_misses("forms_x scan", j, GOLD)) == [
        "forms_x scan document number: '286/KH-SY' (want '286/KH-SYT')", "forms_x scan assignments: 1 (want 3)"]

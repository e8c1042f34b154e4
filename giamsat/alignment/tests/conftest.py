"""The seed plans loaded once per test module (the unit registry alone takes seconds to build).

The data is created inside a transaction that is rolled back when the module ends; each
test runs in its own savepoint inside it (pytest-django's `django_db`), so what one test
changes is undone before the next.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from django.db import transaction

from giamsat.alignment import actions
from giamsat.alignment.tests.seed_plans import import_seed_plans
from giamsat.org.tests.factories import registry
from giamsat.plans.models import Document


@pytest.fixture(scope="module")
def seeded(django_db_setup: Any, django_db_blocker: Any) -> Iterator[dict[str, Document]]:
    with django_db_blocker.unblock():
        atomic = transaction.atomic()
        atomic.__enter__()
        try:
            registry()
            actions.load_indicators("test")
            documents = import_seed_plans()
            for document in documents.values():
                actions.suggest_mappings("test", document)
            yield documents
        finally:
            transaction.set_rollback(True)
            atomic.__exit__(None, None, None)


@pytest.fixture
def plans(seeded: dict[str, Document], db: None) -> dict[str, Document]:
    for document in seeded.values():
        document.refresh_from_db()
    return seeded

"""The test world is built once per test package (api, exchange) inside a transaction that is rolled back at the end;
each test runs in a savepoint within it (like Django's `setUpTestData`)."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from django.db import transaction

from giamsat.api.tests.world import World, build_world, fresh


@pytest.fixture(scope="package")
def module_world(django_db_setup: Any, django_db_blocker: Any) -> Iterator[World]:
    with django_db_blocker.unblock():
        block = transaction.atomic()
        block.__enter__()
        try:
            yield build_world()
        finally:
            transaction.set_rollback(True)
            block.__exit__(None, None, None)


@pytest.fixture
def world(module_world: World, db: None) -> World:
    return fresh(module_world)

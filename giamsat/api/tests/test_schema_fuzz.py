"""schemathesis drives every operation of /api/openapi.json against the WSGI app, as the standing agency
of Đồng Nai with a real token, and asserts the server never answers 5xx."""

from __future__ import annotations

import os
from collections.abc import Iterator
from typing import Any

import pytest
import schemathesis
from django.core import signals
from django.db import close_old_connections
from hypothesis import HealthCheck, settings
from schemathesis.checks import not_a_server_error
from schemathesis.generation.modes import GenerationMode

from giamsat.api.actions import issue_token
from giamsat.api.tests.world import World
from giamsat.wsgi import application

schema = schemathesis.openapi.from_wsgi("/api/openapi.json", application)
# The coverage phase's valid boundaries (longest strings, largest ids, every enum) catch what small random
# examples miss; its invalid cases (~1,300 requests, all 422) would take a minute more, so they are left
# to a deeper run. Random fuzzing adds a few examples per operation; raise GIAMSAT_FUZZ_EXAMPLES for more.
schema.config.phases.coverage.generation.modes = [GenerationMode.POSITIVE]

pytestmark = [pytest.mark.django_db, pytest.mark.slow]


@pytest.fixture
def token(world: World) -> Iterator[str]:
    """The WSGI handler would close the test's connection after each request; the test client avoids
    that the same way."""
    signals.request_started.disconnect(close_old_connections)
    signals.request_finished.disconnect(close_old_connections)
    try:
        yield issue_token("test", world.standing_dongnai, "schemathesis")[1]
    finally:
        signals.request_started.connect(close_old_connections)
        signals.request_finished.connect(close_old_connections)


@schema.parametrize()
@settings(max_examples=int(os.environ.get("GIAMSAT_FUZZ_EXAMPLES", "5")), deadline=None, derandomize=True,
          suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow, HealthCheck.filter_too_much])
def test_no_operation_answers_with_a_server_error(case: Any, token: str) -> None:
    case.call_and_validate(headers={"Authorization": f"Bearer {token}"}, checks=[not_a_server_error])

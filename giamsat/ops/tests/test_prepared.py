"""`giamsat.ops.prepared.PreparedValues`: the same rows as the ORM's `values()`, with the SQL built once."""

from __future__ import annotations

import datetime as dt

import pytest
from django.db import connection, connections
from django.test.utils import CaptureQueriesContext

from giamsat.ops.prepared import PreparedValues
from giamsat.org.models import OrgUnit, UnitKind
from giamsat.org.tests.factories import registry, unit

pytestmark = pytest.mark.django_db

COLUMNS = ("id", "code", "aliases", "valid_from", "valid_to", "is_demo", "parent__code", "successor__code")


def children(pk: int) -> object:
    return OrgUnit.objects.filter(parent_id=pk).order_by("path", "pk").values(*COLUMNS)


def test_rows_equal_the_orms_values_for_each_id_with_converted_columns():
    registry()
    OrgUnit.objects.filter(code="dong-nai.so-y-te").update(aliases=["Sở Y tế ĐN"], valid_from=dt.date(2025, 7, 1),
                                                          is_demo=True)
    prepared = PreparedValues(OrgUnit, children)
    for code in ("dong-nai", "viet-nam", "lang-son", "dong-nai.so-y-te"):
        pk = unit(code).pk
        assert prepared.rows(pk) == list(children(pk)), code
    row = next(r for r in prepared.rows(unit("dong-nai").pk) if r["code"] == "dong-nai.so-y-te")
    assert row["aliases"] == ["Sở Y tế ĐN"] and row["valid_from"] == dt.date(2025, 7, 1) and row["is_demo"] is True
    assert prepared.rows(10**9) == []
    pk = unit("dong-nai").pk
    with CaptureQueriesContext(connection) as ctx:
        prepared.rows(pk)
    assert len(ctx.captured_queries) == 1 and "-7919" not in ctx.captured_queries[0]["sql"]


def test_a_query_with_other_parameters_runs_through_the_orm():
    registry()

    def departments(pk: int) -> object:
        return OrgUnit.objects.filter(parent_id=pk, kind=UnitKind.DEPARTMENT).order_by("pk").values("id", "code")

    prepared = PreparedValues(OrgUnit, departments)
    pk = unit("dong-nai").pk
    assert prepared.rows(pk) == list(departments(pk)) and prepared.rows(pk)
    assert connections["default"].__dict__["_giamsat_prepared"][(id(prepared), 1)] is False  # not kept


def test_two_ids_in_their_order():
    registry()

    def within(parent: int, successor: int) -> object:
        return OrgUnit.objects.filter(parent_id=parent).exclude(successor_id=successor).order_by("pk").values("code")

    prepared = PreparedValues(OrgUnit, within)
    viet_nam, dong_nai = unit("viet-nam").pk, unit("dong-nai").pk
    assert prepared.rows(viet_nam, dong_nai) == list(within(viet_nam, dong_nai))
    assert "binh-phuoc" not in {r["code"] for r in prepared.rows(viet_nam, dong_nai)}
    assert "binh-phuoc" in {r["code"] for r in prepared.rows(viet_nam, unit("lang-son").pk)}


def test_a_build_taking_any_number_of_ids_keeps_one_statement_per_count():
    registry()

    def units(*pks: int) -> object:
        return OrgUnit.objects.filter(pk__in=pks).order_by("pk").values("code")

    prepared = PreparedValues(OrgUnit, units)
    one, two = unit("dong-nai").pk, unit("lang-son").pk
    assert prepared.rows(one) == [{"code": "dong-nai"}]
    assert prepared.rows(one, two) == list(units(one, two)) and len(prepared.rows(one, two)) == 2
    assert prepared.rows(two) == [{"code": "lang-son"}]

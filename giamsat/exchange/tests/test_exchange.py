"""The upward exchange: a ward exports its plan and reports, the province imports them."""

from __future__ import annotations

import copy
import datetime as dt
import io
import json
from decimal import Decimal

import pytest
from django.core.management import CommandError, call_command
from openpyxl import load_workbook

from giamsat.api.tests.world import World
from giamsat.audit.models import AuditEvent
from giamsat.exchange.actions import ExchangeError, import_exchange
from giamsat.exchange.export import build_export
from giamsat.exchange.format import PeriodKey, json_schema
from giamsat.exchange.tables import exchange_workbook
from giamsat.org.tests.factories import unit
from giamsat.plans.models import Document, Target, Task
from giamsat.reporting.models import IndicatorValue, ReportingPeriod, Submission, TaskReport

pytestmark = pytest.mark.django_db

Q1 = PeriodKey(frequency="quarterly", year=2026, index=1)
AT = dt.datetime(2026, 3, 21, 8, 0, tzinfo=dt.UTC)


def export_long_binh() -> dict:
    return build_export(unit("phuong-long-binh"), Q1, exported_by="test", exported_at=AT)


def delete_long_binh_rows(world: World) -> None:
    Submission.objects.filter(unit__code__startswith="phuong-long-binh").delete()
    world.commune_plan.delete()


def counts() -> dict[str, int]:
    return {m.__name__: m.objects.count() for m in (Document, Target, Task, ReportingPeriod, Submission, TaskReport,
                                                      IndicatorValue)}


def test_the_export_carries_natural_keys_and_national_codes(world: World) -> None:
    data = export_long_binh()
    assert (data["format"], data["version"], data["unit"]["code"]) == ("giamsat-exchange", 1, "phuong-long-binh")
    assert [p["number"] for p in data["plans"]] == ["05-KH/ĐU"]
    [report] = data["reports"]
    assert report["unit"] == "phuong-long-binh.ubnd"
    assert report["plan"] == {"number": "05-KH/ĐU", "issuer": "phuong-long-binh"}
    assert report["period"] == {"frequency": "quarterly", "year": 2026, "index": 1}
    assert [(v["target"], v["value"], v["national_code"]) for v in report["values"]] == [
        (0, "64.25", "CDS.DVC.01"), (1, "1250", "")]
    assert "id" not in json.dumps(data["plans"][0]["targets"][0])


def test_round_trip_export_delete_import_export_gives_the_same_file(world: World) -> None:
    first = export_long_binh()
    before = counts()
    delete_long_binh_rows(world)
    assert not Submission.objects.filter(unit__code="phuong-long-binh.ubnd").exists()
    result = import_exchange("test", first)
    assert result.rejected == []
    assert len(result.accepted) == 2
    assert counts() == before
    assert export_long_binh() == first


def test_importing_twice_changes_nothing(world: World) -> None:
    data = export_long_binh()
    delete_long_binh_rows(world)
    import_exchange("test", data)
    after_first, audits = counts(), AuditEvent.objects.count()
    again = import_exchange("test", data)
    assert (again.created, again.updated) == (0, 0) and again.unchanged > 0
    assert counts() == after_first
    assert AuditEvent.objects.count() == audits


def test_a_changed_value_updates_only_that_row(world: World) -> None:
    data = export_long_binh()
    data["reports"][0]["values"][1]["value"] = "1400"
    result = import_exchange("test", data)
    assert (result.created, result.updated) == (0, 1)
    value = IndicatorValue.objects.get(submission=world.commune_report, target__order=1)
    assert value.value == Decimal("1400")


def test_a_wrong_version_or_format_is_refused_and_nothing_changes(world: World) -> None:
    data = export_long_binh()
    before = counts()
    for broken, message in (({**data, "version": 2}, "Phiên bản"), ({**data, "format": "khac"}, "định dạng"),
                            (b"{not json", "JSON")):
        with pytest.raises(ExchangeError, match=message):
            import_exchange("test", broken)
    assert counts() == before


def test_unknown_units_and_malformed_values_are_rejected_by_name_and_the_rest_goes_in(world: World) -> None:
    data = export_long_binh()
    delete_long_binh_rows(world)
    good = data["reports"][0]
    unknown = copy.deepcopy(good) | {"unit": "phuong-khong-co"}
    malformed = copy.deepcopy(good)
    malformed["values"][0]["value"] = "nhiều lắm"
    data["reports"] = [unknown, malformed, good]
    result = import_exchange("test", data)
    assert len(result.rejected) == 2
    assert "không có đơn vị mã 'phuong-khong-co'" in result.rejected[0]
    assert "values.0.value" in result.rejected[1]
    assert len(result.accepted) == 2
    assert Submission.objects.filter(unit__code="phuong-long-binh.ubnd").count() == 1


def test_a_report_outside_the_sending_unit_is_rejected(world: World) -> None:
    data = export_long_binh()
    foreign = copy.deepcopy(data["reports"][0]) | {"unit": "dong-nai.so-y-te"}
    data["reports"] = [foreign]
    before = counts()
    result = import_exchange("test", data)
    assert "không thuộc 'phuong-long-binh'" in result.rejected[0]
    assert counts() == before


def test_dry_run_reports_without_writing(world: World) -> None:
    data = export_long_binh()
    delete_long_binh_rows(world)
    before = counts()
    result = import_exchange("test", data, dry_run=True)
    assert result.created > 0 and result.rejected == []
    assert counts() == before


def test_the_commands_export_and_import_a_file(world: World, tmp_path) -> None:
    path = tmp_path / "long-binh.json"
    call_command("export_unit", "phuong-long-binh", "--period", "quarterly/2026/1", "-o", str(path),
                 stderr=io.StringIO())
    delete_long_binh_rows(world)
    out = io.StringIO()
    call_command("import_exchange", str(path), stdout=out)
    assert "từ chối 0 mục" in out.getvalue()
    assert Submission.objects.get(unit__code="phuong-long-binh.ubnd").state == "approved"
    path.write_text(json.dumps({"format": "giamsat-exchange", "version": 7}), encoding="utf-8")
    with pytest.raises(CommandError, match="Phiên bản"):
        call_command("import_exchange", str(path), stdout=io.StringIO())


def test_the_exchange_workbook_has_a_sheet_per_table_with_numbers_as_numbers(world: World) -> None:
    wb = load_workbook(io.BytesIO(exchange_workbook(export_long_binh())))
    assert wb.sheetnames == ["Thông tin", "Kế hoạch", "Chỉ tiêu", "Nhiệm vụ", "Báo cáo", "Số liệu chỉ tiêu",
                             "Tiến độ nhiệm vụ"]
    values = wb["Số liệu chỉ tiêu"]
    assert [c.value for c in values[1]][:5] == ["Đơn vị", "Kế hoạch", "Chỉ tiêu (thứ tự)", "Mã quốc gia", "Giá trị"]
    assert [row[4].value for row in values.iter_rows(min_row=2)] == [64.25, 1250]
    assert values["E2"].number_format == "#,##0.####"
    assert values.freeze_panes == "A2"


def test_the_json_schema_describes_plans_and_reports() -> None:
    schema = json_schema()
    assert schema["properties"]["format"]["const"] == "giamsat-exchange"
    assert "ReportData" in schema["$defs"] and "PlanData" in schema["$defs"]

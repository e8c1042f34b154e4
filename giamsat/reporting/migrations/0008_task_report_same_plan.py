"""A task report row belongs to a submission of a period of the task's own plan, enforced by the database.

The evaluation of many plans reads the packed `TaskHistory` rows (each task's approved reports, whatever
the submission), which equals reading the report rows of the plans' own periods only when no row reports a
task of one plan in a submission of another plan's period. The writers all keep to it (the actions list a
period's rows from its own plan, the exchange import looks the tasks up in the report's plan, `synth` writes
each unit's reports into its own plan's periods), and these triggers make it hold for any other writer too
(the admin, a script, raw SQL, a later feature):

- inserting or re-pointing a `TaskReport` whose task's plan is not its submission's period's plan;
- moving a task that has reports to another plan;
- moving a submission with task rows to a period of another plan, or a period with reports to another plan.

Each is refused with an integrity error naming the rule, and the statement writes nothing. Existing rows
are checked first: the migration stops, naming the rows, if any break the rule.
"""

from __future__ import annotations

from typing import Any

from django.db import migrations

MESSAGE = ("Dòng báo cáo nhiệm vụ phải thuộc báo cáo của một kỳ của chính kế hoạch có nhiệm vụ đó "
           "(nhiệm vụ của kế hoạch khác bị từ chối)")
NAMES = ("reporting_taskreport_same_plan_insert", "reporting_taskreport_same_plan_update",
         "reporting_task_same_plan_move", "reporting_submission_same_plan_move", "reporting_period_same_plan_move")


def _tables(apps: Any, schema_editor: Any) -> dict[str, str]:
    q = schema_editor.connection.ops.quote_name
    return {"report": q(apps.get_model("reporting", "TaskReport")._meta.db_table),
            "task": q(apps.get_model("plans", "Task")._meta.db_table),
            "sub": q(apps.get_model("reporting", "Submission")._meta.db_table),
            "period": q(apps.get_model("reporting", "ReportingPeriod")._meta.db_table)}


def _check_existing(t: dict[str, str], schema_editor: Any) -> None:
    sql = (f"SELECT r.id FROM {t['report']} r JOIN {t['task']} k ON k.id = r.task_id"
           f" JOIN {t['sub']} s ON s.id = r.submission_id JOIN {t['period']} p ON p.id = s.period_id"
           f" WHERE k.document_id <> p.document_id")
    with schema_editor.connection.cursor() as cur:
        cur.execute(f"SELECT COUNT(*) FROM ({sql}) x")
        count = cur.fetchone()[0]
        if count:
            cur.execute(f"{sql} ORDER BY r.id LIMIT 10")
            ids = ", ".join(str(row[0]) for row in cur.fetchall())
            raise RuntimeError(f"{count} dòng báo cáo nhiệm vụ (reporting_taskreport id {ids}…) báo cáo nhiệm vụ của "
                               "một kế hoạch trong báo cáo một kỳ của kế hoạch khác; sửa hoặc xoá các dòng này rồi "
                               "chạy lại migrate.")


def _postgresql(t: dict[str, str]) -> list[str]:
    raise_it = f"RAISE EXCEPTION '{MESSAGE}: %', detail USING ERRCODE = 'check_violation';"
    plan_of_sub = (f"(SELECT p.document_id FROM {t['sub']} s JOIN {t['period']} p ON p.id = s.period_id"
                   f" WHERE s.id = {{sub}})")
    return [
        # Inserts (bulk inserts and COPY included) are checked once per statement, set-based.
        f"""CREATE FUNCTION reporting_taskreport_same_plan_insert() RETURNS trigger LANGUAGE plpgsql AS $$
        DECLARE detail text;
        BEGIN
            SELECT 'nhiệm vụ #' || r.task_id || ', báo cáo #' || r.submission_id INTO detail
            FROM inserted r JOIN {t['task']} k ON k.id = r.task_id JOIN {t['sub']} s ON s.id = r.submission_id
            JOIN {t['period']} p ON p.id = s.period_id
            WHERE k.document_id IS DISTINCT FROM p.document_id LIMIT 1;
            IF detail IS NOT NULL THEN {raise_it} END IF;  -- a missing task or submission: the foreign keys
            RETURN NULL;
        END $$""",
        f"""CREATE TRIGGER reporting_taskreport_same_plan_insert AFTER INSERT ON {t['report']}
        REFERENCING NEW TABLE AS inserted FOR EACH STATEMENT
        EXECUTE FUNCTION reporting_taskreport_same_plan_insert()""",
        f"""CREATE FUNCTION reporting_taskreport_same_plan_update() RETURNS trigger LANGUAGE plpgsql AS $$
        DECLARE detail text;
        BEGIN
            IF (SELECT document_id FROM {t['task']} WHERE id = NEW.task_id)
                    IS DISTINCT FROM {plan_of_sub.format(sub='NEW.submission_id')} THEN
                detail := 'nhiệm vụ #' || NEW.task_id || ', báo cáo #' || NEW.submission_id;
                {raise_it}
            END IF;
            RETURN NEW;
        END $$""",
        f"""CREATE TRIGGER reporting_taskreport_same_plan_update BEFORE UPDATE OF task_id, submission_id
        ON {t['report']} FOR EACH ROW
        WHEN (OLD.task_id IS DISTINCT FROM NEW.task_id OR OLD.submission_id IS DISTINCT FROM NEW.submission_id)
        EXECUTE FUNCTION reporting_taskreport_same_plan_update()""",
        f"""CREATE FUNCTION reporting_task_same_plan_move() RETURNS trigger LANGUAGE plpgsql AS $$
        DECLARE detail text;
        BEGIN
            IF EXISTS (SELECT 1 FROM {t['report']} WHERE task_id = NEW.id) THEN
                detail := 'nhiệm vụ #' || NEW.id || ' đã có báo cáo, không chuyển sang kế hoạch khác được';
                {raise_it}
            END IF;
            RETURN NEW;
        END $$""",
        f"""CREATE TRIGGER reporting_task_same_plan_move BEFORE UPDATE OF document_id ON {t['task']} FOR EACH ROW
        WHEN (OLD.document_id IS DISTINCT FROM NEW.document_id)
        EXECUTE FUNCTION reporting_task_same_plan_move()""",
        f"""CREATE FUNCTION reporting_submission_same_plan_move() RETURNS trigger LANGUAGE plpgsql AS $$
        DECLARE detail text;
        BEGIN
            IF EXISTS (SELECT 1 FROM {t['report']} r JOIN {t['task']} k ON k.id = r.task_id
                       WHERE r.submission_id = NEW.id AND k.document_id IS DISTINCT FROM
                       (SELECT document_id FROM {t['period']} WHERE id = NEW.period_id)) THEN
                detail := 'báo cáo #' || NEW.id || ' không chuyển sang kỳ của kế hoạch khác được';
                {raise_it}
            END IF;
            RETURN NEW;
        END $$""",
        f"""CREATE TRIGGER reporting_submission_same_plan_move BEFORE UPDATE OF period_id ON {t['sub']}
        FOR EACH ROW WHEN (OLD.period_id IS DISTINCT FROM NEW.period_id)
        EXECUTE FUNCTION reporting_submission_same_plan_move()""",
        f"""CREATE FUNCTION reporting_period_same_plan_move() RETURNS trigger LANGUAGE plpgsql AS $$
        DECLARE detail text;
        BEGIN
            IF EXISTS (SELECT 1 FROM {t['sub']} s JOIN {t['report']} r ON r.submission_id = s.id
                       JOIN {t['task']} k ON k.id = r.task_id
                       WHERE s.period_id = NEW.id AND k.document_id IS DISTINCT FROM NEW.document_id) THEN
                detail := 'kỳ #' || NEW.id || ' có báo cáo nhiệm vụ, không chuyển sang kế hoạch khác được';
                {raise_it}
            END IF;
            RETURN NEW;
        END $$""",
        f"""CREATE TRIGGER reporting_period_same_plan_move BEFORE UPDATE OF document_id ON {t['period']}
        FOR EACH ROW WHEN (OLD.document_id IS DISTINCT FROM NEW.document_id)
        EXECUTE FUNCTION reporting_period_same_plan_move()""",
    ]


def _sqlite(t: dict[str, str]) -> list[str]:
    abort = f"BEGIN SELECT RAISE(ABORT, '{MESSAGE}'); END"
    plan_of_sub = (f"(SELECT p.document_id FROM {t['sub']} s JOIN {t['period']} p ON p.id = s.period_id"
                   " WHERE s.id = NEW.submission_id)")
    task_plan = f"(SELECT document_id FROM {t['task']} WHERE id = NEW.task_id)"
    return [
        f"""CREATE TRIGGER reporting_taskreport_same_plan_insert BEFORE INSERT ON {t['report']}
        WHEN {task_plan} IS NOT {plan_of_sub} {abort}""",
        f"""CREATE TRIGGER reporting_taskreport_same_plan_update BEFORE UPDATE OF task_id, submission_id
        ON {t['report']} WHEN {task_plan} IS NOT {plan_of_sub} {abort}""",
        f"""CREATE TRIGGER reporting_task_same_plan_move BEFORE UPDATE OF document_id ON {t['task']}
        WHEN OLD.document_id IS NOT NEW.document_id AND EXISTS (SELECT 1 FROM {t['report']} WHERE task_id = NEW.id)
        {abort}""",
        f"""CREATE TRIGGER reporting_submission_same_plan_move BEFORE UPDATE OF period_id ON {t['sub']}
        WHEN OLD.period_id IS NOT NEW.period_id AND EXISTS (
            SELECT 1 FROM {t['report']} r JOIN {t['task']} k ON k.id = r.task_id WHERE r.submission_id = NEW.id
            AND k.document_id IS NOT (SELECT document_id FROM {t['period']} WHERE id = NEW.period_id))
        {abort}""",
        f"""CREATE TRIGGER reporting_period_same_plan_move BEFORE UPDATE OF document_id ON {t['period']}
        WHEN OLD.document_id IS NOT NEW.document_id AND EXISTS (
            SELECT 1 FROM {t['sub']} s JOIN {t['report']} r ON r.submission_id = s.id
            JOIN {t['task']} k ON k.id = r.task_id WHERE s.period_id = NEW.id AND k.document_id IS NOT NEW.document_id)
        {abort}""",
    ]


def install(apps: Any, schema_editor: Any) -> None:
    t = _tables(apps, schema_editor)
    vendor = schema_editor.connection.vendor
    if vendor not in ("postgresql", "sqlite"):
        raise RuntimeError(f"Chưa có trigger kiểm tra dòng báo cáo nhiệm vụ cho cơ sở dữ liệu {vendor}.")
    _check_existing(t, schema_editor)
    for sql in _postgresql(t) if vendor == "postgresql" else _sqlite(t):
        schema_editor.execute(sql, params=None)


def uninstall(apps: Any, schema_editor: Any) -> None:
    t = _tables(apps, schema_editor)
    on = {NAMES[0]: "report", NAMES[1]: "report", NAMES[2]: "task", NAMES[3]: "sub", NAMES[4]: "period"}
    for name in NAMES:
        if schema_editor.connection.vendor == "postgresql":
            schema_editor.execute(f"DROP TRIGGER IF EXISTS {name} ON {t[on[name]]}", params=None)
            schema_editor.execute(f"DROP FUNCTION IF EXISTS {name}()", params=None)
        else:
            schema_editor.execute(f"DROP TRIGGER IF EXISTS {name}", params=None)


class Migration(migrations.Migration):

    dependencies = [
        ("plans", "0003_target_monotone_denominator"),
        ("reporting", "0007_kept_plan_results"),
    ]

    operations = [migrations.RunPython(install, uninstall)]

"""Staged import of plan documents: file → ImportRun → parse (engine) → validate → store (actions).

The ImportRun keeps the file, page progress, warnings, errors and the draft made.
Parsing happens outside the database transaction; storing is one transaction, so a
failure (or a kill) leaves no half-written plan.
"""

from __future__ import annotations

import hashlib
import re
from typing import Any

from django.core.files.base import ContentFile
from django.db import transaction
from django.utils import timezone

from giamsat.org.models import OrgUnit
from giamsat.plans.actions import PlanError, import_parsed_plan
from giamsat.plans.matching import fold
from giamsat.plans.models import ImportRun


class ConfidentialDocumentError(PlanError):
    """The document carries a secrecy stamp; neither it nor its file is kept."""


_SECRECY_MARKS = {"mat", "toi mat", "tuyet mat"}


def carries_secrecy_mark(text: str, head_lines: int = 40) -> bool:
    """True when the header carries a state-secret stamp (MẬT, TỐI MẬT, TUYỆT MẬT) on a line of its own.

    giamsat holds no state secrets (Decree 13/2023 and the law on protecting state secrets):
    such a document is refused before anything is stored.
    """
    for line in text.splitlines()[:head_lines]:
        folded = re.sub(r"[^a-z ]", "", fold(line)).strip()
        if folded in _SECRECY_MARKS or folded.startswith("do mat "):
            return True
    return False


def create_run(actor: Any, data: bytes, filename: str, unit: OrgUnit | None) -> ImportRun:
    run = ImportRun(
        unit=unit, filename=filename[:255], sha256=hashlib.sha256(data).hexdigest(),
        created_by=actor if getattr(actor, "is_authenticated", False) else None,
    )
    run.file.save(filename[-100:] or "upload.bin", ContentFile(data), save=False)
    run.save()
    return run


def _progress_saver(run: ImportRun, bar: Any = None) -> Any:
    def progress(done: int, total: int) -> None:
        ImportRun.objects.filter(pk=run.pk).update(pages_done=done, pages_total=total)
        if bar is not None:
            bar.total = total
            bar.n = done
            bar.refresh()

    return progress


def execute_run(run: ImportRun, actor: Any = None, *, is_demo: bool = False, progress_bar: bool = False) -> ImportRun:
    """Read the run's file and store the draft plan; records failure on the run instead of raising."""
    from giamsat.ingest.errors import IngestError
    from giamsat.ingest.pipeline import parse_bytes

    ImportRun.objects.filter(pk=run.pk).update(state=ImportRun.State.RUNNING)
    bar = None
    if progress_bar:
        from tqdm import tqdm

        bar = tqdm(total=1, unit="trang", desc=run.filename[:40])
    try:
        with run.file.open("rb") as fh:
            data = fh.read()
        parsed = parse_bytes(data, filename=run.filename, progress=_progress_saver(run, bar))
        result = parsed.to_json()
        if carries_secrecy_mark(getattr(parsed, "raw_text", "") or ""):
            raise ConfidentialDocumentError("Văn bản có dấu chỉ độ mật: giamsat không lưu giữ tài liệu mật, văn bản không được nhập.")
        with transaction.atomic():
            document = import_parsed_plan(
                actor, result, owner=run.unit,
                source_text=getattr(parsed, "raw_text", "") or "",
                restored_text=getattr(parsed, "restored_text", "") or "",
                is_demo=is_demo,
            )
            warnings = list(result.get("warnings") or [])
            warnings += [f"Không khớp được cơ quan: {name}" for name in getattr(document, "unmatched_agencies", [])]
            run.state = ImportRun.State.SUCCEEDED
            run.document = document
            run.result = result
            run.warnings = warnings
            run.finished_at = timezone.now()
            run.save()
    except ConfidentialDocumentError as exc:
        run.file.delete(save=False)
        ImportRun.objects.filter(pk=run.pk).update(file="")
        _fail(run, str(exc))
    except (IngestError, PlanError) as exc:
        _fail(run, str(exc))
    except Exception as exc:
        _fail(run, f"Lỗi không mong đợi khi đọc văn bản: {type(exc).__name__}: {exc}")
    finally:
        if bar is not None:
            bar.close()
    run.refresh_from_db()
    return run


def _fail(run: ImportRun, message: str) -> None:
    ImportRun.objects.filter(pk=run.pk).update(
        state=ImportRun.State.FAILED, error=message[:5000], finished_at=timezone.now()
    )


def import_file(actor: Any, data: bytes, filename: str, unit: OrgUnit | None, *, is_demo: bool = False,
                progress_bar: bool = False) -> ImportRun:
    """Synchronous import (CLI, tests, demo). The web app queues `execute_run` instead."""
    if not data:
        raise PlanError("Tệp rỗng: không có gì để đọc.")
    run = create_run(actor, data, filename, unit)
    return execute_run(run, actor, is_demo=is_demo, progress_bar=progress_bar)

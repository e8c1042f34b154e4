"""Search that ignores case and Vietnamese marks ("chuyen doi so" finds "Chuyển đổi số").

The database folds text with a registered SQL function `gs_fold`, the same folding as
`giamsat.plans.matching.fold` (lowercase, marks stripped, đ → d): on SQLite a Python function
registered on each connection; on PostgreSQL an IMMUTABLE SQL function (migration 0002) built on
translate(), which needs no extension. Results are limited to what the user may see.

The searched names of plans, targets and tasks are also stored folded (`plans.models.folded`: generated
columns the database keeps), with a trigram index each on PostgreSQL (plans migration 0002), so a
query reads an index instead of folding 608,250 task names; other text (reports) is folded as it is read.
Each kind shows at most `MAX_PER_KIND` results, newest plans first, and says when there are more.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass
from typing import Any

from django.core.exceptions import FieldDoesNotExist
from django.db.models import F, QuerySet

from giamsat.plans.matching import fold
from giamsat.plans.models import Fold

MAX_PER_KIND = 25
HEAVY = ("source_text", "restored_text")  # a plan's full text: never needed to list it
DOCUMENT_HEAVY = tuple(f"document__{name}" for name in HEAVY)


def _vietnamese_letters() -> str:
    base = "aăâeêioôơuưy"
    marks = ["", "\u0300", "\u0301", "\u0303", "\u0309", "\u0323"]
    letters = {unicodedata.normalize("NFC", b + m) for b in base for m in marks} | {"đ"}
    letters |= {c.upper() for c in letters}
    return "".join(sorted(c for c in letters if c != fold(c) and not c.isascii()))


FOLD_FROM = _vietnamese_letters() + "ABCDEFGHIJKLMNOPQRSTUVWXYZ"
FOLD_TO = "".join(fold(c) for c in FOLD_FROM)
POSTGRES_FUNCTION = (
    "CREATE OR REPLACE FUNCTION gs_fold(t text) RETURNS text LANGUAGE sql IMMUTABLE PARALLEL SAFE AS "
    f"$$ SELECT regexp_replace(translate(t, '{FOLD_FROM}', '{FOLD_TO}'), '\\s+', ' ', 'g') $$"
)


def sqlite_fold(value: Any) -> str | None:
    return None if value is None else fold(str(value))


def register_sqlite_fold(sender: Any, connection: Any, **kwargs: Any) -> None:
    """Connection hook: teach each new SQLite connection the `gs_fold` function."""
    if connection.vendor == "sqlite":
        connection.connection.create_function("gs_fold", 1, sqlite_fold, deterministic=True)


def matching(queryset: QuerySet[Any], field: str, query: str) -> QuerySet[Any]:
    """Rows whose `field`, folded, contains every word of the folded query (its stored folded copy
    `<field>_folded` when the model has one)."""
    column = f"{field}_folded"
    try:
        queryset.model._meta.get_field(column)
        qs = queryset
    except FieldDoesNotExist:
        column = f"_{field}_folded"
        qs = queryset.annotate(**{column: Fold(F(field))})
    for word in fold(query).split():
        qs = qs.filter(**{f"{column}__contains": word})
    return qs


def _first(qs: QuerySet[Any]) -> tuple[list[Any], bool]:
    """The first `MAX_PER_KIND` rows, and whether there are more (one row more is read, nothing counted)."""
    rows = list(qs[:MAX_PER_KIND + 1])
    return rows[:MAX_PER_KIND], len(rows) > MAX_PER_KIND


@dataclass
class Results:
    query: str
    documents: list[Any]
    targets: list[Any]
    tasks: list[Any]
    submissions: list[Any]
    more: frozenset[str] = frozenset()  # the kinds that have more results than shown

    @property
    def total(self) -> int:
        return len(self.documents) + len(self.targets) + len(self.tasks) + len(self.submissions)


def search(user: Any, query: str, documents: QuerySet[Any], submissions: QuerySet[Any] | None) -> Results:
    """Search plans, targets, tasks and reports among the `documents` and `submissions` the user may see."""
    from giamsat.plans.models import Target, Task

    if len(fold(query)) < 2:
        return Results(query, [], [], [], [])
    doc_ids = documents.values("pk")
    more: set[str] = set()
    found: dict[str, list[Any]] = {}
    kinds = {
        "documents": (matching(documents, "title", query) | matching(documents, "number", query))
        .select_related("owner").defer(*HEAVY).order_by("-issued_on", "-pk"),
        "targets": matching(Target.objects.filter(document__in=doc_ids), "name", query)
        .select_related("document").defer(*DOCUMENT_HEAVY).order_by("-document_id", "order", "pk"),
        "tasks": matching(Task.objects.filter(document__in=doc_ids), "name", query)
        .select_related("document", "lead").defer(*DOCUMENT_HEAVY).order_by("-document_id", "order", "pk"),
    }
    if submissions is not None:
        kinds["submissions"] = (
            matching(submissions, "summary", query) | matching(submissions, "difficulties", query)
            | matching(submissions, "proposals", query)
        ).select_related("unit", "period")
    for kind, qs in kinds.items():
        found[kind], has_more = _first(qs)
        if has_more:
            more.add(kind)
    return Results(query, found["documents"], found["targets"], found["tasks"], found.get("submissions", []),
                   frozenset(more))

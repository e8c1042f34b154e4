"""Search that ignores case and Vietnamese marks ("chuyen doi so" finds "Chuyển đổi số").

The database folds text with a registered SQL function `gs_fold`, the same folding as
`giamsat.plans.matching.fold` (lowercase, marks stripped, đ → d): on SQLite a Python function
registered on each connection; on PostgreSQL an IMMUTABLE SQL function (migration 0002) built on
translate(), which needs no extension. Results are limited to what the user may see.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass
from typing import Any

from django.db.models import CharField, F, Func, QuerySet

from giamsat.plans.matching import fold

MAX_PER_KIND = 25


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


class Fold(Func):
    function = "gs_fold"
    output_field = CharField()


def matching(queryset: QuerySet[Any], field: str, query: str) -> QuerySet[Any]:
    """Rows whose `field`, folded, contains every word of the folded query."""
    qs = queryset.annotate(_folded=Fold(F(field)))
    for word in fold(query).split():
        qs = qs.filter(_folded__contains=word)
    return qs


@dataclass
class Results:
    query: str
    documents: list[Any]
    targets: list[Any]
    tasks: list[Any]
    submissions: list[Any]

    @property
    def total(self) -> int:
        return len(self.documents) + len(self.targets) + len(self.tasks) + len(self.submissions)


def search(user: Any, query: str, documents: QuerySet[Any], submissions: QuerySet[Any] | None) -> Results:
    """Search plans, targets, tasks and reports among the `documents` and `submissions` the user may see."""
    from giamsat.plans.models import Target, Task

    if len(fold(query)) < 2:
        return Results(query, [], [], [], [])
    doc_ids = documents.values("pk")
    found_docs = list(
        (matching(documents, "title", query) | matching(documents, "number", query)).select_related("owner")[:MAX_PER_KIND]
    )
    targets = list(matching(Target.objects.filter(document__in=doc_ids), "name", query)
                   .select_related("document")[:MAX_PER_KIND])
    tasks = list(matching(Task.objects.filter(document__in=doc_ids), "name", query)
                 .select_related("document", "lead")[:MAX_PER_KIND])
    subs: list[Any] = []
    if submissions is not None:
        subs = list(
            (matching(submissions, "summary", query) | matching(submissions, "difficulties", query)
             | matching(submissions, "proposals", query)).select_related("unit", "period")[:MAX_PER_KIND]
        )
    return Results(query, found_docs, targets, tasks, subs)

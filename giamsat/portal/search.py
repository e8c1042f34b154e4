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
POOL = 1000  # matches of a big table sorted for display (`_pooled`)
# Left: a query of words shorter than three letters only ("so", "du") has no trigram to look up, so
# PostgreSQL reads the folded column of every row (~0.2-0.4 s on the national set, then cached 60 s).
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


def _pooled(matches: QuerySet[Any], *related: str) -> tuple[list[Any], bool]:
    """The first `MAX_PER_KIND` of a big table's matching rows — newest plans first, then the plan's order —
    and whether there are more, from a pool of at most `POOL` matches found in any order.

    Sorting in SQL lets PostgreSQL walk the table in the sort's index, testing every row, whenever it
    expects many matches (it cannot tell how many rows '%du%' matches): on the national set a query
    matching 30 of 608,250 tasks read them all (230 ms), and so did fetching 1,000 known ids sorted. So
    the pool (ids and sort keys) is read through the trigram index with no order, sorted here, and only
    the rows shown are fetched. When a word matches more than `POOL` rows, the first results are the
    best-placed rows of the pool, and the page says there are more."""
    keys = list(matches.order_by().values_list("pk", "document_id", "order")[:POOL])
    keys.sort(key=lambda k: (-k[1], k[2], k[0]))
    shown = [k[0] for k in keys[:MAX_PER_KIND]]
    rows = {r.pk: r for r in matches.model._default_manager.filter(pk__in=shown).select_related(*related)
            .defer(*DOCUMENT_HEAVY)}
    return [rows[pk] for pk in shown if pk in rows], len(keys) > MAX_PER_KIND


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
    found: dict[str, tuple[list[Any], bool]] = {
        "documents": _first((matching(documents, "title", query) | matching(documents, "number", query))
                            .select_related("owner").defer(*HEAVY).order_by("-issued_on", "-pk")),
        "targets": _pooled(matching(Target.objects.filter(document__in=doc_ids), "name", query), "document"),
        "tasks": _pooled(matching(Task.objects.filter(document__in=doc_ids), "name", query), "document", "lead"),
    }
    if submissions is not None:
        found["submissions"] = _first(
            (matching(submissions, "summary", query) | matching(submissions, "difficulties", query)
             | matching(submissions, "proposals", query)).select_related("unit", "period"))
    more = {kind for kind, (_rows, has_more) in found.items() if has_more}
    return Results(query, found["documents"][0], found["targets"][0], found["tasks"][0],
                   found.get("submissions", ([], False))[0], frozenset(more))

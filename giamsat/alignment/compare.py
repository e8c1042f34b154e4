"""Is a local target weaker than the one it implements? Django-free.

A target level is what a plan commits to for one year: a comparator and a value.
What it *commits to* is the floor it promises when more is better (">= 30", "> 90",
"55-60" promises 55), or the ceiling when less is better; a rank "top N" is a ceiling
on the rank (top 25 is weaker than top 5). Differences of unit kind or of year make a
verdict unsafe: we say so instead of guessing.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from enum import StrEnum

from giamsat.alignment.matching import unit_kind, units_compatible


class Verdict(StrEnum):
    WEAKER = "weaker"
    SAME = "same"
    STRONGER = "stronger"
    UNSAFE = "unsafe"
    UNKNOWN = "unknown"


VERDICT_LABELS: dict[Verdict, str] = {
    Verdict.WEAKER: "Thấp hơn mức cấp trên",
    Verdict.SAME: "Bằng mức cấp trên",
    Verdict.STRONGER: "Cao hơn mức cấp trên",
    Verdict.UNSAFE: "Không so sánh an toàn được",
    Verdict.UNKNOWN: "Chưa đủ số liệu để so sánh",
}


@dataclass(frozen=True)
class Level:
    year: int | None
    comparator: str
    value: Decimal | None
    value_high: Decimal | None = None
    unit: str = ""

    @property
    def text(self) -> str:
        return describe_level(self)


def number(value: Decimal | None) -> str:
    """Vietnamese style: 0,75 and 30 (no trailing zeros)."""
    if value is None:
        return "—"
    text = format(value.normalize(), "f")
    if "." in text:
        text = text.rstrip("0").rstrip(".")
    return text.replace(".", ",")


def describe_level(level: Level) -> str:
    """'≥ 30 % GRDP', 'nhóm 5 dẫn đầu', '55–60 %'."""
    unit = f" {level.unit}" if level.unit and not is_rank(level) else ""
    if level.comparator == "rank_top":
        return f"nhóm {number(level.value)} dẫn đầu"
    if level.comparator == "range":
        return f"{number(level.value)}–{number(level.value_high)}{unit}"
    if level.comparator == "text" or level.value is None:
        return "định tính"
    symbol = {">=": "≥", "<=": "≤", ">": ">", "<": "<", "=": ""}.get(level.comparator, level.comparator)
    return f"{symbol} {number(level.value)}{unit}".strip()


@dataclass(frozen=True)
class Finding:
    verdict: Verdict
    local: Level
    reference: Level
    reasons: tuple[str, ...] = ()

    @property
    def label(self) -> str:
        return VERDICT_LABELS[self.verdict]


def is_rank(level: Level) -> bool:
    return level.comparator == "rank_top" or unit_kind(level.unit) == "thứ hạng"


def lower_is_better(level: Level, direction: str) -> bool:
    return is_rank(level) or direction == "lower"


def commitment(level: Level, direction: str) -> tuple[Decimal, bool] | None:
    """The bound the plan promises and whether it is strict (">" rather than ">="); None if it promises none."""
    if level.value is None:
        return None
    cmp = level.comparator
    if lower_is_better(level, direction):
        if cmp in ("<=", "=", "rank_top"):
            return level.value, False
        if cmp == "<":
            return level.value, True
        if cmp == "range":
            return (level.value_high if level.value_high is not None else level.value), False
        return None
    if cmp in (">=", "="):
        return level.value, False
    if cmp == ">":
        return level.value, True
    if cmp == "range":
        return level.value, False
    return None


def compare_level(local: Level, reference: Level, direction: str) -> Finding:
    """One local level against one reference level."""
    reasons: list[str] = []
    if not units_compatible(local.unit, reference.unit) or is_rank(local) != is_rank(reference):
        reasons.append(f"Đơn vị tính khác nhau: «{local.unit or '—'}» so với «{reference.unit or '—'}».")
    if local.year != reference.year:
        reasons.append(f"Năm mục tiêu khác nhau: {local.year or 'không ghi'} so với {reference.year or 'không ghi'}.")
    if reasons:
        return Finding(Verdict.UNSAFE, local, reference, tuple(reasons))
    mine, theirs = commitment(local, direction), commitment(reference, direction)
    if mine is None or theirs is None:
        return Finding(Verdict.UNKNOWN, local, reference, ("Một bên không có giá trị định lượng.",))
    lower = lower_is_better(local, direction)
    key_mine = (-mine[0] if lower else mine[0], mine[1])
    key_theirs = (-theirs[0] if lower else theirs[0], theirs[1])
    if key_mine < key_theirs:
        return Finding(Verdict.WEAKER, local, reference)
    if key_mine > key_theirs:
        return Finding(Verdict.STRONGER, local, reference)
    return Finding(Verdict.SAME, local, reference)


def compare_targets(local: list[Level], reference: list[Level], direction: str) -> list[Finding]:
    """Each year both name is compared; with no year in common, the nearest pair is shown as unsafe."""
    if not local or not reference:
        return []
    by_year = {r.year: r for r in reference}
    common = [lv for lv in local if lv.year in by_year]
    if common:
        return [compare_level(lv, by_year[lv.year], direction) for lv in common]
    pairs = sorted(((abs((lv.year or 0) - (r.year or 0)), i, j) for i, lv in enumerate(local) for j, r in enumerate(reference)))
    _, i, j = pairs[0]
    return [compare_level(local[i], reference[j], direction)]


def worst(findings: list[Finding]) -> Verdict | None:
    """The verdict to flag a row with: weaker beats unsafe beats the rest."""
    order = [Verdict.WEAKER, Verdict.UNSAFE, Verdict.UNKNOWN, Verdict.SAME, Verdict.STRONGER]
    present = {f.verdict for f in findings}
    return next((v for v in order if v in present), None)

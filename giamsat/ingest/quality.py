"""Measuring the reader against hand-made gold annotations (tests/data/parse_gold/*.json).

Tasks and targets are matched to gold rows by their number when both have one, else by
name similarity; then lead agency, deadline and target value are compared field by field.
"""

from __future__ import annotations

import io
import json
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from rapidfuzz import fuzz

from .agencies import Agency, default_registry
from .fold import fold, squash
from .model import ParsedPlan
from .pipeline import parse_bytes
from .samples import build

GOLD_DIR = Path(__file__).parent / "tests" / "data" / "parse_gold"


@dataclass
class Score:
    pred: int = 0
    gold: int = 0
    hit: int = 0
    fields: dict[str, list[int]] = field(default_factory=dict)   # name → [correct, judged]

    def add_field(self, name: str, ok: bool) -> None:
        c = self.fields.setdefault(name, [0, 0])
        c[0] += int(ok)
        c[1] += 1

    def merge(self, other: Score) -> None:
        self.pred += other.pred
        self.gold += other.gold
        self.hit += other.hit
        for k, (a, b) in other.fields.items():
            c = self.fields.setdefault(k, [0, 0])
            c[0] += a
            c[1] += b

    @property
    def precision(self) -> float | None:
        return self.hit / self.pred if self.pred else None

    @property
    def recall(self) -> float | None:
        return self.hit / self.gold if self.gold else None


def _num(v: Any) -> str:
    s = squash(str(v or "")).replace(" ", "")
    parts = s.replace(",", ".").split("-")
    try:
        return "-".join(f"{float(p):g}" for p in parts)
    except ValueError:
        return fold(s)


def _sim(a: str, b: str) -> float:
    return float(fuzz.token_set_ratio(fold(a), fold(b)))


def _match(pred: list[dict[str, Any]], gold: list[dict[str, Any]]) -> list[tuple[dict[str, Any], dict[str, Any]]]:
    pairs: list[tuple[dict[str, Any], dict[str, Any]]] = []
    used: set[int] = set()
    by_no = {str(p.get("no")): k for k, p in enumerate(pred) if p.get("no")}
    rest = []
    for g in gold:
        k = by_no.get(str(g.get("no"))) if g.get("no") else None
        if k is not None and k not in used:
            used.add(k)
            pairs.append((pred[k], g))
        else:
            rest.append(g)
    scored = []
    for gi, g in enumerate(rest):
        for k, p in enumerate(pred):
            if k in used or (g.get("year") and p.get("year") and g["year"] != p["year"]):
                continue
            bonus = 5 if "value" in g and _num(p.get("value")) == _num(g.get("value")) else 0
            scored.append((_sim(p.get("name") or "", g.get("name") or "") + bonus, gi, k))
    taken: set[int] = set()
    for score, gi, k in sorted(scored, reverse=True):
        if score < 70 or gi in taken or k in used:
            continue
        taken.add(gi)
        used.add(k)
        pairs.append((pred[k], rest[gi]))
    return pairs


def _deadline_ok(pred: dict[str, Any] | None, gold: dict[str, Any]) -> bool:
    if not pred or pred.get("kind") != gold.get("kind"):
        return False
    if "end" in gold and pred.get("end") != gold["end"]:
        return False
    return not ("recurrence" in gold and pred.get("recurrence") != gold["recurrence"])


def score_tasks(plan: dict[str, Any], gold: dict[str, Any]) -> Score:
    s = Score()
    pred = plan["tasks"]
    if "task_count" in gold:
        s.pred, s.gold = len(pred), gold["task_count"]
        s.hit = min(len(pred), gold["task_count"])
        return s
    gtasks = gold.get("tasks") or []
    s.gold = len(gtasks)
    s.pred = 0 if gold.get("partial") else len(pred)
    pairs = _match(pred, gtasks)
    s.hit = len(pairs)
    if gold.get("partial"):
        s.pred = s.hit
    for p, g in pairs:
        if g.get("lead"):
            s.add_field("lead", p.get("lead_code") in g["lead"])
        if g.get("deadline"):
            s.add_field("deadline", _deadline_ok(p.get("deadline"), g["deadline"]))
    return s


def score_targets(plan: dict[str, Any], gold: dict[str, Any]) -> Score:
    s = Score()
    gt = gold.get("targets") or []
    s.gold = len(gt)
    pairs = _match(plan["targets"], gt)
    s.hit = len(pairs)
    s.pred = s.hit if gold.get("partial") else len(plan["targets"])
    for p, g in pairs:
        if "comparator" in g:
            s.add_field("value", p.get("comparator") == g["comparator"] and
                        (g.get("value") is None or _num(p.get("value")) == _num(g["value"])))
        if g.get("lead"):
            s.add_field("lead", p.get("lead_code") in g["lead"])
        if g.get("year"):
            s.add_field("year", p.get("year") == g["year"])
        if g.get("milestones") is not None:
            pm = {k: _num(v) for k, v in (p.get("milestones") or {}).items()}
            gm = {k: _num(v) for k, v in g["milestones"].items()}
            s.add_field("milestones", pm == gm)
    return s


def score_document(plan: dict[str, Any], gold: dict[str, Any]) -> Score:
    s = Score()
    doc = plan["document"]
    for key, want in (gold.get("document") or {}).items():
        got = doc.get(key)
        ok = sorted(got or []) == sorted(want) if isinstance(want, list) else got == want
        s.add_field(key, ok)
    rep = gold.get("reporting")
    if rep:
        s.add_field("frequencies", plan["reporting"]["frequencies"] == rep["frequencies"])
        s.add_field("due_day", plan["reporting"]["due_day"] == rep["due_day"])
    if "assignments" in gold:
        s.add_field("assignments_count", len(plan["assignments"]) == gold["assignments"])
    return s


def _registry(gold: dict[str, Any]) -> list[Agency] | None:
    extra = gold.get("registry")
    if not extra:
        return None
    return [*default_registry(), *(Agency(code, name) for code, name in extra)]


def runs(shared: Path) -> Iterator[tuple[str, str, ParsedPlan, dict[str, Any]]]:
    """(gold name, input kind, parsed plan, gold) for every gold file and every rendering of it."""
    for path in sorted(GOLD_DIR.glob("*.json")):
        gold = json.loads(path.read_text(encoding="utf-8"))
        src = gold["source"]
        reg = _registry(gold)
        if src.startswith(("seeds/", "reference/")):
            f = shared / src
            if not f.exists():
                continue
            kind = "ocr_text" if src.startswith("seeds/") else "clean_text"
            yield path.stem, kind, parse_bytes(f.read_bytes(), f.name, registry=reg), gold
        elif src == "samples/sample_plan.txt":
            text = build.sample_text()
            yield path.stem, "clean_text", parse_bytes(text.encode()), gold
            yield path.stem, "docx", parse_bytes(build.to_docx(text)), gold
            try:
                pdf = build.to_pdf(text)
            except ImportError:
                pdf = b""
            if pdf:
                yield path.stem, "pdf_text", parse_bytes(pdf), gold
        elif src.endswith("scan_image"):
            png = build.scan_image()
            yield path.stem, "scan", parse_bytes(png), gold
            from PIL import Image

            buf = io.BytesIO()
            Image.open(io.BytesIO(png)).convert("RGB").save(buf, format="PDF", resolution=200)
            yield path.stem, "scan", parse_bytes(buf.getvalue()), gold
            try:
                borderless = build.borderless_pdf()
            except ImportError:       # fpdf2 is a development dependency
                borderless = b""
            if borderless:
                yield path.stem, "pdf_text", parse_bytes(borderless), gold


def evaluate(shared: Path) -> dict[str, dict[str, Score]]:
    out: dict[str, dict[str, Score]] = {}
    for _name, kind, plan, gold in runs(shared):
        j = plan.to_json()
        bucket = out.setdefault(kind, {"tasks": Score(), "targets": Score(), "document": Score()})
        if "tasks" in gold or "task_count" in gold:
            bucket["tasks"].merge(score_tasks(j, gold))
        if "targets" in gold:
            bucket["targets"].merge(score_targets(j, gold))
        bucket["document"].merge(score_document(j, gold))
    return out


def report(results: dict[str, dict[str, Score]]) -> str:
    def pct(x: float | None) -> str:
        return "  -  " if x is None else f"{100 * x:5.1f}"

    lines = [f"{'input kind':<11} {'item':<9} {'prec':>6} {'recall':>6}  fields (correct/judged)"]
    for kind, parts in results.items():
        for item, sc in parts.items():
            fields = ", ".join(f"{k} {a}/{b} ({100 * a / b:.0f}%)" for k, (a, b) in sc.fields.items() if b)
            if item == "document":
                lines.append(f"{kind:<11} {item:<9} {'':>6} {'':>6}  {fields}")
            elif sc.gold:
                lines.append(f"{kind:<11} {item:<9} {pct(sc.precision):>6} {pct(sc.recall):>6}  "
                             f"[{sc.hit} matched / {sc.pred} found / {sc.gold} gold] {fields}")
    return "\n".join(lines)


def misses(shared: Path, kinds: tuple[str, ...] = ("ocr_text",)) -> Iterator[str]:
    """One line per gold item the reader missed or got wrong (lead, deadline, value, milestones)."""
    for name, kind, plan, gold in runs(shared):
        if kind not in kinds:
            continue
        j = plan.to_json()
        for item in ("targets", "tasks"):
            gitems = gold.get(item) or []
            pairs = _match(j[item], gitems)
            found = {id(g) for _p, g in pairs}
            for g in gitems:
                if id(g) not in found:
                    yield f"{name} {item} MISSED {g.get('no') or ''} {g.get('name', '')[:60]}"
            for p, g in pairs:
                label = f"{name} {item} {g.get('no') or (g.get('name') or '')[:40]}"
                if g.get("lead") and p.get("lead_code") not in g["lead"]:
                    yield f"{label}: lead {p.get('lead_code')} (want {'/'.join(g['lead'])})"
                if item == "tasks" and g.get("deadline") and not _deadline_ok(p.get("deadline"), g["deadline"]):
                    yield f"{label}: deadline {p.get('deadline_text')!r} (want {g['deadline']})"
                if item == "targets" and "comparator" in g and not (
                        p.get("comparator") == g["comparator"]
                        and (g.get("value") is None or _num(p.get("value")) == _num(g["value"]))):
                    yield f"{label}: value {p.get('comparator')} {p.get('value')} (want {g['comparator']} {g.get('value')})"

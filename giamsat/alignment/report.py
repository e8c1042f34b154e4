"""The alignment report of one plan as plain data (JSON for `giamsat align --json`) and as text."""

from __future__ import annotations

from typing import Any

from django.db.models import QuerySet

from giamsat.alignment import analysis
from giamsat.alignment.compare import Level, number
from giamsat.plans.models import Document


def _level(level: Level) -> dict[str, Any]:
    return {"year": level.year, "comparator": level.comparator, "value": number(level.value) if level.value is not None else None,
            "value_high": number(level.value_high) if level.value_high is not None else None, "unit": level.unit,
            "text": level.text}


def plan_report(document: Document, documents: QuerySet[Document]) -> dict[str, Any]:
    """Mappings with their comparisons, coverage of the plan's targets, and loose tasks of child plans."""
    targets_out = []
    tree = analysis.UnitTree()
    references = analysis.reference_documents(document, documents, tree)
    related = documents.filter(pk__in=[document.pk, *(d.pk for d in references)])
    comparisons: dict[int, analysis.IndicatorComparison] = {}
    for target in document.targets.select_related("indicator").prefetch_related("milestones").order_by("order"):
        item: dict[str, Any] = {
            "id": target.pk, "name": target.name, "unit": target.unit_of_measure,
            "indicator": target.indicator.code if target.indicator else None,
            "confirmed": target.indicator_confirmed,
            "levels": [_level(lv) for lv in analysis.levels_of(target)],
            "comparisons": [],
        }
        if target.indicator is not None:
            if target.indicator_id not in comparisons:
                comparisons[target.indicator_id] = analysis.compare_indicator(target.indicator, related, tree=tree)
            comparison = comparisons[target.indicator_id]
            row = next((r for r in comparison.rows if r.target.pk == target.pk), None)
            for cmp in row.comparisons if row else []:
                item["comparisons"].append({
                    "against": cmp.against,
                    "findings": [{"year": f.local.year, "verdict": f.verdict.value, "label": f.label, "local": f.local.text,
                                  "reference": f.reference.text, "reference_year": f.reference.year, "reasons": list(f.reasons)}
                                 for f in cmp.findings],
                })
        targets_out.append(item)
    cov = analysis.coverage(document, documents)
    return {
        "plan": {"id": document.pk, "number": document.number, "label": tree.describe(document),
                 "level": tree.plan_level(document), "unresolved_parents": cov.unresolved_parents},
        "references": [tree.describe(d) for d in references],
        "targets": targets_out,
        "coverage": {
            "children": [tree.describe(d) for d in cov.children],
            "targets": [{"id": c.target.pk, "name": c.target.name, "gap": c.is_gap,
                         "carried_by": [{"plan": str(t.document), "target": t.name} for t in c.carried_by],
                         "tasks": [t.name for t in c.tasks],
                         "suggested_tasks": [{"id": t.pk, "name": t.name, "score": s} for t, s in c.suggested_tasks]}
                        for c in cov.targets],
            "gaps": [c.target.name for c in cov.gaps],
            "unlinked_child_tasks": [{"plan": str(t.document), "task": t.name} for t in cov.unlinked_tasks],
        },
    }


def render_text(report: dict[str, Any]) -> str:
    plan = report["plan"]
    lines = [f"Đối chiếu: {plan['label']}"]
    if report["references"]:
        lines.append("Thực hiện: " + "; ".join(report["references"]) + "; và mục tiêu quốc gia")
    if plan["unresolved_parents"]:
        lines.append("Văn bản cấp trên chưa có trong hệ thống: " + ", ".join(plan["unresolved_parents"]))
    lines.append("")
    lines.append("CHỈ TIÊU")
    for t in report["targets"]:
        mark = "" if t["indicator"] is None else (f" → {t['indicator']}" + ("" if t["confirmed"] else " (gợi ý)"))
        levels = "; ".join(f"{lv['year']}: {lv['text']}" for lv in t["levels"]) or "không có mốc"
        lines.append(f"- {t['name'][:90]} [{levels}]{mark}")
        for cmp in t["comparisons"]:
            for f in cmp["findings"]:
                flag = "!! " if f["verdict"] == "weaker" else ("?  " if f["verdict"] == "unsafe" else "   ")
                why = (" — " + " ".join(f["reasons"])) if f["reasons"] else ""
                lines.append(f"    {flag}so với {cmp['against']} ({f['reference_year']}: {f['reference']}): {f['label']}{why}")
    cov = report["coverage"]
    lines.append("")
    lines.append(f"BAO PHỦ: {len(cov['children'])} kế hoạch cấp dưới; {len(cov['gaps'])} chỉ tiêu chưa được bao phủ")
    for c in cov["children"]:
        lines.append(f"  cấp dưới: {c}")
    for c in cov["targets"]:
        state = "CHƯA BAO PHỦ" if c["gap"] else f"{len(c['carried_by'])} kế hoạch, {len(c['tasks'])} nhiệm vụ"
        lines.append(f"- {c['name'][:90]}: {state}")
        for s in c["suggested_tasks"][:3]:
            lines.append(f"    gợi ý nhiệm vụ ({s['score']:.0f}): {s['name'][:90]}")
    if cov["unlinked_child_tasks"]:
        lines.append(f"Nhiệm vụ cấp dưới chưa phục vụ chỉ tiêu nào: {len(cov['unlinked_child_tasks'])}")
    return "\n".join(lines)

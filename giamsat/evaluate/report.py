"""Plain-text summary of an evaluation for the CLI (``giamsat evaluate`` without ``--json``),
and the itemised explanation of a unit's score."""

from __future__ import annotations

import datetime as dt

from giamsat.domain.states import TARGET_STATUS_LABELS, TASK_STATUS_LABELS, TargetStatus, TaskStatus
from giamsat.evaluate.engine import closed_periods
from giamsat.evaluate.model import Dataset, Evaluation
from giamsat.evaluate.tasks import counts_as_due
from giamsat.evaluate.util import vn_date


def text_summary(ev: Evaluation, unit_id: str | None = None, names: dict[str, str] | None = None,
                 top_warnings: int = 10) -> str:
    """Figures of `unit_id` (default: the evaluation's scope, else every root) in Vietnamese."""
    names = names or {}
    uid = unit_id or ev.scope_unit_id
    if uid is None:
        roots = [u for u, f in ev.rollups.items() if f.units == max(g.units for g in ev.rollups.values())]
        uid = roots[0] if roots else None
    lines = [f"Đánh giá tại ngày {vn_date(ev.as_of)}"]
    if uid is None or uid not in ev.rollups:
        return "\n".join([*lines, "Không có dữ liệu."])
    f = ev.rollups[uid]
    card = ev.scorecards[uid]
    lines.append(f"Đơn vị: {names.get(uid, uid)} ({f.units} đơn vị trong phạm vi)")
    rank = f", xếp thứ {card.rank}/{card.peers}" if card.rank else ""
    lines.append(f"Điểm tổng hợp: {card.score:.1f} — {card.band}{rank}")
    for item in card.items:
        value = "—" if item.value is None else f"{item.value:.1f}"
        lines.append(f"  {item.label}: {value} ({item.numerator:g}/{item.denominator:g}, trọng số {item.weight:g})")
    lines.append("Nhiệm vụ:")
    for s in TaskStatus:
        if f.task_status.get(s):
            lines.append(f"  {TASK_STATUS_LABELS[s]}: {f.task_status[s]:,}".replace(",", "."))
    lines.append("Chỉ tiêu:")
    for t in TargetStatus:
        if f.target_status.get(t):
            lines.append(f"  {TARGET_STATUS_LABELS[t]}: {f.target_status[t]:,}".replace(",", "."))
    lines.append(f"Báo cáo đúng hạn: {f.submissions_on_time}/{f.submissions_due}")
    lines.append(f"Vấn đề dữ liệu cần phê duyệt: {f.issues:,}".replace(",", "."))
    lines.append(f"Cảnh báo sớm: {f.warnings:,}".replace(",", "."))
    if unit_id is not None or ev.scope_unit_id is not None:
        mine = [w for w in ev.warnings if w.unit_id == uid][:top_warnings]
        for w in mine:
            lines.append(f"  - {w.subject_id}: {w.message}")
    return "\n".join(lines)


def explain_score(ev: Evaluation, dataset: Dataset, unit_id: str, limit: int = 20) -> dict[str, list[str]]:
    """The items behind a unit's own score components, worst first, `limit` per component.

    ``task_on_time``: tasks counted as due and not completed on time, with the reason;
    ``reporting_timeliness``/``reporting_quality``: reporting periods missed, late or returned;
    ``target_achievement``: targets not achieved, by status.
    """
    out: dict[str, list[str]] = {"task_on_time": [], "reporting_timeliness": [], "reporting_quality": [],
                                 "target_achievement": []}
    for r in ev.tasks.values():
        if r.unit_id != unit_id:
            continue
        due, ok = counts_as_due(r, dt.date.min, ev.as_of)
        if due > ok:
            out["task_on_time"].append(f"{r.task_id}: {TASK_STATUS_LABELS[r.status]} — {r.reason}")
    order = {TargetStatus.NO_DATA: 0, TargetStatus.OFF_TRACK: 1, TargetStatus.AT_RISK: 2}
    bad = sorted((g for g in ev.targets.values() if g.unit_id == unit_id and g.status in order),
                 key=lambda g: (order[g.status], g.target_id))
    out["target_achievement"] = [f"{g.target_id}: {TARGET_STATUS_LABELS[g.status]}" for g in bad]
    subs = {s.period: s for s in dataset.submissions if s.unit_id == unit_id}
    has_plan = bool(subs) or any(r.unit_id == unit_id for r in ev.targets.values()) or any(
        r.unit_id == unit_id for r in ev.tasks.values())
    for p in closed_periods(dataset, ev.as_of) if has_plan else []:
        s = subs.get(p.key)
        if s is None or s.submitted_at is None or s.submitted_at > ev.as_of:
            out["reporting_timeliness"].append(f"{p.label}: chưa gửi báo cáo (hạn {vn_date(p.due_date)})")
        elif s.submitted_at > s.due_date:
            days = (s.submitted_at - s.due_date).days
            out["reporting_timeliness"].append(f"{p.label}: gửi muộn {days} ngày")
        if s is not None and s.returned_count > 0:
            out["reporting_quality"].append(f"{p.label}: bị trả lại {s.returned_count} lần")
    return {k: v[:limit] for k, v in out.items()}

"""Plain-text summary of an evaluation for the CLI (``giamsat evaluate`` without ``--json``)."""

from __future__ import annotations

from giamsat.domain.states import TARGET_STATUS_LABELS, TASK_STATUS_LABELS, TargetStatus, TaskStatus
from giamsat.evaluate.model import Evaluation
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

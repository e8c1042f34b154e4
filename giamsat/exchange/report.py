"""What a periodic report says, gathered from the database: the figures, the draft narrative and the
tables. The DOCX, PDF and XLSX renderers only lay this out.

A report covers one submission, or a unit and a period key (frequency, year, index): then every
submission of the unit and the units below it for that key, as far as the reader may see them.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from django.utils import timezone

from giamsat.domain.states import (
    FREQUENCY_LABELS,
    REPORTED_TASK_STATE_LABELS,
    Comparator,
    Frequency,
    ReportedTaskState,
)
from giamsat.evaluate.model import Milestone as EngineMilestone
from giamsat.evaluate.targets import meets
from giamsat.exchange.export import number
from giamsat.org.models import OrgUnit, UnitKind
from giamsat.reporting.models import Submission

DONE = {ReportedTaskState.COMPLETED.value, ReportedTaskState.COMPLETED_LATE.value}


@dataclass
class TaskRow:
    unit: str
    name: str
    deadline: str
    state: str
    state_label: str
    percent: int
    progress: str
    difficulties: str
    overdue: bool
    due_next: bool


@dataclass
class TargetRow:
    unit: str
    name: str
    unit_of_measure: str
    goal: str
    goal_year: int | None
    value: Decimal | None
    value_text: str
    status: str


@dataclass
class Report:
    issuer: OrgUnit
    superior: str
    place: str
    number: str
    day: dt.date
    kind_title: str
    subject: str
    period_label: str
    units: list[str]
    submissions: list[Submission]
    tasks: list[TaskRow] = field(default_factory=list)
    targets: list[TargetRow] = field(default_factory=list)
    recipients: list[str] = field(default_factory=list)
    signer_title: str = "THỦ TRƯỞNG ĐƠN VỊ"

    # figures --------------------------------------------------------------------------------
    @property
    def figures(self) -> dict[str, int]:
        done = [t for t in self.tasks if t.state in DONE]
        return {
            "reports": len(self.submissions),
            "approved": sum(1 for s in self.submissions if s.state == "approved"),
            "tasks": len(self.tasks),
            "tasks_done": len(done),
            "tasks_in_progress": sum(1 for t in self.tasks if t.state == ReportedTaskState.IN_PROGRESS.value),
            "tasks_not_started": sum(1 for t in self.tasks if t.state == ReportedTaskState.NOT_STARTED.value),
            "tasks_overdue": sum(1 for t in self.tasks if t.overdue),
            "targets": len(self.targets),
            "targets_met": sum(1 for t in self.targets if t.status == "Đạt"),
            "targets_without_data": sum(1 for t in self.targets if t.status == "Chưa có số liệu"),
        }

    # the draft narrative, for an official to edit --------------------------------------------
    def narrative(self) -> list[tuple[str, list[str]]]:
        f = self.figures
        done_part = (f"Trong kỳ báo cáo {self.period_label}, "
                     f"{len(self.units)} đơn vị đã báo cáo ({f['approved']}/{f['reports']} báo cáo đã được phê duyệt). "
                     f"Tổng số {f['tasks']} nhiệm vụ được theo dõi: hoàn thành {f['tasks_done']}, đang thực hiện "
                     f"{f['tasks_in_progress']}, chưa triển khai {f['tasks_not_started']}. "
                     f"Về chỉ tiêu: {f['targets_met']}/{f['targets']} chỉ tiêu đạt mốc của năm; "
                     f"{f['targets_without_data']} chỉ tiêu chưa có số liệu.")
        done = [done_part] + [f"{s.unit.name}: {s.summary}" for s in self.submissions if s.summary.strip()]
        late = [f"{t.name} ({t.unit}; hạn: {t.deadline or 'chưa xác định'}; tiến độ {t.percent}%)"
                + (f". Nguyên nhân: {t.difficulties}" if t.difficulties.strip() else ". Nguyên nhân: đơn vị chưa nêu.")
                for t in self.tasks if t.overdue]
        if not late:
            late = ["Không có nhiệm vụ chậm so với thời hạn trong kỳ."]
        hard = [f"{s.unit.name}: {s.difficulties}" for s in self.submissions if s.difficulties.strip()]
        hard += [f"Kiến nghị của {s.unit.name}: {s.proposals}" for s in self.submissions if s.proposals.strip()]
        if not hard:
            hard = ["Các đơn vị không nêu khó khăn, vướng mắc trong kỳ."]
        nxt = [f"Tập trung hoàn thành nhiệm vụ: {t.name} ({t.unit}; hạn: {t.deadline})" for t in self.tasks
               if t.state not in DONE and (t.overdue or t.due_next)]
        nxt.append("Tiếp tục cập nhật số liệu các chỉ tiêu vào hệ thống giám sát, đánh giá theo hướng dẫn của Trung ương.")
        return [
            ("I. KẾT QUẢ THỰC HIỆN", done),
            ("II. NHIỆM VỤ CHẬM TIẾN ĐỘ VÀ NGUYÊN NHÂN", late),
            ("III. KHÓ KHĂN, VƯỚNG MẮC VÀ KIẾN NGHỊ, ĐỀ XUẤT", hard),
            ("IV. PHƯƠNG HƯỚNG, NHIỆM VỤ KỲ TỚI", nxt),
        ]


def symbol(unit: OrgUnit) -> str:
    """The issuer part of a document symbol: UBND, or the department's initials (Sở Y tế → SYT)."""
    if unit.kind in (UnitKind.PEOPLES_COMMITTEE, UnitKind.PROVINCE, UnitKind.COMMUNE):
        return "UBND"
    if unit.kind == UnitKind.PARTY_COMMITTEE:
        return "ĐU" if unit.parent and unit.parent.kind == UnitKind.COMMUNE else "TU"
    words = unit.name.split(" tỉnh ")[0].split(" thành phố ")[0].split()
    return "".join(w[0].upper() for w in words if w.lower() not in {"và", "của"})


def _province(unit: OrgUnit) -> OrgUnit | None:
    for u in [unit, *reversed(unit.ancestors())]:
        if u.kind == UnitKind.PROVINCE:
            return u
    return None


def _superior(unit: OrgUnit) -> str:
    """The line above the issuer: the province's People's Committee above a department; none for a
    People's Committee or a Party committee, which head their own level."""
    parent = unit.parent
    if unit.kind != UnitKind.DEPARTMENT or parent is None:
        return ""
    return f"UBND {parent.name.upper()}" if parent.kind == UnitKind.PROVINCE else parent.name.upper()


def issuer_name(unit: OrgUnit) -> str:
    """A province or a commune reports through its People's Committee."""
    if unit.kind in (UnitKind.PROVINCE, UnitKind.COMMUNE):
        return f"ỦY BAN NHÂN DÂN {unit.name.upper()}"
    return unit.name.upper()


def _milestone(target: Any, year: int) -> Any:
    ms = [m for m in target.milestones.all() if m.value is not None]
    exact = [m for m in ms if m.year == year]
    later = sorted((m for m in ms if m.year >= year), key=lambda m: m.year)
    return exact[0] if exact else (later[0] if later else None)


def _status(value: Decimal | None, m: Any) -> str:
    if value is None:
        return "Chưa có số liệu"
    if m is None:
        return "Chưa có mốc để so sánh"
    comparator = Comparator(m.comparator)
    goal = EngineMilestone(year=m.year, value=float(m.value), upper=float(m.value_high) if m.value_high else None)
    return "Đạt" if meets(comparator, float(value), goal) else "Chưa đạt"


def _task_rows(submission: Submission) -> list[TaskRow]:
    period = submission.period
    rows = []
    for r in submission.task_reports.select_related("task").order_by("task__order"):
        due = r.task.due_date
        rows.append(TaskRow(
            unit=submission.unit.name, name=r.task.name, deadline=r.task.deadline_text, state=r.state,
            state_label=REPORTED_TASK_STATE_LABELS.get(ReportedTaskState(r.state), r.state), percent=r.percent,
            progress=r.progress, difficulties=r.difficulties or r.suspended_reason,
            overdue=bool(due and due <= period.end and r.state not in DONE),
            due_next=bool(due and period.end < due <= period.end + dt.timedelta(days=100)),
        ))
    return rows


def _target_rows(submission: Submission) -> list[TargetRow]:
    year = submission.period.year
    values = {v.target_id: v for v in submission.values.all()}
    rows = []
    targets = submission.period.document.targets.prefetch_related("milestones").order_by("order")
    for t in targets:
        v = values.get(t.pk)
        if v is None and t.responsible_id not in (submission.unit_id, None):
            continue
        if v is None and t.responsible_id is None:
            continue
        m = _milestone(t, year)
        rows.append(TargetRow(
            unit=submission.unit.name, name=t.name, unit_of_measure=t.unit_of_measure,
            goal=f"{m.comparator} {number(m.value)}" if m else "", goal_year=m.year if m else None,
            value=v.value if v else None, value_text=v.text_value if v else "", status=_status(v.value if v else None, m),
        ))
    return rows


def build_report(issuer: OrgUnit, submissions: list[Submission], *, period_label: str,
                 day: dt.date | None = None, number: str = "") -> Report:
    province = _province(issuer)
    place = (province.short_name or province.name) if province else ""
    kind = "BÁO CÁO"
    frequencies = {s.period.frequency for s in submissions}
    subject_kind = "năm" if frequencies <= {Frequency.ANNUAL.value} and frequencies else "định kỳ"
    report = Report(
        issuer=issuer, superior=_superior(issuer), place=place, day=day or timezone.localdate(),
        number=number or f"Số:       /BC-{symbol(issuer)}", kind_title=kind,
        subject=(f"Kết quả thực hiện Nghị quyết số 57-NQ/TW về đột phá phát triển khoa học, công nghệ, "
                 f"đổi mới sáng tạo và chuyển đổi số quốc gia ({subject_kind}, {period_label})"),
        period_label=period_label, units=sorted({s.unit.name for s in submissions}), submissions=submissions,
        recipients=["Ban Chỉ đạo (để báo cáo);", "Cơ quan thường trực (để tổng hợp);", "Lưu: VT."],
    )
    for s in submissions:
        report.tasks.extend(_task_rows(s))
        report.targets.extend(_target_rows(s))
    return report


def period_label_for(frequency: str, year: int, index: int) -> str:
    roman = ["I", "II", "III", "IV"]
    if frequency == Frequency.QUARTERLY.value and 1 <= index <= 4:
        return f"Quý {roman[index - 1]}/{year}"
    if frequency == Frequency.MONTHLY.value:
        return f"Tháng {index}/{year}"
    if frequency == Frequency.SEMIANNUAL.value:
        return f"6 tháng {'đầu' if index == 1 else 'cuối'} năm {year}"
    if frequency == Frequency.NINE_MONTHS.value:
        return f"9 tháng năm {year}"
    if frequency == Frequency.ANNUAL.value:
        return f"Năm {year}"
    return f"{FREQUENCY_LABELS.get(Frequency(frequency), frequency)} {index}/{year}"

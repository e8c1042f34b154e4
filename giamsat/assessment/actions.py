"""Every state change of criteria sets and assessment rounds.

Each action is atomic, checks the actor's rights (`giamsat.assessment.access`, built on
`giamsat.org.access`) and writes an audit event. `actor` is a user, or a string naming a trusted
internal caller ("demo", a management command): those run without a role check.

The round's life: `open_round` (freezes the set, fills computed criteria) → `self_assess` /
`add_evidence` → `submit_self_assessment` → `verify_criterion` → `reply_to_adjustment` (once)
→ `finalize_round` (final scores, rank, band, head) → `publish_results`.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation
from typing import Any

from django.core.files.base import ContentFile
from django.db import transaction
from django.utils import timezone

from giamsat.assessment import access, scoring
from giamsat.assessment.errors import FrozenError, InvalidInput, LockedError, NotAllowed
from giamsat.assessment.models import (
    CriteriaSet,
    Criterion,
    Entry,
    Evidence,
    Formula,
    Method,
    Participant,
    ParticipantState,
    Round,
    RoundState,
)
from giamsat.assessment.results import head_of
from giamsat.audit.actions import record, snapshot
from giamsat.org.models import OrgUnit, UnitKind
from giamsat.reporting.errors import ValidationError as UploadRefused
from giamsat.reporting.evidence import check_upload

# --- rights and helpers -----------------------------------------------------------------------


def _is_system(actor: Any) -> bool:
    return isinstance(actor, str)


def _require(actor: Any, allowed: Callable[[], bool], message: str) -> None:
    if _is_system(actor):
        return
    if actor is None or not getattr(actor, "is_authenticated", False) or not allowed():
        raise NotAllowed(message)


def _user(actor: Any) -> Any:
    return actor if getattr(actor, "is_authenticated", False) else None


def _today() -> dt.date:
    return timezone.localdate()


def vn(number: Any) -> str:
    """A number as Vietnamese writes it: decimal comma, no trailing zeros."""
    return f"{Decimal(str(number)).normalize():f}".replace(".", ",")


def _decimal(value: Any, what: str) -> Decimal:
    try:
        number = Decimal(str(value).strip().replace(",", "."))
    except (InvalidOperation, ValueError) as exc:
        raise InvalidInput(f"{what}: “{value}” không phải là số.") from exc
    if not number.is_finite():
        raise InvalidInput(f"{what}: “{value}” không phải là số.")
    return number


# --- criteria sets ----------------------------------------------------------------------------


@dataclass
class CriterionData:
    """One row of a criteria set as the editor, the workbook and the sample give it."""

    code: str
    title: str
    max_points: Decimal
    method: str = Method.MANUAL.value
    parent_code: str = ""
    formula: str = ""
    indicator_code: str = ""
    full_at: Decimal | None = None
    scale: list[Decimal] = field(default_factory=list)
    applies_to: list[str] = field(default_factory=list)
    evidence_required: bool = False
    guidance: str = ""


def _lock_set(criteria_set: CriteriaSet) -> CriteriaSet:
    locked = CriteriaSet.objects.select_for_update(of=("self",)).select_related("owner").get(pk=criteria_set.pk)
    if locked.is_frozen:
        raise FrozenError(f"Bộ tiêu chí “{locked.name}” đã được dùng cho một đợt đánh giá nên không thể sửa. "
                          "Hãy tạo bộ tiêu chí mới cho năm sau.")
    return locked


def _require_set_editor(actor: Any, criteria_set: CriteriaSet) -> None:
    _require(actor, lambda: access.can_edit_set(actor, criteria_set),
             "Chỉ cơ quan thường trực ban hành bộ tiêu chí mới được sửa bộ tiêu chí này.")


@transaction.atomic
def create_criteria_set(actor: Any, *, code: str, year: int, name: str, note: str = "",
                        owner: OrgUnit | None = None, is_sample: bool = False) -> CriteriaSet:
    if owner is not None:
        _require(actor, lambda: access.can_review(actor, owner), "Bạn không thể ban hành bộ tiêu chí cho đơn vị này.")
    else:
        _require(actor, lambda: access.is_admin(actor), "Chỉ quản trị hệ thống mới tạo được bộ tiêu chí dùng chung.")
    if CriteriaSet.objects.filter(code=code).exists():
        raise InvalidInput(f"Mã bộ tiêu chí “{code}” đã được dùng.")
    created = CriteriaSet.objects.create(code=code, year=year, name=name, note=note, owner=owner, is_sample=is_sample)
    record(actor, "assessment.set_created", created, unit_id=owner.pk if owner else None, after=snapshot(created))
    return created


def _check_row(row: CriterionData, by_code: dict[str, Any]) -> list[str]:
    problems = []
    label = f"Tiêu chí {row.code or '(chưa có mã)'}"
    if not row.code or not row.title:
        problems.append(f"{label}: cần có mã và tên.")
    if row.method not in Method.values:
        problems.append(f"{label}: cách chấm “{row.method}” không hợp lệ.")
    if row.max_points < 0:
        problems.append(f"{label}: điểm tối đa không được âm.")
    if row.parent_code and row.parent_code not in by_code:
        problems.append(f"{label}: không có tiêu chí cấp trên mã “{row.parent_code}”.")
    if row.method == Method.FORMULA and row.formula not in Formula.values:
        problems.append(f"{label}: tiêu chí tính từ số liệu cần công thức hợp lệ.")
    if row.method == Method.FORMULA and row.formula == Formula.INDICATOR and not (row.indicator_code and row.full_at):
        problems.append(f"{label}: công thức theo chỉ tiêu cần mã chỉ tiêu và giá trị đạt điểm tối đa.")
    if row.method == Method.SCALE and (not row.scale or max(row.scale) > row.max_points or min(row.scale) < 0):
        problems.append(f"{label}: thang điểm phải có các mức từ 0 đến điểm tối đa.")
    bad_kinds = [k for k in row.applies_to if k not in UnitKind.values]
    if bad_kinds:
        problems.append(f"{label}: loại đơn vị không hợp lệ: {', '.join(bad_kinds)}.")
    return problems


def _save_criterion(criteria_set: CriteriaSet, row: CriterionData, parent: Criterion | None, order: int,
                    instance: Criterion | None = None) -> Criterion:
    c = instance or Criterion(criteria_set=criteria_set)
    c.parent, c.code, c.title, c.max_points, c.method = parent, row.code, row.title, row.max_points, row.method
    c.formula = row.formula if row.method == Method.FORMULA else ""
    c.indicator_code, c.full_at = row.indicator_code, row.full_at
    c.scale = [str(s) for s in row.scale]
    c.applies_to, c.evidence_required, c.guidance = list(row.applies_to), row.evidence_required, row.guidance
    c.order = order if instance is None else c.order
    c.save()
    return c


@transaction.atomic
def add_criterion(actor: Any, criteria_set: CriteriaSet, row: CriterionData) -> Criterion:
    locked = _lock_set(criteria_set)
    _require_set_editor(actor, locked)
    existing = {c.code: c for c in locked.criteria.all()}
    problems = _check_row(row, existing)
    if row.code in existing:
        problems.append(f"Mã tiêu chí “{row.code}” đã có trong bộ.")
    if problems:
        raise InvalidInput("Chưa thêm được tiêu chí:", problems)
    order = max((c.order for c in existing.values()), default=0) + 1
    created = _save_criterion(locked, row, existing.get(row.parent_code), order)
    record(actor, "assessment.criterion_added", created, after=snapshot(created))
    return created


@transaction.atomic
def update_criterion(actor: Any, criterion: Criterion, row: CriterionData) -> Criterion:
    locked = _lock_set(criterion.criteria_set)
    _require_set_editor(actor, locked)
    existing = {c.code: c for c in locked.criteria.exclude(pk=criterion.pk)}
    problems = _check_row(row, existing)
    if row.code in existing:
        problems.append(f"Mã tiêu chí “{row.code}” đã có trong bộ.")
    if problems:
        raise InvalidInput("Chưa lưu được tiêu chí:", problems)
    current = Criterion.objects.get(pk=criterion.pk)
    before = snapshot(current)
    _save_criterion(locked, row, existing.get(row.parent_code), current.order, instance=current)
    record(actor, "assessment.criterion_changed", current, before=before, after=snapshot(current))
    return current


@transaction.atomic
def delete_criterion(actor: Any, criterion: Criterion) -> None:
    locked = _lock_set(criterion.criteria_set)
    _require_set_editor(actor, locked)
    before = snapshot(criterion)
    record(actor, "assessment.criterion_deleted", criterion, before=before)
    criterion.delete()


@transaction.atomic
def replace_criteria(actor: Any, criteria_set: CriteriaSet, rows: Sequence[CriterionData]) -> list[Criterion]:
    """Put `rows` (parents before children) in place of the set's criteria: used by the workbook import."""
    locked = _lock_set(criteria_set)
    _require_set_editor(actor, locked)
    seen: dict[str, Any] = {}
    problems: list[str] = []
    for row in rows:
        problems.extend(_check_row(row, seen))
        if row.code in seen:
            problems.append(f"Mã tiêu chí “{row.code}” lặp lại.")
        seen[row.code] = row
    if problems:
        raise InvalidInput("Tệp tiêu chí có lỗi, chưa nạp:", problems)
    before = {"criteria": [c.code for c in locked.criteria.all()]}
    locked.criteria.all().delete()
    saved: dict[str, Criterion] = {}
    for order, row in enumerate(rows, start=1):
        saved[row.code] = _save_criterion(locked, row, saved.get(row.parent_code), order)
    record(actor, "assessment.criteria_replaced", locked, before=before, after={"criteria": list(saved)})
    return list(saved.values())


def criteria_rows(criteria_set: CriteriaSet) -> list[CriterionData]:
    """The set's criteria as plain rows, parents before children (for a copy or the workbook)."""
    codes = {c.pk: c.code for c in criteria_set.criteria.all()}
    return [CriterionData(c.code, c.title, c.max_points, c.method, codes.get(c.parent_id, "") if c.parent_id else "",
                          c.formula, c.indicator_code, c.full_at, [Decimal(str(s)) for s in c.scale],
                          list(c.applies_to), c.evidence_required, c.guidance)
            for c in criteria_set.criteria.all()]


@transaction.atomic
def copy_criteria_set(actor: Any, source: CriteriaSet, *, code: str, year: int, name: str,
                      owner: OrgUnit | None) -> CriteriaSet:
    """A new, editable set for another year or another agency, starting from `source` (frozen or not)."""
    created = create_criteria_set(actor, code=code, year=year, name=name, owner=owner,
                                  note=f"Sao chép từ “{source.name}”.")
    replace_criteria(actor, created, criteria_rows(source))
    return created


def set_problems(criteria_set: CriteriaSet) -> list[str]:
    """What keeps a set from being used: groups whose points differ from their children's sum, empty sets."""
    criteria = list(criteria_set.criteria.all())
    if not any(not c.is_group for c in criteria):
        return ["Bộ tiêu chí chưa có tiêu chí nào để chấm."]
    children: dict[int, list[Criterion]] = {}
    for c in criteria:
        if c.parent_id:
            children.setdefault(c.parent_id, []).append(c)
    problems = []
    for c in criteria:
        kids = children.get(c.pk, [])
        if c.is_group and not kids:
            problems.append(f"Nhóm {c.code} chưa có tiêu chí con.")
        elif kids and sum((k.max_points for k in kids), Decimal(0)) != c.max_points:
            problems.append(f"Tiêu chí {c.code}: điểm tối đa {c.max_points} khác tổng điểm các tiêu chí con "
                            f"({sum((k.max_points for k in kids), Decimal(0))}).")
    return problems


def scored_criteria(criteria_set: CriteriaSet, kind: str | None = None) -> list[Criterion]:
    """The leaves, the criteria that carry a score (for a kind of unit when given)."""
    criteria = list(criteria_set.criteria.all())
    parents = {c.parent_id for c in criteria if c.parent_id}
    return [c for c in criteria if c.pk not in parents and not c.is_group and (kind is None or c.applies(kind))]


# --- opening a round ------------------------------------------------------------------------


@transaction.atomic
def open_round(actor: Any, *, name: str, year: int, criteria_set: CriteriaSet, organizer: OrgUnit,
               units: Iterable[OrgUnit], opens_on: dt.date, closes_on: dt.date,
               data_as_of: dt.date | None = None) -> Round:
    """Open a round: the set freezes, each unit gets its criteria, computed criteria are filled in."""
    units = list(units)
    _require(actor, lambda: access.can_review(actor, organizer) and all(access.can_review(actor, u) for u in units),
             "Chỉ cơ quan thường trực mới mở được đợt đánh giá, và chỉ cho các đơn vị thuộc phạm vi của mình.")
    problems = set_problems(criteria_set)
    if not units:
        problems.append("Chưa chọn đơn vị được đánh giá.")
    if closes_on < opens_on:
        problems.append("Hạn tự đánh giá phải sau ngày mở đợt.")
    if problems:
        raise InvalidInput("Chưa mở được đợt đánh giá:", problems)
    locked = CriteriaSet.objects.select_for_update().get(pk=criteria_set.pk)
    if not locked.is_frozen:
        locked.frozen_at = timezone.now()
        locked.save(update_fields=["frozen_at"])
        record(actor, "assessment.set_frozen", locked)
    opened = Round.objects.create(name=name, year=year, criteria_set=locked, organizer=organizer, opens_on=opens_on,
                                  closes_on=closes_on, data_as_of=data_as_of or dt.date(year, 12, 31),
                                  opened_by=_user(actor))
    for unit in units:
        _enrol(opened, unit)
    record(actor, "assessment.round_opened", opened, unit_id=organizer.pk, after=snapshot(opened))
    return opened


def _enrol(round_: Round, unit: OrgUnit) -> Participant:
    criteria = scored_criteria(round_.criteria_set, unit.kind)
    participant = Participant.objects.create(round=round_, unit=unit,
                                             max_total=sum((c.max_points for c in criteria), Decimal(0)))
    ev = scoring.unit_evaluation(unit, round_.data_as_of) if any(c.method == Method.FORMULA for c in criteria) else None
    for c in criteria:
        entry = Entry(participant=participant, criterion=c)
        if c.method == Method.FORMULA and ev is not None:
            computed = scoring.compute(c, unit, ev)
            entry.computed_score, entry.computed_detail, entry.self_score = computed.score, computed.detail, computed.score
        entry.save()
    return participant


@transaction.atomic
def refresh_computed(actor: Any, round_: Round) -> int:
    """Recompute the computed criteria of units still assessing themselves (reports approved since opening).

    A score the unit had changed with a written reason stays; the figure beside it is updated.
    Returns how many entries changed.
    """
    r = Round.objects.select_for_update(of=("self",)).select_related("organizer").get(pk=round_.pk)
    _require(actor, lambda: access.can_review(actor, r.organizer), "Chỉ cơ quan thường trực mới cập nhật được số liệu.")
    if r.state != RoundState.OPEN:
        raise LockedError("Đợt đánh giá đã chốt điểm.")
    changed = 0
    for p in r.participants.filter(state=ParticipantState.DRAFT).select_related("unit"):
        entries = [e for e in p.entries.select_related("criterion") if e.criterion.method == Method.FORMULA]
        if not entries:
            continue
        ev = scoring.unit_evaluation(p.unit, r.data_as_of)
        for e in entries:
            computed = scoring.compute(e.criterion, p.unit, ev)
            if (computed.score, computed.detail) == (e.computed_score, e.computed_detail):
                continue
            if not e.override_reason:
                e.self_score = computed.score
            e.computed_score, e.computed_detail = computed.score, computed.detail
            e.save(update_fields=["computed_score", "computed_detail", "self_score"])
            changed += 1
    record(actor, "assessment.computed_refreshed", r, unit_id=r.organizer_id, after={"changed": changed})
    return changed


# --- self-assessment --------------------------------------------------------------------------


def _lock_entry(entry: Entry) -> Entry:
    return Entry.objects.select_for_update(of=("self",)).select_related(
        "participant__unit", "participant__round__organizer", "criterion").get(pk=entry.pk)


def _require_open_for_unit(p: Participant) -> None:
    if p.round.state != RoundState.OPEN:
        raise LockedError("Đợt đánh giá đã chốt điểm: không thể sửa.")
    if p.state != ParticipantState.DRAFT:
        raise LockedError("Đơn vị đã gửi bản tự đánh giá: không thể sửa.")
    if _today() > p.round.closes_on:
        raise LockedError(f"Đã quá hạn tự đánh giá ({p.round.closes_on:%d/%m/%Y}): không thể sửa hay gửi. "
                          "Dữ liệu đã nhập vẫn được giữ nguyên.")
    if _today() < p.round.opens_on:
        raise LockedError(f"Đợt đánh giá mở từ ngày {p.round.opens_on:%d/%m/%Y}.")


def check_score(criterion: Criterion, value: Any) -> Decimal:
    """A score the criterion accepts: within 0..max, and on its scale (yes/no: 0 or the maximum)."""
    score = _decimal(value, f"Điểm tiêu chí {criterion.code}")
    if score < 0 or score > criterion.max_points:
        raise InvalidInput(f"Điểm tiêu chí {criterion.code} phải từ 0 đến {vn(criterion.max_points)} (đã nhập {vn(score)}).")
    if criterion.method == Method.YES_NO and score not in (0, criterion.max_points):
        raise InvalidInput(f"Tiêu chí {criterion.code} chấm Có/Không: chỉ nhận 0 hoặc {vn(criterion.max_points)} điểm.")
    if criterion.method == Method.SCALE and score not in {Decimal(str(s)) for s in criterion.scale}:
        levels = "; ".join(vn(s) for s in criterion.scale)
        raise InvalidInput(f"Tiêu chí {criterion.code} chấm theo thang: chỉ nhận các mức {levels}.")
    return score


def _clean_links(links: Iterable[str]) -> list[str]:
    out = []
    for link in links:
        link = link.strip()
        if not link:
            continue
        if not link.startswith(("https://", "http://")):
            raise InvalidInput(f"Đường dẫn minh chứng “{link}” phải bắt đầu bằng http:// hoặc https://.")
        out.append(link[:500])
    return out


@transaction.atomic
def self_assess(actor: Any, entry: Entry, *, score: Any, note: str = "", links: Iterable[str] = (),
                override_reason: str = "") -> Entry:
    """The unit scores one criterion. A computed criterion changes only with a written reason."""
    e = _lock_entry(entry)
    p = e.participant
    _require(actor, lambda: access.can_enter_report(actor, p.unit), "Chỉ cán bộ của đơn vị mới được tự đánh giá.")
    _require_open_for_unit(p)
    value = check_score(e.criterion, score)
    if e.computed_score is not None and value != e.computed_score and not override_reason.strip():
        raise InvalidInput(f"Tiêu chí {e.criterion.code} được giamsat tính từ số liệu ({vn(e.computed_score)} điểm): "
                           "muốn thay đổi phải ghi rõ lý do.")
    before = snapshot(e, ["self_score", "self_note", "links", "override_reason"])
    e.self_score, e.self_note, e.links = value, note.strip(), _clean_links(links)
    e.override_reason = override_reason.strip() if e.computed_score is not None and value != e.computed_score else ""
    e.save(update_fields=["self_score", "self_note", "links", "override_reason"])
    record(actor, "assessment.self_assessed", e, unit_id=p.unit_id, before=before,
           after=snapshot(e, ["self_score", "self_note", "links", "override_reason"]), reason=e.override_reason)
    return e


@transaction.atomic
def add_evidence(actor: Any, entry: Entry, uploaded_file: Any) -> Evidence:
    """Attach a document; its type is read from the content, its size limited by GIAMSAT_MAX_UPLOAD_BYTES."""
    e = _lock_entry(entry)
    p = e.participant
    _require(actor, lambda: access.can_enter_report(actor, p.unit), "Chỉ cán bộ của đơn vị mới được gửi minh chứng.")
    _require_open_for_unit(p)
    try:
        checked = check_upload(uploaded_file)
    except UploadRefused as exc:
        raise InvalidInput(exc.message) from exc
    evidence = Evidence(entry=e, name=checked.name, content_type=checked.content_type, size=len(checked.content),
                        sha256=checked.sha256, uploaded_by=_user(actor))
    evidence.file.save(checked.name, ContentFile(checked.content), save=False)
    evidence.save()
    record(actor, "assessment.evidence_added", e, unit_id=p.unit_id,
           after={"name": checked.name, "sha256": checked.sha256, "size": evidence.size})
    return evidence


def _lock_participant(participant: Participant) -> Participant:
    return Participant.objects.select_for_update(of=("self",)).select_related("round__organizer", "unit").get(pk=participant.pk)


@transaction.atomic
def submit_self_assessment(actor: Any, participant: Participant) -> Participant:
    p = _lock_participant(participant)
    _require(actor, lambda: access.can_submit_report(actor, p.unit),
             "Chỉ lãnh đạo đơn vị (người phê duyệt) mới gửi được bản tự đánh giá.")
    _require_open_for_unit(p)
    problems = []
    for e in p.entries.select_related("criterion").prefetch_related("evidence"):
        if e.self_score is None:
            problems.append(f"Tiêu chí {e.criterion.code} chưa chấm điểm.")
        elif e.criterion.evidence_required and e.self_score > 0 and not (e.links or e.evidence.all()):
            problems.append(f"Tiêu chí {e.criterion.code} cần có minh chứng (tài liệu hoặc đường dẫn).")
    if problems:
        raise InvalidInput("Chưa gửi được bản tự đánh giá:", problems)
    p.state, p.submitted_at, p.submitted_by = ParticipantState.SUBMITTED, timezone.now(), _user(actor)
    p.save(update_fields=["state", "submitted_at", "submitted_by"])
    record(actor, "assessment.self_assessment_submitted", p, unit_id=p.unit_id, after={"state": p.state})
    return p


# --- verification -----------------------------------------------------------------------------


@transaction.atomic
def verify_criterion(actor: Any, entry: Entry, adjusted_score: Any, comment: str = "") -> Entry:
    """The standing agency (or its appraisal council) confirms or adjusts one criterion, with a comment."""
    e = _lock_entry(entry)
    p = e.participant
    _require(actor, lambda: access.can_review(actor, p.round.organizer),
             "Chỉ cơ quan thường trực (hội đồng thẩm định) mới thẩm định được.")
    if p.round.state != RoundState.OPEN:
        raise LockedError("Đợt đánh giá đã chốt điểm: không thể thẩm định lại.")
    if p.state != ParticipantState.SUBMITTED:
        raise LockedError(f"{p.unit.name} chưa gửi bản tự đánh giá.")
    value = check_score(e.criterion, adjusted_score)
    if value != e.self_score and not comment.strip():
        raise InvalidInput(f"Điều chỉnh điểm tiêu chí {e.criterion.code} cần ghi ý kiến thẩm định.")
    before = snapshot(e, ["verified_score", "verify_comment"])
    e.verified_score, e.verify_comment = value, comment.strip()
    e.verified_by, e.verified_at = _user(actor), timezone.now()
    e.save(update_fields=["verified_score", "verify_comment", "verified_by", "verified_at"])
    record(actor, "assessment.criterion_verified", e, unit_id=p.unit_id, before=before,
           after=snapshot(e, ["verified_score", "verify_comment"]), reason=e.verify_comment)
    return e


@transaction.atomic
def reply_to_adjustment(actor: Any, entry: Entry, text: str) -> Entry:
    """The unit answers an adjustment or a comment, once."""
    e = _lock_entry(entry)
    p = e.participant
    _require(actor, lambda: access.can_enter_report(actor, p.unit), "Chỉ đơn vị được đánh giá mới phản hồi được.")
    if p.round.state != RoundState.OPEN:
        raise LockedError("Đợt đánh giá đã chốt điểm: không thể phản hồi.")
    if e.verified_at is None or not (e.was_adjusted or e.verify_comment):
        raise InvalidInput(f"Tiêu chí {e.criterion.code} không có điều chỉnh hay ý kiến nào để phản hồi.")
    if e.replied_at is not None:
        raise LockedError(f"Đơn vị đã phản hồi tiêu chí {e.criterion.code}; mỗi điều chỉnh chỉ được phản hồi một lần.")
    if not text.strip():
        raise InvalidInput("Nội dung phản hồi không được để trống.")
    e.reply, e.replied_at = text.strip(), timezone.now()
    e.save(update_fields=["reply", "replied_at"])
    record(actor, "assessment.adjustment_answered", e, unit_id=p.unit_id, after={"reply": e.reply})
    return e


# --- results ----------------------------------------------------------------------------------


def _final(e: Entry, submitted: bool) -> Decimal:
    if e.verified_score is not None:
        return e.verified_score
    if submitted and e.self_score is not None:
        return e.self_score
    return e.computed_score or Decimal(0)


@transaction.atomic
def finalize_round(actor: Any, round_: Round) -> Round:
    """Lock the final scores: verified score, else the unit's own, else the computed one (0 if none)."""
    r = Round.objects.select_for_update(of=("self",)).select_related("organizer").get(pk=round_.pk)
    _require(actor, lambda: access.can_review(actor, r.organizer), "Chỉ cơ quan thường trực mới chốt được điểm.")
    if r.state != RoundState.OPEN:
        raise LockedError("Đợt đánh giá đã được chốt điểm.")
    participants = list(r.participants.select_for_update(of=("self",)).select_related("unit"))
    drafts = [p.unit.name for p in participants if p.state == ParticipantState.DRAFT]
    if drafts and _today() <= r.closes_on:
        raise LockedError("Chưa hết hạn tự đánh giá và còn đơn vị chưa gửi:", drafts)
    percents: dict[int, float | None] = {}
    for p in participants:
        submitted = p.state == ParticipantState.SUBMITTED
        entries = list(p.entries.all())
        for e in entries:
            e.final_score = _final(e, submitted)
        Entry.objects.bulk_update(entries, ["final_score"])
        p.total = sum((e.final_score or Decimal(0) for e in entries), Decimal(0))
        p.percent = float(p.total / p.max_total * 100) if p.max_total else None
        percents[p.pk] = p.percent
    ranks = scoring.rank(percents)
    for p in participants:
        p.rank, p.band, p.state = ranks[p.pk], scoring.rate(p.percent), ParticipantState.FINAL
        p.head_name, p.head_title = head_of(p.unit)
    Participant.objects.bulk_update(participants, ["total", "percent", "rank", "band", "state", "head_name", "head_title"])
    r.state, r.finalized_at = RoundState.FINALIZED, timezone.now()
    r.save(update_fields=["state", "finalized_at"])
    record(actor, "assessment.round_finalized", r, unit_id=r.organizer_id,
           after={p.unit.code: {"total": str(p.total), "rank": p.rank, "band": p.band} for p in participants})
    return r


@transaction.atomic
def publish_results(actor: Any, round_: Round) -> Round:
    r = Round.objects.select_for_update(of=("self",)).select_related("organizer").get(pk=round_.pk)
    _require(actor, lambda: access.can_review(actor, r.organizer), "Chỉ cơ quan thường trực mới công bố được kết quả.")
    if r.state != RoundState.FINALIZED:
        raise LockedError("Chỉ công bố được kết quả đã chốt điểm." if r.state == RoundState.OPEN
                          else "Kết quả đã được công bố.")
    r.state, r.published_at = RoundState.PUBLISHED, timezone.now()
    r.save(update_fields=["state", "published_at"])
    record(actor, "assessment.results_published", r, unit_id=r.organizer_id)
    return r

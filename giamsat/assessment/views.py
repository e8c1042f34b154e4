"""Assessment pages: criteria sets, rounds, the unit's self-assessment, verification, results.

Views fetch through `assessment.access`, hand form data to one action per POST and show the
action's Vietnamese message when it refuses.
"""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_POST

from giamsat.assessment import access, actions, results, scoring, workbook
from giamsat.assessment.errors import AssessmentError
from giamsat.assessment.forms import (
    ASSESSED_KINDS,
    CriteriaSetForm,
    CriterionForm,
    EvidenceForm,
    ReplyForm,
    RoundForm,
    SelfAssessForm,
    VerifyForm,
    WorkbookForm,
)
from giamsat.assessment.models import CriteriaSet, Evidence, Participant, Round, RoundState
from giamsat.org.access import is_admin, visible_units_q
from giamsat.org.models import Membership, OrgUnit, Role, UnitKind

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"


def _refused(request: HttpRequest, exc: AssessmentError) -> None:
    messages.error(request, str(exc))


def _download(content: bytes, name: str, content_type: str) -> HttpResponse:
    response = HttpResponse(content, content_type=content_type)
    response["Content-Disposition"] = f'attachment; filename="{name}"'
    return response


# --- index and criteria sets ------------------------------------------------------------------


@login_required
def index(request: HttpRequest) -> HttpResponse:
    rounds = access.visible_rounds(request.user).select_related("criteria_set", "organizer")
    return render(request, "assessment/index.html", {
        "rounds": rounds, "sets": CriteriaSet.objects.select_related("owner"),
        "is_standing": access.is_standing_agency(request.user), "set_form": CriteriaSetForm(),
    })


def _own_review_units(user: Any) -> Any:
    if is_admin(user):
        return OrgUnit.objects.filter(kind=UnitKind.PROVINCE)
    ids = Membership.objects.filter(user=user, role=Role.STANDING_AGENCY).values("unit_id")
    return OrgUnit.objects.filter(pk__in=ids)


@login_required
@require_POST
def set_create(request: HttpRequest) -> HttpResponse:
    form = CriteriaSetForm(request.POST)
    owner = _own_review_units(request.user).first() if not is_admin(request.user) else None
    if not form.is_valid():
        messages.error(request, "Thông tin bộ tiêu chí chưa hợp lệ.")
        return redirect("assessment:index")
    try:
        created = actions.create_criteria_set(request.user, owner=owner, **form.cleaned_data)
    except AssessmentError as exc:
        _refused(request, exc)
        return redirect("assessment:index")
    messages.success(request, "Đã tạo bộ tiêu chí.")
    return redirect("assessment:set", pk=created.pk)


@login_required
@require_POST
def set_copy(request: HttpRequest, pk: int) -> HttpResponse:
    source = access.get_set(request.user, pk)
    form = CriteriaSetForm(request.POST)
    owner = _own_review_units(request.user).first() if not is_admin(request.user) else None
    if not form.is_valid():
        messages.error(request, "Thông tin bộ tiêu chí mới chưa hợp lệ.")
        return redirect("assessment:set", pk=pk)
    try:
        data = form.cleaned_data
        created = actions.copy_criteria_set(request.user, source, code=data["code"], year=data["year"],
                                            name=data["name"], owner=owner)
    except AssessmentError as exc:
        _refused(request, exc)
        return redirect("assessment:set", pk=pk)
    messages.success(request, "Đã sao chép thành bộ tiêu chí mới, có thể chỉnh sửa.")
    return redirect("assessment:set", pk=created.pk)


@login_required
def set_detail(request: HttpRequest, pk: int) -> HttpResponse:
    criteria_set = access.get_set(request.user, pk)
    editable = access.can_edit_set(request.user, criteria_set) and not criteria_set.is_frozen
    criteria = criteria_set.criteria.select_related("parent")
    return render(request, "assessment/set_detail.html", {
        "set": criteria_set, "criteria": criteria, "editable": editable,
        "total": sum(c.max_points for c in criteria if c.parent_id is None),
        "problems": actions.set_problems(criteria_set), "form": CriterionForm(), "import_form": WorkbookForm(),
        "can_copy": access.is_standing_agency(request.user),
        "copy_form": CriteriaSetForm(initial={"year": criteria_set.year + 1, "code": f"{criteria_set.code}-ban-sao",
                                              "name": criteria_set.name}),
    })


@login_required
@require_POST
def criterion_add(request: HttpRequest, pk: int) -> HttpResponse:
    criteria_set = access.get_set_for_edit(request.user, pk)
    form = CriterionForm(request.POST)
    if form.is_valid():
        try:
            actions.add_criterion(request.user, criteria_set, form.to_data())
            messages.success(request, "Đã thêm tiêu chí.")
        except AssessmentError as exc:
            _refused(request, exc)
    else:
        messages.error(request, "Tiêu chí chưa hợp lệ: " + "; ".join(" ".join(e) for e in form.errors.values()))
    return redirect("assessment:set", pk=criteria_set.pk)


@login_required
def criterion_edit(request: HttpRequest, pk: int) -> HttpResponse:
    criterion = access.get_criterion_for_edit(request.user, pk)
    form = CriterionForm(request.POST or None, initial=CriterionForm.initial_from(criterion))
    if request.method == "POST" and form.is_valid():
        try:
            actions.update_criterion(request.user, criterion, form.to_data())
            messages.success(request, "Đã lưu tiêu chí.")
            return redirect("assessment:set", pk=criterion.criteria_set_id)
        except AssessmentError as exc:
            _refused(request, exc)
    return render(request, "assessment/criterion_edit.html", {"criterion": criterion, "form": form})


@login_required
@require_POST
def criterion_delete(request: HttpRequest, pk: int) -> HttpResponse:
    criterion = access.get_criterion_for_edit(request.user, pk)
    try:
        actions.delete_criterion(request.user, criterion)
        messages.success(request, "Đã xoá tiêu chí.")
    except AssessmentError as exc:
        _refused(request, exc)
    return redirect("assessment:set", pk=criterion.criteria_set_id)


@login_required
def set_export(request: HttpRequest, pk: int) -> HttpResponse:
    criteria_set = access.get_set(request.user, pk)
    return _download(workbook.export_criteria(criteria_set), f"bo-tieu-chi-{criteria_set.code}.xlsx", XLSX)


@login_required
@require_POST
def set_import(request: HttpRequest, pk: int) -> HttpResponse:
    criteria_set = access.get_set_for_edit(request.user, pk)
    form = WorkbookForm(request.POST, request.FILES)
    if not form.is_valid():
        messages.error(request, "Chưa chọn tệp XLSX.")
        return redirect("assessment:set", pk=pk)
    try:
        parsed = workbook.read_criteria(form.cleaned_data["file"].read())
        actions.replace_criteria(request.user, criteria_set, parsed.rows)
        messages.success(request, f"Đã nạp {len(parsed.rows)} tiêu chí từ tệp.")
    except AssessmentError as exc:
        _refused(request, exc)
    return redirect("assessment:set", pk=pk)


# --- rounds ----------------------------------------------------------------------------------


def _round_form(request: HttpRequest) -> RoundForm:
    organizers = _own_review_units(request.user)
    units = OrgUnit.objects.filter(visible_units_q(request.user), kind__in=ASSESSED_KINDS).order_by("path", "name")
    return RoundForm(request.POST or None, organizers=organizers, units=units)


@login_required
def round_new(request: HttpRequest) -> HttpResponse:
    if not access.is_standing_agency(request.user):
        raise Http404("Không tìm thấy trang.")
    form = _round_form(request)
    if request.method == "POST" and form.is_valid():
        try:
            opened = actions.open_round(request.user, **form.cleaned_data)
            messages.success(request, "Đã mở đợt đánh giá; bộ tiêu chí đã được khoá.")
            return redirect("assessment:round", pk=opened.pk)
        except AssessmentError as exc:
            _refused(request, exc)
    return render(request, "assessment/round_new.html", {"form": form})


@login_required
def round_detail(request: HttpRequest, pk: int) -> HttpResponse:
    round_ = access.get_round(request.user, pk)
    return render(request, "assessment/round_detail.html", {
        "round": round_, "participants": access.visible_participants(request.user, round_),
        "can_review": access.can_review(request.user, round_.organizer),
    })


@login_required
@require_POST
def round_finalize(request: HttpRequest, pk: int) -> HttpResponse:
    round_ = access.get_round_for_review(request.user, pk)
    try:
        actions.finalize_round(request.user, round_)
        messages.success(request, "Đã chốt điểm, xếp hạng và xếp loại.")
    except AssessmentError as exc:
        _refused(request, exc)
    return redirect("assessment:round", pk=pk)


@login_required
@require_POST
def round_refresh(request: HttpRequest, pk: int) -> HttpResponse:
    round_ = access.get_round_for_review(request.user, pk)
    try:
        changed = actions.refresh_computed(request.user, round_)
        messages.success(request, f"Đã cập nhật số liệu: {changed} tiêu chí thay đổi.")
    except AssessmentError as exc:
        _refused(request, exc)
    return redirect("assessment:round", pk=pk)


@login_required
@require_POST
def round_publish(request: HttpRequest, pk: int) -> HttpResponse:
    round_ = access.get_round_for_review(request.user, pk)
    try:
        actions.publish_results(request.user, round_)
        messages.success(request, "Đã công bố kết quả.")
    except AssessmentError as exc:
        _refused(request, exc)
    return redirect("assessment:round", pk=pk)


# --- self-assessment and verification ---------------------------------------------------------


def _entries(participant: Participant) -> list[Any]:
    return list(participant.entries.select_related("criterion").prefetch_related("evidence"))


@login_required
def self_assessment(request: HttpRequest, pk: int) -> HttpResponse:
    participant = access.get_participant(request.user, pk)
    rows = [(e, SelfAssessForm(initial={"score": e.self_score if e.self_score is not None else "", "note": e.self_note,
                                        "links": "\n".join(e.links), "override_reason": e.override_reason},
                                auto_id=f"id_%s_{e.pk}"))
            for e in _entries(participant)]
    return render(request, "assessment/self_assessment.html", {
        "p": participant, "rows": rows,
        "can_enter": access.can_enter_report(request.user, participant.unit),
        "can_submit": access.can_submit_report(request.user, participant.unit),
        "can_review": access.can_review(request.user, participant.round.organizer),
    })


@login_required
@require_POST
def entry_save(request: HttpRequest, pk: int) -> HttpResponse:
    entry = access.get_entry(request.user, pk)
    form = SelfAssessForm(request.POST)
    if form.is_valid():
        try:
            actions.self_assess(request.user, entry, score=form.cleaned_data["score"], note=form.cleaned_data["note"],
                                links=form.link_list(), override_reason=form.cleaned_data["override_reason"])
            messages.success(request, f"Đã lưu điểm tiêu chí {entry.criterion.code}.")
        except AssessmentError as exc:
            _refused(request, exc)
    else:
        messages.error(request, "Chưa nhập điểm.")
    return redirect("assessment:self-assessment", pk=entry.participant_id)


@login_required
@require_POST
def entry_evidence(request: HttpRequest, pk: int) -> HttpResponse:
    entry = access.get_entry(request.user, pk)
    form = EvidenceForm(request.POST, request.FILES)
    if form.is_valid():
        try:
            actions.add_evidence(request.user, entry, form.cleaned_data["file"])
            messages.success(request, "Đã gửi tài liệu minh chứng.")
        except AssessmentError as exc:
            _refused(request, exc)
    else:
        messages.error(request, "Chưa chọn tệp.")
    return redirect("assessment:self-assessment", pk=entry.participant_id)


@login_required
def evidence_file(request: HttpRequest, pk: int) -> FileResponse:
    evidence = Evidence.objects.filter(pk=pk).first()
    if evidence is None:
        raise Http404("Không tìm thấy tài liệu.")
    access.get_entry(request.user, evidence.entry_id)
    return FileResponse(evidence.file.open("rb"), as_attachment=True, filename=evidence.name,
                        content_type=evidence.content_type)


@login_required
@require_POST
def submit(request: HttpRequest, pk: int) -> HttpResponse:
    participant = access.get_participant(request.user, pk)
    try:
        actions.submit_self_assessment(request.user, participant)
        messages.success(request, "Đã gửi bản tự đánh giá đến cơ quan thường trực.")
    except AssessmentError as exc:
        _refused(request, exc)
    return redirect("assessment:self-assessment", pk=pk)


@login_required
def verify(request: HttpRequest, pk: int) -> HttpResponse:
    participant = access.get_participant(request.user, pk)
    if not access.can_review(request.user, participant.round.organizer):
        raise Http404("Không tìm thấy bản tự đánh giá.")
    rows = [(e, VerifyForm(initial={"adjusted_score": e.verified_score if e.verified_score is not None else e.self_score,
                                    "comment": e.verify_comment}, auto_id=f"id_%s_{e.pk}"))
            for e in _entries(participant)]
    return render(request, "assessment/verify.html", {"p": participant, "rows": rows})


@login_required
@require_POST
def entry_verify(request: HttpRequest, pk: int) -> HttpResponse:
    entry = access.get_entry(request.user, pk)
    form = VerifyForm(request.POST)
    if form.is_valid():
        try:
            actions.verify_criterion(request.user, entry, form.cleaned_data["adjusted_score"], form.cleaned_data["comment"])
            messages.success(request, f"Đã thẩm định tiêu chí {entry.criterion.code}.")
        except AssessmentError as exc:
            _refused(request, exc)
    else:
        messages.error(request, "Chưa nhập điểm thẩm định.")
    return redirect("assessment:verify", pk=entry.participant_id)


@login_required
@require_POST
def entry_reply(request: HttpRequest, pk: int) -> HttpResponse:
    entry = access.get_entry(request.user, pk)
    form = ReplyForm(request.POST)
    if form.is_valid():
        try:
            actions.reply_to_adjustment(request.user, entry, form.cleaned_data["text"])
            messages.success(request, "Đã gửi ý kiến phản hồi.")
        except AssessmentError as exc:
            _refused(request, exc)
    else:
        messages.error(request, "Nội dung phản hồi không được để trống.")
    return redirect("assessment:self-assessment", pk=entry.participant_id)


# --- results ----------------------------------------------------------------------------------


def _results_context(round_: Round, with_people: bool) -> dict[str, Any]:
    table = results.ranking(round_)
    participants = [r.participant for r in table]
    context: dict[str, Any] = {"round": round_, "ranking": table, "participants": participants,
                               "comparison": results.comparison(round_, participants)}
    if with_people:
        people = []
        for p in participants:
            ev = scoring.unit_evaluation(p.unit, round_.data_as_of)
            people.append((p, results.officials(p.unit_id, ev, round_.data_as_of)))
        context["people"] = people
    return context


def _round_for_results(request: HttpRequest, pk: int) -> Round:
    round_ = access.get_round(request.user, pk)
    if round_.state != RoundState.PUBLISHED and not access.can_view_unit(request.user, round_.organizer):
        raise Http404("Kết quả chưa được công bố.")
    return round_


@login_required
def round_results(request: HttpRequest, pk: int) -> HttpResponse:
    round_ = _round_for_results(request, pk)
    return render(request, "assessment/results.html", _results_context(round_, with_people=True))


@login_required
def results_docx(request: HttpRequest, pk: int) -> HttpResponse:
    round_ = _round_for_results(request, pk)
    return _download(workbook.results_docx(round_), f"ket-qua-danh-gia-{round_.year}-{round_.pk}.docx", DOCX)


@login_required
def results_xlsx(request: HttpRequest, pk: int) -> HttpResponse:
    round_ = _round_for_results(request, pk)
    return _download(workbook.results_xlsx(round_), f"ket-qua-danh-gia-{round_.year}-{round_.pk}.xlsx", XLSX)


def public_results(request: HttpRequest) -> HttpResponse:
    rounds = access.published_rounds().select_related("organizer")
    return render(request, "assessment/public_list.html", {"rounds": rounds})


def public_round(request: HttpRequest, pk: int) -> HttpResponse:
    round_ = access.get_published_round(pk)
    return render(request, "assessment/public_round.html", _results_context(round_, with_people=False))

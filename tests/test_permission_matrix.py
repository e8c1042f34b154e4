"""Every role against every routed URL and every object relation, from one table.

`ROUTES` names a policy for every URL the project routes. A URL without an entry fails
`test_every_routed_url_has_a_rule`, so a new endpoint cannot ship without deciding who may use it.

Personas: reporter and approver of Sở Y tế Đồng Nai; standing agency and steering committee of
Đồng Nai; an administrator; an anonymous visitor. Relations are measured from the persona's unit:
its own unit, a sibling, a child and its parent. Refused requests must change nothing (the audit
log and the workflow rows are compared before and after); every request runs in a transaction
that is rolled back, so one persona's allowed action never changes what the next one sees.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

import pytest
from django.contrib.auth.models import AnonymousUser
from django.core.files.base import ContentFile
from django.db import transaction
from django.urls import URLPattern, URLResolver, get_resolver

from giamsat.audit.models import AuditEvent
from giamsat.org.actions import create_user, grant_role, load_vietnam_registry
from giamsat.org.models import OrgUnit, Role, UnitKind
from giamsat.plans.actions import import_parsed_plan
from giamsat.plans.models import Document, ImportRun, Target, Task
from giamsat.reporting.models import Attachment, Recommendation, ReportingPeriod, Submission

# --- who is who ------------------------------------------------------------------------------------

ENTRY_UNIT, OVERSIGHT_UNIT = "dong-nai.so-y-te", "dong-nai"
RELATIONS = {
    "entry": {"own": "dong-nai.so-y-te", "sibling": "dong-nai.so-tai-chinh", "child": "dong-nai.so-y-te.phong-nv",
              "parent": "dong-nai"},
    "oversight": {"own": "dong-nai", "sibling": "lang-son", "child": "dong-nai.so-y-te", "parent": "viet-nam"},
}
PERSONAS = {
    "reporter": ("entry", Role.REPORTER), "approver": ("entry", Role.APPROVER),
    "standing": ("oversight", Role.STANDING_AGENCY), "steering": ("oversight", Role.STEERING),
    "admin": ("oversight", None), "anonymous": ("oversight", None),
}

# --- what each policy allows -------------------------------------------------------------------------


def _scoped(persona: str, relation: str, entry_roles: set[str], oversight_roles: set[str]) -> bool:
    if persona == "admin":
        return True
    if persona in entry_roles:
        return relation == "own"
    if persona in oversight_roles:
        return relation in ("own", "child")
    return False


OBJECT_POLICIES: dict[str, Callable[[str, str], bool]] = {
    "read": lambda p, r: _scoped(p, r, {"reporter", "approver"}, {"standing", "steering"}),
    "enter": lambda p, r: _scoped(p, r, {"reporter", "approver"}, set()),
    "submit": lambda p, r: _scoped(p, r, {"approver"}, set()),
    "review": lambda p, r: _scoped(p, r, set(), {"standing"}),
    "answer": lambda p, r: _scoped(p, r, {"approver"}, {"standing"}),
}
PAGE_POLICIES: dict[str, set[str]] = {
    "public": {"reporter", "approver", "standing", "steering", "admin", "anonymous"},
    "login": {"reporter", "approver", "standing", "steering", "admin"},
    "oversight": {"standing", "steering", "admin"},
    "reviewer": {"standing", "admin"},
    "audit": {"standing", "admin"},
    "admin": {"admin"},
}


@dataclass(frozen=True)
class Rule:
    policy: str
    method: str = "GET"
    kwargs: Callable[[World, str], dict[str, Any]] | None = None
    data: Callable[[World, str], dict[str, Any]] | None = None
    json: bool = False
    skip: str = ""
    changes: bool = False   # an allowed request must change data (the action really ran)


@dataclass
class World:
    docs: dict[str, Document] = field(default_factory=dict)
    targets: dict[str, Target] = field(default_factory=dict)
    tasks: dict[str, Task] = field(default_factory=dict)
    periods: dict[str, ReportingPeriod] = field(default_factory=dict)
    subs: dict[str, Submission] = field(default_factory=dict)
    recs: dict[str, Recommendation] = field(default_factory=dict)
    runs: dict[str, ImportRun] = field(default_factory=dict)
    attachments: dict[str, Attachment] = field(default_factory=dict)
    users: dict[str, Any] = field(default_factory=dict)
    indicator: str = ""
    # Assessment, per owner unit: an editable criteria set and its criterion; a round organised by the
    # unit with the unit's own self-assessment in draft (`draft`), one with it submitted and verified
    # with a comment (`sent`), one finalized; and one published round of another province.
    sets: dict[str, Any] = field(default_factory=dict)
    criteria: dict[str, Any] = field(default_factory=dict)
    rounds: dict[str, dict[str, Any]] = field(default_factory=dict)
    participants: dict[str, dict[str, Any]] = field(default_factory=dict)
    entries: dict[str, dict[str, Any]] = field(default_factory=dict)
    evidence: dict[str, Any] = field(default_factory=dict)


def ANY_PK(w: World, u: str) -> dict[str, Any]:
    return {"pk": 1}


def doc(w: World, u: str) -> dict[str, Any]:
    return {"pk": w.docs[u].pk}


def sub(w: World, u: str) -> dict[str, Any]:
    return {"pk": w.subs[u].pk}


def item(kind: str) -> Callable[[World, str], dict[str, Any]]:
    def build(w: World, u: str) -> dict[str, Any]:
        obj = w.tasks[u] if kind == "task" else w.targets[u]
        return {"pk": w.docs[u].pk, "kind": kind, "item_pk": obj.pk}

    return build


def _evidence_upload() -> Any:
    from django.core.files.uploadedfile import SimpleUploadedFile

    return SimpleUploadedFile("bien-ban.pdf", b"%PDF-1.4 bien ban nghiem thu", content_type="application/pdf")


def period_key(w: World, u: str) -> dict[str, Any]:
    p = w.periods[u]
    return {"code": u, "frequency": p.frequency, "year": p.year, "index": p.index, "fmt": "xlsx"}


ROUTES: dict[str, Rule] = {
    # Public pages and infrastructure.
    "portal:public": Rule("public"),
    "portal:public-plan": Rule("public", kwargs=lambda w, u: {"pk": w.docs["published"].pk}),
    "portal:public-recommendation": Rule("public"),
    "portal:public-search": Rule("public"),
    "portal:login": Rule("public"),
    "portal:logout": Rule("public", skip="ends the session; covered by the login tests"),
    "set_language": Rule("public", method="POST", data=lambda w, u: {"language": "en", "next": "/"}),
    "api:health": Rule("public"),
    "api:openapi-json": Rule("public"),
    "api:openapi-view": Rule("public"),
    "api:api-root": Rule("public", skip="ninja's root answers 404 by design"),
    # The API's lists answer anonymous callers with published data only (see the leak test below).
    # Pages for any signed-in user, showing only what the user may see.
    "portal:home": Rule("login"),
    "portal:search": Rule("login"),
    "portal:plans": Rule("login"),
    "portal:targets": Rule("login"),
    "portal:tasks": Rule("login"),
    "portal:reports": Rule("login"),
    "portal:recommendations": Rule("login"),
    "portal:saved-new": Rule("oversight"),
    "alignment:index": Rule("login"),
    "alignment:indicator": Rule("login", kwargs=lambda w, u: {"code": w.indicator}),
    "exchange:upload": Rule("reviewer"),
    "api:list_units": Rule("public"),
    "api:list_plans": Rule("public"),
    "api:list_targets": Rule("public"),
    "api:list_tasks": Rule("public"),
    "api:list_periods": Rule("public"),
    "api:list_submissions": Rule("public"),
    "api:list_values": Rule("public"),
    "api:list_recommendations": Rule("public"),
    # Pages for leaders and the standing agency.
    "portal:dashboard": Rule("oversight"),
    "portal:dashboard-trends": Rule("oversight"),
    "portal:imports": Rule("reviewer"),
    "audit:index": Rule("audit"),
    "audit:export-csv": Rule("audit"),
    "audit:export-xlsx": Rule("audit"),
    # Objects, by relation to the persona's unit.
    "portal:plan": Rule("read", kwargs=doc),
    "portal:target": Rule("read", kwargs=lambda w, u: {"pk": w.targets[u].pk}),
    "portal:report": Rule("read", kwargs=sub),
    "portal:report-attachment": Rule("read", kwargs=lambda w, u: {"pk": w.subs[u].pk,
                                                                  "attachment_pk": w.attachments[u].pk}),
    "portal:import": Rule("review", kwargs=lambda w, u: {"pk": w.runs[u].pk}),
    "portal:review": Rule("review", kwargs=doc),
    "portal:item-edit": Rule("review", "POST", kwargs=item("task"), data=lambda w, u: {"name": "Tên đã sửa"}),
    "portal:item-delete": Rule("review", "POST", kwargs=item("task")),
    "portal:item-merge": Rule("review", "POST", kwargs=item("task")),
    "portal:item-split": Rule("review", "POST", kwargs=item("task")),
    "portal:agencies": Rule("review", "POST", kwargs=doc),
    "portal:publish": Rule("review", "POST", kwargs=doc),
    "portal:report-open": Rule("enter", "POST", data=lambda w, u: {"unit": u, "period": w.periods[u].pk}),
    "portal:report-save": Rule("enter", "POST", kwargs=sub,
                               data=lambda w, u: {"version": w.subs[u].version, "summary": "Đã cập nhật"}),
    "portal:report-submit": Rule("submit", "POST", kwargs=sub),
    "portal:report-review": Rule("review", "POST", kwargs=sub,
                                 data=lambda w, u: {"decision": "return", "reason": "Bổ sung số liệu"}),
    "portal:recommendation-raise": Rule("enter", "POST", data=lambda w, u: {
        "unit": OrgUnit.objects.get(code=u).pk, "title": "Thiếu kinh phí", "body": "Đề nghị bổ sung", "category": "funding"}),
    "portal:recommendation-act": Rule("answer", "POST", kwargs=lambda w, u: {"pk": w.recs[u].pk},
                                      data=lambda w, u: {"action": "answer", "answer": "Đã bố trí kinh phí"}),
    "portal:saved-edit": Rule("oversight", skip="owner-only; covered by the portal's saved-dashboard tests"),
    "portal:saved-delete": Rule("oversight", skip="owner-only; covered by the portal's saved-dashboard tests"),
    "alignment:plan": Rule("read", kwargs=doc),
    "alignment:confirm-mapping": Rule("review", "POST", kwargs=lambda w, u: {"pk": w.targets[u].pk}),
    "alignment:link-task": Rule("review", "POST", kwargs=lambda w, u: {"pk": w.tasks[u].pk},
                                data=lambda w, u: {"target": w.targets[u].pk}),
    "exchange:submission-report": Rule("read", kwargs=lambda w, u: {"pk": w.subs[u].pk, "fmt": "xlsx"}),
    "exchange:unit-report": Rule("read", kwargs=period_key),
    "exchange:export": Rule("read", kwargs=lambda w, u: {"code": u, "fmt": "json"}),
    "api:get_unit": Rule("read", kwargs=lambda w, u: {"code": u}),
    "api:get_plan": Rule("read", kwargs=lambda w, u: {"plan_id": w.docs[u].pk}),
    "api:get_target": Rule("read", kwargs=lambda w, u: {"target_id": w.targets[u].pk}),
    "api:get_task": Rule("read", kwargs=lambda w, u: {"task_id": w.tasks[u].pk}),
    "api:get_submission": Rule("read", kwargs=lambda w, u: {"submission_id": w.subs[u].pk}),
    "api:get_recommendation": Rule("read", kwargs=lambda w, u: {"rec_id": w.recs[u].pk}),
    "api:get_evaluation": Rule("read", kwargs=lambda w, u: {"code": u}),
    # Assessment: criteria sets, rounds run by a unit's standing agency, self-assessments by the unit.
    "assessment:public": Rule("public"),
    "assessment:public-round": Rule("public", kwargs=lambda w, u: {"pk": w.rounds["published"]["published"].pk}),
    "assessment:index": Rule("login"),
    "assessment:set": Rule("login", kwargs=lambda w, u: {"pk": w.sets[OVERSIGHT_UNIT].pk}),
    "assessment:set-export": Rule("login", kwargs=lambda w, u: {"pk": w.sets[OVERSIGHT_UNIT].pk}),
    "assessment:set-create": Rule("reviewer", "POST", changes=True, data=lambda w, u: {
        "code": "bo-moi-2027", "year": 2027, "name": "Bộ tiêu chí năm 2027"}),
    "assessment:set-copy": Rule("reviewer", "POST", changes=True, kwargs=lambda w, u: {"pk": w.sets[OVERSIGHT_UNIT].pk},
                                data=lambda w, u: {"code": "ban-sao-2027", "year": 2027, "name": "Bản sao 2027"}),
    "assessment:round-new": Rule("reviewer"),
    "assessment:criterion-add": Rule("review", "POST", changes=True, kwargs=lambda w, u: {"pk": w.sets[u].pk},
                                     data=lambda w, u: {"code": "2", "title": "Tiêu chí mới", "max_points": "5",
                                                        "method": "manual"}),
    "assessment:set-import": Rule("review", "POST", kwargs=lambda w, u: {"pk": w.sets[u].pk}),
    "assessment:criterion-edit": Rule("review", kwargs=lambda w, u: {"pk": w.criteria[u].pk}),
    "assessment:criterion-delete": Rule("review", "POST", changes=True, kwargs=lambda w, u: {"pk": w.criteria[u].pk}),
    "assessment:round": Rule("read", kwargs=lambda w, u: {"pk": w.rounds[u]["draft"].pk}),
    "assessment:round-refresh": Rule("review", "POST", kwargs=lambda w, u: {"pk": w.rounds[u]["draft"].pk}),
    "assessment:round-finalize": Rule("review", "POST", changes=True, kwargs=lambda w, u: {"pk": w.rounds[u]["sent"].pk}),
    "assessment:round-publish": Rule("review", "POST", changes=True,
                                     kwargs=lambda w, u: {"pk": w.rounds[u]["finalized"].pk}),
    "assessment:results": Rule("read", kwargs=lambda w, u: {"pk": w.rounds[u]["sent"].pk}),
    "assessment:results-docx": Rule("read", kwargs=lambda w, u: {"pk": w.rounds[u]["sent"].pk}),
    "assessment:results-xlsx": Rule("read", kwargs=lambda w, u: {"pk": w.rounds[u]["sent"].pk}),
    "assessment:self-assessment": Rule("read", kwargs=lambda w, u: {"pk": w.participants[u]["draft"].pk}),
    "assessment:submit": Rule("submit", "POST", changes=True, kwargs=lambda w, u: {"pk": w.participants[u]["draft"].pk}),
    "assessment:verify": Rule("review", kwargs=lambda w, u: {"pk": w.participants[u]["sent"].pk}),
    "assessment:entry-save": Rule("enter", "POST", changes=True, kwargs=lambda w, u: {"pk": w.entries[u]["draft"].pk},
                                  data=lambda w, u: {"score": "7", "note": "Đã triển khai"}),
    "assessment:entry-evidence": Rule("enter", "POST", changes=True, kwargs=lambda w, u: {"pk": w.entries[u]["draft"].pk},
                                      data=lambda w, u: {"file": _evidence_upload()}),
    "assessment:entry-verify": Rule("review", "POST", changes=True, kwargs=lambda w, u: {"pk": w.entries[u]["sent"].pk},
                                    data=lambda w, u: {"adjusted_score": "6", "comment": "Thiếu minh chứng"}),
    "assessment:entry-reply": Rule("enter", "POST", changes=True, kwargs=lambda w, u: {"pk": w.entries[u]["sent"].pk},
                                   data=lambda w, u: {"text": "Đơn vị bổ sung minh chứng"}),
    "assessment:evidence": Rule("read", kwargs=lambda w, u: {"pk": w.evidence[u].pk}),
    "api:open_draft": Rule("enter", "POST", json=True, data=lambda w, u: {"unit": u, "period": w.periods[u].pk}),
    "api:save_draft": Rule("enter", "PUT", json=True, kwargs=lambda w, u: {"submission_id": w.subs[u].pk},
                           data=lambda w, u: {"expected_version": w.subs[u].version, "summary": "Đã cập nhật"}),
    "api:submit": Rule("submit", "POST", json=True, kwargs=lambda w, u: {"submission_id": w.subs[u].pk}),
    "api:approve": Rule("review", "POST", json=True, kwargs=lambda w, u: {"submission_id": w.subs[u].pk},
                        skip="a draft cannot be approved; the return rule below covers the reviewer's rights"),
    "api:return_": Rule("review", "POST", json=True, kwargs=lambda w, u: {"submission_id": w.subs[u].pk},
                        data=lambda w, u: {"reason": "Bổ sung số liệu"}),
    "api:reopen": Rule("review", "POST", json=True, kwargs=lambda w, u: {"submission_id": w.subs[u].pk},
                       data=lambda w, u: {"reason": "Sửa số liệu"}),
    "api:raise_recommendation": Rule("enter", "POST", json=True, data=lambda w, u: {
        "unit": u, "title": "Thiếu kinh phí", "body": "Đề nghị bổ sung", "category": "funding"}),
    "api:answer_recommendation": Rule("answer", "POST", json=True, kwargs=lambda w, u: {"rec_id": w.recs[u].pk},
                                      data=lambda w, u: {"answer": "Đã bố trí kinh phí"}),
}


# --- the world ------------------------------------------------------------------------------------

OWNERS = sorted({*RELATIONS["entry"].values(), *RELATIONS["oversight"].values()})


def _plan(owner: str) -> dict[str, Any]:
    return {
        "document": {"number": f"{abs(hash(owner)) % 1000}/KH-{owner[:6].upper()}", "doc_type": "plan",
                     "title": f"Kế hoạch nháp của {owner}", "date": "2025-06-01", "parents": [], "replaces": []},
        "targets": [{"name": f"Tỷ lệ dịch vụ công trực tuyến toàn trình ({owner})", "unit": "%", "value": 90,
                     "comparator": ">=", "year": 2030}],
        "tasks": [{"name": f"Số hoá hồ sơ ({owner})", "lead": None, "deadline_text": "Quý IV/2026",
                   "deadline": {"kind": "quarter", "raw": "Quý IV/2026", "start": "2026-10-01", "end": "2026-12-31"}},
                  {"name": f"Đào tạo kỹ năng số ({owner})", "lead": None}],
        "assignments": [], "reporting": {"frequencies": ["quarterly"], "due_day": 15}, "warnings": [],
    }


def _assessment(world: World, code: str, unit: OrgUnit) -> None:
    """The unit's criteria sets and rounds (see `World`), made directly so every state is at hand."""
    from django.utils import timezone

    from giamsat.assessment.models import (
        CriteriaSet,
        Criterion,
        Entry,
        Evidence,
        Participant,
        ParticipantState,
        Round,
        RoundState,
    )

    slug = code.replace(".", "-")
    world.sets[code] = CriteriaSet.objects.create(code=f"bo-{slug}", year=2026, name=f"Bộ tiêu chí của {code}",
                                                  owner=unit)
    world.criteria[code] = Criterion.objects.create(criteria_set=world.sets[code], code="1", title="Chỉ đạo, điều hành",
                                                    max_points=10, order=1)
    used = CriteriaSet.objects.create(code=f"bo-dung-{slug}", year=2026, name=f"Bộ đã dùng của {code}", owner=unit,
                                      frozen_at=timezone.now())
    criterion = Criterion.objects.create(criteria_set=used, code="1", title="Chỉ đạo, điều hành", max_points=10, order=1)
    world.rounds[code], world.participants[code], world.entries[code] = {}, {}, {}
    for key, round_state, unit_state in (("draft", RoundState.OPEN, ParticipantState.DRAFT),
                                         ("sent", RoundState.OPEN, ParticipantState.SUBMITTED),
                                         ("finalized", RoundState.FINALIZED, ParticipantState.FINAL),
                                         ("published", RoundState.PUBLISHED, ParticipantState.FINAL)):
        round_ = Round.objects.create(name=f"Đánh giá năm 2026 ({key}, {code})", year=2026, criteria_set=used,
                                      organizer=unit, opens_on=dt.date(2026, 11, 1), closes_on=dt.date(2027, 1, 15),
                                      data_as_of=dt.date(2026, 12, 31), state=round_state)
        participant = Participant.objects.create(round=round_, unit=unit, state=unit_state, max_total=10)
        entry = Entry.objects.create(participant=participant, criterion=criterion, self_score=8)
        if key == "sent":
            Entry.objects.filter(pk=entry.pk).update(verified_score=8, verify_comment="Cần bổ sung biên bản",
                                                     verified_at=timezone.now())
        world.rounds[code][key], world.participants[code][key], world.entries[code][key] = round_, participant, entry
    content = b"%PDF-1.4 bien ban"
    evidence = Evidence(entry=world.entries[code]["draft"], name="bien-ban.pdf", content_type="application/pdf",
                        size=len(content), sha256=hashlib.sha256(content).hexdigest())
    evidence.file.save("bien-ban.pdf", ContentFile(content), save=True)
    world.evidence[code] = evidence


def build_world() -> World:
    load_vietnam_registry()
    from giamsat.alignment.actions import load_indicators
    from giamsat.plans.models import StandardIndicator

    load_indicators("matrix")
    parent = OrgUnit.objects.get(code="dong-nai.so-y-te")
    OrgUnit(code="dong-nai.so-y-te.phong-nv", name="Phòng Nghiệp vụ Sở Y tế", kind=UnitKind.OTHER, parent=parent).save()
    world = World(indicator=StandardIndicator.objects.order_by("code").first().code)
    for code in OWNERS:
        unit = OrgUnit.objects.get(code=code)
        document = import_parsed_plan("matrix", _plan(code), owner=unit)
        world.docs[code] = document
        world.targets[code] = document.targets.get()
        task = document.tasks.order_by("order").first()
        Task.objects.filter(document=document).update(lead=unit)
        world.tasks[code] = Task.objects.get(pk=task.pk)
        period = ReportingPeriod.objects.create(document=document, frequency="quarterly", year=2026, index=3,
                                                label="Quý III/2026", start=dt.date(2026, 6, 15),
                                                end=dt.date(2026, 9, 14), due_date=dt.date(2026, 9, 15))
        world.periods[code] = period
        submission = Submission.objects.create(period=period, unit=unit, summary="Nháp")
        world.subs[code] = submission
        world.recs[code] = Recommendation.objects.create(title=f"Kiến nghị của {code}", body="Nội dung",
                                                         raised_by_unit=unit, routed_to=unit)
        run = ImportRun(unit=unit, filename="ke-hoach.txt", state="succeeded", document=document)
        run.file.save("ke-hoach.txt", ContentFile(b"Ke hoach"), save=True)
        world.runs[code] = run
        content = b"%PDF-1.4 minh chung"
        attachment = Attachment(submission=submission, name="minh-chung.pdf", content_type="application/pdf",
                                size=len(content), sha256=hashlib.sha256(content).hexdigest())
        attachment.file.save("minh-chung.pdf", ContentFile(content), save=True)
        world.attachments[code] = attachment
    for code in OWNERS:
        _assessment(world, code, OrgUnit.objects.get(code=code))
    _assessment(world, "published", OrgUnit.objects.get(code="gia-lai"))
    published = import_parsed_plan("matrix", _plan("published"), owner=OrgUnit.objects.get(code="gia-lai"))
    Document.objects.filter(pk=published.pk).update(status="published")
    world.docs["published"] = published
    for name, (side, role) in PERSONAS.items():
        if name == "anonymous":
            world.users[name] = AnonymousUser()
            continue
        user = create_user(f"matrix.{name}", "mat-khau-ma-tran-2026", name)
        if role is None:
            user.is_superuser = user.is_staff = True
            user.save()
        else:
            grant_role("matrix", user, OrgUnit.objects.get(code=ENTRY_UNIT if side == "entry" else OVERSIGHT_UNIT), role)
        world.users[name] = user
    return world


@pytest.fixture(scope="module")
def world(django_db_setup, django_db_blocker):
    with django_db_blocker.unblock():
        built = build_world()
        yield built
        from django.core.management import call_command

        call_command("flush", "--no-input", verbosity=0)


# --- the routes -----------------------------------------------------------------------------------


def routed_names() -> dict[str, str]:
    """Every named URL the project routes (namespace:name → pattern), the admin site's aside."""
    found: dict[str, str] = {}

    def walk(patterns: list[Any], prefix: str, namespace: str) -> None:
        for pattern in patterns:
            if isinstance(pattern, URLResolver):
                ns = f"{namespace}{pattern.namespace}:" if pattern.namespace else namespace
                walk(pattern.url_patterns, prefix + str(pattern.pattern), ns)
            elif isinstance(pattern, URLPattern):
                found[f"{namespace}{pattern.name or '(unnamed)'}"] = prefix + str(pattern.pattern)

    walk(get_resolver().url_patterns, "", "")
    return {name: path for name, path in found.items() if not path.startswith("admin/")}


def test_every_routed_url_has_a_rule():
    missing = sorted(set(routed_names()) - set(ROUTES))
    assert not missing, f"URLs without a permission rule in tests/test_permission_matrix.py: {missing}"
    unnamed = [name for name in routed_names() if name.endswith("(unnamed)")]
    assert not unnamed, f"Name these URLs so they can have a rule: {unnamed}"


def fingerprint() -> tuple[Any, ...]:
    return (
        AuditEvent.objects.count(),
        tuple(Submission.objects.order_by("pk").values_list("pk", "state", "version", "summary")),
        tuple(Document.objects.order_by("pk").values_list("pk", "status")),
        tuple(Task.objects.order_by("pk").values_list("pk", "name")),
        Target.objects.count(),
        tuple(Recommendation.objects.order_by("pk").values_list("pk", "state", "answer")),
        *_assessment_fingerprint(),
    )


def _assessment_fingerprint() -> tuple[Any, ...]:
    from giamsat.assessment.models import CriteriaSet, Criterion, Entry, Evidence, Participant, Round

    return (
        tuple(CriteriaSet.objects.order_by("pk").values_list("pk", "frozen_at")),
        tuple(Criterion.objects.order_by("pk").values_list("pk", "title", "max_points")),
        tuple(Round.objects.order_by("pk").values_list("pk", "state")),
        tuple(Participant.objects.order_by("pk").values_list("pk", "state", "total")),
        tuple(Entry.objects.order_by("pk").values_list("pk", "self_score", "verified_score", "verify_comment", "reply")),
        Evidence.objects.count(),
    )


def _request(client: Any, rule: Rule, url: str, data: dict[str, Any]) -> Any:
    if rule.method == "GET":
        return client.get(url, data)
    if rule.json:
        return client.generic(rule.method, url, data=__import__("json").dumps(data), content_type="application/json")
    return client.post(url, data)


REFUSED = {302, 401, 403, 404, 405}


def _check(client: Any, persona: str, name: str, rule: Rule, url: str, data: dict[str, Any], allowed: bool,
           problems: list[str]) -> None:
    with transaction.atomic():
        before = fingerprint()
        response = _request(client, rule, url, data)
        after = fingerprint()
        transaction.set_rollback(True)
    status = response.status_code
    if status >= 500:
        problems.append(f"{persona} {rule.method} {name} {url}: server error {status}")
    elif allowed and status in (401, 403, 404) :
        problems.append(f"{persona} {rule.method} {name} {url}: refused ({status}) but should be allowed")
    elif allowed and status == 302 and "/dang-nhap/" in response.get("Location", ""):
        problems.append(f"{persona} {rule.method} {name} {url}: sent to login but should be allowed")
    elif allowed and rule.changes and before == after:
        problems.append(f"{persona} {rule.method} {name} {url}: allowed, but the action changed nothing")
    elif not allowed:
        if status not in REFUSED and not (status == 200 and rule.method != "GET" and before == after):
            problems.append(f"{persona} {rule.method} {name} {url}: answered {status} but should be refused")
        if before != after:
            problems.append(f"{persona} {rule.method} {name} {url}: refused request changed data")
        if status == 302 and persona != "anonymous" and rule.method == "GET":
            problems.append(f"{persona} GET {name} {url}: redirected instead of refused")


@pytest.mark.django_db
@pytest.mark.parametrize("persona", list(PERSONAS))
def test_the_permission_matrix(world, client, persona):
    from django.urls import reverse

    user = world.users[persona]
    if persona != "anonymous":
        client.force_login(user)
    side = PERSONAS[persona][0]
    problems: list[str] = []
    for name, rule in sorted(ROUTES.items()):
        if rule.skip or name not in routed_names():
            continue
        if rule.policy in PAGE_POLICIES:
            kwargs = rule.kwargs(world, "") if rule.kwargs else {}
            data = rule.data(world, "") if rule.data else {}
            _check(client, persona, name, rule, reverse(name, kwargs=kwargs), data,
                   persona in PAGE_POLICIES[rule.policy], problems)
            continue
        for relation, owner in RELATIONS[side].items():
            kwargs = rule.kwargs(world, owner) if rule.kwargs else {}
            data = rule.data(world, owner) if rule.data else {}
            allowed = OBJECT_POLICIES[rule.policy](persona, relation)
            _check(client, persona, name, rule, reverse(name, kwargs=kwargs), data, allowed, problems)
    assert not problems, "\n".join(problems)


def test_anonymous_sees_no_draft_anywhere(world, client):
    """Every URL the project routes, requested without login, refuses or shows only published data."""
    from django.urls import reverse

    drafts = [d.title for code, d in world.docs.items() if code != "published"]
    leaks: list[str] = []
    for name, rule in ROUTES.items():
        if rule.skip or name not in routed_names() or rule.method != "GET":
            continue
        owners = [""] if rule.policy in PAGE_POLICIES else list(
            RELATIONS["oversight"].values())
        for owner in owners:
            kwargs = rule.kwargs(world, owner) if rule.kwargs else {}
            response = client.get(reverse(name, kwargs=kwargs))
            body = response.content.decode("utf-8", errors="replace") if response.status_code == 200 else ""
            leaks += [f"{name}: {title}" for title in drafts if title in body]
            if response.status_code == 200 and rule.policy not in ("public",):
                leaks.append(f"{name} answered 200 to an anonymous visitor")
    assert not leaks, "\n".join(leaks)

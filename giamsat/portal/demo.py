"""The demo data set: units, the five seed plans read through the import pipeline, the
sample plan we wrote, one account per role, and generated reports marked as demo data."""

from __future__ import annotations

import contextlib
import datetime as dt
import hashlib
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from django.conf import settings
from django.contrib.auth import get_user_model
from django.db import transaction
from rapidfuzz import fuzz

from giamsat.ingest.restore import restore_text
from giamsat.org.actions import create_user, grant_role, load_vietnam_registry
from giamsat.org.models import OrgUnit, Role, UnitKind
from giamsat.plans.actions import PlanError, publish_plan
from giamsat.plans.importing import import_file
from giamsat.plans.matching import fold
from giamsat.plans.models import Document, DocumentStatus, ImportRun

DEMO_PASSWORD = "giamsat-demo-2026"
SAMPLE_PLAN = Path(__file__).resolve().parent.parent / "ingest" / "samples" / "sample_plan.txt"


@dataclass(frozen=True)
class DemoAccount:
    username: str
    full_name: str
    unit_code: str
    role: Role
    title: str


DEMO_ACCOUNTS = [
    DemoAccount("quantri", "Quản trị hệ thống", "viet-nam", Role.ADMIN, "Quản trị viên"),
    DemoAccount("bcd.dongnai", "Nguyễn Văn An", "dong-nai", Role.STEERING, "Phó Trưởng Ban Chỉ đạo tỉnh"),
    DemoAccount("thuongtruc.dongnai", "Trần Thị Bình", "dong-nai", Role.STANDING_AGENCY,
                "Chuyên viên Sở Khoa học và Công nghệ (cơ quan thường trực)"),
    DemoAccount("lanhdao.sotaichinh", "Lê Văn Cường", "dong-nai.so-tai-chinh", Role.APPROVER, "Giám đốc Sở Tài chính"),
    DemoAccount("baocao.sotaichinh", "Phạm Thị Dung", "dong-nai.so-tai-chinh", Role.REPORTER, "Chuyên viên Sở Tài chính"),
    DemoAccount("lanhdao.sokhcn", "Hoàng Văn Em", "dong-nai.so-khcn", Role.APPROVER, "Giám đốc Sở Khoa học và Công nghệ"),
    DemoAccount("baocao.sokhcn", "Vũ Thị Giang", "dong-nai.so-khcn", Role.REPORTER, "Chuyên viên Sở Khoa học và Công nghệ"),
    DemoAccount("baocao.soyte", "Đỗ Văn Hải", "dong-nai.so-y-te", Role.REPORTER, "Chuyên viên Sở Y tế"),
    DemoAccount("thuongtruc.longbinh", "Bùi Thị Lan", "phuong-long-binh", Role.STANDING_AGENCY,
                "Văn phòng Đảng ủy phường Long Bình"),
    DemoAccount("baocao.longbinh", "Ngô Văn Minh", "phuong-long-binh.ubnd", Role.REPORTER, "Công chức UBND phường"),
    DemoAccount("lanhdao.longbinh", "Đặng Thị Nga", "phuong-long-binh.ubnd", Role.APPROVER, "Chủ tịch UBND phường"),
]


_HEADER_DATE = re.compile(r"ngay\s*(\d{1,2})\s*thang\s*(\d{1,2})\s*nam\s*(\d{4})")


def guess_owner(text: str) -> OrgUnit | None:
    """The unit a plan belongs to, from its header.

    The unit named earliest in the header wins (the issuer block comes first); communes
    before provinces at the same place; between a merged province's old and new unit,
    the one in force on the date written in the header.
    """
    raw_header = "\n".join(text.splitlines()[:25])
    header = fold(raw_header) + "\n" + fold(restore_text(raw_header))
    found = _HEADER_DATE.search(header)
    try:
        issued = dt.date(int(found.group(3)), int(found.group(2)), int(found.group(1))) if found else None
    except ValueError:
        issued = None
    best: tuple[int, int, int, OrgUnit] | None = None
    for unit in OrgUnit.objects.filter(kind__in=[UnitKind.COMMUNE, UnitKind.PROVINCE]):
        name = fold(unit.short_name or re.sub(r"^(Phường|Xã|Tỉnh|Thành phố) ", "", unit.name))
        if not name or (issued is not None and not unit.is_active(issued)):
            continue
        match = re.search(rf"(?<![a-z]){re.escape(name)}(?![a-z])", header)
        if match is not None:
            position = match.start()
        else:
            # OCR may have damaged the name in every copy: accept a close match, ranked after exact ones.
            aligned = fuzz.partial_ratio_alignment(name, header, score_cutoff=85)
            if aligned is None or len(name) < 6:
                continue
            position = len(header) + aligned.dest_start
        rank = (position, 0 if unit.kind == UnitKind.COMMUNE else 1, -len(name), unit)
        if best is None or rank[:3] < best[:3]:
            best = rank
    return best[3] if best else None


def ensure_sample_unit() -> OrgUnit:
    province = OrgUnit.objects.get(code="dong-nai")
    unit = OrgUnit.objects.filter(code="xa-mau").first()
    if unit is None:
        unit = OrgUnit(code="xa-mau", name="Xã Mẫu (đơn vị minh hoạ)", kind=UnitKind.COMMUNE, parent=province,
                       is_demo=True, note="Đơn vị minh hoạ cho kế hoạch mẫu do nhóm giamsat soạn.")
        unit.save()
    return unit


def demo_documents() -> list[tuple[Path, OrgUnit | None]]:
    seeds_dir = Path(settings.SHARED_DIR) / "seeds"
    found: list[tuple[Path, OrgUnit | None]] = []
    if seeds_dir.is_dir():
        for path in sorted(seeds_dir.glob("*.txt")):
            found.append((path, guess_owner(path.read_text(encoding="utf-8", errors="replace"))))
    if SAMPLE_PLAN.is_file():
        found.append((SAMPLE_PLAN, ensure_sample_unit()))
    return found


def import_demo_plans(log: Any = print) -> list[Document]:
    documents: list[Document] = []
    for path, owner in demo_documents():
        data = path.read_bytes()
        done = ImportRun.objects.filter(sha256=hashlib.sha256(data).hexdigest(), state=ImportRun.State.SUCCEEDED,
                                        document__isnull=False).first()
        if done is not None and done.document is not None:
            documents.append(done.document)
            continue
        run = import_file(None, data, path.name, owner, is_demo=True)
        if run.document is None:
            log(f"  ! {path.name}: {run.error}")
            continue
        try:
            publish_plan("demo", run.document)
        except PlanError as exc:
            log(f"  ! {path.name}: {exc}")
        run.document.refresh_from_db()
        documents.append(run.document)
        log(f"  + {path.name} → {run.document} ({owner or 'chưa xác định đơn vị'}): "
            f"{run.document.targets.count()} chỉ tiêu, {run.document.tasks.count()} nhiệm vụ")
    return documents


@transaction.atomic
def create_demo_accounts() -> list[DemoAccount]:
    user_model = get_user_model()
    for account in DEMO_ACCOUNTS:
        user = user_model.objects.filter(username=account.username).first()
        if user is None:
            user = create_user(account.username, DEMO_PASSWORD, account.full_name, email=f"{account.username}@giamsat.local")
        if account.role == Role.ADMIN and not user.is_superuser:
            user.is_superuser = user.is_staff = True
            user.save(update_fields=["is_superuser", "is_staff"])
        grant_role("demo", user, OrgUnit.objects.get(code=account.unit_code), account.role, account.title)
    return DEMO_ACCOUNTS


def build_demo(log: Any = print) -> None:
    log("Nạp danh mục đơn vị …")
    load_vietnam_registry("demo")
    log("Đọc và nhập các kế hoạch …")
    documents = import_demo_plans(log)
    create_demo_accounts()
    with contextlib.suppress(ImportError):
        from giamsat.assessment.sample import load_sample_criteria
        load_sample_criteria("demo")
    with contextlib.suppress(ImportError):
        from giamsat.alignment.demo import prepare_alignment
        log("Đối chiếu chỉ tiêu với danh mục chuẩn …")
        prepare_alignment(log)
    try:
        from giamsat.reporting.demo import generate_demo_reports
    except ImportError:
        return
    published = [d for d in documents if d.status == DocumentStatus.PUBLISHED]
    log("Sinh số liệu báo cáo mẫu …")
    generate_demo_reports(published, log=log)

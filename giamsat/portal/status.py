"""Colours of statuses. Labels come from `giamsat.domain.states`; rules live in `giamsat.evaluate`."""

from __future__ import annotations

import json
from typing import Any

from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext, gettext_noop

_JSON_ESCAPES = {ord(">"): "\\u003E", ord("<"): "\\u003C", ord("&"): "\\u0026"}


def json_for_script(data: Any) -> SafeString:
    """JSON safe inside <script type="application/json"> (as Django's json_script escapes it)."""
    return mark_safe(json.dumps(data, ensure_ascii=False).translate(_JSON_ESCAPES))

_TONES = {
    # evaluator task statuses
    "completed_on_time": "ok", "completed_late": "warn", "in_progress_on_time": "info",
    "in_progress_overdue": "bad", "not_started_on_time": "none", "not_started_overdue": "bad",
    "at_risk": "warn", "suspended": "none", "not_reported": "none",
    # target statuses
    "achieved": "ok", "on_track": "info", "off_track": "bad", "no_data": "none",
    # submissions
    "draft": "none", "submitted": "info", "returned": "bad", "approved": "ok",
    # documents
    "published": "ok", "archived": "none",
    # import runs
    "queued": "none", "running": "info", "succeeded": "ok", "failed": "bad",
    # recommendations
    "new": "warn", "in_progress": "info", "answered": "ok", "closed": "none",
    # reported task states
    "not_started": "none", "completed": "ok",
}

# Chart colours by tone, matching portal.css.
TONE_COLOURS = {"ok": "#1e7b45", "info": "#0b5cad", "warn": "#d08c00", "bad": "#b3261e", "none": "#9aa5b1"}


def tone_for(status: str) -> str:
    return _TONES.get(status, "none")


def colour_for(status: str) -> str:
    return TONE_COLOURS[tone_for(status)]



# The domain's labels (giamsat.domain.states), listed so makemessages offers them for translation.
_TRANSLATABLE = (
    gettext_noop("Hoàn thành đúng hạn"), gettext_noop("Hoàn thành quá hạn"), gettext_noop("Đang thực hiện trong hạn"),
    gettext_noop("Đang thực hiện quá hạn"), gettext_noop("Chưa triển khai, trong hạn"), gettext_noop("Chưa triển khai, quá hạn"),
    gettext_noop("Có nguy cơ chậm"), gettext_noop("Tạm dừng"), gettext_noop("Chưa báo cáo"), gettext_noop("Đã đạt"),
    gettext_noop("Đúng lộ trình"), gettext_noop("Có nguy cơ không đạt"), gettext_noop("Chệch lộ trình"),
    gettext_noop("Chưa có số liệu"), gettext_noop("Bản nháp"), gettext_noop("Đã gửi"), gettext_noop("Bị trả lại"),
    gettext_noop("Đã phê duyệt"),
)


def label_for(status: str) -> str:
    """The Vietnamese label of a task, target or submission status, in the user's language."""
    from giamsat.domain.states import SUBMISSION_STATE_LABELS, TARGET_STATUS_LABELS, TASK_STATUS_LABELS

    for labels in (TASK_STATUS_LABELS, TARGET_STATUS_LABELS, SUBMISSION_STATE_LABELS):
        for key, label in labels.items():
            if key.value == status:
                return gettext(label)
    return status

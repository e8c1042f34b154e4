"""Colours of statuses. Labels come from `giamsat.domain.states`; rules live in `giamsat.evaluate`."""

from __future__ import annotations

import json
from typing import Any

from django.utils.safestring import SafeString, mark_safe

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


def label_for(status: str) -> str:
    from giamsat.domain.states import TARGET_STATUS_LABELS, TASK_STATUS_LABELS

    for labels in (TASK_STATUS_LABELS, TARGET_STATUS_LABELS):
        for key, label in labels.items():
            if key.value == status:
                return label
    return status

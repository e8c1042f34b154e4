"""Template helpers for the portal: optional links, status colours, numbers, the user's profile."""

from __future__ import annotations

from typing import Any
from urllib.parse import urlencode

from django import template
from django.template.backends.utils import csrf_input
from django.urls import NoReverseMatch, reverse
from django.utils.safestring import SafeString, mark_safe

from giamsat.portal.caching import CSRF_MARK
from giamsat.portal.profile import Profile, profile_for
from giamsat.portal.status import tone_for

register = template.Library()


@register.simple_tag
def optional_url(name: str, *args: Any) -> str:
    """The URL of `name`, or "" when that page does not exist (yet): other apps add pages later."""
    try:
        return reverse(name, args=args)
    except NoReverseMatch:
        return ""


@register.simple_tag(takes_context=True)
def fragment_csrf_token(context: Any) -> SafeString:
    """{% csrf_token %} for templates the fragment cache may render: there a mark the page fills in per request."""
    if context.get("cached_render"):
        return mark_safe(CSRF_MARK)
    return csrf_input(context["request"])


@register.simple_tag
def portal_profile(user: Any) -> Profile:
    return profile_for(user)


@register.filter
def tone(status: Any) -> str:
    """CSS tone (ok, info, warn, bad, none) for any status value the portal shows."""
    return tone_for(str(status))


@register.filter
def percent(value: Any, digits: int = 0) -> str:
    if value is None or value == "":
        return "—"
    return f"{float(value):.{int(digits)}f}".replace(".", ",") + "%"


@register.filter
def number(value: Any, digits: int = 1) -> str:
    """Vietnamese number format: 1.234,5 (dot groups thousands, comma marks decimals)."""
    if value is None or value == "":
        return "—"
    number_ = float(value)
    text = f"{number_:,.{int(digits)}f}" if number_ % 1 else f"{number_:,.0f}"
    return text.replace(",", "\0").replace(".", ",").replace("\0", ".")


@register.simple_tag(takes_context=True)
def query_with(context: Any, **changes: Any) -> str:
    """The current query string with some parameters replaced (for sort links and pagination)."""
    params = context["request"].GET.copy()
    for key, value in changes.items():
        if value in (None, ""):
            params.pop(key, None)
        else:
            params[key] = value
    return "?" + urlencode(list(params.lists()), doseq=True) if params else "?"


@register.simple_tag(takes_context=True)
def current(context: Any, *prefixes: str) -> str:
    """aria-current for the nav link whose URL prefix matches the request path."""
    path = context["request"].path
    for prefix in prefixes:
        if prefix and (path == prefix or (prefix != "/" and path.startswith(prefix))):
            return 'aria-current="page"'
    return ""


@register.filter
def status_label(status: Any) -> str:
    """Vietnamese label of an evaluator status value (task or target)."""
    from giamsat.portal.status import label_for

    return label_for(str(status)) if status else ""


@register.filter
def get_item(mapping: Any, key: Any) -> Any:
    return mapping.get(key) if mapping else None


EVENT_LABELS = {
    "created": "Lập báo cáo", "saved": "Lưu bản nháp", "attachment_added": "Thêm tài liệu minh chứng",
    "submitted": "Gửi báo cáo", "resubmitted": "Gửi lại báo cáo", "approved": "Phê duyệt",
    "returned": "Trả lại", "reopened": "Mở lại",
}


@register.filter
def event_label(kind: str) -> str:
    """Vietnamese name of a submission event kind."""
    return EVENT_LABELS.get(kind, kind)


_COMPARATORS = {">=": "≥", "<=": "≤", ">": ">", "<": "<", "=": "=", "range": "trong khoảng", "rank_top": "trong nhóm",
                "text": ""}


@register.filter
def comparator(value: str) -> str:
    """How a milestone's comparator reads: ≥ 80, ≤ 5."""
    return _COMPARATORS.get(str(value), str(value))

"""Login throttling: after N failures for a username from one address, refuse for a while.

The check wraps Django's ModelBackend, so the admin, the portal and the API's session
login are all covered. A locked pair is refused even with the right password.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.conf import settings
from django.contrib.auth.backends import ModelBackend
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.http import HttpRequest
from django.utils import timezone

from giamsat.audit.actions import record
from giamsat.org.models import LoginThrottle

LOCKED_MESSAGE = "Tài khoản tạm thời bị khoá do đăng nhập sai nhiều lần. Vui lòng thử lại sau."


def _key(username: str, request: HttpRequest | None) -> str:
    address = request.META.get("REMOTE_ADDR", "") if request is not None else ""
    return f"{username.strip().lower()}|{address}"[:300]


def is_locked(username: str, request: HttpRequest | None) -> bool:
    throttle = LoginThrottle.objects.filter(key=_key(username, request)).first()
    return bool(throttle and throttle.locked_until and throttle.locked_until > timezone.now())


@transaction.atomic
def register_failure(username: str, request: HttpRequest | None) -> None:
    now = timezone.now()
    window = dt.timedelta(seconds=settings.GIAMSAT_LOGIN_LOCKOUT_SECONDS)
    throttle, _ = LoginThrottle.objects.select_for_update().get_or_create(key=_key(username, request))
    if throttle.first_failure_at is None or now - throttle.first_failure_at > window:
        throttle.failures, throttle.first_failure_at = 0, now
    throttle.failures += 1
    if throttle.failures >= settings.GIAMSAT_LOGIN_MAX_FAILURES:
        throttle.locked_until = now + window
        record(username or "anonymous", "org.login_locked", object_type="auth.User", object_id=username[:64],
               after={"failures": throttle.failures, "address": _key(username, request).split("|", 1)[1]})
    throttle.save()


def clear_failures(username: str, request: HttpRequest | None) -> None:
    LoginThrottle.objects.filter(key=_key(username, request)).delete()


class ThrottledModelBackend(ModelBackend):
    def authenticate(self, request: HttpRequest | None, username: str | None = None, password: str | None = None,
                     **kwargs: Any) -> Any:
        if username is None:
            username = kwargs.get("email") or ""
        if is_locked(username, request):
            raise PermissionDenied(LOCKED_MESSAGE)
        user = super().authenticate(request, username=username, password=password, **kwargs)
        if user is None:
            register_failure(username, request)
        else:
            clear_failures(username, request)
        return user

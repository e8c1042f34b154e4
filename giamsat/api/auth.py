"""Who is calling: a system with a bearer token, a portal user with a session (CSRF on unsafe
methods), or nobody (public data only). Rights are never decided here — the access helpers
of org, plans and reporting decide, exactly as for the portal."""

from __future__ import annotations

from typing import Any

from django.contrib.auth.models import AnonymousUser
from django.http import HttpRequest
from ninja.errors import AuthenticationError
from ninja.security import HttpBearer, SessionAuth

from giamsat.api.models import ApiToken


class ApiTokenAuth(HttpBearer):
    """`Authorization: Bearer gs_…`. A wrong or revoked token is refused outright (401), not treated
    as anonymous, so a system with a broken token notices."""

    def authenticate(self, request: HttpRequest, token: str) -> Any:
        found = ApiToken.authenticate(token)
        if found is None:
            raise AuthenticationError()
        request.user = found.user
        request.api_token = found  # type: ignore[attr-defined]
        return found.user


class PortalSessionAuth(SessionAuth):
    """The portal's session; the CSRF check (unsafe methods) runs only for a logged-in user."""

    def __call__(self, request: HttpRequest) -> Any:
        if not request.user.is_authenticated:
            return None
        return super().__call__(request)


def anonymous(request: HttpRequest) -> Any:
    """Lets a read through without credentials; the access helpers then show published data only."""
    if not getattr(request, "user", None) or request.user.is_authenticated:
        return None
    return AnonymousUser()


token_auth = ApiTokenAuth()
session_auth = PortalSessionAuth()
READ_AUTH = [token_auth, session_auth, anonymous]
WRITE_AUTH = [token_auth, session_auth]


def caller(request: HttpRequest) -> Any:
    """The user the request acts as (AnonymousUser for public reads)."""
    user = getattr(request, "auth", None)
    return user if user is not None and hasattr(user, "is_authenticated") else AnonymousUser()

"""State changes for API tokens: issue and revoke, each audited."""

from __future__ import annotations

from typing import Any

from django.db import transaction
from django.utils import timezone

from giamsat.api.models import ApiToken
from giamsat.audit.actions import record


@transaction.atomic
def issue_token(actor: Any, user: Any, name: str) -> tuple[ApiToken, str]:
    """Create a token for `user`; returns the row and the raw token (shown once, never stored)."""
    token, raw = ApiToken.issue(user, name)
    record(actor, "api.token_issued", token, after={"user": user.username, "name": name})
    return token, raw


@transaction.atomic
def revoke_token(actor: Any, token: ApiToken) -> ApiToken:
    if token.revoked is None:
        token.revoked = timezone.now()
        token.save(update_fields=["revoked"])
        record(actor, "api.token_revoked", token, after={"revoked": token.revoked.isoformat()})
    return token

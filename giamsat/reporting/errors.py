"""What reporting actions raise. Every message is Vietnamese and names the row or the rule that failed.

All are `ReportingError`, so a view can catch one class and show the message; the permission one is
also Django's `PermissionDenied` (a view that does not catch it answers 403).
"""

from __future__ import annotations

from django.core.exceptions import PermissionDenied


class ReportingError(Exception):
    """A reporting action cannot be done as asked. `errors` lists per-row problems when there are several."""

    def __init__(self, message: str, errors: list[str] | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.errors = list(errors or [])

    def __str__(self) -> str:
        if not self.errors:
            return self.message
        return self.message + "\n" + "\n".join(f"- {e}" for e in self.errors)


class NotAllowed(ReportingError, PermissionDenied):
    """The actor's role on the unit does not allow this step."""


class ValidationError(ReportingError):
    """The data is wrong (type, range, missing date, file type or size); nothing was saved."""


class ConflictError(ReportingError):
    """Someone saved the same submission since it was loaded; reload and apply the change again."""


class LockedError(ReportingError):
    """The submission is submitted or approved: it changes only through return or reopen."""

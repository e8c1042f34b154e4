"""What assessment actions raise: Vietnamese messages a view can show as they are."""

from __future__ import annotations

from django.core.exceptions import PermissionDenied


class AssessmentError(Exception):
    def __init__(self, message: str, errors: list[str] | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.errors = list(errors or [])

    def __str__(self) -> str:
        return self.message if not self.errors else self.message + "\n" + "\n".join(f"- {e}" for e in self.errors)


class NotAllowed(AssessmentError, PermissionDenied):
    """The actor's role does not allow this step."""


class FrozenError(AssessmentError):
    """The criteria set is used by a round: it can no longer be edited."""


class InvalidInput(AssessmentError):
    """A score, a file, a date or a workbook is wrong; nothing was saved."""


class LockedError(AssessmentError):
    """The round or the unit's self-assessment no longer accepts this change."""

"""The JSON API (django-ninja, OpenAPI at /api/openapi.json)."""

from __future__ import annotations

from django.http import HttpRequest
from ninja import NinjaAPI, Schema

api = NinjaAPI(title="giamsat API", version="1", urls_namespace="api")


class HealthOut(Schema):
    status: str


@api.get("/health", response=HealthOut, auth=None, tags=["system"])
def health(request: HttpRequest) -> dict[str, str]:
    return {"status": "ok"}

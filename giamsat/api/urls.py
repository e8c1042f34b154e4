"""Mounted at /api/. The NinjaAPI brings its own URL namespace, "api" (e.g. `api:openapi-json`)."""

from django.urls import path

from giamsat.api.api import api

urlpatterns = [path("", api.urls)]

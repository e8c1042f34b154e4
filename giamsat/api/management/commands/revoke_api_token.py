"""Revoke an API token by its number: `giamsat revoke_api_token 12`. Calls with it get 401 from then on."""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from giamsat.api.actions import revoke_token
from giamsat.api.models import ApiToken


class Command(BaseCommand):
    help = "Thu hồi khoá API theo số thứ tự."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("token_id", type=int)

    def handle(self, *args: Any, **options: Any) -> None:
        token = ApiToken.objects.filter(pk=options["token_id"]).first()
        if token is None:
            raise CommandError(f"Không có khoá API số {options['token_id']}.")
        revoke_token("cli", token)
        self.stdout.write(f"Đã thu hồi khoá #{token.pk} ({token.name}) của {token.user}.")

"""Create an API token for a user and print it once: `giamsat create_api_token USERNAME "Hệ thống X"`."""

from __future__ import annotations

from typing import Any

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError, CommandParser

from giamsat.api.actions import issue_token


class Command(BaseCommand):
    help = "Tạo khoá API cho một người dùng; khoá chỉ được in ra một lần."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("username")
        parser.add_argument("name", help="Tên hệ thống hoặc mục đích sử dụng khoá")

    def handle(self, *args: Any, **options: Any) -> None:
        user = get_user_model().objects.filter(username=options["username"]).first()
        if user is None:
            raise CommandError(f"Không có người dùng '{options['username']}'.")
        token, raw = issue_token("cli", user, options["name"])
        self.stderr.write(f"Đã tạo khoá #{token.pk} cho {user.username} ({token.name}). Hãy lưu lại: khoá chỉ hiện một lần.")
        self.stdout.write(raw)

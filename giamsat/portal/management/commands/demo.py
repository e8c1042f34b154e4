from __future__ import annotations

import subprocess
import sys
from typing import Any

from django.core.management import call_command
from django.core.management.base import BaseCommand

from giamsat.portal.demo import DEMO_ACCOUNTS, DEMO_PASSWORD, build_demo


class Command(BaseCommand):
    help = "Dựng dữ liệu mẫu (5 kế hoạch, tài khoản theo vai trò, báo cáo mẫu) và chạy ứng dụng tại http://127.0.0.1:8000"

    def add_arguments(self, parser: Any) -> None:
        parser.add_argument("--no-serve", action="store_true", help="Chỉ dựng dữ liệu, không chạy máy chủ")
        parser.add_argument("--addr", default="127.0.0.1:8000")

    def handle(self, *args: Any, **options: Any) -> None:
        call_command("migrate", verbosity=0)
        build_demo(log=self.stdout.write)
        self.stdout.write(f"\nTài khoản mẫu (mật khẩu chung: {DEMO_PASSWORD}):")
        for account in DEMO_ACCOUNTS:
            self.stdout.write(f"  {account.username:22} {account.role.label} — {account.title}")
        if options["no_serve"]:
            return
        self.stdout.write(f"\nMở http://{options['addr']}/ (Ctrl+C để dừng)\n")
        worker = subprocess.Popen([sys.executable, "-m", "giamsat.cli", "run_huey", "--workers", "1"])
        try:
            call_command("runserver", options["addr"], use_reloader=False)
        finally:
            worker.terminate()

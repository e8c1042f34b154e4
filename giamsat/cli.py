"""The `giamsat` command: one entry point for people and scripts.

Pure commands (parse, restore) run without a database. The rest are Django
management commands; any other word is passed to Django's manage.py.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from collections.abc import Sequence

PURE_COMMANDS = {"parse", "restore"}
DJANGO_COMMANDS = {"demo": "demo", "import": "import_plan", "evaluate": "evaluate", "synth": "synth",
                   "align": "align", "backup": "backup", "restore-backup": "restore_backup"}


def _parse(argv: Sequence[str]) -> int:
    parser = argparse.ArgumentParser(prog="giamsat parse", description="Đọc một văn bản kế hoạch, in JSON.")
    parser.add_argument("path")
    parser.add_argument("--no-progress", action="store_true")
    args = parser.parse_args(argv)
    from giamsat.ingest.errors import IngestError
    from giamsat.ingest.pipeline import parse_path

    try:
        plan = parse_path(args.path)
    except (IngestError, OSError) as exc:
        print(f"Lỗi: {exc}", file=sys.stderr)
        return 2
    json.dump(plan.to_json(), sys.stdout, ensure_ascii=False, indent=2)
    sys.stdout.write("\n")
    return 0


def _restore(argv: Sequence[str]) -> int:
    argparse.ArgumentParser(prog="giamsat restore", description="Khôi phục dấu tiếng Việt (stdin → stdout).").parse_args(argv)
    from giamsat.ingest.restore import restore_text

    data = sys.stdin.buffer.read().decode("utf-8", errors="replace")
    sys.stdout.write(restore_text(data))
    return 0


def main(argv: Sequence[str] | None = None) -> int:
    args = list(sys.argv[1:] if argv is None else argv)
    if not args or args[0] in {"-h", "--help"}:
        print(
            "giamsat — giám sát, đánh giá thực hiện Nghị quyết 57\n\n"
            "  giamsat demo                  chạy ứng dụng mẫu với 5 kế hoạch (http://127.0.0.1:8000)\n"
            "  giamsat parse PATH            đọc văn bản kế hoạch, in JSON\n"
            "  giamsat restore               khôi phục dấu tiếng Việt (stdin → stdout)\n"
            "  giamsat import PATH --unit CODE  nhập kế hoạch làm bản nháp\n"
            "  giamsat evaluate --as-of YYYY-MM-DD [--unit CODE] [--json]\n"
            "  giamsat synth                 sinh dữ liệu tổng hợp quy mô quốc gia\n"
            "  giamsat <lệnh Django>         ví dụ: giamsat migrate, giamsat createsuperuser"
        )
        return 0
    command, rest = args[0], args[1:]
    if command in PURE_COMMANDS:
        try:
            return _parse(rest) if command == "parse" else _restore(rest)
        except BrokenPipeError:
            # The reader went away (`giamsat parse plan.pdf | head`): stop quietly, as Unix tools do.
            # Python's recommended handling: point stdout at devnull so the exit flush cannot fail again.
            os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
            return 1
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "giamsat.settings")
    from django.core.management import execute_from_command_line

    execute_from_command_line(["giamsat", DJANGO_COMMANDS.get(command, command), *rest])
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

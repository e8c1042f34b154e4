"""`python -m giamsat.ingest PATH` prints the parsed plan as JSON."""

from __future__ import annotations

import json
import sys

from .errors import IngestError
from .pipeline import parse_path


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    if not args:
        print("usage: python -m giamsat.ingest PATH", file=sys.stderr)
        return 2
    try:
        plan = parse_path(args[0])
    except IngestError as exc:
        print(json.dumps({"error": str(exc), "code": exc.code}, ensure_ascii=False), file=sys.stderr)
        return 1
    print(json.dumps(plan.to_json(), ensure_ascii=False, indent=2))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

"""`giamsat parse` and `giamsat restore` are used in pipes: a reader that stops early (`| head`) ends them
quietly, without a Python traceback on the terminal."""

from __future__ import annotations

import subprocess
import sys

from giamsat.ingest.samples.build import SAMPLE_PLAN

CLI = "from giamsat.cli import main; raise SystemExit(main())"


def _closed_early(*args: str, stdin: bytes = b"") -> tuple[int, str]:
    run = subprocess.Popen([sys.executable, "-c", CLI, *args], stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                           stderr=subprocess.PIPE)
    assert run.stdout is not None and run.stdin is not None and run.stderr is not None
    run.stdout.close()                      # the reader is gone before anything is printed
    run.stdin.write(stdin)
    run.stdin.close()
    err = run.stderr.read().decode()
    return run.wait(timeout=180), err


def test_parse_into_a_closed_pipe_ends_without_a_traceback() -> None:
    code, err = _closed_early("parse", str(SAMPLE_PLAN))
    assert "Traceback" not in err and "BrokenPipeError" not in err
    assert code == 1


def test_restore_into_a_closed_pipe_ends_without_a_traceback() -> None:
    code, err = _closed_early("restore", stdin=b"Ke hoach chuyen doi so tinh\n" * 2000)
    assert "Traceback" not in err
    assert code == 1

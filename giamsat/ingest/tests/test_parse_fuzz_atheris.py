"""Coverage-guided fuzzing (atheris/libFuzzer) of the reader, bounded in runs, time and memory.

The fuzzer mutates small valid text, DOCX and PDF files and feeds every mutant to `parse_bytes`; any exception
other than `IngestError`, a run over 60 s or over 2 GB of memory makes libFuzzer stop with an error and leave the
input in the artifact folder, which this test prints. The hypothesis tests beside it cover the text path with
structured input; this one reaches the binary readers' branches by coverage.
"""

from __future__ import annotations

import base64
import importlib.util
import platform
import re
import subprocess
import sys
from pathlib import Path

import pytest

from giamsat.testing import require_tool

KEPT = Path(__file__).resolve().parents[3] / "var" / "fuzz-artifacts"


def _keep(artifacts: Path, names: list[str]) -> list[str]:
    """The failing inputs outlive pytest's temporary folder: copied to var/fuzz-artifacts/ and, when small, given
    in the failure message as base64, so that a CI log alone lets one replay them through `parse_bytes`."""
    KEPT.mkdir(parents=True, exist_ok=True)
    out = []
    for name in names:
        data = (artifacts / name).read_bytes()
        (KEPT / name).write_bytes(data)
        out.append(f"{name} ({len(data)} bytes, kept in {KEPT})"
                   + (f" base64:{base64.b64encode(data).decode()}" if len(data) <= 4096 else ""))
    return out


@pytest.mark.slow
def test_mutated_documents_never_crash_the_reader(tmp_path: Path) -> None:
    if platform.machine() != "x86_64":
        pytest.skip("atheris publishes wheels for x86_64 only (pyproject installs it there)")
    require_tool(importlib.util.find_spec("atheris") is not None, "atheris")
    corpus, artifacts = tmp_path / "corpus", tmp_path / "artifacts"
    module = "giamsat.ingest.tests.fuzz_parse"
    subprocess.run([sys.executable, "-m", module, "--seed-corpus", str(corpus)], check=True)
    artifacts.mkdir()
    run = subprocess.run(
        [sys.executable, "-m", module, str(corpus), "-runs=400", "-max_total_time=45", "-timeout=60",
         "-rss_limit_mb=2048", "-max_len=65536", f"-artifact_prefix={artifacts}/", "-print_final_stats=1"],
        capture_output=True, text=True, timeout=600)
    # libFuzzer also leaves "slow-unit-*" files (an input over 10 s of wall time, as a loaded machine gives):
    # a note, not a failure; crashes, memory and time-outs are.
    found = sorted(p.name for p in artifacts.iterdir() if not p.name.startswith("slow-unit-"))
    assert run.returncode == 0 and not found, (_keep(artifacts, found), run.stderr[-4000:])
    done = re.search(r"Done (\d+) runs", run.stderr)
    assert done and int(done.group(1)) >= 10, run.stderr[-2000:]

"""What a user waits for: `giamsat parse` of the largest OCR seed (~70 KB) in a new process, one core.

Usage: .venv/bin/python benchmarks/bench_start.py [--runs N] [SHARED_DIR]

`bench_parse.py` times a warm process (its caches filled); a user's `giamsat parse FILE`, or a web worker's first
plan, pays for Python's start, the imports, the restorer's model and a first parse whose caches are empty. Printed,
each the median of N new processes (CPU time, user + system: wall time measures the neighbours on a shared machine):
- `giamsat parse FILE` as a whole (the child's CPU time, `resource.getrusage(RUSAGE_CHILDREN)`), JSON to /dev/null;
- its split, timed inside a like process (`time.process_time` between the steps): Python's start, importing the
  engine, loading the restorer's model (its built tables, `restore/tables.py`), the first parse, writing the JSON;
- the same process's imports with compiled bytecode (.pyc files in a temporary folder, written by a first run): what
  an installed package sees where this machine sets PYTHONDONTWRITEBYTECODE;
- a reference in the same run: a new process that starts Python, imports json, reads the file and splits it into
  words, and the ratio of `giamsat parse` to it.
No figure is checked against a bound: timings are printed, the tests check behaviour.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]

REFERENCE = "import json, sys\nwords = open(sys.argv[1], encoding='utf-8').read().split()\njson.dumps(len(words))\n"
CLI = "import sys\nfrom giamsat.cli import main\nsys.exit(main(['parse', sys.argv[1]]))\n"
# The split: CPU time at each step of a `giamsat parse`, printed as JSON on stderr.
SPLIT = """\
import json, os, sys, time
marks = [("start", time.process_time())]
from giamsat.cli import main  # noqa: F401
from giamsat.ingest import restore
from giamsat.ingest.pipeline import parse_path
marks.append(("import", time.process_time()))
restore.get_restorer()
marks.append(("model", time.process_time()))
plan = parse_path(sys.argv[1])
marks.append(("parse", time.process_time()))
with open(os.devnull, "w", encoding="utf-8") as out:
    json.dump(plan.to_json(), out, ensure_ascii=False, indent=2)
marks.append(("json", time.process_time()))
sys.stderr.write(json.dumps({k: t - (marks[i - 1][1] if i else 0.0) for i, (k, t) in enumerate(marks)}))
"""
IMPORT = "from giamsat.cli import main\nfrom giamsat.ingest.pipeline import parse_path\n"


def _child_cpu(code: str, path: Path, env: dict[str, str]) -> tuple[float, str]:
    """CPU seconds (user + system) of a new Python process running `code` on `path`, and what it wrote on stderr."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    done = subprocess.run([sys.executable, "-c", code, str(path)], env=env, cwd=ROOT, check=True,
                          stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime), done.stderr


def _ms(seconds: float) -> str:
    return f"{seconds * 1000:7.0f} ms"


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("shared", nargs="?", default=os.environ.get("GIAMSAT_SHARED_DIR", ROOT.parent / "shared"))
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    path = max((Path(args.shared) / "seeds").glob("*.txt"), key=lambda p: p.stat().st_size)
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    _child_cpu(CLI, path, env)  # the restorer's tables written beside the model, the files in the page cache
    whole, ref, splits = [], [], []
    for _ in range(args.runs):  # in turn, so a change in the machine's load falls on all of them alike
        whole.append(_child_cpu(CLI, path, env)[0])
        ref.append(_child_cpu(REFERENCE, path, env)[0])
        splits.append(json.loads(_child_cpu(SPLIT, path, env)[1]))
    with tempfile.TemporaryDirectory() as pyc:
        compiled = {**env, "PYTHONPYCACHEPREFIX": pyc}
        compiled.pop("PYTHONDONTWRITEBYTECODE", None)
        _child_cpu(IMPORT, path, compiled)  # writes the .pyc files
        imports_pyc = statistics.median(_child_cpu(IMPORT, path, compiled)[0] for _ in range(args.runs))
        imports_src = statistics.median(_child_cpu(IMPORT, path, env)[0] for _ in range(args.runs))
    size = path.stat().st_size
    cli, base = statistics.median(whole), statistics.median(ref)
    print(f"file: {path.name} ({size / 1024:.1f} KB); median of {args.runs} new processes, CPU time (user + system)")
    print(f"giamsat parse FILE, whole process:       {_ms(cli)}  ({'under' if cli < 1 else 'over'} 1 s)")
    print(f"reference (start Python, json, split):   {_ms(base)}  ratio {cli / base:.1f}x")
    print("split (inside a like process, process_time between steps):")
    for step, label in (("start", "Python's start"), ("import", "imports (giamsat.cli, the engine)"),
                        ("model", "restorer's model (built tables)"), ("parse", "first parse"),
                        ("json", "JSON written")):
        print(f"  {label:38s} {_ms(statistics.median(s[step] for s in splits))}")
    print(f"imports alone, whole process: {_ms(imports_src)} as run here"
          f"{' (PYTHONDONTWRITEBYTECODE: sources compiled each time)' if os.environ.get('PYTHONDONTWRITEBYTECODE') else ''}"
          f", {_ms(imports_pyc)} from .pyc files")


if __name__ == "__main__":
    main()

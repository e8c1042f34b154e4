"""The compiled programs of the reader's regular expressions, kept between processes (`rxcache.json` beside this
module, not in git).

Python compiles a regular expression in Python code (`re._parser`, `re._compiler`), and the reader has many: its
modules compile about 430 when they are imported and a parse of an OCR'd plan some 230 more, a tenth of the CPU time
of a new process's `giamsat parse`. `scripts/setup.sh` runs `python -m giamsat.ingest.rxcache`, which records the
program of every pattern compiled while the reader's modules are imported and the sample plans are parsed (as typed,
and damaged like OCR text); `install()`, run when `giamsat.ingest` is imported, then hands a recorded pattern's program
straight to the regex engine (`_sre.compile`, the step that ends every `re.compile`) instead of compiling it again.
Another pattern is compiled as before, and a recorded one is the same pattern object a compile would give, so nothing
matches differently. The file is keyed by the interpreter (its version and the regex engine's `_sre.MAGIC` and
`CODESIZE`, which fix the programs' form): another Python, a damaged file or a program the engine rejects is ignored.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import re
import sys
import tempfile
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

try:  # CPython's regex engine and compiler; elsewhere nothing is recorded nor used
    import _sre  # type: ignore[import-not-found]
    from re import _compiler, _parser  # type: ignore[attr-defined]
except ImportError:  # pragma: no cover
    _sre = None

PATH = Path(__file__).with_name("rxcache.json")
FORMAT = "giamsat-rxcache 1"

# (pattern, flags) -> what `_sre.compile` takes after the pattern: flags, program, groups, group index, index group
Program = tuple[int, list[int], int, dict[str, int], tuple[str | None, ...]]
_programs: dict[tuple[str, int], Program] = {}
_original: Callable[..., re.Pattern[Any]] | None = None


def make(pattern: str, program: Program) -> re.Pattern[str]:
    """The pattern the regex engine makes of a recorded program."""
    return _sre.compile(pattern, *program)  # type: ignore[no-any-return]


def engine_key() -> str:
    """The interpreter and regex engine whose programs the file holds."""
    if _sre is None:
        return ""
    return f"{sys.implementation.name} {sys.version} {_sre.MAGIC} {_sre.CODESIZE} {sys.byteorder}"


def _compile(pattern: Any, flags: int = 0) -> re.Pattern[Any]:
    """`re._compiler.compile`, from the recorded program where there is one."""
    assert _original is not None
    if type(pattern) is str:
        program = _programs.get((pattern, flags))
        if program is not None:
            try:
                return make(pattern, program)
            except (RuntimeError, TypeError, ValueError, OverflowError):
                _programs.pop((pattern, flags), None)  # a program the engine rejects: compiled as before
    return _original(pattern, flags)


def read(path: Path = PATH) -> dict[tuple[str, int], Program]:
    """The programs recorded in `path` for this interpreter, or none (no file, another interpreter, damaged)."""
    try:
        data = json.loads(path.read_bytes())
        if data.get("format") != FORMAT or data.get("engine") != engine_key() or not engine_key():
            return {}
        body = data["programs"]
        if hashlib.sha256(json.dumps(body, ensure_ascii=False).encode("utf-8")).hexdigest() != data.get("sha256"):
            return {}
        return {(pattern, int(flags)): (int(final), [int(c) for c in code], int(groups),
                                        {str(k): int(v) for k, v in index.items()}, tuple(names))
                for pattern, flags, final, code, groups, index, names in body}
    except (OSError, ValueError, TypeError, KeyError, AttributeError):
        return {}


def install(path: Path = PATH) -> int:
    """Use the programs recorded in `path` from now on (once per process); how many there are."""
    global _original
    if _sre is None:
        return 0
    _programs.update(read(path))
    if _original is None and _programs:
        _original = _compiler.compile
        _compiler.compile = _compile
    return len(_programs)


@contextlib.contextmanager
def recording() -> Iterator[dict[tuple[str, int], Program]]:
    """Record the program of every pattern compiled inside the block (as `re._compiler.compile` makes it)."""
    seen: dict[tuple[str, int], Program] = {}
    previous = _compiler.compile

    def record(pattern: Any, flags: int = 0) -> re.Pattern[Any]:
        if type(pattern) is str and not flags & _compiler.SRE_FLAG_DEBUG and (pattern, flags) not in seen:
            parsed = _parser.parse(pattern, flags)
            names: list[str | None] = [None] * parsed.state.groups
            for name, i in parsed.state.groupdict.items():
                names[i] = name
            seen[(pattern, flags)] = (flags | parsed.state.flags, _compiler._code(parsed, flags),
                                      parsed.state.groups - 1, dict(parsed.state.groupdict), tuple(names))
        return previous(pattern, flags)  # type: ignore[no-any-return]

    _compiler.compile = record
    re.purge()  # patterns compiled before are compiled again, and seen
    try:
        yield seen
    finally:
        _compiler.compile = previous


def write(programs: dict[tuple[str, int], Program], path: Path = PATH) -> bool:
    """Write `programs` to `path` atomically; False where the folder cannot be written."""
    body = [[pattern, flags, *program] for (pattern, flags), program in sorted(programs.items())]
    data = {"format": FORMAT, "engine": engine_key(),
            "sha256": hashlib.sha256(json.dumps(body, ensure_ascii=False).encode("utf-8")).hexdigest(),
            "programs": body}
    try:
        fd, tmp = tempfile.mkstemp(prefix=path.name + ".", suffix=".tmp", dir=path.parent)
    except OSError:
        return False
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as fh:
            json.dump(data, fh, ensure_ascii=False)
        os.chmod(tmp, 0o644)
        os.replace(tmp, path)
    except OSError:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        return False
    return True


def build(path: Path = PATH) -> int:
    """Record the patterns the reader compiles (importing its modules, parsing the sample plan typed and damaged like
    OCR text, and the forms' plans damaged so) and write them to `path`; how many. Run in a new process (scripts/setup.sh), before the reader's
    modules are imported: a module imported before compiled its patterns unseen."""
    import importlib
    import pkgutil

    import giamsat.ingest as package

    with recording() as seen:
        for module in pkgutil.walk_packages(package.__path__, "giamsat.ingest."):
            if ".tests" not in module.name and not module.name.endswith("__main__"):
                importlib.import_module(module.name)
        from giamsat.ingest.pipeline import parse_bytes
        from giamsat.ingest.quality import degrade

        here = Path(__file__).parent
        for sample in sorted(here.glob("samples/*.txt")):
            text = sample.read_text(encoding="utf-8")
            for version in (text, *(degrade(text, seed=seed) for seed in (1, 2, 3))):
                parse_bytes(version.encode("utf-8"), sample.name)
        for form in sorted(here.glob("tests/data/forms/*.txt")):  # the plans of many forms written for giamsat
            parse_bytes(degrade(form.read_text(encoding="utf-8"), seed=1).encode("utf-8"), form.name)
    return len(seen) if write(seen, path) else 0

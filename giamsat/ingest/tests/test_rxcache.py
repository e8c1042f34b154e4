"""The reader's regular expressions compiled once (rxcache.json): a pattern made from its recorded program is the
pattern `re.compile` makes, program and all; a file of another interpreter, a damaged file or a program the regex
engine rejects is not used, and the pattern is compiled as before."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from giamsat.ingest import rxcache

# made-up patterns of the kinds a plan's reader compiles: a deadline, a unit with a named group, a folded heading
PATTERNS = [
    (r"(?:quy\s*[ivx]{1,3}|thang\s*(\d{1,2}))\s*/\s*((?:19|20)\d\d)", 0),
    (r"(?P<unit>S[ởo]\s+[A-ZĐ][\wÀ-ỹ]+(?:\s+[a-zà-ỹđ]+)*)\s+chủ\s+trì", 0),
    (r"^\s*[IVX]{1,4}\s*[.\-]\s+nhi[eệ]m\s+v[uụ]\b", re.I | re.M),
]
LINES = ["Hoàn thành trong quy III / 2026, thang 9/2026", "Sở Khoa học và Công nghệ chủ trì, phối hợp",
         "II. NHIỆM VỤ VÀ GIẢI PHÁP", "ii - nhiem vu"]


def _record(tmp_path: Path) -> Path:
    path = tmp_path / "rxcache.json"
    with rxcache.recording() as seen:
        for pattern, flags in PATTERNS:
            re.compile(pattern, flags)
    assert rxcache.write(seen, path)
    return path


def test_a_recorded_program_makes_the_same_pattern(tmp_path: Path) -> None:
    programs = rxcache.read(_record(tmp_path))
    assert set(programs) == set(PATTERNS)
    for (pattern, flags), program in programs.items():
        made = rxcache.make(pattern, program)
        compiled = re._compiler.compile(pattern, flags) if rxcache._original is None else rxcache._original(pattern, flags)  # type: ignore[attr-defined]
        assert made == compiled  # same pattern, flags and program
        assert made.groupindex == compiled.groupindex and made.groups == compiled.groups
        for line in LINES:
            assert [m.groups() for m in made.finditer(line)] == [m.groups() for m in compiled.finditer(line)]


def test_another_interpreters_or_a_damaged_file_is_not_read(tmp_path: Path) -> None:
    path = _record(tmp_path)
    data = json.loads(path.read_text(encoding="utf-8"))
    assert rxcache.read(path)
    other = dict(data, engine=data["engine"].replace(rxcache.engine_key().split()[1], "3.0.0"))
    path.write_text(json.dumps(other), encoding="utf-8")
    assert rxcache.read(path) == {}
    data["programs"][0][3][0] += 1  # a program changed after it was written
    path.write_text(json.dumps(data), encoding="utf-8")
    assert rxcache.read(path) == {}
    path.write_text("{not json", encoding="utf-8")
    assert rxcache.read(path) == {}
    assert rxcache.read(tmp_path / "missing.json") == {}


def test_a_program_the_engine_rejects_is_compiled_as_before(monkeypatch: pytest.MonkeyPatch) -> None:
    pattern = r"(?P<year>20[2-4]\d)\s*-\s*(20[2-4]\d)"
    monkeypatch.setattr(rxcache, "_programs", {(pattern, 0): (32, [1, 2, 3], 1, {"year": 1}, (None, "year", None))})
    if rxcache._original is None:
        monkeypatch.setattr(rxcache, "_original", re._compiler.compile)  # type: ignore[attr-defined]
    compiled = rxcache._compile(pattern, 0)
    assert compiled.match("2026 - 2030") is not None and compiled.groupindex == {"year": 1}
    assert (pattern, 0) not in rxcache._programs

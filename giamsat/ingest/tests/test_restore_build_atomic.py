"""Rebuilding the restorer's model replaces the file whole: a build that fails while writing leaves the model that
was there (a process loading it at that moment never reads half a model)."""

from __future__ import annotations

import gzip
from collections import Counter
from pathlib import Path
from typing import Any

import pytest

from giamsat.ingest.restore.build import write_model


def _read(path: Path) -> str:
    with gzip.open(path, "rt", encoding="utf-8") as fh:
        return fh.read()


class _Broken(dict[str, Counter[str]]):
    def items(self) -> Any:
        raise RuntimeError("disk full")


def test_failed_build_keeps_the_previous_model(tmp_path: Path) -> None:
    out = tmp_path / "model.tsv.gz"
    write_model(out, {"xã", "tỉnh"}, Counter({"xã": 3}), Counter(), Counter(), {"a": Counter({"a": 5})})
    before = _read(out)
    with pytest.raises(RuntimeError):
        write_model(out, {"huyện"}, Counter({"huyện": 1}), Counter(), Counter(), _Broken())
    assert _read(out) == before
    assert "I\txã\n" in before

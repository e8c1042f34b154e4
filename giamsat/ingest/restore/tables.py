"""The restorer's built tables, cached beside its model (`model.tsv.gz.tables`).

Building the decoder's tables from the gzipped TSV (reading the records, interpolating the trigram LM, the channel's
reverse index) is most of a new process's start. The first restorer to build them writes them beside the model, and
`build` writes them after a new model; a later process reads them back (about a tenth of the time).

The file is keyed by the SHA-256 of the model and of the restorer's code files (and the Python version and byte
order, which fix the layout of the numbers), so a changed model or decoder never reads old tables; one whose key or
checksum does not match, or that cannot be read, is ignored and rebuilt. Layout: a first line naming the format, a
JSON header line (the key, the SHA-256 of the body, each section's name, kind and length in bytes), then the
sections' bytes: numeric tables as `array` bytes (int64 keys, float64 values, machine order), word lists as UTF-8
lines, the channel's small tables as JSON (Python writes floats so they read back exactly). No pickle.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import sys
import tempfile
from array import array
from pathlib import Path
from typing import Any

FORMAT = b"giamsat-restore-tables 1\n"
SUFFIX = ".tables"
# the files whose code builds or reads the tables: a change in any of them invalidates the cache
CODE_FILES = ("channel.py", "decoder.py", "lm.py", "syllable.py", "tables.py")
_HERE = Path(__file__).resolve().parent
_KINDS = ("text", "int64", "float64", "json")

Tables = dict[str, Any]


def cache_path(model: Path) -> Path:
    return model.with_name(model.name + SUFFIX)


def cache_key(model_bytes: bytes) -> str:
    """SHA-256 of the model, the restorer's code files and the number layout."""
    h = hashlib.sha256()
    h.update(model_bytes)
    for name in CODE_FILES:
        h.update(b"\0" + name.encode() + b"\0")
        h.update((_HERE / name).read_bytes())
    layout = f"{sys.implementation.name} {sys.version_info[:2]} {sys.byteorder} {array('q').itemsize} {array('d').itemsize}"
    h.update(layout.encode())
    return h.hexdigest()


def _encode(value: Any) -> tuple[str, bytes]:
    if isinstance(value, array):
        return {"q": "int64", "d": "float64"}[value.typecode], value.tobytes()
    if isinstance(value, list) and value and all(isinstance(x, str) for x in value):
        if any("\n" in x for x in value):
            raise ValueError("a word with a newline")
        return "text", "\n".join(value).encode("utf-8")
    return "json", json.dumps(value, ensure_ascii=False, separators=(",", ":")).encode("utf-8")


def _decode(kind: str, data: bytes) -> Any:
    if kind == "text":
        return data.decode("utf-8").split("\n")
    if kind == "json":
        return json.loads(data.decode("utf-8"))
    numbers = array("q" if kind == "int64" else "d")
    numbers.frombytes(data)
    return numbers


def writable(model: Path) -> bool:
    """Whether this process may write the tables beside `model` (its folder writable)."""
    return os.access(model.parent, os.W_OK)


def write(model: Path, key: str, tables: Tables) -> bool:
    """Write `tables` beside `model`, atomically (a temporary file renamed over the old); False when the folder is
    read-only or the disk full (the restorer then works from the model as before)."""
    names, kinds, lengths, bodies = [], [], [], []
    for name, value in tables.items():
        kind, data = _encode(value)
        names.append(name)
        kinds.append(kind)
        lengths.append(len(data))
        bodies.append(data)
    body = b"".join(bodies)
    header = {
        "key": key,
        "body": hashlib.sha256(body).hexdigest(),
        "sections": [[n, k, size] for n, k, size in zip(names, kinds, lengths, strict=True)],
    }
    target = cache_path(model)
    try:
        fd, tmp = tempfile.mkstemp(prefix=target.name + ".", suffix=".tmp", dir=target.parent)
    except OSError:
        return False
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(FORMAT)
            fh.write(json.dumps(header).encode("ascii") + b"\n")
            fh.write(body)
        os.chmod(tmp, 0o644)
        os.replace(tmp, target)
    except OSError:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        return False
    return True


def read(model: Path, key: str) -> Tables | None:
    """The tables cached beside `model` under `key`, or None (no cache, another key, a damaged file)."""
    try:
        data = cache_path(model).read_bytes()
    except OSError:
        return None
    try:
        if not data.startswith(FORMAT):
            return None
        end = data.index(b"\n", len(FORMAT))
        header = json.loads(data[len(FORMAT) : end])
        if header.get("key") != key:
            return None
        body = memoryview(data)[end + 1 :]
        if hashlib.sha256(body).hexdigest() != header.get("body"):
            return None
        tables: Tables = {}
        offset = 0
        for name, kind, size in header["sections"]:
            if kind not in _KINDS or size < 0 or offset + size > len(body):
                return None
            tables[name] = _decode(kind, bytes(body[offset : offset + size]))
            offset += size
        return tables if offset == len(body) else None
    except (ValueError, TypeError, KeyError, UnicodeDecodeError):
        return None

"""The restorer's built tables are cached beside its model: a restorer read from them restores a commune's plan as
one built from the model does, and a cache of another model, of other code, or damaged is ignored and built again."""

from __future__ import annotations

import json
import shutil
import tempfile
from collections import Counter
from pathlib import Path

import pytest

from giamsat.ingest.restore import decoder
from giamsat.ingest.restore import tables as table_cache
from giamsat.ingest.restore.build import Cases, count_ngrams, write_model
from giamsat.ingest.restore.decoder import MODEL_PATH, Restorer

# An OCR'd page of a made-up commune's plan: marks lost or misread, a header in capitals, a code, a date.
PLAN = (
    "UY BAN NHAN DAN\n"
    "XA DONG TIEN\n"
    "S6: 12/KH-UBND\n"
    "\n"
    "KE HOACH\n"
    "Trién khai chuyén ddi sé trén dia ban xa nam 2026\n"
    "1. Phé bién, tuyén truyén vé chuyén déi sé cho ngudi dan;\n"
    "2. Hoan thanh c6 s& dir liéu dan cu, dat dai truéc ngay 30/6/2026.\n"
)

# A small model of its own (a few invented lines of prose), quick to build in each test.
PROSE = [
    "ủy ban nhân dân xã đông tiến ban hành kế hoạch chuyển đổi số năm 2026",
    "phổ biến tuyên truyền về chuyển đổi số cho người dân trên địa bàn xã",
    "hoàn thành cơ sở dữ liệu dân cư đất đai trước ngày 30 tháng 6",
    "Xã Đông Tiến triển khai kế hoạch",
]


def _small_model(out: Path) -> Path:
    uni: Counter[str] = Counter()
    bi: Counter[tuple[str, str]] = Counter()
    tri: Counter[tuple[str, str, str]] = Counter()
    cases = Cases()
    count_ngrams(PROSE, 1, uni, bi, tri, cases=cases)
    inventory = {w for w in uni if w.isalpha()}
    conf = {"ố": Counter({"6": 3, "ô": 1}), "ư": Counter({"ir": 2, "u": 4}), "đ": Counter({"d": 5, "dd": 1})}
    write_model(out, inventory, uni, bi, tri, conf, cases)
    return out


def _restored(restorer: Restorer) -> str:
    return restorer.restore_text(PLAN)


def test_a_restorer_read_from_the_cache_restores_as_one_built_from_the_model(tmp_path: Path) -> None:
    model = tmp_path / "model.tsv.gz"
    shutil.copyfile(MODEL_PATH, model)
    built = Restorer(model, cache=False)
    assert not table_cache.cache_path(model).exists()
    first = Restorer(model)  # builds, then writes the tables beside the model
    assert table_cache.cache_path(model).exists()
    assert table_cache.read(model, table_cache.cache_key(model.read_bytes())) is not None
    cached = Restorer(model)
    assert _restored(cached) == _restored(first) == _restored(built)
    assert "Triển khai chuyển đổi số trên địa bàn xã năm 2026" in _restored(cached)
    for name in ("uni", "bi", "tri", "bow1", "bow2", "bi_lower", "tri_lower", "words", "ids"):
        assert getattr(cached.lm, name) == getattr(built.lm, name), name
    assert list(cached.lm.tri_lower) == list(built.lm.tri_lower)  # same order too
    assert cached.channel.reverse == built.channel.reverse
    assert cached.syllables == built.syllables and cached.kids == built.kids


def test_the_cache_is_read_instead_of_the_model(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    model = _small_model(tmp_path / "model.tsv.gz")
    expected = _restored(Restorer(model))

    def unread(text: str) -> None:
        raise AssertionError("the model was parsed although its tables are cached")

    monkeypatch.setattr(decoder, "_parse_model", unread)
    assert _restored(Restorer(model)) == expected


def test_the_tables_of_another_model_are_built_again(tmp_path: Path) -> None:
    model = _small_model(tmp_path / "model.tsv.gz")
    Restorer(model)
    stale = table_cache.cache_path(model).read_bytes()
    # the model rebuilt with one more line of prose: the old tables no longer match it
    PROSE.append("ủy ban nhân dân xã báo cáo kết quả thực hiện")
    try:
        _small_model(model)
    finally:
        PROSE.pop()
    table_cache.cache_path(model).write_bytes(stale)
    fresh = Restorer(model, cache=False)
    assert _restored(Restorer(model)) == _restored(fresh)
    assert "báo" in Restorer(model).lm.ids
    assert table_cache.cache_path(model).read_bytes() != stale  # written again for the new model


def test_tables_of_other_code_are_built_again(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    model = _small_model(tmp_path / "model.tsv.gz")
    Restorer(model)
    before = table_cache.cache_key(model.read_bytes())
    monkeypatch.setattr(table_cache, "CODE_FILES", (*table_cache.CODE_FILES, "build.py"))
    assert table_cache.cache_key(model.read_bytes()) != before
    assert table_cache.read(model, table_cache.cache_key(model.read_bytes())) is None


@pytest.mark.parametrize("damage", ["truncated", "flipped", "garbage", "empty", "bad header"])
def test_a_damaged_cache_is_ignored_and_written_again(tmp_path: Path, damage: str) -> None:
    model = _small_model(tmp_path / "model.tsv.gz")
    expected = _restored(Restorer(model, cache=False))
    Restorer(model)
    path = table_cache.cache_path(model)
    data = bytearray(path.read_bytes())
    if damage == "truncated":
        data = data[: len(data) // 2]
    elif damage == "flipped":
        data[-10] ^= 0x55
    elif damage == "garbage":
        data = bytearray(b"\x00\xff" * 500)
    elif damage == "empty":
        data = bytearray()
    else:
        head, _, rest = bytes(data).partition(b"\n")
        header, _, body = rest.partition(b"\n")
        fields = json.loads(header)
        fields["sections"] = [[n, "pickle", size] for n, _kind, size in fields["sections"]]
        data = bytearray(head + b"\n" + json.dumps(fields).encode() + b"\n" + body)
    path.write_bytes(bytes(data))
    assert table_cache.read(model, table_cache.cache_key(model.read_bytes())) is None
    assert _restored(Restorer(model)) == expected
    assert table_cache.read(model, table_cache.cache_key(model.read_bytes())) is not None


def test_a_read_only_folder_skips_the_cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    model = _small_model(tmp_path / "model.tsv.gz")
    expected = _restored(Restorer(model, cache=False))

    def refused(*args: object, **kwargs: object) -> None:
        raise PermissionError("read-only file system")

    monkeypatch.setattr(tempfile, "mkstemp", refused)
    assert _restored(Restorer(model)) == expected
    assert not table_cache.cache_path(model).exists()
    assert list(tmp_path.iterdir()) == [model]


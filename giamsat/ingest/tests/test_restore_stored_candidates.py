"""The candidates of the words most OCR text holds (each syllable without its marks, its likeliest OCR spellings) are
searched once, when the restorer's tables are built, and read back with them: a new process restores a commune's
plan without searching those words again, and as a restorer that searches every word does."""

from __future__ import annotations

from pathlib import Path

import pytest

from giamsat.ingest.restore import decoder
from giamsat.ingest.restore import tables as table_cache
from giamsat.ingest.restore.decoder import Restorer
from giamsat.ingest.tests.test_restore_tables_cache import _small_model

# An OCR'd commune plan: marks lost ("chuyen"), misread ("chuyén", "sé"), a capital Đ read as D.
PLAN = (
    "UY BAN NHAN DAN XA DONG TIEN\n"
    "Trién khai chuyén ddi sé trén dia ban xa nam 2026\n"
    "Phé bién, tuyen truyen vé chuyen doi so, d6i méi cho ngudi dan;\n"
    "Hoan thanh co so dir lieu dan cu truéc ngay 30/6/2026.\n"
)


def test_the_vocabulary_is_searched_when_the_tables_are_built(tmp_path: Path) -> None:
    restorer = Restorer(_small_model(tmp_path / "model.tsv.gz"))
    stored = set(restorer._stored)
    assert {"chuyen", "doi", "so", "dan"} <= stored  # syllables without their marks
    assert {"d6i", "s6", "ngudi"} - stored == {"ngudi"}  # likeliest misreadings: "ổ", "ố" read "6" (this model's)


def test_a_new_process_reads_the_vocabulary_instead_of_searching(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    model = _small_model(tmp_path / "model.tsv.gz")
    expected = Restorer(model, cache=False).restore_text(PLAN)  # searches every word
    Restorer(model)  # builds the tables and the vocabulary's candidates, writes them beside the model
    searched: list[str] = []
    search = decoder.Restorer._search

    def counted(self: Restorer, low: str) -> list[tuple[str, float]]:
        searched.append(low)
        return search(self, low)

    monkeypatch.setattr(decoder.Restorer, "_search", counted)
    cached = Restorer(model)
    assert cached.restore_text(PLAN) == expected
    assert "Triển khai chuyển đổi số trên địa bàn xã năm 2026" in expected
    assert searched and not set(searched) & set(cached._stored)  # only words outside the vocabulary are searched
    assert "ngudi" in searched and not {"chuyen", "doi", "so", "dan"} & set(searched)


def test_stored_candidates_are_those_a_search_finds(tmp_path: Path) -> None:
    model = _small_model(tmp_path / "model.tsv.gz")
    Restorer(model)
    cached, searching = Restorer(model), Restorer(model, cache=False)
    assert cached._stored and not searching._stored
    for word in cached._stored:
        assert cached._searched(word) == searching._search(word), word
        for upper, capital_d in ((False, False), (True, False), (True, True)):
            assert cached._candidates(word, capital_d, upper) == searching._candidates(word, capital_d, upper)


def test_a_read_only_folder_searches_no_vocabulary(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Where the tables cannot be written, every process would build them: it does not search the vocabulary too."""
    model = _small_model(tmp_path / "model.tsv.gz")
    expected = Restorer(model, cache=False).restore_text(PLAN)
    monkeypatch.setattr(table_cache, "writable", lambda path: False)
    restorer = Restorer(model)
    assert not restorer._stored
    assert restorer.restore_text(PLAN) == expected

"""Two words of a unit's name that OCR ran together ("Quản lýdi sản") are split again from the registry's word
pairs; where the registry pairs the first word with both the word as written and one a letter off ("lý di" of
"di sản", "lý du" of "du lịch"), the word as written wins, in every process: the pairs are a set, whose order
changes with Python's hash seed, so each case runs under several seeds (made-up registry and cells)."""

from __future__ import annotations

import json
import os
import subprocess
import sys

import pytest

_PROBE = """
import json, sys
from giamsat.ingest.agencies import Agency, AgencyMatcher
reg = [Agency("PDS", "Phòng Quản lý di sản văn hóa", (), "department"),
       Agency("PDL", "Phòng Quản lý du lịch", (), "department"),
       Agency("BT", "Bảo tàng tỉnh", (), "department")]
m = AgencyMatcher(reg)
print(json.dumps([[c.agency.code for c in m.scan_cells(cells)] for cells in json.loads(sys.argv[1])]))
"""

CASES = [
    (["Phòng | Bảo tàng", "Quản lýdi | tỉnh", "sản văn |", "hóa |"], ["PDS", "BT"]),
    (["Phòng | Bảo tàng", "Quản lýdu | tỉnh", "lịch |"], ["PDL", "BT"]),
]


@pytest.mark.parametrize("seed", ["0", "1", "2", "3", "4", "5"])
def test_run_together_words_split_alike_under_every_hash_seed(seed: str) -> None:
    env = {**os.environ, "PYTHONHASHSEED": seed}
    out = subprocess.run([sys.executable, "-c", _PROBE, json.dumps([c for c, _ in CASES])],
                         env=env, capture_output=True, text=True, check=True).stdout
    assert json.loads(out) == [codes for _, codes in CASES]

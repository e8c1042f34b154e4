"""The restorer: candidates per token from the confusion model, Viterbi over the syllable LM."""

from __future__ import annotations

import gzip
import math
import re
from array import array
from collections import Counter
from functools import lru_cache
from operator import itemgetter
from pathlib import Path

from . import tables as table_cache
from .channel import Channel
from .lm import SHIFT, TrigramLM
from .syllable import (
    DAMAGE_SYMBOLS,
    PUNCT_TOKENS,
    apply_case,
    has_marks,
    is_syllable,
    is_word,
    modern_tone,
    strip_marks,
    tokenize,
)

MODEL_PATH = Path(__file__).with_name("data") / "model.tsv.gz"

BEAM = 96  # partial spellings kept per token position during candidate search
SEARCH_WIDTH = 11.0  # ... and only those within this cost of the best partial spelling
SEARCH_CAP = 12.0  # no candidate costs more than this (a kept token costs at most 12)
WIDTH = 7.0  # candidates kept within this channel cost of the best
MAX_CANDS = 10
# The words whose candidates are searched once, when the tables are built, and kept with them (`_vocabulary`): the
# likeliest OCR renderings of each syllable, up to VOCAB_RENDERINGS of them within VOCAB_WIDTH of its likeliest.
VOCAB_RENDERINGS = 10
VOCAB_WIDTH = 5.0
UNIGRAM_WEIGHT = 0.7  # frequent syllables first when pruning the candidate list
CHANNEL_WEIGHT = 1.0
KEEP_COST_DIGIT = 12.0  # leave a token with digits as it is (e.g. "5G") rather than read a syllable
KEEP_COST_ALPHA = 7.0
KEEP_COST_LOWER = 9.0
CAPITAL_D_COST = 2.0
INSERT_COST = 8.0  # an OCR character that no letter of the syllable produced
MAX_TOKEN = 9
CHUNK_POSITIONS = 400
VITERBI_BEAM = 10.0  # states this far below the best are dropped
PIECE_CHARS = 20_000
CLEAN_SHARE = (
    0.5  # typed text marks most of its words (87 %); OCR that kept fewer than half its marks is no such text
)
# In a text whose words mostly lack marks (OCR that lost them), a line must mark this share of its words to be
# taken as typed: short lines of such text keep half their marks by chance ("triển khai chuyển đổi so nam 2026").
OCR_CLEAN_SHARE = 0.75
_WORD_RE = re.compile(r"[^\W\d_]{2,}")
# A capitalised word the text spells elsewhere with marks OCR never makes ("Đông Lâm" in the date line, "DONG LAM"
# in the header) is read that way first: a document names its places and units one way (a cache of its names).
NAME_BONUS = 3.0
LEVEL_BONUS = 6.0  # a level's word ("tinh", "xa") before a capitalised name is read as the level that much sooner
NAME_AGREE = 0.8  # ... when that spelling is at least this share of the marked spellings of those letters

_ROMAN = re.compile(r"^[IVXLC]+$")
# Acronyms of administrative bodies and documents whose Đ OCR reads as D ("HDND", "QD-UBND", "KH/DU");
# each is spelt one way only.
_ACRONYMS = {
    "HDND": "HĐND",
    "HDTV": "HĐTV",
    "HDQT": "HĐQT",
    "BCD": "BCĐ",
    "DBQH": "ĐBQH",
    "DHQG": "ĐHQG",
    "QD": "QĐ",
    "GD&DT": "GD&ĐT",
    "KH&DT": "KH&ĐT",
    "BGDDT": "BGDĐT",
    "SGDDT": "SGDĐT",
    "GDDT": "GDĐT",
    "CDS": "CĐS",
}
_PARTY_DU = "DU"  # "17-KH/DU": the Đảng ủy's code, only in a document's symbol
_LIGATURES = str.maketrans({"ﬁ": "fi", "ﬂ": "fl", "ﬀ": "ff"})
_CONTROL_RE = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u2028\u2029]")
_OK_CHARS = re.compile(rf"^[0-9A-Za-z\u00c0-\u024f\u1e00-\u1eff{re.escape(DAMAGE_SYMBOLS)}]+$")
# The only accented letter this OCR produces; any other mark means the token was typed, not scanned.
_OCR_LETTERS = frozenset("abcdefghijklmnopqrstuvwxyzé")

Cand = tuple[int, float, str | None]  # LM id, channel cost, replacement (None keeps the token)
# A position's candidates column-wise, as the Viterbi step reads them: LM ids, weighted channel
# costs, replacements.
Choices = tuple[tuple[int, ...], tuple[float, ...], tuple[str | None, ...]]
# What the model file holds: inventory, uni-, bi- and trigram counts, confusion counts, names' grams.
ModelParts = tuple[list[str], Counter[str], Counter[tuple[str, str]], Counter[tuple[str, str, str]],
                   dict[str, Counter[str]], set[tuple[str, ...]]]


def load_model(path: Path = MODEL_PATH) -> ModelParts:
    """Read the gzipped TSV written by `build`: inventory, n-gram counts, confusion counts, names' grams.
    (Its records are read by kind with one pattern each over the whole text: a line-by-line loop took a third of a
    fresh process's start.)"""
    with gzip.open(path, "rb") as fh:
        return _parse_model(fh.read().decode("utf-8"))


def _parse_model(text: str) -> ModelParts:
    """`load_model` of the model's text."""
    inventory = _RECORD_I.findall(text)
    uni: Counter[str] = Counter({w: int(n) for w, n in _RECORD_1.findall(text)})
    bi: Counter[tuple[str, str]] = Counter({(a, b): int(n) for a, b, n in _RECORD_2.findall(text)})
    tri: Counter[tuple[str, str, str]] = Counter({(a, b, c): int(n) for a, b, c, n in _RECORD_3.findall(text)})
    conf: dict[str, Counter[str]] = {}
    for c, seg, n in _RECORD_C.findall(text):
        conf.setdefault(c, Counter())[seg] = int(n)
    names = {tuple(gram.split(" ")) for gram in _RECORD_N.findall(text)}
    return inventory, uni, bi, tri, conf, names


# The model's records, one pattern per kind ("I\tsyllable", "1\tw\tn", "2\ta b\tn", "3\ta b c\tn", "C\tletter\tseg\tn",
# "N\ta b …"); a field holds no tab, a gram's word no space.
_RECORD_I = re.compile(r"^I\t([^\t\n]*)$", re.M)
_RECORD_1 = re.compile(r"^1\t([^\t\n]*)\t(\d+)$", re.M)
_RECORD_2 = re.compile(r"^2\t([^\t\n ]*) ([^\t\n ]*)\t(\d+)$", re.M)
_RECORD_3 = re.compile(r"^3\t([^\t\n ]*) ([^\t\n ]*) ([^\t\n ]*)\t(\d+)$", re.M)
_RECORD_C = re.compile(r"^C\t([^\t\n]*)\t([^\t\n]*)\t(\d+)$", re.M)
_RECORD_N = re.compile(r"^N\t([^\t\n]*)$", re.M)


class Restorer:
    """Loads the model once; restores lines of OCR-damaged Vietnamese."""

    def __init__(self, path: Path = MODEL_PATH, cache: bool = True) -> None:
        """The restorer of the model at `path`. With `cache`, its built tables are read from beside the model
        (`restore.tables`) when they were built from this model by this code, else built and written there."""
        raw = path.read_bytes()
        key = table_cache.cache_key(raw) if cache else ""
        built = table_cache.read(path, key) if cache else None
        if built is not None:
            try:
                self._from_tables(built)
            except (KeyError, ValueError, TypeError, AttributeError):
                built = None  # tables of another shape under a matching key: built again below
        if built is None:
            inventory, uni, bi, tri, conf, names = _parse_model(gzip.decompress(raw).decode("utf-8"))
            self.inventory: list[str] = inventory
            self.lm = TrigramLM(inventory, uni, bi, tri, names)
            self.channel = Channel(conf)
            alphabet = sorted({c for s in inventory for c in s})
            self.channel.build_reverse(alphabet)
            self._set_stored([], array("q"), array("q"), array("d"))
        inventory = self.inventory
        self.syllables = frozenset(inventory)
        self.skeletons = frozenset(strip_marks(s) for s in inventory)
        self._build_trie(inventory)
        self.rev_map = {seg: dict(opts) for seg, opts in self.channel.reverse.items()}
        self._cands: dict[str, Choices] = {}
        self._fixed: dict[int, Choices] = {}
        self._found: dict[str, list[tuple[str, float]]] = {}  # see _searched
        self._kinds: dict[str, int] = {}  # see _looks_clean
        # (capitalised token, next word) -> (the names of the text being restored, its candidates as they prefer them)
        self._preferred: dict[tuple[str, str], tuple[dict[str, str], Choices]] = {}
        # per OCR run, per trie node: its children that run may come from (`_expand`)
        self._edges: dict[str, dict[int, tuple[bool, tuple[tuple[int, float], ...]]]] = {}
        self._scored = 0  # positions decoded (a paragraph where every token stays as it is is not)
        self.x_id = self.lm.id("<x>")
        self.num_id = self.lm.id("<num>")
        if built is None and cache:
            # the vocabulary's candidates searched once, to be read back with the tables by every later process; where
            # the tables cannot be written (a read-only install) each process would search them again: not searched
            if table_cache.writable(path):
                self._store_vocabulary()
            table_cache.write(path, key, self._tables())

    def _tables(self) -> table_cache.Tables:
        """What `_from_tables` needs to stand in for reading and building the model."""
        return {
            "inventory": list(self.inventory),
            **{f"lm.{k}": v for k, v in self.lm.tables().items()},
            "channel.counts": {c: dict(segs) for c, segs in self.channel.counts.items()},
            "channel.reverse": self.channel.reverse,
            "search.words": self._stored_words,
            "search.sizes": self._stored_sizes,
            "search.ids": self._stored_ids,
            "search.costs": self._stored_costs,
        }

    def _from_tables(self, built: table_cache.Tables) -> None:
        inventory = built["inventory"]
        if not isinstance(inventory, list):
            raise TypeError("inventory")
        self.inventory = inventory
        self.lm = TrigramLM.from_tables({k[3:]: v for k, v in built.items() if k.startswith("lm.")})
        self.channel = Channel({c: Counter(segs) for c, segs in built["channel.counts"].items()})
        self.channel.reverse = {
            seg: [(c, float(cost)) for c, cost in opts] for seg, opts in built["channel.reverse"].items()
        }
        self._set_stored(built["search.words"], built["search.sizes"], built["search.ids"], built["search.costs"])

    def _set_stored(self, words: list[str], sizes: array[int], ids: array[int], costs: array[float]) -> None:
        """The searched candidates kept with the tables: for the i-th word, sizes[i] (LM id, cost) pairs, in order,
        from ids and costs."""
        if not isinstance(words, list) or len(words) != len(sizes) or sum(sizes) != len(ids) or len(ids) != len(costs):
            raise ValueError("search tables of unequal lengths")
        if ids and (min(ids) < 0 or max(ids) >= len(self.lm.words)):
            raise ValueError("a searched candidate outside the LM's words")
        self._stored_words, self._stored_sizes, self._stored_ids, self._stored_costs = words, sizes, ids, costs
        self._stored: dict[str, tuple[int, int]] = {}
        start = 0
        for word, size in zip(words, sizes, strict=True):
            self._stored[word] = (start, start + size)
            start += size

    def _store_vocabulary(self) -> None:
        """Search the candidates of `_vocabulary`'s words and keep them (`_set_stored`)."""
        words = self._vocabulary()
        sizes, ids, costs = array("q"), array("q"), array("d")
        for word in words:
            found = self._search(word)
            sizes.append(len(found))
            ids.extend(self.lm.id(s) for s, _ in found)
            costs.extend(c for _, c in found)
        self._set_stored(words, sizes, ids, costs)

    def _vocabulary(self) -> list[str]:
        """The OCR tokens (in lower case) most documents hold: every syllable without its marks ("quoc"), the
        syllables OCR can spell itself ("cong", "quyét"), and each syllable's likeliest renderings under the channel
        ("quốc" -> "quéc", "qudc", "qu6c"; up to VOCAB_RENDERINGS within VOCAB_WIDTH of the likeliest)."""
        emits: dict[str, list[tuple[float, str]]] = {}
        for seg, opts in self.channel.reverse.items():
            for c, cost in opts:
                emits.setdefault(c, []).append((cost, seg))
        for options in emits.values():
            options.sort()
        words = {strip_marks(s) for s in self.inventory}
        words.update(s for s in self.inventory if set(s) <= _OCR_LETTERS)
        for syllable in self.inventory:
            words.update(_renderings(syllable, emits))
        return sorted(w for w in words if w and len(w) <= MAX_TOKEN and w == w.lower() and _OK_CHARS.match(w))

    def _build_trie(self, inventory: list[str]) -> None:
        """Prefix tree of the syllable inventory: children per node, and which nodes end a syllable."""
        self.kids: list[dict[str, int]] = [{}]
        self.node_strings: list[str] = [""]
        self.terminal: list[bool] = [False]
        for syllable in inventory:
            node = 0
            for ch in syllable:
                nxt = self.kids[node].get(ch)
                if nxt is None:
                    nxt = len(self.kids)
                    self.kids.append({})
                    self.node_strings.append(self.node_strings[node] + ch)
                    self.terminal.append(False)
                    self.kids[node][ch] = nxt
                node = nxt
            self.terminal[node] = True

    # ---- public API -------------------------------------------------------------------
    def restore_text(self, text: str) -> str:
        lines = text.split("\n")
        share = OCR_CLEAN_SHARE if _typed_share(text) < CLEAN_SHARE else CLEAN_SHARE
        names = _marked_names(text, typed=share == CLEAN_SHARE) | _defined_acronyms(text) | _marked_acronyms(text)
        self._preferred.clear()  # they hold the names of the text restored before
        out: list[str] = [""] * len(lines)
        block: list[int] = []
        for i, line in enumerate(lines):
            if line.strip():
                block.append(i)
                continue
            out[i] = self._clean(line)
            self._restore_block(lines, block, out, share, names)
            block = []
        self._restore_block(lines, block, out, share, names)
        return "\n".join(out)

    def restore_line(self, line: str) -> str:
        return self.restore_text(line.replace("\n", " "))

    # ---- lines and blocks -------------------------------------------------------------
    @staticmethod
    def _clean(line: str) -> str:
        crlf = line.endswith("\r")
        body = _CONTROL_RE.sub(" ", line[:-1] if crlf else line).translate(_LIGATURES)
        return body + ("\r" if crlf else "")

    def _restore_block(
        self,
        lines: list[str],
        block: list[int],
        out: list[str],
        share: float = CLEAN_SHARE,
        names: dict[str, str] | None = None,
    ) -> None:
        """Decode a paragraph as one sequence so each line sees the previous line's end."""
        positions: list[tuple[list[str], int, Choices]] = []
        pending: dict[int, list[str]] = {}
        for i in block:
            line = self._clean(lines[i])
            if len(line) > PIECE_CHARS:
                out[i] = "".join(self._restore_piece(p, share, names) for p in _pieces(line))
                continue
            tokens = tokenize(line)
            pending[i] = tokens
            clean = _looks_clean(tokens, self.skeletons, share, self._kinds)
            for t in range(len(tokens)):
                cands = self._position(tokens, t, clean, names)
                if cands is not None:
                    positions.append((tokens, t, cands))
            if len(positions) > CHUNK_POSITIONS:
                self._decode_into(positions)
                positions = []
        self._decode_into(positions)
        for i, tokens in pending.items():
            out[i] = "".join(tokens)

    def _restore_piece(
        self, piece: str, share: float = CLEAN_SHARE, names: dict[str, str] | None = None
    ) -> str:
        tokens = tokenize(piece)
        clean = _looks_clean(tokens, self.skeletons, share, self._kinds)
        positions = []
        for t in range(len(tokens)):
            cands = self._position(tokens, t, clean, names)
            if cands is not None:
                positions.append((tokens, t, cands))
            if len(positions) >= CHUNK_POSITIONS:
                self._decode_into(positions)
                positions = []
        self._decode_into(positions)
        return "".join(tokens)

    # ---- candidates ---------------------------------------------------------------------
    def _kept(self, lm_id: int) -> Choices:
        """The one choice of a token that stays as it is, seen by the LM as `lm_id`."""
        choices = self._fixed.get(lm_id)
        if choices is None:
            choices = self._fixed[lm_id] = ((lm_id,), (0.0,), (None,))
        return choices

    def _position(
        self, tokens: list[str], t: int, clean: bool, names: dict[str, str] | None = None
    ) -> Choices | None:
        tok = tokens[t]
        if tok.isspace():
            return None
        if not is_word(tok):
            return self._kept(self.lm.id(tok) if tok in PUNCT_TOKENS else self.x_id)
        if tok.isdigit():
            return self._kept(self.num_id)
        if _NUMBER_CODE.fullmatch(tok):
            return self._kept(self.x_id)  # a technical code ("3D", "5G", "C06"): no syllable's damage
        if len(tok) == 1 and t + 1 < len(tokens) and tokens[t + 1] == ")":
            return self._kept(self.x_id)  # an item's letter: "b) Tổ chức …"
        spelt = (
            _ACRONYMS.get(tok)
            or ("ĐU" if tok == _PARTY_DU and t > 0 and tokens[t - 1] == "/" else None)
            or (names.get(_ACRONYM_KEY + tok) if names and tok.isupper() else None)
        )
        if spelt:
            return ((self.x_id,), (0.0,), (spelt,))
        low = tok.lower()
        if tok.isupper() and low.isascii() and low.isalpha() and not is_syllable(low) and _alone(tokens, t):
            # a word in capitals, no syllable, alone on its line (a table's cell: "DTI", "TTDL"): an abbreviation,
            # with nothing around it to tell damage from a short name ("DTI" had been read "ĐỦ")
            return self._kept(self.x_id)
        if _ROMAN.match(tok) and (not is_syllable(low) or _heading_mark(tokens, t)):
            # a Roman numeral ("II. MUC TIEU" read "I.", "VII." read "VŨ.", "Phụ lục IV"): no word to restore
            return self._kept(self.lm.id(low) if is_syllable(low) else self.x_id)
        if clean and tok.isupper() and low.isascii() and low.isalpha() and not _ROMAN.match(tok):
            # a word in capitals without marks where OCR kept others: a header that lost some; but one
            # without a vowel is an abbreviation the typed text defines or uses ("KT - Phòng Kinh tế", "VHXH")
            clean = not any(c in "aeiouy" for c in low)
            # ... or a name's syllable the typed text spells without marks ("SƠN LAM" beside "Sơn Lam, ngày …")
            clean = clean or bool(names and names.get(low) == low)
            # ... or one standing among words in lower case, no header's: an abbreviation ("CA xã", "Sở GD")
            clean = clean or not _caps_beside(tokens, t)
        if clean or len(low) > MAX_TOKEN or not _OK_CHARS.match(tok) or _is_code(tokens, t):
            # In typed text every word is left alone; the LM still sees it as context.
            return self._kept(self.lm.id(low) if is_syllable(low) else self.x_id)
        if is_syllable(low) and not set(low) <= _OCR_LETTERS:
            return self._kept(self.lm.id(low))
        upper = low != tok
        key = ("^" if upper else "") + low
        if tok[0] in "PB" and len(tok) > 1:
            key = "^P" + low  # a capital Đ is often read as P or B
        cands = self._cands.get(key)
        if cands is None:
            found = self._candidates(low, capital_d=key[:2] == "^P", upper=upper)
            cands = (
                tuple(c[0] for c in found),
                tuple(CHANNEL_WEIGHT * c[1] for c in found),
                tuple(c[2] for c in found),
            )
            if len(self._cands) > 200_000:
                self._cands.clear()
            self._cands[key] = cands
        if upper and names:
            after = _next_word(tokens, t)
            preferred = self._preferred.get((tok, after))
            if preferred is None or preferred[0] is not names:
                preferred = self._preferred[(tok, after)] = (names, _prefer_names(cands, names, tok, after=after))
            return preferred[1]
        if not upper and low in _LEVEL_WORDS and _name_after(tokens, t):
            # a level's word before a place's name ("tinh Hoa Lam" is "tỉnh Hòa Lâm", not "tính Hòa Làm")
            return _prefer_names(cands, {low: _LEVEL_WORDS[low]}, _LEVEL_WORDS[low], LEVEL_BONUS)
        return cands

    def _candidates(self, low: str, capital_d: bool = False, upper: bool = False) -> tuple[Cand, ...]:
        low = low.translate(_LIGATURES)
        found = self._searched(low)
        if capital_d:
            merged = dict(found)
            for s, c in self._searched("đ" + low[1:]):
                merged[s] = min(merged.get(s, math.inf), c + CAPITAL_D_COST)
            found = list(merged.items())
        uni = self.lm.uni
        scored = [(c - UNIGRAM_WEIGHT * uni[self.lm.id(s)], c, s) for s, c in found]
        scored.sort()
        out: list[Cand] = []
        if scored:
            best = scored[0][0]
            out = [(self.lm.id(s), c, s) for r, c, s in scored[:MAX_CANDS] if r <= best + WIDTH]
        if low not in self.syllables:
            keep = KEEP_COST_ALPHA
            if any(ch.isdigit() or ch in DAMAGE_SYMBOLS for ch in low):
                keep = KEEP_COST_DIGIT
            elif not upper:
                keep = KEEP_COST_LOWER  # a lower-case non-syllable here is nearly always damage
            out.append((self.x_id, keep, None))
        return tuple(out)

    def _searched(self, low: str) -> list[tuple[str, float]]:
        """`_search`, once per lower-case token ("Cong", "CONG" and "cong" search alike); a word of the vocabulary
        was searched when the tables were built (`_store_vocabulary`)."""
        found = self._found.get(low)
        if found is None:
            if len(self._found) > 200_000:
                self._found.clear()
            span = self._stored.get(low)
            if span is None:
                found = self._search(low)
            else:
                words = self.lm.words
                found = [(words[i], c) for i, c in zip(self._stored_ids[span[0]:span[1]],
                                                       self._stored_costs[span[0]:span[1]], strict=True)]
            self._found[low] = found
        return found

    def _search(self, low: str) -> list[tuple[str, float]]:
        """Best cost of every inventory syllable reachable from the OCR token (DP over the trie).
        Only a token that is no syllable itself may have a stray character skipped."""
        skip = low not in self.syllables
        rev = self.channel.reverse
        n = len(low)
        layers: list[dict[int, float]] = [{} for _ in range(n + 1)]
        layers[0][0] = 0.0
        for j in range(n + 1):
            layer = layers[j]
            if not layer:
                continue
            if j < n:
                ranked = sorted(layer.items(), key=itemgetter(1))
                cap = min(SEARCH_CAP, ranked[0][1] + SEARCH_WIDTH)
                layer = layers[j] = {p: c for p, c in ranked[:BEAM] if c <= cap}
            else:
                cap = SEARCH_CAP
            self._expand(layer, layer, "", cap)  # dropped vowels
            if j == n:
                break
            for k in (1, 2):
                if j + k <= n and low[j : j + k] in rev:
                    self._expand(layer, layers[j + k], low[j : j + k], cap)
            if skip:
                _insert(layer, layers[j + 1], cap)  # an OCR character no letter produced ("hozc")
        strings, terminal = self.node_strings, self.terminal
        # Only the best MAX_CANDS by `_candidates`' ranking (unigram-weighted cost, cost, spelling) can be among its
        # candidates, also when a capital Đ's search joins them: a joined list's first MAX_CANDS are each among the
        # first MAX_CANDS of their own list.
        uni, ids, unk = self.lm.uni, self.lm.ids, self.lm.unk
        found = sorted((c - UNIGRAM_WEIGHT * uni[ids.get(strings[q], unk)], c, strings[q])
                       for q, c in layers[n].items() if terminal[q])
        return [(s, c) for _, c, s in found[:MAX_CANDS]]

    def _expand(self, layer: dict[int, float], target: dict[int, float], seg: str, cap: float) -> None:
        """Extend every partial spelling in `layer` by one letter that may have produced `seg`. A node's steps
        (its children whose letter may have produced `seg`, with that letter's cost) are found at its first visit
        and kept: in the order a walk over the node's children (when it has fewer than the letters that produce
        `seg`) or over those letters by cost meets them, and whether that order is by cost. (A node's new spellings
        enter the layer in that order, which decides among equal costs at the beam's edge.)"""
        edges = self._edges.get(seg)
        if edges is None:
            edges = self._edges[seg] = {}
        options = self.channel.reverse.get(seg, [])
        option_map = self.rev_map.get(seg, {})
        kids = self.kids
        inf = math.inf
        known, spelt = edges.get, target.get  # bound once: this loop is most of a new word's search
        for node, cost in list(layer.items()) if target is layer else layer.items():
            out = known(node)
            if out is None:
                children = kids[node]
                if len(children) < len(options):
                    out = False, tuple([(child, option_map[c]) for c, child in children.items() if c in option_map])
                else:
                    out = True, tuple([(q, cc) for c, cc in options if (q := children.get(c)) is not None])
                edges[node] = out
            by_cost, steps = out
            for child, cc in steps:
                v = cost + cc
                if v > cap:
                    if by_cost:
                        break  # the steps are sorted by cost
                    continue
                if v < spelt(child, inf):
                    target[child] = v

    # ---- decoding -----------------------------------------------------------------------
    def _decode_into(self, positions: list[tuple[list[str], int, Choices]]) -> None:
        """Viterbi with states (previous, current syllable), so every transition is a true trigram;
        states far below the best are pruned, which keeps the live set to a handful. Most transitions are no
        trigram of the model (nine in ten of an OCR'd plan's): their back-off, the bigram's score or its own
        back-off, is the same for every state of one current syllable, so it is found once per such group and
        candidate, and each state adds its context's back-off weight."""
        if all(outs == (None,) for _tokens, _t, (_ids, _costs, outs) in positions):
            return  # every token stays as it is (typed text, numbers, codes): nothing to choose, no score needed
        self._scored += len(positions)
        lm = self.lm
        bow1, bow2, uni = lm.bow1, lm.bow2, lm.uni
        # A word the OCR read in lower case is no name's syllable: the grams seen only in names
        # ("Xuân Sơn Nam") give way to their back-off there ("xã Xuân Sơn năm 2026").
        tables = ((lm.tri, lm.bi), (lm.tri_lower, lm.bi_lower))
        start = lm.unk  # OCR lines start mid-sentence: no sentence-start context
        # A state: (previous id, current id, score, candidate index, index of its back state).
        states: list[tuple[int, int, float, int, int]] = [(start, start, 0.0, 0, -1)]
        history: list[list[tuple[int, int, float, int, int]]] = []
        for tokens, t, (ids, costs, _outs) in positions:
            tri, bi = tables[tokens[t][:1].islower()]
            tri_get = tri.get
            n = len(ids)
            if len(states) == 1:
                # one state (two positions in three): its successors as below, without grouping; the lists are
                # walked by index (a zip with strict=True parses its keyword at every call)
                pp, pid, score, _j, _back = states[0]
                below = pid << SHIFT
                weight = bow1.get(pid, 0.0)
                context = pp << SHIFT | pid
                back = bow2.get(context)
                if back is None:
                    vals = [(b if (b := bi.get(below | (cid := ids[i]))) is not None else weight + uni[cid])
                            + (score - costs[i]) for i in range(n)]
                else:
                    base = context << SHIFT
                    vals = [(v if (v := tri_get(base | (cid := ids[i]))) is not None
                             else (b if (b := bi.get(below | cid)) is not None else weight + uni[cid]) + back)
                            + (score - costs[i]) for i in range(n)]
                if n == 1:
                    states = [(pid, ids[0], vals[0], 0, 0)]
                else:
                    top = max(vals) - VITERBI_BEAM
                    states = [(pid, ids[i], v, i, 0) for i, v in enumerate(vals) if v >= top]
                history.append(states)
                continue
            # States that share their current candidate (j) share its id: their best successor per candidate
            # of this position is found column-wise, the first state keeping a tie. Groups keep the order of
            # their first state, candidates their order, as the states of one dict keyed (j, i) would.
            groups: dict[int, tuple[list[float], list[int], int, list[float]]] = {}
            for si, (pp, pid, score, j, _back) in enumerate(states):
                group = groups.get(j)
                if group is None:
                    # the bigram's score (pid, candidate) or its back-off: a missing trigram's score less its context's
                    # weight, the same for every state of this group
                    below = pid << SHIFT
                    weight = bow1.get(pid, 0.0)
                    lower = [b if (b := bi.get(below | cid)) is not None else weight + uni[cid] for cid in ids]
                else:
                    lower = group[3]
                context = pp << SHIFT | pid
                base = context << SHIFT
                back = bow2.get(context)
                if back is None:  # a context no trigram has: every transition backs off, weighing nothing
                    vals = [lower[i] + (score - costs[i]) for i in range(n)]
                else:
                    vals = [(v if (v := tri_get(base | ids[i])) is not None else lower[i] + back) + (score - costs[i])
                            for i in range(n)]
                if group is None:
                    groups[j] = (vals, [si] * n, pid, lower)
                else:
                    gv, gs, _, _ = group
                    for i in range(n):
                        if vals[i] > gv[i]:
                            gv[i] = vals[i]
                            gs[i] = si
            if n == 1 and len(groups) == 1:
                ((vals, backs, pid, _),) = groups.values()
                states = [(pid, ids[0], vals[0], 0, backs[0])]
            else:
                top = max(max(vals) for vals, _, _, _ in groups.values()) - VITERBI_BEAM
                states = [
                    (pid, ids[i], v, i, backs[i])
                    for vals, backs, pid, _ in groups.values()
                    for i, v in enumerate(vals)
                    if v >= top
                ]
            history.append(states)
        state = max(states, key=lambda st: st[2])
        for idx in range(len(positions) - 1, -1, -1):
            tokens, t, cands = positions[idx]
            replacement = cands[2][state[3]]
            if replacement is not None:
                tokens[t] = apply_case(self._case_model(tokens, t), replacement)
            if idx:
                state = history[idx - 1][state[4]]

    def _case_model(self, tokens: list[str], t: int) -> str:
        """The token whose case the restored word takes: the OCR token, but in capitals when it is capitalised and
        not all capitals (a capital's marked letter read as a small glyph: "VỤ" read "Vy", "CỨ" read "Cir") and the
        words beside it on its line are words in capitals ("NHIEM Vy", "BAN THUONG Vy TINH"); an abbreviation beside
        it ("So GD&DT", "UBND Xa") is no such word."""
        tok = tokens[t]
        if not tok[:1].isupper() or tok.isupper():
            return tok
        beside = [_beside(tokens, t, step) for step in (-1, 1)]
        words = [w for w in beside if w]
        if words and all(w.isupper() and len(w) >= 2 and self._spelt_word(w.lower()) for w in words):
            return tok.upper()
        return tok

    def _spelt_word(self, low: str) -> bool:
        """A syllable, or the letters of one without its marks ("nhiem")."""
        return is_syllable(low) or low in self.skeletons


def _beside(tokens: list[str], t: int, step: int) -> str:
    """The word next to token `t` on its line in direction `step` (only spaces between), else ""."""
    k = t + step
    while 0 <= k < len(tokens) and tokens[k].isspace():
        k += step
    return tokens[k] if 0 <= k < len(tokens) and is_word(tokens[k]) else ""


def _renderings(syllable: str, emits: dict[str, list[tuple[float, str]]]) -> list[str]:
    """The likeliest OCR spellings of a syllable: one run per letter from `emits` (letter -> [(cost, run)], by cost),
    up to VOCAB_RENDERINGS of them within VOCAB_WIDTH of the likeliest, likeliest first."""
    if any(c not in emits for c in syllable):
        return []
    floor = [options[0][0] for options in (emits[c] for c in syllable)]
    rest = [sum(floor[i:]) for i in range(len(syllable) + 1)]  # the least the letters from i on can cost
    bound = rest[0] + VOCAB_WIDTH
    out: list[tuple[float, str]] = []

    def walk(i: int, spelt: str, cost: float) -> None:
        if i == len(syllable):
            out.append((cost, spelt))
            return
        for cc, run in emits[syllable[i]]:
            if cost + cc + rest[i + 1] > bound:
                break
            walk(i + 1, spelt + run, cost + cc)

    walk(0, "", 0.0)
    out.sort()
    return [spelt for _, spelt in out[:VOCAB_RENDERINGS]]


def _insert(layer: dict[int, float], target: dict[int, float], cap: float) -> None:
    """Skip one OCR character: every partial spelling moves on unchanged at INSERT_COST."""
    inf = math.inf
    for node, cost in layer.items():
        v = cost + INSERT_COST
        if v <= cap and v < target.get(node, inf):
            target[node] = v


def _pieces(line: str) -> list[str]:
    """Cut an overlong line at whitespace into bounded pieces (bounded memory per decode)."""
    pieces = []
    start = 0
    while start < len(line):
        end = min(len(line), start + PIECE_CHARS)
        if end < len(line):
            cut = line.rfind(" ", start + PIECE_CHARS // 2, end)
            if cut > start:
                end = cut + 1
        pieces.append(line[start:end])
        start = end
    return pieces


# A level of government, spelt, by its letters
_LEVEL_WORDS = {"tinh": "tỉnh", "xa": "xã", "huyen": "huyện", "phuong": "phường"}


def _name_after(tokens: list[str], t: int) -> bool:
    """The next token (one space on) is a capitalised word, and the token is not a sentence's first."""
    before = next((x for x in reversed(tokens[:t]) if not x.isspace()), "")
    nxt = tokens[t + 2] if t + 2 < len(tokens) and tokens[t + 1] == " " else ""
    return (
        bool(before)
        and before not in (".", ":", "|")
        and len(nxt) >= 2
        and nxt[0].isupper()
        and nxt[1:].islower()
        and is_word(nxt)
    )


def _alone(tokens: list[str], t: int) -> bool:
    """Token `t` is the only word of its line (numbers and punctuation aside)."""
    return not any(k != t and is_word(x) and any(c.isalpha() for c in x) for k, x in enumerate(tokens))


def _caps_beside(tokens: list[str], t: int) -> bool:
    """A word in capitals of two letters or more stands next to token `t` (only spaces between them)."""
    for step in (-1, 1):
        k = t + step
        while 0 <= k < len(tokens) and tokens[k].isspace():
            k += step
        if 0 <= k < len(tokens) and len(tokens[k]) >= 2 and tokens[k].isupper() and is_word(tokens[k]):
            return True
    return False


def _heading_mark(tokens: list[str], t: int) -> bool:
    """The token opens its line and a '.' or ')' follows it: a heading's or an item's mark ("VI. KINH PHÍ")."""
    return t + 1 < len(tokens) and tokens[t + 1] in (".", ")") and all(x.isspace() for x in tokens[:t])


@lru_cache(maxsize=1 << 16)
def _has_upper(tok: str) -> bool:
    return any(c.isupper() for c in tok)


def _is_code(tokens: list[str], t: int) -> bool:
    """Upper-case parts of document symbols such as 57-NQ/TW or 02-CTr/TU stay as written."""
    tok = tokens[t]
    if not _has_upper(tok):
        return False
    before = tokens[t - 1] if t > 0 else ""
    after = tokens[t + 1] if t + 1 < len(tokens) else ""
    if before == "/" or after == "/":
        return True
    return bool(before == "-" and t > 1 and tokens[t - 2][-1:].isdigit())


def _marked_names(text: str, typed: bool = False) -> dict[str, str]:
    """Letters (no marks) -> the lower-case spelling of the text's capitalised words that carry marks OCR never
    makes ("Lâm", "ĐÔNG"), where one spelling holds NAME_AGREE of them. In a typed text (`typed`) a capitalised
    word without marks right after a capitalised word with such marks is a name's syllable spelt so ("Sơn Lam,
    ngày …": "SƠN LAM" in the header stays, not the gazetteer's "Sơn Lâm")."""
    seen: dict[str, Counter[str]] = {}
    for m in _WORD_RE.finditer(text):
        w = m.group(0)
        if not w[0].isupper():
            continue
        low = w.lower()
        if not is_syllable(low):
            continue
        keys = [strip_marks(low)]
        if w[1:].islower() and (nxt := strip_marks(_opens_sentence(text, m.start(), m.end()).lower())):
            # "Chỉ tiêu …", "Căn cứ …" opening a line: capitalised by its place, no name; its spelling holds before
            # the same word, or one of the same first letter (OCR may have damaged the rest: "Can cir"), and says
            # nothing of the word before another ("Chỉ tiêu" of "Chi nhánh")
            keys = [f"{keys[0]} {nxt}", f"{keys[0]} {nxt[0]}"]
        if set(low) <= _OCR_LETTERS:
            if not (typed and w[1:].islower()):
                continue
            prev = _NAME_BEFORE.search(text[max(0, m.start() - 10) : m.start()])
            before = prev.group(1) if prev else ""
            if not before[:1].isupper() or set(before.lower()) <= _OCR_LETTERS or not is_syllable(before.lower()):
                continue
        pair = _NAME_AFTER.match(text, m.end())
        if pair and pair.group(1)[0].isupper() and not set(low) <= _OCR_LETTERS:
            # "Đồng Giang": a name's word the text marks, before the name's next word; it holds before that word
            # more firmly than the word alone (`PAIR_BONUS`: the gazetteer's "Đông Giang" is no match for the text)
            keys = [*keys, f"{_PAIR_KEY}{keys[0]} {strip_marks(pair.group(1).lower())}"]
        for key in keys:
            seen.setdefault(key, Counter())[modern_tone(low)] += 1
    out: dict[str, str] = {}
    for letters, forms in seen.items():
        form, n = forms.most_common(1)[0]
        if n >= NAME_AGREE * forms.total():
            out[letters] = form
    return out


# what may stand before a line's, a sentence's or a table cell's first word: bullets, item marks ("1.", "a)", "II."), a table's bar
_OPENING = re.compile(r"(?:^|\n|[.!?:;|]\s)[\s|*•+\-–]*(?:(?:\d{1,3}|[a-zđ]|[IVXL]{1,4})[.)]\s*)*(?:\d{1,3}\.\d{1,2}\.?\s*)?$")


def _opens_sentence(text: str, start: int, end: int) -> str:
    """The word in lower case that follows the word at text[start:end] when that word opens its line, sentence or
    cell: its capital is its place's ("Chỉ tiêu năm 2026", "Tổ chức thực hiện"), not a name's ("Đông Lâm, ngày …",
    "Chi nhánh Bắc Lạc"); else ""."""
    nxt = re.match(r" ([^\W\d_]+)", text[end : end + 20])
    if nxt and nxt.group(1)[0].islower() and _OPENING.search(text[max(0, start - 16) : start]):
        return nxt.group(1)
    return ""


def _next_word(tokens: list[str], t: int) -> str:
    """The word after tokens[t] when one space parts them, else ""."""
    if t + 2 < len(tokens) and tokens[t + 1] == " " and is_word(tokens[t + 2]):
        return tokens[t + 2]
    return ""


# the capitalised word right after a word, one space between them (a name's next word), and the key of such a pair
_NAME_AFTER = re.compile(r" ([^\W\d_]{2,})(?![^\W\d_])")
_PAIR_KEY = "~"
PAIR_BONUS = 3.0  # ... on top of NAME_BONUS, for a capitalised word the text spells so before the same next word

# the capitalised word right before a word, one space between them
_NAME_BEFORE = re.compile(r"(?<![^\W\d_])([^\W\d_][^\W\d_A-ZĐ]+) $")


# An abbreviation the text writes with Đ ("ĐTN", "TWĐTN") where OCR read D ("DTN"): keyed so in the names' dict
_ACRONYM_KEY = "="
_ACRONYM_RE = re.compile(r"(?<![^\W\d_])[A-ZĐ]{3,8}(?![^\W\d_])")


def _marked_acronyms(text: str) -> dict[str, str]:
    """Abbreviations in capitals with a Đ that the text writes one way ("ĐTN"), keyed by their D spelling."""
    seen: dict[str, Counter[str]] = {}
    for w in _ACRONYM_RE.findall(text):
        if "Đ" in w and not is_syllable(w.lower()):
            seen.setdefault(w.replace("Đ", "D"), Counter())[w] += 1
    return {_ACRONYM_KEY + k: next(iter(forms)) for k, forms in seen.items() if len(forms) == 1}


# A short name in capitals with no vowel that the text defines ("KT - Phòng Kinh tế", "VHXH: …", "(TTPV)"): no word
# lost its vowels there, it is the document's abbreviation ("KT" had been read "KẾT" in an OCR'd legend)
_DEFINED_RE = re.compile(
    r"(?<![^\W\d_])([BCDĐFGHJKLMNPQRSTVWXZ]{2,8})(?:\s+[-–]|\s*[:=])\s*(?=[A-ZĐÀ-Ỹ])|\(([BCDĐFGHJKLMNPQRSTVWXZ]{2,8})\)")


def _defined_acronyms(text: str) -> dict[str, str]:
    """Abbreviations without a vowel that the text defines, keyed as `_marked_acronyms`' (spelt as written)."""
    return {_ACRONYM_KEY + w: w for pair in _DEFINED_RE.findall(text) for w in pair if w}


def _prefer_names(cands: Choices, names: dict[str, str], tok: str, bonus: float = NAME_BONUS, after: str = "") -> Choices:
    """`cands` with the spelling the text gives its capitalised word (`_marked_names`) made cheaper; `after`, the
    word that follows it, finds the spelling the text gives the word where it opens a line before the same word (or,
    failing that, one of the same first letter)."""
    ids, costs, outs = cands
    low = tok.lower()
    nxt = strip_marks(after.lower()) if after else ""

    def spelt(letters: str) -> str | None:
        if letters in names:
            return names[letters]
        if nxt:
            return names.get(f"{letters} {nxt}") or names.get(f"{letters} {nxt[0]}")
        return None

    hit = [i for i, o in enumerate(outs) if spelt(strip_marks(o if o is not None else low)) == (o if o is not None else low)]
    if not hit:
        return cands
    # the text spells the word so before this same next word ("Đồng Giang"): a name's pair, firmer
    pair = {i for i in hit if nxt and names.get(f"{_PAIR_KEY}{strip_marks(outs[i] or low)} {nxt}") == (outs[i] or low)}
    return ids, tuple(c - bonus - (PAIR_BONUS if i in pair else 0.0) if i in hit else c for i, c in enumerate(costs)), outs


def _typed_share(text: str) -> float:
    """The share of a text's words that carry a mark this OCR never produces (typed text: about 87 %)."""
    words = _WORD_RE.findall(text)
    if not words:
        return 1.0
    return sum(1 for w in words if not set(w.lower()) <= _OCR_LETTERS) / len(words)


# a technical code or a unit's code: a number then capitals ("3D", "5G"), capitals then a number ("C06", "PA05", "QH15")
_NUMBER_CODE = re.compile(r"\d{1,2}[A-Z]{1,2}|[A-Z]{1,3}\d{2,3}")


def _looks_clean(
    tokens: list[str],
    skeletons: frozenset[str] = frozenset(),
    share: float = CLEAN_SHARE,
    kinds: dict[str, int] | None = None,
) -> bool:
    """A line of correct Vietnamese: many valid marked syllables and no OCR tell-tales; a word without
    marks that is no syllable but the letters of one ("chuyen", "nguoi": `skeletons`) is such a tell-tale.
    `kinds` keeps each token's `_word_kind` (for these `skeletons`)."""
    if kinds is None or len(kinds) > 200_000:
        kinds = {} if kinds is None else kinds
        kinds.clear()
    words = marked = 0
    for t in tokens:
        kind = kinds.get(t)
        if kind is None:
            kind = kinds[t] = _word_kind(t, skeletons)
        if kind == _TELL_TALE:
            return False
        if kind != _NO_WORD:
            words += 1
            marked += kind == _MARKED
    return bool(words) and marked >= share * words


_NO_WORD, _TELL_TALE, _MARKED, _PLAIN = range(4)


def _word_kind(t: str, skeletons: frozenset[str]) -> int:
    """How a token counts in `_looks_clean`: no word there, an OCR tell-tale, a word with marks OCR never makes, or
    another word."""
    # Item letters ("đ)"), acronyms ("HĐND") and codes of a number and capitals ("3D", "5G", "C06") are no syllables
    # in typed text either ("Số hóa 3D các di tích" is typed: its "3D" had been read "ở").
    if (
        not is_word(t)
        or t.isdigit()
        or len(t) <= 1
        or (t.isupper() and t.isalpha() and not is_syllable(t.lower()))
        or _NUMBER_CODE.fullmatch(t)
    ):
        return _NO_WORD
    low = t.lower()
    if any(ch.isdigit() or ch in DAMAGE_SYMBOLS for ch in low):
        return _TELL_TALE
    if has_marks(low):
        if not is_syllable(low):
            return _TELL_TALE
        return _PLAIN if set(low) <= _OCR_LETTERS else _MARKED
    if low in skeletons and not is_syllable(low):
        return _TELL_TALE
    return _PLAIN

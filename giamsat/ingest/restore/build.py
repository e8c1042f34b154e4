"""Rebuild the restorer's model (data/model.tsv.gz) from text available offline.

    python -m giamsat.ingest.restore.build [--shared DIR] [--out PATH]

Sources, each optional except the shipped domain text: the two clean reference plans in the
shared directory, the domain prose and lexicon in data/, Vietnamese translation catalogues
shipped by Debian packages, hunspell-vi and tesseract's Vietnamese word list. The confusion
counts are learned from the tuning half of the hand-corrected gold set (never the held-out half).
"""

from __future__ import annotations

import argparse
import gettext
import gzip
import os
import re
import shutil
import subprocess
import sys
import tempfile
import unicodedata
from collections import Counter
from collections.abc import Iterable, Iterator
from pathlib import Path

from .channel import learn_counts
from .syllable import NAME, PROSE, corpus_cases, corpus_syllables, is_syllable, is_word, modern_tone, tokenize

HERE = Path(__file__).parent
DATA = HERE / "data"
REPO = HERE.parents[2]
GOLD = REPO / "giamsat" / "ingest" / "tests" / "data" / "restore_gold.tsv"
HUNSPELL = Path("/usr/share/hunspell/vi_VN.dic")
LOCALE = Path("/usr/share/locale/vi/LC_MESSAGES")
TESSDATA = Path("/usr/share/tesseract-ocr/5/tessdata/vie.traineddata")

DOMAIN_WEIGHT = 4
REFERENCE_WEIGHT = 4
GOLD_WEIGHT = 2
CATALOGUE_WEIGHT = 1
GAZETTEER_WEIGHT = 1
DEV_FOLDS = 3
SELF_TRAIN_WEIGHT = int(os.environ.get("GIAMSAT_RESTORE_SELF_TRAIN", "1"))


def shared_dir() -> Path:
    return Path(os.environ.get("GIAMSAT_SHARED_DIR", REPO.parent / "shared"))


def clean_markup(line: str) -> str:
    """Drop the Markdown the reference plans carry (headings, emphasis, bullets, table bars)."""
    line = re.sub(r"^\s*(#+|\*\s|-\s|\d+\.\s)", " ", line)
    return line.replace("**", " ").replace("*", " ").replace("|", " ").replace("#", " ")


def reference_lines(shared: Path) -> Iterator[str]:
    ref = shared / "reference"
    if not ref.is_dir():
        print(f"warning: no reference plans at {ref}", file=sys.stderr)
        return
    for path in sorted(ref.glob("*.txt")):
        for line in path.read_text(encoding="utf-8").splitlines():
            if not line.startswith("# source:"):
                yield clean_markup(line)


def domain_lines() -> Iterator[str]:
    for name in ("domain_corpus.txt", "domain_reports.txt", "domain_lexicon.txt", "domain_units.txt"):
        path = DATA / name
        if path.exists():
            for line in path.read_text(encoding="utf-8").splitlines():
                if line.strip() and not line.startswith("#"):
                    yield line


def catalogue_lines() -> Iterator[str]:
    """msgstr texts of the Vietnamese .mo catalogues Debian packages install."""
    if not LOCALE.is_dir():
        return
    for path in sorted(LOCALE.glob("*.mo")):
        try:
            with path.open("rb") as fh:
                catalog = gettext.GNUTranslations(fh)._catalog  # type: ignore[attr-defined]
        except (OSError, UnicodeDecodeError, ValueError):
            continue
        for value in catalog.values():
            if isinstance(value, str):
                text = re.sub(r"%[-+ #0-9.*]*[a-zA-Z]|[_&~]", " ", value)
                yield from text.splitlines()


def gazetteer_lines() -> Iterator[str]:
    """Vietnam's provinces, districts and communes ("Xã Tân Phú", "Phường Ba Đình", "Tỉnh Đồng Nai"), before
    and after the 2025 reorganisation, from the `vietnam-provinces` package's data: plans name their units
    and places in every line of their headers and assignments, and OCR drops the marks of capitals first."""
    try:
        import vietnam_provinces as current
        from vietnam_provinces import legacy
    except ImportError:
        return
    for module in (current, legacy):
        for kind in ("Province", "District", "Ward"):
            cls = getattr(module, kind, None)
            if cls is not None and hasattr(cls, "iter_all"):
                for unit in cls.iter_all():
                    yield str(unit.name)


def hunspell_words() -> list[str]:
    if not HUNSPELL.exists():
        return []
    lines = HUNSPELL.read_text(encoding="utf-8", errors="replace").splitlines()[1:]
    return [line.split("/")[0].strip() for line in lines]


def tesseract_words() -> list[str]:
    """tesseract-ocr-vie's word list, unpacked with combine_tessdata and dawg2wordlist."""
    combine, dawg = shutil.which("combine_tessdata"), shutil.which("dawg2wordlist")
    if not (combine and dawg and TESSDATA.exists()):
        return []
    with tempfile.TemporaryDirectory() as tmp:
        prefix = str(Path(tmp) / "vie.")
        subprocess.run([combine, "-u", str(TESSDATA), prefix], check=False, capture_output=True)
        out = Path(tmp) / "words.txt"
        subprocess.run(
            [dawg, prefix + "lstm-unicharset", prefix + "lstm-word-dawg", str(out)],
            check=False,
            capture_output=True,
        )
        if not out.exists():
            return []
        return out.read_text(encoding="utf-8", errors="replace").split()


def read_gold(path: Path = GOLD) -> list[tuple[str, int, str, str]]:
    """Rows (seed file, line number, split, corrected text) of the hand-made gold set."""
    rows: list[tuple[str, int, str, str]] = []
    if not path.exists():
        return rows
    for raw in path.read_text(encoding="utf-8").splitlines():
        if not raw.strip() or raw.startswith("#"):
            continue
        name, number, split, text = raw.split("\t", 3)
        rows.append((name, int(number), split, text))
    return rows


def seed_line(shared: Path, name: str, number: int) -> str:
    lines = (shared / "seeds" / name).read_text(encoding="utf-8").split("\n")
    return lines[number - 1]


def token_pairs(damaged: str, corrected: str) -> list[tuple[str, str]]:
    """(OCR token, true token) pairs of a gold line; the gold keeps the OCR tokenization."""
    a = [t for t in tokenize(damaged) if is_word(t)]
    b = [t for t in tokenize(corrected) if is_word(t)]
    if len(a) != len(b):
        return []
    return list(zip(a, b, strict=True))


class Cases:
    """How often each bigram and trigram was seen with its last word as a name's later syllable, and
    as prose (`syllable.corpus_cases`): a gram seen only in names is a name's ("xuân sơn nam")."""

    def __init__(self) -> None:
        self.prose: Counter[tuple[str, ...]] = Counter()
        self.name: Counter[tuple[str, ...]] = Counter()

    def names(self, grams: Iterable[tuple[str, ...]]) -> set[tuple[str, ...]]:
        return {g for g in grams if self.name[g] and not self.prose[g]}


def count_ngrams(
    lines: Iterable[str],
    weight: int,
    uni: Counter[str],
    bi: Counter[tuple[str, str]],
    tri: Counter[tuple[str, str, str]],
    split_foreign: bool = False,
    cases: Cases | None = None,
) -> None:
    """Add weighted n-gram counts; with split_foreign, runs between non-syllable words count apart
    (software messages are full of English words that would make <x> look common)."""
    for line in lines:
        toks = corpus_syllables(line)
        case = corpus_cases(line) if cases is not None else [""] * len(toks)
        runs = [(toks, case)]
        if split_foreign:
            runs, start = [], 0
            for k, tok in enumerate([*toks, "<x>"]):
                if tok == "<x>":
                    runs.append((toks[start:k], case[start:k]))
                    start = k + 1
        for run, run_case in runs:
            if run:
                _count_run(run, weight, uni, bi, tri)
                if cases is not None:
                    _count_cases(run, run_case, cases)


def _count_run(
    toks: list[str],
    weight: int,
    uni: Counter[str],
    bi: Counter[tuple[str, str]],
    tri: Counter[tuple[str, str, str]],
) -> None:
    seq = ["<s>", "<s>", *toks]
    for i in range(2, len(seq)):
        uni[seq[i]] += weight
        bi[(seq[i - 1], seq[i])] += weight
        tri[(seq[i - 2], seq[i - 1], seq[i])] += weight


def _count_cases(toks: list[str], case: list[str], cases: Cases) -> None:
    seq = ["<s>", "<s>", *toks]
    for i in range(2, len(seq)):
        if case[i - 2] in (PROSE, NAME):
            count = cases.prose if case[i - 2] == PROSE else cases.name
            count[(seq[i - 1], seq[i])] += 1
            count[(seq[i - 2], seq[i - 1], seq[i])] += 1


def tuning_rows(dev_fold: int | None = None) -> list[tuple[str, int, str, str]]:
    """Gold rows the model may learn from; with dev_fold, one third of them is left out for dev."""
    rows = [g for g in read_gold() if g[2] == "tune"]
    if dev_fold is None:
        return rows
    return [g for i, g in enumerate(rows) if i % DEV_FOLDS != dev_fold]


def dev_rows(dev_fold: int) -> list[tuple[str, int, str, str]]:
    rows = [g for g in read_gold() if g[2] == "tune"]
    return [g for i, g in enumerate(rows) if i % DEV_FOLDS == dev_fold]


def build(shared: Path, out: Path, dev_fold: int | None = None) -> None:
    uni: Counter[str] = Counter()
    bi: Counter[tuple[str, str]] = Counter()
    tri: Counter[tuple[str, str, str]] = Counter()
    cases = Cases()
    count_ngrams(reference_lines(shared), REFERENCE_WEIGHT, uni, bi, tri, cases=cases)
    count_ngrams(domain_lines(), DOMAIN_WEIGHT, uni, bi, tri, cases=cases)
    count_ngrams(gazetteer_lines(), GAZETTEER_WEIGHT, uni, bi, tri, cases=cases)
    tuning = tuning_rows(dev_fold)
    count_ngrams((g[3] for g in tuning), GOLD_WEIGHT, uni, bi, tri, cases=cases)
    cat_uni: Counter[str] = Counter()
    cat_bi: Counter[tuple[str, str]] = Counter()
    cat_tri: Counter[tuple[str, str, str]] = Counter()
    count_ngrams(
        catalogue_lines(), CATALOGUE_WEIGHT, cat_uni, cat_bi, cat_tri, split_foreign=True, cases=cases
    )
    uni.update(cat_uni)
    bi.update({k: v for k, v in cat_bi.items() if v > 1 and "<x>" not in k})
    tri.update({k: v for k, v in cat_tri.items() if v > 2 and "<x>" not in k})

    inventory = {w for w in uni if is_syllable(w) and (uni[w] > 1 or w not in cat_uni)}
    for word in hunspell_words() + tesseract_words():
        for part in word.split():
            low = unicodedata.normalize("NFC", part.lower())
            if is_syllable(low):
                inventory.add(modern_tone(low))

    pairs: list[tuple[str, str]] = []
    for name, number, _split, text in tuning:
        try:
            damaged = seed_line(shared, name, number)
        except (OSError, IndexError):
            continue
        for d, g in token_pairs(damaged, text):
            gl = g.lower()
            if is_syllable(gl):
                pairs.append((d.lower(), gl))
    conf = learn_counts(pairs)

    write_model(out, inventory, uni, bi, tri, conf, cases)
    if SELF_TRAIN_WEIGHT:
        self_train(shared, out, dev_fold, inventory, uni, bi, tri, conf, cases)
    from .decoder import Restorer

    Restorer(out)  # builds the decoder's tables once and writes them beside the model (`restore.tables`)
    print(
        f"inventory {len(inventory)} syllables; {len(uni)} unigrams, {len(bi)} bigrams, "
        f"{len(tri)} trigrams; {len(pairs)} confusion pairs from {len(tuning)} gold lines; "
        f"{out.stat().st_size / 1e6:.2f} MB -> {out}"
    )


def self_train(
    shared: Path,
    out: Path,
    dev_fold: int | None,
    inventory: set[str],
    uni: Counter[str],
    bi: Counter[tuple[str, str]],
    tri: Counter[tuple[str, str, str]],
    conf: dict[str, Counter[str]],
    cases: Cases,
) -> None:
    """Restore the seed plans with the first model and add what it reads, at a low weight.

    This teaches the LM the seeds' own phrasing; the held-out gold lines (and, in a development
    run, the dev fold) are skipped, so they never feed the model.
    """
    from .decoder import Restorer

    seeds = shared / "seeds"
    if not seeds.is_dir():
        return
    skip = {(g[0], g[1]) for g in read_gold() if g[2] == "hold"}
    if dev_fold is not None:
        skip |= {(g[0], g[1]) for g in dev_rows(dev_fold)}
    restorer = Restorer(out, cache=False)  # the first model's tables are of no use once it is replaced
    for path in sorted(seeds.glob("*.txt")):
        lines = path.read_text(encoding="utf-8").split("\n")
        kept = ["" if (path.name, i + 1) in skip else line for i, line in enumerate(lines)]
        restored = restorer.restore_text("\n".join(kept)).split("\n")
        count_ngrams(restored, SELF_TRAIN_WEIGHT, uni, bi, tri, cases=cases)
    write_model(out, inventory, uni, bi, tri, conf, cases)


def write_model(
    out: Path,
    inventory: set[str],
    uni: Counter[str],
    bi: Counter[tuple[str, str]],
    tri: Counter[tuple[str, str, str]],
    conf: dict[str, Counter[str]],
    cases: Cases | None = None,
) -> None:
    out.parent.mkdir(parents=True, exist_ok=True)
    # written beside and renamed over the model: a process loading it meanwhile reads the old model or the new, whole
    tmp = out.with_name(out.name + ".tmp")
    with gzip.open(tmp, "wt", encoding="utf-8", compresslevel=9) as fh:
        for w in sorted(inventory):
            fh.write(f"I\t{w}\n")
        for w, n in sorted(uni.items()):
            fh.write(f"1\t{w}\t{n}\n")
        for (a, b), n in sorted(bi.items()):
            fh.write(f"2\t{a} {b}\t{n}\n")
        for (a, b, c), n in sorted(tri.items()):
            fh.write(f"3\t{a} {b} {c}\t{n}\n")
        for gram in sorted(cases.names([*bi, *tri]) if cases is not None else ()):
            fh.write(f"N\t{' '.join(gram)}\n")
        for c, segs in sorted(conf.items()):
            for seg, n in sorted(segs.items()):
                fh.write(f"C\t{c}\t{seg}\t{n}\n")
    os.replace(tmp, out)


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--shared", type=Path, default=None, help="shared directory (reference/, seeds/)")
    parser.add_argument("--out", type=Path, default=DATA / "model.tsv.gz")
    parser.add_argument(
        "--dev-fold",
        type=int,
        default=None,
        help="leave this third of the tuning gold out (for development runs)",
    )
    args = parser.parse_args(argv)
    build(args.shared or shared_dir(), args.out, args.dev_fold)


if __name__ == "__main__":
    main()

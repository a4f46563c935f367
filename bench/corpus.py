"""Generate benchmark corpora: N perturbed copies of the seed articles, deterministic with a seed.

Each generated source starts from one seed article (in turn) and is changed the way rewritten and
machine-translated coverage differs: sentences reordered, some dropped, some added from the other
seeds, words misspelt, numbers changed, sentences split at a comma or merged with the next one.
The same ``(size, seed)`` gives the same files byte for byte, so runs can be compared.

    python -m bench.corpus --size 1000 --out bench/out/n1000
"""

from __future__ import annotations

import argparse
import hashlib
import json
import random
import re
import shutil
from dataclasses import dataclass
from pathlib import Path
from typing import Sequence

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"

# Chances per source / sentence / word. Chosen so that copies stay recognisably the same story
# (most sentences keep most words) while every kind of drift the checks look for occurs often.
P_DROP = 0.15
P_SWAP = 0.10
P_ADD = 0.08
P_MISSPELL = 0.03
P_NUMBER = 0.25
P_SPLIT = 0.05
P_MERGE = 0.05

_WORD_RE = re.compile(r"[A-Za-z]{4,}")
_NUMBER_RE = re.compile(r"\d+(?:\.\d+)?")
_COMMA_RE = re.compile(r", (?=[a-z])")
_MARKER = "corpus.json"
LABELS = "labels.json"


@dataclass(frozen=True)
class SeedArticle:
    name: str
    sentences: tuple[str, ...]


def seed_articles(folder: Path = SEEDS) -> list[SeedArticle]:
    """The seed articles as lists of content sentences, read and split by srccompare itself."""
    from srccompare import segment, sources

    files, _ = sources.collect([folder])
    out = []
    for f in files:
        src = sources.read_source(f)
        out.append(SeedArticle(src.id, tuple(p.text for p in segment.segment(src))))
    return out


def _misspell(word: str, rng: random.Random) -> str:
    """One typing or transliteration slip: swap, drop, double or replace a letter."""
    i = rng.randrange(1, len(word) - 1)
    kind = rng.randrange(4)
    if kind == 0:
        return word[:i] + word[i + 1] + word[i] + word[i + 2:]
    if kind == 1:
        return word[:i] + word[i + 1:]
    if kind == 2:
        return word[:i] + word[i] + word[i:]
    return word[:i] + rng.choice("aeioucsz") + word[i + 1:]


def _perturb_sentence(text: str, rng: random.Random) -> str:
    text = _WORD_RE.sub(lambda m: _misspell(m.group(), rng) if rng.random() < P_MISSPELL else m.group(), text)

    def number(m: re.Match[str]) -> str:
        if rng.random() >= P_NUMBER:
            return m.group()
        value = float(m.group())
        changed = value + rng.choice((-1, 1)) * max(1, round(value * rng.uniform(0.05, 0.3)))
        return str(int(changed)) if "." not in m.group() else f"{changed:.1f}"

    return _NUMBER_RE.sub(number, text)


def _split(text: str, rng: random.Random) -> list[str]:
    commas = [m.start() for m in _COMMA_RE.finditer(text)]
    if not commas:
        return [text]
    cut = rng.choice(commas)
    left, right = text[:cut].rstrip() + ".", text[cut + 2:]
    return [left, right[:1].upper() + right[1:]]


def _merge(first: str, second: str) -> str:
    first = first.rstrip()
    if first.endswith("."):
        first = first[:-1]
    return f"{first}, and {second[:1].lower()}{second[1:]}"


def make_source(k: int, articles: Sequence[SeedArticle], seed: int) -> tuple[str, list[tuple[int, int, str]]]:
    """Generated source number ``k``: its text, and labels ``(start, end, origin)`` for each
    sentence, ``origin`` being the seed sentence it came from (``"seed-name:index"``; a merged
    sentence is labelled with its first part). Depends only on ``k``, the seeds and ``seed``."""
    rng = random.Random(f"{seed}:{k}")
    base = articles[k % len(articles)]
    sentences = [(s, f"{base.name}:{i}") for i, s in enumerate(base.sentences) if rng.random() >= P_DROP]
    others = [(s, f"{a.name}:{i}") for a in articles if a is not base for i, s in enumerate(a.sentences)]
    for _ in range(sum(1 for _ in sentences if rng.random() < P_ADD)):
        sentences.insert(rng.randrange(len(sentences) + 1), rng.choice(others))
    for i in range(len(sentences) - 1):
        if rng.random() < P_SWAP:
            sentences[i], sentences[i + 1] = sentences[i + 1], sentences[i]
    shaped: list[tuple[str, str]] = []
    i = 0
    while i < len(sentences):
        s, origin = sentences[i]
        if i + 1 < len(sentences) and rng.random() < P_MERGE:
            shaped.append((_merge(s, sentences[i + 1][0]), origin))
            i += 2
            continue
        shaped.extend((part, origin) for part in (_split(s, rng) if rng.random() < P_SPLIT else [s]))
        i += 1
    shaped = [(_perturb_sentence(s, rng), origin) for s, origin in shaped]
    text = ""
    labels: list[tuple[int, int, str]] = []
    i = 0
    while i < len(shaped):
        size = rng.randint(1, 3)
        if text:
            text += "\n\n"
        for j, (s, origin) in enumerate(shaped[i:i + size]):
            if j:
                text += " "
            labels.append((len(text), len(text) + len(s), origin))
            text += s
        i += size
    return text + "\n", labels


def generate(size: int, out: Path, *, seed: int = 0) -> list[Path]:
    """Write ``size`` sources into ``out`` (reused if already generated with the same parameters).

    Returns the file paths in name order.
    """
    articles = seed_articles()
    params = {"size": size, "seed": seed, "seeds": sorted(a.name for a in articles), "version": 2,
              "digest": hashlib.sha256("\x1e".join(s for a in articles for s in a.sentences).encode()).hexdigest()}
    marker = out / _MARKER
    paths = [out / f"src{k:06d}.txt" for k in range(size)]
    if marker.is_file() and json.loads(marker.read_text()) == params and all(p.is_file() for p in paths):
        return paths
    if out.exists():
        shutil.rmtree(out)
    out.mkdir(parents=True)
    labels = {}
    for k, path in enumerate(paths):
        text, labels[path.stem] = make_source(k, articles, seed)
        path.write_text(text, encoding="utf-8")
    # Outside the sources' folder would be tidier, but next to them it travels with them; the
    # reader only takes .txt/.md/.html, so it is never read as a source.
    (out / LABELS).write_text(json.dumps(labels))
    marker.write_text(json.dumps(params))
    return paths


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Generate a benchmark corpus from the seed articles.")
    parser.add_argument("--size", type=int, required=True, help="number of sources to generate")
    parser.add_argument("--out", type=Path, required=True, help="folder to write them into (replaced)")
    parser.add_argument("--seed", type=int, default=0, help="random seed (default 0)")
    args = parser.parse_args(argv)
    paths = generate(args.size, args.out, seed=args.seed)
    print(f"{len(paths)} sources in {args.out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

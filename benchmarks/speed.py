"""How fast the knowledge base loads and answers, on the shipped base and a 10,000-entry one.

    .venv/bin/python benchmarks/speed.py [--knowledge DIR] [--entries 10000]

Questions asked: the stored questions of the base, lightly reworded (affixes, slang,
a typo), plus ../shared/dev_questions.tsv when present. The generated base repeats the
shipped entries with new ids, product and place words and a few unique words each, so
its vocabulary and postings grow as a real base would; it is written as YAML files and
loaded through the same validator. Peak memory is measured with tracemalloc in a
separate pass (tracemalloc slows things, so timings are taken without it).
"""

from __future__ import annotations

import argparse
import random
import statistics
import sys
import tempfile
import time
import tracemalloc
from collections.abc import Callable
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from bot.config import MatcherConfig, load_config  # noqa: E402
from bot.knowledge import KnowledgeBase, load_knowledge  # noqa: E402

DEV_QUESTIONS = ROOT.parent / "shared" / "dev_questions.tsv"
PRODUCTS = ("keripik", "kopi", "batik", "sambal", "madu", "rotan", "furnitur", "teh",
            "abon", "kerupuk", "gula aren", "tenun", "kosmetik", "rempah", "ikan asap")
PLACES = ("Malang", "Kediri", "Surabaya", "Jember", "Blitar", "Gresik", "Sidoarjo",
          "Jepang", "Belanda", "Jerman", "Korea", "Australia", "Arab Saudi", "China")
REWORD = (("bagaimana", "gmn"), ("berapa", "brp"), ("sertifikat", "sertif"),
          ("dokumen", "dok"), ("yang", "yg"), ("membuat", "bikin"), ("sudah", "udh"))


def reworded(question: str, rng: random.Random) -> str:
    q = question.lower()
    for formal, chat in REWORD:
        q = q.replace(formal, chat)
    words = q.split()
    if len(words) > 3:  # one typo: swap two letters of a longer word
        i = max(range(len(words)), key=lambda j: len(words[j]))
        w = words[i]
        if len(w) > 5:
            k = rng.randrange(1, len(w) - 2)
            words[i] = w[:k] + w[k + 1] + w[k] + w[k + 2:]
    return " ".join(words) + f" buat {rng.choice(PRODUCTS)}"


def questions_for(kb: KnowledgeBase, rng: random.Random) -> list[str]:
    out = [reworded(q, rng) for e in kb.entries.values() for q in e.questions]
    if DEV_QUESTIONS.exists():
        lines = DEV_QUESTIONS.read_text(encoding="utf-8").splitlines()[1:]
        out += [line.split("\t", 1)[0] for line in lines if "\t" in line]
    return out


def generated_base(kb: KnowledgeBase, size: int, folder: Path, rng: random.Random) -> None:
    """Write `size` entries derived from `kb` into YAML files of 100 entries each."""
    shipped = list(kb.entries.values())
    entries = []
    for i in range(size):
        e = shipped[i % len(shipped)]
        product, place = rng.choice(PRODUCTS), rng.choice(PLACES)
        unique = [f"istilah{i}x{j}" for j in range(3)]
        entries.append({
            "id": f"{e.id}-{i}",
            "title": e.title[:50],
            "questions": [f"{q} untuk {product} dari {place}" for q in e.questions]
            + [f"apa itu {unique[0]} {unique[1]}"],
            "keywords": [*e.keywords, *unique],
            "tags": [product, place.lower()],
            "answer": e.answer,
            "sources": [{"title": s.title, "url": s.url} for s in e.sources],
            "reviewed": e.reviewed.isoformat(),
        })
    for start in range(0, size, 100):
        chunk = {"category": "Uji kecepatan", "entries": entries[start:start + 100]}
        text = yaml.safe_dump(chunk, allow_unicode=True, sort_keys=False)
        (folder / f"bagian-{start // 100:03d}.yaml").write_text(text, encoding="utf-8")
    vocabulary = {
        "singkatan": {k: " ".join(v) for k, v in kb.vocabulary.slang.items()},
        "sinonim": [list(g) for g in kb.vocabulary.synonym_groups],
    }
    (folder / "kosakata.yaml").write_text(yaml.safe_dump(vocabulary, allow_unicode=True),
                                          encoding="utf-8")


def timed(call: Callable[[], object]) -> float:
    start = time.perf_counter()
    call()
    return time.perf_counter() - start


def measure(
    name: str, folder: Path, config: MatcherConfig, questions: list[str], repeat: int = 3,
) -> None:
    loads = [timed(lambda: load_knowledge(folder, config)) for _ in range(repeat)]
    kb = load_knowledge(folder, config)
    for q in questions[:50]:  # warm-up: first-seen words fill the normaliser's cache
        kb.answer(q)
    times = sorted(timed(lambda q=q: kb.answer(q)) * 1000 for q in questions)
    p99 = times[min(len(times) - 1, int(len(times) * 0.99))]

    tracemalloc.start()
    kb = load_knowledge(folder, config)
    _, load_peak = tracemalloc.get_traced_memory()
    tracemalloc.reset_peak()
    base = tracemalloc.get_traced_memory()[0]
    for q in questions[:200]:
        kb.answer(q)
    answer_peak = tracemalloc.get_traced_memory()[1] - base
    tracemalloc.stop()

    print(f"{name}: {len(kb.entries)} entries, {len(questions)} questions")
    print(f"  load: median {statistics.median(loads):.3f} s (of {repeat})")
    print(f"  answer: median {statistics.median(times):.2f} ms, p99 {p99:.2f} ms, "
          f"max {times[-1]:.2f} ms")
    print(f"  peak memory: load {load_peak / 2**20:.1f} MiB, "
          f"answering {answer_peak / 2**20:.2f} MiB above the loaded base")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--knowledge", type=Path, default=ROOT / "knowledge")
    parser.add_argument("--config", type=Path, default=ROOT / "config.yaml")
    parser.add_argument("--entries", type=int, default=10_000)
    args = parser.parse_args()
    rng = random.Random(7)
    config = load_config(args.config).matcher
    start = time.perf_counter()
    kb = load_knowledge(args.knowledge, config)
    print(f"first load in this process (also reads the word lists): "
          f"{time.perf_counter() - start:.3f} s")
    questions = questions_for(kb, rng)
    measure("shipped base", args.knowledge, config, questions)
    with tempfile.TemporaryDirectory() as tmp:
        generated_base(kb, args.entries, Path(tmp), rng)
        measure("generated base", Path(tmp), config, questions, repeat=1)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

"""Matching a question to an entry: answer it, offer a few entries, or admit not knowing.

Built once per knowledge base. Each entry becomes a weighted bag of terms (its questions,
keywords, title and tags count fully, its answer only a little). A question's terms are
looked up in an inverted index, so only entries sharing a term are ever touched.

The score of an entry is the share of the question it explains: every question term
weighs its rarity (IDF) — a term the base never uses weighs as much as the rarest one —
and counts by how strongly the entry uses it. "bea masuk hp dari Singapura" shares
"bea" and "Singapura" with the base, but the rest is unexplained, so the score stays low
and the bot says it does not know. The best few entries are then compared, as normalised
word sequences, with the entry's stored questions (rapidfuzz) to settle close calls.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Literal

from rapidfuzz import fuzz, process

from bot.config import MatcherConfig
from bot.normalise import Normaliser

if TYPE_CHECKING:
    from bot.knowledge import Entry

# How strongly one occurrence in each part of an entry ties a term to the entry.
FIELD_WEIGHTS = {"question": 1.0, "keyword": 2.0, "title": 1.5, "tag": 1.0, "answer": 0.25}
SATURATION = 1.0  # strength = weight / (weight + SATURATION): repetition helps, then less
SIMILARITY_WEIGHT = 0.15  # how much likeness to a stored question adds to the share
RERANK = 8  # entries compared with their stored questions
CLOSE_CALL = 0.01  # runner-up this close to the best: offer choices instead of answering


@dataclass(frozen=True)
class Outcome:
    """What to do with a question. `entry_id` only for answer, `suggestions` only for suggest."""

    kind: Literal["answer", "suggest", "unknown"]
    score: float
    entry_id: str | None = None
    suggestions: tuple[str, ...] = ()


class Matcher:
    """Finds the entry a question is about; see the module docstring for how."""

    def __init__(
        self,
        entries: Sequence[Entry],
        slang: Mapping[str, tuple[str, ...]],
        synonym_groups: Iterable[tuple[str, ...]],
        config: MatcherConfig,
    ) -> None:
        self.config = config
        self.ids = [e.id for e in entries]
        self.normaliser = Normaliser(_all_texts(entries), slang, synonym_groups)
        terms = self.normaliser.terms
        weights: list[dict[str, float]] = []
        self.questions: list[list[str]] = []
        for entry in entries:
            w: dict[str, float] = {}
            parts = [("title", entry.title)]
            parts += [("question", q) for q in entry.questions]
            parts += [("keyword", k) for k in entry.keywords]
            parts += [("tag", t) for t in entry.tags]
            questions = []
            for kind, text in parts:
                found = terms(text)
                for term in set(found):
                    w[term] = w.get(term, 0.0) + FIELD_WEIGHTS[kind]
                if kind == "question":
                    questions.append(" ".join(found))
            for term in set(terms(entry.answer)):
                w[term] = w.get(term, 0.0) + FIELD_WEIGHTS["answer"]
            weights.append(w)
            self.questions.append(questions)

        n = max(len(entries), 1)
        df: dict[str, int] = {}
        for w in weights:
            for term in w:
                df[term] = df.get(term, 0) + 1
        self.idf = {t: math.log(1 + (n - d + 0.5) / (d + 0.5)) for t, d in df.items()}
        self.unknown_idf = math.log(1 + (n - 0.5) / 1.5)
        self.postings: dict[str, list[tuple[int, float]]] = {t: [] for t in df}
        for i, w in enumerate(weights):
            for term, weight in w.items():
                self.postings[term].append((i, weight / (weight + SATURATION)))

    def shares(self, question: str) -> tuple[list[str], list[tuple[float, int]]]:
        """The question's terms and, best first, (share of the question explained, entry)."""
        terms = list(dict.fromkeys(self.normaliser.terms(question)))
        total = sum(self.idf.get(t, self.unknown_idf) for t in terms)
        if not total:
            return terms, []
        explained: dict[int, float] = {}
        for term in terms:
            idf = self.idf.get(term)
            if idf is None:
                continue
            for i, strength in self.postings[term]:
                explained[i] = explained.get(i, 0.0) + idf * strength
        ranked = sorted(((s / total, i) for i, s in explained.items()), reverse=True)
        return terms, ranked

    def ranked(self, question: str) -> list[tuple[float, str]]:
        """(score 0..1, entry id) of the most likely entries, best first."""
        terms, shares = self.shares(question)
        if not shares:
            return []
        text = " ".join(terms)
        scored = []
        for share, i in shares[:RERANK]:
            similar = process.extractOne(text, self.questions[i], scorer=fuzz.token_sort_ratio)
            similarity = similar[1] / 100 if similar else 0.0
            # Similarity only counts as far as the share backs it: word order alone is no topic.
            score = (1 - SIMILARITY_WEIGHT) * share + SIMILARITY_WEIGHT * similarity * share**0.5
            scored.append((score, self.ids[i]))
        scored.sort(reverse=True)
        return scored

    def answer(self, question: str) -> Outcome:
        """Answer with one entry, suggest a few, or say the question is out of scope."""
        cfg = self.config
        ranked = self.ranked(question)
        if not ranked or ranked[0][0] < cfg.suggest_threshold:
            return Outcome("unknown", ranked[0][0] if ranked else 0.0)
        best, best_id = ranked[0]
        runner_up = ranked[1][0] if len(ranked) > 1 else 0.0
        if best >= cfg.answer_threshold and best - runner_up >= CLOSE_CALL:
            return Outcome("answer", best, entry_id=best_id)
        choices = tuple(i for s, i in ranked[: cfg.max_suggestions] if s >= cfg.suggest_threshold)
        return Outcome("suggest", best, suggestions=choices)


def _all_texts(entries: Iterable[Entry]) -> Iterable[str]:
    for e in entries:
        yield e.title
        yield from e.questions
        yield from e.keywords
        yield from e.tags
        yield e.answer

"""The knowledge base: entry files and the vocabulary, validated, then indexed for answering.

Admins edit YAML files in the knowledge folder (format: knowledge/README.md). Everything
wrong with them is reported as `file:line: message`, every problem at once, and a base with
any problem is never loaded: the bot keeps answering from the last good one.

YAML is read as nodes (safe loader) so every message has a line; anchors, aliases and
non-standard tags are refused outright rather than expanded (no "billion laughs").
"""

from __future__ import annotations

import datetime as dt
import difflib
import hashlib
import re
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit

import yaml

from bot.config import MatcherConfig
from bot.matcher import Matcher, Outcome
from bot.normalise import STOP_WORDS, tokenize

VOCABULARY_FILE = "kosakata.yaml"
MAX_ANSWER_CHARS = 3500  # + title, sources and footer still fit one 4,096-char message
MAX_TITLE_CHARS = 60  # shown on buttons
MAX_FILE_BYTES = 1_000_000
ID_PATTERN = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")

FILE_KEYS = ("category", "entries")
ENTRY_KEYS = (
    "id", "title", "category", "questions", "keywords", "tags", "answer", "sources",
    "reviewed", "related",
)
REQUIRED_KEYS = ("id", "title", "questions", "answer", "sources", "reviewed")
SOURCE_KEYS = ("title", "url")
VOCABULARY_KEYS = ("singkatan", "istilah", "sinonim", "di_luar_topik", "kata_ekspor", "topik_lain",
                   "tujuan_dalam_negeri", "pelabuhan", "nama_produk", "basa_basi")

_YAML = "tag:yaml.org,2002:"
_PLAIN_TAGS = frozenset(
    _YAML + t for t in ("str", "int", "float", "bool", "null", "timestamp", "seq", "map")
)


@dataclass(frozen=True)
class Source:
    title: str
    url: str


@dataclass(frozen=True)
class Entry:
    """One question topic and its answer. `file`/`line` say where an admin finds it."""

    id: str
    title: str
    category: str
    questions: tuple[str, ...]
    answer: str
    sources: tuple[Source, ...]
    reviewed: dt.date
    related: tuple[str, ...] = ()
    keywords: tuple[str, ...] = ()
    tags: tuple[str, ...] = ()
    file: str = ""
    line: int = 0


@dataclass(frozen=True, order=True)
class Problem:
    """Something an admin must fix; `file` is the name within the knowledge folder."""

    file: str
    line: int
    message: str

    def __str__(self) -> str:
        return f"{self.file}:{self.line}: {self.message}"


class KnowledgeError(Exception):
    """The knowledge base has problems and was not loaded."""

    def __init__(self, problems: list[Problem]) -> None:
        self.problems = problems
        super().__init__("\n".join(str(p) for p in problems))


@dataclass(frozen=True)
class Vocabulary:
    """kosakata.yaml: chat spellings -> full words, and groups of words meaning one thing."""

    slang: dict[str, tuple[str, ...]] = field(default_factory=dict)
    synonym_groups: tuple[tuple[str, ...], ...] = ()
    off_topic: tuple[str, ...] = ()  # requests the bot must always decline (di_luar_topik)
    export_words: tuple[str, ...] = ()  # words showing a question is about exporting
    other_topics: tuple[str, ...] = ()  # words of neighbouring topics the base leaves out
    domestic_places: tuple[str, ...] = ()  # Indonesian places goods may be sent to
    products: tuple[str, ...] = ()  # product names: no topic, and no sign of being off topic
    ports: tuple[str, ...] = ()  # Indonesian ports and airports: no topic either (pelabuhan)
    fillers: tuple[str, ...] = ()  # courtesy phrases left out of a question (basa_basi)


@dataclass(frozen=True)
class KnowledgeChanges:
    """Entry ids added, changed and removed between two loads, for the admin's reload reply."""

    added: tuple[str, ...]
    changed: tuple[str, ...]
    removed: tuple[str, ...]


def build_matcher(entries: list[Entry], vocabulary: Vocabulary, config: MatcherConfig) -> Matcher:
    """The matcher for these entries with everything kosakata.yaml tells it."""
    return Matcher(entries, vocabulary.slang, vocabulary.synonym_groups, config,
                   off_topic=vocabulary.off_topic, export_words=vocabulary.export_words,
                   other_topics=vocabulary.other_topics, products=vocabulary.products,
                   fillers=vocabulary.fillers, domestic_places=vocabulary.domestic_places,
                   ports=vocabulary.ports)


class KnowledgeBase:
    """A valid, loaded knowledge base; replaced whole on reload, never edited."""

    def __init__(
        self, entries: list[Entry], vocabulary: Vocabulary, files: dict[str, str],
        config: MatcherConfig,
    ) -> None:
        self.entries: dict[str, Entry] = {e.id: e for e in entries}
        self.categories: dict[str, list[str]] = {}
        for entry in entries:
            self.categories.setdefault(entry.category, []).append(entry.id)
        self.vocabulary = vocabulary
        self.files = files  # file name -> sha256 of its bytes
        self.matcher = build_matcher(entries, vocabulary, config)

    def answer(self, question: str) -> Outcome:
        """What the bot does with `question`: answer, suggest entries, or admit it doesn't know."""
        return self.matcher.answer(question)

    def nearby(self, question: str) -> tuple[str, ...]:
        """The entries closest to a question answered with "belum tahu"."""
        return self.matcher.nearby(question)

    def answer_follow_up(self, question: str, previous_id: str) -> Outcome | None:
        """`question` read as a follow-up to the answer `previous_id` ("trus biayanya?"
        after the halal answer): the answer it then gets, or None if it is no follow-up
        or still no single answer."""
        previous = self.entry(previous_id)
        if previous is None or not self.matcher.follows_up(question):
            return None
        outcome = self.matcher.answer(f"{previous.title}. {question}")
        if outcome.kind != "answer" or not outcome.entry_id:
            return None
        # the follow-up's own words must fit what it is answered with ("kalau ke Korea?"
        # after the Japan entry is no question about Japan)
        return outcome if self.matcher.explains(outcome.entry_id, question) else None

    def entry(self, entry_id: str) -> Entry | None:
        return self.entries.get(entry_id)

    def changes_from(self, old: KnowledgeBase) -> KnowledgeChanges:
        """What changed since `old` (position-only moves are not changes)."""
        def content(e: Entry) -> tuple[object, ...]:
            return (e.title, e.category, e.questions, e.answer, e.sources, e.reviewed,
                    e.related, e.keywords, e.tags)

        return KnowledgeChanges(
            added=tuple(i for i in self.entries if i not in old.entries),
            changed=tuple(i for i, e in self.entries.items()
                          if i in old.entries and content(e) != content(old.entries[i])),
            removed=tuple(i for i in old.entries if i not in self.entries),
        )


def check_knowledge(
    folder: Path, overrides: Mapping[str, str | None] | None = None,
) -> list[Problem]:
    """Every problem of the knowledge base in `folder`, sorted; [] means it is valid.

    `overrides` checks files as they would be: name -> new text (None = file deleted),
    e.g. an admin's uploaded file before it replaces the one on disk.
    """
    return _read_folder(Path(folder), overrides).problems


def load_knowledge(
    folder: Path, config: MatcherConfig, overrides: Mapping[str, str | None] | None = None,
) -> KnowledgeBase:
    """The knowledge base in `folder`; raises KnowledgeError listing every problem."""
    read = _read_folder(Path(folder), overrides)
    if read.problems:
        raise KnowledgeError(read.problems)
    return KnowledgeBase(read.entries, read.vocabulary, read.files, config)


# --- reading the folder ---------------------------------------------------------------


@dataclass(frozen=True)
class _Parsed:
    """One entry as read: `entry` is None if it has problems; `id` if it was readable."""

    id: str | None
    line: int
    entry: Entry | None
    related: list[tuple[str, int]]


@dataclass
class _Read:
    entries: list[Entry] = field(default_factory=list)
    vocabulary: Vocabulary = field(default_factory=Vocabulary)
    files: dict[str, str] = field(default_factory=dict)
    problems: list[Problem] = field(default_factory=list)


def _folder_texts(
    folder: Path, overrides: Mapping[str, str | None] | None,
) -> Iterator[tuple[str, bytes]]:
    """(name, bytes) of every file; overridden files last, so clashes are reported in them."""
    overrides = overrides or {}
    on_disk = sorted(p.name for p in folder.glob("*.yaml") if p.is_file()) \
        if folder.is_dir() else []
    for name in on_disk:
        if name not in overrides:
            yield name, (folder / name).read_bytes()
    for name in sorted(overrides):
        text = overrides[name]
        if text is not None:
            yield name, text.encode("utf-8")


def _read_folder(folder: Path, overrides: Mapping[str, str | None] | None) -> _Read:
    read = _Read()
    if not folder.is_dir() and not overrides:
        read.problems.append(Problem(str(folder), 0, "knowledge folder not found"))
        return read
    first_seen: dict[str, tuple[str, int]] = {}  # id -> (file, line), valid or not
    related: list[tuple[str, str, int, str]] = []  # (entry id, file, line, related id)
    for name, data in _folder_texts(folder, overrides):
        read.files[name] = hashlib.sha256(data).hexdigest()
        file = _FileReader(name)
        root = file.parse(data)
        if root is not None and name == VOCABULARY_FILE:
            read.vocabulary = file.vocabulary(root)
        elif root is not None:
            for parsed in file.entries(root):
                if parsed.id is None:
                    continue
                earlier = first_seen.get(parsed.id)
                if earlier is not None:
                    file.problem(parsed.line, f"duplicate id '{parsed.id}' (also at "
                                              f"{earlier[0]}:{earlier[1]})")
                    continue
                first_seen[parsed.id] = (name, parsed.line)
                if parsed.entry is not None:
                    read.entries.append(parsed.entry)
                related.extend((parsed.id, name, line, rid) for rid, line in parsed.related)
        read.problems.extend(file.problems)
    if not first_seen and not read.problems:
        read.problems.append(Problem(str(folder), 0, "no entries: add at least one *.yaml "
                                                     "file with entries"))
    for entry_id, name, line, rid in related:
        if rid == entry_id:
            read.problems.append(Problem(name, line, f"related: '{rid}' is this entry itself"))
        elif rid not in first_seen:
            hint = _did_you_mean(rid, first_seen)
            read.problems.append(Problem(name, line, f"related: unknown id '{rid}'{hint}"))
    read.problems.sort()
    return read


def _did_you_mean(word: str, choices: Mapping[str, object] | tuple[str, ...]) -> str:
    close = difflib.get_close_matches(word, list(choices), n=1, cutoff=0.75)
    return f" (did you mean '{close[0]}'?)" if close else ""


class _Rejected(yaml.YAMLError):
    def __init__(self, mark: yaml.Mark, message: str) -> None:
        super().__init__(message)
        self.mark = mark
        self.message = message


class _PythonParser(yaml.reader.Reader, yaml.scanner.Scanner, yaml.parser.Parser):
    """YAML events without libyaml."""

    def __init__(self, text: str) -> None:
        yaml.reader.Reader.__init__(self, text)
        yaml.scanner.Scanner.__init__(self)
        yaml.parser.Parser.__init__(self)


try:  # libyaml's parser when installed: about 20x faster on large files
    from yaml.cyaml import CParser as _Parser
except ImportError:  # pragma: no cover - depends on how PyYAML was built
    _Parser = _PythonParser  # type: ignore[misc, assignment]


class _StrictLoader(yaml.composer.Composer, yaml.resolver.Resolver, _Parser):
    """Composes nodes only; refuses anchors and aliases so nothing is ever expanded.

    Events may come from libyaml; composing stays in Python so every node passes
    through `compose_node`.
    """

    def __init__(self, text: str) -> None:
        _Parser.__init__(self, text)
        yaml.composer.Composer.__init__(self)
        yaml.resolver.Resolver.__init__(self)

    def compose_node(self, parent: yaml.Node | None, index: object) -> yaml.Node | None:
        event = self.peek_event()
        if isinstance(event, yaml.AliasEvent):
            raise _Rejected(event.start_mark, f"YAML alias '*{event.anchor}' is not allowed: "
                                              "write the text out in full")
        if getattr(event, "anchor", None):
            raise _Rejected(event.start_mark, f"YAML anchor '&{event.anchor}' is not allowed")
        return super().compose_node(parent, index)


def _line(node: yaml.Node) -> int:
    return node.start_mark.line + 1


class _FileReader:
    """Reads one file's nodes into entries or vocabulary, collecting problems."""

    def __init__(self, name: str) -> None:
        self.name = name
        self.problems: list[Problem] = []

    def problem(self, line: int, message: str) -> None:
        self.problems.append(Problem(self.name, line, message))

    def parse(self, data: bytes) -> yaml.Node | None:
        if len(data) > MAX_FILE_BYTES:
            self.problem(1, f"file is larger than {MAX_FILE_BYTES // 1000} KB")
            return None
        try:
            text = data.decode("utf-8")
        except UnicodeDecodeError as exc:
            line = data[: exc.start].count(b"\n") + 1
            self.problem(line, "not UTF-8 text: save the file as UTF-8")
            return None
        loader = _StrictLoader(text)
        try:
            root = loader.get_single_node()
        except _Rejected as exc:
            self.problem(exc.mark.line + 1, exc.message)
            return None
        except yaml.MarkedYAMLError as exc:
            mark = exc.problem_mark or exc.context_mark
            what = " ".join(x for x in (exc.context, exc.problem) if x) or "invalid YAML"
            self.problem(mark.line + 1 if mark else 1, f"YAML syntax error: {what}")
            return None
        except yaml.YAMLError as exc:
            self.problem(1, f"YAML error: {exc}")
            return None
        if root is None:
            self.problem(1, "file is empty")
            return None
        if self._odd_tags(root):
            return None
        return root

    def _odd_tags(self, node: yaml.Node) -> bool:
        """Report tags such as !!python/object; True if any was found."""
        found = False
        stack = [node]
        while stack:
            n = stack.pop()
            if n.tag not in _PLAIN_TAGS:
                tag = n.tag.replace(_YAML, "!!")
                self.problem(_line(n), f"YAML tag '{tag}' is not allowed")
                found = True
            if isinstance(n, yaml.SequenceNode):
                stack.extend(n.value)
            elif isinstance(n, yaml.MappingNode):
                for k, v in n.value:
                    stack.extend((k, v))
        return found

    # --- typed reading of nodes ---

    def mapping(
        self, node: yaml.Node, what: str, known: tuple[str, ...] | None = None,
    ) -> dict[str, tuple[int, yaml.Node]] | None:
        """Key -> (line, value node); reports non-mappings, duplicate and unknown keys."""
        if not isinstance(node, yaml.MappingNode):
            self.problem(_line(node), f"{what} must be a mapping of 'key: value' lines")
            return None
        out: dict[str, tuple[int, yaml.Node]] = {}
        for key, value in node.value:
            name = key.value if isinstance(key, yaml.ScalarNode) else str(key.value)
            if name in out:
                self.problem(_line(key), f"duplicate key '{name}' in {what}")
            elif known is not None and name not in known:
                hint = _did_you_mean(name, known)
                self.problem(_line(key), f"unknown key '{name}' in {what}{hint}")
            else:
                out[name] = (_line(key), value)
        return out

    def text(self, node: yaml.Node, what: str) -> str | None:
        if not isinstance(node, yaml.ScalarNode):
            self.problem(_line(node), f"{what} must be text")
            return None
        value = node.value.strip() if node.tag != _YAML + "null" else ""
        if not value:
            self.problem(_line(node), f"{what} is empty")
            return None
        return value

    def texts(self, node: yaml.Node, what: str, required: bool) -> tuple[str, ...]:
        if not isinstance(node, yaml.SequenceNode):
            if node.tag == _YAML + "null" and not required:
                return ()
            self.problem(_line(node), f"{what} must be a list (lines starting with '- ' "
                                      "or [a, b])")
            return ()
        values = [self.text(item, f"an item of {what}") for item in node.value]
        if required and not node.value:
            self.problem(_line(node), f"{what} is empty: give at least one")
        return tuple(v for v in values if v is not None)

    # --- entry files ---

    def entries(self, root: yaml.Node) -> Iterator[_Parsed]:
        """Each entry of the file, valid or not."""
        top = self.mapping(root, "the file", FILE_KEYS)
        if top is None:
            return
        default_category = None
        if "category" in top:
            default_category = self.text(top["category"][1], "category")
        if "entries" not in top:
            self.problem(_line(root), "missing 'entries:' (the list of entries)")
            return
        line, items = top["entries"]
        if not isinstance(items, yaml.SequenceNode) or not items.value:
            self.problem(line, "'entries' must be a list of entries, each starting with '- id:'")
            return
        for item in items.value:
            yield self.entry(item, default_category)

    def entry(self, node: yaml.Node, default_category: str | None) -> _Parsed:
        before = len(self.problems)
        fields = self.mapping(node, "an entry", ENTRY_KEYS)
        if fields is None:
            return _Parsed(None, _line(node), None, [])
        line = _line(node)
        for key in REQUIRED_KEYS:
            if key not in fields:
                self.problem(line, f"entry is missing '{key}'")

        def get(key: str) -> yaml.Node | None:
            return fields[key][1] if key in fields else None

        entry_id = self.text(n, "id") if (n := get("id")) is not None else None
        if entry_id is not None and not ID_PATTERN.match(entry_id):
            self.problem(_line(n), f"id '{entry_id}' must be kebab-case: lower-case letters, "
                                   "digits and single hyphens, e.g. 'halal-reguler'")
        title = self.text(n, "title") if (n := get("title")) is not None else None
        if title is not None and len(title) > MAX_TITLE_CHARS:
            self.problem(_line(n), f"title is {len(title)} characters; at most "
                                   f"{MAX_TITLE_CHARS} fit on a button")
        category = default_category
        if (n := get("category")) is not None:
            category = self.text(n, "category")
        elif default_category is None:
            self.problem(line, "no category: add 'category:' at the top of the file or "
                               "in the entry")
        questions = self.texts(n, "questions", True) if (n := get("questions")) else ()
        answer = self.text(n, "answer") if (n := get("answer")) is not None else None
        if answer is not None and len(answer) > MAX_ANSWER_CHARS:
            self.problem(_line(n), f"answer is {len(answer)} characters; the limit is "
                                   f"{MAX_ANSWER_CHARS} so it fits one Telegram message")
        sources = self.sources(n) if (n := get("sources")) is not None else ()
        reviewed = self.date(n) if (n := get("reviewed")) is not None else None
        keywords = self.texts(n, "keywords", False) if (n := get("keywords")) else ()
        tags = self.texts(n, "tags", False) if (n := get("tags")) else ()
        related: list[tuple[str, int]] = []
        if (n := get("related")) is not None:
            if isinstance(n, yaml.SequenceNode):
                for item in n.value:
                    rid = self.text(item, "an item of related")
                    if rid is not None:
                        related.append((rid, _line(item)))
            else:
                self.texts(n, "related", False)
        if len(self.problems) > before:
            return _Parsed(entry_id, line, None, related)
        assert entry_id and title and category and answer and reviewed  # checked above
        entry = Entry(
            id=entry_id, title=title, category=category, questions=questions,
            answer=answer, sources=sources, reviewed=reviewed,
            related=tuple(r for r, _ in related), keywords=keywords, tags=tags,
            file=self.name, line=line,
        )
        return _Parsed(entry_id, line, entry, related)

    def sources(self, node: yaml.Node) -> tuple[Source, ...]:
        if not isinstance(node, yaml.SequenceNode) or not node.value:
            self.problem(_line(node), "sources must be a list of '- title: ...' / 'url: ...'")
            return ()
        out = []
        for item in node.value:
            fields = self.mapping(item, "a source", SOURCE_KEYS)
            if fields is None:
                continue
            for key in SOURCE_KEYS:
                if key not in fields:
                    self.problem(_line(item), f"source is missing '{key}'")
            title = self.text(fields["title"][1], "source title") if "title" in fields else None
            url = self.text(fields["url"][1], "source url") if "url" in fields else None
            if url is not None and not _is_https_url(url):
                self.problem(fields["url"][0], f"source url '{url}' must be a full https:// "
                                               "address, e.g. https://oss.go.id")
                url = None
            if title is not None and url is not None:
                out.append(Source(title=title, url=url))
        return tuple(out)

    def date(self, node: yaml.Node) -> dt.date | None:
        raw = node.value if isinstance(node, yaml.ScalarNode) else None
        try:
            return dt.date.fromisoformat(str(raw).strip())
        except ValueError:
            self.problem(_line(node), f"reviewed must be a date written YYYY-MM-DD, "
                                      f"e.g. 2026-11-22; got '{raw}'")
            return None

    # --- kosakata.yaml ---

    def one_group_per_word(self, groups: list[tuple[str, ...]], lines: list[int]) -> None:
        """Each istilah/sinonim word in one group only, and never a word the bot ignores.

        A word in two groups would mean whichever group comes first; a stop word
        ('terima') would turn every 'terima kasih' into the group's term.
        """
        first: dict[str, int] = {}
        for group, line in zip(groups, lines, strict=True):
            for word in dict.fromkeys(w.lower() for w in group):
                if word in STOP_WORDS:
                    self.problem(line, f"'{word}' is a word the bot ignores in questions "
                                       "(like 'apa', 'terima'); it cannot be a synonym")
                if word in first and first[word] != line:
                    self.problem(line, f"'{word}' is already in the istilah/sinonim group on "
                                       f"line {first[word]}: a word belongs to one group only")
                first.setdefault(word, line)

    def readable_phrases(self, node: yaml.Node, key: str, products: tuple[str, ...]) -> None:
        """Each list phrase has a word the bot reads: 'oleh oleh' is only ignored words,
        so it would never match any question. Product names stay whole (agar-agar)."""
        if not isinstance(node, yaml.SequenceNode):
            return
        for item in node.value:
            if isinstance(item.value, str) and item.value.strip() and all(
                    w in STOP_WORDS for w in tokenize(item.value, products)):
                self.problem(_line(item), f"{key} '{item.value}' has only words the bot "
                                          "ignores in questions (like 'apa', 'oleh'), so it "
                                          "never matches; add a word that names the topic")

    def vocabulary(self, root: yaml.Node) -> Vocabulary:
        top = self.mapping(root, "kosakata.yaml", VOCABULARY_KEYS)
        if top is None:
            return Vocabulary()
        slang: dict[str, tuple[str, ...]] = {}
        groups: list[tuple[str, ...]] = []
        group_lines: list[int] = []
        if "singkatan" in top:
            pairs = self.mapping(top["singkatan"][1], "singkatan") or {}
            for word, (_line_no, value) in pairs.items():
                full = self.text(value, f"singkatan '{word}'")
                if full is not None:
                    slang[word.lower()] = tuple(full.lower().split())
        if "istilah" in top:
            pairs = self.mapping(top["istilah"][1], "istilah") or {}
            for term, (_line_no, value) in pairs.items():
                if isinstance(value, yaml.SequenceNode):
                    meanings = self.texts(value, f"istilah '{term}'", True)
                else:
                    meanings = (m,) if (m := self.text(value, f"istilah '{term}'")) else ()
                if meanings:
                    groups.append((term, *meanings))
                    group_lines.append(_line_no)
        if "sinonim" in top:
            line, node = top["sinonim"]
            if not isinstance(node, yaml.SequenceNode):
                self.problem(line, "sinonim must be a list of groups like "
                                   "'- [kemasan, packaging, bungkus]'")
            else:
                for item in node.value:
                    group = self.texts(item, "a sinonim group", True)
                    if isinstance(item, yaml.SequenceNode) and len(item.value) < 2:
                        self.problem(_line(item), "a sinonim group needs at least two words")
                    elif len(group) >= 2:
                        groups.append(group)
                        group_lines.append(_line(item))
        self.one_group_per_word(groups, group_lines)
        lists = {key: self.texts(top[key][1], key, False) if key in top else ()
                 for key in ("di_luar_topik", "kata_ekspor", "topik_lain", "tujuan_dalam_negeri",
                             "pelabuhan", "nama_produk", "basa_basi")}
        for key in ("di_luar_topik", "kata_ekspor", "topik_lain", "tujuan_dalam_negeri",
                    "pelabuhan", "nama_produk"):
            if key in top:
                self.readable_phrases(top[key][1], key, lists["nama_produk"])
        if "di_luar_topik" in top and isinstance(top["di_luar_topik"][1], yaml.SequenceNode):
            for item in top["di_luar_topik"][1].value:
                read = [w for w in tokenize(str(item.value), lists["nama_produk"])
                        if w not in STOP_WORDS]
                if isinstance(item.value, str) and len(read) == 1:
                    # One word would decline a whole topic, so the matcher skips it.
                    self.problem(_line(item), f"di_luar_topik '{item.value}' needs at least "
                                              "two words the bot reads, e.g. 'kurs hari ini'")
        if "basa_basi" in top and isinstance(top["basa_basi"][1], yaml.SequenceNode):
            for item in top["basa_basi"][1].value:
                if isinstance(item.value, str) and len(item.value.split()) < 2:
                    # One word would vanish from every question ("izin" from "izin edar").
                    self.problem(_line(item), f"basa_basi '{item.value}' needs at least two "
                                              "words, e.g. 'izin tanya'")
        return Vocabulary(slang=slang, synonym_groups=tuple(groups),
                          off_topic=lists["di_luar_topik"], export_words=lists["kata_ekspor"],
                          other_topics=lists["topik_lain"], products=lists["nama_produk"],
                          fillers=lists["basa_basi"],
                          domestic_places=lists["tujuan_dalam_negeri"], ports=lists["pelabuhan"])


def _is_https_url(url: str) -> bool:
    if any(c.isspace() for c in url):
        return False
    try:
        parts = urlsplit(url)
    except ValueError:
        return False
    host = parts.hostname or ""
    return parts.scheme == "https" and "." in host and not host.startswith(".") \
        and not host.endswith(".")

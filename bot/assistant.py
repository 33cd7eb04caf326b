"""The question-and-answer conversation, shared by Telegram and the terminal chat.

It turns a question into a `Reply` (answer, "maksud Anda?" suggestions, or "belum tahu"),
handles the buttons on those replies, topic browsing and feedback, and logs every question.
A short follow-up ("trus biayanya?") within a few minutes of an answer is read as being
about that answer's topic when it gets no answer of its own.
"""

from __future__ import annotations

import re
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from bot import texts
from bot.config import ChatConfig
from bot.knowledge import Entry, KnowledgeBase
from bot.matcher import Outcome
from bot.questions import FeedbackStore, QuestionLog
from bot.replies import Button, Reply, callback, esc, fit_message, link, parse_callback
from bot.smalltalk import small_talk
from bot.users import Person

COMMENT_WAIT_SECONDS = 15 * 60
FOLLOW_UP_SECONDS = 10 * 60  # how long "trus biayanya?" still refers to the last answer
_HAS_WORD = re.compile(r"[^\W_]", re.UNICODE)
_BULLET = re.compile(r"^(\s*)[-*] ", re.MULTILINE)


@dataclass(frozen=True)
class ButtonResult:
    """What pressing a button does: a short toast, and/or a reply (edited in place or new)."""

    toast: str | None = None
    reply: Reply | None = None
    edit: bool = False


class Assistant:
    """Answers questions and handles the `qa:`, `fb:` and `kb:` buttons."""

    def __init__(
        self,
        knowledge: Callable[[], KnowledgeBase],
        questions: QuestionLog,
        feedback: FeedbackStore,
        chat: ChatConfig,
    ) -> None:
        self._knowledge = knowledge
        self.questions = questions
        self.feedback = feedback
        self.chat = chat
        # user id -> (entry id, deadline): the user's next text is a comment on that 👎.
        self._awaiting_comment: dict[int, tuple[str, float]] = {}
        # user id -> (entry id, deadline): the answer a short follow-up refers to.
        self._last_topic: dict[int, tuple[str, float]] = {}

    @property
    def kb(self) -> KnowledgeBase:
        return self._knowledge()

    # --- questions --------------------------------------------------------------------------

    async def ask(self, person: Person, text: str, source: str = "telegram") -> Reply:
        """Answer a question (or take it as the awaited 👎 comment)."""
        text = text.strip()
        pending = self._awaiting_comment.pop(person.id, None)
        if pending and pending[1] > time.monotonic() and text:
            await self.feedback.comment(person.id, pending[0], text[:2000])
            return Reply(texts.FEEDBACK_COMMENT_SAVED)
        if not _HAS_WORD.search(text):
            return Reply(texts.NO_WORDS)
        if courtesy := small_talk(text):  # not a question: nothing to log for the admins
            return Reply(texts.SMALL_TALK[courtesy])
        note = ""
        if len(text) > self.chat.max_question_chars:
            text = text[: self.chat.max_question_chars]
            note = texts.TOO_LONG_NOTE
        kb = self.kb  # one knowledge base for the whole question, even if a reload swaps it
        outcome = kb.answer(text)
        if outcome.kind != "answer" and (previous := self._recent_topic(person.id)):
            outcome = kb.answer_follow_up(text, previous) or outcome
        if outcome.kind == "answer" and outcome.entry_id:
            self._remember_topic(person.id, outcome.entry_id)
        question_id = await self.questions.record(person.id, text, outcome, source)
        reply = reply_for_outcome(kb, outcome, question_id, text)
        if note:
            reply = Reply(fit_message(note + reply.text), reply.buttons)
        return reply

    def _remember_topic(self, user_id: int, entry_id: str) -> None:
        now = time.monotonic()
        if len(self._last_topic) > 10_000:  # forget those long gone
            self._last_topic = {u: t for u, t in self._last_topic.items() if t[1] > now}
        self._last_topic[user_id] = (entry_id, now + FOLLOW_UP_SECONDS)

    def _recent_topic(self, user_id: int) -> str | None:
        """The entry last shown to the user, if recent enough for a follow-up to mean it."""
        last = self._last_topic.get(user_id)
        return last[0] if last and last[1] > time.monotonic() else None

    # --- buttons ----------------------------------------------------------------------------

    async def press(self, person: Person, data: str) -> ButtonResult | None:
        """Handle a `qa:`, `fb:` or `kb:` button; None if the data is not one of ours."""
        prefix, parts = parse_callback(data)
        if prefix == "qa":
            return await self._press_qa(person, parts)
        if prefix == "fb":
            return await self._press_feedback(person, parts)
        if prefix == "kb":
            return self._press_browse(parts)
        return None

    async def _press_qa(self, person: Person, parts: list[str]) -> ButtonResult:
        kb = self.kb
        if parts[:1] == ["skip"]:
            self._awaiting_comment.pop(person.id, None)
            return ButtonResult(toast=texts.FEEDBACK_COMMENT_SKIPPED)
        if len(parts) == 2 and parts[0] == "e":
            entry = kb.entry(parts[1])
            if entry is None:
                return ButtonResult(toast=texts.ENTRY_GONE, reply=self.topics_home())
            self._remember_topic(person.id, entry.id)
            return ButtonResult(reply=entry_reply(entry, kb))
        if len(parts) == 3 and parts[0] in ("p", "a", "n") and parts[1].isdigit():
            entry = kb.entry(parts[2])
            if entry is None:
                return ButtonResult(toast=texts.ENTRY_GONE, reply=self.topics_home())
            if parts[0] == "p":  # a "Maksud Anda?" choice
                await self.questions.record_choice(int(parts[1]), person.id, entry.id)
            elif parts[0] == "a":  # a 🔎 alternative under an answer
                await self.questions.record_alternative(int(parts[1]), person.id, entry.id)
            else:  # a nearest topic under "belum tahu"
                await self.questions.record_nearby(int(parts[1]), person.id, entry.id)
            self._remember_topic(person.id, entry.id)
            return ButtonResult(reply=entry_reply(entry, kb))
        return ButtonResult(toast=texts.OLD_BUTTON)

    async def _press_feedback(self, person: Person, parts: list[str]) -> ButtonResult:
        if len(parts) != 2 or parts[1] not in ("0", "1") or self.kb.entry(parts[0]) is None:
            return ButtonResult(toast=texts.OLD_BUTTON)
        entry_id, helpful = parts[0], parts[1] == "1"
        await self.feedback.vote(person.id, entry_id, helpful)
        if helpful:
            self._awaiting_comment.pop(person.id, None)
            return ButtonResult(toast=texts.FEEDBACK_THANKS_HELPFUL)
        self._awaiting_comment[person.id] = (entry_id, time.monotonic() + COMMENT_WAIT_SECONDS)
        return ButtonResult(
            toast=texts.FEEDBACK_THANKS_NOT_HELPFUL,
            reply=Reply(texts.FEEDBACK_ASK_COMMENT,
                        ((Button(texts.BUTTON_SKIP, callback("qa", "skip")),),)),
        )

    # --- browsing ---------------------------------------------------------------------------

    def _press_browse(self, parts: list[str]) -> ButtonResult:
        if len(parts) == 2 and parts[0] == "c" and parts[1].isdigit():
            reply = self.topics_category(int(parts[1]))
            return ButtonResult(reply=reply or self.topics_home(), edit=True)
        return ButtonResult(reply=self.topics_home(), edit=True)

    def topics_home(self) -> Reply:
        rows = tuple(
            (Button(f"{name} ({len(ids)})", callback("kb", "c", index)),)
            for index, (name, ids) in enumerate(self.kb.categories.items())
        )
        return Reply(texts.TOPICS_HOME, rows)

    def topics_category(self, index: int) -> Reply | None:
        """One category's entries, or None if the index is stale."""
        kb = self.kb
        categories = list(kb.categories.items())
        if not 0 <= index < len(categories):
            return None
        name, ids = categories[index]
        rows = [
            (Button(entry.title, callback("qa", "e", entry.id)),)
            for entry_id in ids
            if (entry := kb.entry(entry_id))
        ]
        rows.append((Button(texts.BUTTON_BACK, callback("kb", "home")),))
        return Reply(texts.TOPICS_CATEGORY.format(category=esc(name)), tuple(rows))

    # --- start and help ---------------------------------------------------------------------

    @staticmethod
    def welcome(person: Person) -> Reply:
        name = esc(person.first_name or person.display_name)
        return Reply(
            texts.WELCOME.format(name=name),
            (
                (Button(texts.WELCOME_BUTTON_TOPICS, callback("kb", "home")),),
                (Button(texts.WELCOME_BUTTON_EVENTS, callback("ev", "list", 0)),),
                (Button(texts.WELCOME_BUTTON_HELP, callback("start", "help")),),
            ),
        )

    @staticmethod
    def help(is_organiser: bool = False, is_admin: bool = False) -> Reply:
        lines = [texts.HELP_HEADER]
        lines.extend(f"/{name} — {desc}" for name, desc in texts.COMMANDS_EVERYONE)
        lines.append("\nDi grup: <code>/tanya pertanyaan Anda</code> atau sebut nama bot.")
        if is_organiser:
            lines.append("\n<b>Untuk penyelenggara acara:</b>")
            lines.extend(f"/{name} — {desc}" for name, desc in texts.COMMANDS_ORGANISER)
        if is_admin:
            lines.append("\n<b>Untuk admin:</b>")
            lines.extend(f"/{name} — {desc}" for name, desc in texts.COMMANDS_ADMIN)
            lines.append(texts.HELP_ADMIN_UPLOAD)
        lines.append(texts.HELP_FOOTER.format(disclaimer=texts.DISCLAIMER))
        return Reply("\n".join(lines))


def reply_for_outcome(
    kb: KnowledgeBase, outcome: Outcome, question_id: int = 0, question: str = "",
) -> Reply:
    """The reply for a matcher outcome: the answer, suggestions, or "belum tahu"."""
    if outcome.kind == "unknown" and (courtesy := small_talk(question)):
        return Reply(texts.SMALL_TALK[courtesy])
    if outcome.kind == "answer" and outcome.entry_id and (entry := kb.entry(outcome.entry_id)):
        return entry_reply(entry, kb, alternatives=outcome.suggestions, question_id=question_id)
    if outcome.kind == "suggest" and outcome.suggestions:
        rows = [
            (Button(entry.title, callback("qa", "p", question_id, entry.id)),)
            for entry_id in outcome.suggestions
            if (entry := kb.entry(entry_id))
        ]
        rows.append((Button(texts.BUTTON_NONE_OF_THESE, callback("kb", "home")),))
        return Reply(texts.SUGGEST, tuple(rows))
    categories = ", ".join(esc(c).lower() for c in list(kb.categories)[:6])
    text = texts.UNKNOWN.format(question=esc(_shorten(question, 120)), categories=categories)
    nearby = [entry for entry_id in kb.nearby(question) if (entry := kb.entry(entry_id))]
    rows = [(Button(entry.title, callback("qa", "n", question_id, entry.id) if question_id
                    else callback("qa", "e", entry.id)),) for entry in nearby]
    if nearby:
        text += "\n\n" + texts.UNKNOWN_NEARBY
    rows.append((Button(texts.WELCOME_BUTTON_TOPICS, callback("kb", "home")),))
    return Reply(text, tuple(rows))


def entry_reply(
    entry: Entry, kb: KnowledgeBase, alternatives: Sequence[str] = (), question_id: int = 0,
) -> Reply:
    """An entry's answer with sources, review date and follow-up buttons.

    `alternatives`: entries the question may also have meant, offered first as buttons;
    pressing one records the pick on logged question `question_id` (0: not logged).
    """
    others = [other for other_id in alternatives
              if other_id != entry.id and (other := kb.entry(other_id))]
    parts = [f"<b>{esc(entry.title)}</b>", "", _format_answer(entry.answer), ""]
    parts.append(texts.SOURCES_HEADER)
    parts.extend(f"• {link(s.title, s.url)}" for s in entry.sources)
    parts.append(texts.REVIEWED.format(date=texts.date_id(entry.reviewed)))
    parts.extend(["", texts.ANSWER_FOOTER])
    if others:
        parts.extend(["", texts.ALTERNATIVES_HINT])
    rows: list[tuple[Button, ...]] = [
        (Button(texts.ALTERNATIVE_PREFIX + other.title,
                callback("qa", "a", question_id, other.id) if question_id
                else callback("qa", "e", other.id)),)
        for other in others
    ]
    for related_id in entry.related:
        if related_id in alternatives:
            continue
        related = kb.entry(related_id)
        if related:
            rows.append((Button(texts.RELATED_PREFIX + related.title,
                                callback("qa", "e", related.id)),))
    rows.append((
        Button(texts.BUTTON_HELPFUL, callback("fb", entry.id, 1)),
        Button(texts.BUTTON_NOT_HELPFUL, callback("fb", entry.id, 0)),
    ))
    rows.append((Button(texts.BUTTON_OTHER_TOPICS, callback("kb", "home")),))
    return Reply(fit_message("\n".join(parts)), tuple(rows))


def _shorten(text: str, limit: int) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def _format_answer(answer: str) -> str:
    """Escape an answer's plain text and turn '- ' list lines into bullets."""
    return _BULLET.sub(r"\1• ", esc(answer.strip()))


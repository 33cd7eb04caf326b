"""The bot's core services, opened once and shared by Telegram, the CLI and the terminal chat."""

from __future__ import annotations

import logging
from dataclasses import dataclass, field

from bot.assistant import Assistant
from bot.broadcasts import Broadcasts
from bot.clock import Clock
from bot.config import Config
from bot.events import EventService
from bot.knowledge import KnowledgeBase, load_knowledge
from bot.library import Library
from bot.questions import FeedbackStore, QuestionLog
from bot.reports import Reports
from bot.roles import Roles
from bot.storage import Database
from bot.users import UserDirectory

log = logging.getLogger(__name__)


@dataclass
class Core:
    """Everything a front end needs. `knowledge` is swapped whole on reload, never edited."""

    config: Config
    db: Database
    clock: Clock
    knowledge: KnowledgeBase
    users: UserDirectory = field(init=False)
    roles: Roles = field(init=False)
    questions: QuestionLog = field(init=False)
    feedback: FeedbackStore = field(init=False)
    assistant: Assistant = field(init=False)
    events: EventService = field(init=False)
    broadcasts: Broadcasts = field(init=False)
    library: Library = field(init=False)
    reports: Reports = field(init=False)

    def __post_init__(self) -> None:
        self.users = UserDirectory(self.db, self.clock)
        self.roles = Roles(self.config, self.db, self.clock)
        self.questions = QuestionLog(self.db, self.clock)
        self.feedback = FeedbackStore(self.db, self.clock)
        self.assistant = Assistant(lambda: self.knowledge, self.questions, self.feedback,
                                   self.config.chat)
        self.events = EventService(self.db, self.clock, self.config)
        self.broadcasts = Broadcasts(self.db, self.clock, self.users, self.roles, self.events)
        self.library = Library(self.config, self.clock, self.roles, lambda: self.knowledge,
                               lambda kb: setattr(self, "knowledge", kb))
        self.reports = Reports(self.db, self.clock, self.config.timezone, lambda: self.knowledge)

    @classmethod
    async def open(cls, config: Config, clock: Clock | None = None) -> Core:
        """Load the knowledge base (raises KnowledgeError if invalid) and open the database."""
        knowledge = load_knowledge(config.knowledge_dir, config.matcher)
        db = await Database.open(config.database)
        log.info("knowledge base loaded: %d entries", len(knowledge.entries))
        return cls(config=config, db=db, clock=clock or Clock(), knowledge=knowledge)

    async def close(self) -> None:
        await self.db.close()

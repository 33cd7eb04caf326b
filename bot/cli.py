"""The `exportbot` command line: run the bot, chat in a terminal, ask, check the knowledge."""

from __future__ import annotations

import argparse
import asyncio
import json
import logging
import sys
from collections.abc import Sequence
from pathlib import Path

from bot.config import Config, ConfigError, load_config

EXIT_CONFIG = 2


def _parser() -> argparse.ArgumentParser:
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument(
        "--config", default="config.yaml", metavar="PATH",
        help="configuration file (default: ./config.yaml)",
    )
    parser = argparse.ArgumentParser(
        prog="exportbot", description="Telegram bot that helps UMKM export.",
    )
    sub = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    sub.add_parser(
        "start", parents=[common],
        help="run on Telegram if TELEGRAM_BOT_TOKEN is set, otherwise the terminal chat",
        description="Run on Telegram if TELEGRAM_BOT_TOKEN is set, otherwise the terminal chat.",
    )
    sub.add_parser(
        "run", parents=[common], help="run the bot on Telegram (long polling)",
        description="Run the bot on Telegram (long polling). Needs TELEGRAM_BOT_TOKEN.",
    )
    chat = sub.add_parser(
        "chat", parents=[common], help="chat with the bot in the terminal",
        description="Chat with the bot in the terminal: questions and commands such as /bantuan.",
    )
    chat.add_argument("--user-id", type=int, default=0, metavar="ID",
                      help="act as this Telegram user id (e.g. an admin's) (default: 0)")

    ask = sub.add_parser(
        "ask", parents=[common], help="answer one question, or one per stdin line",
        description="Answer QUESTION, or each line of standard input when it is omitted.",
    )
    ask.add_argument("question", nargs="?", help="the question (default: read stdin lines)")
    ask.add_argument("--knowledge", metavar="DIR", help="knowledge folder (overrides config)")
    ask.add_argument("--json", action="store_true",
                     help="print one JSON object per question: question, id, score, suggestions")

    kb = sub.add_parser("kb", help="knowledge base tools", description="Knowledge base tools.")
    kb_sub = kb.add_subparsers(dest="kb_command", required=True, metavar="KB_COMMAND")
    check = kb_sub.add_parser(
        "check", parents=[common], help="validate the knowledge base",
        description="Validate the knowledge base; print problems as file:line: message.",
    )
    check.add_argument("--knowledge", metavar="DIR", help="knowledge folder (overrides config)")

    report = sub.add_parser("report", help="admin reports",
                            description="Reports for admins with server access.")
    report_sub = report.add_subparsers(dest="report_command", required=True, metavar="REPORT")
    unanswered = report_sub.add_parser(
        "unanswered", parents=[common], help="most frequent unanswered and 👎 questions",
        description="Most frequent unanswered and 👎 questions, near-duplicates grouped.",
    )
    unanswered.add_argument("--days", type=int, default=30, help="period in days (default 30)")
    stats = report_sub.add_parser("stats", parents=[common], help="usage statistics",
                                  description="Usage statistics for a period.")
    stats.add_argument("--days", type=int, default=30, help="period in days (default 30)")
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point of the `exportbot` console script."""
    args = _parser().parse_args(argv)
    logging.basicConfig(
        level=logging.INFO, format="%(asctime)s %(levelname)s %(name)s: %(message)s",
    )
    # httpx logs every request URL, which contains the bot token.
    logging.getLogger("httpx").setLevel(logging.WARNING)
    # The scheduler logs every run of the periodic jobs (reminders, knowledge watch).
    logging.getLogger("apscheduler").setLevel(logging.WARNING)
    try:
        config = load_config(args.config)
    except ConfigError as exc:
        print(f"exportbot: configuration error: {exc}", file=sys.stderr)
        return EXIT_CONFIG

    if args.command == "start":
        if config.token:
            return _run(config)
        print("TELEGRAM_BOT_TOKEN belum diatur, jadi bot berjalan sebagai obrolan di terminal.")
        return _chat(config, user_id=0)
    if args.command == "run":
        return _run(config)
    if args.command == "chat":
        return _chat(config, user_id=args.user_id)
    if args.command == "ask":
        return _ask(config, args.question, args.knowledge, args.json)
    if args.command == "kb":
        return _kb_check(config, args.knowledge)
    if args.command == "report":
        return _report(config, args.report_command, args.days)
    return 1  # pragma: no cover - argparse rejects unknown commands


def _run(config: Config) -> int:
    if not config.token:
        print("exportbot: TELEGRAM_BOT_TOKEN is not set", file=sys.stderr)
        return EXIT_CONFIG
    from handlers.application import run_polling

    return run_polling(config)


def _chat(config: Config, user_id: int) -> int:
    from bot.terminal import run_terminal_chat

    return asyncio.run(run_terminal_chat(config, user_id=user_id))


def _knowledge_dir(config: Config, override: str | None) -> Path:
    return Path(override).resolve() if override else config.knowledge_dir


def _kb_check(config: Config, override: str | None) -> int:
    from bot.knowledge import check_knowledge

    folder = _knowledge_dir(config, override)
    problems = check_knowledge(folder)
    for problem in problems:
        print(problem)
    if problems:
        print(f"{len(problems)} problem(s) found in {folder}", file=sys.stderr)
        return 1
    print(f"OK: {folder}")
    return 0


def _ask(config: Config, question: str | None, override: str | None, as_json: bool) -> int:
    from bot.assistant import reply_for_outcome
    from bot.knowledge import KnowledgeError, load_knowledge
    from bot.replies import render_plain

    try:
        kb = load_knowledge(_knowledge_dir(config, override), config.matcher)
    except KnowledgeError as exc:
        for problem in exc.problems:
            print(problem, file=sys.stderr)
        return 1
    questions = [question] if question is not None else (line.rstrip("\n") for line in sys.stdin)
    for text in questions:
        if question is None and not text.strip():
            continue
        outcome = kb.answer(text)
        if as_json:
            record = {
                "question": text,
                "id": outcome.entry_id,
                "score": round(outcome.score, 4),
                "suggestions": list(outcome.suggestions),
            }
            print(json.dumps(record, ensure_ascii=False), flush=True)
        else:
            print(render_plain(reply_for_outcome(kb, outcome, question=text)), flush=True)
            if question is None:
                print(flush=True)
    return 0


def _report(config: Config, which: str, days: int) -> int:
    from bot.reports import print_report

    return asyncio.run(print_report(config, which, days))

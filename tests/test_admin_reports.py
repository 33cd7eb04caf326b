"""Admin reports: what users still need, usage statistics, the chart and the CLI."""

from __future__ import annotations

import datetime as dt
import subprocess
import sys
from collections.abc import AsyncIterator
from pathlib import Path

import pytest

from bot.charts import questions_per_day_png
from bot.clock import ManualClock
from bot.config import load_config
from bot.core import Core
from bot.matcher import Outcome
from bot.replies import html_to_plain
from bot.reports import stats_reply, unanswered_reply, valid_days
from bot.users import Person
from tests.conftest import ROOT, write_config

NOW = dt.datetime(2026, 11, 22, 5, 0, tzinfo=dt.UTC)  # 12.00 in Jakarta
UNKNOWN = Outcome("unknown", 0.1)


@pytest.fixture
async def core(tmp_path: Path) -> AsyncIterator[Core]:
    config = load_config(write_config(tmp_path))
    opened = await Core.open(config, ManualClock(NOW))
    yield opened
    await opened.close()


async def ask_at(core: Core, user_id: int, text: str, outcome: Outcome,
                 days_ago: float = 0) -> int:
    clock: ManualClock = core.clock  # type: ignore[assignment]
    clock.set(NOW - dt.timedelta(days=days_ago))
    try:
        await core.users.seen(Person(user_id, f"U{user_id}"))
        return await core.questions.record(user_id, text, outcome, "telegram")
    finally:
        clock.set(NOW)


async def test_near_duplicate_unanswered_questions_are_grouped_with_counts(core: Core) -> None:
    await ask_at(core, 1, "cara ekspor durian ke korea", UNKNOWN)
    await ask_at(core, 2, "gmn ekspor duren ke korea selatan?", UNKNOWN)
    await ask_at(core, 3, "Ekspor durian Korea", UNKNOWN)
    await ask_at(core, 3, "Ekspor durian Korea", UNKNOWN, days_ago=1)
    await ask_at(core, 4, "bagaimana ekspor sarang burung walet ke china", UNKNOWN)
    await ask_at(core, 5, "ekspor walet ke tiongkok", UNKNOWN)
    await ask_at(core, 6, "ekspor kopi ke jepang", UNKNOWN)
    groups = await core.reports.unanswered(30)
    assert [(g.count, len(g.users)) for g in groups] == [(4, 3), (2, 2), (1, 1)]
    assert groups[0].examples[0] == "Ekspor durian Korea"  # the most asked wording first
    assert "gmn ekspor duren ke korea selatan?" in groups[0].examples
    assert {"ekspor walet ke tiongkok",
            "bagaimana ekspor sarang burung walet ke china"} == set(groups[1].examples)


async def test_unanswered_report_covers_only_the_period_and_only_unanswered(core: Core) -> None:
    await ask_at(core, 1, "ekspor durian ke korea", UNKNOWN, days_ago=40)
    await ask_at(core, 1, "cara membuat NIB", Outcome("answer", 0.9, entry_id="nib-oss"))
    assert await core.reports.unanswered(30) == []
    assert len(await core.reports.unanswered(60)) == 1


async def test_disliked_answers_count_as_still_needed_with_their_comment(core: Core) -> None:
    await ask_at(core, 1, "biaya bikin NIB berapa", Outcome("answer", 0.8, entry_id="nib-oss"))
    await core.feedback.vote(1, "nib-oss", helpful=False)
    await core.feedback.comment(1, "nib-oss", "Saya mau tahu biayanya")
    groups = await core.reports.unanswered(7)
    assert len(groups) == 1
    assert groups[0].examples == ["biaya bikin NIB berapa"]
    assert groups[0].disliked == {"nib-oss": 1}
    text = unanswered_reply(groups, 7).text
    assert "nib-oss" in text and "Saya mau tahu biayanya" in text and "1×" in text


async def test_answers_swapped_for_a_listed_alternative_are_still_needed(core: Core) -> None:
    answered = Outcome("answer", 0.7, entry_id="halal-ekspor", suggestions=("pasar-timur-tengah",))
    question = await ask_at(core, 1, "sertif halal buat kurma ke saudi", answered)
    await ask_at(core, 2, "halal buat ekspor", answered)  # kept: not in the report
    # Only the asker, only an entry that was offered, only once.
    assert not await core.questions.record_alternative(question, 2, "pasar-timur-tengah")
    assert not await core.questions.record_alternative(question, 1, "nib-oss")
    assert await core.questions.record_alternative(question, 1, "pasar-timur-tengah")
    assert not await core.questions.record_alternative(question, 1, "pasar-timur-tengah")
    groups = await core.reports.unanswered(7)
    assert [g.examples for g in groups] == [["sertif halal buat kurma ke saudi"]]
    assert groups[0].picked == {"halal-ekspor → pasar-timur-tengah": 1}
    assert "halal-ekspor → pasar-timur-tengah" in unanswered_reply(groups, 7).text


async def test_unknown_questions_show_the_nearest_topic_the_asker_opened(core: Core) -> None:
    question = await ask_at(core, 1, "jualan di marketplace lokal aja", UNKNOWN)
    assert not await core.questions.record_nearby(question, 2, "pemasaran-digital")
    assert await core.questions.record_nearby(question, 1, "pemasaran-digital")
    assert not await core.questions.record_nearby(question, 1, "koperasi-agregator")
    groups = await core.reports.unanswered(7)
    assert groups[0].opened == {"pemasaran-digital": 1} and not groups[0].picked
    assert "topik terdekat: pemasaran-digital" in unanswered_reply(groups, 7).text


async def test_unanswered_reply_escapes_what_users_wrote(core: Core) -> None:
    await ask_at(core, 1, "<b>ekspor</b> & bea <i>keluar</i> tanpa tutup", UNKNOWN)
    text = unanswered_reply(await core.reports.unanswered(7), 7).text
    assert "&lt;b&gt;ekspor&lt;/b&gt; &amp; bea" in text


async def test_stats_count_users_outcomes_top_entries_and_feedback(core: Core) -> None:
    await ask_at(core, 1, "cara membuat NIB", Outcome("answer", 0.9, entry_id="nib-oss"))
    await ask_at(core, 2, "nib itu apa", Outcome("answer", 0.9, entry_id="nib-oss"), days_ago=2)
    await ask_at(core, 2, "halal", Outcome("suggest", 0.4, suggestions=("halal-reguler",)))
    await ask_at(core, 3, "ekspor durian", UNKNOWN, days_ago=3)
    await ask_at(core, 4, "lama sekali", UNKNOWN, days_ago=20)
    await core.feedback.vote(1, "nib-oss", helpful=True)
    await core.feedback.vote(2, "nib-oss", helpful=False)
    stats = await core.reports.stats(7)
    assert stats.questions == 4 and stats.outcomes == {"answer": 2, "suggest": 1, "unknown": 1}
    assert stats.rate("answer") == 0.5
    assert stats.users_total == 4 and stats.users_active == 3
    assert stats.top_entries[0][0] == "nib-oss" and stats.top_entries[0][2] == 2
    assert (stats.helpful, stats.not_helpful) == (1, 1)
    assert len(stats.per_day) == 7 and stats.per_day[-1][0] == dt.date(2026, 11, 22)
    assert sum(c["answer"] for _, c in stats.per_day) == 2
    text = html_to_plain(stats_reply(stats).text)
    assert "Pertanyaan: 4" in text and "Dijawab langsung: 2 (50%)" in text
    assert "Acara:" in text and "Pengumuman:" in text


async def test_stats_read_events_and_broadcasts_when_those_features_have_data(
        core: Core) -> None:
    at = "2026-11-21T10:00:00+07:00"
    await core.db.execute(
        "INSERT INTO events (id, title, starts_at, place, organiser_id, created_at, updated_at) "
        "VALUES (1, 'Klinik ekspor', '2026-12-01T09:00:00+07:00', 'Surabaya', 800, ?, ?)",
        (at, at))
    await core.db.execute(
        "INSERT INTO event_interests (event_id, user_id, registered_at) VALUES (1, 5, ?)", (at,))
    await core.db.execute(
        "INSERT INTO broadcasts (id, organiser_id, text, audience, total, created_at) "
        "VALUES (1, 800, 'Halo', 'all', 2, ?)", (at,))
    await core.db.execute(
        "INSERT INTO broadcast_deliveries (broadcast_id, user_id, status) VALUES (1, 5, 'sent'), "
        "(1, 6, 'blocked')")
    stats = await core.reports.stats(7)
    assert stats.events == {"created": 1, "held": 0, "upcoming": 1, "interests": 1}
    assert stats.broadcasts == {"broadcasts": 1, "delivered": 1, "failed": 1}


async def test_stats_still_work_where_a_feature_keeps_no_table(core: Core) -> None:
    await core.db.execute("DROP TABLE broadcast_deliveries")
    await core.db.execute("DROP TABLE broadcasts")
    stats = await core.reports.stats(7)
    assert stats.broadcasts is None and stats.events is not None
    assert "Pengumuman: belum ada data" in stats_reply(stats).text


async def test_stats_periods_and_days_are_in_jakarta_time(core: Core) -> None:
    late_evening_utc = dt.datetime(2026, 11, 21, 20, 0, tzinfo=dt.UTC)  # 03.00 on the 22nd
    core.clock.set(late_evening_utc)  # type: ignore[attr-defined]
    await core.questions.record(1, "ekspor durian", UNKNOWN, "telegram")
    stats = await core.reports.stats(7)
    assert stats.until.date() == dt.date(2026, 11, 22)
    assert stats.per_day[-1] == (dt.date(2026, 11, 22), {"answer": 0, "suggest": 0,
                                                         "unknown": 1})
    assert "– 22 November 2026" in stats_reply(stats).text


def test_chart_is_a_png_of_questions_per_day() -> None:
    days = [(dt.date(2026, 11, d), {"answer": d, "suggest": 1, "unknown": 2}) for d in
            range(1, 8)]
    png = questions_per_day_png(days, "Pertanyaan per hari")
    assert png.startswith(b"\x89PNG\r\n\x1a\n") and len(png) > 5000


def test_periods_typed_by_admins_are_checked() -> None:
    assert valid_days(None) == 30 and valid_days("7") == 7 and valid_days("14 hari") == 14
    assert valid_days("0") is None and valid_days("seminggu") is None
    assert valid_days("1000") is None


def test_cli_prints_both_reports_as_plain_text(tmp_path: Path) -> None:
    config = write_config(tmp_path)
    for which, expected in (("unanswered", "tidak ada pertanyaan"), ("stats", "Pertanyaan: 0")):
        result = subprocess.run(
            [sys.executable, "-m", "bot", "report", which, "--days", "7", "--config",
             str(config)], capture_output=True, text=True, cwd=ROOT, timeout=60)
        assert result.returncode == 0, result.stderr
        assert expected in result.stdout and "<b>" not in result.stdout

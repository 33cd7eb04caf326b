"""Events core: input parsing, registering interest, listing, finishing, reminders (real SQLite)."""

from __future__ import annotations

import asyncio
import csv
import datetime as dt
import io
from collections.abc import AsyncIterator
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from bot import event_views
from bot.clock import ManualClock
from bot.config import Config, EventsConfig
from bot.event_input import (
    EventDraft,
    InvalidInput,
    parse_capacity,
    parse_deadline,
    parse_one_line,
    parse_place,
    parse_when,
)
from bot.events import EventService, Registration, Status
from bot.reminders import NoticeKind
from bot.storage import Database
from bot.users import Person, UserDirectory

WIB = ZoneInfo("Asia/Jakarta")
NOW = dt.datetime(2026, 11, 30, 10, 0, tzinfo=WIB)
ORGANISER = 800


def at(day: int, hour: int = 9, minute: int = 0, month: int = 12) -> dt.datetime:
    return dt.datetime(2026, month, day, hour, minute, tzinfo=WIB)


def draft(title: str = "Malang City Expo", starts_at: dt.datetime | None = None,
          **fields: object) -> EventDraft:
    values: dict[str, object] = {
        "title": title, "starts_at": starts_at or at(5), "ends_at": None,
        "place": "Gedung Kartini, Malang", "description": "Pameran produk UMKM.",
    }
    values.update(fields)
    return EventDraft(**values)  # type: ignore[arg-type]


@pytest.fixture
def clock() -> ManualClock:
    return ManualClock(NOW)


@pytest.fixture
def config(tmp_path: Path) -> Config:
    return Config(path=tmp_path / "config.yaml", knowledge_dir=tmp_path,
                  database=tmp_path / "bot.sqlite3", timezone=WIB,
                  events=EventsConfig(reminder_day_before=dt.time(16, 0),
                                      reminder_same_day=dt.time(7, 0), page_size=2))


@pytest.fixture
async def db(config: Config) -> AsyncIterator[Database]:
    database = await Database.open(config.database)
    yield database
    await database.close()


@pytest.fixture
def events(db: Database, clock: ManualClock, config: Config) -> EventService:
    return EventService(db, clock, config)


async def registered(events: EventService, user_id: int, event_id: int) -> Registration:
    await events.give_consent(user_id)
    return await events.register_interest(user_id, event_id)


# --- what organisers type -------------------------------------------------------------------

def test_date_and_time_are_read_in_jakarta_time_with_an_optional_end() -> None:
    assert parse_when("2026-12-05 09:00", WIB, NOW) == (at(5), None)
    assert parse_when("2026-12-05 09.00-12.00 WIB", WIB, NOW) == (at(5), at(5, 12))
    assert parse_when("5/12/2026 pukul 9:00 - 7/12/2026 17:00", WIB, NOW) == (at(5), at(7, 17))


@pytest.mark.parametrize(("text", "problem"), [
    ("besok pagi", "belum bisa saya baca"),
    ("2026-02-30 09:00", "tidak ada di kalender"),
    ("2026-12-05 25:00", "Jamnya tidak valid"),
    ("2026-11-29 09:00", "sudah lewat"),
    ("2026-12-05 12:00-09:00", "setelah jam mulai"),
])
def test_bad_dates_get_a_clear_message(text: str, problem: str) -> None:
    with pytest.raises(InvalidInput, match=problem):
        parse_when(text, WIB, NOW)


def test_online_place_keeps_its_link_and_daring_without_link_is_refused() -> None:
    assert parse_place("Daring https://zoom.us/j/123") == ("Daring", "https://zoom.us/j/123")
    assert parse_place("https://meet.google.com/abc") == ("Daring", "https://meet.google.com/abc")
    assert parse_place("Aula Bea Cukai Juanda") == ("Aula Bea Cukai Juanda", None)
    with pytest.raises(InvalidInput, match="sertakan tautannya"):
        parse_place("daring")


def test_deadline_and_capacity_accept_a_dash_for_none() -> None:
    assert parse_deadline("2026-12-01", WIB, at(5), NOW) == at(1, 23, 59)
    assert parse_deadline("-", WIB, at(5), NOW) is None
    assert parse_capacity("50 orang") == 50 and parse_capacity("-") is None
    with pytest.raises(InvalidInput):
        parse_capacity("banyak")


def test_one_line_event_reads_title_time_place_description_and_options() -> None:
    result = parse_one_line(
        "Sosialisasi Ekspor | 2026-12-05 09:00-12:00 | Kantor Bea Cukai Malang | "
        "Untuk UMKM pemula | kuota 30 | batas 2026-12-03", WIB, NOW)
    assert result.title == "Sosialisasi Ekspor"
    assert (result.starts_at, result.ends_at) == (at(5), at(5, 12))
    assert result.place == "Kantor Bea Cukai Malang"
    assert result.description == "Untuk UMKM pemula"
    assert result.capacity == 30 and result.registration_deadline == at(3, 23, 59)
    with pytest.raises(InvalidInput, match="Format satu baris"):
        parse_one_line("Hanya judul", WIB, NOW)


# --- creating and listing -------------------------------------------------------------------

async def test_created_event_is_stored_with_offset_times_and_read_back(
        events: EventService, db: Database) -> None:
    event = await events.create(ORGANISER, draft(ends_at=at(5, 12)))
    stored = await db.fetchone("SELECT starts_at, ends_at, status FROM events WHERE id = ?",
                               (event.id,))
    assert stored is not None
    assert stored["starts_at"] == "2026-12-05T09:00:00+07:00"
    assert stored["status"] == "upcoming"
    again = await events.get(event.id)
    assert again == event and again.starts_at == at(5) and again.organiser_id == ORGANISER
    assert await events.get(9999) is None


async def test_acara_lists_upcoming_events_soonest_first_in_pages(events: EventService) -> None:
    later = await events.create(ORGANISER, draft("Festival Ekspor Jatim", at(20)))
    soon = await events.create(ORGANISER, draft("Business Matching", at(2)))
    middle = await events.create(ORGANISER, draft("Malang City Expo", at(10)))
    cancelled = await events.create(ORGANISER, draft("Batal", at(3)))
    await events.cancel(cancelled.id)
    first = await events.upcoming_page(0)
    assert [e.id for e in first.events] == [soon.id, middle.id] and first.pages == 2
    second = await events.upcoming_page(1)
    assert [e.id for e in second.events] == [later.id]
    assert (await events.upcoming_page(7)).page == 1  # a stale page number is clamped


async def test_past_events_become_finished_and_leave_the_list(
        events: EventService, clock: ManualClock) -> None:
    today = await events.create(ORGANISER, draft("Hari ini", at(1, 9), ends_at=at(1, 12)))
    tomorrow = await events.create(ORGANISER, draft("Besok", at(2, 9)))
    clock.set(at(1, 12, 30))
    assert [e.id for e in (await events.upcoming_page(0)).events] == [tomorrow.id]
    assert await events.finish_past() == [today.id]
    finished = await events.get(today.id)
    assert finished is not None and finished.status is Status.FINISHED
    assert await events.finish_past() == []
    clock.set(at(3, 0, 0))  # an event without an end time is over when its day is
    assert await events.finish_past() == [tomorrow.id]


async def test_organiser_sees_own_events_and_admin_flag_sees_all(events: EventService) -> None:
    mine = await events.create(ORGANISER, draft("Punya saya"))
    other = await events.create(801, draft("Punya orang lain"))
    assert [e.id for e in await events.organiser_events(ORGANISER)] == [mine.id]
    assert {e.id for e in await events.organiser_events(ORGANISER, include_all=True)} == {
        mine.id, other.id}


# --- registering interest -------------------------------------------------------------------

async def test_first_registration_asks_for_consent_and_then_registers(
        events: EventService) -> None:
    event = await events.create(ORGANISER, draft())
    assert await events.register_interest(101, event.id) is Registration.NEEDS_CONSENT
    assert await events.interested_user_ids(event.id) == []
    await events.give_consent(101)
    assert await events.has_consent(101)
    assert await events.register_interest(101, event.id) is Registration.REGISTERED
    assert await events.interested_user_ids(event.id) == [101]
    assert (await events.user_events(101))[0].id == event.id


async def test_registering_twice_late_full_or_cancelled_changes_nothing(
        events: EventService, clock: ManualClock) -> None:
    event = await events.create(ORGANISER, draft(capacity=1, registration_deadline=at(3)))
    assert await registered(events, 101, event.id) is Registration.REGISTERED
    assert await registered(events, 101, event.id) is Registration.ALREADY
    assert await registered(events, 102, event.id) is Registration.FULL
    clock.set(at(3, 10))
    await events.withdraw_interest(101, event.id)
    assert await registered(events, 103, event.id) is Registration.CLOSED
    other = await events.create(ORGANISER, draft(starts_at=at(6)))
    await events.cancel(other.id)
    assert await registered(events, 104, other.id) is Registration.CANCELLED
    assert await registered(events, 104, 9999) is Registration.NOT_FOUND
    assert await events.interest_counts([event.id, other.id]) == {event.id: 0, other.id: 0}


async def test_capacity_holds_when_many_register_at_once(events: EventService) -> None:
    event = await events.create(ORGANISER, draft(capacity=3))
    for user_id in range(200, 220):
        await events.give_consent(user_id)
    outcomes = await asyncio.gather(
        *(events.register_interest(user_id, event.id) for user_id in range(200, 220)))
    assert outcomes.count(Registration.REGISTERED) == 3
    assert (await events.interest_counts([event.id]))[event.id] == 3


async def test_withdrawing_removes_the_registration_once(events: EventService) -> None:
    event = await events.create(ORGANISER, draft())
    await registered(events, 101, event.id)
    assert await events.withdraw_interest(101, event.id)
    assert not await events.withdraw_interest(101, event.id)
    assert await events.user_events(101) == []


async def test_cancelling_twice_only_cancels_once(events: EventService) -> None:
    event = await events.create(ORGANISER, draft())
    assert await events.cancel(event.id)
    assert not await events.cancel(event.id)
    assert await events.update(event.id, {"title": "Baru"}) is None


# --- reminders ------------------------------------------------------------------------------

async def test_day_before_reminder_is_due_from_the_configured_time_and_claimed_once(
        events: EventService, clock: ManualClock) -> None:
    event = await events.create(ORGANISER, draft(starts_at=at(5, 9)))
    await registered(events, 101, event.id)
    clock.set(at(4, 15, 59))
    assert await events.reminders.due() == []
    clock.set(at(4, 16, 0))
    (notice,) = await events.reminders.due()
    assert (notice.user_id, notice.kind) == (101, NoticeKind.DAY_BEFORE)
    assert await events.reminders.claim(notice)
    assert not await events.reminders.claim(notice)
    assert await events.reminders.due() == []
    clock.set(at(5, 7, 0))
    (same_day,) = await events.reminders.due()
    assert same_day.kind is NoticeKind.SAME_DAY


async def test_claimed_reminder_is_not_due_again_after_a_restart(
        config: Config, clock: ManualClock) -> None:
    db = await Database.open(config.database)
    events = EventService(db, clock, config)
    event = await events.create(ORGANISER, draft(starts_at=at(5, 9)))
    await registered(events, 101, event.id)
    clock.set(at(4, 16, 0, ))
    (notice,) = await events.reminders.due()
    assert await events.reminders.claim(notice)
    await db.close()

    clock.advance(dt.timedelta(minutes=1))
    db = await Database.open(config.database)
    try:
        assert await EventService(db, clock, config).reminders.due() == []
    finally:
        await db.close()


async def test_missed_reminder_window_is_skipped_and_late_registrants_are_not_reminded(
        events: EventService, clock: ManualClock) -> None:
    event = await events.create(ORGANISER, draft(starts_at=at(5, 9)))
    await registered(events, 101, event.id)
    clock.set(at(4, 20, 0))
    await registered(events, 102, event.id)  # registered after the H-1 reminder time
    assert [n.user_id for n in await events.reminders.due()] == [101]
    clock.set(at(5, 9, 30))  # the bot was down all morning: too late to remind
    assert await events.reminders.due() == []


async def test_early_event_gets_its_same_day_reminder_an_hour_before(
        events: EventService, clock: ManualClock) -> None:
    event = await events.create(ORGANISER, draft(starts_at=at(5, 6, 30)))
    await registered(events, 101, event.id)
    clock.set(at(5, 5, 29))
    assert [n.kind for n in await events.reminders.due()] == []
    clock.set(at(5, 5, 30))
    assert [n.kind for n in await events.reminders.due()] == [NoticeKind.SAME_DAY]


async def test_cancellation_notice_is_due_once_per_registrant(
        events: EventService, clock: ManualClock) -> None:
    event = await events.create(ORGANISER, draft())
    await registered(events, 101, event.id)
    await registered(events, 102, event.id)
    await events.cancel(event.id)
    notices = await events.reminders.due()
    assert {(n.user_id, n.kind) for n in notices} == {(101, NoticeKind.CANCELLED),
                                                      (102, NoticeKind.CANCELLED)}
    for notice in notices:
        assert await events.reminders.claim(notice)
    assert await events.reminders.due() == []


async def test_released_notice_is_due_again(events: EventService, clock: ManualClock) -> None:
    event = await events.create(ORGANISER, draft())
    await registered(events, 101, event.id)
    await events.cancel(event.id)
    (notice,) = await events.reminders.due()
    await events.reminders.claim(notice)
    await events.reminders.release(notice)
    assert await events.reminders.due() == [notice]


async def test_moving_an_event_reminds_registrants_of_the_new_date(
        events: EventService, clock: ManualClock) -> None:
    event = await events.create(ORGANISER, draft(starts_at=at(5, 9)))
    await registered(events, 101, event.id)
    clock.set(at(4, 16, 0))
    (notice,) = await events.reminders.due()
    await events.reminders.claim(notice)
    await events.update(event.id, {"starts_at": at(6, 9), "ends_at": None})
    assert await events.reminders.due() == []
    clock.set(at(5, 16, 0))
    assert [n.kind for n in await events.reminders.due()] == [NoticeKind.DAY_BEFORE]


async def test_users_who_blocked_the_bot_get_no_reminders(
        events: EventService, db: Database, clock: ManualClock) -> None:
    users = UserDirectory(db, clock)
    await users.seen(Person(101, "Siti"))
    await users.mark_blocked(101)
    event = await events.create(ORGANISER, draft(starts_at=at(5, 9)))
    await registered(events, 101, event.id)
    clock.set(at(4, 16, 0))
    assert await events.reminders.due() == []


# --- organiser report -----------------------------------------------------------------------

async def test_participants_csv_has_name_username_and_time_and_defuses_formulas(
        events: EventService, db: Database, clock: ManualClock) -> None:
    users = UserDirectory(db, clock)
    await users.seen(Person(101, "Siti", "Aminah", "siti_kopi"))
    await users.seen(Person(102, "=HYPERLINK(1)", "", None))
    event = await events.create(ORGANISER, draft(capacity=10))
    await registered(events, 101, event.id)
    clock.advance(dt.timedelta(minutes=5))
    await registered(events, 102, event.id)
    participants = await events.participants(event.id)
    rows = list(csv.reader(io.StringIO(
        event_views.participants_csv(participants).decode("utf-8-sig"))))
    assert rows == [["nama", "username", "waktu_daftar"],
                    ["Siti Aminah", "@siti_kopi", "2026-11-30 10:00"],
                    ["'=HYPERLINK(1)", "", "2026-11-30 10:05"]]
    assert event_views.participants_summary(event, 2) == (
        "Malang City Expo: 2 peminat dari kuota 10.")

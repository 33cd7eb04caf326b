"""End to end: export events as organisers and UMKM owners experience them on Telegram.

The bot's clock is a ManualClock (30 November 2026, 10:00 WIB) and the reminder job looks
at it every 0.1 s, so moving the clock makes reminders fall due within moments.
"""

from __future__ import annotations

import asyncio
import csv
import datetime as dt
import io
from typing import Any
from zoneinfo import ZoneInfo

import pytest

from bot.clock import ManualClock
from bot.config import Config
from bot.events import Status
from handlers.application import running_bot
from tests.conftest import ADMIN_ID, ORGANISER_ID, FakeUser
from tests.fake_telegram import BOT_USERNAME, FakeTelegram, SentMessage

WIB = ZoneInfo("Asia/Jakarta")
EXPO = "/buatacara Malang City Expo | 2026-12-05 09:00-15:00 | Gedung Kartini, Malang | Pameran"


@pytest.fixture
def clock() -> ManualClock:
    return ManualClock(dt.datetime(2026, 11, 30, 10, 0, tzinfo=WIB))


@pytest.fixture
def config_overrides() -> dict[str, Any]:
    return {"events": {"reminder_check_seconds": 0.1, "reminder_day_before": "16:00",
                       "reminder_same_day": "07:00"}}


async def create_expo(organiser: FakeUser, command: str = EXPO) -> SentMessage:
    reply = await organiser.ask(command)
    assert "tersimpan" in reply.text, reply.text
    return reply


async def register(person: FakeUser, listing: SentMessage, label: str = "1. Saya tertarik",
                   consent: bool = True) -> SentMessage:
    """Press "Saya tertarik" on a list or card (agreeing to share data the first time)."""
    edits = listing.edits
    await person.press(listing, label)
    if not consent:
        return await person.edited(listing, edits)
    question = await person.next_message()
    assert "dibagikan kepada penyelenggara" in question.text
    await person.press(question, "Setuju")
    return await person.edited(question, 0)


# --- organisers create events ---------------------------------------------------------------

async def test_organiser_creates_an_event_step_by_step_with_a_shareable_link(user) -> None:
    organiser = user(ORGANISER_ID)
    assert "judul" in (await organiser.ask("/buatacara")).text
    assert "Kapan" in (await organiser.ask("Business Matching Atase Perdagangan")).text
    bad = await organiser.ask("besok jam 9")
    assert "belum bisa saya baca" in bad.text and "2026-12-05 09:00" in bad.text
    past = await organiser.ask("2026-11-01 09:00")
    assert "sudah lewat" in past.text
    assert "tempatnya" in (await organiser.ask("2026-12-08 13:00-16:00")).text
    assert "deskripsi" in (await organiser.ask("Daring https://zoom.us/j/123")).text
    preview = await organiser.ask("Temu bisnis dengan atase perdagangan <Jepang>")
    assert "Business Matching Atase Perdagangan" in preview.text
    assert "Selasa, 8 Desember 2026 pukul 13.00–16.00 WIB" in preview.text
    assert "&lt;Jepang&gt;" in preview.text
    await organiser.press(preview, "Terbitkan")
    done = await organiser.edited(preview, 0)
    assert f"https://t.me/{BOT_USERNAME}?start=acara-1" in done.text
    assert "/peserta 1" in done.text
    listing = await user(101).ask("/acara")
    assert "Business Matching" in listing.text


async def test_organiser_creates_an_event_in_one_line(user) -> None:
    organiser = user(ORGANISER_ID)
    reply = await create_expo(organiser)
    assert f"https://t.me/{BOT_USERNAME}?start=acara-1" in reply.text
    bad = await organiser.ask("/buatacara Expo | 31-02-2026 09:00 | Malang")
    assert "tidak ada di kalender" in bad.text
    listing = await user(101).ask("/acara")
    assert "Malang City Expo" in listing.text and "Sabtu, 5 Desember 2026" in listing.text


async def test_batal_stops_creating_and_saves_nothing(user) -> None:
    organiser = user(ORGANISER_ID)
    await organiser.ask("/buatacara")
    await organiser.ask("Festival Ekspor Jawa Timur")
    assert "dibatalkan" in (await organiser.ask("/batal")).text
    assert "Belum ada acara" in (await user(101).ask("/acara")).text


async def test_non_organiser_is_refused_everywhere(user, telegram: FakeTelegram) -> None:
    await create_expo(user(ORGANISER_ID))
    stranger = user(101)
    for command in ("/buatacara", EXPO, "/acarasaya", "/peserta 1"):
        reply = await stranger.ask(command)
        assert "khusus untuk penyelenggara acara" in reply.text, command
    listing = await stranger.ask("/acara")
    query = await stranger.press_data(listing, "ev:cxy:1")
    assert "khusus" in (await stranger.callback_answer(query))["text"]
    assert await stranger.no_message()
    assert "Malang City Expo" in (await stranger.ask("/acara")).text  # still not cancelled


# --- UMKM owners find, register, withdraw ---------------------------------------------------

async def test_user_registers_from_acara_sees_it_in_acaraku_and_cancels(user) -> None:
    await create_expo(user(ORGANISER_ID))
    siti = user(101, first_name="Siti")
    listing = await siti.ask("/acara")
    assert "0 peminat" in listing.text
    card = await register(siti, listing)
    assert "Anda sudah terdaftar" in card.text and "1 peminat" in card.text
    assert "Batalkan" in " ".join(card.button_labels)
    mine = await siti.ask("/acaraku")
    assert "Malang City Expo" in mine.text
    query = await siti.press(mine, "1. Batalkan")
    assert "dibatalkan" in (await siti.callback_answer(query))["text"]
    emptied = await siti.edited(mine, 0)
    assert "belum mendaftar" in emptied.text
    assert "0 peminat" in (await siti.ask("/acara")).text


async def test_deep_link_opens_the_event_with_its_button(user) -> None:
    await create_expo(user(ORGANISER_ID))
    budi = user(102)
    card = await budi.ask("/start acara-1")
    assert "Malang City Expo" in card.text and "Pameran" in card.text
    registered = await register(budi, card, "Saya tertarik")
    assert "Anda sudah terdaftar" in registered.text
    missing = await budi.ask("/start acara-99")
    assert "tidak ditemukan" in missing.text


async def test_greeting_button_opens_the_event_list(user) -> None:
    await create_expo(user(ORGANISER_ID))
    ani = user(103)
    greeting = await ani.ask("/start")
    await ani.press(greeting, "Acara ekspor")
    listing = await ani.next_message()
    assert "Malang City Expo" in listing.text


async def test_consent_is_asked_once_and_registering_twice_changes_nothing(user) -> None:
    organiser = user(ORGANISER_ID)
    await create_expo(organiser)
    await create_expo(organiser, "/buatacara Sosialisasi Bea Cukai | 2026-12-10 09:00 | "
                                 "Kantor Bea Cukai Malang | Ekspor-impor")
    siti = user(101)
    listing = await siti.ask("/acara")
    await register(siti, listing)
    second = await register(siti, listing, "2. Saya tertarik", consent=False)
    assert second.text.count("Anda sudah terdaftar") == 2
    stale = await siti.press_data(listing, "ev:in:1:p0")  # an old "Saya tertarik" button
    assert "sudah terdaftar" in (await siti.callback_answer(stale))["text"]
    assert "1 peminat" in (await siti.ask("/start acara-1")).text


async def test_full_late_and_cancelled_events_refuse_registration_clearly(
        bot, user, clock: ManualClock) -> None:
    await create_expo(user(ORGANISER_ID), EXPO + " | kuota 1 | batas 2026-12-03")
    first = user(101)
    await register(first, await first.ask("/acara"))
    second = user(102)
    listing = await second.ask("/acara")
    assert "penuh" in listing.text
    query = await second.press(listing, "1. Saya tertarik")
    assert "kuota acara ini sudah penuh" in (await second.callback_answer(query))["text"]
    clock.set(dt.datetime(2026, 12, 4, 8, 0, tzinfo=WIB))
    query = await second.press_data(listing, "ev:in:1:p0")
    assert "sudah ditutup" in (await second.callback_answer(query))["text"]
    core = bot.bot_data["core"]
    await core.events.cancel(1)
    query = await second.press_data(listing, "ev:in:1:p0")
    assert "dibatalkan" in (await second.callback_answer(query))["text"]
    assert await core.events.interested_user_ids(1) == [101]


async def test_stale_event_button_gets_a_friendly_answer(user) -> None:
    rina = user(104)
    greeting = await rina.ask("/start")
    query = await rina.press_data(greeting, "ev:zzz:1")
    assert "tidak berlaku" in (await rina.callback_answer(query))["text"]


# --- organisers manage and report -----------------------------------------------------------

async def test_organiser_downloads_the_csv_of_interested_users(bot, user) -> None:
    organiser = user(ORGANISER_ID)
    await create_expo(organiser)
    siti = user(101, first_name="Siti", username="siti_kopi")
    await siti.ask("/start")
    await register(siti, await siti.ask("/acara"))
    await organiser.send("/peserta 1")
    document = await organiser.next_message()
    assert document.method == "sendDocument" and document.filename == "peminat-acara-1.csv"
    assert document.caption == "Malang City Expo: 1 peminat."
    assert document.document is not None
    rows = list(csv.reader(io.StringIO(document.document.decode("utf-8-sig"))))
    assert rows[0] == ["nama", "username", "waktu_daftar"]
    assert rows[1] == ["Siti", "@siti_kopi", "2026-11-30 10:00"]
    # Another organiser may not read it; an admin may.
    await bot.bot_data["core"].roles.grant_organiser(801, by=ADMIN_ID)
    assert "penyelenggara lain" in (await user(801).ask("/peserta 1")).text
    await user(ADMIN_ID).send("/peserta 1")
    assert (await user(ADMIN_ID).next_message()).method == "sendDocument"


async def test_organiser_edits_capacity_from_acarasaya(user) -> None:
    organiser = user(ORGANISER_ID)
    await create_expo(organiser)
    mine = await organiser.ask("/acarasaya")
    await organiser.press(mine, "Malang City Expo")
    card = await organiser.edited(mine, 0)
    assert "?start=acara-1" in card.text
    await organiser.press(card, "Ubah")
    menu = await organiser.edited(card, 1)
    await organiser.press(menu, "Kuota")
    assert "kuota" in (await organiser.next_message()).text
    assert "angka" in (await organiser.ask("banyak sekali")).text
    assert "tersimpan" in (await organiser.ask("25")).text
    updated = await organiser.next_message()
    assert "kuota 25" in updated.text
    await organiser.press(updated, "Unduh peminat")
    document = await organiser.next_message()
    assert document.method == "sendDocument" and "0 peminat dari kuota 25" in document.caption


async def test_admin_manages_every_organisers_events(user) -> None:
    await create_expo(user(ORGANISER_ID))
    listing = await user(ADMIN_ID).ask("/acarasaya")
    assert "Semua acara" in listing.text and "Malang City Expo" in listing.button_labels[0]


async def test_cancelling_notifies_every_registrant_once(user) -> None:
    organiser = user(ORGANISER_ID)
    await create_expo(organiser)
    siti, budi, ani = user(101), user(102), user(103)
    for person in (siti, budi):
        await register(person, await person.ask("/acara"))
    await ani.ask("/acara")
    mine = await organiser.ask("/acarasaya")
    await organiser.press(mine, "Malang City Expo")
    card = await organiser.edited(mine, 0)
    await organiser.press(card, "Batalkan acara")
    confirm = await organiser.edited(card, 1)
    assert "2 peminat akan diberi tahu" in confirm.text
    await organiser.press(confirm, "Ya, batalkan")
    assert "dibatalkan" in (await organiser.edited(confirm, 2)).text
    for person in (siti, budi):
        notice = await person.next_message()
        assert "Acara dibatalkan" in notice.text and "Malang City Expo" in notice.text
        assert await person.no_message(0.5)
    assert await ani.no_message(0.1)
    assert "Belum ada acara" in (await ani.ask("/acara")).text


async def test_past_events_finish_and_leave_acara(bot, user, clock: ManualClock) -> None:
    await create_expo(user(ORGANISER_ID))
    clock.set(dt.datetime(2026, 12, 5, 15, 1, tzinfo=WIB))
    core = bot.bot_data["core"]
    for _ in range(100):  # the job looks every 0.1 s
        event = await core.events.get(1)
        if event.status is Status.FINISHED:
            break
        await asyncio.sleep(0.05)
    assert event.status is Status.FINISHED
    assert "Belum ada acara" in (await user(101).ask("/acara")).text


# --- reminders ------------------------------------------------------------------------------

async def test_reminders_fire_once_each_across_a_restart(
        config: Config, clock: ManualClock, telegram: FakeTelegram) -> None:
    organiser = FakeUser(telegram, ORGANISER_ID)
    siti = FakeUser(telegram, 101, first_name="Siti")
    async with running_bot(config, clock):
        await create_expo(organiser)
        await register(siti, await siti.ask("/acara"))
        clock.set(dt.datetime(2026, 12, 4, 16, 0, tzinfo=WIB))
        reminder = await siti.next_message()
        assert "besok" in reminder.text and "Malang City Expo" in reminder.text
        assert "Gedung Kartini" in reminder.text
    # Restart a minute later, still inside the H-1 window: nothing is sent again.
    clock.advance(dt.timedelta(minutes=1))
    async with running_bot(config, clock):
        assert await siti.no_message(0.6)
        clock.set(dt.datetime(2026, 12, 5, 7, 0, tzinfo=WIB))
        today = await siti.next_message()
        assert "hari ini" in today.text
        assert await siti.no_message(0.4)
    async with running_bot(config, clock):
        assert await siti.no_message(0.4)


async def test_reminder_that_failed_to_send_is_retried_and_blocked_users_are_skipped(
        bot, user, clock: ManualClock, telegram: FakeTelegram) -> None:
    await create_expo(user(ORGANISER_ID))
    siti, budi = user(101), user(102)
    for person in (siti, budi):
        await register(person, await person.ask("/acara"))
    telegram.fail(101, 502, "Bad Gateway")
    telegram.blocked.add(102)
    clock.set(dt.datetime(2026, 12, 4, 16, 0, tzinfo=WIB))
    reminder = await siti.next_message()
    assert "besok" in reminder.text
    assert await siti.no_message(0.4)
    core = bot.bot_data["core"]
    record = await core.users.get(102)
    assert record is not None and record.blocked

"""End to end: /siaran, /berhenti and /langganan through the local Bot API server."""

from __future__ import annotations

import asyncio
import datetime as dt
import os
import signal
import subprocess
import sys
from collections import Counter
from pathlib import Path
from typing import Any

from bot.clock import Clock
from bot.event_input import EventDraft
from bot.storage import Database
from bot.users import Person, UserDirectory
from tests.conftest import ORGANISER_ID, ROOT, TOKEN, FakeUser, write_config
from tests.fake_telegram import FakeTelegram, SentMessage

ANNOUNCEMENT = "Pameran ekspor kopi hari Sabtu"


def core_of(bot: Any) -> Any:
    return bot.bot_data["core"]


async def add_users(bot: Any, ids: range | list[int]) -> None:
    """People who have opened the bot before."""
    users = core_of(bot).users
    for user_id in ids:
        await users.seen(Person(user_id, f"User{user_id}"))


async def next_matching(person: FakeUser, words: str, timeout: float = 20.0) -> SentMessage:
    """The next message to `person` containing `words` (announcements may come in between)."""
    while True:
        message = await person.next_message(timeout)
        if words in message.text:
            return message


async def compose(organiser: FakeUser, text: str, audience: str = "Semua pengguna",
                  entities: list[dict[str, Any]] | None = None) -> tuple[SentMessage, SentMessage]:
    """/siaran <text>, pick the audience; return (the announcement preview, the confirmation)."""
    await organiser.send(f"/siaran {text}", entities=entities)
    choice = await organiser.next_message()
    await organiser.press(choice, audience)
    preview = await organiser.next_message()
    confirmation = await organiser.next_message()
    return preview, confirmation


async def broadcast(organiser: FakeUser, text: str = ANNOUNCEMENT,
                    audience: str = "Semua pengguna") -> SentMessage:
    """Compose, confirm, and wait for the final report."""
    _, confirmation = await compose(organiser, text, audience)
    await organiser.press(confirmation, "Kirim ke")
    return await next_matching(organiser, "selesai</b>")


def deliveries(telegram: FakeTelegram, text: str = ANNOUNCEMENT) -> Counter[int]:
    """How many copies of the announcement each chat received, leaving out the organiser's
    chat (which holds the preview as well as their own copy)."""
    return Counter(m.chat_id for m in telegram.sent
                   if m.text.startswith(text) and m.chat_id != ORGANISER_ID)


def max_in_one_second(times: list[float]) -> int:
    times = sorted(times)
    best, start = 0, 0
    for end, at in enumerate(times):
        while at - times[start] >= 1.0:
            start += 1
        best = max(best, end - start + 1)
    return best


async def test_preview_shows_the_exact_count_and_cancel_sends_nothing(bot, user,
                                                                      telegram) -> None:
    await add_users(bot, range(201, 206))
    await user(205).send("/berhenti")
    organiser = user(ORGANISER_ID)
    preview, confirmation = await compose(
        organiser, "Pameran <kopi> & teh",
        entities=[{"type": "bold", "offset": 8, "length": 7}])  # "Pameran" after "/siaran "
    assert preview.text.startswith("<b>Pameran</b> &lt;kopi&gt; &amp; teh")
    assert "/berhenti" in preview.text  # recipients learn how to opt out
    # 201–204 and the organiser; 205 chose /berhenti.
    assert "5 orang" in confirmation.text
    assert confirmation.button_labels == ["✅ Kirim ke 5 orang", "Batal"]
    await organiser.press(confirmation, "Batal")
    await organiser.edited(confirmation, 0)
    assert "dibatalkan" in confirmation.text and not confirmation.buttons
    assert await user(201).no_message(1.0)
    assert not deliveries(telegram, "Pameran")
    assert await core_of(bot).broadcasts.outbox.jobs() == []


async def test_the_announcement_can_come_as_the_next_message(bot, user) -> None:
    await add_users(bot, [201])
    organiser = user(ORGANISER_ID)
    prompt = await organiser.ask("/siaran")
    assert "tulis pengumuman" in prompt.text
    choice = await organiser.ask("Webinar <i>HS code</i> besok")
    assert any("Semua pengguna (2 orang)" in label for label in choice.button_labels)
    cancelled = await organiser.ask("/batal")
    assert "dibatalkan" in cancelled.text


async def test_confirm_reaches_every_recipient_exactly_once_within_the_rate(
        bot, user, telegram) -> None:
    recipients = list(range(301, 341))
    await add_users(bot, recipients)
    organiser = user(ORGANISER_ID)
    _, confirmation = await compose(organiser, ANNOUNCEMENT)
    await organiser.press(confirmation, "Kirim ke 41 orang")
    report = await next_matching(organiser, "selesai</b>")
    assert "Terkirim: <b>41</b> dari 41" in report.text
    assert deliveries(telegram) == Counter({chat: 1 for chat in recipients})
    # Telegram's limit, counting every message and edit the bot made from the first copy on.
    first = sorted(m.sent_at for m in telegram.sent if m.text.startswith(ANNOUNCEMENT))[1]
    made = [at for at, method, _, status in telegram.responses
            if status == 200 and method in ("sendMessage", "editMessageText") and at >= first]
    assert len(made) > 41 and max_in_one_second(made) <= 30
    # The confirmation became the progress message, edited in place to its final state.
    assert confirmation.edits >= 2
    assert "Siaran #1" in confirmation.text and "selesai" in confirmation.text
    assert not confirmation.buttons


async def test_a_user_who_blocked_the_bot_is_marked_and_skipped_next_time(
        bot, user, telegram) -> None:
    await add_users(bot, range(401, 406))
    telegram.blocked.add(403)
    organiser = user(ORGANISER_ID)
    report = await broadcast(organiser)
    assert "Memblokir bot: 1" in report.text
    record = await core_of(bot).users.get(403)
    assert record is not None and record.blocked and not record.accepts_broadcasts
    _, confirmation = await compose(organiser, "Pengumuman kedua")
    assert "Kirim ke 5 orang" in confirmation.button_labels[0]  # 401, 402, 404, 405, organiser
    await organiser.press(confirmation, "Kirim ke")
    await next_matching(organiser, "selesai</b>")
    attempts_to_403 = [r for r in telegram.responses if r[1] == "sendMessage" and r[2] == 403]
    assert len(attempts_to_403) == 1


async def test_a_flood_wait_429_is_honoured_then_the_broadcast_continues(
        bot, user, telegram) -> None:
    await add_users(bot, range(501, 511))
    telegram.fail(505, 429, "Too Many Requests: retry after 1", retry_after=1)
    report = await broadcast(user(ORGANISER_ID))
    assert "Terkirim: <b>11</b> dari 11" in report.text
    assert deliveries(telegram)[505] == 1
    sends = [r for r in telegram.responses if r[1] == "sendMessage"]
    flood = next(i for i, r in enumerate(sends) if r[3] == 429)
    assert sends[flood + 1][0] - sends[flood][0] >= 1.0  # nothing at all during the wait


async def test_bad_requests_and_network_errors_are_counted_or_retried(bot, user,
                                                                      telegram) -> None:
    await add_users(bot, range(601, 606))
    telegram.fail(602, 400, "Bad Request: chat not found")
    telegram.fail(604, 502, "Bad Gateway")
    report = await broadcast(user(ORGANISER_ID))
    assert "Gagal: 1" in report.text and "Terkirim: <b>5</b> dari 6" in report.text
    assert deliveries(telegram)[604] == 1 and 602 not in deliveries(telegram)


async def test_a_user_who_sent_berhenti_gets_nothing_until_langganan(bot, user,
                                                                     telegram) -> None:
    await add_users(bot, [701, 702])
    leaver = user(701)
    reply = await leaver.ask("/berhenti")
    assert "tidak akan menerima pengumuman" in reply.text
    again = await leaver.ask("/berhenti")
    assert "sudah tidak menerima" in again.text
    organiser = user(ORGANISER_ID)
    await broadcast(organiser)
    assert 701 not in deliveries(telegram) and deliveries(telegram)[702] == 1
    back = await leaver.ask("/langganan")
    assert "kembali menerima" in back.text
    await broadcast(organiser, "Pengumuman kedua")
    assert deliveries(telegram, "Pengumuman kedua")[701] == 1


async def test_someone_who_leaves_during_a_broadcast_is_not_sent_it(bot, user,
                                                                     telegram) -> None:
    await add_users(bot, range(711, 760))
    organiser = user(ORGANISER_ID)
    _, confirmation = await compose(organiser, ANNOUNCEMENT)
    await organiser.press(confirmation, "Kirim ke 50 orang")
    await organiser.edited(confirmation, 0)
    await user(759).ask("/berhenti")  # the last in line, while the first copies go out
    report = await next_matching(organiser, "selesai</b>")
    assert "Berhenti berlangganan sebelum terkirim: 1" in report.text
    assert 759 not in deliveries(telegram) and len(deliveries(telegram)) == 48


async def test_a_non_organiser_is_refused_everything(bot, user, telegram) -> None:
    await add_users(bot, [801, 802])
    stranger = user(801)
    refusal = await stranger.ask("/siaran Promo gratis!")
    assert "khusus untuk penyelenggara acara" in refusal.text
    status = await stranger.ask("/siaran status")
    assert "khusus untuk penyelenggara acara" in status.text
    query = await stranger.press_data(refusal, "bc:stop:1")
    answer = await stranger.callback_answer(query)
    assert "khusus untuk penyelenggara acara" in answer["text"]
    assert await user(802).no_message(0.8)
    assert await core_of(bot).broadcasts.outbox.jobs() == []


async def test_status_lists_broadcasts_and_the_organiser_can_pause_and_resume(
        bot, user, telegram) -> None:
    await add_users(bot, range(1001, 1061))
    organiser = user(ORGANISER_ID)
    _, confirmation = await compose(organiser, ANNOUNCEMENT)
    await organiser.press(confirmation, "Kirim ke")
    await organiser.edited(confirmation, 0)  # the broadcast has started
    await organiser.send("/siaran status")
    status = await next_matching(organiser, "Siaran berjalan")
    assert "#1" in status.text and "sedang dikirim" in status.text
    await organiser.press(status, "Jeda #1")
    await organiser.edited(status, 0)
    assert "dijeda" in status.text and "Lanjutkan #1" in " ".join(status.button_labels)
    paused_count = sum(deliveries(telegram).values())
    await asyncio.sleep(1.0)
    assert sum(deliveries(telegram).values()) <= paused_count + 8  # only those in flight
    assert sum(deliveries(telegram).values()) < 61
    await organiser.press(status, "Lanjutkan #1")
    report = await next_matching(organiser, "selesai</b>")
    assert "Terkirim: <b>61</b>" in report.text
    assert set(deliveries(telegram).values()) == {1}

    other = user(ORGANISER_ID + 1)
    await core_of(bot).roles.grant_organiser(other.id, by=900)
    theirs = await other.ask("/siaran status")
    assert "#1" in theirs.text and not any("#1" in b for b in theirs.button_labels)
    query = await other.press_data(theirs, "bc:stop:1")
    assert "milik penyelenggara lain" in (await other.callback_answer(query))["text"]


async def test_stop_from_the_progress_message_sends_the_rest_nothing(bot, user,
                                                                     telegram) -> None:
    await add_users(bot, range(1101, 1181))
    organiser = user(ORGANISER_ID)
    _, confirmation = await compose(organiser, ANNOUNCEMENT)
    await organiser.press(confirmation, "Kirim ke")
    await organiser.edited(confirmation, 0)
    await organiser.press(confirmation, "Hentikan #1")
    report = await next_matching(organiser, "dihentikan</b>")
    sent = sum(deliveries(telegram).values())
    # The organiser's own copy (id 800) is the first one out.
    assert sent < 80 and f"Terkirim: <b>{sent + 1}</b> dari 81" in report.text
    await asyncio.sleep(0.5)
    assert sum(deliveries(telegram).values()) == sent


async def test_event_audience_reaches_only_the_people_interested(bot, user,
                                                                 telegram) -> None:
    await add_users(bot, range(1201, 1206))
    core = core_of(bot)
    starts = core.events.now() + dt.timedelta(days=7)
    event = await core.events.create(ORGANISER_ID, EventDraft(
        "Pelatihan Label Ekspor", starts, None, "Surabaya"))
    for user_id in (1202, 1204):
        await core.events.give_consent(user_id)
        await core.events.register_interest(user_id, event.id)
    organiser = user(ORGANISER_ID)
    _, confirmation = await compose(organiser, ANNOUNCEMENT, "Peminat acara: Pelatihan")
    assert "Kirim ke 2 orang" in confirmation.button_labels[0]
    assert "Pelatihan Label Ekspor" in confirmation.text
    await organiser.press(confirmation, "Kirim ke")
    await next_matching(organiser, "selesai</b>")
    assert deliveries(telegram) == Counter({1202: 1, 1204: 1})


async def test_a_stale_draft_button_gets_a_friendly_answer(bot, user) -> None:
    organiser = user(ORGANISER_ID)
    message = await organiser.ask("/bantuan")
    query = await organiser.press_data(message, "bc:send")
    answer = await organiser.callback_answer(query)
    assert "tidak berlaku" in answer["text"]


# --- a real restart: the bot process is killed mid-broadcast ---------------------------------


async def _start_bot(config: Path) -> asyncio.subprocess.Process:
    env = {**os.environ, "TELEGRAM_BOT_TOKEN": TOKEN}
    return await asyncio.create_subprocess_exec(
        sys.executable, "-m", "bot", "run", "--config", str(config),
        env=env, cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)


async def test_a_restart_mid_broadcast_resumes_without_duplicates_or_gaps(
        tmp_path: Path, telegram: FakeTelegram) -> None:
    config = write_config(tmp_path, telegram)
    recipients = list(range(2001, 2081))
    db = await Database.open(tmp_path / "bot.sqlite3")
    users = UserDirectory(db, Clock())
    for user_id in recipients:
        await users.seen(Person(user_id))
    await db.close()

    first = await _start_bot(config)
    try:
        organiser = FakeUser(telegram, ORGANISER_ID)
        await organiser.send(f"/siaran {ANNOUNCEMENT}")
        choice = await organiser.next_message(timeout=30)
        await organiser.press(choice, "Semua pengguna")
        await organiser.next_message()
        confirmation = await organiser.next_message()
        telegram.hold(2030)  # the 30th send will be on the wire when the process dies
        await organiser.press(confirmation, "Kirim ke 81 orang")
        await telegram.wait_for(lambda: 2030 in telegram.held, 20)
    finally:
        first.send_signal(signal.SIGKILL)
        await first.wait()
    telegram.release(2030, deliver=False)
    before = sum(deliveries(telegram).values())
    assert 0 < before < 81

    second = await _start_bot(config)
    try:
        report = await next_matching(organiser, "selesai</b>", timeout=40)
    finally:
        second.terminate()
        await second.wait()
    assert "Terkirim: <b>81</b> dari 81" in report.text
    assert deliveries(telegram) == Counter({chat: 1 for chat in recipients})

"""End to end: asking questions in Telegram, as a UMKM owner experiences it."""

from __future__ import annotations

import asyncio
import html
import time
from typing import Any

import pytest

from tests.fake_telegram import BOT_USERNAME, FakeTelegram

GROUP = -100200300


async def questions_logged(bot: Any, user_id: int) -> list[Any]:
    core = bot.bot_data["core"]
    return await core.db.fetchall(
        "SELECT * FROM questions WHERE user_id = ? ORDER BY id", (user_id,))


async def test_typo_question_gets_the_nib_answer_with_sources_and_buttons(user, bot) -> None:
    budi = user(201)
    reply = await budi.ask("gmn cr bikin nib d oss buat ekspr?")
    assert "NIB" in reply.text
    assert '<a href="https://' in reply.text
    assert "Terakhir diperiksa:" in reply.text
    labels = reply.button_labels
    assert "👍 Membantu" in labels and "👎 Kurang membantu" in labels
    assert any("Topik lain" in label for label in labels)
    assert any(label.startswith("➡️") for label in labels)  # related follow-ups
    assert len(reply.text) <= 4096
    logged = await questions_logged(bot, 201)
    assert logged[-1]["outcome"] == "answer" and logged[-1]["entry_id"].startswith("nib")


async def test_follow_up_button_answers_the_related_entry(user) -> None:
    budi = user(202)
    reply = await budi.ask("PEB itu apa sih")
    follow_up = next(label for label in reply.button_labels if label.startswith("➡️"))
    await budi.press(reply, follow_up)
    answer = await budi.next_message()
    assert html.escape(follow_up.removeprefix("➡️ "), quote=False) in answer.text
    assert "Terakhir diperiksa:" in answer.text


async def test_short_follow_up_is_answered_about_the_last_topic(user, bot) -> None:
    sari = user(216)
    first = await sari.ask("Bagaimana prosedur sertifikasi halal jalur reguler?")
    assert "Sertifikasi halal reguler" in first.text
    follow_up = await sari.ask("trus biayanya?")
    assert "Sertifikasi halal reguler" in follow_up.text and "Rp" in follow_up.text
    logged = await questions_logged(bot, 216)
    assert (logged[-1]["outcome"], logged[-1]["entry_id"]) == ("answer", "halal-reguler")
    # someone without that answer before is asked which topic they mean
    fresh = await user(217).ask("trus biayanya?")
    assert "Maksud Anda" in fresh.text


async def test_unsure_question_offers_choices_that_answer_when_pressed(user, bot) -> None:
    ani = user(203)
    reply = await ani.ask("halal")
    assert "Maksud Anda" in reply.text
    choices = [b for b in reply.buttons if b["callback_data"].startswith("qa:p:")]
    assert 2 <= len(choices) <= 3
    await ani.press(reply, choices[0]["text"])
    answer = await ani.next_message()
    assert html.escape(choices[0]["text"], quote=False) in answer.text
    logged = await questions_logged(bot, 203)
    assert logged[-1]["outcome"] == "suggest"
    assert logged[-1]["entry_id"] == choices[0]["callback_data"].split(":")[3]  # the pick


async def test_answer_offers_a_close_alternative_that_opens_when_pressed(user, bot) -> None:
    sari = user(210)
    reply = await sari.ask("apa bedanya halal self declare sama reguler?")
    assert "Terakhir diperiksa:" in reply.text
    assert "Bukan ini yang Anda maksud?" in reply.text
    alternative = next(label for label in reply.button_labels if label.startswith("🔎"))
    await sari.press(reply, alternative)
    answer = await sari.next_message()
    assert html.escape(alternative.removeprefix("🔎 "), quote=False) in answer.text
    assert "Terakhir diperiksa:" in answer.text
    logged = await questions_logged(bot, 210)
    assert logged[-1]["outcome"] == "answer" and logged[-1]["picked"] is not None
    assert logged[-1]["picked"] != logged[-1]["entry_id"]  # shown to admins as a swap


async def test_out_of_scope_question_gets_an_honest_belum_tahu_and_is_logged(user, bot) -> None:
    rudi = user(204)
    reply = await rudi.ask("min kamu bisa ngelawak ga, bosen nih")
    assert "belum tahu" in reply.text
    assert "ngelawak" in reply.text  # the question is echoed back
    assert any("topik" in label.lower() for label in reply.button_labels)
    logged = await questions_logged(bot, 204)
    assert logged[-1]["outcome"] == "unknown"


async def test_belum_tahu_offers_the_nearest_topics(user, bot) -> None:
    """A question the bot does not answer still gets the closest entries a tap away."""
    dewi = user(211)
    reply = await dewi.ask("cara daftar jadi penjual di marketplace lokal buat jualan dalam "
                           "negeri aja")
    assert "belum tahu" in reply.text and "Topik terdekat" in reply.text
    nearest = reply.button_labels[0]
    assert "topik" not in nearest.lower() and any("topik" in label.lower()
                                                  for label in reply.button_labels)
    await dewi.press(reply, nearest)
    answer = await dewi.next_message()
    assert html.escape(nearest, quote=False) in answer.text
    assert "Terakhir diperiksa:" in answer.text
    logged = await questions_logged(bot, 211)
    assert logged[-1]["outcome"] == "unknown" and logged[-1]["picked"] is not None
    # Nothing near at all: no such offer.
    joke = await dewi.ask("min kamu bisa ngelawak ga, bosen nih")
    assert "Topik terdekat" not in joke.text and len(joke.button_labels) == 1


async def test_html_looking_text_is_escaped_when_echoed(user, telegram: FakeTelegram) -> None:
    eko = user(205)
    reply = await eko.ask("<script>alert('x')</script> & <b>resep</b> rendang?")
    # The fake server refuses HTML Telegram would refuse, so a reply at all proves it parsed.
    assert "&lt;script&gt;" in reply.text and "&amp;" in reply.text
    assert "<script>" not in reply.text


async def test_browsing_topics_goes_down_and_back_in_the_same_message(user) -> None:
    sari = user(206)
    home = await sari.ask("/topik")
    assert "Pilih kategori" in home.text
    first_category = home.button_labels[0]
    edits = home.edits
    await sari.press(home, first_category)
    await sari.edited(home, edits)
    assert "Pilih topik" in home.text and first_category.split(" (")[0] in home.text
    entry_label = home.button_labels[0]
    assert "⬅️ Kembali" in home.button_labels
    await sari.press(home, "Kembali")
    await sari.edited(home, edits + 1)
    assert "Pilih kategori" in home.text
    await sari.press(home, first_category)
    await sari.edited(home, edits + 2)
    await sari.press(home, entry_label)
    answer = await sari.next_message()
    assert html.escape(entry_label, quote=False) in answer.text
    assert "Sumber resmi" in answer.text


async def test_feedback_is_stored_once_and_changes_when_pressed_again(user, bot) -> None:
    tono = user(207)
    reply = await tono.ask("PEB itu apa sih")
    entry_id = reply.button("Membantu")["callback_data"].split(":")[1]
    toast = await tono.callback_answer(await tono.press(reply, "👍 Membantu"))
    assert "Terima kasih" in toast["text"]
    core = bot.bot_data["core"]
    assert await core.feedback.get(207, entry_id) == (True, None)

    toast = await tono.callback_answer(await tono.press(reply, "👎 Kurang membantu"))
    assert "masukan" in toast["text"]
    prompt = await tono.next_message()
    assert "apa yang kurang" in prompt.text
    saved = await tono.ask("Saya butuh contoh formulir PEB yang sudah diisi")
    assert "masukan Anda sudah kami teruskan" in saved.text
    assert await core.feedback.get(207, entry_id) == (
        False, "Saya butuh contoh formulir PEB yang sudah diisi")
    rows = await core.db.fetchval(
        "SELECT COUNT(*) FROM feedback WHERE user_id = 207 AND entry_id = ?", (entry_id,))
    assert rows == 1
    # The comment was not treated as a question.
    assert all("formulir" not in q["text"] for q in await questions_logged(bot, 207))


async def test_skipping_the_comment_lets_the_next_text_be_a_question(user, bot) -> None:
    wati = user(208)
    reply = await wati.ask("PEB itu apa sih")
    await wati.press(reply, "👎 Kurang membantu")
    prompt = await wati.next_message()
    await wati.callback_answer(await wati.press(prompt, "Lewati"))
    answer = await wati.ask("bagaimana cara membuat NIB?")
    assert "NIB" in answer.text


async def test_group_messages_are_ignored_unless_the_bot_is_addressed(user) -> None:
    member = user(209, chat_id=GROUP)
    await member.send("halo semua, ada yang tahu cara bikin NIB?")
    assert await member.no_message()

    await member.send(f"@{BOT_USERNAME} cara bikin NIB gimana?")
    reply = await member.next_message()
    assert "NIB" in reply.text

    await member.send("/tanya PEB itu apa")
    reply = await member.next_message()
    assert "PEB" in reply.text

    await member.send("terus kalau PEB ditolak gimana?", reply_to=reply)
    reply = await member.next_message()
    assert reply.text


async def test_stickers_photos_and_files_get_a_polite_text_only_note(user) -> None:
    dina = user(210)
    await dina.send_sticker()
    assert "hanya bisa membaca pesan teks" in (await dina.next_message()).text
    await dina.send_raw(photo=[{"file_id": "p1", "file_unique_id": "p1", "width": 10,
                                "height": 10}])
    assert "hanya bisa membaca pesan teks" in (await dina.next_message()).text
    await dina.send_raw(location={"latitude": -7.25, "longitude": 112.75})
    assert "hanya bisa membaca pesan teks" in (await dina.next_message()).text


async def test_very_long_message_is_answered_on_its_first_part(user, bot) -> None:
    joko = user(211)
    question = "Bagaimana cara membuat NIB di OSS untuk ekspor? " + "Mohon dibantu ya. " * 300
    assert len(question) > 5000
    reply = await joko.ask(question)
    assert "bagian awalnya" in reply.text and "NIB" in reply.text
    assert len(reply.text) <= 4096
    logged = await questions_logged(bot, 211)
    assert len(logged[-1]["text"]) <= 1000


async def test_only_emoji_asks_for_words(user) -> None:
    reply = await user(212).ask("🙏🙏🔥")
    assert "dengan kata-kata" in reply.text


async def test_edited_message_is_answered_again(user) -> None:
    nina = user(213)
    message_id = await nina.send("apa itu PEB")
    await nina.next_message()
    await nina.edit(message_id, "cara bikin NIB")
    note = await nina.next_message()
    assert "diubah" in note.text
    assert "NIB" in (await nina.next_message()).text


@pytest.mark.parametrize("data", ["qa:e:entri-yang-sudah-dihapus", "zz:entah", "kb:c:999",
                                  "fb:tidak-ada:1", "qa:p:x:y"])
async def test_stale_or_unknown_buttons_get_a_friendly_note(user, telegram: FakeTelegram,
                                                            data: str) -> None:
    lina = user(214)
    reply = await lina.ask("PEB itu apa sih")
    answer = await lina.callback_answer(await lina.press_data(reply, data))
    if data == "kb:c:999":  # a category that no longer exists: back to the category list
        await lina.edited(reply, 0)
        assert "Pilih kategori" in reply.text
    else:
        note = answer.get("text") or ""
        assert "tidak berlaku" in note or "tidak tersedia" in note


async def test_flood_from_one_user_is_slowed_while_others_are_answered(user, bot) -> None:
    flooder = user(215)
    patient = user(216)
    await asyncio.gather(*(flooder.send(f"spam {i} ekspor") for i in range(40)))
    started = time.monotonic()
    reply = await patient.ask("PEB itu apa sih")
    assert "PEB" in reply.text
    assert time.monotonic() - started < 3.0
    await asyncio.sleep(1.0)
    texts = [m.text for m in flooder.telegram.messages_to(215)]
    notices = [t for t in texts if "sangat cepat" in t]
    assert len(notices) == 1
    assert len(texts) - len(notices) <= 8  # the limit from the test config


async def test_every_question_is_logged_with_outcome_and_score(user, bot) -> None:
    siti = user(217)
    await siti.ask("PEB itu apa sih")
    await siti.ask("resep rendang padang")
    logged = await questions_logged(bot, 217)
    assert [q["outcome"] for q in logged] == ["answer", "unknown"]
    assert all(0 <= q["score"] <= 1 and q["asked_at"] for q in logged)


async def test_thanks_and_greetings_get_a_polite_reply_and_are_not_logged(user, bot) -> None:
    sari = user(231)
    thanks = await sari.ask("makasih ya min, sangat membantu 🙏")
    assert thanks.text.startswith("Sama-sama")
    assert not thanks.buttons
    hello = await sari.ask("assalamualaikum min, mau tanya")
    assert "Silakan tulis pertanyaan Anda" in hello.text
    assert await questions_logged(bot, 231) == []

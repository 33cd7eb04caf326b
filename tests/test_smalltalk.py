"""Courtesy messages (thanks, greetings, "ok") are recognised, questions are not."""

from __future__ import annotations

import pytest

from bot.smalltalk import small_talk


@pytest.mark.parametrize(("text", "kind"), [
    ("makasih ya min, sangat membantu 🙏🙏", "thanks"),
    ("Terima kasih banyak atas informasinya!", "thanks"),
    ("makasihhh kak", "thanks"),
    ("matur nuwun sanget", "thanks"),
    ("thank you so much", "thanks"),
    ("oke makasih infonya", "thanks"),
    ("Assalamualaikum", "greeting"),
    ("pagi min, mau tanya", "greeting"),
    ("P", "greeting"),
    ("salam kenal min", "greeting"),
    ("tes", "greeting"),
    ("tes tes, masuk ga?", "greeting"),  # checking the bot hears them
    ("wkwk test", "greeting"),
    ("Makasih ya infonya kemarin, berguna banget", "thanks"),
    ("siaaap", "ok"),
    ("ok noted", "ok"),
    ("oke siap, nanti saya coba dulu", "ok"),
    ("selamat malam min, lagi apa? udah makan belum", "greeting"),
])
def test_courtesy_is_recognised(text: str, kind: str) -> None:
    assert small_talk(text) == kind


@pytest.mark.parametrize("text", [
    "halo, cara daftar NIB gimana?",  # a greeting with a question is a question
    "makasih, terus SKA ngurusnya di mana?",
    "izin",
    "masuk ga?",  # no courtesy in it
    "halal",
    "🙏",
    "",
    "makasih " * 20,  # too long to be a courtesy
])
def test_questions_and_other_text_are_not_courtesy(text: str) -> None:
    assert small_talk(text) is None

"""Messages that are courtesy, not questions: thanks, greetings, "ok".

"makasih ya min, sangat membantu 🙏" shares a word with an entry ("bantu") but asks
nothing; answering it with a topic would be odd, and logging it as an unanswered question
would only add noise for the admins. Such a message gets a short polite reply instead.
"""

from __future__ import annotations

import re
from typing import Literal

SmallTalk = Literal["thanks", "greeting", "ok"]

THANKS = frozenset("""
    terima kasih terimakasih trimakasih makasih makasi mkasih mksh maksih trims tq ty thx
    thanks thank tengkyu tenkyu matur nuwun suwun sembah hatur nuhun
""".split())
GREETINGS = frozenset("""
    halo hallo helo hello hai hi hey pagi siang sore malam selamat met assalamualaikum
    assalamu alaikum assalamu'alaikum salam sugeng enjing wilujeng enjang om swastiastu
    shalom permisi ping p tanya nanya bertanya tes test kenal
""".split())
OKAY = frozenset("""
    ok oke okey okay okee sip sipp siap mantap mantab mantul baik noted paham mengerti jelas
    good nice keren
""".split())
# Words that only make a courtesy polite or personal ("ya min", "sangat membantu",
# "mau tanya"): they do not turn it into a question.
FILLER = frozenset("""
    ya yah yaa yo iya min mimin admin kak kakak gan agan sis bro pak bu bapak ibu mas mbak
    bang kang teh uda uni sangat sanget pisan banyak sekali bgt banget atas info infonya
    informasinya jawabannya jawaban penjelasannya bantuannya membantu bantu nya dan juga
    semua semuanya
    lagi dulu deh dong nih ah oh wah lho loh kok sudah udah udh sy saya kami aku all
    everyone bot mau ingin pengen boleh numpang izin ijin to you so very much lot
    nanti ntar coba dicoba cobain kabari dikabari apa kabar kabarnya makan belum blm
    masuk kebaca terbaca ga gak nggak ngga enggak wkwk wkwkwk haha hehe hihi
    kemarin kemaren tadi td barusan berguna bermanfaat ngebantu helpful
""".split())
MAX_WORDS = 12

_WORD = re.compile(r"[^\W\d_]+(?:'[^\W\d_]+)?", re.UNICODE)
_REPEATS = re.compile(r"(.)\1+")
_KNOWN = THANKS | GREETINGS | OKAY | FILLER


def _word(word: str) -> str:
    """The listed form of a chat spelling: "makasihh", "siaaap" -> "makasih", "siap"."""
    return word if word in _KNOWN else _REPEATS.sub(r"\1", word)


def small_talk(text: str) -> SmallTalk | None:
    """Which courtesy `text` is, or None if it may be a question (or is not courtesy)."""
    words = [_word(w) for w in _WORD.findall(text.casefold())]
    if not words or len(words) > MAX_WORDS or any(w not in _KNOWN for w in words):
        return None
    if any(w in THANKS for w in words):
        return "thanks"
    if any(w in GREETINGS for w in words):
        return "greeting"
    if any(w in OKAY for w in words):
        return "ok"
    return None

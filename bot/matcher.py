"""Matching a question to an entry: answer it, offer a few entries, or admit not knowing.

Built once per knowledge base. Each entry becomes a weighted bag of terms (its questions,
keywords, title and tags count fully, its answer only a little). A question's terms are
looked up in an inverted index, so only entries sharing a term are ever touched.

The score of an entry is the share of the question it explains: every question term
weighs its rarity (IDF) — a term the base never uses weighs as much as the rarest one —
and counts by how strongly the entry uses it. "bea masuk hp dari Singapura" shares
"bea" and "Singapura" with the base, but the rest is unexplained, so the score stays low
and the bot says it does not know. The name a longer question asks the meaning of
("..., NPE itu apa?") weighs twice. A message of LONG_STORY words or more tells a story
around the sentences that ask ("...?", or "mohon info ..." in a message without a question
mark): the words only the story uses weigh STORY_WEIGHT, and a neighbouring topic or a
shipment inside Indonesia its questions name is unknown even when the story once exported
("dulu pernah kirim sampel ke Jepang. Perpanjang paspor di mana?"). A long question that
explains little of itself but names rare words tied to one entry is sure too (evidence).
The best few entries are compared, as normalised word sequences, with their stored
questions (rapidfuzz).

Outcome: below `suggest_threshold` unknown; at or above `answer_threshold` an answer, with
the entries scoring at least half as high (ALTERNATIVE_SHARE) offered beside it; in
between, the few best are offered to choose from.
A question scoring lower is still offered choices when its words are the base's own
(FAMILIAR_SUGGEST): a new phrasing of a known topic, not an off-topic question; or when it
says it is about exporting (kosakata.yaml `kata_ekspor`, EXPORT_SUGGEST). Such questions
are answered from a lower bar too (TRUSTED_ANSWER). Admins list in
kosakata.yaml requests no entry can serve (`di_luar_topik`, unknown unless an entry fits
the question surely) and words of
neighbouring topics the base leaves out (`topik_lain`: unknown unless the question names
exporting or an entry fits it surely), and so is sending goods to a place in Indonesia
(`tujuan_dalam_negeri`: "kirim lemari ke Jayapura"); importing into Indonesia ("impor mesin
dari Jerman") is unknown unless the question names exporting too. Everyday words, product
names (`nama_produk`), ports (`pelabuhan`) and foreign countries the base never uses are
left out of a question: they are no topic, and no sign of being off topic either;
courtesy phrases (`basa_basi`: izin tanya) are left out too, and so is a regional office
introducing itself ("Kami dari Disperindag Kabupaten ..."). Thanks and greetings
(bot/smalltalk.py) are not questions.
The constants below were set mainly on the base's own questions asked of a base built
without them (benchmarks/accuracy.py, "held-out"), on benchmarks/questions/fresh_a.tsv
and on off_topic.tsv; the development question file was watched as a check, and
fresh_b.tsv, fresh_c.tsv and off_topic_b.tsv only measured.
"""

from __future__ import annotations

import heapq
import math
import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Literal

import stopwordsiso
from rapidfuzz import fuzz, process

from bot.config import MatcherConfig
from bot.normalise import (
    ACRONYM,
    Normaliser,
    common_words,
    correct_typo,
    country_words,
    eu_country_words,
)
from bot.smalltalk import small_talk

if TYPE_CHECKING:
    from bot.knowledge import Entry

# How strongly one occurrence in each part of an entry ties a term to the entry.
FIELD_WEIGHTS = {"question": 1.0, "keyword": 3.0, "title": 3.0, "tag": 0.5, "answer": 0.75,
                 "acronym": 1.0}  # an acronym in the answer counts this much more
# strength = weight / (weight + SATURATION): a word in most of an entry's questions ties
# it more strongly than a word in one, with diminishing returns.
SATURATION = 8.0
SIMILARITY_WEIGHT = 0.15  # how much likeness to a stored question adds to the share
RERANK = 8  # entries compared with their stored questions
# A question explaining this share of itself by one entry is as sure as matching gets
# (an entry's own stored questions mostly score 0.2-0.5 against it); scores are scaled so
# that this share is 1.0.
SURE_SHARE = 0.4
# Long questions explain little of themselves ("saya petani kopi di Dampit, ... nyari
# buyer gimana?") yet name the topic plainly: this much evidence (sum of IDF x strength,
# in units of the IDF of the rarest word, so it holds for bases of any size; about two
# rare words strongly tied to the entry) is also sure.
SURE_EVIDENCE = 1.1
# Entries scoring at least this share of the answer's score, and this share of the
# question's suggest floor, are offered beside it as buttons: when another entry is also
# likely, it is a tap away. (Held-out: the right entry is among the answer and
# these for 95% of questions, against 92% when only entries above the floor were offered.)
ALTERNATIVE_SHARE = 0.5
ALTERNATIVE_FLOOR = 0.6
CLOSE_CALL = 0.05  # entries within 5% of the best are about as likely
GENERIC_IDF = 1.1  # words many entries use ("biaya", "dokumen", "syarat") name no topic
# A follow-up to the last answer ("trus biayanya?", "kalau yang buat ikan?", "brp lama?"):
# this many terms at most, opened by a follow-up word or naming only generic words.
FOLLOW_UP_TERMS = 3
UBIQUITOUS_IDF = 0.3  # "ekspor", "produk": words nearly every entry uses
_FOLLOW_UP = re.compile(
    r"^\W*(?:trus|terus|trs|lalu|kalau|kalo|klo|klw|kl|gimana\s+kalau|gmn\s+kalau"
    r"|bagaimana\s+(?:dengan|kalau)|yang|yg|tapi|tp|nah|oh|untuk|utk|buat|sama"
    r"|and|what\s+about)\b", re.IGNORECASE)
ANSWER_ONLY_DF = 0.25  # an entry mentioning a word only in its answer counts this much
TYPICAL_QUESTIONS = 8  # question weights are scaled as if every entry had this many
# Below the suggest threshold a question is still offered choices from this score on when
# it is familiar: nearly all its words occur in the base's questions, keywords, titles or
# tags. Off-topic questions that share a few words with the base ("daftar BPJS",
# "kurs yen") almost always also bring words the base never asks about, while in-scope
# questions phrased in a new way mostly reuse the base's own words. One word in
# FAMILIAR_STRANGERS (rounded down) may still be strange: long questions carry some.
FAMILIAR_SUGGEST = 0.2
FAMILIAR_STRANGERS = 0.15
# A question that says it is about exporting (kata_ekspor in kosakata.yaml: ekspor,
# eksportir, luar negeri...) is offered choices from this score on instead of "belum tahu".
EXPORT_SUGGEST = 0.4
# Such a familiar or export question scoring below the suggest threshold is answered from
# this share of the answer threshold: its words say it is in scope, so its best entry is
# more likely right than an equally scored entry for a question with strange words.
TRUSTED_ANSWER = 0.6
# Everyday words (the Indonesian and English stopwords-iso lists: "katanya", "sekitar",
# "tiap") that the base does not use say nothing about the topic or about being off topic:
# they are left out of a question instead of counting as strange words.
GENERAL_WORDS = frozenset(stopwordsiso.stopwords(["id", "en"]))
# A market entry ("Ekspor ke Australia") fits a question about another country
# ("anyaman bambu ke Korea") this much less: its rules are that market's own.
OTHER_MARKET = 0.6
# "Belum tahu" still offers the entries this close (at most this many): a tap away when
# the question was in scope after all, and plainly labelled as only nearby when not.
NEARBY_FLOOR = 0.3
NEARBY_LIMIT = 2
SURE = 1.0  # a score this high is as sure as matching gets
# "NPE itu apa", "apa itu SKA", "PEB tuh apaan": the word whose meaning is asked.
_WHAT_IS = re.compile(r"\s(?:itu|tu|tuh|teh|iku)\s+(?:apa|apaan|opo|naon|maksudnya|artinya"
                      r"|fungsinya|gunanya|cara\s+kerja(?:nya)?)\b", re.IGNORECASE)
_WHAT_IS_FIRST = re.compile(r"\bapa\s+(?:itu|tu|tuh)\s+([^.,?!;:\n]{1,60})", re.IGNORECASE)
_CLAUSE_END = re.compile(r"[.,?!;:\n]")
FOCUS_REACH = 60  # characters before "itu apa" searched for the name asked about
FOCUS_WEIGHT = 1.0  # extra weight of the words whose meaning is asked
FOCUS_TERMS = 3  # at most this many: a name, not a whole clause
# A message this many words long tells a story (the family business, a past shipment, what
# a friend said) around the sentences that ask; terms only the story uses weigh less.
LONG_STORY = 50
STORY_WEIGHT = 0.3
_ASKING_SENTENCE = re.compile(r"[^.?!\n]*\?+")
_SENTENCE = re.compile(r"[^.?!\n]+")
# Asked without a question mark: "mohon info caranya", "saya ingin tahu syaratnya".
_ASKING_WORDS = re.compile(
    r"\b(?:apa(?:kah)?|gimana|bagaimana(?:kah)?|gmn|bgmn|berapa|brp|kapan|di\s*mana|kemana"
    r"|ke\s+mana|siapa|kenapa|mengapa|\w+kah|mohon|tolong|minta\s+(?:info|pencerahan"
    r"|penjelasan|saran|arahan|petunjuk)|(?:ingin|pengen|mau)\s+tah?u"
    r"|mau\s+tanya|mau\s+nanya|numpang\s+tanya|bingung|kah)\b", re.IGNORECASE)
ORIGIN_REACH = 120  # characters after "impor"/"beli" searched for where goods come from
# Bringing goods into Indonesia: "impor mesin dari Jerman", "beli mesin dari China", "ngedatengin
# kurma dari Arab", "masukin bibit dari Mesir", "impor barang ke Indonesia", "belanjaan saya dari
# Amazon". Not "importir" or "pembeli" (the buyer abroad, "buyer dari Jepang mau beli"), nor a
# destination's import rules ("aturan impor Jepang"): only importing or buying followed by a foreign
# origin, or by Indonesia as destination. A marketplace abroad is a foreign origin, also of goods
# ordered ("saya pesan dari Alibaba"; but "ada yang pesan dari Malaysia" is a buyer's order).
_IMPORT = re.compile(r"\b(?:(?:meng|di)?impor(?:t|tnya|nya|kan|in)?|(?:mem|di)?beli(?:in)?"
                     r"|belanja(?:an|nya|annya)?|(?:men|di)?datangkan|(?:nge|n)?datengin"
                     r"|(?:me|di)?masuk(?:kan|in))\b")
# Imported goods named as such ("barang impor sy kena jalur merah", "refund bea masuk kalau
# barang impornya rusak"); not "bahan impor", a halal question about ingredients, nor a
# destination's rules for imported goods ("barang impor di Amerika harus berlabel").
_IMPORTED_GOODS = re.compile(
    r"\b(?:barang|produk|mesin|kiriman|paket)\s+(?:impor|import)(?:an|nya|annya)?\b")
_ORDER = re.compile(r"\b(?:(?:mem|di)?pesan|pesen|mesen|dipesen|order|ngorder)\b")
# Goods ordered from a seller abroad ("pesen bibit dari seller di Thailand", "pesan baju
# dari toko online di Singapura"); a bare country or shop after the order is the buyer's
# ("ada order dari toko di Jepang").
_FROM_SELLER = re.compile(
    r"\b(?:dari|dr|from|di|ke)\s+(?:seller|penjual|supplier|pemasok|pabrik|vendor"
    r"|toko\s+online|olshop|online\s+shop)"
    r"\s+(?:(?:di|dari|dr|asal|online)\s+)?(\w+)")
_FROM = re.compile(
    r"\b(?:dari|dr|from|asal)\s+(?:(?:website|web|situs|toko|online|olshop)\s+)?"
    r"(\w+(?:&\w+)?(?:\s+\w+)?)")  # a shop's name may come first: "dari B&H Amerika"
# Where goods are sent ("kirim talenan ke Australia").
_TO_PLACE = re.compile(r"\b(?:ke|ka|to)\s+(\w+(?:\s+\w+)?)", re.IGNORECASE)
# A buyer abroad ("buyer China", "pembeli dari Jepang", "importir di Dubai", "ada orang
# Cina mau beli") says the goods go out, as an export word does.
_BUYER_FROM = re.compile(
    r"\b(?:buyer|buyers|pembeli|pembelinya|importir|importer|customer|konsumen|klien|client"
    r"|distributor|pemesan|orang|org|perusahaan|pengusaha|pasar|market)"
    r"\s+(?:\w+\s+(?=(?:dari|dr|di|asal|from|in)\s))?"  # "buyer hotel di Dubai"
    r"(?:(?:dari|dr|di|asal|from|in)\s+)?(\w+(?:\s+\w+)?)",
    re.IGNORECASE)
# Goods sold here ("buat dijual di sini"): selling at home, or imported goods sold on.
_SOLD_HERE = r"(?:di)?jual(?:an)?\s+(?:lagi\s+|kembali\s+)?di\s+sinii?"
# Selling at home ("jualan dalam negeri aja", "pasar lokal", "jualan di pasar") is
# domestic trade, left out like domestic shipping, unless it is what a free sale
# certificate proves ("bukti dijual bebas di dalam negeri").
_SELLS_AT_HOME = re.compile(
    r"\b(?:dalam\s+negeri|dalam\s+negri|dlm\s+negeri|domestik"
    r"|(?:pasar|pembeli|konsumen|toko|marketplace|pelanggan|online|jualan"
    r"|penjualan|wisatawan|turis|usaha|bisnis)\s+lokal"
    r"|" + _SOLD_HERE +
    r"|(?:toko|warung|kios|lapak)\s+(?:[\w-]+\s+)?(?:dekat|deket|sekitar)\s+(?:rumah|kampung)"
    # one's own town ("toko kue di kota saya")
    r"|(?:di|dalam)\s+kota\s+(?:saya|sendiri|kami|kita|ini)"
    # resold in a shop ("beli kain buat dijual lagi di toko saya")
    r"|(?:di)?jual(?:an)?\s+(?:lagi\s+|kembali\s+)?di\s+(?:toko|warung|kios|lapak|butik)"
    r"|di\s+pasar(?!\s+(?:indonesia|internasional|global|luar|ekspor|dunia|asia|eropa)))\b",
    re.IGNORECASE)
_BUY = re.compile(r"(?:mem)?beli|belanja")
# Becoming an importer oneself ("mau jadi importir kurma") is importing, not the buyer
# abroad that "importir" usually names.
_BECOME_IMPORTER = re.compile(r"\b(?:jadi|menjadi)\s+importir\b", re.IGNORECASE)
# Exporting denied outright ("gak ada rencana ke luar negeri", "bukan buat ekspor"); "belum"
# (not yet) still looks ahead to it.
_NOT_EXPORTING = re.compile(
    r"\b(?:tidak|tdk|gak|ga|gk|nggak|ngga|enggak|ndak|nda)\s+(?:ada\s+)?(?:rencana|niat|mau"
    r"|ingin|pengen|pingin)\s+(?:untuk\s+|buat\s+)?(?:ke\s+luar\s+negeri|ke\s+luar\s+negri"
    r"|ekspor|export)\b|\bbukan\s+(?:untuk|buat|utk)\s+(?:ekspor|export)\b", re.IGNORECASE)
# Exporting told as the past ("dulu pernah ekspor kopi ke Belanda", "tahun lalu sempat
# kirim ke Malaysia", "gudang yang dulu dipakai buat ekspor", "dulu ikut pelatihan ekspor",
# "pernah punya buyer di Belanda"), with the few words after it; "belum pernah ekspor"
# looks ahead instead.
_PAST_EXPORT = re.compile(
    r"(?<!belum )(?<!blm )(?<!tidak )(?<!gak )(?<!nggak )(?<!ga )"
    r"\b(?:pernah|sempat|yang\s+dulu|tahun\s+lalu|tahun\s+kemarin|dulu(?=\s+(?:saya|sa|beta"
    r"|aku|kami|kita|tiang|ikut|sering|waktu)\b))\b(?:\W+\w+){0,6}?\W+(?:ekspor|eksport|export"
    r"|kirim|ngirim|mengirim|buyer|bayer|pembeli)\w*(?:\W+(?!(?:pernah|sempat|dulu)\b)\w+){0,4}",
    re.IGNORECASE)
# A purchase just before "di pasar": bought there, not sold.
_BOUGHT_AT = re.compile(r"\b(?:(?:di|mem)?beli|belanja|kulakan)\s*$", re.IGNORECASE)
_AT = re.compile(r"\b(?:di|in)\s+(\w+)")
# A rate or price asked for today or this week ("kurs ringgit hari ini", "freight
# Surabaya-Rotterdam minggu ini", "current freight rate ... this week").
_NOW = r"(?:hari\s+ini|minggu\s+ini|bulan\s+ini|(?:pagi|siang|sore|malam)\s+ini|this\s+week|today)"
# "pos tarif" is an HS line and "tarif nol" a preferential duty: rules, not live figures.
_RATE = (r"(?:freight|kurs|rate|ongkos|(?<!pos\s)tarif(?!\s+(?:nol|0|preferensi))|harga"
         r"|quote|quotation|hpe|harga\s+patokan)")
_LIVE_FIGURE = re.compile(
    # a rate for today asked as an amount ("freight minggu ini berapa"); "harus kirim harga
    # ke buyer sore ini" is the asker's own price to work out
    rf"(?=[^.?!\n]*\b(?:berapa|brp|brapa|berapaan|how\s+much|what'?s|what\s+is)\b)"
    rf"[^.?!\n]*?(?:\b{_RATE}\b[^.?!\n]{{0,60}}?\b{_NOW}\b"
    rf"|\b{_NOW}\b[^.?!\n]{{0,30}}?\b{_RATE}\b)"
    # an exchange rate "now" is today's however asked ("kurs dolar skrg?"); a tariff "now"
    # is a rule
    rf"|\bkurs\b[^.?!\n]{{0,30}}?\b(?:sekarang|skrg|skr|saat\s+ini|terkini|{_NOW})\b"
    # "harga sarang walet lagi brp?": what it fetches at the moment
    r"|\bharga\b[^.?!\n]{0,60}?\blagi\s+(?:berapa|brp|brapa)\b"
    # "harganya berapa sekarang per kilo": a market price now, not a fee
    r"|\bharga\w*\b(?=[^.?!\n]{0,60}\b(?:sekarang|skrg|saat\s+ini|terkini)\b)"
    r"(?=[^.?!\n]{0,80}\bper\s*(?:kilo|kg|ton|liter)\b)"
    # "sawit sekilo berapa sekarang": what a kilo fetches now
    r"|\b(?:sekilo|per\s*(?:kilo|kg))\s+(?:berapa|berapo|brp)\s+(?:sekarang|skrg|saat\s+ini)\b",
    re.IGNORECASE)
_PAY = re.compile(r"\b(?:gaji|gajian|menggaji|upah|karyawan|pegawai|pekerja|buruh|thr)\b")
_FREE_SALE = re.compile(r"\b(?:dijual\s+bebas|free\s+sale|fsc)\b", re.IGNORECASE)
# "beli mesin dari luar negeri": abroad as the origin says importing, not exporting.
_FROM_ABROAD = re.compile(
    r"\b(?:dari|dr|from)\s+(?:(?:shopee|lazada|tokopedia|tiktok|toko|situs|website|web"
    r"|seller|penjual)\s+)?(?:luar\s+negeri|luar\s+negri|ln|mancanegara|abroad|overseas)\b")
# ...except after a buyer or an order: "pembeli dari luar negeri" is whom goods go to.
_ORDERED_FROM_ABROAD = re.compile(
    r"\b(?:buyer|pembeli|importir|customer|konsumen|klien|pelanggan|pesanan|pesenan|order"
    r"|orderan|permintaan|inquiry|grosir|pasar|peminat)\s+" + _FROM_ABROAD.pattern)
# A parcel from someone abroad ("paket kiriman dari saudara di Taiwan", "barang titipan
# dari Hongkong"); its origin ends where a destination or purpose begins ("paket dari
# Surabaya ke Jepang" goes out).
_PARCEL_FROM = re.compile(
    r"\b(?:paket|kiriman|titipan|package|parcel)\s+(?:[^\W\d]+\s+){0,3}?(?:dari|dr|from)\s+((?:[^\W\d]+\s*){1,7})")
_ORIGIN_END = re.compile(r"\b(?:ke|ka|to|tujuan|buat|untuk|utk)\b")
_MARKETPLACE_ABROAD = re.compile(
    r"\b(?:dari|dr|from|di|lewat|via)\s+(?:alibaba|aliexpress|taobao|1688|temu|amazon|ebay|shein"
    r"|(?:shopee|lazada|tokopedia|tiktok)\s+(?:luar\s+negeri|global|internasional))\b")
_LONG_WORD = re.compile(r"[^\W\d_]{5,}")
# ...or brought home or sold here ("beli iPhone di Singapura trus dibawa pulang", "impor
# kosmetik Korea buat dijual di sini").
_INTO_INDONESIA = re.compile(
    r"\b(?:(?:ke|masuk|to|into)\s+(?:indonesia|indo)|(?:di)?bawa\s+pulang"
    r"|" + _SOLD_HERE + r")\b")
# Regional offices asking for the businesses they coach introduce themselves ("Kami dari
# Disperindag Kabupaten Jombang", "Saya pendamping di PLUT Bondowoso", "Disperindag Kota
# Malang mau tanya") and call those businesses "binaan kami": who asks is not what is
# asked, so the introduction is left out and "binaan kami" reads as the UMKM themselves.
# An office named in the question itself ("Disperindag punya program ekspor?") stays.
_OFFICE = (r"(?:disperindag|diskopindag|disperdagin|disdag|disperin|diskopukm|diskop|dinkop"
           r"|dinas(?:\s+(?:koperasi|perindustrian|perdagangan|ukm|umkm|dan))*|plut(?:-kumkm)?"
           r"|dekranasda|pemkab|pemkot|pemprov|pemda|bappeda)")
_REGION = r"(?:\s+(?:kabupaten|kab\.?|kota|provinsi|prov\.?))?(?:\s+(?-i:[A-Z]\w*))?"
_ASKER = re.compile(
    r"\b(?:kami|saya|aku|sy)\s+(?:(?:adalah|ini|sebagai|selaku)\s+)?"
    r"(?:(?:staf|staff|pegawai|petugas|pendamping|penyuluh|konsultan|asn|pns|pejabat|kepala"
    r"|tim|fasilitator)\s+(?:\w+\s+)?)?(?:(?:dari|di|pada)\s+)?"
    # a unit of the office: "Bidang Perdagangan Dinas ...", "Seksi Ekspor Disperindag"
    r"(?:(?:bidang|seksi|bagian|subbagian|upt)\s+\w+(?:\s+(?:dan|&)\s+\w+)?\s+)?"
    + _OFFICE + _REGION
    + r"|^\s*" + _OFFICE + _REGION + r"\s+(?:mau|ingin|izin|ijin|hendak)\s+(?:tanya|bertanya)"
    + r"|\b" + _OFFICE + r"\s+(?:kami|kita)\b", re.IGNORECASE)
_COACHED = re.compile(
    r"\b(?:(?:umkm|ikm|ukm|pelaku\s+usaha|perajin|pengrajin)\s+)binaan(?:\s+(?:kami|kita|dinas))?\b"
    r"|\bbinaan\s+(?:kami|kita|dinas)\b", re.IGNORECASE)
# Words of country names that name no foreign country alone (Korea Selatan, Kepulauan
# Cook, Papua Nugini, Tanjung Verde), or are short everyday words (Isle of Man).
_NOT_A_COUNTRY = frozenset("""
    selatan utara timur barat tengah serikat kepulauan kep pulau republik raya baru saint
    st sint san sao dan da el te jan man natal pala papua tanjung wilayah hindia samudra
    luar
""".split())


def without_asker(question: str) -> str:
    """`question` without a regional office's introduction, its "binaan kami" read as UMKM."""
    return _COACHED.sub(" umkm ", _ASKER.sub(" ", question))


@dataclass(frozen=True)
class Outcome:
    """What to do with a question.

    `entry_id` only for answer. `suggestions`: for suggest the entries to choose from, for
    answer the close alternatives offered beside it (often none), for unknown none.
    """

    kind: Literal["answer", "suggest", "unknown"]
    score: float
    entry_id: str | None = None
    suggestions: tuple[str, ...] = ()


class Matcher:
    """Finds the entry a question is about; see the module docstring for how."""

    def __init__(
        self,
        entries: Sequence[Entry],
        slang: Mapping[str, tuple[str, ...]],
        synonym_groups: Iterable[tuple[str, ...]],
        config: MatcherConfig,
        off_topic: Iterable[str] = (),
        export_words: Iterable[str] = (),
        other_topics: Iterable[str] = (),
        products: Iterable[str] = (),
        fillers: Iterable[str] = (),
        domestic_places: Iterable[str] = (),
        ports: Iterable[str] = (),
    ) -> None:
        self.config = config
        self.ids = [e.id for e in entries]
        self._index = {entry_id: i for i, entry_id in enumerate(self.ids)}
        products, ports = tuple(products), tuple(ports)
        # A port or airport ("Belawan", "Tanjung Priok") is where goods leave from, like a
        # product name no topic: neutral, and never read as a typo of another word.
        names = (*products, *ports)
        off_topic, export_words, other_topics = (
            tuple(off_topic), tuple(export_words), tuple(other_topics))
        # The admin's word lists are words a typo may stand for too (bticoin, dropshippr).
        self.normaliser = Normaliser(
            (*_all_texts(entries), *off_topic, *export_words, *other_topics), slang,
            synonym_groups, whole_words=names, real_words=common_words(), fillers=fillers)
        # Admin-listed requests no static answer can serve (live rates, someone's phone
        # number): a question holding every term of one of them is out of scope unless an
        # entry fits it surely. A phrase
        # that normalises to a single term ("kurs sekarang" -> kurs) would refuse a whole
        # topic, so it takes two terms at least.
        self.off_topic = [
            phrase for phrase in self._phrases(off_topic) if len(phrase) >= 2]
        # Everyday words and product names (kosakata.yaml `nama_produk`: rengginang, jenang,
        # klanceng): when the base does not use them they are neither a topic nor a sign of
        # an off-topic question, so they are left out of the question.
        # Foreign countries the base never names (Kanada, Brunei) are neutral too: a
        # destination, not a topic, and no sign of being off topic. A product or port that
        # only answers mention (gula aren in a list of examples) is no topic either.
        self.named = frozenset(t for w in names for t in self.normaliser.terms(w))
        self.neutral = self.named | frozenset(
            t for w in (*GENERAL_WORDS, *country_words()) for t in self.normaliser.terms(w))
        # Words saying a question is about exporting, and words of neighbouring topics the
        # base does not cover (domestic marketplaces and couriers, home loans, salaries,
        # holidays): such a word without an export word marks the question out of scope
        # unless an entry fits it surely.
        self.export_words = self._phrases(export_words)
        self.countries = frozenset(
            t for w in country_words() - _NOT_A_COUNTRY for t in self.normaliser.terms(w)
            if t not in _NOT_A_COUNTRY)
        # Europe (eropa, EU, Uni Eropa) is a destination too: its market entry's
        # countries are the EU's members.
        self.europe = frozenset(self.normaliser.terms("eropa"))
        self.eu_countries = self.europe | frozenset(
            t for w in eu_country_words() - _NOT_A_COUNTRY for t in self.normaliser.terms(w))
        self.abroad = self.countries | self.europe
        self.other_topics = self._phrases(other_topics)
        # Sending goods to a place in Indonesia ("kirim lemari ke Jayapura") is domestic
        # shipping, which the base leaves out like a neighbouring topic.
        places = _names(domestic_places)
        place = _any_of(places)
        at = r"(?:kota\s+|provinsi\s+|pulau\s+)?" + place  # "ke kota Makassar"
        # A route between two places is written with a dash too ("Surabaya-Makassar").
        self._to_domestic_place = re.compile(
            r"(?:\b(?:ke|ka|tujuan|sampai|sampe)\s+|\w\s*[-\u2013]\s*)(?:\w+\s+(?:\w+\s+)?di\s+)?"
            + at
        ) if places else None
        # A route with both ends in Indonesia ("dari Surabaya ke Jakarta", "dari Tanjung
        # Perak ke Tanjung Priok"; "Medan-Batam" is not one, as Batam is not listed) says
        # so even when an entry fits surely. A port is an end too, but goods taken to a
        # port alone may well be going abroad.
        ends = _names((*places, *ports))
        end = r"(?:kota\s+|provinsi\s+|pulau\s+|pelabuhan\s+)?" + _any_of(ends)
        self._route_at_home = re.compile(
            r"\b(?:dari|dr)\s+" + end + r"[^.?!\n]{0,40}?\b(?:ke|ka|sampai|sampe)\s+" + end
            + r"|\b" + end + r"\s*[-\u2013]\s*" + end
        ) if ends else None
        # Where an exporter is based ("UMKM di Kabupaten Blitar", "rotan dari Cirebon",
        # "sambal khas Madiun", "kopi robusta Lampung") is no topic: in a question that
        # names exporting or a foreign country it is left out.
        # Elsewhere it stays an unknown word, a sign of a question about local business.
        self._at_domestic_place = re.compile(
            r"\b(?:(?:di|dari|dr|asal|khas)\s+)?(?:kota\s+|kabupaten\s+|kab\.?\s+|provinsi\s+"
            r"|pulau\s+)?"
            + place,
            re.IGNORECASE) if places else None
        # A buyer in Indonesia ("ada buyer dr Bandung minta tempo", "reseller di Bali",
        # "toko oleh-oleh di Jakarta") is domestic trade, left out like domestic shipping.
        self._buyer_at_domestic_place = re.compile(
            r"\b(?:buyer|pembeli|pelanggan|customer|konsumen|reseller|distributor|agen|pemesan"
            r"|toko)\s+(?:[\w-]+\s+)?(?:dari|dr|di|asal)\s+(?:kota\s+|kabupaten\s+|kab\.?\s+"
            r"|provinsi\s+|pulau\s+)?"
            + place
        ) if places else None
        # The minimum wage of a place ("UMK Surabaya 2026", "UMR kota Malang") is labour
        # law, not the UMK (small business) the base speaks of.
        self._wage_at_place = re.compile(
            r"\b(?:umk|umr|ump|upah\s+minimum)\s+(?:kabupaten\s+|kab\.?\s+|kota\s+"
            r"|provinsi\s+)?"
            + place
        ) if places else None
        # A misspelt place ("Jaakrta", "makssar") is still that place.
        self._place_words: dict[str, list[str]] = {}
        for word in {w for p in places for w in p.split() if len(w) >= 5}:
            self._place_words.setdefault(word[0], []).append(word)
        self._real_words = common_words()
        # Sending, not carrying: "bawa oleh-oleh ke Saudi" is a traveller's luggage.
        sending = ("kirim", "kargo", "ekspedisi", "kurir", "freight", "ongkir")
        self.sending_terms = frozenset(t for w in sending for t in self.normaliser.terms(w))
        self.shipping_terms = self.sending_terms | frozenset(
            t for w in ("paket", "bawa", "ongkos kapal") for t in self.normaliser.terms(w))
        terms = self.normaliser.terms
        weights: list[dict[str, float]] = []
        strong_terms: list[set[str]] = []
        self.questions: list[list[str]] = []
        # The countries of a market entry, one whose title names a destination ("Ekspor
        # pangan ke Jepang"); empty for every other entry.
        self.markets: list[frozenset[str]] = []
        for entry in entries:
            if set(terms(entry.title)) & self.europe:
                self.markets.append(self.eu_countries)
            elif set(terms(entry.title)) & self.countries:
                named = {t for text in (entry.title, *entry.tags, *entry.keywords)
                         for t in terms(text)}
                self.markets.append(frozenset(named & self.countries))
            else:
                self.markets.append(frozenset())
            w: dict[str, float] = {}
            questions = []
            # Entries with many stored questions must not outweigh those with few.
            per_question = TYPICAL_QUESTIONS / max(len(entry.questions), 1)
            for text in entry.questions:
                found = terms(text)
                questions.append(" ".join(found))
                for term in set(found):
                    w[term] = w.get(term, 0.0) + FIELD_WEIGHTS["question"] * per_question
            # Title, keywords and tags count once per word, however many phrases repeat it.
            for kind, texts in (("title", [entry.title]), ("keyword", entry.keywords),
                                ("tag", entry.tags)):
                for term in {t for text in texts for t in terms(text)}:
                    w[term] = w.get(term, 0.0) + FIELD_WEIGHTS[kind]
            strong_terms.append(set(w))
            for term in set(terms(entry.answer)):
                w[term] = w.get(term, 0.0) + FIELD_WEIGHTS["answer"]
            # An acronym the answer spells out ("DPU", "NPE") is one people ask about.
            for term in {t for a in ACRONYM.findall(entry.answer) for t in terms(a)}:
                w[term] = w.get(term, 0.0) + FIELD_WEIGHTS["acronym"]
            weights.append(w)
            self.questions.append(questions)
        # Words of questions, keywords, titles and tags; answers mention too much to count.
        self.asked_vocabulary = frozenset(t for strong in strong_terms for t in strong)
        # A di_luar_topik request said word for word whose head (first word) no entry is asked
        # about ("visa bisnis", "tiket pesawat") is out of scope even when an entry fits
        # surely: a visa for a trade fair is still a visa. "nomor HP" on a label is not.
        self.off_topic_said = _by_first_term(
            tuple(found) for phrase in off_topic
            if len(found := self.normaliser.terms(phrase)) >= 2
            and found[0] not in self.asked_vocabulary)
        # A neighbouring topic (topik_lain) of two words or more said word for word, whose
        # head no entry is asked about ("mobil pribadi"), holds even when an entry fits
        # surely: KUR for a private car is still a car loan. One word alone ("umroh",
        # "bazar") is often only the story around an export question.
        self.other_topics_said = _by_first_term(
            tuple(found) for phrase in other_topics
            if len(found := self.normaliser.terms(phrase)) >= 2
            and found[0] not in self.asked_vocabulary)

        n = max(len(entries), 1)
        # A word every answer mentions in passing can still single out the one entry whose
        # questions are about it, so answer-only mentions count as a fraction of a document.
        df: dict[str, float] = {}
        for w, strong in zip(weights, strong_terms, strict=True):
            for term in w:
                df[term] = df.get(term, 0.0) + (1.0 if term in strong else ANSWER_ONLY_DF)
        self.idf = {t: math.log(1 + (n - d + 0.5) / (d + 0.5)) for t, d in df.items()}
        self.unknown_idf = math.log(1 + (n - 0.5) / 1.5)
        self.postings: dict[str, list[tuple[int, float]]] = {t: [] for t in df}
        for i, w in enumerate(weights):
            for term, weight in w.items():
                self.postings[term].append((i, weight / (weight + SATURATION)))

    def _phrases(self, phrases: Iterable[str]) -> list[frozenset[str]]:
        return [found for phrase in phrases if (found := frozenset(self.normaliser.terms(phrase)))]

    def _shares(self, found: list[str], focus: frozenset[str] = frozenset(),
                story: frozenset[str] = frozenset(),
                ) -> tuple[list[str], list[tuple[float, float, int]]]:
        """The question's terms and the best few (share explained, evidence, entry)."""
        # Numbers the base never uses (5 kubik, 11%) are quantities, not topics, and
        # neutral words it never uses are no topic either: both are ignored.
        terms = [t for t in dict.fromkeys(found)
                 if (t in self.idf and (t in self.asked_vocabulary or t not in self.named))
                 or not (t.isdigit() or t in self.neutral)]
        # The words whose meaning is asked ("..., NPE itu apa?") weigh more, and those only
        # the story around a long message's questions uses weigh less.
        weight = {t: (1 + FOCUS_WEIGHT * (t in focus)) * (STORY_WEIGHT if t in story else 1.0)
                  for t in terms}
        total = sum(self.idf.get(t, self.unknown_idf) * weight[t] for t in terms)
        if not total:
            return terms, []
        explained: dict[int, float] = {}
        for term in terms:
            idf = self.idf.get(term)
            if idf is None:
                continue
            idf *= weight[term]
            for i, strength in self.postings[term]:
                explained[i] = explained.get(i, 0.0) + idf * strength
        best = heapq.nlargest(RERANK, explained.items(), key=lambda item: item[1])
        ranked = [(s / total, s, i) for i, s in best]
        return terms, ranked

    def ranked(self, question: str) -> list[tuple[float, str]]:
        """(score, entry id) of the most likely entries, best first; score >= 1 is sure."""
        return self._ranked(self.normaliser.terms(question))

    def _ranked(self, found: list[str], focus: frozenset[str] = frozenset(),
                story: frozenset[str] = frozenset(),
                ) -> list[tuple[float, str]]:
        terms, shares = self._shares(found, focus, story)
        if not shares:
            return []
        text = " ".join(terms)
        destinations = set(found) & self.abroad
        scored = []
        for share, evidence, i in shares[:RERANK]:
            similar = process.extractOne(text, self.questions[i], scorer=fuzz.token_sort_ratio)
            similarity = similar[1] / 100 if similar else 0.0
            # Similarity only counts as far as the share backs it: word order alone is no topic.
            score = (1 - SIMILARITY_WEIGHT) * share + SIMILARITY_WEIGHT * similarity * share**0.5
            sure = max(score / SURE_SHARE, evidence / (SURE_EVIDENCE * self.unknown_idf))
            if destinations and self.markets[i] and not destinations & self.markets[i]:
                sure *= OTHER_MARKET
            scored.append((sure, self.ids[i]))
        scored.sort(reverse=True)  # uncapped, so two "sure" entries still rank
        return scored

    def answer(self, question: str) -> Outcome:
        """Answer with one entry, suggest a few, or say the question is out of scope."""
        cfg = self.config
        if small_talk(question):  # "makasih min": courtesy, not a question
            return Outcome("unknown", 0.0)
        question = self.places_spelled(without_asker(question))
        # A place's minimum wage asked for paying staff is labour law, whatever they make.
        if self.asks_local_wage(question) and _PAY.search(question.lower()):
            return Outcome("unknown", 0.0)
        found = self.normaliser.terms(question)
        asked = set(found)
        asking = self.asking_sentences(question)
        asking_terms = {t for s in asking for t in self.normaliser.terms(s)} if asking else asked
        if self._at_domestic_place is not None and (
                self.names_exporting(asked) or asked & self.countries):
            local = self._at_domestic_place.sub(" ", question)
            if local != question:
                question, found = local, self.normaliser.terms(local)
                asked = set(found)
        ranked = self._ranked(found, self.asked_about(question, found),
                              frozenset(asked - asking_terms))
        if not ranked:
            return Outcome("unknown", 0.0)
        best, best_id = ranked[0]
        # unless an entry fits surely: "label cuma merek sama nomor WA" is about a label
        if (best < SURE and _names_any(asked, self.off_topic)) or _says_any(
                found, self.off_topic_said):
            return Outcome("unknown", 0.0)
        # Today's rate or this week's freight is live data no entry holds, said outright.
        if _LIVE_FIGURE.search(question):
            return Outcome("unknown", min(1.0, best))
        exporting, said = asked, question
        if _BECOME_IMPORTER.search(question):
            said = _BECOME_IMPORTER.sub(" ", question)
            exporting = set(self.normaliser.terms(said))
        about_export = self.about_export(question, said, exporting)
        if self.imports_into_indonesia(question) and not about_export:
            return Outcome("unknown", min(1.0, best))
        # Selling at home and shipping inside Indonesia are said outright ("cuma jualan
        # dalam negeri", "dari Surabaya ke Jakarta", "kirim paket ke Papua"), so they count
        # even when an entry fits surely; a neighbouring topic or a buyer at a domestic
        # place only when none does.
        said_at_home = (self.sells_at_home(question, asked)
                        or self.ships_between_domestic_places(question, asked)
                        or self.ships_within_indonesia(question, asked))
        if not about_export and (said_at_home or _says_any(found, self.other_topics_said) or (
                best < SURE and (
                _names_any(asked, self.other_topics)
                or self.asks_local_wage(question)
                or self.buys_within_indonesia(question, asked)))):
            return Outcome("unknown", min(1.0, best))
        # A long story may export only in its past ("dulu pernah ikut pelatihan ekspor"),
        # left out of its asking part (_PAST_EXPORT), while its questions ask of a
        # neighbouring topic ("paspor", "waralaba") or of sending goods inside Indonesia
        # ("kirim ke Kalimantan lebih murah pakai apa?").
        present = [_PAST_EXPORT.sub(" ", s) for s in asking]
        story_asks = " ".join(present)
        if asking and not self.about_export(
                story_asks, story_asks, set(self.normaliser.terms(story_asks))) and (
                (best < SURE and _names_any(asking_terms, self.other_topics))
                or any(self.ships_within_indonesia(s, t) or self.ships_between_domestic_places(s, t)
                       for s in present if (t := set(self.normaliser.terms(s))))):
            return Outcome("unknown", min(1.0, best))
        floor, answer_at = cfg.suggest_threshold, cfg.answer_threshold
        if FAMILIAR_SUGGEST <= best < floor and self.familiar(found):
            floor = FAMILIAR_SUGGEST
            answer_at *= TRUSTED_ANSWER
        elif EXPORT_SUGGEST <= best < floor and about_export:
            floor = EXPORT_SUGGEST
            answer_at *= TRUSTED_ANSWER
        if best < floor:
            return Outcome("unknown", min(1.0, best))
        # A question of a word or two ("halal") that fits several entries about equally is
        # broad, and so is one word many entries use ("biaya"): ask which. A longer one
        # says enough to answer, with the others beside it.
        runner_up = ranked[1][0] if len(ranked) > 1 else 0.0
        close_call = len(found) <= 2 and runner_up >= (1 - CLOSE_CALL) * best
        generic = len(found) == 1 and self.idf.get(found[0], self.unknown_idf) < GENERIC_IDF
        broad = close_call or generic
        if best >= answer_at and not broad:
            least = max(ALTERNATIVE_FLOOR * floor, ALTERNATIVE_SHARE * best)
            alternatives = tuple(i for s, i in ranked[1: cfg.max_suggestions] if s >= least)
            return Outcome("answer", min(1.0, best), entry_id=best_id, suggestions=alternatives)
        choices = tuple(i for s, i in ranked[: cfg.max_suggestions] if s >= floor)
        return Outcome("suggest", min(1.0, best), suggestions=choices)

    def about_export(self, question: str, said: str, asked: set[str]) -> bool:
        """Whether `said` (the question, maybe without "jadi importir") is about
        exporting: it names exporting towards abroad, a buyer abroad or goods sent there."""
        return not _NOT_EXPORTING.search(question) and (
            self.names_exporting(self.towards_abroad(said, asked))
            or self.buyer_abroad(said) or self.sends_abroad(said, asked))

    def asking_sentences(self, question: str) -> list[str]:
        """The sentences that ask, of a message long enough to tell a story around them:
        those ending in "?", or without any, those with a question or request word
        ("bagaimana", "mohon info"); none for a shorter message."""
        if len(question.split()) < LONG_STORY:
            return []
        if "?" not in question:
            return [s.strip() for s in _SENTENCE.findall(question) if _ASKING_WORDS.search(s)]
        return [s.strip() for s in _ASKING_SENTENCE.findall(question) if s.strip(" ?")]

    def asked_about(self, question: str, found: list[str]) -> frozenset[str]:
        """The few terms a longer question asks the meaning of ("..., NPE itu apa?",
        "apa itu SKA, beda sama COO?"); none when that is the whole question."""
        names = [_CLAUSE_END.split(question[max(0, m.start() - FOCUS_REACH): m.start()])[-1]
                 for m in _WHAT_IS.finditer(question)]
        names += [m.group(1) for m in _WHAT_IS_FIRST.finditer(question)]
        focus: set[str] = set()
        for name in names:
            named = self.normaliser.terms(name)
            if len(set(named)) <= FOCUS_TERMS:
                focus.update(named)
        return frozenset(focus) if focus < set(found) else frozenset()

    def follows_up(self, question: str) -> bool:
        """Whether `question` reads as a follow-up to the previous answer: a few words
        opened by "trus", "kalau", "yang"…, or only words many entries share ("biayanya?")."""
        found = self.normaliser.terms(question)
        if not found or len(found) > FOLLOW_UP_TERMS or small_talk(question):
            return False
        return bool(_FOLLOW_UP.match(question)) or all(
            self.idf.get(t, self.unknown_idf) < GENERIC_IDF for t in found)

    def explains(self, entry_id: str, question: str) -> bool:
        """Whether the entry uses one of the question's own terms (not one nearly every
        entry uses, like "ekspor"): "trus biayanya?" and the halal entry share "biaya";
        "kalau ke Korea?" and the Japan entry share nothing."""
        index = self._index.get(entry_id)
        return index is not None and any(
            index == i for t in set(self.normaliser.terms(question))
            if self.idf.get(t, 0.0) >= UBIQUITOUS_IDF for i, _ in self.postings[t])

    def nearby(self, question: str, limit: int = NEARBY_LIMIT) -> tuple[str, ...]:
        """Entries closest to a question the bot cannot answer, for "belum tahu" to offer."""
        if small_talk(question):
            return ()
        return tuple(i for s, i in self.ranked(question)[:limit] if s >= NEARBY_FLOOR)

    def places_spelled(self, question: str) -> str:
        """`question` with misspelt places in Indonesia spelled right ("ke Jaakrta")."""
        def spelled(match: re.Match[str]) -> str:
            word = match.group().lower()
            if word in self._real_words:
                return match.group()
            fixed = correct_typo(word, self._place_words.get(word[0], []))
            return fixed or match.group()

        return _LONG_WORD.sub(spelled, question) if self._place_words else question

    def names_exporting(self, asked: set[str]) -> bool:
        """Whether the question's terms include a `kata_ekspor` phrase, also inside a
        synonym phrase ("alur ekspor" stands for "prosedur ekspor", still about exporting)."""
        return _names_any(asked, self.export_words)

    def towards_abroad(self, question: str, asked: set[str]) -> set[str]:
        """`asked`, the question's terms, without an origin abroad ("bawaan penumpang dari
        luar negeri" brings goods in); a buyer or an order from abroad stays."""
        text = question.lower()
        if not _FROM_ABROAD.search(text) or _ORDERED_FROM_ABROAD.search(text):
            return asked
        return set(self.normaliser.terms(_FROM_ABROAD.sub(" ", text)))

    def buyer_abroad(self, question: str) -> bool:
        """Whether the question names a buyer or market in a foreign country ("buyer
        Jepang", "pasar Eropa")."""
        return any(set(self.normaliser.terms(found.group(1))) & self.abroad
                   for found in _BUYER_FROM.finditer(question))

    def sends_abroad(self, question: str, asked: set[str]) -> bool:
        """Whether the question sends goods to a foreign country ("kirim talenan ke
        Australia"): a shipping word and "ke" with the country after it."""
        return bool(asked & self.sending_terms) and any(
            set(self.normaliser.terms(found.group(1))) & self.abroad
            for found in _TO_PLACE.finditer(question))

    def ships_within_indonesia(self, question: str, asked: set[str]) -> bool:
        """Whether the question sends goods to a place in Indonesia (kosakata.yaml
        `tujuan_dalam_negeri`) and names no foreign country: "kirim paket ke Papua"."""
        return bool(self._to_domestic_place and asked & self.shipping_terms
                    and not asked & self.countries
                    and self._to_domestic_place.search(question.lower()))

    def ships_between_domestic_places(self, question: str, asked: set[str]) -> bool:
        """Whether the question sends goods from one place in Indonesia to another and
        names no foreign country: "kontainer dari Surabaya ke Jakarta"."""
        return bool(self._route_at_home and asked & self.shipping_terms
                    and not asked & self.countries
                    and self._route_at_home.search(question.lower()))

    def buys_within_indonesia(self, question: str, asked: set[str]) -> bool:
        """Whether the buyer asked about is in Indonesia (kosakata.yaml
        `tujuan_dalam_negeri`) and no foreign country is named: "buyer dr Bandung"."""
        return bool(self._buyer_at_domestic_place and not asked & self.countries
                    and self._buyer_at_domestic_place.search(question.lower()))

    def asks_local_wage(self, question: str) -> bool:
        """Whether the question asks a place's minimum wage ("UMK Sidoarjo 2026 brp")."""
        return bool(self._wage_at_place and self._wage_at_place.search(question.lower()))

    def sells_at_home(self, question: str, asked: set[str]) -> bool:
        """Whether the question sells at home ("jualan dalam negeri aja", "pasar lokal")
        and names no foreign country; a free sale certificate is no such question."""
        # Ingredients bought at the market ("dagingnya beli di pasar") are not sold there.
        sold = any(not _BOUGHT_AT.search(question[max(0, m.start() - 12): m.start()])
                   for m in _SELLS_AT_HOME.finditer(question))
        return bool(not asked & self.countries and sold and not _FREE_SALE.search(question))

    def imports_into_indonesia(self, question: str) -> bool:
        """Whether the question is about importing goods into Indonesia, which the base
        leaves out: "impor" or "beli" followed by a foreign origin or by Indonesia,
        goods ordered from a marketplace abroad, a parcel from abroad or from such a
        marketplace ("paket dari Amazon"), imported goods named as such ("barang impor"),
        or becoming an importer ("mau jadi importir")."""
        text = question.lower()
        if _BECOME_IMPORTER.search(text):
            return True
        # imported goods with no country named ("aturan barang impor di Australia" is a
        # destination's rules; an origin like "dari China" is caught below)
        if _IMPORTED_GOODS.search(text) and not set(self.normaliser.terms(text)) & self.countries:
            return True

        def rest_of_sentence(match: re.Match[str]) -> str:
            # an origin follows its verb closely; the cap keeps long messages linear
            rest = text[match.end(): match.end() + ORIGIN_REACH]
            return re.split(r"[.?!\n]", rest, maxsplit=1)[0]

        for match in _IMPORT.finditer(text):
            after = rest_of_sentence(match)
            if _INTO_INDONESIA.search(after) or _MARKETPLACE_ABROAD.search(after):
                return True
            # goods named first: "beli mesin dari luar negeri", but "ada yang mau beli dari
            # luar negeri" is a buyer abroad
            abroad = _FROM_ABROAD.search(after)
            if abroad and after[: abroad.start()].strip():
                return True
            for origin in _FROM.finditer(after):
                if set(self.normaliser.terms(origin.group(1))) & self.countries:
                    return True
            # bought where it is sold: "beli iPhone di Singapura" (goods named first; "impor
            # kopi di Jepang" is a destination's rule, "dibeli di Jepang" a sale there)
            if _BUY.fullmatch(match.group()):
                for shop in _AT.finditer(after):
                    if after[: shop.start()].strip() and set(
                            self.normaliser.terms(shop.group(1))) & self.countries:
                        return True
        for match in _PARCEL_FROM.finditer(text):
            origin = _ORIGIN_END.split(match.group(1), maxsplit=1)[0]
            if _FROM_ABROAD.search(match.group()) or _MARKETPLACE_ABROAD.search(
                    match.group()) or set(self.normaliser.terms(origin)) & self.countries:
                return True
        for match in (*_ORDER.finditer(text), *_IMPORT.finditer(text)):
            after = rest_of_sentence(match)
            if _MARKETPLACE_ABROAD.search(after) or any(
                    set(self.normaliser.terms(seller.group(1))) & self.countries
                    for seller in _FROM_SELLER.finditer(after)):
                return True
        return False

    def familiar(self, found: list[str]) -> bool:
        """Whether (nearly) every term in `found` is one the base's questions use."""
        terms = [t for t in found if not t.isdigit()
                 and (t in self.asked_vocabulary or t not in self.neutral)]
        strange = sum(t not in self.asked_vocabulary for t in terms)
        return bool(terms) and strange <= int(len(terms) * FAMILIAR_STRANGERS)


def _names_any(asked: set[str], phrases: Iterable[frozenset[str]]) -> bool:
    """Whether `asked` holds every term of one of `phrases`, also as a word of a synonym
    phrase: "cara export file" reads "prosedur ekspor", which still holds "ekspor"."""
    words = asked | {w for term in asked if " " in term for w in term.split()}
    return any(phrase <= words for phrase in phrases)


def _names(names: Iterable[str]) -> list[str]:
    """Place names lower-cased and singly spaced, longest first so a regex tries them first."""
    return sorted({" ".join(n.lower().split()) for n in names} - {""}, key=len, reverse=True)


def _any_of(names: Sequence[str]) -> str:
    """A regex for any one of `names`; a name of several words may be spaced in any way."""
    return "(?:" + "|".join(re.escape(n).replace(r"\ ", r"\s+") for n in names) + r")\b"


def _says_any(found: list[str], phrases: Mapping[str, list[tuple[str, ...]]]) -> bool:
    """Whether the terms `found` hold one of `phrases` (listed by first term) as a run."""
    return any(tuple(found[i: i + len(p)]) == p
               for i, term in enumerate(found) for p in phrases.get(term, ()))


def _by_first_term(phrases: Iterable[tuple[str, ...]]) -> dict[str, list[tuple[str, ...]]]:
    """`phrases` listed by their first term, so a lookup costs one step per word asked."""
    listed: dict[str, list[tuple[str, ...]]] = {}
    for phrase in phrases:
        listed.setdefault(phrase[0], []).append(phrase)
    return listed


def _all_texts(entries: Iterable[Entry]) -> Iterable[str]:
    for e in entries:
        yield e.title
        yield from e.questions
        yield from e.keywords
        yield from e.tags
        yield e.answer

"""The three outcomes of a question, on a small hand-written knowledge base."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from bot.config import MatcherConfig
from bot.knowledge import KnowledgeBase, check_knowledge, load_knowledge
from bot.matcher import without_asker

FIXTURES = Path(__file__).parent / "fixtures" / "knowledge"
SHIPPED = Path(__file__).parents[1] / "knowledge"
CONFIG = MatcherConfig(answer_threshold=0.5, suggest_threshold=0.5, max_suggestions=3)


@pytest.fixture(scope="module")
def kb() -> KnowledgeBase:
    return load_knowledge(FIXTURES, CONFIG)


@pytest.fixture(scope="module")
def shipped() -> KnowledgeBase:
    return load_knowledge(SHIPPED, CONFIG)


def answered(kb: KnowledgeBase, question: str) -> str | None:
    outcome = kb.answer(question)
    return outcome.entry_id if outcome.kind == "answer" else None


def test_plain_question_gets_its_answer(kb: KnowledgeBase) -> None:
    outcome = kb.answer("Apa itu PEB?")
    assert outcome.kind == "answer"
    assert outcome.entry_id == "peb-ceisa"
    assert 0 < outcome.score <= 1
    assert outcome.suggestions == ()


def test_chat_abbreviations_get_the_same_answer(kb: KnowledgeBase) -> None:
    assert answered(kb, "gmn cara bikin sertif halal gratis utk usaha mikro") == (
        "halal-self-declare")


def test_typo_question_gets_halal_answer(kb: KnowledgeBase) -> None:
    assert answered(kb, "sertifkat halall self declare") == "halal-self-declare"


def test_acronym_spelled_out_gets_the_acronym_entry(kb: KnowledgeBase) -> None:
    assert answered(kb, "pemberitahuan ekspor barangnya diisi kapan?") == "peb-ceisa"


def test_word_order_does_not_matter(kb: KnowledgeBase) -> None:
    assert answered(kb, "CIF sama FOB apa bedanya") == "incoterms"


def test_affixed_forms_match(kb: KnowledgeBase) -> None:
    assert answered(kb, "pengiriman kopi ke Jepang syaratnya apa") == "pasar-jepang"


def test_ambiguous_question_offers_choices_best_first(kb: KnowledgeBase) -> None:
    outcome = kb.answer("halal")
    assert outcome.kind == "suggest"
    assert outcome.entry_id is None
    assert set(outcome.suggestions) == {"halal-self-declare", "halal-reguler"}


def test_answer_offers_an_entry_scoring_nearly_as_high_beside_it(kb: KnowledgeBase) -> None:
    outcome = kb.answer("apa bedanya halal self declare sama reguler?")
    assert outcome.kind == "answer" and outcome.entry_id == "halal-self-declare"
    assert outcome.suggestions == ("halal-reguler",)


def test_clear_answer_comes_alone(kb: KnowledgeBase) -> None:
    outcome = kb.answer("CIF sama FOB apa bedanya")
    assert outcome.kind == "answer" and outcome.suggestions == ()


def test_suggestions_never_exceed_the_configured_number() -> None:
    kb = load_knowledge(FIXTURES, MatcherConfig(0.99, 0.01, max_suggestions=1))
    outcome = kb.answer("halal ekspor jepang")
    assert outcome.kind == "suggest"
    assert len(outcome.suggestions) == 1


@pytest.mark.parametrize("question", [
    "ceritakan lelucon dong",
    "cara daftar BPJS kesehatan",
    "",
    "???",
])
def test_off_topic_question_is_unknown(kb: KnowledgeBase, question: str) -> None:
    outcome = kb.answer(question)
    assert outcome.kind == "unknown"
    assert outcome.entry_id is None and outcome.suggestions == ()


@pytest.mark.parametrize("question", [
    "bea masuk kalau beli hp dari Singapura berapa",
    "kurs rupiah ke yen hari ini",
    "pacar saya marah terus gimana",
    # "cara export" reads as the one term "prosedur ekspor"; "export file" still applies
    "cara export file desain dari Canva ke PDF gimana?",
    "mau pinjam uang buat biaya sekolah anak, bank mana yg bunganya kecil?",
    "KUR boleh dipakai buat beli mobil pribadi?",
    "daftar hak cipta lagu di DJKI caranya gmn?",
    "Izin PBG untuk bangun rumah produksi itu ngurusnya ke dinas mana?",
    "cara promosi desa wisata kami ke wisatawan lokal?",
    # a rate or price for today or this week is live data, even in an export question
    "kurs ringgit ke rupiah hari ini brp? mau hitung harga jual",
    "harga freight Surabaya-Rotterdam minggu ini berapa per kontainer?",
    "What's the current freight rate to Rotterdam for a 40ft container this week?",
    "kurs dolar skrg?",
    "HPE biji kakao bulan ini ditetapkan brp?",
    "Harga sarang walet mangkok lagi brp sekilo?",
    "tetangga jual kopi ke pengepul, harganya berapa sekarang per kilo?",
    # voice typing spells BPJS out; its "pe" is no Persetujuan Ekspor
    "karyawan minta be pe je es ketenagakerjaan, wajib nggak buat usaha lima orang",
    "Paket kopi sy ilang di gudang J&T udah 2 minggu, klaim ganti ruginya ke mana?",
    "Ada kontak pribadi atase perdagangan di Tokyo ga?",
    "alamat & jam buka kantor Bea Cukai Pontianak di mana?",
    "kurs USD di Bank Jatim sore ini brp?",
    "Jadwal kapal barang dari Tanjung Perak ke Tanjung Priok besok jam berapa?",
    "Cara bikin pewarna alami batik biar warnanya pekat & ga luntur pas dicuci",
    "NPWP istri mau digabung ke NPWP suami, caranya gimana?",
    "KUR saya ditolak, katanya SLIK OJK jelek. Cara membersihkannya gimana?",
    "surat keterangan domisili usaha dari kelurahan syaratnya apa?",
    "kamu bisa bahasa Jawa ga?",
    "gaji kerja pabrik di Taiwan berapa? ponakan ditawari agen PJTKI",
    "TBS sawit di Muba sekilo berapo sekarang? kata orang CPO dunia turun",
    "kartu Prakerja gelombang berikutnya kapan dibuka?",
    "tender e-katalog pemerintah buat UMKM tutup besok, daftar jadi penyedia gimana?",
    "naikin grade kopi asalan jadi specialty gimana? proses pasca panen di kebun",
])
def test_off_topic_question_sharing_a_word_is_unknown(
    shipped: KnowledgeBase, question: str,
) -> None:
    assert shipped.answer(question).kind == "unknown"


def test_today_without_a_rate_is_still_answered(shipped: KnowledgeBase) -> None:
    assert answered(shipped, "Kapal berangkat 2 minggu lagi, kalau PEB saya submit hari ini "
                             "udah boleh belum?") == "peb-ceisa"
    # a tariff "now" is the rule in force, not live data
    assert answered(shipped, "tarif bea keluar biji kakao sekarang berapa persen?") == (
        "bea-keluar")
    assert answered(shipped, "harga sertifikasi halal sekarang berapa per produk?") == (
        "halal-reguler")
    # an HS tariff line and a zero preferential duty are rules too, whenever asked
    assert answered(shipped, "pagi ini petugas bilang pos tarif barang saya salah, kode HS "
                             "yang benar dicari di mana?") == "kode-hs"
    assert answered(shipped, "buyer Vietnam butuh Form D hari ini biar dapat tarif nol, "
                             "ngurusnya di mana?") == "ska-coo"
    # a price or a fee to pay today that is not asked as an amount is no live figure
    assert answered(shipped, "harus kirim price list ke buyer sore ini, harga ekspor "
                             "dihitung dari mana?") == "harga-ekspor"
    assert answered(shipped, "ongkos kirim sampel ke jepang hari ini harus dibayar, lewat "
                             "DHL perlu dokumen apa") == "kirim-sampel"


@pytest.mark.parametrize(("question", "entry_id"), [
    ("gmn cara dpt sertif halal gratis buat keripik?", "halal-self-declare"),
    # the English of Indonesian owners: kosakata.yaml maps its words
    ("I want export rattan semi finished, it is allowed or forbidden?",
     "eksportir-terdaftar-lartas"),
    ("my package to buyer in Singapore only 20 kg, it is counted as export or not ya?",
     "langkah-awal-ekspor"),
    # whether a small sale abroad is export at all, or "just a parcel"
    ("kirim 10 kg keripik ke pembeli di Brunei itu ekspor atau cuma paket biasa?",
     "langkah-awal-ekspor"),
    ("PEB itu apa sih", "peb-ceisa"),
    ("packaging kayu harus ISPM-15 ya?", "kemasan-kayu-ispm15"),
    # documents described in plain words, "keluar negeri" typed for "ke luar negeri"
    ("surat jalan bea cukai buat barang keluar negeri, katanya sekarang bisa online",
     "peb-ceisa"),
    ("bukti barang sudah naik kapal yang dari pelayaran itu siapa yang nerbitin?",
     "dokumen-pengapalan"),
])
def test_shipped_base_answers_typical_questions(
    shipped: KnowledgeBase, question: str, entry_id: str,
) -> None:
    assert answered(shipped, question) == entry_id


@pytest.mark.parametrize(("question", "entry_id"), [
    ("surat bebas hama buat ekspor lada perlu ga", "karantina-tumbuhan"),
    ("belum punya nomor pajak boleh ekspor?", "npwp-badan-usaha"),
    ("kantor promosi dagang kita di Jepang ada dimana", "cari-buyer-perwakilan"),
    ("daftar di inaekspor gratis ga", "inaexport"),
    ("pebe saya ditolak", "peb-ceisa"),
    ("buyer minta surat layak konsumsi buat sambal", "ske-bpom"),
    ("tanda terima barang dari kapal itu namanya apa", "dokumen-pengapalan"),
    ("wajib pakai agen di Amerika ga buat jual sambal", "pasar-amerika"),
    ("hasil ekspor harus diendapkan di bank berapa lama", "dhe-sda"),
    ("deal harga sama buyer cukup lewat chat?", "kontrak-proforma"),
    ("pendampingan dari lembaga pembiayaan ekspor buat UMKM baru ada?", "cpne-desa-devisa"),
    ("desa binaan ekspor di Jawa Timur ada di mana saja", "cpne-desa-devisa"),
    ("SKU dari kelurahan bisa ganti NIB?", "nib-oss"),
    ("mau kirim pakai kontainer barengan, gimana caranya", "forwarder-lcl-fcl"),
    ("buyer minta persekot dulu, wajarnya berapa", "metode-pembayaran"),
    ("bayar pakai elsi aman ga buat pemula", "metode-pembayaran"),
    ("bill of loading itu apa", "dokumen-pengapalan"),
    ("harga saya lebih mahal dari kompetitor di Vietnam, gimana", "harga-ekspor"),
    ("sempel kopi ke Korea kirimnya gimana", "kirim-sampel"),
    ("nomer induk berusaha dibuat dimana", "nib-oss"),
    ("kode barang buat dokumen ekspor dicari dimana", "kode-hs"),
    ("deklarasi ekspor bikinnya gmn", "peb-ceisa"),
    ("plant health certificate ekspor", "karantina-tumbuhan"),
    ("keterangan alergi di kemasan", "kemasan-label-ekspor"),
    ("ekspor keripik ke negeri paman sam syaratnya", "pasar-amerika"),
    ("p irt bisa buat ekspor ga", "izin-edar-bpom-pirt"),
    ("daftar si halal jalur mandiri caranya", "halal-self-declare"),
    ("titik kendali kritis itu apa", "keamanan-pangan-haccp"),
    ("ekspor ke timteng syaratnya apa", "pasar-timur-tengah"),
    ("buyer minta sertifikat sistem mutu buat pabrik garmen kami", "iso-9001"),
    ("contoh packing lis buat ekspor", "dokumen-pengapalan"),
    ("harganye kode barang buat kopi berape?", "kode-hs"),
    ("anggrek boleh dikirim ke luar negeri? perlu karantina?", "karantina-tumbuhan"),
    ("buyer minta telex release padahal blm lunas, aman ga", "penipuan-ekspor"),
    ("importir singapura minta surat yg bilang kue kering sy aman dikonsumsi, ngurusnya ke "
     "mana", "ske-bpom"),
    ("festival dagang internasional buat ketemu buyer ada kapan aja?", "pameran-dagang"),
    ("ITPC ada berapa di dunia", "cari-buyer-perwakilan"),
    ("ongkos kirim contoh produk boleh dibebankan ke pembeli?", "kirim-sampel"),
    ("sertifikat halal skrg berlaku seumur hidup ya?", "halal-reguler"),
    ("pengajuan ekspor sy keluar NPP, itu kenapa", "peb-ceisa"),
    ("produk halal ke UEA syaratnya apa", "pasar-timur-tengah"),
])
def test_everyday_names_of_official_things_are_understood(
    shipped: KnowledgeBase, question: str, entry_id: str,
) -> None:
    """kosakata.yaml maps how owners describe a document or office to its official name."""
    assert answered(shipped, question) == entry_id


def test_question_naming_a_country_offers_that_market(shipped: KnowledgeBase) -> None:
    outcome = shipped.answer("mau kirim kopi ke jepang perlu dokumen apa aja")
    assert outcome.kind in ("answer", "suggest")
    assert "pasar-jepang" in {outcome.entry_id, *outcome.suggestions}


def test_buyer_abroad_says_the_question_is_about_exporting(shipped: KnowledgeBase) -> None:
    """"buyer Jepang", "pembeli dari Korea" send goods out as an export word does."""
    matcher = shipped.matcher
    assert matcher.buyer_abroad("buyer Jepang minta produk tanpa pengawet")
    assert matcher.buyer_abroad("ada pembeli dari Korea Selatan minta sampel")
    assert matcher.buyer_abroad("ada orang Cina mau beli rotan mentah saya")
    assert not matcher.buyer_abroad("pembeli dari Surabaya minta rotan mentah")
    assert not matcher.buyer_abroad("ada orang Bandung mau beli rotan mentah saya")
    assert not matcher.buyer_abroad("buyer lokal minta diskon")
    outcome = shipped.answer("buyer Jepang minta produk tanpa pengawet")
    assert outcome.score < CONFIG.suggest_threshold
    assert (outcome.kind, outcome.entry_id) == ("answer", "pasar-jepang")


def test_nearby_entries_for_belum_tahu(shipped: KnowledgeBase) -> None:
    """Out of scope, yet close entries are offered; nothing for chatter or small talk."""
    question = "cara daftar jadi penjual di marketplace lokal buat jualan dalam negeri aja"
    assert shipped.answer(question).kind == "unknown"
    assert shipped.nearby(question)[0] == "pemasaran-digital"
    assert len(shipped.nearby(question)) <= 2
    assert shipped.nearby("min kamu bisa ngelawak ga, bosen nih") == ()
    assert shipped.nearby("makasih min") == ()


def test_market_entry_of_another_country_gives_way(shipped: KnowledgeBase) -> None:
    """A market entry ("Ekspor ke Australia") ranks lower for a question about another
    country, even one the base never names (Kanada)."""
    question = "buyer dari kanada minta COO buat kerajinan kayu"
    assert answered(shipped, question) == "ska-coo"
    australia = dict((i, s) for s, i in shipped.matcher.ranked(question))["pasar-australia"]
    assert australia < dict((i, s) for s, i in shipped.matcher.ranked(
        "buyer dari australia minta COO buat kerajinan kayu"))["pasar-australia"]
    assert answered(shipped, "anyaman bambu ke australia, perlu fumigasi?") == (
        "pasar-australia")


def test_long_rambling_question_naming_a_product_is_matched(shipped: KnowledgeBase) -> None:
    question = ("selamat pagi min, saya punya usaha kecil keripik tempe di Malang sudah lima "
                "tahun, mau jual ke luar negeri tapi bingung, kode HS buat keripik tempe itu "
                "berapa digit ya?")
    outcome = shipped.answer(question)
    assert shipped.matcher.ranked(question)[0][1] == "kode-hs"
    assert outcome.entry_id in (None, "kode-hs")  # offered or honestly unsure, never wrong


def test_single_broad_word_offers_choices(shipped: KnowledgeBase) -> None:
    outcome = shipped.answer("halal")
    assert outcome.kind == "suggest"
    assert len(outcome.suggestions) == 3


@pytest.mark.parametrize(("question", "follows"), [
    ("trus biayanya?", True),
    ("berapa lama?", True),  # only words many entries share
    ("kalau ke Korea?", True),
    ("yang buat ikan gimana?", True),
    ("PEB itu apa sih", False),  # names its own topic
    ("makasih min", False),
    ("kalau mau ekspor kopi ke Jepang dokumennya apa saja ya", False),  # too long
])
def test_follow_up_questions_are_recognised(
    shipped: KnowledgeBase, question: str, follows: bool,
) -> None:
    assert shipped.matcher.follows_up(question) is follows


def test_follow_up_is_answered_about_the_previous_topic_only_when_it_fits(
    shipped: KnowledgeBase,
) -> None:
    assert shipped.answer("trus biayanya?").kind == "suggest"
    outcome = shipped.answer_follow_up("trus biayanya?", "halal-reguler")
    assert outcome is not None and outcome.entry_id == "halal-reguler"
    assert answered_follow_up(shipped, "trus CIF?", "incoterms") == "incoterms"
    # nothing in the Japan entry is about Korea, and a full question is no follow-up
    assert shipped.answer_follow_up("kalau ke Korea?", "pasar-jepang") is None
    assert shipped.answer_follow_up("PEB itu apa sih", "nib-oss") is None
    assert shipped.answer_follow_up("trus biayanya?", "no-such-entry") is None


def answered_follow_up(kb: KnowledgeBase, question: str, previous: str) -> str | None:
    outcome = kb.answer_follow_up(question, previous)
    return outcome.entry_id if outcome else None


@pytest.mark.parametrize("question", ["biaya", "trus biayanya?", "dokumen", "lama"])
def test_single_word_many_entries_use_offers_choices(
    shipped: KnowledgeBase, question: str,
) -> None:
    """A cost, a document or a duration alone names no topic: the bot asks which."""
    outcome = shipped.answer(question)
    assert outcome.kind == "suggest"
    assert len(outcome.suggestions) == 3


def test_low_scoring_question_in_the_bases_own_words_offers_choices(
    shipped: KnowledgeBase,
) -> None:
    outcome = shipped.answer("urutan ekspor")
    assert outcome.kind in ("answer", "suggest")
    assert "langkah-awal-ekspor" in {outcome.entry_id, *outcome.suggestions}


@pytest.mark.parametrize(("question", "familiar"), [
    ("urutan ekspor", True),
    ("urutan ekspor katanya gimana", True),  # an everyday word the base never uses
    ("cara main saham buat pemula", False),  # saham: the base never asks about it
    ("tips diet sehat untuk ibu menyusui", False),  # words only answers mention
    ("", False),
])
def test_familiar_means_the_words_are_the_bases_questions_words(
    shipped: KnowledgeBase, question: str, familiar: bool,
) -> None:
    matcher = shipped.matcher
    assert matcher.familiar(matcher.normaliser.terms(question)) is familiar



def test_admin_listed_off_topic_requests_are_declined_even_near_a_topic(tmp_path: Path) -> None:
    """di_luar_topik in kosakata.yaml: live rates and people's phone numbers are refused."""
    folder = tmp_path / "kb"
    shutil.copytree(Path(__file__).resolve().parent.parent / "knowledge", folder)
    kb = load_knowledge(folder, MatcherConfig())
    assert kb.answer("kurs dollar hari ini berapa ya").kind == "unknown"
    # A product name is neutral, so "harga pupuk hari ini" would be "harga": a live price.
    assert kb.answer("harga pupuk hari ini brp").kind == "unknown"
    assert kb.answer("minta nomor hp eksportir kopi dong").kind == "unknown"
    # One word of a phrase is not enough: pricing with an exchange rate is in scope.
    assert kb.answer("cara hitung harga ekspor pakai kurs berapa").kind == "answer"
    # A question that surely fits one entry is answered: the WhatsApp number is on a label.
    label = kb.answer("label di pouch kopi saya cuma merek sama nomor WA. Untuk ekspor, "
                      "tulisan apa yang wajib di label kemasan? perlu tulis Made in Indonesia?")
    assert (label.kind, label.entry_id) == ("answer", "kemasan-label-ekspor")
    label = kb.answer("label di pouch kopi saya cuma merek sama nomor HP. Untuk ekspor, "
                      "tulisan apa yang wajib di label kemasan? perlu tulis Made in Indonesia?")
    assert (label.kind, label.entry_id) == ("answer", "kemasan-label-ekspor")
    # Said word for word, a request whose head no entry is asked about stays declined
    # even next to a topic that fits surely: a visa for a trade fair is still a visa.
    assert kb.answer("Syarat visa bisnis ke Jepang buat ikut pameran FOODEX apa aja ya?"
                     ).kind == "unknown"
    assert kb.answer("tiket pesawat ke Frankfurt buat ke pameran Ambiente beli kapan?"
                     ).kind == "unknown"


def test_neighbouring_topic_without_export_words_is_unknown(shipped: KnowledgeBase) -> None:
    """topik_lain in kosakata.yaml: a domestic marketplace fee is not an export question."""
    assert shipped.answer("potongan admin shopee buat seller berapa persen").kind == "unknown"
    assert shipped.answer("cara daftar BPJS buat karyawan").kind == "unknown"
    assert shipped.answer("UMK kabupaten Gresik tahun depan berapa").kind == "unknown"
    # UMK of a place is its minimum wage; UMK alone is a small business.
    assert shipped.answer("UMK Surabaya 2026 brp").kind == "unknown"
    assert shipped.matcher.asks_local_wage("UMR kota Malang berapa")
    assert not shipped.matcher.asks_local_wage("UMK wajib halal mulai Oktober 2026?")
    # ...also for staff who make export goods: paying them is labour law.
    assert shipped.answer("UMK Sidoarjo 2026 brp? buat gaji karyawan produksi ekspor").kind == (
        "unknown")
    assert answered(shipped, "UMK Sidoarjo mau ekspor keripik, perlu NIB?") == "nib-oss"
    assert shipped.answer("jadwal kapal tol laut ke Merauke").kind == "unknown"
    assert shipped.answer("pulang umroh bawa kurma dr Jeddah 10 kg kena bea masuk gk?"
                          ).kind == "unknown"
    assert shipped.answer("aplikasi pembukuan gratis buat usaha kecil apa yg bagus?").kind == (
        "unknown")
    # A recipe named in a halal question is no cooking question.
    assert answered(shipped, "resep sy ganti bahan, sertifikat halal reguler harus diurus "
                             "ulang?") == "halal-reguler"
    # Saying it is about exporting keeps the question in scope.
    assert answered(shipped, "bisa jual ke luar negeri lewat Shopee?") == "pemasaran-digital"
    # Selling to buyers at home is no export question; buyers abroad are.
    assert shipped.answer("strategi promosi di instagram biar konsumen lokal makin kenal "
                          "produk saya").kind == "unknown"
    assert answered(shipped, "strategi promosi di instagram biar buyer luar makin kenal "
                             "produk saya") == "pemasaran-digital"
    # Selling at home is left out too, unless the question is also about exporting or
    # about what a free sale certificate proves.
    assert shipped.answer("cara hitung harga jual buat pasar lokal").kind == "unknown"
    assert shipped.answer("daftar merek buat jualan dalam negeri aja syaratnya apa").kind == (
        "unknown")
    assert shipped.answer("harus lapor pajak buat usaha sampingan jualan kopi online lokal?"
                          ).kind == "unknown"
    # A shop near home is the local market too.
    assert shipped.answer("Daftar PIRT buat titip kue di warung dekat rumah, syaratnya apa?"
                          ).kind == "unknown"
    # ...even when an entry fits it surely: saying so is what the asker wants.
    assert shipped.answer("biaya daftar merek di DJKI kalau cuma jualan dalam negeri").kind == (
        "unknown")
    assert answered(shipped, "harga ekspor sama harga buat pasar lokal bedanya apa") == (
        "harga-ekspor")
    assert answered(shipped, "free sale certificate itu bukti dijual di dalam negeri ya?") == (
        "ske-bpom")
    # A local business, and exporting denied outright, are domestic too.
    assert shipped.answer("berapa biaya daftar merek di DJKI buat usaha lokal").kind == (
        "unknown")
    assert shipped.answer("daftar merek di DJKI buat toko online lokal berapa? gak ada "
                          "rencana ke luar negeri").kind == "unknown"
    # So is one's own town.
    assert shipped.answer("cara daftar merek untuk toko kue di kota saya").kind == "unknown"
    # Goods bought to resell in one's shop are domestic trade too.
    assert shipped.answer("beli kain dari supplier Bandung, nota bilang harga belum termasuk "
                          "PPN. buat dijual lagi di toko saya, wajib minta faktur?").kind == (
        "unknown")
    # Ingredients bought at the market are no sale there.
    assert shipped.answer("cara ngurus izin PIRT buat jualan di pasar").kind == "unknown"
    assert answered(shipped, "saya produksi abon sapi, dagingnya beli di pasar biasa. bisa "
                             "ikut jalur halal self declare ga?") == "halal-self-declare"
    # Goods from abroad are no sign of exporting; a buyer from abroad is.
    assert shipped.answer("oleh-oleh bawaan penumpang dari luar negeri bebas bea sampai "
                          "berapa").kind == "unknown"
    assert answered(shipped, "cara dapat pembeli dari luar negeri buat tenun") == (
        "cari-buyer-perwakilan")


def test_low_scoring_question_about_exporting_is_still_served(
    shipped: KnowledgeBase, tmp_path: Path,
) -> None:
    """kata_ekspor: a question scoring below the suggest threshold that says "ekspor" is
    answered instead of "belum tahu" (and is unknown without the list)."""
    question = ("Pemkot bisa bantu apa saja untuk UMKM yang mau ekspor? kami di Kudus, "
                "paguyuban perajin")
    outcome = shipped.answer(question)
    assert outcome.score < CONFIG.suggest_threshold
    assert outcome.kind == "answer" and outcome.entry_id == "pendampingan-pemerintah"
    folder = tmp_path / "kb"
    shutil.copytree(SHIPPED, folder)
    vocabulary = folder / "kosakata.yaml"
    text = vocabulary.read_text(encoding="utf-8")
    start, end = text.index("\nkata_ekspor:"), text.index("\ntopik_lain:")
    vocabulary.write_text(text[:start] + text[end:], encoding="utf-8")
    assert load_knowledge(folder, CONFIG).answer(question).kind == "unknown"


def test_a_neighbouring_topic_said_outright_is_declined_even_near_a_topic(
    shipped: KnowledgeBase,
) -> None:
    """topik_lain of two words or more said word for word, with a head no entry is asked
    about ("mobil pribadi"), is out of scope even when an entry fits surely; a plain KUR
    question is not."""
    assert shipped.answer("KUR BRI bisa dipake buat kredit mobil pribadi ga?").kind == "unknown"
    assert answered(shipped, "KUR BRI bisa dipake buat modal ekspor ga?") == (
        "pembiayaan-ekspor")
    # A buyer abroad or goods sent abroad keep the question about exporting.
    assert answered(shipped, "tenun ikat pewarna alami pasti aman buat pasar Eropa, gak "
                             "perlu uji zat berbahaya?") == "uji-tekstil"
    assert answered(shipped, "aku seller TikTok Shop, mau jualan cross border ke Malaysia, "
                             "ada tips ga?") == "pemasaran-digital"


def test_sending_goods_to_a_foreign_country_is_about_exporting(shipped: KnowledgeBase) -> None:
    """"kirim ... ke Australia" is an export even without the word ekspor; carrying
    something in one's luggage ("bawa ... ke Saudi pas umroh") is not."""
    matcher = shipped.matcher
    question = "Talenan sekam padi mau saya kirim ke Australia, dokumen pendukungnya apa?"
    assert matcher.sends_abroad(question, set(matcher.normaliser.terms(question)))
    assert answered(shipped, question) == "pasar-australia"
    luggage = "bawa rendang dan sambal di koper pas umroh ke Saudi boleh gak?"
    assert not matcher.sends_abroad(luggage, set(matcher.normaliser.terms(luggage)))
    assert shipped.answer(luggage).kind == "unknown"


def test_export_only_acronym_says_the_question_is_about_exporting(
    shipped: KnowledgeBase,
) -> None:
    """An acronym used only in exporting (ITPC, PEB) listed in kata_ekspor keeps a short
    question with a strange word in scope."""
    outcome = shipped.answer("ITPC ada berapa di dunia")
    assert outcome.score < CONFIG.suggest_threshold
    assert (outcome.kind, outcome.entry_id) == ("answer", "cari-buyer-perwakilan")


def test_export_word_inside_a_synonym_phrase_still_says_exporting(
    shipped: KnowledgeBase,
) -> None:
    """"alur ekspor" reads as the one term "prosedur ekspor": still about exporting."""
    matcher = shipped.matcher
    asked = set(matcher.normaliser.terms("alur ekspor kopi gimana"))
    assert "ekspor" not in asked
    assert matcher.names_exporting(asked)
    assert not matcher.names_exporting(set(matcher.normaliser.terms("ongkos kapal berapa")))


@pytest.mark.parametrize("key", ["di_luar_topik", "kata_ekspor", "topik_lain",
                                 "tujuan_dalam_negeri", "pelabuhan", "nama_produk"])
def test_vocabulary_word_lists_must_be_lists(tmp_path: Path, key: str) -> None:
    folder = tmp_path / "kb"
    shutil.copytree(SHIPPED, folder)
    vocabulary = folder / "kosakata.yaml"
    text = vocabulary.read_text(encoding="utf-8")
    head = text.split(f"\n{key}:")[0]
    vocabulary.write_text(head + f"\n{key}: kurs hari ini\n", encoding="utf-8")
    problems = [str(p) for p in check_knowledge(folder)]
    assert len(problems) == 1
    assert problems[0].startswith("kosakata.yaml:")
    assert f"{key} must be a list" in problems[0]


def test_thanks_is_not_a_question(shipped: KnowledgeBase) -> None:
    """"sangat membantu" shares a word with entries, but thanks asks nothing."""
    assert shipped.answer("makasih ya min, sangat membantu 🙏").kind == "unknown"
    assert shipped.answer("makasih, terus SKA ngurusnya di mana?").entry_id == "ska-coo"


def test_acronym_only_an_answer_explains_is_found(shipped: KnowledgeBase) -> None:
    """DPU is spelled out only in the Incoterms answer; "singkatan" asks what it means."""
    assert answered(shipped, "DPU itu singkatan apa?") == "incoterms"


def test_product_names_are_neither_topic_nor_strange(shipped: KnowledgeBase) -> None:
    """nama_produk: "rengginang" (unused by the base) does not count against the question,
    and "kursi" is a product, not a typo of "kurs"."""
    matcher = shipped.matcher
    assert "kursi" in matcher.normaliser.terms("meja kursi jati")
    assert "kurs" not in matcher.normaliser.terms("meja kursi jati")
    plain = matcher.ranked("halal self declare berapa lama jadinya")
    named = matcher.ranked("halal self declare buat rengginang berapa lama jadinya")
    assert named[0][1] == plain[0][1]  # same entry
    assert named[0][0] == pytest.approx(plain[0][0])  # same score
    assert matcher.familiar(matcher.normaliser.terms("rengginang halal tanpa audit"))


def test_a_product_only_an_answer_mentions_is_no_topic(shipped: KnowledgeBase) -> None:
    """Gula aren appears in an answer or two but in no stored question or keyword: named
    in a question, it neither lowers the score nor pulls towards those answers."""
    matcher = shipped.matcher
    assert "aren" in matcher.idf and "aren" not in matcher.asked_vocabulary
    plain = matcher.ranked("ekspor ke australia boleh masuk ga")
    named = matcher.ranked("ekspor gula aren ke australia boleh masuk ga")
    assert [i for _, i in named[:3]] == [i for _, i in plain[:3]]
    assert [s for s, _ in named[:3]] == pytest.approx([s for s, _ in plain[:3]])
    assert answered(shipped, "gula aren cair ke australia, boleh masuk ga") == "pasar-australia"


def test_europe_is_a_market_of_eu_members(shipped: KnowledgeBase) -> None:
    """The EU food entry is a market entry whose countries are the EU's members: a
    question naming the USA goes to the US entry, one naming Belanda stays in Europe."""
    matcher = shipped.matcher
    europe = matcher.markets[matcher.ids.index("pasar-eropa-pangan")]
    assert {"eropa", "belanda", "jerman"} <= europe and "amerika" not in europe
    assert answered(shipped, "label makanan ke USA harus ada apa aja? wijen masuk alergen ya?"
                    ) == "pasar-amerika"
    assert answered(shipped, "label makanan ke Belanda harus ada apa aja? alergen apa saja?"
                    ) == "pasar-eropa-pangan"


def test_ports_are_neither_topic_nor_strange(shipped: KnowledgeBase) -> None:
    """pelabuhan: the port goods leave from (Belawan) does not count against the question,
    and is never read as a typo of another word."""
    matcher = shipped.matcher
    assert "belawan" not in matcher.idf and "belawan" in matcher.neutral
    plain = matcher.ranked("Cari forwarder ke Penang, biasanya mereka urus apa aja?")
    named = matcher.ranked("Cari forwarder dari Belawan ke Penang, biasanya mereka urus apa aja?")
    assert named[0] == pytest.approx(plain[0])
    outcome = shipped.answer("Cari forwarder dari Belawan ke Penang, mereka urus apa aja?")
    assert "forwarder-lcl-fcl" in {outcome.entry_id, *outcome.suggestions}


def test_foreign_countries_the_base_never_names_are_not_strange(shipped: KnowledgeBase) -> None:
    """A destination the base does not mention (Kanada, Meksiko) neither lowers the score
    nor makes the question look off topic; Indonesia is no foreign country."""
    matcher = shipped.matcher
    assert "kanada" not in matcher.idf and "meksiko" not in matcher.idf
    plain = matcher.ranked("buyer minta COO buat kerajinan kayu")
    named = matcher.ranked("buyer dari Kanada minta COO buat kerajinan kayu")
    # Only market entries of other countries (Ekspor ke Australia) give way.
    assert dict((i, s) for s, i in named)["ska-coo"] == pytest.approx(
        dict((i, s) for s, i in plain)["ska-coo"])
    assert matcher.familiar(matcher.normaliser.terms("kirim sampel ke Meksiko"))
    assert not matcher.familiar(matcher.normaliser.terms("kirim sampel ke Zorblandia"))


def test_admin_word_lists_are_typo_targets(shipped: KnowledgeBase) -> None:
    """A misspelt topik_lain word (bticoin) still marks the question as off topic."""
    assert shipped.matcher.normaliser.terms("harga bticoin") == ["harga", "bitcoin"]
    assert shipped.answer("harga bticoin sekarang").kind == "unknown"


def test_courtesy_openers_are_no_topic(shipped: KnowledgeBase) -> None:
    """basa_basi: the 'izin' of 'izin bertanya' is no permit; 'izin edar' still is."""
    matcher = shipped.matcher
    assert matcher.normaliser.terms("Izin bertanya, PEB itu apa?") == ["peb"]
    assert answered(shipped, "mohon izin bertanya, PEB itu apa?") == "peb-ceisa"
    assert "izin edar" in matcher.normaliser.terms("izin tanya, izin edar BPOM syaratnya apa")
    letter = ("Dengan hormat, Yth. Admin. Mohon informasinya mengenai SKA. "
              "Terima kasih atas perhatiannya. Salam sejahtera.")
    assert matcher.normaliser.terms(letter) == ["ska"]
    assert matcher.normaliser.terms("tolongin kasi tau dong gaes, wkwk. PEB urgent") == ["peb"]


@pytest.mark.parametrize(("question", "imports"), [
    ("impor mesin roasting dari Jerman kena bea masuk berapa?", True),
    ("cara impor barang dari alibaba ke indonesia", True),
    ("mau mengimpor bahan kain dari Tiongkok buat konveksi", True),
    ("mau beli mesin press kemasan dari China, izinnya apa", True),
    ("beli lensa dari B&H Amerika, kena bea masuk berapa?", True),  # a shop, then a country
    ("beli kopi dari petani lokal terus ekspor ke Jepang", False),
    ("pembeli dari Korea mau beli keripik saya", False),
    ("buyer dari Jepang mau impor kopi saya", False),  # the buyer's origin, not the goods'
    ("aturan impor di Jepang buat sambal", False),  # the destination's import rules
    ("importir dari Belanda minta sampel", False),  # the buyer abroad
    ("kalau diimpor dari Indonesia ke Australia, syaratnya apa", False),
    ("paket bahan baku yang saya pesan dari Alibaba ditahan bea cukai", True),
    ("beli sepatu dari Amazon buat dipakai sendiri, kena pajak brp", True),
    ("mau jual keripik di Amazon, caranya gimana", False),
    ("beli kemasan di aliexpress kena pajak ga", True),
    ("order jaket dr AliExpress, ditahan bea cukai, bisa protes?", True),
    ("ada yang pesan dari Malaysia, cara kirimnya gimana", False),  # a buyer's order
    ("dapat pesanan dari buyer alibaba, invoice pakai apa", False),
    ("beli spare part dr luar negeri lewat toko online kena pajak brp", True),
    ("ada yang mau beli dari luar negeri, cara kirimnya gimana", False),  # a buyer abroad
    ("sepatu yg sy beli dr website Amerika ketahan di bea cukai", True),  # a shop abroad
    ("paket kiriman dari saudara di Taiwan ketahan di kantor pos", True),  # a parcel in
    ("barang titipan saya dari Hongkong ditahan bea cukai", True),
    ("kirim paket dari Surabaya ke Jepang pakai apa", False),  # a parcel out
    ("pesen bibit philodendron dari seller di Thailand, ditahan karantina", True),
    ("order kain dari supplier China kena pajak brp", True),
    ("pesan jaket dari toko online di Jepang buat dipakai sendiri, kena bea?", True),
    ("pesen lampu dari olshop di China buat di rumah, kena pajak?", True),
    ("ada order dari toko di Jepang, dokumennya apa", False),  # a shop abroad buying
    ("belanjaan saya dari Taobao ketahan di bea cukai", True),
    ("belanja bahan kemasan dari Surabaya, ongkirnya mahal", False),
    ("barang impor saya kena jalur merah, berapa lama", True),  # imported goods by name
    ("refund bea masuk kalau barang impornya rusak", True),
    ("pakai bahan impor, masih bisa halal self declare?", False),  # an ingredient
    ("di Amerika barang impor harus ada label negara asal?", False),  # a destination's rule
    ("mau ngedatengin kurma dari Arab buat dijual di Surabaya", True),
    ("mendatangkan mesin dari China kena pajak apa", True),
    ("beli jam tangan di Singapura trus dibawa pulang, kena bea?", True),  # brought home
    ("mau impor kosmetik Korea buat dijual di sini", True),  # sold here
    ("sisa pameran di Dubai dibawa pulang lagi, kena bea masuk?", False),  # no purchase
    ("beli iPhone di Singapura buat pribadi, bea masuknya berapa?", True),
    ("aturan impor kopi di Jepang apa aja", False),  # a destination's rule
    ("keripik saya dibeli di Jepang, perlu apa", False),  # sold there
    ("my package from Amazon US stuck at Bea Cukai, import tax how much?", True),
    ("beli kain dari Shopee luar negeri, bea masuknya berapa?", True),
    ("paket sy dari Amazon ketahan di bea cukai Soetta, gmn ngambilnya?", True),
    ("Mau jadi importir kurma dari Mesir buat dijual lagi, izinnya apa aja?", True),
    ("mau masukin bibit kurma dari Mesir buat ditanam di kebun sendiri", True),
    ("kiriman dari anak sy yg kerja di Taiwan isinya baju, kena pajak ga?", True),
    ("gimana caranya masukin kopi saya ke pasar Jepang?", False),
    ("mau jualan lewat Shopee global ke Malaysia, caranya?", False),
    ("buyer Jepang mau beli kopi saya buat dijual di sana", False),
])
def test_importing_into_indonesia_is_recognised(
    shipped: KnowledgeBase, question: str, imports: bool,
) -> None:
    assert shipped.matcher.imports_into_indonesia(question) is imports


def test_importing_into_indonesia_is_out_of_scope_unless_about_exporting(
    shipped: KnowledgeBase,
) -> None:
    """The base is about exporting: bringing goods in is no question it can answer."""
    assert shipped.answer("impor mesin roasting dari Jerman kena bea masuk berapa?").kind == (
        "unknown")
    assert shipped.answer("mau impor 1 kontainer keramik dari Tiongkok, forwarder mana "
                          "yang bagus?").kind == "unknown"
    assert answered(shipped, "aturan impor di Jepang buat tuna beku apa saja") == (
        "pasar-jepang")
    assert answered(shipped, "permit impor australia buat produk kayu") == "pasar-australia"
    # "dari luar negeri" is the goods' origin there, no sign of exporting
    assert shipped.answer("beli mesin jahit dari luar negeri kena pajak berapa?").kind == (
        "unknown")
    # becoming an importer oneself is no buyer abroad
    assert shipped.answer("Mau jadi importir kurma dari Mesir buat dijual lagi di Indonesia, "
                          "izinnya apa aja?").kind == "unknown"
    assert answered(shipped, "importir dari Mesir minta sertifikat halal buat kurma olahan "
                             "saya, ngurusnya gimana?") is not None


@pytest.mark.parametrize(("question", "left"), [
    ("Kami dari Disperindag Kabupaten Ngawi ingin bertanya", "ingin bertanya"),
    ("Saya pendamping di PLUT Lumajang. Apa itu SKA?", ". Apa itu SKA?"),
    ("Diskopindag Kota Batu mau tanya: PEB itu apa", ": PEB itu apa"),
    ("dinas kami ingin tahu soal HS code", "ingin tahu soal HS code"),
    ("UMKM binaan kami mau ekspor", "umkm mau ekspor"),
    ("kami dari Bidang Perdagangan Dinas Koperasi dan Perdagangan Kabupaten Jombang ingin "
     "menanyakan SKE", "ingin menanyakan SKE"),
    ("Disperindag punya program ekspor?", "Disperindag punya program ekspor?"),
])
def test_a_regional_offices_introduction_is_left_out(question: str, left: str) -> None:
    assert " ".join(without_asker(question).split()) == left


def test_an_office_asking_for_its_umkm_gets_the_topic_not_coaching(
    shipped: KnowledgeBase,
) -> None:
    """Who asks (Disperindag, PLUT, "binaan kami") is not what is asked."""
    assert answered(shipped, "Kami dari Disperindag Kabupaten Ngawi. Binaan kami pembuat "
                             "sepatu kulit perlu SNI, bagaimana cara mengurusnya?") == "sni"
    assert answered(shipped, "Saya staf PLUT Pasuruan, ada UMKM binaan yang ingin tahu "
                             "kapan PEB harus dilaporkan ke Bea Cukai") == "peb-ceisa"
    assert answered(shipped, "Disperindag punya program pendampingan ekspor untuk UMKM?") == (
        "pendampingan-pemerintah")


def recognised(kb: KnowledgeBase, check: str, question: str) -> bool:
    """What the matcher's `check` (a method taking the question and its terms) says."""
    matcher = kb.matcher
    return getattr(matcher, check)(question, set(matcher.normaliser.terms(question)))


@pytest.mark.parametrize(("question", "domestic"), [
    ("kirim lemari jati ke Jayapura pakai kargo apa yang murah?", True),
    ("ekspedisi ke kota Makassar yang cepat apa ya", True),
    ("kirim paket ke Papua Nugini berapa lama", False),  # a foreign country
    ("kirim sampel ke Bali buat buyer Australia", False),
    ("cara ikut pameran ke Jakarta", False),  # no goods sent
    ("forwarder di Surabaya yang bagus", False),  # a place, but no destination
    ("selama ini kirim ke reseller di Bali pake ekspedisi biasa", True),  # whom, then where
    ("abdi hoyong kirim paket ka Bandung", True),  # Sundanese "ka" = ke
    ("kirim ke pembeli di Singapura lewat kurir", False),
    ("bawa bibit durian dari Medan ke Jakarta naik pesawat", True),  # carried, not sent
    ("kirim keripik pake kapal kargo Surabaya-Makassar brp per kubik?", True),  # a route
    ("ongkos kapal dari Makassar ke Surabaya utk 1 kontainer", True),
    ("kirim kopi Medan-Singapura pakai kapal", False),  # the route ends abroad
])
def test_sending_goods_within_indonesia_is_recognised(
    shipped: KnowledgeBase, question: str, domestic: bool,
) -> None:
    assert recognised(shipped, "ships_within_indonesia", question) is domestic


@pytest.mark.parametrize(("question", "domestic"), [
    ("ada buyer dr Bandung minta tempo 30 hari, aman gak?", True),
    ("pembeli di Bali minta harga grosir", True),
    ("ada buyer dari Jepang minta tempo 30 hari", False),  # a buyer abroad
    ("buyer dari Jakarta mau ekspor ke Korea, saya perlu apa", False),  # a foreign country
    ("titip kain di toko oleh-oleh di Jakarta, bagi hasilnya brp", True),  # a shop at home
    ("ada toko di Sydney mau pesan rutin", False),
])
def test_a_buyer_in_indonesia_is_recognised(
    shipped: KnowledgeBase, question: str, domestic: bool,
) -> None:
    assert recognised(shipped, "buys_within_indonesia", question) is domestic


def test_a_domestic_buyer_is_out_of_scope_unless_about_exporting(
    shipped: KnowledgeBase,
) -> None:
    assert shipped.answer("ada buyer dr Bandung minta tempo 30 hari buat bayar 200 bal "
                          "kerupuk, aman gak ya?").kind == "unknown"
    assert answered(shipped, "ada buyer dari Jepang minta bayar tempo 30 hari, aman "
                             "gak ya?") == "metode-pembayaran"


def test_where_an_exporter_is_based_says_nothing_about_the_topic(
    shipped: KnowledgeBase,
) -> None:
    """"di Kabupaten Blitar" in an export question is where the asker lives; in a question
    with no sign of exporting the unknown place still counts against the topic."""
    plain = shipped.answer("sy UMKM, mau ekspor kopi ke Korea, perlu sertifikat apa?")
    placed = shipped.answer("sy UMKM di Kabupaten Blitar, mau ekspor kopi ke Korea, "
                            "perlu sertifikat apa?")
    assert placed == plain
    typical = shipped.answer("sy UMKM, mau ekspor sambal khas Madiun ke Korea, "
                             "perlu sertifikat apa?")
    assert typical == shipped.answer("sy UMKM, mau ekspor sambal ke Korea, "
                                     "perlu sertifikat apa?")
    assert shipped.answer("sy UMKM, mau ekspor kopi Lampung ke Korea, perlu sertifikat "
                          "apa?") == plain
    local = shipped.answer("harga sewa ruko di Sidoarjo berapa ya")
    assert local.kind == "unknown"


def test_domestic_shipping_is_out_of_scope_unless_about_exporting(
    shipped: KnowledgeBase,
) -> None:
    assert shipped.answer("kirim lemari jati ke Jayapura pakai kargo apa yang murah?").kind == (
        "unknown")
    # a misspelt place is still in Indonesia
    assert shipped.answer("kirim meja jati ke Surabya pakai kargo laut yg aman gmn").kind == (
        "unknown")
    assert answered(shipped, "kirim kopi ke Jakarta untuk diekspor, PEB-nya siapa yang "
                             "urus?") == "peb-ceisa"


@pytest.mark.parametrize(("question", "route"), [
    ("tarif kontainer 20 feet dari Surabaya ke Jakarta berapa?", True),
    ("ongkos kapal dr kota Makassar sampai Ambon brp", True),
    ("kirim keripik pake kapal kargo Surabaya-Makassar brp per kubik?", True),
    ("kirim kontainer ke Jakarta berapa", False),  # one end only: not surely a route
    ("kirim kopi dari Medan ke Singapura pakai kapal", False),  # it ends abroad
    ("kontainer dari Surabaya. ke Jakarta besok", False),  # two sentences
])
def test_a_route_inside_indonesia_is_recognised(
    shipped: KnowledgeBase, question: str, route: bool,
) -> None:
    assert recognised(shipped, "ships_between_domestic_places", question) is route


def test_a_route_inside_indonesia_is_out_of_scope_even_when_an_entry_fits_surely(
    shipped: KnowledgeBase,
) -> None:
    """Container words fit the forwarder entry surely; both ends at home still say it
    is domestic shipping, unless the question is about exporting."""
    question = "tarif kirim kontainer 20 feet dari Surabaya ke Jakarta lewat tol laut berapa?"
    assert shipped.matcher.ranked(question)[0][0] >= 1.0
    assert shipped.answer(question).kind == "unknown"
    assert answered(shipped, "tarif kirim kontainer 20 feet dari Surabaya ke Jakarta buat "
                             "diekspor ke Jepang berapa?") == "forwarder-lcl-fcl"
    # ...and so does a parcel sent to a place at home
    assert shipped.matcher.ranked("kirim paket ke papua")[0][0] >= 1.0
    assert shipped.answer("kirim paket ke papua").kind == "unknown"


def test_the_word_whose_meaning_is_asked_weighs_more(shipped: KnowledgeBase) -> None:
    """A story around "NPE itu apa" is context; the question is what NPE is."""
    matcher = shipped.matcher
    question = "forwarder bilang kontainer sy blm boleh masuk terminal krn nunggu NPE. NPE itu apa?"
    assert matcher.asked_about(question, matcher.normaliser.terms(question)) == {"npe"}
    assert answered(shipped, question) == "peb-ceisa"
    assert answered(shipped, "CN itu apa? bedanya sm PEB") == "ekspor-barang-kiriman"
    # ...and how it works, or what it means
    question = "importir Jepang mau pake L/C, sebenernya L/C itu cara kerjanya gimana sih?"
    assert matcher.asked_about(question, matcher.normaliser.terms(question)) == {"l/c"}
    assert answered(shipped, question) == "metode-pembayaran"
    # When the name is the whole question nothing stands out.
    assert matcher.asked_about("PEB itu apa", ["peb"]) == frozenset()


_STORY = ("Assalamualaikum min. Saya Pak Darto, usaha kerajinan bambu di Tasikmalaya, tahun"
          " lalu pernah ikut pameran di Kuala Lumpur dan sempat kirim contoh barang ke pembeli"
          " di sana. ")


def test_a_long_storys_questions_weigh_more_than_the_story(shipped: KnowledgeBase) -> None:
    """In a long message the sentences that ask carry the need; the loan and the old
    shipment told around them are context."""
    question = (
        "Selamat malam pak. Saya Bu Endang, usaha sale pisang di Kuningan sejak 2015. Dua"
        " tahun lalu kami sempat kirim ke Singapura lewat teman, tapi sekarang berhenti"
        " karena modalnya habis. Bank di sini bilang bisa pinjam KUR, tapi agunannya harus"
        " sertifikat rumah dan bunganya saya belum paham. Sekarang ada pembeli baru dari"
        " Malaysia yang minta produk kami bersertifikat halal. Pendaftaran halal yang gratis"
        " untuk usaha mikro itu caranya bagaimana, dan berapa lama sampai sertifikatnya keluar?")
    matcher = shipped.matcher
    assert matcher.asking_sentences(question)[0].startswith("Pendaftaran halal")
    assert answered(shipped, question) == "halal-self-declare"
    question = (_STORY + "Sekarang pembeli itu mau pesan rutin dua kontainer setiap bulan, tapi"
                " saya belum pernah ekspor sendiri, dulu selalu lewat pengepul. Dari mana saya"
                " harus mulai, surat apa dulu yang diurus dan urutannya bagaimana sampai"
                " uangnya masuk? Terima kasih banyak.")
    assert answered(shipped, question) == "langkah-awal-ekspor"
    # A short question is its own need.
    assert matcher.asking_sentences("Dulu pernah kirim ke Jepang. Sekarang NIB gimana?") == []


def test_a_long_story_that_once_exported_may_still_ask_off_topic(
        shipped: KnowledgeBase) -> None:
    """A past trade fair abroad does not make a passport renewal an export question."""
    question = (_STORY + "Sekarang anak saya mau kuliah ke Malaysia dan saya mau ikut"
                " mengantar bulan depan. Paspor saya sudah habis masa berlakunya sejak tahun"
                " lalu. Perpanjangan paspor sekarang bisa lewat aplikasi atau harus datang ke"
                " kantor imigrasi? Berapa biayanya dan berapa hari jadinya? Terima kasih banyak.")
    assert shipped.answer(question).kind == "unknown"


def test_a_long_story_may_ask_without_a_question_mark(shipped: KnowledgeBase) -> None:
    """"Mohon info ..." asks as "...?" does: the loan told before it is context."""
    question = (
        "Selamat siang bapak ibu admin. Saya Ibu Rahma dari Banjarmasin, usaha kain sasirangan"
        " sejak 2012 bersama kelompok pengrajin di kampung. Dulu kami sempat dapat pinjaman"
        " KUR dari bank untuk beli bahan, sekarang sudah lunas. Bulan lalu ada pembeli dari"
        " Brunei yang datang ke galeri dan ingin pesan kain dalam jumlah banyak setiap tiga"
        " bulan. Mohon info dokumen apa saja yang perlu saya siapkan untuk pengiriman pertama"
        " ke Brunei, terutama surat keterangan asal supaya bea masuknya lebih ringan. Terima"
        " kasih banyak.")
    assert shipped.matcher.asking_sentences(question)[0].startswith("Mohon info dokumen")
    assert answered(shipped, question) == "ska-coo"


def test_a_long_story_that_once_exported_may_ship_inside_indonesia(
        shipped: KnowledgeBase) -> None:
    """A past shipment to Korea does not make a parcel to Balikpapan an export."""
    question = (
        "Selamat pagi admin. Saya Bu Nining, usaha dodol dan wajit di Garut, dulu pernah ikut"
        " pelatihan ekspor dari dinas dan tahun lalu sempat ekspor sekali ke Korea lewat"
        " eksportir di Surabaya. Sekarang pesanan paling besar justru dari toko oleh-oleh di"
        " Balikpapan, sekitar tiga ratus kilo per bulan. Kirim ke Balikpapan itu lebih hemat"
        " pakai kapal laut lewat ekspedisi atau pakai kargo udara? Terus kardusnya perlu"
        " dipacking kayu atau cukup dilakban saja? Terima kasih.")
    assert shipped.answer(question).kind == "unknown"


def test_a_voice_note_that_exported_only_in_its_past_asks_off_topic(
        shipped: KnowledgeBase) -> None:
    """Without full stops a voice note is one sentence; its past export ("tahun lalu
    sempat ekspor", "gudang yang dulu dipakai buat ekspor") is context, not the need."""
    for question in (
        "halo bu saya pak yosef dari ende eee tahun lalu sempat ekspor kopi flores ke"
        " australia lewat teman nah sekarang saya mau ambil KPR rumah di kota buat anak"
        " istri bingung syaratnya apa aja kalau penghasilan dari usaha sendiri tanpa slip"
        " gaji terus bunganya kira kira berapa persen per tahun soalnya saya takut cicilannya"
        " berat",
        "selamat siang jadi gini saya pengrajin rotan di amuntai dulu pernah kirim keranjang"
        " ke jepang dua kali tapi sekarang jualan dalam kota saja nah ada toko di samarinda"
        " mau ambil tiap bulan eee saya bingung kirim ke samarinda itu lebih murah lewat"
        " ekspedisi darat atau kapal terus ongkos per kilonya berapa ya",
    ):
        assert shipped.answer(question).kind == "unknown"
    # ...but a past export told before an export need is still about exporting.
    question = (
        "halo pak saya bu ani dari lombok dulu pernah ekspor kain tenun ke malaysia lewat"
        " pengepul nah sekarang mau coba kirim sendiri ke kuala lumpur eee bingung dokumen"
        " apa saja yang harus diurus buat pengiriman pertama terus surat keterangan asal itu"
        " wajib nggak soalnya pembelinya minta bea masuk ringan")
    assert answered(shipped, question) == "ska-coo"


def test_a_past_training_and_shipment_abroad_are_context_too(shipped: KnowledgeBase) -> None:
    """A training and then a shipment abroad ("dulu saya ikut pelatihan ekspor ... sempat
    kirim ke Belanda") are the past twice; the health insurance asked after them is no
    export question."""
    question = (
        "selamat pagi bu saya pak made dari gianyar dulu saya ikut pelatihan ekspor di"
        " kabupaten terus sempat kirim patung kayu ke belanda nah sekarang saya mau tanya soal"
        " bpjs kesehatan ibu saya kartunya tidak aktif karena iuran telat enam bulan cara"
        " aktifkan lagi gimana apa harus lunas dulu semua soalnya ibu mau operasi katarak"
        " bulan depan")
    assert shipped.answer(question).kind == "unknown"


def test_regional_function_words_say_nothing_about_the_topic(shipped: KnowledgeBase) -> None:
    """Papuan, Medan and Banjar words for "I", "not", "only" (awak, tra, kitong, haja) and
    chat forms (musti, di situ) are left out like their standard words, and a real word
    is never split into one of them plus a suffix (suku bunga is no su + -ku)."""
    terms = shipped.matcher.normaliser.terms
    assert terms("awak tra tau, kitong musti urus NIB di situ haja kah?") == terms("urus NIB")
    assert terms("sa su punya NIB") == terms("NIB")
    assert "suku" in terms("suku bunga KUR ekspor")
    assert terms("salah isi PEB")[0] != "saya"  # no sa + -lah
    assert "bangku" in terms("kursi bangku jati")

"""Each normalisation step on its own: what an owner types becomes what the base indexes."""

from __future__ import annotations

import pytest

from bot.normalise import (
    Normaliser,
    affix_candidates,
    common_words,
    correct_typo,
    country_words,
    expand_slang,
    names,
    stem,
    tokenize,
)

KNOWN = frozenset({"kirim", "aman", "ekspor", "kemas", "halal", "sertifikat", "ikan", "urus"})


def test_tokenize_lowercases_and_drops_punctuation() -> None:
    assert tokenize("PEB itu apa, sih?!") == ["peb", "itu", "apa", "sih"]


def test_tokenize_reads_accented_letters_as_plain_ones() -> None:
    """"Türkiye" is one word, not "t" and "rkiye"."""
    assert tokenize("ekspor ke Türkiye, kopi café") == ["ekspor", "ke", "turkiye", "kopi", "cafe"]


def test_tokenize_reads_thousands_separators_as_one_number() -> None:
    """"8.000 dolar" is one amount, not the numbers 8 and 000; "CEISA 4.0" stays two."""
    assert tokenize("FOB 8.000 dolar, Rp1.500.000") == ["fob", "8000", "dolar", "rp1500000"]
    assert tokenize("CEISA 4.0") == ["ceisa", "4", "0"]


def test_tokenize_folds_reduplication() -> None:
    assert tokenize("barang-barang dan langkah2") == ["barang", "dan", "langkah"]


def test_a_reduplicated_word_the_vocabulary_knows_stays_whole_in_both_spellings() -> None:
    """surat-surat means documents, not one letter, so kosakata.yaml can list it."""
    whole = {"surat-surat"}
    assert tokenize("surat-surat dan surat2", whole) == ["surat-surat", "dan", "surat-surat"]


def test_tokenize_keeps_known_slash_and_hyphen_terms_whole() -> None:
    assert tokenize("bayar pakai L/C atau T/T", {"l/c", "t/t"}) == [
        "bayar", "pakai", "l/c", "atau", "t/t"]
    assert tokenize("palet ISPM-15", {"ispm-15"}) == ["palet", "ispm-15"]
    assert tokenize("self-declare") == ["self", "declare"]


def test_slang_is_expanded_to_full_words() -> None:
    slang = {"gmn": ("gimana",), "ongkir": ("ongkos", "kirim")}
    assert expand_slang(["gmn", "ongkir", "kopi"], slang) == [
        "gimana", "ongkos", "kirim", "kopi"]


@pytest.mark.parametrize("word", [
    "dikirim", "mengirim", "pengiriman", "kirimkan", "dikirimkan", "kirimannya", "ngirim",
    "kirimin",
])
def test_affixed_forms_share_one_root(word: str) -> None:
    assert stem(word, KNOWN) == "kirim"


def test_ke_an_confix_is_stripped_but_ke_alone_is_not() -> None:
    assert stem("keamanan", KNOWN) == "aman"
    assert "diri" not in affix_candidates("kediri")


def test_particles_and_possessives_are_stripped() -> None:
    assert stem("halalnya", KNOWN) == "halal"
    assert stem("eksporlah", KNOWN) == "ekspor"
    assert stem("urusnya", KNOWN) == "urus"
    assert stem("halalnye", KNOWN) == "halal"  # Betawi and Malay -nye


def test_a_stop_word_under_nya_is_that_stop_word(normaliser: Normaliser) -> None:
    assert stem("caranya", KNOWN) == "cara"
    assert normaliser.terms("caranya dapat sertif halal katanya gimana") == [
        "sertifikat", "halal"]
    # A two-letter stop word is no core: buku is not bu + -ku, nor siku si + -ku.
    assert stem("buku", KNOWN) == "buku"
    assert normaliser.terms("aplikasi pembukuan") == ["aplikasi", "pembukuan"]


def test_hearsay_and_question_frame_words_are_stop_words(normaliser: Normaliser) -> None:
    """"denger2 ...", "ngaruh ga", "fungsinya apa" frame a question; they are no topic."""
    assert normaliser.terms("denger2 PEB ngaruh ke kemasan") == ["peb", "kemasan"]
    assert normaliser.terms("fungsi dan manfaatnya sertifikat halal") == [
        "sertifikat", "halal"]
    # "gara-gara" is because; "nol" (zero) is no typo of another word
    assert normaliser.terms("PEB gara2 kemasan") == ["peb", "kemasan"]
    assert "nol" not in normaliser.terms("sertifikat halal nol rupiah")


def test_stemming_never_invents_a_root_the_base_does_not_use() -> None:
    assert stem("ikan", KNOWN) == "ikan"  # not "ik"
    assert stem("makanan", KNOWN) == "makanan"  # "makan" is not in this base


@pytest.mark.parametrize(("word", "root"), [
    ("negara", "negara"),  # no chat n- stacked on te-: not "gara"
    ("dinas", "dinas"),  # no di- + n-: not "tas"
    ("tetangga", "tetangga"),  # te- only before r (terasa)
    ("member", "member"),  # a prefix is no root: not "ber"
    ("menempatkan", "tempat"),  # the nasal took the t of tempat, not empat
    ("mendaftar", "daftar"),
    ("memperkenalkan", "kenal"),  # memper-: a prefix under a prefix
])
def test_only_plausible_affix_chains_are_stripped(word: str, root: str) -> None:
    known = {"gara", "tas", "tangga", "ber", "tempat", "empat", "daftar", "kenal"}
    assert stem(word, known) == root


def test_a_stop_word_as_near_as_the_root_wins() -> None:
    """memberikan/berikan are beri + -kan (to give), never ber- + ikan (fish); a short
    stop word does not win (nahan is chat n- + tahan)."""
    known = {"ikan", "tahan"}
    assert stem("memberikan", known) == "beri"
    assert stem("berikan", known) == "beri"
    assert stem("nahan", known) == "tahan"


def test_an_acronym_is_no_root_under_affixes() -> None:
    """terapi is no ter- + API, perahu no per- + AHU; PEB-nya is still PEB."""
    normaliser = Normaliser(["NIB berlaku sebagai API", "sahkan di AHU", "isi PEB"], {}, [])
    assert normaliser.terms("terapi perahu pebnya") == ["terapi", "perahu", "peb"]


def test_real_words_keep_endings_that_only_look_like_particles() -> None:
    known, real = {"desa", "masa", "kirim"}, frozenset({"desain", "masalah"})
    assert stem("desain", known, real) == "desain"  # not desa + chat -in
    assert stem("masalah", known, real) == "masalah"  # not masa + -lah
    assert stem("kirimin", known, real) == "kirim"
    # A verb prefix shows -in is the chat suffix even on a word people write often.
    assert stem("ngirimin", known, frozenset({"ngirimin"})) == "kirim"
    # ...unless a real word sits under the prefix: dijamin is di- + jamin, not jam + -in.
    assert stem("dijamin", {"jam"}, frozenset({"dijamin", "jamin"})) == "dijamin"
    assert stem("menjamin", {"jam"}, frozenset({"menjamin", "jamin"})) == "menjamin"


def test_chat_in_stands_for_kan_when_the_base_only_has_the_kan_form() -> None:
    assert stem("cantumin", {"cantumkan"}) == "cantumkan"
    assert stem("desain", {"desakan"}, frozenset({"desain"})) == "desain"  # a real word
    normaliser = Normaliser(["harga wajib dicantumkan", "cantumkan merek", "cantumin apa"], {}, [])
    # Every spelling lands on one term, and a root is its own root.
    assert normaliser.terms("cantumin nyantumin dicantumkan") == ["cantumkan"] * 3


def test_a_synonym_does_not_swallow_the_everyday_word_it_derives_from() -> None:
    """pembeli means buyer, but beli (to buy) and orang (a person) mean themselves."""
    normaliser = Normaliser(["buyer mau beli", "ada orang"],
                            {}, [("buyer", "pembeli"), ("pribadi", "perorangan")],
                            real_words=common_words())
    assert normaliser.terms("pembeli perorangan") == ["buyer", "pribadi"]
    assert normaliser.terms("beli orang") == ["beli", "orang"]


def test_a_chat_prefix_may_leave_a_root_as_long_as_the_word() -> None:
    assert stem("nutup", {"tutup"}) == "tutup"
    assert stem("nambah", {"tambah"}) == "tambah"


def test_typo_is_corrected_to_a_word_of_the_base() -> None:
    vocabulary = sorted(KNOWN)
    assert correct_typo("sertifkat", vocabulary) == "sertifikat"
    assert correct_typo("ekspr", vocabulary) == "ekspor"


def test_short_words_and_other_first_letters_are_not_corrected() -> None:
    vocabulary = ["kursus", "kendang", "halal"]
    assert correct_typo("kurs", vocabulary) is None
    assert correct_typo("rendang", vocabulary) is None


def test_a_real_word_two_letters_from_a_base_word_is_not_corrected_into_it() -> None:
    # "pernikahan" (marriage) is two edits from "perikanan" (fisheries): two-letter
    # corrections are kept for words long enough that a double slip is likely a typo.
    assert correct_typo("pernikahan", ["perikanan"]) is None
    assert correct_typo("pembritahuaan", ["pemberitahuan"]) == "pemberitahuan"


def test_real_words_are_never_corrected_into_base_words() -> None:
    """A word of the language the base happens not to use is no typo."""
    real = common_words()
    assert {"belanja", "musim", "utang", "negara"} <= real
    assert "sertifkat" not in real
    normaliser = Normaliser(["belanda muslim uang sertifikat"], {}, [], real_words=real)
    assert normaliser.terms("belanja musim utang") == ["belanja", "musim", "utang"]
    assert normaliser.terms("sertifkat") == ["sertifikat"]


def test_country_words_are_foreign_countries_in_indonesian() -> None:
    countries = country_words()
    assert {"kanada", "brunei", "belanda", "jepang", "korea", "selatan"} <= countries
    assert "indonesia" not in countries
    assert not {"bangsa", "aksen"} & countries  # the UN and test locales are no country


def test_product_names_are_kept_whole_and_root_only_their_own_forms() -> None:
    """nama_produk: kursi(nya) is no kurs + -i; nila and tuna (fish the base never
    names) are no roots of nilai (value) and tunai (cash)."""
    normaliser = Normaliser(["kurs nilai barang", "pembayaran tunai"], {}, [],
                            whole_words=["kursi", "nila", "tuna"], real_words=common_words())
    assert normaliser.terms("kursi kursinya") == ["kursi", "kursi"]
    assert normaliser.terms("nilai nilainya tunai") == ["nilai", "nilai", "tunai"]
    assert normaliser.terms("ikan nila, tuna dan tunanya") == ["ikan", "nila", "tuna", "tuna"]


def test_a_corrected_typo_is_rooted_like_the_word_it_stands_for() -> None:
    """makkanan is makanan (a synonym kept whole), not makan; a chat spelling the
    vocabulary knows is a typo target too."""
    normaliser = Normaliser(["makan siang", "makanan olahan"], {"perancis": ("prancis",)},
                            [("makanan", "pangan")], real_words=common_words())
    assert normaliser.terms("makkanan") == ["makanan"]
    assert normaliser.terms("peracnis") == ["prancis"]


def test_courtesy_phrases_and_question_words_are_left_out() -> None:
    normaliser = Normaliser(["izin edar pangan"], {"ijin": ("izin",)}, [],
                            fillers=["izin tanya"])
    assert normaliser.terms("ijin tanya, izin edar bagaimanakah?") == ["izin", "edar"]


def test_capitalised_words_inside_a_sentence_are_names() -> None:
    assert names("Saya dari Kediri, jual Keripik. Apa bisa?") == {"kediri", "keripik"}


@pytest.fixture
def normaliser() -> Normaliser:
    texts = ["Sertifikat halal untuk kemasan", "pengiriman ekspor", "PEB dan pemeriksaan"]
    return Normaliser(
        texts,
        slang={"gmn": ("gimana",), "sertif": ("sertifikat",), "dok": ("dokumen",)},
        synonym_groups=[("kemasan", "packaging", "bungkus"),
                        ("peb", "pemberitahuan ekspor barang")],
    )


def test_question_words_and_particles_are_dropped(normaliser: Normaliser) -> None:
    assert normaliser.terms("gmn sih cara dapat sertif halal?") == ["sertifikat", "halal"]


def test_english_and_synonyms_become_one_term(normaliser: Normaliser) -> None:
    assert normaliser.terms("packaging") == normaliser.terms("bungkusnya") == ["kemasan"]


def test_acronym_and_its_meaning_are_one_term(normaliser: Normaliser) -> None:
    assert normaliser.terms("isi pemberitahuan ekspor barangnya") == ["isi", "peb"]
    assert normaliser.terms("PEB") == ["peb"]


def test_slang_behind_a_suffix_is_expanded(normaliser: Normaliser) -> None:
    assert normaliser.terms("sertifnya") == ["sertifikat"]


def test_typo_inside_a_question_is_corrected(normaliser: Normaliser) -> None:
    assert normaliser.terms("sertifkat halal") == ["sertifikat", "halal"]


def test_names_are_not_corrected_into_other_words(normaliser: Normaliser) -> None:
    assert normaliser.terms("kirim dari Kemasa") == ["kirim", "kemasa"]


def test_typos_under_affixes_in_stop_words_and_in_names_are_corrected() -> None:
    normaliser = Normaliser(
        ["Ekspor ke Australia", "komposisi produk", "urus izin"], {}, [],
        real_words=frozenset({"asing"}))
    assert normaliser.terms("komposiisinya") == ["komposisi"]  # -nya cut, then fixed
    assert normaliser.terms("nguurusnya") == ["urus"]
    assert normaliser.terms("ekspor seklai") == ["ekspor"]  # sekali, a stop word
    assert normaliser.terms("kirim ke Austrlia") == ["kirim", "australia"]
    assert normaliser.terms("Kirim ke Komposisa") == ["kirim", "komposisa"]  # no name
    assert normaliser.terms("asingnya") == ["asingnya"]  # a real word under -nya


def test_a_word_written_as_its_consonants_is_the_one_word_they_spell() -> None:
    normaliser = Normaliser(["dokumen kemasan", "kirim karam"], {}, [])
    assert normaliser.terms("dkmn kmsn") == ["dokumen", "kemasan"]
    assert normaliser.terms("krm") == ["kirim"]  # kirim or karam: the commoner word
    assert normaliser.terms("brp") == []  # berapa, a stop word


def test_a_word_with_some_vowels_dropped_is_the_word_it_spells() -> None:
    """Chat keeps a vowel or two (krntina, mdu) and drops the n of ng (stgh)."""
    normaliser = Normaliser(["karantina hewan", "madu hutan", "setengah jadi"], {}, [])
    assert normaliser.terms("krntina hwn") == ["karantina", "hewan"]
    assert normaliser.terms("mdu htn") == ["madu", "hutan"]
    assert normaliser.terms("stgh") == ["setengah"]
    assert Normaliser(["bahasa inggris"], {}, []).terms("bhs ingrs") == ["bahasa", "inggris"]
    assert normaliser.terms("mdi") == ["mdi"]  # madu has no i: no guess


def test_spoken_e_for_a_is_read_as_the_written_word() -> None:
    normaliser = Normaliser(["batas ekspor", "pinjam modal"], {}, [])
    assert normaliser.terms("dibatesin") == ["batas"]
    assert normaliser.terms("pinjem modal") == ["pinjam", "modal"]


def test_an_english_plural_of_a_base_word_is_that_word() -> None:
    normaliser = Normaliser(["buyer minta invoice", "tarif bebas"], {}, [],
                            real_words=frozenset({"buyers", "invoices", "bebas"}))
    assert normaliser.terms("buyers minta invoices") == ["buyer", "invoice"]
    assert normaliser.terms("tarif bebas") == ["tarif", "bebas"]  # a word of its own


def test_sundanese_and_javanese_particles_say_nothing_about_the_topic() -> None:
    normaliser = Normaliser(["sertifikat kopi ke Korea"], {}, [])
    assert normaliser.terms("kang, sertifikat kopi ka Korea sik") == [
        "sertifikat", "kopi", "korea"]


def test_a_number_glued_to_its_unit_is_the_number_and_the_unit() -> None:
    normaliser = Normaliser(["barang kiriman di atas 30 kg"], {"20ft": ("20", "feet")}, [])
    assert normaliser.terms("kiriman 30kg") == ["kiriman", "30", "kg"]
    assert normaliser.terms("kontainer 20ft") == ["kontainer", "20", "feet"]


def test_a_synonym_phrase_reads_across_a_stop_word_put_inside_it() -> None:
    normaliser = Normaliser(["kapan barang termasuk ekspor"], {}, [
        ("termasuk ekspor", "dianggap diekspor")])
    assert normaliser.terms("barang dianggap sudah diekspor kapan") == [
        "barang", "termasuk ekspor"]
    assert normaliser.terms("dianggap resmi diekspor") == ["dianggap", "resmi", "ekspor"]


def test_what_was_said_at_an_event_is_context_not_topic() -> None:
    """'tadi pas sosialisasi disebut NPE' asks about NPE, not about the event."""
    normaliser = Normaliser(["NPE itu apa"], {"td": ("tadi",), "sy": ("saya",)}, [],
                            fillers=["pas sosialisasi", "kurang paham"])
    assert normaliser.terms("NPE td pas sosialisasi dibilang, sy kurang paham") == ["npe"]


def test_an_ampersand_word_is_whole_only_when_the_vocabulary_spells_it() -> None:
    assert tokenize("paket di J&T", {"j&t": ("jnt",)}) == ["paket", "di", "j&t"]
    assert tokenize("P&G") == ["p", "g"]


def test_letters_spelt_out_by_voice_typing_are_the_acronym() -> None:
    """Voice typing writes NIB as "en i be" and AWB as "ei dabel yu be"."""
    normaliser = Normaliser(
        ["Daftar NIB di OSS", "FOB atau CIF", "AWB untuk kiriman udara"], {}, [],
        real_words=frozenset({"es", "teh", "manis", "pe", "de"}))
    assert normaliser.terms("daftar en i be di o es es") == ["daftar", "nib", "oss"]
    assert normaliser.terms("ef o be sama ce i ef") == ["fob", "cif"]
    assert normaliser.terms("kiriman ei dabel yu be") == ["kiriman", "awb"]
    # Letters that spell nothing the base knows stay as they are.
    assert normaliser.terms("es teh manis pe de") == ["es", "teh", "manis", "pe", "de"]


def test_a_base_word_split_in_two_is_put_back_together() -> None:
    normaliser = Normaliser(["ekspor lewat bea cukai", "sertifikat halal"], {}, [],
                            real_words=frozenset({"cuka", "cukai"}))
    assert normaliser.terms("mau ek spor") == ["ekspor"]  # mau: a stop word
    assert normaliser.terms("lapor bea cuka i") == ["lapor", "bea", "cukai"]
    assert normaliser.terms("sertifi kat halal") == ["sertifikat", "halal"]


def test_a_phrase_yields_to_one_starting_inside_it_that_reaches_further() -> None:
    """"ekspor bea cukai" is exporting through customs, not an export duty and "cukai"."""
    normaliser = Normaliser(["bea keluar", "bea cukai"], {"duty": ("bea",)}, [
        ("bea keluar", "ekspor bea"), ("djbc", "bea cukai")])
    assert normaliser.terms("ekspor bea cukai") == ["ekspor", "djbc"]
    assert normaliser.terms("ekspor bea") == ["bea keluar"]


def test_a_letter_held_for_emphasis_is_read_as_written() -> None:
    normaliser = Normaliser(["kirim ke Jepang", "NIB dan COO"], {"min": ("admin",)}, [])
    assert normaliser.terms("kirimmm ke jepanggg") == ["kirim", "jepang"]
    assert normaliser.terms("NIBBB sama cooo") == ["nib", "coo"]  # coo: twice is the word
    assert normaliser.terms("harga 1000 kg") == ["harga", "1000", "kg"]  # digits kept


def test_words_typed_without_a_space_are_read_apart() -> None:
    normaliser = Normaliser(["syarat ekspor kopi", "halal self declare"], {}, [])
    assert normaliser.terms("syarateksporkopi") == ["syarat", "ekspor", "kopi"]
    assert normaliser.terms("halalselfdeclare") == ["halal", "self", "declare"]
    assert normaliser.terms("syarat ekspr") == ["syarat", "ekspor"]  # a typo: no split

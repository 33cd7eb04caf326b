"""Turning an Indonesian chat question into the terms the matcher indexes.

The steps, each a small function so it can be tested alone:

1. `tokenize`: lower-case words; keeps `l/c`, `b/l`, `ispm-15` whole when the vocabulary
   knows them, splits other hyphenated words and folds reduplication (`barang-barang`).
   In a question (not the base's own texts) chat and voice typing are then respelt: a
   held letter once (`halaaal`), letters spelt out as the acronym the base knows
   (`en i be` -> `nib`), a split word joined (`ek spor`), words run together split
   (`halalselfdeclare`).
2. slang expansion (`gmn` -> `gimana`, `sertif` -> `sertifikat`) from kosakata.yaml.
3. typo correction against the words the knowledge base actually uses; real words of the
   language (wordfreq's Indonesian list, common English) are never "corrected"; spoken
   e for a (`dapet`, `dibatesin`) is read as the written word, and a word written as its
   consonants (`dkmn`) as the one word of the base they spell.
4. stemming: a dictionary-free affix stripper whose candidate roots are accepted only when
   the knowledge base itself uses that root (so `pengiriman`, `dikirim`, `kirimkan` all
   become `kirim`, but `kemasan` is not cut to a word nobody wrote), through affix chains
   Indonesian allows (`memper-`, not chat `n-` on `te-`: negara stays negara).
5. synonyms and acronyms (`packaging`/`bungkus` -> `kemasan`, `surat keterangan asal` ->
   `ska`), matched on stems so affixed forms of a phrase also match; a phrase yields to
   one starting inside it that reaches further (`ekspor [bea cukai]`).
6. stop words (question words, chat particles, pronouns) are dropped.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Mapping
from functools import cache

import wordfreq
from babel import Locale
from rapidfuzz import process
from rapidfuzz.distance import OSA

_WORD = re.compile(r"[0-9a-z]+(?:[/\-&][0-9a-z]+)*")
_JOINED = re.compile(r"[/\-&]")  # what joins b/l, e-ska, j&t into one written word
_SPOKEN_E = re.compile(r"(?<=[^aeiou])e([^aeiou]+)$")
ACRONYM = re.compile(r"\b[A-Z][A-Z0-9]{1,}(?:-[A-Z0-9]+)*\b")  # PEB, API, V-LEGAL, GS1
_NAME = re.compile(r"\b[A-Z][a-z]{2,}\b")
_NUMBER_UNIT = re.compile(r"(\d+)([a-z]{1,5})")
_THOUSANDS = re.compile(r"(?<=\d)\.(?=\d{3}(?!\d))")  # 8.000 and 1.500.000 are one number

# Question words, particles, pronouns and fillers of chat Indonesian (and a little English).
# They say how someone asks, not what about.
STOP_WORDS = frozenset("""
    ada adalah agar akan aku aja ajah anda apa apakah atau bagaimana bagi bahwa banget
    bapak begitu belum berapa beri bgt bila bisa boleh bu buat cara cuma dah dalam dan
    dapat dari dengan deh di dia dong dulu gimana gitu guna hai halo hanya harus hal
    ibu ini itu ja jadi jika juga kak kakak kalau kalo kami kamu kan kapan karena kasih ke
    kenapa kita kok lagi lah mana masih mau maupun mbak mas min mohon minta mengapa mesti
    misal nah nih nya oleh pada pak para per perlu pun punya saja sama sampai sangat saya
    seperti si sih siapa soal sudah supaya tapi tetapi tanya tentang terima terus tersebut
    tidak tolong tuh udah untuk wajib ya yah yang
    a an and are can do does for how i in is it me my of on or the to what when where
    which who why with you your we please thanks
    assalamualaikum selamat pagi siang sore malam permisi gan sis bro admin mimin
    bingung nanya tanyain makasih kira kira gitu sekarang coba kata kayak kaya memang
    sekali lho loh
    arti artinya maksud maksudnya singkatan kepanjangan pengertian definisi
    yth hormat salam sejahtera wassalam semoga bermaksud ucapkan mengucapkan
    pencerahan pencerahannya sebelumnya mengenai terkait perihal seputar
    cerita ceritanya begini gini kemarin besok lusa mereka tahu tau dengar denger
    pengaruh ngaruh fungsi manfaat kegunaan
    tolongin bantuin kasitau share spill cmiiw fyi asap urgent bosku bund gaes guys
    terimakasih dunk donk yaa kah mbok wkwk wkwkwk hehe haha oke sip mantap best first
    kang akang teteh mang sik ka
    sebenarnya sebenernya sebetulnya sbnrnya sbnernya emang
    pas tadi td bilang ku gara nol
    eee eh ehm maaf gais yo alhamdulillah situ sini ta ki pale lur
""".split())

PARTICLES = ("lah", "kah", "tah", "pun")
POSSESSIVES = ("nya", "nye", "ku", "mu")  # -nye: Betawi and Malay -nya
SUFFIXES = ("kan", "an", "i", "in")  # -in: chat form of -kan/-i (kirimin)
# Prefix spelling -> what the root starts with again after stripping it (nasal recoding).
PREFIXES: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("meng", ("", "k")), ("meny", ("s",)), ("mem", ("", "p")), ("men", ("", "t")),
    ("me", ("",)), ("peng", ("", "k")), ("peny", ("s",)), ("pem", ("", "p")),
    ("pen", ("", "t")), ("per", ("",)), ("pe", ("",)), ("ber", ("",)), ("be", ("",)),
    ("ter", ("",)), ("te", ("",)), ("di", ("",)), ("ke", ("",)),
    # chat forms: ngirim, ngecek, nyari, nulis
    ("nge", ("",)), ("ng", ("", "k")), ("ny", ("s", "c")), ("n", ("t",)),
)
# ke- alone is rare (kedua); mostly it is the ke-...-an confix (keamanan).
_CONFIX_ONLY = {"ke": ("an",)}
# be- and te- are ber-/ter- before r (berencana, terasa), or be- in bekerja.
_BEFORE_R = {"be": ("r", "ker"), "te": ("r",)}
# Chat prefixes (ngirim, nyari, nulis) stand alone: n- + te- does not make negara.
_CHAT_PREFIXES = frozenset({"nge", "ng", "ny", "n"})
# A second prefix under the first: memper-, diper-, keber-, keter-, pember-.
_INNER_PREFIXES = frozenset({"per", "pe", "ber", "be", "ter", "te"})
MIN_ROOT = 3
_PREFIX_SPELLINGS = frozenset(p for p, _ in PREFIXES)
# A real word ending in -in keeps it (desain) unless a verb prefix shows the -in is the
# chat suffix too (ngeluarin, dibetulin).
_VERB_PREFIXES = ("di", "ng", "ny", "me", "n")
_VOWELS = frozenset("aeiou")
_DOUBLED = re.compile(r"(.)\1")
_STRETCHED = re.compile(r"([a-z])\1{2,}")  # halaaal, minnn, kirimmm
# Letters as voice typing writes them out (en i be = NIB, ef o be = FOB), Indonesian and
# English names both; "di" and "si" are left out, being words far more often.
_LETTER_NAMES = {
    **{c: c for c in "abcdefghijklmnopqrstuvwxyz"},
    "ei": "a", "be": "b", "bi": "b", "ce": "c", "de": "d", "ef": "f", "ge": "g", "ji": "g",
    "ha": "h", "ai": "i", "je": "j", "jei": "j", "ka": "k", "kei": "k", "el": "l", "em": "m",
    "en": "n", "ou": "o", "pe": "p", "pi": "p", "ki": "q", "kyu": "q", "er": "r", "ar": "r",
    "es": "s", "te": "t", "ti": "t", "yu": "u", "ve": "v", "fe": "v", "vi": "v", "we": "w",
    "eks": "x", "ye": "y", "wai": "y", "zet": "z", "zi": "z",
}
_DOUBLE_U = frozenset({"dabel", "dobel", "double"})  # dabel yu = W


def without_accents(text: str) -> str:
    """`text` with accents dropped, so "Türkiye" and "café" are read as plain letters."""
    if text.isascii():
        return text
    return "".join(c for c in unicodedata.normalize("NFKD", text)
                   if not unicodedata.combining(c))


def tokenize(text: str, whole: Iterable[str] | Mapping[str, object] = ()) -> list[str]:
    """Lower-case words of `text`; hyphen, slash and ampersand words (b/l, j&t) stay whole
    only if `whole` knows them."""
    tokens: list[str] = []
    for word in _WORD.findall(_THOUSANDS.sub("", without_accents(text.lower()))):
        if len(word) > 3 and word.endswith("2") and word[-2].isalpha():
            word = word[:-1]  # langkah2 = langkah-langkah
            if f"{word}-{word}" in whole:  # surat2 = surat-surat, a word of its own
                word = f"{word}-{word}"
        if not _JOINED.search(word) or word in whole:
            tokens.append(word)
            continue
        parts = [p for p in _JOINED.split(word) if p]
        if len(parts) == 2 and parts[0] == parts[1]:  # reduplication: barang-barang
            parts = parts[:1]
        tokens.extend(parts)
    return tokens


def expand_slang(tokens: Iterable[str], slang: Mapping[str, tuple[str, ...]]) -> list[str]:
    """Replace chat abbreviations by their full words (`gmn` -> `gimana`)."""
    out: list[str] = []
    for token in tokens:
        out.extend(slang.get(token, (token,)))
    return out


def _candidates_with_depth(word: str, real: frozenset[str]) -> list[tuple[str, int]]:
    """affix_candidates, each with how many affixes (particles aside) were cut off."""
    bases = [(word, "")]
    for group in (PARTICLES, POSSESSIVES):
        for suffix in group:
            if (word.endswith(suffix) and len(word) - len(suffix) >= MIN_ROOT
                    and not (group is PARTICLES and word in real)):
                word = word[: -len(suffix)]
                bases.append((word, ""))
                break
    # Chat -in stands for -kan: cantumin is the base's cantumkan, jelasin jelaskan.
    chat_kan = [(base[:-2] + "kan", "") for base, _ in bases
                if base.endswith("in") and base not in real and len(base) - 2 >= MIN_ROOT]
    bases.extend(chat_kan)
    for base, _ in list(bases):
        for suffix in SUFFIXES:
            if (base.endswith(suffix) and len(base) - len(suffix) >= MIN_ROOT
                    and not (suffix == "in" and base in real
                             and not _chat_in_verb(base, real))):
                bases.append((base[: -len(suffix)], suffix))
    found: list[tuple[str, int]] = []
    for base, suffix in bases:
        depth = 1 if suffix else 0
        found.append((base, depth))
        for prefix, once in _strip_prefix(base, suffix):
            found.append((once, depth + 1))
            if prefix not in _CHAT_PREFIXES:
                found.extend((root, depth + 2) for inner, root in _strip_prefix(once, suffix)
                             if inner in _INNER_PREFIXES)
    return found


def _chat_in_verb(word: str, real: frozenset[str]) -> bool:
    """Whether a verb prefix shows that `word`'s -in is chat (ngirimin), not part of a
    real word under it (dijamin is di- + jamin)."""
    return word.startswith(_VERB_PREFIXES) and not any(
        root in real for _, root in _strip_prefix(word, ""))


def affix_candidates(word: str, real: frozenset[str] = frozenset()) -> list[str]:
    """Every root `word` could have under Indonesian affix rules (the word itself first).

    A word in `real` (words of the language) keeps its -lah/-kah ending and chat -in:
    masalah is no masa + -lah, desain no desa + -in.
    """
    return [c for c, _ in _candidates_with_depth(word, real)]


def _strip_prefix(word: str, suffix: str) -> list[tuple[str, str]]:
    """(prefix, what is left) for each prefix `word` may carry."""
    out = []
    for prefix, restores in PREFIXES:
        if not word.startswith(prefix):
            continue
        rest = word[len(prefix):]
        if prefix in _CONFIX_ONLY and suffix not in _CONFIX_ONLY[prefix]:
            continue
        if prefix in _BEFORE_R and not rest.startswith(_BEFORE_R[prefix]):
            continue
        if prefix in _CHAT_PREFIXES and suffix in ("i", "an"):
            continue  # chat verbs end in -in or -kan: nasi is no n- + tas + -i
        for start in restores:
            # The nasal swallowed the root's first consonant only before a vowel:
            # menempatkan is tempat, mendaftar daftar, menawarkan tawar.
            if start and rest[:1] not in _VOWELS:
                continue
            if (not start and len(restores) > 1 and prefix.endswith(("m", "n"))
                    and rest[:1] in _VOWELS):
                continue
            if len(start + rest) >= MIN_ROOT:
                out.append((prefix, start + rest))
    return out


def stem(word: str, known: Mapping[str, object] | frozenset[str] | set[str],
         real: frozenset[str] = frozenset(), acronyms: frozenset[str] = frozenset()) -> str:
    """The shortest root of `word` that `known` (the base's words) contains, else `word`.

    Accepting only roots the knowledge base uses keeps the rules from cutting words
    into fragments (`ikan` is not `ik`), without a root dictionary. A root that is itself
    a prefix (member is no mem- + ber) is no root, nor is an acronym under an affix
    (terapi is no ter- + API, perahu no per- + AHU). A stop word under -nya (caranya,
    katanya) or under -kah/-tah (bagaimanakah) is that stop word.
    """
    # bagaimanakah, apatah: question words; not buku, siku (bu, si + -ku)
    for suffix in (*POSSESSIVES, "kah", "tah"):
        if (word.endswith(suffix) and len(word) - len(suffix) >= 3
                and word[: -len(suffix)] in STOP_WORDS):
            return word[: -len(suffix)]
    best, best_depth, stop_word, stop_depth = word, 0, None, 0
    for candidate, depth in _candidates_with_depth(word, real):
        if candidate == word:
            continue
        if (candidate in STOP_WORDS and len(candidate) > 3
                and (stop_word is None or depth < stop_depth)):
            stop_word, stop_depth = candidate, depth
        # nutup -> tutup: a chat prefix may leave a root as long as the word
        if ((best == word or len(candidate) < len(best)) and candidate in known
                and candidate not in STOP_WORDS and candidate not in _PREFIX_SPELLINGS
                and not (depth and candidate in acronyms)):
            best, best_depth = candidate, depth
    # A stop word (of four letters or more: nahan is no nah + -an) cut as deep as the
    # root beats it: memberikan and berikan are beri + -kan (to give), not ber- + ikan.
    if stop_word and best != word and stop_depth <= best_depth:
        return stop_word
    return best


def _particle_cores(word: str) -> Iterable[str]:
    """`word` without one or two trailing particles or possessives (kursinya -> kursi)."""
    for first in (*PARTICLES, *POSSESSIVES):
        if word.endswith(first) and len(word) > len(first) + 2:
            core = word[: -len(first)]
            yield core
            for second in POSSESSIVES:
                if core.endswith(second) and len(core) > len(second) + 2:
                    yield core[: -len(second)]


def correct_typo(word: str, vocabulary: list[str]) -> str | None:
    """The vocabulary word one slip away from `word` (two for long words), if any.

    Short words only count a missing, extra or swapped letter: one changed letter in a
    short word is usually another real word (marah/merah, pacar/pasar), not a typo.
    """
    if len(word) < 5 or word.isdigit():
        return None
    # Two slips only in long words: at 9-10 letters a second edit often lands on another
    # real word (pernikahan -> perikanan).
    limit = 1 if len(word) < 11 else 2
    hit = process.extractOne(word, vocabulary, scorer=OSA.distance, score_cutoff=limit)
    if hit is None or hit[0][0] != word[0]:  # typos rarely hit the first letter
        return None
    fixed = hit[0]
    if len(word) < 7 and len(fixed) == len(word) and sorted(fixed) != sorted(word):
        return None
    return fixed


# The most frequent English words (about those used at least once per 300,000 words)
# are real words too when someone mixes English in.
COMMON_ENGLISH = 15_000


@cache
def common_words() -> frozenset[str]:
    """Real Indonesian words (wordfreq's list) and common English ones: never typos.

    Without it, a word the base happens not to use is "corrected" to one it does:
    belanja -> belanda, musim -> muslim, utang -> uang.
    """
    return frozenset(wordfreq.get_frequency_dict("id")) | frozenset(
        wordfreq.top_n_list("en", COMMON_ENGLISH))


# Babel's two-letter codes that are no foreign country: Indonesia itself, the EU and euro
# zone, the UN, "outlying Oceania", "unknown" and test locales.
_NOT_COUNTRIES = frozenset({"ID", "EU", "EZ", "UN", "QO", "ZZ", "XA", "XB"})


# The European Union's member states, whose names make a destination in Europe.
EU_MEMBERS = frozenset(
    "AT BE BG HR CY CZ DK EE FI FR DE GR HU IE IT LV LT LU MT NL PL PT RO SK SI ES SE".split())


@cache
def eu_country_words() -> frozenset[str]:
    """Every word of the Indonesian names of the EU's member states (Belanda, Jerman)."""
    names = (Locale("id").territories[code] for code in EU_MEMBERS)
    return frozenset(w for name in names for w in re.findall(r"\w+", name.lower()))


@cache
def country_words() -> frozenset[str]:
    """Every word of every country's Indonesian name but Indonesia's (Belanda, Kanada,
    Korea Selatan, Hong Kong DAK Tiongkok), lower-cased."""
    names = (name for code, name in Locale("id").territories.items()
             if len(code) == 2 and code not in _NOT_COUNTRIES)
    return frozenset(w for name in names for w in re.findall(r"\w+", name.lower()))


def _consonants(word: str) -> str:
    return "".join(c for c in word if c not in _VOWELS)


def _within(short: str, long: str) -> bool:
    """Whether the letters of `short` appear in `long` in order."""
    letters = iter(long)
    return all(c in letters for c in short)


def _frequency(word: str) -> tuple[float, str]:
    return wordfreq.zipf_frequency(word, "id"), word


def _by_first_letter(words: Iterable[str]) -> dict[str, list[str]]:
    out: dict[str, list[str]] = {}
    for word in sorted(words):
        out.setdefault(word[0], []).append(word)
    return out


def names(text: str) -> frozenset[str]:
    """Capitalised words not starting a sentence (Kediri, Dampit), lower-cased."""
    found = set()
    for match in _NAME.finditer(text):
        before = text[: match.start()].rstrip()
        if before and before[-1] not in ".!?":
            found.add(match.group().lower())
    return frozenset(found)


class Normaliser:
    """Question text -> index terms, built once from the base's words and its vocabulary.

    `texts` are all texts of the knowledge base (their words are the roots stemming may
    use and the words typos are corrected to); `slang` maps chat spellings to full words;
    `synonym_groups` are groups of words or phrases meaning one thing, first one canonical;
    `whole_words` are kept as they are, never stemmed or corrected (product names: kursi is
    not kurs + -i); `real_words` are words of the language, never corrected as typos;
    `fillers` are courtesy phrases of two words or more, left out (izin tanya).
    """

    def __init__(
        self,
        texts: Iterable[str],
        slang: Mapping[str, tuple[str, ...]],
        synonym_groups: Iterable[tuple[str, ...]],
        whole_words: Iterable[str] = (),
        real_words: frozenset[str] = frozenset(),
        fillers: Iterable[str] = (),
    ) -> None:
        self.real_words = real_words
        groups = [tuple(g) for g in synonym_groups if g]
        self.slang = dict(slang)
        self._whole = {
            w for w in (*self.slang, *(m.lower() for g in groups for m in g))
            if _JOINED.search(w)
        }
        words: set[str] = set()
        proper: set[str] = set()  # Jepang, Australia, Jeddah: what a name's typo may mean
        acronyms: set[str] = set()  # API, AHU: never the root of an affixed word
        for text in texts:
            words.update(self._surface(text))
            proper.update(names(text))
            acronyms.update(a.lower() for a in ACRONYM.findall(text))
        self._acronyms = frozenset(acronyms)
        for group in groups:
            for member in group:
                words.update(self._surface(member))
        self._keep = frozenset(
            w for text in whole_words for w in self._surface(text)) - STOP_WORDS
        # A product name the base never uses is the root of its own -nya/-lah forms only:
        # nilai is no nila + -i, tunai no tuna + -i.
        self._only_kept = self._keep - words
        self._base_words = frozenset(words - STOP_WORDS)
        words.update(self._keep)
        words.difference_update(STOP_WORDS)
        self.known = frozenset(words)
        # Typos are corrected to the base's words, to a chat spelling the vocabulary knows
        # (peracnis -> perancis -> prancis), or to a stop word (seklai -> sekali), which is
        # then dropped; a name's typo only to a name the base uses.
        self._by_letter = _by_first_letter(self.known | STOP_WORDS | {
            k for k, v in self.slang.items() if len(k) >= 5 and k.isalpha() and len(v) == 1})
        self._names_by_letter = _by_first_letter(proper & self.known)
        # Chat writes words as their consonants (kmsn, dkmn, srtfkt): a vowel-less word
        # stands for the one base or stop word with those consonants, if only one has.
        skeletons: dict[str, set[str]] = {}
        for word in self.known | STOP_WORDS:
            if len(word) >= 4 and word.isalpha():
                skeletons.setdefault(_consonants(word), set()).add(word)
        self._skeletons = {k: next(iter(v)) for k, v in skeletons.items()
                           if len(v) == 1 and len(k) >= 3}
        # ...or keeps a vowel or two (ekspr, krntina, mdu), drops the n of ng (stgh) or a
        # doubled letter (ingrs): such a word stands for the commonest base, stop or chat
        # word it spells in part, every other consonant kept.
        self._by_consonants: dict[str, list[str]] = {}
        for word in sorted(self.known | STOP_WORDS | {
                k for k, v in self.slang.items() if k.isalpha() and len(v) == 1}):
            if len(word) >= 3 and word.isalpha():
                single = _DOUBLED.sub(r"\1", word)  # inggris is written ingris too
                spellings = {word, single, word.replace("ng", "g"), single.replace("ng", "g")}
                for key in {_consonants(spelling) for spelling in spellings}:
                    if len(key) >= 2:
                        self._by_consonants.setdefault(key, []).append(word)
        # Acronyms and short words letters spelt out may stand for (en i be -> nib), and
        # the longer base words a split word may be (ek spor -> ekspor).
        self._spellable = frozenset(
            w for w in (*self.known, *self.slang) if w.isalpha() and 2 <= len(w) <= 6
            and (w in acronyms or w not in real_words or not _VOWELS & set(w)))
        self._joinable = frozenset(w for w in self._base_words if len(w) >= 5 and w.isalpha())
        self._cache: dict[str, str] = {}
        self._roots: dict[tuple[str, bool], tuple[str, ...]] = {}
        # A synonym whose root is another everyday word (pembeli -> beli, perorangan ->
        # orang, hukuman -> hukum) is kept whole, or the group would swallow that word.
        for group in groups:
            members = {m.lower() for m in group}
            for member in members:
                root = stem(member, self.known, self.real_words, self._acronyms)
                if (member.isalpha() and member in real_words and root != member
                        and root in real_words and root not in members):
                    self._keep |= {member}
        # Courtesy phrases (izin tanya, numpang tanya) say nothing about the topic: they
        # map to "" and are left out, so "izin" there is no permit.
        self.phrases: dict[tuple[str, ...], str] = {}
        for filler in fillers:
            key = tuple(self._stems(self._surface(filler)))
            if len(key) > 1:
                self.phrases[key] = ""
        for group in groups:
            canonical = " ".join(self._stems(self._surface(group[0])))
            for member in group:
                key = tuple(self._stems(self._surface(member)))
                if key:
                    self.phrases.setdefault(key, canonical)
        # First word of a phrase -> its longest phrase, so most words skip the lookup.
        self._longest_from: dict[str, int] = {}
        for key in self.phrases:
            self._longest_from[key[0]] = max(self._longest_from.get(key[0], 0), len(key))

    def _surface(self, text: str, spoken: bool = False) -> list[str]:
        words: list[str] = []
        for word in tokenize(text, self._whole):
            # A number glued to its unit (30kg, 300jt) is the number and the unit, unless
            # the vocabulary spells it so itself (20ft).
            glued = _NUMBER_UNIT.fullmatch(word)
            if glued and word not in self.slang:
                words.extend(glued.groups())
            else:
                words.append(word)
        if spoken:
            words = [self._unstretched(w) if _STRETCHED.search(w) else w for w in words]
            words = self._split_words_joined(self._letters_joined(words))
            words = [part for w in words for part in self._run_together(w)]
        return expand_slang(words, self.slang)

    def _unstretched(self, word: str) -> str:
        """A word with a letter held for emphasis (halaaal, jepanggg, cooo) as written:
        the held letter once, or twice if only that spelling is a word (coo)."""
        once, twice = _STRETCHED.sub(r"\1", word), _STRETCHED.sub(r"\1\1", word)
        for spelling in (once, twice):
            if spelling in self.known or spelling in self.slang or spelling in STOP_WORDS:
                return spelling
        return once

    def _run_together(self, word: str) -> list[str]:
        """Words typed without a space (halalselfdeclare, syaratekspor) apart again, when
        the word reads as nothing else: two or three pieces the base or the stop words know,
        the fewest pieces first."""
        if (len(word) < 7 or not word.isalpha() or word in self.known or word in self.slang
                or word in self.real_words or word in STOP_WORDS
                or self.root(word) in self.known):
            return [word]

        def piece(part: str) -> bool:
            return len(part) >= 3 and (part in self._base_words or part in STOP_WORDS)

        best: list[str] | None = None
        for i in range(3, len(word) - 2):
            head, tail = word[:i], word[i:]
            if not piece(head):
                continue
            if piece(tail):
                split = [head, tail]
            else:
                split = next(([head, tail[:j], tail[j:]] for j in range(3, len(tail) - 2)
                              if piece(tail[:j]) and piece(tail[j:])), None)
            if split and any(p in self._base_words for p in split) and (
                    best is None or (len(split), -min(map(len, split)))
                    < (len(best), -min(map(len, best)))):
                best = split
        return best or [word]

    def _letters_joined(self, words: list[str]) -> list[str]:
        """Letters spelt out as voice typing writes them put together: en i be -> nib,
        ei dabel yu be -> awb; only into an acronym or short word the base knows."""
        out: list[str] = []
        i = 0
        while i < len(words):
            letters: list[str] = []
            ends: list[int] = []
            j = i
            while j < len(words):
                if words[j] in _DOUBLE_U and words[j + 1 : j + 2] in (["yu"], ["u"]):
                    letters.append("w")
                    j += 2
                elif words[j] in _LETTER_NAMES:
                    letters.append(_LETTER_NAMES[words[j]])
                    j += 1
                else:
                    break
                ends.append(j)
            for size in range(len(letters), 1, -1):
                joined = "".join(letters[:size])
                if joined in self._spellable:
                    out.append(joined)
                    i = ends[size - 1]
                    break
            else:
                out.append(words[i])
                i += 1
        return out

    def _split_words_joined(self, words: list[str]) -> list[str]:
        """Two pieces of one base word put back together (ek spor -> ekspor, cuka i ->
        cukai) when one piece is a lone letter or no word at all."""
        def stray(word: str) -> bool:
            return len(word) == 1 or not (
                word in self.known or word in self.real_words or word in STOP_WORDS
                or word in self.slang or word.isdigit())

        out: list[str] = []
        i = 0
        while i < len(words):
            pair = words[i : i + 2]
            if (len(pair) == 2 and pair[0] + pair[1] in self._joinable
                    and (stray(pair[0]) or stray(pair[1]))):
                out.append(pair[0] + pair[1])
                i += 2
            else:
                out.append(words[i])
                i += 1
        return out

    def _stems(self, words: Iterable[str], names: frozenset[str] = frozenset()) -> list[str]:
        out: list[str] = []
        for word in words:
            guess = word not in names
            roots = self._roots.get((word, guess))
            if roots is None:
                roots = tuple(self.root(full, guess) for full in self._unslang(word))
                if len(self._roots) < 100_000:
                    self._roots[(word, guess)] = roots
            out.extend(roots)
        return out

    def _unslang(self, word: str) -> tuple[str, ...]:
        """Slang hidden behind a suffix: `ongkirnya` -> `ongkos kirim`. Two letters take
        only -nya (hpnya), or salah, suku and koin would be sa + -lah, su + -ku, ko + -in."""
        for suffix in ("nya", "in", "lah", "kah", "ku", "mu"):
            core = word[: -len(suffix)]
            if len(core) <= 2 and suffix != "nya":
                continue
            if word.endswith(suffix) and core in self.slang and core not in self.known:
                return self.slang[core]
        return (word,)

    def root(self, word: str, guess: bool = True) -> str:
        """The stem of one word; with `guess`, typo-corrected if the base never uses it."""
        key = word if guess else word + "\0"
        cached = self._cache.get(key)
        if cached is not None:
            return cached
        result = self._spelled_root(word)
        if (result == word and len(word) > 4 and word.endswith("s") and word not in self.known
                and word[:-1] in self.known):
            result = self._spelled_root(word[:-1])  # English plural: buyers -> buyer
        if (result == word and word not in STOP_WORDS and not word.isdigit()
                and word not in self._whole and word not in self.known
                and word not in self.real_words):
            fixed = self._correct(word, self._by_letter if guess else self._names_by_letter)
            if fixed is not None:
                result = self._spelled_root(fixed)
        if result in self.slang and len(self.slang[result]) == 1:
            result = self.slang[result][0]  # dipake -> pake -> pakai
        if len(self._cache) < 100_000:
            self._cache[key] = result
        return result

    def _spelled_root(self, word: str) -> str:
        """The stem of a word taken as spelled (no typo correction)."""
        if word in STOP_WORDS or word.isdigit() or word in self._whole or word in self._keep:
            return word
        if kept := next((k for k in _particle_cores(word) if k in self._keep), None):
            return kept  # kursinya -> kursi, not kurs + -i + -nya
        result = stem(word, self.known, self.real_words, self._acronyms)
        # A root is its own root: nyantumin -> cantumin, which the base (like cantumkan)
        # indexes as cantumkan.
        for _ in range(2):
            if result == word:
                break
            again = stem(result, self.known, self.real_words, self._acronyms)
            if again == result:
                break
            result = again
        if result in self._only_kept:
            result = stem(word, self._base_words, self.real_words, self._acronyms)
        return result

    def _correct(self, word: str, vocabulary: dict[str, list[str]]) -> str | None:
        """`word` with its typo fixed, also inside affixes (komposiisinya -> komposisi)."""
        if _consonants(word) == word and word in self._skeletons:
            return self._skeletons[word]
        if (spelled := self._vowels_dropped(word)) is not None:
            return spelled
        candidates = dict.fromkeys(affix_candidates(word, self.real_words))
        for candidate in candidates:
            # Chat Indonesian says e for a in a closed last syllable: dapet, bates(in).
            spoken = _SPOKEN_E.sub(r"a\1", candidate)
            if spoken != candidate and spoken in self.known:
                return spoken
        for candidate in candidates:
            # Only affixes cut off, no letter put back by a nasal (ngadu is no typo of
            # kayu), and a real word under the affixes (asingnya) is no typo.
            if candidate not in word or (candidate != word and candidate in self.real_words):
                continue
            fixed = correct_typo(candidate, vocabulary.get(candidate[0], []))
            if fixed is not None:
                return fixed
        return None

    def _vowels_dropped(self, word: str) -> str | None:
        """The commonest word `word` spells with vowels left out (krntina -> karantina)."""
        if len(word) < 3 or not word.isalpha():
            return None
        spelled = [w for w in self._by_consonants.get(_consonants(word), ())
                   if len(w) > len(word) and w[0] == word[0] and _within(word, w)]
        return max(spelled, key=_frequency) if spelled else None

    def terms(self, text: str) -> list[str]:
        """The index terms of `text`, in order, synonyms canonical, stop words dropped."""
        # Capitalised words after the first are names (Kediri, Dampit): only ever
        # corrected to a name the base uses (Austrlia -> australia).
        stems = self._stems(self._surface(text, spoken=True), names(text))
        out: list[str] = []
        i = 0
        while i < len(stems):
            longest = self._longest_from.get(stems[i], 0)
            for size in range(min(longest, len(stems) - i), 0, -1):
                canonical = self.phrases.get(tuple(stems[i : i + size]))
                if canonical is not None and self._outreached(stems, i, size):
                    continue  # ekspor [bea cukai], not [ekspor bea] (export duty) cukai
                if canonical is not None:
                    if canonical:
                        out.append(canonical)
                    i += size
                    break
            else:
                # A phrase still reads across a stop word put inside it ("barang yang
                # dibatasi" is "barang dibatasi").
                skipped = self._phrase_across_stop_words(stems, i)
                if skipped is not None:
                    canonical, i = skipped
                    if canonical:
                        out.append(canonical)
                    continue
                word = stems[i]
                if word not in STOP_WORDS and (len(word) > 1 or word.isdigit()):
                    out.append(word)
                i += 1
        return out

    def _outreached(self, stems: list[str], i: int, size: int) -> bool:
        """Whether a phrase starting inside stems[i : i + size] reaches further than it."""
        if size < 2:
            return False
        for k in range(i + 1, i + size):
            for reach in range(min(self._longest_from.get(stems[k], 0), len(stems) - k),
                               i + size - k, -1):
                if tuple(stems[k : k + reach]) in self.phrases:
                    return True
        return False

    def _phrase_across_stop_words(self, stems: list[str], i: int) -> tuple[str, int] | None:
        """(canonical, index after it) of the longest phrase at `i` with stop words skipped."""
        longest = self._longest_from.get(stems[i], 0)
        if longest < 2 or stems[i] in STOP_WORDS:
            return None
        kept, ends = [stems[i]], [i + 1]
        j = i + 1
        while j < len(stems) and len(kept) < longest and j - i <= 2 * longest:
            if stems[j] not in STOP_WORDS:
                kept.append(stems[j])
                ends.append(j + 1)
            j += 1
        for size in range(len(kept), 1, -1):
            if ends[size - 1] - i == size:
                continue  # no stop word inside: already tried as it stands
            canonical = self.phrases.get(tuple(kept[:size]))
            if canonical is not None:
                return canonical, ends[size - 1]
        return None

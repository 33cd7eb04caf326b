"""`exportbot kb check`: every mistake an admin can make is one `file:line: message` line."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from bot.config import MatcherConfig
from bot.knowledge import KnowledgeError, check_knowledge, load_knowledge

FIXTURES = Path(__file__).parent / "fixtures" / "knowledge"

# Line numbers below refer to this text: line 1 is "category: ...".
ENTRY = """\
category: Legalitas
entries:
  - id: nib-oss
    title: NIB lewat OSS
    questions:
      - Apa itu NIB?
      - gmn cara bikin nib
    keywords: [nib, oss]
    answer: |
      NIB adalah identitas pelaku usaha dari OSS.
    sources:
      - title: OSS
        url: https://oss.go.id
    reviewed: 2026-11-22
    related: [npwp]
  - id: npwp
    title: NPWP
    questions: ["Apa itu NPWP?"]
    answer: NPWP adalah nomor pokok wajib pajak.
    sources:
      - title: DJP
        url: https://www.pajak.go.id
    reviewed: 2026-11-22
"""


def problems_for(tmp_path: Path, text: str, name: str = "legalitas.yaml") -> list[str]:
    (tmp_path / name).write_text(text, encoding="utf-8")
    return [str(p) for p in check_knowledge(tmp_path)]


def test_valid_base_has_no_problems(tmp_path: Path) -> None:
    assert problems_for(tmp_path, ENTRY) == []


def test_shipped_knowledge_base_passes_the_check() -> None:
    assert check_knowledge(Path(__file__).parents[1] / "knowledge") == []


def test_fixture_base_loads_with_entries_in_file_order() -> None:
    kb = load_knowledge(FIXTURES, MatcherConfig())
    assert list(kb.entries)[:3] == ["peb-ceisa", "kode-hs", "pasar-jepang"]
    assert kb.categories["Transaksi"] == ["incoterms"]
    entry = kb.entry("halal-reguler")
    assert entry is not None and entry.file == "sertifikasi.yaml"
    assert entry.reviewed == dt.date(2026, 11, 22)
    assert entry.related == ("halal-self-declare",)
    assert set(kb.files) >= {"kosakata.yaml", "sertifikasi.yaml"}


def test_yaml_syntax_error_names_its_line(tmp_path: Path) -> None:
    text = ENTRY.replace("    title: NIB lewat OSS", "    title: [NIB lewat OSS")
    [problem] = problems_for(tmp_path, text)
    assert problem.startswith("legalitas.yaml:5: YAML syntax error:")


def test_top_level_list_instead_of_mapping(tmp_path: Path) -> None:
    assert problems_for(tmp_path, "- id: nib-oss\n") == [
        "legalitas.yaml:1: the file must be a mapping of 'key: value' lines"
    ]


def test_missing_entries_list(tmp_path: Path) -> None:
    assert problems_for(tmp_path, "category: Legalitas\n") == [
        "legalitas.yaml:1: missing 'entries:' (the list of entries)"
    ]


def test_missing_required_field(tmp_path: Path) -> None:
    text = ENTRY.replace("    reviewed: 2026-11-22\n    related: [npwp]\n", "")
    assert problems_for(tmp_path, text) == ["legalitas.yaml:3: entry is missing 'reviewed'"]


def test_empty_answer(tmp_path: Path) -> None:
    text = ENTRY.replace("answer: NPWP adalah nomor pokok wajib pajak.", "answer:")
    assert problems_for(tmp_path, text) == ["legalitas.yaml:19: answer is empty"]


def test_empty_questions_list(tmp_path: Path) -> None:
    text = ENTRY.replace('questions: ["Apa itu NPWP?"]', 'questions: []')
    assert problems_for(tmp_path, text) == [
        "legalitas.yaml:18: questions is empty: give at least one"
    ]


def test_id_must_be_kebab_case(tmp_path: Path) -> None:
    text = ENTRY.replace("id: npwp", "id: NPWP_Badan").replace("[npwp]", "[NPWP_Badan]")
    assert problems_for(tmp_path, text) == [
        "legalitas.yaml:16: id 'NPWP_Badan' must be kebab-case: lower-case letters, digits "
        "and single hyphens, e.g. 'halal-reguler'"
    ]


def test_duplicate_id_across_files_names_both_places(tmp_path: Path) -> None:
    (tmp_path / "a.yaml").write_text(ENTRY, encoding="utf-8")
    problems = problems_for(tmp_path, ENTRY.replace("related: [npwp]", "related: []"),
                            name="b.yaml")
    assert problems == [
        "b.yaml:3: duplicate id 'nib-oss' (also at a.yaml:3)",
        "b.yaml:16: duplicate id 'npwp' (also at a.yaml:16)",
    ]


def test_related_to_unknown_id_suggests_the_near_one(tmp_path: Path) -> None:
    text = ENTRY.replace("related: [npwp]", "related: [npwpp]")
    assert problems_for(tmp_path, text) == [
        "legalitas.yaml:15: related: unknown id 'npwpp' (did you mean 'npwp'?)"
    ]


@pytest.mark.parametrize("url", ["http://oss.go.id", "oss.go.id", "https://oss", "https:// x.id"])
def test_source_url_must_be_https(tmp_path: Path, url: str) -> None:
    text = ENTRY.replace("url: https://oss.go.id", f"url: '{url}'")
    assert problems_for(tmp_path, text) == [
        f"legalitas.yaml:13: source url '{url}' must be a full https:// address, "
        "e.g. https://oss.go.id"
    ]


def test_reviewed_must_be_a_date(tmp_path: Path) -> None:
    text = ENTRY.replace("reviewed: 2026-11-22\n    related", "reviewed: 22-11-2026\n    related")
    assert problems_for(tmp_path, text) == [
        "legalitas.yaml:14: reviewed must be a date written YYYY-MM-DD, e.g. 2026-11-22; "
        "got '22-11-2026'"
    ]


def test_answer_too_long_for_one_telegram_message(tmp_path: Path) -> None:
    text = ENTRY.replace("NPWP adalah nomor pokok wajib pajak.", "panjang " * 500)
    assert problems_for(tmp_path, text) == [
        "legalitas.yaml:19: answer is 3999 characters; the limit is 3500 so it fits one "
        "Telegram message"
    ]


def test_misspelt_key_is_reported_with_a_suggestion(tmp_path: Path) -> None:
    text = ENTRY.replace('questions: ["Apa itu NPWP?"]', 'queston: ["Apa itu NPWP?"]')
    assert problems_for(tmp_path, text) == [
        "legalitas.yaml:16: entry is missing 'questions'",
        "legalitas.yaml:18: unknown key 'queston' in an entry (did you mean 'questions'?)",
    ]


def test_all_problems_are_reported_sorted(tmp_path: Path) -> None:
    text = ENTRY.replace("url: https://oss.go.id", "url: http://oss.go.id").replace(
        "answer: NPWP adalah nomor pokok wajib pajak.", "answer: ''")
    assert problems_for(tmp_path, text) == [
        "legalitas.yaml:13: source url 'http://oss.go.id' must be a full https:// address, "
        "e.g. https://oss.go.id",
        "legalitas.yaml:19: answer is empty",
    ]


def test_yaml_bomb_aliases_are_rejected_not_expanded(tmp_path: Path) -> None:
    bomb = 'a: &a ["x","x","x","x","x","x","x","x","x"]\nb: &b [*a,*a,*a,*a,*a,*a,*a,*a]\n'
    assert problems_for(tmp_path, bomb) == [
        "legalitas.yaml:1: YAML anchor '&a' is not allowed"
    ]


def test_alias_without_anchor_is_rejected(tmp_path: Path) -> None:
    text = ENTRY.replace("title: NPWP", "title: *judul")
    [problem] = problems_for(tmp_path, text)
    assert problem.startswith("legalitas.yaml:17: ")


def test_python_tag_is_rejected(tmp_path: Path) -> None:
    text = ENTRY.replace("title: NPWP", "title: !!python/object/apply:os.system [echo hi]")
    assert problems_for(tmp_path, text) == [
        "legalitas.yaml:17: YAML tag '!!python/object/apply:os.system' is not allowed"
    ]


def test_custom_tag_is_rejected(tmp_path: Path) -> None:
    text = ENTRY.replace("title: NPWP", "title: !rahasia NPWP")
    assert problems_for(tmp_path, text) == ["legalitas.yaml:17: YAML tag '!rahasia' is not allowed"]


def test_vocabulary_file_shape_errors(tmp_path: Path) -> None:
    (tmp_path / "legalitas.yaml").write_text(ENTRY, encoding="utf-8")
    vocabulary = "singkatan:\n  gmn: gimana\nsinonim:\n  - [kemasan]\n  - kemasan\nistilh: {}\n"
    assert problems_for(tmp_path, vocabulary, name="kosakata.yaml") == [
        "kosakata.yaml:4: a sinonim group needs at least two words",
        "kosakata.yaml:5: a sinonim group must be a list (lines starting with '- ' or [a, b])",
        "kosakata.yaml:6: unknown key 'istilh' in kosakata.yaml (did you mean 'istilah'?)",
    ]


def test_a_word_in_two_synonym_groups_is_reported(tmp_path: Path) -> None:
    """Which group would win is an accident of order, so the check names both lines."""
    (tmp_path / "legalitas.yaml").write_text(ENTRY, encoding="utf-8")
    vocabulary = ("istilah:\n  UKM: usaha kecil menengah\nsinonim:\n"
                  "  - [umkm, ukm, ikm]\n  - [kemasan, packaging]\n")
    assert problems_for(tmp_path, vocabulary, name="kosakata.yaml") == [
        "kosakata.yaml:4: 'ukm' is already in the istilah/sinonim group on line 2: "
        "a word belongs to one group only",
    ]


def test_a_stop_word_cannot_be_a_synonym(tmp_path: Path) -> None:
    """'terima' as a synonym of diterima made every 'terima kasih' mean diterima."""
    (tmp_path / "legalitas.yaml").write_text(ENTRY, encoding="utf-8")
    vocabulary = "sinonim:\n  - [diterima, accepted, terima]\n"
    assert problems_for(tmp_path, vocabulary, name="kosakata.yaml") == [
        "kosakata.yaml:2: 'terima' is a word the bot ignores in questions (like 'apa', "
        "'terima'); it cannot be a synonym",
    ]


def test_a_list_phrase_of_ignored_words_is_reported(tmp_path: Path) -> None:
    """'oleh oleh' reads as nothing, so it would never mark a question as another topic;
    a product name the bot keeps whole (agar-agar) is fine."""
    (tmp_path / "legalitas.yaml").write_text(ENTRY, encoding="utf-8")
    vocabulary = ("topik_lain:\n  - hadiah\n  - oleh oleh\n"
                  "nama_produk: [tempe, tahu, agar-agar]\n")
    assert problems_for(tmp_path, vocabulary, name="kosakata.yaml") == [
        "kosakata.yaml:3: topik_lain 'oleh oleh' has only words the bot ignores in questions "
        "(like 'apa', 'oleh'), so it never matches; add a word that names the topic",
        "kosakata.yaml:4: nama_produk 'tahu' has only words the bot ignores in questions "
        "(like 'apa', 'oleh'), so it never matches; add a word that names the topic",
    ]


def test_a_courtesy_phrase_needs_two_words(tmp_path: Path) -> None:
    """basa_basi 'izin' alone would drop the word from 'izin edar' too."""
    (tmp_path / "legalitas.yaml").write_text(ENTRY, encoding="utf-8")
    vocabulary = "basa_basi:\n  - izin tanya\n  - izin\n"
    assert problems_for(tmp_path, vocabulary, name="kosakata.yaml") == [
        "kosakata.yaml:3: basa_basi 'izin' needs at least two words, e.g. 'izin tanya'",
    ]


def test_an_off_topic_phrase_needs_two_words_the_bot_reads(tmp_path: Path) -> None:
    """di_luar_topik 'kurs sekarang' reads as 'kurs' alone and would decline every
    question about exchange rates, so the check reports it."""
    (tmp_path / "legalitas.yaml").write_text(ENTRY, encoding="utf-8")
    vocabulary = "di_luar_topik:\n  - kurs hari ini\n  - kurs sekarang\n"
    assert problems_for(tmp_path, vocabulary, name="kosakata.yaml") == [
        "kosakata.yaml:3: di_luar_topik 'kurs sekarang' needs at least two words the bot "
        "reads, e.g. 'kurs hari ini'",
    ]


def test_invalid_base_is_never_loaded(tmp_path: Path) -> None:
    (tmp_path / "legalitas.yaml").write_text(ENTRY.replace("related: [npwp]", "related: [x]"))
    with pytest.raises(KnowledgeError) as caught:
        load_knowledge(tmp_path, MatcherConfig())
    assert [str(p) for p in caught.value.problems] == [
        "legalitas.yaml:15: related: unknown id 'x'"
    ]


def test_uploaded_file_is_checked_against_the_rest_of_the_folder(tmp_path: Path) -> None:
    (tmp_path / "legalitas.yaml").write_text(ENTRY, encoding="utf-8")
    upload = ENTRY.replace("nib-oss", "nib-baru").replace("id: npwp", "id: npwp-lagi")
    assert check_knowledge(tmp_path, overrides={"baru.yaml": upload}) == []
    clash = ENTRY.replace("related: [npwp]", "related: []").replace("id: npwp", "id: npwp-2")
    assert [str(p) for p in check_knowledge(tmp_path, overrides={"baru.yaml": clash})] == [
        "baru.yaml:3: duplicate id 'nib-oss' (also at legalitas.yaml:3)"
    ]
    assert check_knowledge(tmp_path, overrides={"legalitas.yaml": None}) != []


def test_reload_reports_added_changed_and_removed_entries(tmp_path: Path) -> None:
    (tmp_path / "legalitas.yaml").write_text(ENTRY, encoding="utf-8")
    old = load_knowledge(tmp_path, MatcherConfig())
    changed = ENTRY.replace("NIB adalah identitas", "NIB ialah identitas").replace(
        "id: npwp", "id: npwp-badan").replace("[npwp]", "[npwp-badan]")
    (tmp_path / "legalitas.yaml").write_text(changed, encoding="utf-8")
    new = load_knowledge(tmp_path, MatcherConfig())
    changes = new.changes_from(old)
    assert (changes.added, changes.changed, changes.removed) == (
        ("npwp-badan",), ("nib-oss",), ("npwp",))
    assert new.files["legalitas.yaml"] != old.files["legalitas.yaml"]

"""Small knowledge files for the admin tests: fast to load, easy to break on purpose."""

from __future__ import annotations

from pathlib import Path


def entry_yaml(entry_id: str, title: str, question: str, answer: str = "",
               related: str = "") -> str:
    """One entry, indented as an item of `entries:`."""
    lines = [
        f"  - id: {entry_id}",
        f"    title: {title}",
        "    questions:",
        f"      - {question}",
        f"    keywords: [{title.lower()}]",
        "    answer: |",
        f"      {answer or 'Jawaban tentang ' + title.lower() + '.'}",
        "    sources:",
        "      - title: Portal resmi",
        "        url: https://oss.go.id",
        "    reviewed: 2026-11-22",
    ]
    if related:
        lines.append(f"    related: [{related}]")
    return "\n".join(lines) + "\n"


def file_yaml(category: str, *entries: str) -> str:
    return f"category: {category}\nentries:\n" + "".join(entries)


LEGALITAS = file_yaml(
    "Legalitas",
    entry_yaml("nib-oss", "NIB lewat OSS", "Bagaimana cara membuat NIB di OSS?",
               "NIB dibuat lewat oss.go.id."),
    entry_yaml("npwp-usaha", "NPWP usaha", "Apakah perlu NPWP untuk ekspor?",
               related="nib-oss"),
)
KEMASAN = file_yaml(
    "Kemasan",
    entry_yaml("label-ekspor", "Label kemasan ekspor", "Label kemasan ekspor harus apa?"),
)
NEW_ENTRY = entry_yaml("sarang-walet", "Ekspor sarang walet",
                       "Bagaimana cara ekspor sarang burung walet ke China?",
                       "Sarang walet perlu registrasi GACC dan sertifikat karantina.")


def small_knowledge(folder: Path) -> Path:
    """Write a valid two-file knowledge base into `folder` and return it."""
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "legalitas.yaml").write_text(LEGALITAS, encoding="utf-8")
    (folder / "kemasan.yaml").write_text(KEMASAN, encoding="utf-8")
    return folder


BOMB = """category: Bom
entries:
  - id: bom
    title: &a [lol, lol, lol, lol, lol, lol, lol, lol, lol]
    questions: [*a, *a, *a, *a, *a, *a, *a, *a, *a]
"""
PYTHON_TAG = """category: Jahat
entries:
  - id: jahat
    title: !!python/object/apply:os.system ["echo pwned"]
    questions: [a]
"""

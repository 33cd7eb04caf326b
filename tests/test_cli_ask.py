"""`exportbot ask --json`: the contract scripts and benchmarks rely on."""

from __future__ import annotations

import io
import json
from pathlib import Path

import pytest

from bot.cli import main

FIXTURES = Path(__file__).parent / "fixtures" / "knowledge"


@pytest.fixture
def config(tmp_path: Path) -> Path:
    path = tmp_path / "config.yaml"
    path.write_text(
        f"knowledge_dir: {FIXTURES}\ndatabase: {tmp_path / 'db.sqlite3'}\n"
        "matcher:\n  answer_threshold: 0.5\n  suggest_threshold: 0.5\n",
        encoding="utf-8",
    )
    return path


def ask(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, list[dict]]:
    code = main(["ask", "--json", *args])
    lines = capsys.readouterr().out.splitlines()
    return code, [json.loads(line) for line in lines]


def test_one_question_gets_one_json_answer(
    config: Path, capsys: pytest.CaptureFixture[str],
) -> None:
    code, records = ask(capsys, "--config", str(config), "PEB itu apa sih")
    assert code == 0
    [record] = records
    assert set(record) == {"question", "id", "score", "suggestions"}
    assert record["question"] == "PEB itu apa sih"
    assert record["id"] == "peb-ceisa"
    assert 0 < record["score"] <= 1
    assert record["suggestions"] == []


def test_stdin_questions_answered_in_order_skipping_blank_lines(
    config: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch,
) -> None:
    stdin = "bedanya FOB sama CIF apa\n\nhalal\ncara daftar BPJS kesehatan\n"
    monkeypatch.setattr("sys.stdin", io.StringIO(stdin))
    code, records = ask(capsys, "--config", str(config))
    assert code == 0
    assert [r["question"] for r in records] == [
        "bedanya FOB sama CIF apa", "halal", "cara daftar BPJS kesehatan"]
    answer, suggest, unknown = records
    assert answer["id"] == "incoterms" and answer["suggestions"] == []
    assert suggest["id"] is None
    assert set(suggest["suggestions"]) == {"halal-self-declare", "halal-reguler"}
    assert unknown["id"] is None and unknown["suggestions"] == []


def test_knowledge_option_overrides_the_config(
    tmp_path: Path, capsys: pytest.CaptureFixture[str],
) -> None:
    config = tmp_path / "config.yaml"
    config.write_text(f"knowledge_dir: {tmp_path / 'nowhere'}\n"
                      f"database: {tmp_path / 'db.sqlite3'}\n", encoding="utf-8")
    code, records = ask(capsys, "--config", str(config), "--knowledge", str(FIXTURES),
                        "kode HS itu apa")
    assert code == 0
    assert records[0]["id"] == "kode-hs"


def test_invalid_knowledge_base_prints_problems_and_fails(
    tmp_path: Path, config: Path, capsys: pytest.CaptureFixture[str],
) -> None:
    (tmp_path / "kb").mkdir()
    (tmp_path / "kb" / "rusak.yaml").write_text("entries: [\n", encoding="utf-8")
    code = main(["ask", "--json", "--config", str(config), "--knowledge",
                 str(tmp_path / "kb"), "PEB itu apa"])
    captured = capsys.readouterr()
    assert code == 1
    assert captured.out == ""
    assert captured.err.startswith("rusak.yaml:2: YAML syntax error")


def test_kb_check_prints_file_line_messages(
    tmp_path: Path, config: Path, capsys: pytest.CaptureFixture[str],
) -> None:
    (tmp_path / "kb").mkdir()
    (tmp_path / "kb" / "a.yaml").write_text("category: A\nentries:\n  - id: Salah\n")
    code = main(["kb", "check", "--config", str(config), "--knowledge", str(tmp_path / "kb")])
    out = capsys.readouterr().out.splitlines()
    assert code == 1
    assert "a.yaml:3: entry is missing 'answer'" in out
    assert out[-1].startswith("a.yaml:3: id 'Salah' must be kebab-case")


def test_thanks_is_out_of_scope_in_json_and_thanked_in_plain_text(
    config: Path, capsys: pytest.CaptureFixture[str],
) -> None:
    code, [record] = ask(capsys, "--config", str(config), "makasih min 🙏")
    assert code == 0 and record["id"] is None and record["suggestions"] == []
    assert main(["ask", "--config", str(config), "makasih min 🙏"]) == 0
    assert capsys.readouterr().out.startswith("Sama-sama")

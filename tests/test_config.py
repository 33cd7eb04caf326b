"""config.yaml: defaults, path resolution, and one clear line for every mistake."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from bot.cli import main
from bot.config import ConfigError, load_config

ROOT = Path(__file__).resolve().parent.parent


def write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "config.yaml"
    path.write_text(text, encoding="utf-8")
    return path


def test_shipped_config_loads_with_paths_next_to_it() -> None:
    config = load_config(ROOT / "config.yaml")
    assert config.knowledge_dir == ROOT / "knowledge"
    assert config.database == ROOT / "data" / "exportbot.sqlite3"
    assert config.telegram.api_base_url == "https://api.telegram.org/bot"
    assert config.events.reminder_day_before == dt.time(16, 0)
    assert str(config.timezone) == "Asia/Jakarta"


def test_relative_paths_resolve_against_the_config_folder(tmp_path: Path) -> None:
    config = load_config(write(tmp_path, "knowledge_dir: kb\ndatabase: db/x.sqlite3\n"))
    assert config.knowledge_dir == tmp_path / "kb"
    assert config.database == tmp_path / "db" / "x.sqlite3"


def test_token_comes_only_from_the_environment(tmp_path: Path,
                                               monkeypatch: pytest.MonkeyPatch) -> None:
    config = load_config(write(tmp_path, "admins: [1]\n"))
    monkeypatch.delenv("TELEGRAM_BOT_TOKEN", raising=False)
    assert config.token is None
    monkeypatch.setenv("TELEGRAM_BOT_TOKEN", "42:abc")
    assert config.token == "42:abc"


@pytest.mark.parametrize(("text", "key", "problem"), [
    ("admins: [one]\n", "'admins'", "list of Telegram user ids"),
    ("matcher:\n  answer_threshold: 2\n", "'matcher.answer_threshold'", "between 0 and 1"),
    ("matcher:\n  answer_threshold: 0.3\n  suggest_threshold: 0.4\n",
     "'matcher.suggest_threshold'", "must not be above"),
    ("telegram:\n  api_base_url: ftp://x\n", "'telegram.api_base_url'", "http"),
    ("timezone: Mars/Olympus\n", "'timezone'", "unknown time zone"),
    ("events:\n  reminder_same_day: pagi\n", "'events.reminder_same_day'", "time like"),
    ("knowlege_dir: kb\n", "'knowlege_dir'", "unknown setting"),
    ("telegram: yes\n", "'telegram'", "mapping"),
])
def test_bad_values_name_the_key_and_the_problem(tmp_path: Path, text: str, key: str,
                                                 problem: str) -> None:
    with pytest.raises(ConfigError) as caught:
        load_config(write(tmp_path, text))
    message = str(caught.value)
    assert str(tmp_path / "config.yaml") in message
    assert key in message and problem in message
    assert "\n" not in message


def test_invalid_yaml_names_the_line(tmp_path: Path) -> None:
    with pytest.raises(ConfigError, match=r"line 2 not valid YAML"):
        load_config(write(tmp_path, "admins: []\nknowledge_dir: a: b\n"))


def test_broken_config_stops_the_cli_with_one_line_and_exit_code_2(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = write(tmp_path, "admins: banyak\n")
    assert main(["kb", "check", "--config", str(path)]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "'admins'" in err and "Traceback" not in err


def test_missing_config_file_is_reported(tmp_path: Path,
                                         capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["ask", "--config", str(tmp_path / "nope.yaml"), "halo"]) == 2
    assert "file not found" in capsys.readouterr().err

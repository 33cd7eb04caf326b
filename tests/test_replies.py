"""Reply building blocks: escaping, callback data, message fitting, terminal rendering, flood."""

from __future__ import annotations

import pytest

from bot.flood import FloodGuard, Verdict
from bot.replies import (
    Button,
    Reply,
    callback,
    esc,
    fit_message,
    html_to_plain,
    parse_callback,
    render_plain,
)


def test_user_text_is_escaped_for_telegram_html() -> None:
    assert esc("<script>alert('x')</script> & co") == (
        "&lt;script&gt;alert('x')&lt;/script&gt; &amp; co")


def test_callback_data_round_trips_and_respects_the_64_byte_limit() -> None:
    assert parse_callback(callback("qa", "p", 12, "nib-oss")) == ("qa", ["p", "12", "nib-oss"])
    assert parse_callback(None) == ("", [])
    assert parse_callback("garbage") == ("garbage", [])
    with pytest.raises(ValueError, match="too long"):
        callback("qa", "e", "x" * 70)


def test_long_html_is_cut_at_a_line_break_with_tags_closed() -> None:
    text = "<b>Judul</b>\n" + "\n".join(f"• baris <i>nomor</i> {i}" for i in range(400))
    fitted = fit_message(text, 500)
    assert len(fitted) <= 500
    assert fitted.endswith("…")
    assert fitted.count("<i>") == fitted.count("</i>")


def test_cut_inside_an_open_tag_closes_it() -> None:
    fitted = fit_message("<b>" + "kata " * 200 + "</b>", 100)
    assert fitted.endswith("</b>") and len(fitted) <= 105


def test_terminal_rendering_drops_tags_and_numbers_buttons() -> None:
    reply = Reply(
        '<b>PEB</b> &amp; NPE\n• <a href="https://www.beacukai.go.id">Bea Cukai</a>',
        ((Button("👍 Membantu", "fb:x:1"), Button("Situs", url="https://x.id")),),
    )
    plain = render_plain(reply)
    assert plain.startswith("PEB & NPE\n• Bea Cukai (https://www.beacukai.go.id)")
    assert "[1] 👍 Membantu" in plain and "[2] Situs → https://x.id" in plain
    assert html_to_plain("a &lt;b&gt;") == "a <b>"


def test_flood_guard_allows_the_limit_then_notifies_once_then_recovers() -> None:
    now = [0.0]
    guard = FloodGuard(limit=3, window=10, clock=lambda: now[0])
    assert [guard.check(1) for _ in range(3)] == [Verdict.ALLOW] * 3
    assert guard.check(1) is Verdict.NOTIFY
    assert guard.check(1) is Verdict.DROP
    assert guard.check(2) is Verdict.ALLOW  # other users are not affected
    now[0] = 11.0
    assert guard.check(1) is Verdict.ALLOW
    guard.forget_idle()
    now[0] = 30.0
    guard.forget_idle()
    assert guard._users == {}


def test_flood_guard_forgets_idle_users_when_it_tracks_many() -> None:
    now = [0.0]
    guard = FloodGuard(limit=3, window=10, clock=lambda: now[0])
    guard.TRACKED_USERS = 5
    for user_id in range(5):
        guard.check(user_id)
    now[0] = 20.0  # everyone above is idle now
    assert guard.check(99) is Verdict.ALLOW
    assert set(guard._users) == {99}

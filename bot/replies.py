"""What the bot says, independent of Telegram: HTML text plus rows of buttons.

The Telegram handlers turn a `Reply` into a message with an inline keyboard; the terminal chat
prints it as plain text with numbered choices. Both send the button's `data` back to the core.

Callback data is `prefix:part:part…`, at most 64 bytes (Telegram's limit). Prefixes:
- `qa:` questions and answers (`qa:e:<entry>` show entry, `qa:p:<question>:<entry>` pick a
  suggestion, `qa:a:<question>:<entry>` pick a 🔎 alternative under an answer, `qa:skip`
  skip the 👎 comment)
- `fb:` feedback on an answer (`fb:<entry>:1` helpful, `fb:<entry>:0` not helpful)
- `kb:` browsing topics (`kb:home`, `kb:c:<category index>`)
- `ev:` events, `bc:` broadcasts, `adm:` admin tools (see their modules)
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass, field

CALLBACK_MAX_BYTES = 64
TELEGRAM_MESSAGE_LIMIT = 4096


@dataclass(frozen=True)
class Button:
    """An inline button: either sends `data` back, or opens `url`."""

    label: str
    data: str | None = None
    url: str | None = None


@dataclass(frozen=True)
class Reply:
    """One message: Telegram-HTML text and rows of buttons."""

    text: str
    buttons: tuple[tuple[Button, ...], ...] = field(default_factory=tuple)

    def all_buttons(self) -> list[Button]:
        return [button for row in self.buttons for button in row]


def callback(prefix: str, *parts: object) -> str:
    """Build callback data; raises if it would not fit Telegram's 64-byte limit."""
    data = ":".join([prefix, *(str(p) for p in parts)])
    if len(data.encode()) > CALLBACK_MAX_BYTES:
        raise ValueError(f"callback data too long: {data!r}")
    return data


def parse_callback(data: str | None) -> tuple[str, list[str]]:
    """Split callback data into its prefix and parts; unknown shapes give ('', [])."""
    if not data or ":" not in data:
        return (data or "", [])
    prefix, *parts = data.split(":")
    return prefix, parts


def esc(text: object) -> str:
    """Escape any user- or admin-provided text for Telegram HTML."""
    return html.escape(str(text), quote=False)


def esc_attr(text: object) -> str:
    return html.escape(str(text), quote=True)


def link(title: str, url: str) -> str:
    return f'<a href="{esc_attr(url)}">{esc(title)}</a>'


def fit_message(text: str, limit: int = TELEGRAM_MESSAGE_LIMIT) -> str:
    """Cut HTML text to Telegram's limit at a line break, never inside a tag."""
    if len(text) <= limit:
        return text
    cut = text.rfind("\n", 0, limit - 2)
    if cut < limit // 2:
        cut = limit - 2
    head = text[:cut]
    # Drop a half-open tag or entity at the cut, then close any tag left open.
    head = re.sub(r"<[^>]*$", "", head)
    head = re.sub(r"&[a-zA-Z#0-9]*$", "", head)
    open_tags = []
    for closing, name in re.findall(r"<(/?)([a-z]+)[^>]*>", head):
        if closing and open_tags and open_tags[-1] == name:
            open_tags.pop()
        elif not closing:
            open_tags.append(name)
    closers = "".join(f"</{name}>" for name in reversed(open_tags))
    return head.rstrip() + "\n…" + closers


_TAG = re.compile(r"<(/?)([a-z]+)([^>]*)>")
_HREF = re.compile(r'href="([^"]*)"')


def html_to_plain(text: str) -> str:
    """Render Telegram HTML for a terminal: tags dropped, links as 'title (url)'."""

    out: list[str] = []
    pos = 0
    pending_href: list[str | None] = []
    for match in _TAG.finditer(text):
        out.append(text[pos:match.start()])
        pos = match.end()
        closing, name, attrs = match.groups()
        if name == "a" and not closing:
            href = _HREF.search(attrs)
            pending_href.append(html.unescape(href.group(1)) if href else None)
        elif name == "a" and closing and pending_href:
            href = pending_href.pop()
            if href:
                out.append(f" ({href})")
    out.append(text[pos:])
    return html.unescape("".join(out))


def render_plain(reply: Reply) -> str:
    """A reply for the terminal: text, then numbered buttons."""
    lines = [html_to_plain(reply.text)]
    buttons = reply.all_buttons()
    if buttons:
        lines.append("")
        for number, button in enumerate(buttons, 1):
            target = f" → {button.url}" if button.url else ""
            lines.append(f"  [{number}] {button.label}{target}")
    return "\n".join(lines)

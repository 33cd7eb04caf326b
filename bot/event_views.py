"""How events look in a chat: Telegram-free `Reply` objects built from events and counts.

Times arrive already in the configured zone (the service converts them), so nothing here
needs to know the time zone. Every organiser-written value is escaped.

Callback data `ev:` (handled in handlers/events.py):
- `ev:list:<page>` a new list message (the greeting's button), `ev:pg:<page>` turn the page
  in place, `ev:show:<id>` one event;
- `ev:in:<id>:<view>` register, `ev:out:<id>:<view>` withdraw, `ev:ok:<id>:<view>` agree to
  share name and username, then register; `ev:no` decline. `<view>` is the message to redraw:
  `p<page>` a list page, `e` one event, `k` /acaraku;
- organisers: `ev:org` their list, `ev:man|edit|cx|cxy|csv:<id>` manage, edit menu, cancel?,
  cancel!, CSV; `ev:ef:<id>:<field>` edit one field; `ev:new:ok|no` on the creation preview.
"""

from __future__ import annotations

import csv
import datetime as dt
import io

from bot import texts
from bot.event_input import EventDraft
from bot.events import EDITABLE, Event, EventPage, Participant, Registration, Status
from bot.reminders import Notice, NoticeKind
from bot.replies import Button, Reply, callback, esc, fit_message, link

Row = tuple[Button, ...]

OUTCOME_TEXTS = {
    Registration.REGISTERED: texts.EV_REGISTERED,
    Registration.ALREADY: texts.EV_ALREADY,
    Registration.CLOSED: texts.EV_CLOSED,
    Registration.FULL: texts.EV_FULL,
    Registration.CANCELLED: texts.EV_CANCELLED,
    Registration.FINISHED: texts.EV_FINISHED,
    Registration.NOT_FOUND: texts.EV_NOT_FOUND,
}


def when(starts_at: dt.datetime, ends_at: dt.datetime | None) -> str:
    """'Sabtu, 5 Desember 2026 pukul 09.00–12.00 WIB'."""
    zone = starts_at.tzname() or ""
    start = texts.datetime_id(starts_at)
    if ends_at is None:
        return f"{start} {zone}".strip()
    if ends_at.date() == starts_at.date():
        return f"{start}–{ends_at:%H.%M} {zone}".strip()
    return f"{start} – {texts.datetime_id(ends_at)} {zone}".strip()


def _place_lines(place: str, url: str | None, show_link: bool) -> list[str]:
    if url is None:
        return [texts.EV_PLACE.format(place=esc(place))]
    lines = [texts.EV_ONLINE_PLACE.format(place=esc(place))]
    lines.append(texts.EV_ONLINE_LINK.format(link=esc(url)) if show_link
                 else texts.EV_ONLINE_LINK_LATER)
    return lines


def _count_line(event: Event, count: int) -> str:
    line = texts.EV_INTEREST_COUNT.format(count=count)
    if event.capacity is not None:
        line += texts.EV_CAPACITY.format(capacity=event.capacity)
        if count >= event.capacity:
            line += texts.EV_FULL_NOTE
    return line


def _details(event: Event, count: int, *, show_link: bool) -> list[str]:
    lines = [texts.EV_WHEN.format(when=when(event.starts_at, event.ends_at))]
    lines += _place_lines(event.place, event.online_url, show_link)
    if event.registration_deadline is not None:
        lines.append(texts.EV_DEADLINE.format(when=when(event.registration_deadline, None)))
    lines.append(_count_line(event, count))
    return lines


def _interest_button(event_id: int, registered: bool, view: str,
                     number: int | None = None) -> Button:
    """"Saya tertarik" or "Batalkan"; numbered when it sits under a list."""
    if registered:
        label = (texts.BUTTON_EV_WITHDRAW if number is None
                 else texts.BUTTON_EV_WITHDRAW_N.format(number=number))
        return Button(label, callback("ev", "out", event_id, view))
    label = (texts.BUTTON_EV_INTEREST if number is None
             else texts.BUTTON_EV_INTEREST_N.format(number=number))
    return Button(label, callback("ev", "in", event_id, view))


# --- everyone -------------------------------------------------------------------------------

def events_page(page: EventPage, counts: dict[int, int], mine: set[int]) -> Reply:
    """A page of /acara: numbered events with an interest button and a detail button each."""
    if not page.events:
        return Reply(texts.EV_LIST_EMPTY)
    header = texts.EV_LIST_HEADER
    if page.pages > 1:
        header += texts.EV_LIST_PAGE.format(page=page.page + 1, pages=page.pages)
    parts = [header]
    rows: list[Row] = []
    view = f"p{page.page}"
    for number, event in enumerate(page.events, 1):
        block = [f"<b>{number}. {esc(event.title)}</b>"]
        block += _details(event, counts.get(event.id, 0), show_link=event.id in mine)
        if event.id in mine:
            block.append(texts.EV_YOU_ARE_IN)
        parts.append("\n".join(block))
        rows.append((
            _interest_button(event.id, event.id in mine, view, number),
            Button(texts.BUTTON_EV_DETAIL, callback("ev", "show", event.id)),
        ))
    parts.append(texts.EV_LIST_FOOTER)
    navigation: list[Button] = []
    if page.page > 0:
        navigation.append(Button(texts.BUTTON_EV_PREV, callback("ev", "pg", page.page - 1)))
    if page.page + 1 < page.pages:
        navigation.append(Button(texts.BUTTON_EV_NEXT, callback("ev", "pg", page.page + 1)))
    if navigation:
        rows.append(tuple(navigation))
    return Reply(fit_message("\n\n".join(parts)), tuple(rows))


def event_card(event: Event, count: int, registered: bool, now: dt.datetime) -> Reply:
    """One event in full, with the button that fits its state."""
    lines = [f"📅 <b>{esc(event.title)}</b>", ""]
    lines += _details(event, count, show_link=registered)
    if event.description:
        lines += ["", esc(event.description)]
    rows: list[Row] = []
    if event.status is Status.CANCELLED:
        lines += ["", texts.EV_IS_CANCELLED]
    elif event.is_over(now):
        lines += ["", texts.EV_IS_FINISHED]
    else:
        if registered:
            lines += ["", texts.EV_YOU_ARE_IN]
        elif now >= event.registration_closes_at:
            lines += ["", texts.EV_REGISTRATION_CLOSED]
        if registered or now < event.registration_closes_at:
            rows.append((_interest_button(event.id, registered, "e"),))
    rows.append((Button(texts.BUTTON_EV_ALL, callback("ev", "list", 0)),))
    return Reply(fit_message("\n".join(lines)), tuple(rows))


def consent(event_id: int, view: str) -> Reply:
    return Reply(texts.EV_CONSENT, ((
        Button(texts.BUTTON_EV_AGREE, callback("ev", "ok", event_id, view)),
        Button(texts.BUTTON_EV_DISAGREE, callback("ev", "no")),
    ),))


def my_events(events: list[Event], counts: dict[int, int]) -> Reply:
    """/acaraku: the user's upcoming registrations, each with Detail and Batalkan."""
    if not events:
        return Reply(texts.EV_MINE_EMPTY)
    parts = [texts.EV_MINE_HEADER]
    rows: list[Row] = []
    for number, event in enumerate(events, 1):
        block = [f"<b>{number}. {esc(event.title)}</b>"]
        block += _details(event, counts.get(event.id, 0), show_link=True)
        parts.append("\n".join(block))
        rows.append((
            _interest_button(event.id, True, "k", number),
            Button(texts.BUTTON_EV_DETAIL, callback("ev", "show", event.id)),
        ))
    return Reply(fit_message("\n\n".join(parts)), tuple(rows))


def notice(item: Notice) -> Reply:
    """A reminder (H-1 or same day) or the cancellation note."""
    event = item.event
    if item.kind is NoticeKind.CANCELLED:
        return Reply(texts.EV_NOTICE_CANCELLED.format(
            title=esc(event.title), when=when(event.starts_at, event.ends_at)))
    header = (texts.EV_REMINDER_DAY_BEFORE if item.kind is NoticeKind.DAY_BEFORE
              else texts.EV_REMINDER_SAME_DAY)
    lines = [header, "", f"📅 <b>{esc(event.title)}</b>",
             texts.EV_WHEN.format(when=when(event.starts_at, event.ends_at))]
    lines += _place_lines(event.place, event.online_url, show_link=True)
    lines += ["", texts.EV_REMINDER_FOOTER]
    return Reply("\n".join(lines), (
        (Button(texts.BUTTON_EV_DETAIL, callback("ev", "show", event.id)),
         _interest_button(event.id, True, "e")),
    ))


# --- organisers -----------------------------------------------------------------------------

def preview(draft: EventDraft) -> Reply:
    """The creation preview, with Terbitkan / Batal."""
    lines = [texts.EV_PREVIEW_HEADER, "", f"📅 <b>{esc(draft.title)}</b>",
             texts.EV_WHEN.format(when=when(draft.starts_at, draft.ends_at))]
    lines += _place_lines(draft.place, draft.online_url, show_link=True)
    if draft.description:
        lines += ["", esc(draft.description)]
    lines += ["", texts.EV_PREVIEW_QUESTION]
    return Reply(fit_message("\n".join(lines)), ((
        Button(texts.BUTTON_EV_PUBLISH, callback("ev", "new", "ok")),
        Button(texts.BUTTON_EV_DISCARD, callback("ev", "new", "no")),
    ),))


def created(event: Event, deep_link: str) -> Reply:
    return Reply(
        texts.EV_CREATED.format(title=esc(event.title), id=event.id, link=esc(deep_link)),
        ((Button(texts.BUTTON_EV_EDIT, callback("ev", "man", event.id)),),),
    )


def organiser_list(events: list[Event], counts: dict[int, int], everyone: bool) -> Reply:
    """/acarasaya: one button per event, leading to its management card."""
    if not events:
        return Reply(texts.EV_ORGANISER_EMPTY)
    header = texts.EV_ORGANISER_ALL_HEADER if everyone else texts.EV_ORGANISER_HEADER
    rows = tuple(
        (Button(f"{event.id}. {event.title} ({event.starts_at:%d/%m}, "
                f"{counts.get(event.id, 0)} peminat)", callback("ev", "man", event.id)),)
        for event in events[:50]
    )
    return Reply(header, rows)


def manage_card(event: Event, count: int, deep_link: str) -> Reply:
    """An organiser's view of their event: details, link, and what they can do."""
    lines = [f"📅 <b>{esc(event.title)}</b>", ""]
    lines += _details(event, count, show_link=True)
    if event.description:
        lines += ["", esc(event.description)]
    if event.status is Status.CANCELLED:
        lines += ["", texts.EV_IS_CANCELLED]
    lines += ["", texts.EV_MANAGE_FOOTER.format(id=event.id, link=link(deep_link, deep_link))]
    rows: list[Row] = []
    if event.status is Status.UPCOMING:
        rows.append((Button(texts.BUTTON_EV_EDIT, callback("ev", "edit", event.id)),
                     Button(texts.BUTTON_EV_CANCEL_EVENT, callback("ev", "cx", event.id))))
    rows.append((Button(texts.BUTTON_EV_PARTICIPANTS, callback("ev", "csv", event.id)),))
    rows.append((Button(texts.BUTTON_EV_BACK_TO_MINE, callback("ev", "org")),))
    return Reply(fit_message("\n".join(lines)), tuple(rows))


def edit_menu(event: Event) -> Reply:
    labels = texts.EV_FIELD_LABELS
    buttons = [Button(labels[name], callback("ev", "ef", event.id, name)) for name in EDITABLE]
    rows = [tuple(buttons[i:i + 2]) for i in range(0, len(buttons), 2)]
    rows.append((Button(texts.BUTTON_BACK, callback("ev", "man", event.id)),))
    return Reply(texts.EV_EDIT_CHOOSE.format(title=esc(event.title)), tuple(rows))


def cancel_confirmation(event: Event, count: int) -> Reply:
    return Reply(texts.EV_CANCEL_CONFIRM.format(title=esc(event.title), count=count), ((
        Button(texts.BUTTON_EV_CANCEL_YES, callback("ev", "cxy", event.id)),
        Button(texts.BUTTON_EV_CANCEL_NO, callback("ev", "man", event.id)),
    ),))


def participants_summary(event: Event, count: int) -> str:
    capacity = ("" if event.capacity is None
                else texts.EV_PARTICIPANTS_CAPACITY.format(capacity=event.capacity))
    return texts.EV_PARTICIPANTS_SUMMARY.format(title=esc(event.title), count=count,
                                                capacity=capacity)


def _cell(value: str) -> str:
    # A name starting with = + - @ would run as a formula in Excel; quote it as text.
    return "'" + value if value[:1] in ("=", "+", "-", "@") else value


def participants_csv(participants: list[Participant]) -> bytes:
    """The CSV organisers download: name, username, registration time (UTF-8 for Excel)."""
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(texts.EV_CSV_COLUMNS)
    for p in participants:
        name = f"{p.person.first_name} {p.person.last_name}".strip()
        username = f"@{p.person.username}" if p.person.username else ""
        writer.writerow([_cell(name), username,
                         p.registered_at.strftime("%Y-%m-%d %H:%M")])
    return out.getvalue().encode("utf-8-sig")

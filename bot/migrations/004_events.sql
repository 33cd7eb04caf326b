-- Export events published by organisers, and the UMKM owners interested in them.
-- Times are ISO 8601 with their offset (the configured time zone, e.g. +07:00); compare them
-- with julianday(), which understands offsets, never as plain strings.
CREATE TABLE events (
    id                    INTEGER PRIMARY KEY,   -- the number in /peserta <id> and acara-<id> links
    title                 TEXT NOT NULL,
    starts_at             TEXT NOT NULL,
    ends_at               TEXT,                  -- NULL: the event lasts until the end of its day
    place                 TEXT NOT NULL,         -- a venue, or 'Daring' for online events
    online_url            TEXT,                  -- the join link of an online event
    description           TEXT NOT NULL DEFAULT '',
    organiser_id          INTEGER NOT NULL,
    registration_deadline TEXT,                  -- NULL: open until the event is over
    capacity              INTEGER CHECK (capacity IS NULL OR capacity > 0),
    status                TEXT NOT NULL DEFAULT 'upcoming'
                          CHECK (status IN ('upcoming', 'cancelled', 'finished')),
    created_at            TEXT NOT NULL,
    updated_at            TEXT NOT NULL
);
CREATE INDEX events_status_start ON events (status, starts_at);
CREATE INDEX events_organiser ON events (organiser_id, status);

CREATE TABLE event_interests (
    event_id      INTEGER NOT NULL REFERENCES events (id) ON DELETE CASCADE,
    user_id       INTEGER NOT NULL,
    registered_at TEXT NOT NULL,
    PRIMARY KEY (event_id, user_id)
);
CREATE INDEX event_interests_user ON event_interests (user_id);

-- Users who agreed that their name and username are shared with event organisers.
CREATE TABLE event_consents (
    user_id  INTEGER PRIMARY KEY,
    given_at TEXT NOT NULL
);

-- Reminders and cancellation notices, one row per (event, user, kind), claimed *before* the
-- message is sent: a crash between claim and send loses that one notice rather than sending
-- it twice. kind: 'day_before' | 'same_day' | 'cancelled'.
CREATE TABLE reminders_sent (
    event_id   INTEGER NOT NULL REFERENCES events (id) ON DELETE CASCADE,
    user_id    INTEGER NOT NULL,
    kind       TEXT NOT NULL CHECK (kind IN ('day_before', 'same_day', 'cancelled')),
    claimed_at TEXT NOT NULL,
    PRIMARY KEY (event_id, user_id, kind)
);

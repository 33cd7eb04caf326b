-- Broadcasts: one job per confirmed announcement, and an outbox of one delivery per recipient,
-- written together in one transaction at confirmation (see bot/outbox.py for the rules).
CREATE TABLE broadcasts (
    id                  INTEGER PRIMARY KEY,   -- the number shown as "Siaran #<id>"
    organiser_id        INTEGER NOT NULL,
    text                TEXT NOT NULL,         -- Telegram HTML, exactly as it is sent
    audience            TEXT NOT NULL,         -- 'all' or 'event:<event id>'
    audience_label      TEXT NOT NULL DEFAULT '',
    status              TEXT NOT NULL DEFAULT 'running'
                        CHECK (status IN ('running', 'paused', 'stopped', 'done')),
    total               INTEGER NOT NULL,
    progress_chat_id    INTEGER,               -- the organiser's progress message, edited in place
    progress_message_id INTEGER,
    created_at          TEXT NOT NULL,
    finished_at         TEXT
);
CREATE INDEX broadcasts_status ON broadcasts (status, id);

-- status: pending → sending (just before the HTTP call) → sent | failed | blocked;
-- skipped: the user chose /berhenti after confirmation; cancelled: the job was stopped.
CREATE TABLE broadcast_deliveries (
    broadcast_id INTEGER NOT NULL REFERENCES broadcasts (id) ON DELETE CASCADE,
    user_id      INTEGER NOT NULL,
    status       TEXT NOT NULL DEFAULT 'pending'
                 CHECK (status IN ('pending', 'sending', 'sent', 'failed', 'blocked',
                                   'skipped', 'cancelled')),
    attempts     INTEGER NOT NULL DEFAULT 0,
    error        TEXT,
    updated_at   TEXT,
    PRIMARY KEY (broadcast_id, user_id)    -- one delivery per recipient, never two
) WITHOUT ROWID;
CREATE INDEX broadcast_deliveries_status ON broadcast_deliveries (broadcast_id, status);

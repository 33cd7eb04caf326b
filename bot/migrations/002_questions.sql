-- Every question asked, for admin reports, and feedback on answers.
CREATE TABLE questions (
    id          INTEGER PRIMARY KEY,
    user_id     INTEGER NOT NULL,
    text        TEXT NOT NULL,
    outcome     TEXT NOT NULL CHECK (outcome IN ('answer', 'suggest', 'unknown')),
    entry_id    TEXT,                 -- the answered entry (answer), or the one picked (suggest)
    score       REAL NOT NULL,
    suggestions TEXT NOT NULL DEFAULT '',   -- comma-separated entry ids offered
    source      TEXT NOT NULL DEFAULT 'telegram',   -- telegram | terminal
    asked_at    TEXT NOT NULL
);
CREATE INDEX questions_asked_at ON questions (asked_at);
CREATE INDEX questions_outcome ON questions (outcome, asked_at);

CREATE TABLE feedback (
    user_id     INTEGER NOT NULL,
    entry_id    TEXT NOT NULL,
    helpful     INTEGER NOT NULL,     -- 1 = 👍, 0 = 👎
    question_id INTEGER REFERENCES questions (id) ON DELETE SET NULL,
    comment     TEXT,
    updated_at  TEXT NOT NULL,
    PRIMARY KEY (user_id, entry_id)
);

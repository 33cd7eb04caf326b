-- People who have talked to the bot.
CREATE TABLE users (
    id                 INTEGER PRIMARY KEY,          -- Telegram user id
    first_name         TEXT NOT NULL DEFAULT '',
    last_name          TEXT NOT NULL DEFAULT '',
    username           TEXT,
    first_seen         TEXT NOT NULL,                -- ISO 8601 UTC
    last_seen          TEXT NOT NULL,
    accepts_broadcasts INTEGER NOT NULL DEFAULT 1,   -- 0 after /berhenti or when the bot is blocked
    blocked            INTEGER NOT NULL DEFAULT 0    -- 1 when Telegram said the user blocked the bot
);

-- Organiser roles granted by admins from the chat (config.yaml organisers are added on top).
CREATE TABLE organiser_grants (
    user_id    INTEGER PRIMARY KEY,
    granted_by INTEGER NOT NULL,
    granted_at TEXT NOT NULL
);

-- Audit log of role changes and refused attempts at restricted actions.
CREATE TABLE audit_log (
    id       INTEGER PRIMARY KEY,
    user_id  INTEGER NOT NULL,
    action   TEXT NOT NULL,
    detail   TEXT NOT NULL DEFAULT '',
    allowed  INTEGER NOT NULL,
    at       TEXT NOT NULL
);

-- Reminders: per-server channel and offsets, the channel a rally was created in, personal
-- reminder choices on RSVPs, and a durable outbox of reminders to send.
ALTER TABLE servers ADD COLUMN reminder_channel_id INTEGER;
-- Seconds before the start, comma-separated, largest first.
ALTER TABLE servers ADD COLUMN reminder_offsets TEXT NOT NULL DEFAULT '86400,3600';
ALTER TABLE rallies ADD COLUMN channel_id INTEGER;
-- Seconds before the start for this person's reminder; NULL means the default (1 hour).
ALTER TABLE rsvps ADD COLUMN remind_before INTEGER;
ALTER TABLE rsvps ADD COLUMN remind_off INTEGER NOT NULL DEFAULT 0 CHECK (remind_off IN (0, 1));

-- status: pending -> sending (claimed) -> sent | failed | skipped; a 'sending' row found at
-- start-up was cut off mid-send and becomes 'unknown': it is never sent again (at most once).
CREATE TABLE reminders (
    id              INTEGER PRIMARY KEY AUTOINCREMENT,
    rally_id        INTEGER NOT NULL REFERENCES rallies (id) ON DELETE CASCADE,
    kind            TEXT    NOT NULL CHECK (kind IN ('channel', 'personal')),
    target_id       INTEGER NOT NULL,
    lead_seconds    INTEGER NOT NULL,
    due_at          INTEGER NOT NULL,
    status          TEXT    NOT NULL DEFAULT 'pending'
                    CHECK (status IN ('pending', 'sending', 'sent', 'failed', 'skipped', 'unknown')),
    attempts        INTEGER NOT NULL DEFAULT 0,
    next_attempt_at INTEGER NOT NULL,
    last_error      TEXT,
    told_user       INTEGER NOT NULL DEFAULT 0 CHECK (told_user IN (0, 1)),
    updated_at      INTEGER NOT NULL
);
CREATE INDEX reminders_by_status_time ON reminders (status, next_attempt_at);
CREATE INDEX reminders_by_rally ON reminders (rally_id, status);

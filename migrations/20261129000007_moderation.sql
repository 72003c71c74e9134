-- Moderation: more server settings, the cards the bot posted (to edit them when a rally
-- changes), an outbox of change notices, and an audit log.
ALTER TABLE servers ADD COLUMN announcement_channel_id INTEGER;
ALTER TABLE servers ADD COLUMN moderator_channel_id INTEGER;
ALTER TABLE servers ADD COLUMN announcement_role_id INTEGER;
ALTER TABLE servers ADD COLUMN daily_limit INTEGER NOT NULL DEFAULT 5 CHECK (daily_limit >= 1);

-- Every rally card the bot posted in a channel (announcements, channel reminders).
CREATE TABLE rally_cards (
    channel_id INTEGER NOT NULL,
    message_id INTEGER NOT NULL,
    rally_id   INTEGER NOT NULL REFERENCES rallies (id) ON DELETE CASCADE,
    kind       TEXT    NOT NULL CHECK (kind IN ('announcement', 'reminder')),
    created_at INTEGER NOT NULL,
    PRIMARY KEY (channel_id, message_id)
);
CREATE INDEX rally_cards_by_rally ON rally_cards (rally_id);

-- What a change to a rally must tell the world: a DM to each person who RSVPed ('dm', target
-- a user, `text` the message) and an edit of each posted card ('card', target a channel).
-- Same lifecycle as reminders: pending -> sending (claimed) -> sent | failed | skipped; a
-- 'sending' DM found at start-up is resent with its nonce when recent, else 'unknown'.
CREATE TABLE change_notices (
    id              INTEGER PRIMARY KEY AUTOINCREMENT,
    rally_id        INTEGER NOT NULL REFERENCES rallies (id) ON DELETE CASCADE,
    kind            TEXT    NOT NULL CHECK (kind IN ('dm', 'card')),
    target_id       INTEGER NOT NULL,
    message_id      INTEGER,
    text            TEXT    NOT NULL DEFAULT '',
    status          TEXT    NOT NULL DEFAULT 'pending'
                    CHECK (status IN ('pending', 'sending', 'sent', 'failed', 'skipped', 'unknown')),
    attempts        INTEGER NOT NULL DEFAULT 0,
    next_attempt_at INTEGER NOT NULL,
    last_error      TEXT,
    told_user       INTEGER NOT NULL DEFAULT 0 CHECK (told_user IN (0, 1)),
    created_at      INTEGER NOT NULL,
    updated_at      INTEGER NOT NULL
);
CREATE INDEX change_notices_due ON change_notices (status, next_attempt_at);
CREATE INDEX change_notices_untold ON change_notices (target_id)
    WHERE kind = 'dm' AND status = 'failed' AND told_user = 0;

-- Who did what to which rally, and when; before/after as people read them.
CREATE TABLE audit_log (
    id        INTEGER PRIMARY KEY AUTOINCREMENT,
    server_id INTEGER NOT NULL,
    rally_id  INTEGER,
    actor_id  INTEGER NOT NULL,
    action    TEXT    NOT NULL,
    before    TEXT    NOT NULL DEFAULT '',
    after     TEXT    NOT NULL DEFAULT '',
    at        INTEGER NOT NULL
);
CREATE INDEX audit_by_server ON audit_log (server_id, id);
CREATE INDEX audit_by_rally ON audit_log (rally_id, id);
-- Abuse limits count a user's recent rallies in a server.
CREATE INDEX rallies_by_organiser_created ON rallies (server_id, organiser_id, created_at);

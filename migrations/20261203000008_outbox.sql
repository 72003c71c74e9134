-- One durable outbox for everything that leaves the process later: channel and personal
-- reminders, direct messages about a rally (changes, cancellation, approval), edits of posted
-- cards and posts for moderators. The reminders and change_notices tables it replaces had the
-- same lifecycle twice over:
--   pending -> sending (claimed before anything is sent) -> sent | failed | skipped
-- A 'sending' row found at start-up was cut off mid-send: it is resent with its nonce while
-- Discord still remembers that nonce (card edits are always safe to repeat), else 'unknown'.
CREATE TABLE outbox (
    id              INTEGER PRIMARY KEY AUTOINCREMENT,
    kind            TEXT    NOT NULL CHECK (kind IN ('channel_reminder', 'personal_reminder',
                                                      'notice', 'card_edit', 'moderator_post')),
    rally_id        INTEGER NOT NULL REFERENCES rallies (id) ON DELETE CASCADE,
    -- A channel (channel reminder, card edit, moderator post) or a user (personal reminder,
    -- notice).
    target_id       INTEGER NOT NULL,
    -- The card to edit.
    message_id      INTEGER,
    -- Reminders: how long before the start.
    lead_seconds    INTEGER,
    -- What a notice or card edit says, as JSON values (never text or markup): each front end
    -- words it in the reader's language.
    payload         TEXT,
    -- The message nonce; NULL means 'rallybot-' || id.
    nonce           TEXT,
    due_at          INTEGER NOT NULL,
    status          TEXT    NOT NULL DEFAULT 'pending'
                    CHECK (status IN ('pending', 'sending', 'sent', 'failed', 'skipped', 'unknown')),
    attempts        INTEGER NOT NULL DEFAULT 0,
    next_attempt_at INTEGER NOT NULL,
    last_error      TEXT,
    -- Why it failed, as a code front ends can word: 'dms_closed', 'refused', 'gave_up',
    -- 'cut_off', or a skip reason.
    error_kind      TEXT,
    told_user       INTEGER NOT NULL DEFAULT 0 CHECK (told_user IN (0, 1)),
    created_at      INTEGER NOT NULL,
    updated_at      INTEGER NOT NULL
);
CREATE INDEX outbox_due ON outbox (status, next_attempt_at);
CREATE INDEX outbox_by_rally ON outbox (rally_id, status);
-- Every command asks whether the caller has undelivered direct messages to hear about; this
-- keeps that question to a lookup of the few failed ones instead of a scan.
CREATE INDEX outbox_untold ON outbox (target_id)
    WHERE kind IN ('personal_reminder', 'notice') AND status = 'failed' AND told_user = 0;

-- Reminders keep their ids, so their nonces ('rallybot-' || id) stay what Discord saw.
INSERT INTO outbox (id, kind, rally_id, target_id, lead_seconds, due_at, status, attempts,
                    next_attempt_at, last_error, error_kind, told_user, created_at, updated_at)
SELECT id, CASE kind WHEN 'channel' THEN 'channel_reminder' ELSE 'personal_reminder' END,
       rally_id, target_id, lead_seconds, due_at, status, attempts, next_attempt_at, last_error,
       CASE WHEN status = 'failed' AND last_error = 'their direct messages are closed'
            THEN 'dms_closed' WHEN status = 'failed' THEN 'refused' END,
       told_user, updated_at, updated_at
FROM reminders;

-- Change notices get new ids and keep the nonce they were sent with. Their old text was
-- English with Discord markup; it is kept as a 'text' value for the few still pending.
INSERT INTO outbox (kind, rally_id, target_id, message_id, payload, nonce, due_at, status,
                    attempts, next_attempt_at, last_error, error_kind, told_user, created_at,
                    updated_at)
SELECT CASE kind WHEN 'dm' THEN 'notice' ELSE 'card_edit' END,
       rally_id, target_id, message_id,
       CASE kind WHEN 'dm' THEN json_object('notice', 'text', 'text', text)
                 ELSE json_object('note', 'updated') END,
       'rallybot-change-' || id, next_attempt_at, status, attempts, next_attempt_at, last_error,
       CASE WHEN status = 'failed' AND last_error = 'their direct messages are closed'
            THEN 'dms_closed' WHEN status = 'failed' THEN 'refused' END,
       told_user, created_at, updated_at
FROM change_notices;

DROP TABLE reminders;
DROP TABLE change_notices;

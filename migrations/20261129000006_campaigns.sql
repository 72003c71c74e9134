-- Campaigns: a coalition's day (or days) of action, grouping many local rallies of a server.
-- name_key is the name folded to lower case by rallybot (Unicode-aware), so names are unique per
-- server whatever their case. Dates are the campaign's local calendar days, YYYY-MM-DD.
CREATE TABLE campaigns (
    id          INTEGER PRIMARY KEY AUTOINCREMENT,
    server_id   INTEGER NOT NULL REFERENCES servers (id),
    name        TEXT    NOT NULL,
    name_key    TEXT    NOT NULL,
    description TEXT    NOT NULL DEFAULT '',
    starts_on   TEXT    NOT NULL,
    ends_on     TEXT    NOT NULL CHECK (ends_on >= starts_on),
    archived    INTEGER NOT NULL DEFAULT 0 CHECK (archived IN (0, 1)),
    created_at  INTEGER NOT NULL,
    updated_at  INTEGER NOT NULL
);
CREATE UNIQUE INDEX campaigns_by_name ON campaigns (server_id, name_key);

ALTER TABLE rallies ADD COLUMN campaign_id INTEGER REFERENCES campaigns (id);
-- Free text from an imported spreadsheet: who to contact about the rally.
ALTER TABLE rallies ADD COLUMN contact TEXT NOT NULL DEFAULT '';
-- The stable key of the spreadsheet row a rally was imported from, so importing the same file
-- again updates that rally instead of adding another.
ALTER TABLE rallies ADD COLUMN import_key TEXT;
CREATE UNIQUE INDEX rallies_by_import_key ON rallies (server_id, import_key)
    WHERE import_key IS NOT NULL;
CREATE INDEX rallies_by_campaign ON rallies (campaign_id, status, starts_at)
    WHERE campaign_id IS NOT NULL;

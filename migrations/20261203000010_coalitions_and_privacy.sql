-- Coalitions: servers that share campaigns. A coalition is owned by the server that created
-- it; member servers join with a one-time code. Every membership row names the server as it
-- was called when it last acted in the coalition, to mark rallies shared from it.
CREATE TABLE coalitions (
    id              INTEGER PRIMARY KEY AUTOINCREMENT,
    owner_server_id INTEGER NOT NULL REFERENCES servers (id),
    name            TEXT    NOT NULL,
    name_key        TEXT    NOT NULL,
    created_at      INTEGER NOT NULL
);
CREATE UNIQUE INDEX coalitions_by_owner_name ON coalitions (owner_server_id, name_key);

CREATE TABLE coalition_members (
    coalition_id INTEGER NOT NULL REFERENCES coalitions (id) ON DELETE CASCADE,
    server_id    INTEGER NOT NULL REFERENCES servers (id),
    server_name  TEXT    NOT NULL DEFAULT '',
    joined_at    INTEGER NOT NULL,
    PRIMARY KEY (coalition_id, server_id)
);
CREATE INDEX coalition_members_by_server ON coalition_members (server_id);

-- One-time invitations. Only a hash of the code is kept, so the table never holds a code
-- someone could use; a code is used once, and not after it expires.
CREATE TABLE coalition_invites (
    code_hash    TEXT    PRIMARY KEY,
    coalition_id INTEGER NOT NULL REFERENCES coalitions (id) ON DELETE CASCADE,
    created_by   INTEGER NOT NULL,
    created_at   INTEGER NOT NULL,
    expires_at   INTEGER NOT NULL,
    used_by      INTEGER
);

-- A campaign created with a coalition is shared with every member server.
ALTER TABLE campaigns ADD COLUMN coalition_id INTEGER REFERENCES coalitions (id);

-- Who may read a rally's street address: 'public' (anyone), 'going' (people who RSVP going,
-- the organiser and moderators) or 'organisers' (the organiser and moderators only).
ALTER TABLE rallies ADD COLUMN address_visibility TEXT NOT NULL DEFAULT 'going'
    CHECK (address_visibility IN ('public', 'going', 'organisers'));
-- The organiser erased what rallybot held about them: the rally stays, organised by "a former
-- member", until a moderator gives it a new organiser or cancels it.
ALTER TABLE rallies ADD COLUMN organiser_gone INTEGER NOT NULL DEFAULT 0
    CHECK (organiser_gone IN (0, 1));
-- Once who answered is deleted (the server's retention), the counts are kept here.
ALTER TABLE rallies ADD COLUMN kept_going INTEGER NOT NULL DEFAULT 0;
ALTER TABLE rallies ADD COLUMN kept_interested INTEGER NOT NULL DEFAULT 0;
ALTER TABLE rallies ADD COLUMN rsvps_purged INTEGER NOT NULL DEFAULT 0
    CHECK (rsvps_purged IN (0, 1));

-- Days after a rally ends that who answered it is kept.
ALTER TABLE servers ADD COLUMN retention_days INTEGER NOT NULL DEFAULT 30
    CHECK (retention_days BETWEEN 1 AND 365);

-- The spatial index of rallies in shared campaigns, by coalition instead of server: a nearby
-- search in a member server reads its own server's rallies from rally_positions and its
-- coalitions' shared ones from here, one R*Tree query each. The coalition spans [n, n + 1] for
-- the reason rally_positions' server does. Whether the rally's server is still a member is
-- checked on the chosen rows, so leaving takes effect at once.
CREATE VIRTUAL TABLE shared_positions USING rtree_i32 (
    id,
    min_lat, max_lat,
    min_lon, max_lon,
    min_minute, max_minute,
    min_coalition, max_coalition
);

CREATE VIEW shared_position_rows AS
SELECT r.id,
    CAST(ROUND(r.latitude * 1000000) AS INTEGER) AS lat,
    CAST(ROUND(r.longitude * 1000000) AS INTEGER) AS lon,
    r.starts_at / 60 AS first_minute,
    (COALESCE(r.ends_at, r.starts_at) + 59) / 60 AS last_minute,
    c.coalition_id AS coalition
FROM rallies r JOIN campaigns c ON c.id = r.campaign_id
WHERE r.status = 'approved' AND c.coalition_id IS NOT NULL;

CREATE TRIGGER shared_positions_insert AFTER INSERT ON rallies
WHEN NEW.status = 'approved' AND NEW.campaign_id IS NOT NULL
BEGIN
    INSERT INTO shared_positions
    SELECT id, lat, lat, lon, lon, first_minute, last_minute, coalition, coalition + 1
    FROM shared_position_rows WHERE id = NEW.id;
END;

CREATE TRIGGER shared_positions_update
AFTER UPDATE OF status, latitude, longitude, starts_at, ends_at, campaign_id ON rallies
BEGIN
    DELETE FROM shared_positions WHERE id = OLD.id;
    INSERT INTO shared_positions
    SELECT id, lat, lat, lon, lon, first_minute, last_minute, coalition, coalition + 1
    FROM shared_position_rows WHERE id = NEW.id;
END;

CREATE TRIGGER shared_positions_delete AFTER DELETE ON rallies
BEGIN
    DELETE FROM shared_positions WHERE id = OLD.id;
END;

CREATE TRIGGER shared_positions_campaign AFTER UPDATE OF coalition_id ON campaigns
BEGIN
    DELETE FROM shared_positions
    WHERE id IN (SELECT id FROM rallies WHERE campaign_id = NEW.id);
    INSERT INTO shared_positions
    SELECT id, lat, lat, lon, lon, first_minute, last_minute, coalition, coalition + 1
    FROM shared_position_rows WHERE id IN (SELECT id FROM rallies WHERE campaign_id = NEW.id);
END;

-- The retention sweep looks only at rallies whose answers are still kept.
CREATE INDEX rallies_to_purge ON rallies (starts_at) WHERE rsvps_purged = 0;

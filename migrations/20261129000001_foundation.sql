-- Servers (Discord guilds) and their settings. Ids are Discord snowflakes stored as i64.
CREATE TABLE servers (
    id                INTEGER PRIMARY KEY,
    require_approval  INTEGER NOT NULL DEFAULT 1 CHECK (require_approval IN (0, 1)),
    moderator_role_id INTEGER,
    distance_unit     TEXT    NOT NULL DEFAULT 'mi' CHECK (distance_unit IN ('mi', 'km')),
    created_at        INTEGER NOT NULL,
    updated_at        INTEGER NOT NULL
);

-- Times are unix seconds in UTC; time_zone is the IANA zone of the place, used to show local time.
CREATE TABLE rallies (
    id            INTEGER PRIMARY KEY AUTOINCREMENT,
    server_id     INTEGER NOT NULL REFERENCES servers (id),
    title         TEXT    NOT NULL,
    details       TEXT    NOT NULL DEFAULT '',
    place_name    TEXT    NOT NULL,
    address       TEXT    NOT NULL DEFAULT '',
    latitude      REAL    NOT NULL CHECK (latitude BETWEEN -90 AND 90),
    longitude     REAL    NOT NULL CHECK (longitude BETWEEN -180 AND 180),
    time_zone     TEXT    NOT NULL,
    starts_at     INTEGER NOT NULL,
    ends_at       INTEGER CHECK (ends_at IS NULL OR ends_at > starts_at),
    organiser_id  INTEGER NOT NULL,
    status        TEXT    NOT NULL CHECK (status IN ('pending', 'approved', 'rejected', 'cancelled')),
    status_reason TEXT,
    created_at    INTEGER NOT NULL,
    updated_at    INTEGER NOT NULL
);
CREATE INDEX rallies_by_server_start ON rallies (server_id, status, starts_at);
CREATE INDEX rallies_by_organiser ON rallies (organiser_id, server_id);

CREATE TABLE rsvps (
    rally_id   INTEGER NOT NULL REFERENCES rallies (id) ON DELETE CASCADE,
    user_id    INTEGER NOT NULL,
    status     TEXT    NOT NULL CHECK (status IN ('going', 'interested')),
    updated_at INTEGER NOT NULL,
    PRIMARY KEY (rally_id, user_id)
);
CREATE INDEX rsvps_by_user ON rsvps (user_id);

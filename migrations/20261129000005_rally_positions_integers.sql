-- Rebuilds the spatial index so a nearby search reads nothing but R*Tree nodes until it has
-- picked its rallies. Every dimension is an exact 32-bit integer (rtree_i32):
--   latitude and longitude in microdegrees (rounded to the nearest; ~0.1 m),
--   the time span in minutes (start rounded down, end rounded up),
--   the server as a small number (server_numbers), min to min + 1.
-- The old table kept time in seconds as floats: the R*Tree splits nodes by the sum of the
-- dimensions' extents, so seconds outweighed degrees and it clustered rallies by time alone.
-- Minutes weigh less than microdegrees, so nodes cluster by place. No dimension may have zero
-- extent everywhere: the R*Tree picks nodes by area (the product of extents), and a constant
-- dimension makes every area zero and the tree a heap; so a server spans [n, n + 1]. Exact
-- values are re-checked on the chosen rows of `rallies` (src/store/positions.rs).
DROP TRIGGER rally_positions_insert;
DROP TRIGGER rally_positions_update;
DROP TRIGGER rally_positions_delete;
DROP TABLE rally_positions;

CREATE VIRTUAL TABLE rally_positions USING rtree_i32 (
    id,
    min_lat, max_lat,
    min_lon, max_lon,
    min_minute, max_minute,
    min_server, max_server
);

-- Discord's server ids need 64 bits; the R*Tree holds 32.
CREATE TABLE server_numbers (
    number    INTEGER PRIMARY KEY,
    server_id INTEGER NOT NULL UNIQUE REFERENCES servers (id) ON DELETE CASCADE
);
INSERT INTO server_numbers (server_id) SELECT id FROM servers ORDER BY id;
CREATE TRIGGER server_numbers_insert AFTER INSERT ON servers
BEGIN
    INSERT INTO server_numbers (server_id) VALUES (NEW.id);
END;

CREATE VIEW rally_position_rows AS
SELECT id,
    CAST(ROUND(latitude * 1000000) AS INTEGER) AS lat,
    CAST(ROUND(longitude * 1000000) AS INTEGER) AS lon,
    starts_at / 60 AS first_minute,
    (COALESCE(ends_at, starts_at) + 59) / 60 AS last_minute,
    (SELECT number FROM server_numbers n WHERE n.server_id = rallies.server_id) AS server,
    status
FROM rallies;

INSERT INTO rally_positions
SELECT id, lat, lat, lon, lon, first_minute, last_minute, server, server + 1
FROM rally_position_rows WHERE status = 'approved';

CREATE TRIGGER rally_positions_insert AFTER INSERT ON rallies
WHEN NEW.status = 'approved'
BEGIN
    INSERT INTO rally_positions
    SELECT id, lat, lat, lon, lon, first_minute, last_minute, server, server + 1
    FROM rally_position_rows WHERE id = NEW.id;
END;

CREATE TRIGGER rally_positions_update
AFTER UPDATE OF status, server_id, latitude, longitude, starts_at, ends_at ON rallies
BEGIN
    DELETE FROM rally_positions WHERE id = OLD.id;
    INSERT INTO rally_positions
    SELECT id, lat, lat, lon, lon, first_minute, last_minute, server, server + 1
    FROM rally_position_rows WHERE id = NEW.id AND status = 'approved';
END;

CREATE TRIGGER rally_positions_delete AFTER DELETE ON rallies
BEGIN
    DELETE FROM rally_positions WHERE id = OLD.id;
END;

-- Rebuilds the spatial index with time in days rather than seconds. The R*Tree splits its nodes
-- by the sum of each dimension's extent, so a time axis in seconds (millions per month against
-- tens of degrees) made it cluster rallies by time alone and every place search visited most
-- nodes. In days the three axes weigh alike. Auxiliary columns carry the exact values a nearby
-- search needs, so it reads no row of `rallies` until it has picked its results.
DROP TRIGGER rally_positions_insert;
DROP TRIGGER rally_positions_update;
DROP TRIGGER rally_positions_delete;
DROP TABLE rally_positions;

CREATE VIRTUAL TABLE rally_positions USING rtree (
    id,
    min_lat, max_lat,
    min_lon, max_lon,
    min_day, max_day,
    +server_id INTEGER,
    +latitude REAL,
    +longitude REAL,
    +starts_at INTEGER,
    +last_at INTEGER
);

INSERT INTO rally_positions
SELECT id, latitude, latitude, longitude, longitude, starts_at / 86400.0,
    COALESCE(ends_at, starts_at) / 86400.0, server_id, latitude, longitude, starts_at,
    COALESCE(ends_at, starts_at)
FROM rallies WHERE status = 'approved';

CREATE TRIGGER rally_positions_insert AFTER INSERT ON rallies
WHEN NEW.status = 'approved'
BEGIN
    INSERT INTO rally_positions VALUES (NEW.id, NEW.latitude, NEW.latitude, NEW.longitude,
        NEW.longitude, NEW.starts_at / 86400.0, COALESCE(NEW.ends_at, NEW.starts_at) / 86400.0,
        NEW.server_id, NEW.latitude, NEW.longitude, NEW.starts_at,
        COALESCE(NEW.ends_at, NEW.starts_at));
END;

CREATE TRIGGER rally_positions_update
AFTER UPDATE OF status, server_id, latitude, longitude, starts_at, ends_at ON rallies
BEGIN
    DELETE FROM rally_positions WHERE id = OLD.id;
    INSERT INTO rally_positions
    SELECT NEW.id, NEW.latitude, NEW.latitude, NEW.longitude, NEW.longitude,
        NEW.starts_at / 86400.0, COALESCE(NEW.ends_at, NEW.starts_at) / 86400.0, NEW.server_id,
        NEW.latitude, NEW.longitude, NEW.starts_at, COALESCE(NEW.ends_at, NEW.starts_at)
    WHERE NEW.status = 'approved';
END;

CREATE TRIGGER rally_positions_delete AFTER DELETE ON rallies
BEGIN
    DELETE FROM rally_positions WHERE id = OLD.id;
END;

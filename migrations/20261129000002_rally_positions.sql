-- A spatial index of the rallies people can find: approved ones. Dimensions: latitude,
-- longitude and the time span (start to end, or start alone), all in R*Tree's 32-bit floats,
-- which round outward; queries re-check exact values on the rallies table.
CREATE VIRTUAL TABLE rally_positions USING rtree (
    id,
    min_lat, max_lat,
    min_lon, max_lon,
    min_time, max_time
);

INSERT INTO rally_positions
SELECT id, latitude, latitude, longitude, longitude, starts_at, COALESCE(ends_at, starts_at)
FROM rallies WHERE status = 'approved';

CREATE TRIGGER rally_positions_insert AFTER INSERT ON rallies
WHEN NEW.status = 'approved'
BEGIN
    INSERT INTO rally_positions VALUES (NEW.id, NEW.latitude, NEW.latitude, NEW.longitude,
        NEW.longitude, NEW.starts_at, COALESCE(NEW.ends_at, NEW.starts_at));
END;

CREATE TRIGGER rally_positions_update AFTER UPDATE OF status, latitude, longitude, starts_at, ends_at ON rallies
BEGIN
    DELETE FROM rally_positions WHERE id = OLD.id;
    INSERT INTO rally_positions
    SELECT NEW.id, NEW.latitude, NEW.latitude, NEW.longitude, NEW.longitude, NEW.starts_at,
        COALESCE(NEW.ends_at, NEW.starts_at)
    WHERE NEW.status = 'approved';
END;

CREATE TRIGGER rally_positions_delete AFTER DELETE ON rallies
BEGIN
    DELETE FROM rally_positions WHERE id = OLD.id;
END;

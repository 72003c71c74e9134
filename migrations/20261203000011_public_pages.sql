-- Public pages: a server's pages are off until a moderator turns them on; their address uses
-- an unguessable slug, never the Discord id. The slug is kept when the pages are turned off,
-- so turning them on again gives the same address.
ALTER TABLE servers ADD COLUMN public_page INTEGER NOT NULL DEFAULT 0 CHECK (public_page IN (0, 1));
ALTER TABLE servers ADD COLUMN public_slug TEXT;
ALTER TABLE servers ADD COLUMN invite_url TEXT;
-- The server's name as Discord gave it when a moderator last changed the pages' settings:
-- the pages' heading. Never the id.
ALTER TABLE servers ADD COLUMN public_name TEXT NOT NULL DEFAULT '';
CREATE UNIQUE INDEX servers_by_public_slug ON servers (public_slug) WHERE public_slug IS NOT NULL;

-- Calendar feeds' SEQUENCE: raised whenever the time, place or status of a rally changes, by
-- whichever path wrote it (an edit, a cancel, a moderator's decision, an import).
ALTER TABLE rallies ADD COLUMN sequence INTEGER NOT NULL DEFAULT 0;
CREATE TRIGGER rallies_sequence
AFTER UPDATE OF starts_at, ends_at, time_zone, place_name, latitude, longitude, address, status
ON rallies
WHEN OLD.starts_at IS NOT NEW.starts_at OR OLD.ends_at IS NOT NEW.ends_at
  OR OLD.time_zone IS NOT NEW.time_zone OR OLD.place_name IS NOT NEW.place_name
  OR OLD.latitude IS NOT NEW.latitude OR OLD.longitude IS NOT NEW.longitude
  OR OLD.address IS NOT NEW.address OR OLD.status IS NOT NEW.status
BEGIN
    UPDATE rallies SET sequence = sequence + 1 WHERE id = NEW.id;
END;

-- A number per server that moves with every change to what its public pages show (its
-- rallies, their RSVPs, its campaigns, its settings), whoever wrote it: this process, a
-- console or an import on the same file. Pages are kept rendered until it moves.
-- Only servers whose pages are on count their writes: the rest have no page to keep, and an
-- RSVP should not pay for one. Turning the pages on is itself a change (the servers trigger).
CREATE TABLE public_versions (
    server_id INTEGER PRIMARY KEY,
    version   INTEGER NOT NULL
);

CREATE TRIGGER public_versions_rally_insert AFTER INSERT ON rallies
WHEN EXISTS (SELECT 1 FROM servers s WHERE s.id = NEW.server_id AND s.public_page = 1)
BEGIN
    INSERT INTO public_versions VALUES (NEW.server_id, 1)
    ON CONFLICT (server_id) DO UPDATE SET version = version + 1;
END;
CREATE TRIGGER public_versions_rally_update AFTER UPDATE ON rallies
WHEN EXISTS (SELECT 1 FROM servers s WHERE s.id = NEW.server_id AND s.public_page = 1)
BEGIN
    INSERT INTO public_versions VALUES (NEW.server_id, 1)
    ON CONFLICT (server_id) DO UPDATE SET version = version + 1;
END;
CREATE TRIGGER public_versions_rally_delete AFTER DELETE ON rallies
WHEN EXISTS (SELECT 1 FROM servers s WHERE s.id = OLD.server_id AND s.public_page = 1)
BEGIN
    INSERT INTO public_versions VALUES (OLD.server_id, 1)
    ON CONFLICT (server_id) DO UPDATE SET version = version + 1;
END;

CREATE TRIGGER public_versions_rsvp_insert AFTER INSERT ON rsvps
BEGIN
    INSERT INTO public_versions SELECT r.server_id, 1 FROM rallies r
    JOIN servers s ON s.id = r.server_id AND s.public_page = 1
    WHERE r.id = NEW.rally_id
    ON CONFLICT (server_id) DO UPDATE SET version = version + 1;
END;
CREATE TRIGGER public_versions_rsvp_update AFTER UPDATE ON rsvps
BEGIN
    INSERT INTO public_versions SELECT r.server_id, 1 FROM rallies r
    JOIN servers s ON s.id = r.server_id AND s.public_page = 1
    WHERE r.id = NEW.rally_id
    ON CONFLICT (server_id) DO UPDATE SET version = version + 1;
END;
CREATE TRIGGER public_versions_rsvp_delete AFTER DELETE ON rsvps
BEGIN
    INSERT INTO public_versions SELECT r.server_id, 1 FROM rallies r
    JOIN servers s ON s.id = r.server_id AND s.public_page = 1
    WHERE r.id = OLD.rally_id
    ON CONFLICT (server_id) DO UPDATE SET version = version + 1;
END;

CREATE TRIGGER public_versions_campaign_insert AFTER INSERT ON campaigns
WHEN EXISTS (SELECT 1 FROM servers s WHERE s.id = NEW.server_id AND s.public_page = 1)
BEGIN
    INSERT INTO public_versions VALUES (NEW.server_id, 1)
    ON CONFLICT (server_id) DO UPDATE SET version = version + 1;
END;
CREATE TRIGGER public_versions_campaign_update AFTER UPDATE ON campaigns
WHEN EXISTS (SELECT 1 FROM servers s WHERE s.id = NEW.server_id AND s.public_page = 1)
BEGIN
    INSERT INTO public_versions VALUES (NEW.server_id, 1)
    ON CONFLICT (server_id) DO UPDATE SET version = version + 1;
END;
CREATE TRIGGER public_versions_campaign_delete AFTER DELETE ON campaigns
WHEN EXISTS (SELECT 1 FROM servers s WHERE s.id = OLD.server_id AND s.public_page = 1)
BEGIN
    INSERT INTO public_versions VALUES (OLD.server_id, 1)
    ON CONFLICT (server_id) DO UPDATE SET version = version + 1;
END;

CREATE TRIGGER public_versions_server_update AFTER UPDATE ON servers
BEGIN
    INSERT INTO public_versions VALUES (NEW.id, 1)
    ON CONFLICT (server_id) DO UPDATE SET version = version + 1;
END;

-- A coalition's shared campaign shows its members' rallies on the owner's pages: a member that
-- joins or leaves changes what every member's pages may show.
CREATE TRIGGER public_versions_member_insert AFTER INSERT ON coalition_members
BEGIN
    INSERT INTO public_versions SELECT server_id, 1 FROM coalition_members
    WHERE coalition_id = NEW.coalition_id
    ON CONFLICT (server_id) DO UPDATE SET version = version + 1;
END;
CREATE TRIGGER public_versions_member_delete AFTER DELETE ON coalition_members
BEGIN
    INSERT INTO public_versions SELECT server_id, 1 FROM coalition_members
    WHERE coalition_id = OLD.coalition_id OR server_id = OLD.server_id
    ON CONFLICT (server_id) DO UPDATE SET version = version + 1;
END;

-- Languages: the one moderators chose for a server's posts (NULL: follow Discord's), the one
-- Discord gives as the server's preferred locale, and each person's as their client last told
-- it, for the direct messages they did not ask for at that moment.
ALTER TABLE servers ADD COLUMN language TEXT CHECK (language IN ('en', 'es'));
ALTER TABLE servers ADD COLUMN discord_language TEXT CHECK (discord_language IN ('en', 'es'));
CREATE TABLE user_languages (
    user_id INTEGER PRIMARY KEY,
    language TEXT NOT NULL CHECK (language IN ('en', 'es')),
    updated_at INTEGER NOT NULL
);

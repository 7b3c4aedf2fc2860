-- The script library, its history, and which revision each take was recorded against.

CREATE TABLE scripts (
    id             INTEGER PRIMARY KEY,
    title          TEXT NOT NULL,
    language       TEXT NOT NULL CHECK (language IN ('en', 'nl')),
    created_at     TEXT NOT NULL,               -- ISO 8601, UTC
    updated_at     TEXT NOT NULL,               -- last change to title or text
    deleted_at     TEXT,                        -- set while the script sits in the bin
    -- Kept by the triggers below so listing the library never counts the revisions table.
    revision_count INTEGER NOT NULL DEFAULT 0,
    -- When the working copy first differed from the latest revision (NULL while it equals it):
    -- autosave checkpoints the working copy once it has been unrevised for a while.
    dirty_since    TEXT,
    -- Large columns last, so reading the ones above never pulls their overflow pages.
    text           TEXT NOT NULL DEFAULT '',    -- the working copy that autosave writes
    search_key     TEXT NOT NULL DEFAULT ''     -- title and text folded for search
);

-- Covers the library listing, in its order (id breaks ties), so it is answered from the index
-- alone: no table rows, no sorting.
CREATE INDEX scripts_listing
    ON scripts(deleted_at, updated_at, id, title, language, created_at, revision_count);

CREATE TABLE revisions (
    id            INTEGER PRIMARY KEY,
    script_id     INTEGER NOT NULL REFERENCES scripts(id) ON DELETE CASCADE,
    created_at    TEXT NOT NULL,                -- ISO 8601, UTC
    name          TEXT NOT NULL DEFAULT '',     -- '' for automatic revisions
    kind          TEXT NOT NULL
                  CHECK (kind IN ('created', 'import', 'manual', 'practice', 'autosave',
                                  'restore')),
    restored_from INTEGER REFERENCES revisions(id) ON DELETE SET NULL,
    text          TEXT NOT NULL
);
CREATE INDEX revisions_script ON revisions(script_id, id);
CREATE INDEX revisions_restored_from ON revisions(restored_from);

CREATE TRIGGER revisions_counted AFTER INSERT ON revisions
BEGIN
    UPDATE scripts SET revision_count = revision_count + 1 WHERE id = NEW.script_id;
END;

CREATE TRIGGER revisions_uncounted AFTER DELETE ON revisions
BEGIN
    UPDATE scripts SET revision_count = revision_count - 1 WHERE id = OLD.script_id;
END;

-- A take outlives a purged script: its recording stays, the link becomes NULL.
ALTER TABLE takes ADD COLUMN script_id INTEGER REFERENCES scripts(id) ON DELETE SET NULL;
ALTER TABLE takes ADD COLUMN revision_id INTEGER REFERENCES revisions(id) ON DELETE SET NULL;
CREATE INDEX takes_script ON takes(script_id);
CREATE INDEX takes_revision ON takes(revision_id);

-- Voicemail practice: what kind of take, how it sounded to its maker, and blind comparisons.

-- 'take' (the Recorder page), 'voicemail', 'live_answer' (a person picked up). Not constrained
-- here, so a later mode can add its kind without rebuilding the table; app.core.takes checks.
ALTER TABLE takes ADD COLUMN kind TEXT NOT NULL DEFAULT 'take';
-- "Sounds like me", 1 to 5; NULL until rated.
ALTER TABLE takes ADD COLUMN rating INTEGER CHECK (rating BETWEEN 1 AND 5);
ALTER TABLE takes ADD COLUMN notes TEXT NOT NULL DEFAULT '';
-- The best take of its script; at most one per script, kept so by app.core.takes.
ALTER TABLE takes ADD COLUMN starred INTEGER NOT NULL DEFAULT 0 CHECK (starred IN (0, 1));
CREATE INDEX takes_script_kind ON takes(script_id, kind, created_at);

-- One blind comparison: which take played as X and which as Y, and the one that sounded more
-- natural. Goes with its takes when the bin is emptied.
CREATE TABLE verdicts (
    id          INTEGER PRIMARY KEY,
    created_at  TEXT NOT NULL,              -- ISO 8601, UTC
    x_take      INTEGER NOT NULL REFERENCES takes(id) ON DELETE CASCADE,
    y_take      INTEGER NOT NULL REFERENCES takes(id) ON DELETE CASCADE,
    preferred   INTEGER NOT NULL REFERENCES takes(id) ON DELETE CASCADE,
    CHECK (x_take != y_take AND preferred IN (x_take, y_take))
);
CREATE INDEX verdicts_x ON verdicts(x_take);
CREATE INDEX verdicts_y ON verdicts(y_take);
CREATE INDEX verdicts_preferred ON verdicts(preferred);

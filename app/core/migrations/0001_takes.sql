-- Foundation: settings and the recorded takes.
CREATE TABLE settings (
    key   TEXT PRIMARY KEY,
    value TEXT NOT NULL
);

CREATE TABLE takes (
    id          INTEGER PRIMARY KEY,
    name        TEXT NOT NULL DEFAULT '',
    created_at  TEXT NOT NULL,              -- ISO 8601, UTC
    duration_s  REAL NOT NULL DEFAULT 0,
    samplerate  INTEGER NOT NULL,
    file        TEXT NOT NULL UNIQUE,       -- relative to the data home
    state       TEXT NOT NULL DEFAULT 'recording'
                CHECK (state IN ('recording', 'done', 'recovered')),
    deleted_at  TEXT                        -- set while the take sits in the bin (undo)
);
CREATE INDEX takes_created ON takes(created_at);

-- Live-call practice: each run's one recording, its turns as they happened, and the prospect's
-- lines that the user (or a colleague) recorded. Times of turns are frames of the run's
-- recording, so they need no clock to be played or measured.

CREATE TABLE practice_runs (
    id          INTEGER PRIMARY KEY,
    script_id   INTEGER REFERENCES scripts(id) ON DELETE SET NULL,
    revision_id INTEGER REFERENCES revisions(id) ON DELETE SET NULL,
    started_at  TEXT NOT NULL,                  -- ISO 8601, UTC
    file        TEXT NOT NULL UNIQUE,           -- FLAC, relative to the data home
    samplerate  INTEGER NOT NULL,
    frames      INTEGER NOT NULL DEFAULT 0,     -- the recording's length, once known
    state       TEXT NOT NULL DEFAULT 'recording'
                CHECK (state IN ('recording', 'done', 'recovered')),
    outcome     TEXT NOT NULL DEFAULT '',       -- completed, drilled, hung_up, prospect_hung_up
    voice       TEXT NOT NULL DEFAULT '',       -- system, recorded, none
    choice      TEXT NOT NULL DEFAULT ''        -- random, weighted, drill
);
CREATE INDEX practice_runs_script ON practice_runs(script_id, id);

CREATE TABLE practice_turns (
    id             INTEGER PRIMARY KEY,
    run_id         INTEGER NOT NULL REFERENCES practice_runs(id) ON DELETE CASCADE,
    number         INTEGER NOT NULL,            -- 0: the pickup and your opener
    branch_key     TEXT NOT NULL,               -- the prospect's answer (app.core.practice.turns)
    prospect_text  TEXT NOT NULL,
    step           TEXT NOT NULL,               -- the step you replied with
    line_start     INTEGER,                     -- frames of the run's recording
    line_end       INTEGER,
    still_there_at INTEGER,
    onset          INTEGER,
    reply_end      INTEGER,
    gave_up_at     INTEGER,
    rating         INTEGER CHECK (rating BETWEEN 1 AND 3),
    UNIQUE (run_id, number)
);
CREATE INDEX practice_turns_key ON practice_turns(branch_key);

CREATE TABLE practice_lines (
    id         INTEGER PRIMARY KEY,
    script_id  INTEGER NOT NULL REFERENCES scripts(id) ON DELETE CASCADE,
    line_key   TEXT NOT NULL,                   -- a branch key, '@pickup' or '@still-there'
    file       TEXT NOT NULL UNIQUE,            -- relative to the data home
    UNIQUE (script_id, line_key)
);

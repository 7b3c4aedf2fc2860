-- The daily prospecting block: the people to call, the blocks of time spent calling them, the
-- real calls logged, and what was practised inside a block. Days are the user's local dates
-- (ISO, 'YYYY-MM-DD'), the unit the week view and the habit score count in.

CREATE TABLE prospects (
    id         INTEGER PRIMARY KEY,
    name       TEXT NOT NULL,
    company    TEXT NOT NULL DEFAULT '',
    phone      TEXT NOT NULL DEFAULT '',
    phone_key  TEXT NOT NULL DEFAULT '',          -- the phone's digits, to find duplicates
    tier       TEXT NOT NULL DEFAULT 'B' CHECK (tier IN ('A', 'B', 'C')),
    notes      TEXT NOT NULL DEFAULT '',
    script_id  INTEGER REFERENCES scripts(id) ON DELETE SET NULL,
    call_on    TEXT,                              -- back in the queue on this day
    closed     INTEGER NOT NULL DEFAULT 0 CHECK (closed IN (0, 1)),  -- meeting or a no
    created_at TEXT NOT NULL                      -- ISO 8601, UTC
);
CREATE INDEX prospects_phone ON prospects(phone_key);

CREATE TABLE blocks (
    id         INTEGER PRIMARY KEY,
    day        TEXT NOT NULL,
    started_at TEXT NOT NULL,                     -- ISO 8601, UTC
    planned_s  INTEGER NOT NULL,
    counted_s  REAL NOT NULL DEFAULT 0,           -- written at every heartbeat and at the end
    state      TEXT NOT NULL DEFAULT 'running'
               CHECK (state IN ('running', 'ended', 'cut'))  -- cut: by a crash or sleep
);
CREATE INDEX blocks_day ON blocks(day, counted_s);
CREATE INDEX blocks_state ON blocks(state);

CREATE TABLE real_calls (
    id            INTEGER PRIMARY KEY,
    prospect_id   INTEGER REFERENCES prospects(id) ON DELETE SET NULL,
    block_id      INTEGER REFERENCES blocks(id) ON DELETE SET NULL,
    script_id     INTEGER REFERENCES scripts(id) ON DELETE SET NULL,
    day           TEXT NOT NULL,
    at            TEXT NOT NULL,                  -- ISO 8601, UTC
    outcome       TEXT NOT NULL CHECK (outcome IN ('no_answer', 'voicemail', 'spoke',
                  'meeting', 'not_interested', 'call_back')),
    objection     TEXT NOT NULL DEFAULT '',       -- the prospect's words
    objection_key TEXT NOT NULL DEFAULT '',       -- the script's answer (a branch key), if any
    step          TEXT NOT NULL DEFAULT '',       -- the step it was heard at
    no_good_answer INTEGER NOT NULL DEFAULT 0 CHECK (no_good_answer IN (0, 1)),
    differently   TEXT NOT NULL DEFAULT '',
    call_back_on  TEXT
);
CREATE INDEX real_calls_day ON real_calls(day, outcome);
CREATE INDEX real_calls_prospect ON real_calls(prospect_id, day);
CREATE INDEX real_calls_key ON real_calls(objection_key, at);

CREATE TABLE block_activity (
    id        INTEGER PRIMARY KEY,
    block_id  INTEGER NOT NULL REFERENCES blocks(id) ON DELETE CASCADE,
    kind      TEXT NOT NULL CHECK (kind IN ('voicemail_take', 'live_run', 'real_call')),
    ref_id    INTEGER,
    seconds   REAL NOT NULL DEFAULT 0
);
CREATE INDEX block_activity_block ON block_activity(block_id, kind);

-- Delivery feedback: each take's analysis and transcript, kept so that a report reopens at
-- once, and the "just talk" takes that are the user's natural voice.

-- One row per analysed take. Either ``data`` (Analysis.to_json_dict() without a transcript)
-- or ``error`` (why the take could not be analysed, in the user's words) is set.
CREATE TABLE take_analyses (
    take_id     INTEGER PRIMARY KEY REFERENCES takes(id) ON DELETE CASCADE,
    created_at  TEXT NOT NULL,              -- ISO 8601, UTC
    format      INTEGER NOT NULL,           -- of ``data``; an older format is analysed again
    data        TEXT,                       -- JSON
    error       TEXT,
    -- The pitch track for drawing: float32 Hz per frame of ``contour_step_s``, NaN unvoiced.
    contour     BLOB,
    contour_step_s REAL,
    CHECK ((data IS NULL) != (error IS NULL))
);

-- The take's words, from the Whisper model in ``model`` (its folder), in ``language``.
CREATE TABLE take_transcripts (
    take_id     INTEGER PRIMARY KEY REFERENCES takes(id) ON DELETE CASCADE,
    created_at  TEXT NOT NULL,
    model       TEXT NOT NULL,
    language    TEXT NOT NULL,
    duration_s  REAL NOT NULL,
    data        TEXT NOT NULL               -- Transcript.to_json_dict()
);

-- Natural-voice recordings; the newest whose take is not in the bin is the yardstick.
CREATE TABLE baselines (
    take_id     INTEGER PRIMARY KEY REFERENCES takes(id) ON DELETE CASCADE,
    created_at  TEXT NOT NULL
);
CREATE INDEX baselines_created ON baselines(created_at);

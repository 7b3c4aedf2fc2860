-- What the salesperson said in each reply of a live call, and how it was judged against its
-- step (JSON, app.core.practice.judge), for the review's coaching and the call score.
-- NULL for replies of calls that did not listen (before this, or no speech model).

ALTER TABLE practice_turns ADD COLUMN said TEXT;
ALTER TABLE practice_turns ADD COLUMN judgement TEXT;
ALTER TABLE practice_turns ADD COLUMN interrupted INTEGER NOT NULL DEFAULT 0;

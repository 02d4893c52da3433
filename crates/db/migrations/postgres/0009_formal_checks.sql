-- Every change of a submission's formal check, so that a correction stays visible; the
-- current check stays on `submissions`, which the report and the lists read.

CREATE TABLE formal_checks (
    id BIGSERIAL PRIMARY KEY,
    submission_id BIGINT NOT NULL REFERENCES submissions(id) ON DELETE CASCADE,
    at TIMESTAMPTZ NOT NULL,
    actor_id BIGINT REFERENCES users(id) ON DELETE SET NULL,
    actor_label TEXT NOT NULL,
    status TEXT NOT NULL,
    reason TEXT,
    correct_by TIMESTAMPTZ
);
CREATE INDEX formal_checks_submission ON formal_checks(submission_id, at);

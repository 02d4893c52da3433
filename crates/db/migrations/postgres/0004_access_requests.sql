-- Requests for an accessible alternative of a page or document. The city must meet or
-- answer each within seven days, so the deadline is stored and listed by.

CREATE TABLE access_requests (
    id BIGSERIAL PRIMARY KEY,
    token_hash TEXT NOT NULL UNIQUE,
    subject TEXT NOT NULL,
    format TEXT NOT NULL,
    details TEXT,
    contact TEXT NOT NULL,
    name TEXT,
    lang TEXT NOT NULL,
    user_id BIGINT REFERENCES users(id) ON DELETE SET NULL,
    consultation_id BIGINT REFERENCES consultations(id) ON DELETE SET NULL,
    unit_id BIGINT REFERENCES units(id) ON DELETE SET NULL,
    received_at TIMESTAMPTZ NOT NULL,
    due_at TIMESTAMPTZ NOT NULL,
    handled_at TIMESTAMPTZ,
    handled_by TEXT,
    note TEXT
);
CREATE INDEX access_requests_due ON access_requests(handled_at, due_at);
CREATE INDEX access_requests_unit ON access_requests(unit_id, due_at);

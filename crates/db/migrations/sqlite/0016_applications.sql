-- Applications to join a dialogue body, reviewed by its secretary, and requests to create a
-- new body with the organisations supporting them. A request joins the ledger of the city's
-- answers as a tracked request once submitted; its decision lives there, not here.
CREATE TABLE body_applications (
    id INTEGER PRIMARY KEY,
    body_id INTEGER NOT NULL REFERENCES dialogue_bodies(id) ON DELETE CASCADE,
    user_id INTEGER NOT NULL REFERENCES users(id),
    applicant_kind TEXT NOT NULL,
    person_name TEXT NOT NULL,
    organisation TEXT,
    statement TEXT NOT NULL,
    email TEXT NOT NULL,
    lang TEXT NOT NULL,
    status TEXT NOT NULL,
    reason TEXT,
    membership_id INTEGER REFERENCES body_memberships(id) ON DELETE SET NULL,
    created_at TEXT NOT NULL,
    decided_at TEXT,
    decided_by INTEGER REFERENCES users(id) ON DELETE SET NULL
);
CREATE INDEX body_applications_queue ON body_applications(body_id, status, created_at);
CREATE INDEX body_applications_user ON body_applications(user_id, created_at);

CREATE TABLE body_requests (
    id INTEGER PRIMARY KEY,
    name TEXT NOT NULL,
    kind TEXT NOT NULL,
    justification TEXT NOT NULL,
    unit_id INTEGER NOT NULL REFERENCES units(id),
    user_id INTEGER NOT NULL REFERENCES users(id),
    requester_name TEXT NOT NULL,
    tracked_id INTEGER UNIQUE REFERENCES tracked_requests(id) ON DELETE SET NULL,
    created_at TEXT NOT NULL,
    submitted_at TEXT
);
CREATE INDEX body_requests_created ON body_requests(created_at);

CREATE TABLE body_request_supports (
    id INTEGER PRIMARY KEY,
    request_id INTEGER NOT NULL REFERENCES body_requests(id) ON DELETE CASCADE,
    organisation TEXT NOT NULL,
    organisation_key TEXT NOT NULL,
    user_id INTEGER NOT NULL REFERENCES users(id),
    person_name TEXT NOT NULL,
    created_at TEXT NOT NULL,
    UNIQUE (request_id, organisation_key)
);

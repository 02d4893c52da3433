-- What the city owes an answer to by a date (opinions and recommendations of dialogue bodies
-- first), its steps, and the opinions themselves. The ledger of the city's answers reads
-- `tracked_requests` alone, ordered by what is due soonest.
CREATE TABLE tracked_requests (
    id BIGSERIAL PRIMARY KEY,
    kind TEXT NOT NULL,
    title TEXT NOT NULL,
    body_id BIGINT REFERENCES dialogue_bodies(id) ON DELETE SET NULL,
    unit_id BIGINT NOT NULL REFERENCES units(id),
    opened_on DATE NOT NULL,
    due_on DATE NOT NULL,
    state TEXT NOT NULL,
    answered_on DATE,
    public BOOLEAN NOT NULL,
    created_at TIMESTAMPTZ NOT NULL,
    updated_at TIMESTAMPTZ NOT NULL
);
CREATE INDEX tracked_requests_due ON tracked_requests(public, due_on, id);
CREATE INDEX tracked_requests_unit ON tracked_requests(unit_id, due_on);
CREATE INDEX tracked_requests_body ON tracked_requests(body_id, due_on);

CREATE TABLE tracked_steps (
    id BIGSERIAL PRIMARY KEY,
    tracked_id BIGINT NOT NULL REFERENCES tracked_requests(id) ON DELETE CASCADE,
    at TIMESTAMPTZ NOT NULL,
    state TEXT NOT NULL,
    note TEXT,
    actor_id BIGINT REFERENCES users(id) ON DELETE SET NULL,
    actor_label TEXT NOT NULL
);
CREATE INDEX tracked_steps_request ON tracked_steps(tracked_id, at);

CREATE TABLE opinions (
    id BIGSERIAL PRIMARY KEY,
    tracked_id BIGINT NOT NULL UNIQUE REFERENCES tracked_requests(id) ON DELETE CASCADE,
    body_id BIGINT NOT NULL REFERENCES dialogue_bodies(id),
    text TEXT NOT NULL,
    adopted_on DATE NOT NULL,
    votes_for INTEGER NOT NULL,
    votes_against INTEGER NOT NULL,
    votes_abstaining INTEGER NOT NULL
);
CREATE INDEX opinions_body ON opinions(body_id, adopted_on);

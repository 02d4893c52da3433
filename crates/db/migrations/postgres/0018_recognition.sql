-- Recognition of the people who give their time to dialogue bodies: a member's own consent to
-- show their record on the body's public page (one per person and body, given and withdrawn
-- by the member alone), and every certificate of participation issued, so that its reference
-- number can be checked against what was issued, to whom and for which period.
CREATE TABLE body_record_consents (
    body_id BIGINT NOT NULL REFERENCES dialogue_bodies(id) ON DELETE CASCADE,
    user_id BIGINT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
    consented_at TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (body_id, user_id)
);

CREATE TABLE participation_certificates (
    id BIGSERIAL PRIMARY KEY,
    reference TEXT NOT NULL UNIQUE,
    body_id BIGINT NOT NULL REFERENCES dialogue_bodies(id) ON DELETE CASCADE,
    membership_id BIGINT REFERENCES body_memberships(id) ON DELETE SET NULL,
    user_id BIGINT REFERENCES users(id) ON DELETE SET NULL,
    person_name TEXT NOT NULL,
    period_from DATE NOT NULL,
    period_to DATE NOT NULL,
    issued_on DATE NOT NULL,
    issued_by BIGINT REFERENCES users(id) ON DELETE SET NULL,
    created_at TIMESTAMPTZ NOT NULL
);
CREATE INDEX participation_certificates_body ON participation_certificates(body_id, created_at);

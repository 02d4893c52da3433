-- Members of a body who co-sign its opinion or recommendation: the person's name and the
-- organisation they represent as of signing, so that the record stays true after their
-- membership ends; one signature per account.
CREATE TABLE opinion_signatures (
    tracked_id BIGINT NOT NULL REFERENCES tracked_requests(id) ON DELETE CASCADE,
    user_id BIGINT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
    signer_name TEXT NOT NULL,
    organisation TEXT,
    signed_at TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (tracked_id, user_id)
);
CREATE INDEX opinion_signatures_user ON opinion_signatures(user_id, signed_at);

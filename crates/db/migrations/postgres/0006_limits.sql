-- Rate limits: one counter per rule and subject (a client's address, an account, a mailbox),
-- counting attempts in a window that starts with the first of them. The counter is named by
-- a hash, so the table holds no address in the clear; the sign-in failures it replaces go.

CREATE TABLE rate_limits (
    bucket TEXT PRIMARY KEY,
    window_start TIMESTAMPTZ NOT NULL,
    hits BIGINT NOT NULL
);
-- Pruning finds the counters whose window began long ago.
CREATE INDEX rate_limits_window_start ON rate_limits(window_start);

DROP TABLE login_failures;

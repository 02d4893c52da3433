-- Following and mail that people asked for: subscribers (an account's address, or an address
-- confirmed by a mailed link), what each follows and how often, the notices that things
-- followed give rise to, and the newsletter.

-- Jobs carry the class of their mail: 0 transactional and system work, 1 subscriptions,
-- 2 the newsletter. Bulk classes are claimed by their own worker, so a receipt never waits
-- behind a digest run.
ALTER TABLE jobs ADD COLUMN priority INTEGER NOT NULL DEFAULT 0;
DROP INDEX jobs_due;
CREATE INDEX jobs_due ON jobs(priority, run_at, id);

CREATE TABLE subscribers (
    id INTEGER PRIMARY KEY,
    email TEXT NOT NULL UNIQUE,
    user_id INTEGER UNIQUE REFERENCES users(id) ON DELETE SET NULL,
    -- The language every message to this address is written in.
    lang TEXT NOT NULL,
    -- The capability behind "my subscriptions" without signing in; every message mails it, so
    -- it is kept as it is rather than hashed.
    manage_key TEXT NOT NULL UNIQUE,
    -- When the address was first confirmed: signed in, or by a mailed link.
    confirmed_at TEXT,
    created_at TEXT NOT NULL
);

CREATE TABLE subscriptions (
    id INTEGER PRIMARY KEY,
    subscriber_id INTEGER NOT NULL REFERENCES subscribers(id) ON DELETE CASCADE,
    -- consultation, district, category, body, thread, series, or newsletter (target 0).
    target_kind TEXT NOT NULL,
    target_id INTEGER NOT NULL,
    -- instant, daily, weekly or off.
    frequency TEXT NOT NULL,
    -- The one-click unsubscribe key of this subscription (RFC 8058).
    unsubscribe_key TEXT NOT NULL UNIQUE,
    -- Where the person asked for it (a page, sign-up, the newsletter's form): with created_at,
    -- the recorded opt-in.
    source TEXT NOT NULL,
    created_at TEXT NOT NULL,
    -- Double opt-in: a subscription asked for without signing in mails nothing until the link
    -- with this key is followed, which records when.
    confirm_key TEXT UNIQUE,
    confirmed_at TEXT,
    UNIQUE (subscriber_id, target_kind, target_id)
);
CREATE INDEX subscriptions_target ON subscriptions(target_kind, target_id, frequency, subscriber_id);
CREATE INDEX subscriptions_frequency ON subscriptions(frequency, subscriber_id);

-- Something followed became public: a consultation announced, opened, closing or reported, a
-- news post, a thread, the city's position, a meeting, an opinion, an event. One row per thing
-- and kind, whoever noticed it first; `at` is when it became public, `created_at` when it was
-- collected, which decides the digest it goes in.
CREATE TABLE notices (
    id INTEGER PRIMARY KEY,
    kind TEXT NOT NULL,
    source_id INTEGER NOT NULL,
    title TEXT NOT NULL,
    title_en TEXT,
    path TEXT NOT NULL,
    at TEXT NOT NULL,
    created_at TEXT NOT NULL,
    UNIQUE (kind, source_id)
);
CREATE INDEX notices_at ON notices(at, id);
CREATE INDEX notices_collected ON notices(created_at);
CREATE INDEX notices_kind ON notices(kind, at);

CREATE TABLE notice_targets (
    notice_id INTEGER NOT NULL REFERENCES notices(id) ON DELETE CASCADE,
    target_kind TEXT NOT NULL,
    target_id INTEGER NOT NULL,
    PRIMARY KEY (notice_id, target_kind, target_id)
);
CREATE INDEX notice_targets_target ON notice_targets(target_kind, target_id, notice_id);

-- Each message of a mailing under its idempotency key (`daily:2026-12-07:17`,
-- `instant:345:17`, `newsletter:3:17`), written with the message's job: a run killed half-way
-- and started again sends nobody anything twice.
CREATE TABLE deliveries (
    key TEXT PRIMARY KEY,
    at TEXT NOT NULL
);

-- The digests built so far, per frequency and first day of the period.
CREATE TABLE digest_runs (
    frequency TEXT NOT NULL,
    period_start TEXT NOT NULL,
    started_at TEXT NOT NULL,
    finished_at TEXT,
    messages INTEGER NOT NULL DEFAULT 0,
    PRIMARY KEY (frequency, period_start)
);

-- The collector reads, every few seconds, what became public since a week ago: each source by
-- the time it became public.
CREATE INDEX IF NOT EXISTS consultation_transitions_at ON consultation_transitions(at);
CREATE INDEX IF NOT EXISTS reports_published_at ON reports(published_at);
CREATE INDEX IF NOT EXISTS forum_threads_created_at ON forum_threads(created_at);
CREATE INDEX IF NOT EXISTS forum_posts_positions ON forum_posts(created_at) WHERE position_unit_id IS NOT NULL;
CREATE INDEX IF NOT EXISTS meetings_invited_at ON meetings(invited_at);
CREATE INDEX IF NOT EXISTS tracked_requests_created_at ON tracked_requests(created_at);
CREATE INDEX IF NOT EXISTS tracked_requests_updated_at ON tracked_requests(updated_at);
CREATE INDEX IF NOT EXISTS city_events_created_at ON city_events(created_at);

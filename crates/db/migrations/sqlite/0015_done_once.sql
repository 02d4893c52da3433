-- Work done once for a key, e.g. one department's weekly reminder of one week: the key is
-- written in the same transaction as the jobs it queued, so that a restarted worker or a
-- second instance never queues them again and a crash half-way queues nothing.
CREATE TABLE done_once (
    key TEXT PRIMARY KEY,
    done_at TEXT NOT NULL
);

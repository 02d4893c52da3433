-- Advice requests (Bank Wspierania Partycypacji). Each is a tracked request of the city's
-- answers ledger and shares its id: where it stands, when it was sent, when it is due and when
-- it was answered live in `tracked_requests`, so that the ledger lists it with everything else
-- the city owes. What the person asked, the conversation and the files stay here, private.
CREATE TABLE advice_requests (
    id INTEGER PRIMARY KEY REFERENCES tracked_requests(id) ON DELETE CASCADE,
    -- The capability in the links mailed to the person, who need not have an account; every
    -- message mails it again, so it is kept as it is rather than hashed.
    access_key TEXT NOT NULL UNIQUE,
    topic TEXT NOT NULL,
    asker TEXT NOT NULL,
    organisation TEXT,
    name TEXT,
    email TEXT NOT NULL,
    user_id INTEGER REFERENCES users(id) ON DELETE SET NULL,
    question TEXT NOT NULL,
    lang TEXT NOT NULL,
    adviser_id INTEGER REFERENCES users(id) ON DELETE SET NULL,
    adviser_name TEXT,
    -- The day the adviser asked something and the clock stopped; NULL while it runs.
    paused_on TEXT,
    -- Working days the clock has stood still in all, by which the due date has moved.
    paused_days INTEGER NOT NULL DEFAULT 0,
    answer TEXT,
    answered_at TEXT,
    rating INTEGER,
    rating_comment TEXT,
    rated_at TEXT,
    public_question TEXT,
    public_answer TEXT,
    published_at TEXT,
    created_at TEXT NOT NULL
);
-- "My requests" of a signed-in person, and the public questions and answers, newest first.
CREATE INDEX advice_requests_user ON advice_requests(user_id, id);
CREATE INDEX advice_requests_published ON advice_requests(published_at, topic);
-- The advisers' queue reads the ledger's rows of its kind by state and due date.
CREATE INDEX tracked_requests_kind ON tracked_requests(kind, state, due_on);

CREATE TABLE advice_messages (
    id INTEGER PRIMARY KEY,
    request_id INTEGER NOT NULL REFERENCES advice_requests(id) ON DELETE CASCADE,
    at TEXT NOT NULL,
    from_adviser BOOLEAN NOT NULL,
    author_id INTEGER REFERENCES users(id) ON DELETE SET NULL,
    author_name TEXT NOT NULL,
    text TEXT NOT NULL,
    -- The adviser asked for a reply and stopped the clock with this message.
    pauses BOOLEAN NOT NULL
);
CREATE INDEX advice_messages_request ON advice_messages(request_id, at);

CREATE TABLE advice_files (
    id INTEGER PRIMARY KEY,
    request_id INTEGER NOT NULL REFERENCES advice_requests(id) ON DELETE CASCADE,
    storage_key TEXT NOT NULL,
    file_name TEXT NOT NULL,
    content_type TEXT NOT NULL,
    size_bytes INTEGER NOT NULL
);
CREATE INDEX advice_files_request ON advice_files(request_id, id);

-- The Centre's newsletter: issues written in Markdown by its editors, sent in batches to the
-- subscribers of an audience who opted in, and kept in a public archive once sent. Each message
-- is a row of `deliveries` under `newsletter:{id}:{subscriber}` written with its mail job.
CREATE TABLE newsletters (
    id BIGSERIAL PRIMARY KEY,
    subject TEXT NOT NULL,
    subject_en TEXT,
    -- Markdown, mailed as it is typed and rendered on the archive's page.
    body TEXT NOT NULL,
    body_en TEXT,
    -- all, district, category or body; the district's, category's or body's id, else NULL.
    audience TEXT NOT NULL,
    audience_id BIGINT,
    -- draft, scheduled, sending or sent.
    status TEXT NOT NULL,
    -- When it goes out; "send now" sets it to that moment.
    scheduled_at TIMESTAMPTZ,
    -- When its job began queueing the messages: the start of the mailing's pace.
    started_at TIMESTAMPTZ,
    sent_at TIMESTAMPTZ,
    -- Messages queued, known once it is sent.
    recipients BIGINT,
    created_by BIGINT REFERENCES users(id) ON DELETE SET NULL,
    created_at TIMESTAMPTZ NOT NULL,
    updated_by BIGINT REFERENCES users(id) ON DELETE SET NULL,
    updated_at TIMESTAMPTZ NOT NULL
);
-- The archive: sent issues, newest first.
CREATE INDEX newsletters_archive ON newsletters(status, sent_at, id);

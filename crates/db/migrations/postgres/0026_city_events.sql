-- Standalone events (conferences, debates, workshops, trainings, Forum Dialogu sessions,
-- study visits, integration events, duty hours) organised by the Centre, a department, a
-- district or a body, optionally in a series and optionally serving a consultation; people
-- register for them, take a place or wait for one, and are checked in at the door by code.
-- A consultation's own meetings stay in `events`; the calendar merges both.

CREATE TABLE event_series (
    id BIGSERIAL PRIMARY KEY,
    title TEXT NOT NULL,
    description TEXT NOT NULL,
    organiser_kind TEXT NOT NULL,
    organiser_id BIGINT,
    -- A training series of the academy, with a certificate for completing it.
    academy BOOLEAN NOT NULL DEFAULT FALSE,
    -- Who an academy series is for (city staff, councillors, local leaders), as words.
    audience TEXT,
    created_at TIMESTAMPTZ NOT NULL,
    updated_at TIMESTAMPTZ NOT NULL
);

CREATE TABLE city_events (
    id BIGSERIAL PRIMARY KEY,
    kind TEXT NOT NULL,
    title TEXT NOT NULL,
    description TEXT NOT NULL,
    organiser_kind TEXT NOT NULL,
    organiser_id BIGINT,
    series_id BIGINT REFERENCES event_series(id) ON DELETE SET NULL,
    consultation_id BIGINT REFERENCES consultations(id) ON DELETE SET NULL,
    district_id BIGINT REFERENCES districts(id) ON DELETE SET NULL,
    starts_at TIMESTAMPTZ NOT NULL,
    ends_at TIMESTAMPTZ NOT NULL,
    address TEXT,
    online_url TEXT,
    -- Registration: none when `reg_opens_at` is NULL; no limit when `capacity` is NULL.
    capacity BIGINT,
    reg_opens_at TIMESTAMPTZ,
    reg_closes_at TIMESTAMPTZ,
    -- The organiser's questions, one per line.
    questions TEXT NOT NULL DEFAULT '',
    cancelled_at TIMESTAMPTZ,
    materials TEXT,
    recording_url TEXT,
    summary TEXT,
    created_at TIMESTAMPTZ NOT NULL,
    updated_at TIMESTAMPTZ NOT NULL
);
CREATE INDEX city_events_starts ON city_events(starts_at);
CREATE INDEX city_events_organiser ON city_events(organiser_kind, organiser_id, starts_at);
CREATE INDEX city_events_district ON city_events(district_id, starts_at);
CREATE INDEX city_events_series ON city_events(series_id, starts_at);

CREATE TABLE registrations (
    id BIGSERIAL PRIMARY KEY,
    event_id BIGINT NOT NULL REFERENCES city_events(id) ON DELETE CASCADE,
    account_id BIGINT REFERENCES users(id) ON DELETE SET NULL,
    name TEXT NOT NULL,
    email TEXT NOT NULL,
    -- The address folded to lower case: one registration per address and event.
    email_key TEXT NOT NULL,
    lang TEXT NOT NULL,
    -- Accessibility needs as their codes, comma-separated.
    needs TEXT NOT NULL DEFAULT '',
    need_other TEXT,
    -- Answers to the organiser's questions as a JSON array, in the questions' order.
    answers TEXT NOT NULL DEFAULT '[]',
    placement TEXT NOT NULL,
    code TEXT NOT NULL,
    -- The secret of the person's own link (to see, cancel or take an offered place); it is
    -- kept as it is because every later mail (an offer, the reminder) carries the link again.
    token TEXT NOT NULL UNIQUE,
    offered_at TIMESTAMPTZ,
    checked_in_at TIMESTAMPTZ,
    -- When a certificate of attendance was mailed, so that sending again reaches only new ones.
    certificate_sent_at TIMESTAMPTZ,
    created_at TIMESTAMPTZ NOT NULL,
    updated_at TIMESTAMPTZ NOT NULL
);
CREATE UNIQUE INDEX registrations_person ON registrations(event_id, email_key) WHERE placement <> 'cancelled';
CREATE UNIQUE INDEX registrations_code ON registrations(event_id, code);
CREATE INDEX registrations_event ON registrations(event_id, placement, id);
CREATE INDEX registrations_account ON registrations(account_id);
-- A person's events ("Moje wydarzenia") and their attendance across a series, by address.
CREATE INDEX registrations_email ON registrations(email_key);
CREATE INDEX registrations_offers ON registrations(placement, offered_at);

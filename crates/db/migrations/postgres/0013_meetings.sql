-- Meetings of civic dialogue bodies: the series several bodies attend together (the Forum
-- Dialogu), the documents a body tables, each meeting with its ordered agenda, its attendance
-- list (names and voting rights copied from the memberships, so that a member who leaves
-- stays on the meetings they sat in), every version of its minutes, and the amendments those
-- present proposed.
CREATE TABLE meeting_series (
    id BIGSERIAL PRIMARY KEY,
    slug TEXT NOT NULL UNIQUE,
    name_pl TEXT NOT NULL,
    name_en TEXT,
    about TEXT NOT NULL,
    created_at TIMESTAMPTZ NOT NULL
);

CREATE TABLE meeting_series_bodies (
    series_id BIGINT NOT NULL REFERENCES meeting_series(id) ON DELETE CASCADE,
    body_id BIGINT NOT NULL REFERENCES dialogue_bodies(id) ON DELETE CASCADE,
    PRIMARY KEY (series_id, body_id)
);
CREATE INDEX meeting_series_bodies_body ON meeting_series_bodies(body_id);

CREATE TABLE meeting_series_districts (
    series_id BIGINT NOT NULL REFERENCES meeting_series(id) ON DELETE CASCADE,
    district_id BIGINT NOT NULL REFERENCES districts(id) ON DELETE CASCADE,
    PRIMARY KEY (series_id, district_id)
);

CREATE TABLE meeting_series_units (
    series_id BIGINT NOT NULL REFERENCES meeting_series(id) ON DELETE CASCADE,
    unit_id BIGINT NOT NULL REFERENCES units(id) ON DELETE CASCADE,
    PRIMARY KEY (series_id, unit_id)
);

CREATE TABLE body_documents (
    id BIGSERIAL PRIMARY KEY,
    body_id BIGINT NOT NULL REFERENCES dialogue_bodies(id) ON DELETE CASCADE,
    title TEXT NOT NULL,
    url TEXT NOT NULL,
    created_at TIMESTAMPTZ NOT NULL
);
CREATE INDEX body_documents_body ON body_documents(body_id, created_at);

CREATE TABLE meetings (
    id BIGSERIAL PRIMARY KEY,
    body_id BIGINT NOT NULL REFERENCES dialogue_bodies(id) ON DELETE CASCADE,
    series_id BIGINT REFERENCES meeting_series(id) ON DELETE SET NULL,
    title TEXT NOT NULL,
    starts_at TIMESTAMPTZ NOT NULL,
    ends_at TIMESTAMPTZ NOT NULL,
    place TEXT,
    online_url TEXT,
    amendment_days BIGINT NOT NULL,
    invited_at TIMESTAMPTZ,
    created_at TIMESTAMPTZ NOT NULL,
    updated_at TIMESTAMPTZ NOT NULL
);
CREATE INDEX meetings_body ON meetings(body_id, starts_at);
CREATE INDEX meetings_series ON meetings(series_id, starts_at);

CREATE TABLE meeting_agenda_items (
    id BIGSERIAL PRIMARY KEY,
    meeting_id BIGINT NOT NULL REFERENCES meetings(id) ON DELETE CASCADE,
    position BIGINT NOT NULL,
    title TEXT NOT NULL,
    document_id BIGINT REFERENCES body_documents(id) ON DELETE SET NULL,
    consultation_id BIGINT REFERENCES consultations(id) ON DELETE SET NULL,
    opinion_id BIGINT REFERENCES opinions(id) ON DELETE SET NULL
);
CREATE INDEX meeting_agenda_items_meeting ON meeting_agenda_items(meeting_id, position);

CREATE TABLE meeting_attendance (
    id BIGSERIAL PRIMARY KEY,
    meeting_id BIGINT NOT NULL REFERENCES meetings(id) ON DELETE CASCADE,
    membership_id BIGINT REFERENCES body_memberships(id) ON DELETE SET NULL,
    user_id BIGINT REFERENCES users(id) ON DELETE SET NULL,
    person_name TEXT NOT NULL,
    role TEXT NOT NULL,
    voting BOOLEAN NOT NULL,
    present BOOLEAN NOT NULL
);
CREATE INDEX meeting_attendance_meeting ON meeting_attendance(meeting_id);
CREATE INDEX meeting_attendance_user ON meeting_attendance(user_id);

CREATE TABLE meeting_minutes (
    id BIGSERIAL PRIMARY KEY,
    meeting_id BIGINT NOT NULL REFERENCES meetings(id) ON DELETE CASCADE,
    version BIGINT NOT NULL,
    state TEXT NOT NULL,
    text TEXT NOT NULL,
    author_label TEXT NOT NULL,
    created_at TIMESTAMPTZ NOT NULL,
    UNIQUE (meeting_id, version)
);

CREATE TABLE minutes_amendments (
    id BIGSERIAL PRIMARY KEY,
    meeting_id BIGINT NOT NULL REFERENCES meetings(id) ON DELETE CASCADE,
    version BIGINT NOT NULL,
    user_id BIGINT REFERENCES users(id) ON DELETE SET NULL,
    author_name TEXT NOT NULL,
    text TEXT NOT NULL,
    created_at TIMESTAMPTZ NOT NULL
);
CREATE INDEX minutes_amendments_meeting ON minutes_amendments(meeting_id, created_at);

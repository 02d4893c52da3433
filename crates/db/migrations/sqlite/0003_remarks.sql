-- Remarks from every channel, their formal check, moderation, answers and reports.

ALTER TABLE consultations ADD COLUMN premoderation BOOLEAN NOT NULL DEFAULT FALSE;
ALTER TABLE consultations ADD COLUMN defect_days INTEGER NOT NULL DEFAULT 3;
ALTER TABLE consultations ADD COLUMN next_remark_number INTEGER NOT NULL DEFAULT 1;
ALTER TABLE consultations ADD COLUMN next_person_number INTEGER NOT NULL DEFAULT 1;

CREATE TABLE document_sections (
    id INTEGER PRIMARY KEY,
    consultation_id INTEGER NOT NULL REFERENCES consultations(id) ON DELETE CASCADE,
    label TEXT NOT NULL,
    position INTEGER NOT NULL
);
CREATE INDEX document_sections_consultation ON document_sections(consultation_id, position);

CREATE TABLE submissions (
    id INTEGER PRIMARY KEY,
    consultation_id INTEGER NOT NULL REFERENCES consultations(id) ON DELETE CASCADE,
    receipt TEXT NOT NULL UNIQUE,
    form_key TEXT NOT NULL,
    channel TEXT NOT NULL,
    received_at TEXT NOT NULL,
    entered_by_id INTEGER REFERENCES users(id) ON DELETE SET NULL,
    entered_by TEXT,
    user_id INTEGER REFERENCES users(id) ON DELETE SET NULL,
    submitter_kind TEXT NOT NULL,
    person_number INTEGER,
    name TEXT,
    organisation TEXT,
    district_id INTEGER REFERENCES districts(id),
    address TEXT,
    email TEXT,
    formal_status TEXT NOT NULL,
    defect_reason TEXT,
    correct_by TEXT,
    attachment_key TEXT,
    attachment_name TEXT,
    attachment_type TEXT,
    created_at TEXT NOT NULL,
    UNIQUE (consultation_id, form_key)
);
CREATE INDEX submissions_consultation ON submissions(consultation_id, received_at);
CREATE INDEX submissions_user ON submissions(user_id);

CREATE TABLE remark_groups (
    id INTEGER PRIMARY KEY,
    consultation_id INTEGER NOT NULL REFERENCES consultations(id) ON DELETE CASCADE,
    title TEXT NOT NULL,
    created_at TEXT NOT NULL
);

CREATE TABLE remarks (
    id INTEGER PRIMARY KEY,
    consultation_id INTEGER NOT NULL REFERENCES consultations(id) ON DELETE CASCADE,
    submission_id INTEGER NOT NULL REFERENCES submissions(id) ON DELETE CASCADE,
    number INTEGER NOT NULL,
    section_id INTEGER REFERENCES document_sections(id) ON DELETE SET NULL,
    section_text TEXT,
    proposed_change TEXT NOT NULL,
    justification TEXT NOT NULL,
    moderation TEXT NOT NULL,
    hidden_reason TEXT,
    group_id INTEGER REFERENCES remark_groups(id) ON DELETE SET NULL,
    decision TEXT,
    decision_justification TEXT,
    answered_at TEXT,
    answered_by TEXT,
    UNIQUE (consultation_id, number)
);
CREATE INDEX remarks_submission ON remarks(submission_id);
CREATE INDEX remarks_consultation_decision ON remarks(consultation_id, decision, number);
CREATE INDEX remarks_group ON remarks(group_id);

CREATE TABLE moderation_log (
    id INTEGER PRIMARY KEY,
    consultation_id INTEGER NOT NULL REFERENCES consultations(id) ON DELETE CASCADE,
    remark_id INTEGER REFERENCES remarks(id) ON DELETE SET NULL,
    remark_number INTEGER NOT NULL,
    action TEXT NOT NULL,
    reason TEXT NOT NULL,
    actor_label TEXT NOT NULL,
    at TEXT NOT NULL
);
CREATE INDEX moderation_log_consultation ON moderation_log(consultation_id, at);

CREATE TABLE reports (
    id INTEGER PRIMARY KEY,
    consultation_id INTEGER NOT NULL REFERENCES consultations(id) ON DELETE CASCADE,
    version INTEGER NOT NULL,
    introduction TEXT NOT NULL,
    conclusions TEXT NOT NULL,
    published_at TEXT,
    published_by TEXT,
    created_at TEXT NOT NULL,
    UNIQUE (consultation_id, version)
);

-- Consultations with their schedule, methods, events and documents; the rules profile.

CREATE TABLE settings (
    key TEXT PRIMARY KEY,
    value TEXT NOT NULL,
    updated_at TEXT NOT NULL
);

CREATE TABLE consultations (
    id INTEGER PRIMARY KEY,
    slug TEXT NOT NULL UNIQUE,
    title TEXT NOT NULL,
    summary TEXT NOT NULL,
    description TEXT NOT NULL,
    subject TEXT NOT NULL,
    legal_basis TEXT NOT NULL,
    enabling_act TEXT,
    unit_id INTEGER NOT NULL REFERENCES units(id),
    scope_citywide BOOLEAN NOT NULL,
    languages TEXT NOT NULL,
    contact_name TEXT NOT NULL,
    contact_email TEXT,
    contact_phone TEXT,
    require_email BOOLEAN NOT NULL,
    require_address BOOLEAN NOT NULL,
    allow_anonymous BOOLEAN NOT NULL,
    privacy_notice TEXT NOT NULL,
    easy_read TEXT,
    sign_language_url TEXT,
    status TEXT NOT NULL,
    announced_at TEXT,
    opens_at TEXT NOT NULL,
    closes_at TEXT NOT NULL,
    rules_justification TEXT,
    search_text TEXT NOT NULL,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL
);
CREATE INDEX consultations_status_opens ON consultations(status, opens_at);
CREATE INDEX consultations_status_closes ON consultations(status, closes_at);
CREATE INDEX consultations_unit ON consultations(unit_id);

CREATE TABLE consultation_units (
    consultation_id INTEGER NOT NULL REFERENCES consultations(id) ON DELETE CASCADE,
    unit_id INTEGER NOT NULL REFERENCES units(id),
    PRIMARY KEY (consultation_id, unit_id)
);

CREATE TABLE consultation_districts (
    consultation_id INTEGER NOT NULL REFERENCES consultations(id) ON DELETE CASCADE,
    district_id INTEGER NOT NULL REFERENCES districts(id),
    PRIMARY KEY (consultation_id, district_id)
);
CREATE INDEX consultation_districts_district ON consultation_districts(district_id, consultation_id);

CREATE TABLE consultation_categories (
    consultation_id INTEGER NOT NULL REFERENCES consultations(id) ON DELETE CASCADE,
    category_id INTEGER NOT NULL REFERENCES categories(id),
    PRIMARY KEY (consultation_id, category_id)
);
CREATE INDEX consultation_categories_category ON consultation_categories(category_id, consultation_id);

CREATE TABLE consultation_transitions (
    id INTEGER PRIMARY KEY,
    consultation_id INTEGER NOT NULL REFERENCES consultations(id) ON DELETE CASCADE,
    from_status TEXT NOT NULL,
    to_status TEXT NOT NULL,
    at TEXT NOT NULL,
    actor_label TEXT NOT NULL
);
CREATE INDEX consultation_transitions_at ON consultation_transitions(at);
CREATE INDEX consultation_transitions_consultation ON consultation_transitions(consultation_id, at);

CREATE TABLE schedule_items (
    id INTEGER PRIMARY KEY,
    consultation_id INTEGER NOT NULL REFERENCES consultations(id) ON DELETE CASCADE,
    position INTEGER NOT NULL,
    title TEXT NOT NULL,
    starts_on TEXT NOT NULL,
    ends_on TEXT,
    description TEXT NOT NULL
);
CREATE INDEX schedule_items_consultation ON schedule_items(consultation_id, position);

CREATE TABLE methods (
    id INTEGER PRIMARY KEY,
    consultation_id INTEGER NOT NULL REFERENCES consultations(id) ON DELETE CASCADE,
    kind TEXT NOT NULL,
    description TEXT NOT NULL,
    channel_address TEXT,
    deadline TEXT,
    position INTEGER NOT NULL
);
CREATE INDEX methods_consultation ON methods(consultation_id, position);

CREATE TABLE events (
    id INTEGER PRIMARY KEY,
    consultation_id INTEGER NOT NULL REFERENCES consultations(id) ON DELETE CASCADE,
    kind TEXT NOT NULL,
    title TEXT NOT NULL,
    starts_at TEXT NOT NULL,
    ends_at TEXT NOT NULL,
    address TEXT,
    room TEXT,
    accessibility TEXT,
    online_url TEXT,
    phone TEXT,
    opening_hours TEXT,
    description TEXT NOT NULL,
    attendance INTEGER,
    updated_at TEXT NOT NULL
);
CREATE INDEX events_consultation ON events(consultation_id, starts_at);
CREATE INDEX events_starts ON events(starts_at);

CREATE TABLE documents (
    id INTEGER PRIMARY KEY,
    consultation_id INTEGER NOT NULL REFERENCES consultations(id) ON DELETE CASCADE,
    kind TEXT NOT NULL,
    title TEXT NOT NULL,
    created_at TEXT NOT NULL
);
CREATE INDEX documents_consultation ON documents(consultation_id);

CREATE TABLE document_versions (
    id INTEGER PRIMARY KEY,
    document_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    version INTEGER NOT NULL,
    filename TEXT NOT NULL,
    content_type TEXT NOT NULL,
    size_bytes BIGINT NOT NULL,
    storage_key TEXT NOT NULL,
    uploaded_at TEXT NOT NULL,
    uploaded_by TEXT NOT NULL,
    UNIQUE (document_id, version)
);

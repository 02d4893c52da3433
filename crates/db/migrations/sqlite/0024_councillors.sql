-- The councillors of each district council: a person with their photo, constituency,
-- committees and contact, who sits on the council through dated memberships of its terms
-- (kadencje) in a role. Memberships are ended, never deleted, so former councillors stay in
-- the history of past terms. Duty hours (dyżury) are dated events of the district, held by a
-- councillor or by the council as a whole.
CREATE TABLE council_terms (
    id INTEGER PRIMARY KEY,
    district_id INTEGER NOT NULL REFERENCES districts(id) ON DELETE CASCADE,
    name TEXT NOT NULL,
    starts_on TEXT NOT NULL,
    ends_on TEXT NOT NULL,
    created_at TEXT NOT NULL,
    UNIQUE (district_id, name)
);
CREATE INDEX council_terms_district ON council_terms(district_id, starts_on);

CREATE TABLE councillors (
    id INTEGER PRIMARY KEY,
    district_id INTEGER NOT NULL REFERENCES districts(id) ON DELETE CASCADE,
    name TEXT NOT NULL,
    constituency TEXT NOT NULL,
    committees TEXT NOT NULL,
    contact TEXT NOT NULL,
    photo_key TEXT,
    photo_type TEXT,
    photo_alt TEXT,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL
);
CREATE INDEX councillors_district ON councillors(district_id, name);

CREATE TABLE council_memberships (
    id INTEGER PRIMARY KEY,
    councillor_id INTEGER NOT NULL REFERENCES councillors(id) ON DELETE CASCADE,
    term_id INTEGER NOT NULL REFERENCES council_terms(id) ON DELETE CASCADE,
    role TEXT NOT NULL,
    starts_on TEXT NOT NULL,
    ends_on TEXT,
    created_at TEXT NOT NULL
);
CREATE INDEX council_memberships_councillor ON council_memberships(councillor_id, starts_on);
CREATE INDEX council_memberships_term ON council_memberships(term_id);

CREATE TABLE council_duties (
    id INTEGER PRIMARY KEY,
    district_id INTEGER NOT NULL REFERENCES districts(id) ON DELETE CASCADE,
    councillor_id INTEGER REFERENCES councillors(id) ON DELETE CASCADE,
    starts_at TEXT NOT NULL,
    ends_at TEXT NOT NULL,
    place TEXT NOT NULL,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL
);
CREATE INDEX council_duties_district ON council_duties(district_id, starts_at);
CREATE INDEX council_duties_starts ON council_duties(starts_at);

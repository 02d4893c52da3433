-- Civic dialogue bodies become more than a name: an address of their own, a kind, a legal
-- basis, what they are for, the departments they are attached to and their themes, terms
-- (kadencje) and members as dated memberships, so that former members stay in the record.
ALTER TABLE dialogue_bodies ADD COLUMN slug TEXT NOT NULL DEFAULT '';
ALTER TABLE dialogue_bodies ADD COLUMN kind TEXT NOT NULL DEFAULT 'other';
ALTER TABLE dialogue_bodies ADD COLUMN legal_basis TEXT;
ALTER TABLE dialogue_bodies ADD COLUMN about TEXT NOT NULL DEFAULT '';
ALTER TABLE dialogue_bodies ADD COLUMN contact TEXT;
ALTER TABLE dialogue_bodies ADD COLUMN statute_url TEXT;
-- Bodies made before this had no address; the id keeps each one unique until it is given one.
UPDATE dialogue_bodies SET slug = 'cialo-' || id;
CREATE UNIQUE INDEX dialogue_bodies_slug ON dialogue_bodies(slug);
CREATE INDEX dialogue_bodies_kind ON dialogue_bodies(kind, name_pl);

CREATE TABLE body_units (
    body_id INTEGER NOT NULL REFERENCES dialogue_bodies(id) ON DELETE CASCADE,
    unit_id INTEGER NOT NULL REFERENCES units(id) ON DELETE CASCADE,
    PRIMARY KEY (body_id, unit_id)
);
CREATE INDEX body_units_unit ON body_units(unit_id);

CREATE TABLE body_categories (
    body_id INTEGER NOT NULL REFERENCES dialogue_bodies(id) ON DELETE CASCADE,
    category_id INTEGER NOT NULL REFERENCES categories(id) ON DELETE CASCADE,
    PRIMARY KEY (body_id, category_id)
);
CREATE INDEX body_categories_category ON body_categories(category_id, body_id);

CREATE TABLE body_terms (
    id INTEGER PRIMARY KEY,
    body_id INTEGER NOT NULL REFERENCES dialogue_bodies(id) ON DELETE CASCADE,
    name TEXT NOT NULL,
    starts_on TEXT NOT NULL,
    ends_on TEXT NOT NULL,
    created_at TEXT NOT NULL
);
CREATE INDEX body_terms_body ON body_terms(body_id, starts_on);

CREATE TABLE body_memberships (
    id INTEGER PRIMARY KEY,
    body_id INTEGER NOT NULL REFERENCES dialogue_bodies(id) ON DELETE CASCADE,
    term_id INTEGER REFERENCES body_terms(id) ON DELETE SET NULL,
    person_name TEXT NOT NULL,
    user_id INTEGER REFERENCES users(id) ON DELETE SET NULL,
    role TEXT NOT NULL,
    voting BOOLEAN NOT NULL,
    organisation TEXT,
    starts_on TEXT NOT NULL,
    ends_on TEXT,
    created_at TEXT NOT NULL
);
CREATE INDEX body_memberships_body ON body_memberships(body_id, starts_on);
CREATE INDEX body_memberships_user ON body_memberships(user_id);

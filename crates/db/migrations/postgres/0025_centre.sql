-- The City Dialogue Centre's own content. Its pages get a table of their own rather than rows
-- in `pages`: those are fixed pages (the accessibility statement) keyed by slug and language,
-- one row per language, while the Centre's pages carry a kind, a place in the menu and a draft
-- flag, and keep both languages in one row as news does. The menu reads `centre_pages_menu`.
CREATE TABLE centre_pages (
    id BIGSERIAL PRIMARY KEY,
    slug TEXT NOT NULL UNIQUE,
    kind TEXT NOT NULL,
    position BIGINT NOT NULL,
    title TEXT NOT NULL,
    title_en TEXT,
    body TEXT NOT NULL,
    body_en TEXT,
    published BOOLEAN NOT NULL,
    created_at TIMESTAMPTZ NOT NULL,
    updated_at TIMESTAMPTZ NOT NULL
);
CREATE INDEX centre_pages_menu ON centre_pages(published, position, id);

-- Research and evaluation reports, handbooks, each with one or more documents. The library
-- lists them newest year first and filters by year and kind.
CREATE TABLE publications (
    id BIGSERIAL PRIMARY KEY,
    kind TEXT NOT NULL,
    year BIGINT NOT NULL,
    title TEXT NOT NULL,
    title_en TEXT,
    summary TEXT NOT NULL,
    summary_en TEXT,
    created_at TIMESTAMPTZ NOT NULL,
    updated_at TIMESTAMPTZ NOT NULL
);
CREATE INDEX publications_year ON publications(year, kind, id);

CREATE TABLE publication_files (
    id BIGSERIAL PRIMARY KEY,
    publication_id BIGINT NOT NULL REFERENCES publications(id) ON DELETE CASCADE,
    title TEXT NOT NULL,
    filename TEXT NOT NULL,
    content_type TEXT NOT NULL,
    size_bytes BIGINT NOT NULL,
    storage_key TEXT NOT NULL,
    uploaded_at TIMESTAMPTZ NOT NULL
);
CREATE INDEX publication_files_publication ON publication_files(publication_id);

-- Photo galleries; every photo has its alternative text.
CREATE TABLE galleries (
    id BIGSERIAL PRIMARY KEY,
    slug TEXT NOT NULL UNIQUE,
    title TEXT NOT NULL,
    title_en TEXT,
    description TEXT NOT NULL,
    description_en TEXT,
    taken_on DATE NOT NULL,
    created_at TIMESTAMPTZ NOT NULL,
    updated_at TIMESTAMPTZ NOT NULL
);
CREATE INDEX galleries_taken_on ON galleries(taken_on, id);

CREATE TABLE gallery_photos (
    id BIGSERIAL PRIMARY KEY,
    gallery_id BIGINT NOT NULL REFERENCES galleries(id) ON DELETE CASCADE,
    alt TEXT NOT NULL,
    alt_en TEXT,
    caption TEXT,
    caption_en TEXT,
    content_type TEXT NOT NULL,
    size_bytes BIGINT NOT NULL,
    storage_key TEXT NOT NULL,
    uploaded_at TIMESTAMPTZ NOT NULL
);
CREATE INDEX gallery_photos_gallery ON gallery_photos(gallery_id, id);

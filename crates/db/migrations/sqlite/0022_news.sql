-- News (aktualności) by the Centre's editors, district editors and body secretaries. A post
-- with no `publish_at` is a draft; one whose `publish_at` is still ahead is scheduled and
-- shown nowhere public until then. Lists read `news_published` (all news) or the district's
-- and body's own indexes, newest first.
CREATE TABLE news (
    id INTEGER PRIMARY KEY,
    slug TEXT NOT NULL UNIQUE,
    title TEXT NOT NULL,
    title_en TEXT,
    lead TEXT NOT NULL,
    lead_en TEXT,
    body TEXT NOT NULL,
    body_en TEXT,
    search_text TEXT NOT NULL,
    district_id INTEGER REFERENCES districts(id) ON DELETE SET NULL,
    body_id INTEGER REFERENCES dialogue_bodies(id) ON DELETE SET NULL,
    image_key TEXT,
    image_type TEXT,
    image_alt TEXT,
    image_alt_en TEXT,
    publish_at TEXT,
    author_id INTEGER REFERENCES users(id) ON DELETE SET NULL,
    author_name TEXT NOT NULL,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL
);
CREATE INDEX news_published ON news(publish_at, id);
CREATE INDEX news_district ON news(district_id, publish_at);
CREATE INDEX news_body ON news(body_id, publish_at);

CREATE TABLE news_categories (
    news_id INTEGER NOT NULL REFERENCES news(id) ON DELETE CASCADE,
    category_id INTEGER NOT NULL REFERENCES categories(id) ON DELETE CASCADE,
    PRIMARY KEY (news_id, category_id)
);
CREATE INDEX news_categories_category ON news_categories(category_id, news_id);

CREATE TABLE news_files (
    id INTEGER PRIMARY KEY,
    news_id INTEGER NOT NULL REFERENCES news(id) ON DELETE CASCADE,
    title TEXT NOT NULL,
    filename TEXT NOT NULL,
    content_type TEXT NOT NULL,
    size_bytes INTEGER NOT NULL,
    storage_key TEXT NOT NULL,
    uploaded_at TEXT NOT NULL
);
CREATE INDEX news_files_news ON news_files(news_id);

-- The forum: spaces, threads of two levels, supports, the versions an edit replaced, reports,
-- the public moderation log and appeals. A thread keeps its counters, so that lists never
-- count posts; a thread page reads one page of top-level posts through
-- `forum_posts_top` and their replies through `forum_posts_parent`.
CREATE TABLE forum_spaces (
    id BIGSERIAL PRIMARY KEY,
    kind TEXT NOT NULL,
    ref_id BIGINT,
    slug TEXT NOT NULL UNIQUE,
    name TEXT NOT NULL,
    description TEXT NOT NULL,
    residents_start BOOLEAN NOT NULL,
    premoderated BOOLEAN NOT NULL,
    members_only BOOLEAN NOT NULL,
    closed BOOLEAN NOT NULL,
    position BIGINT NOT NULL,
    created_at TIMESTAMPTZ NOT NULL,
    UNIQUE (kind, ref_id)
);

CREATE TABLE forum_threads (
    id BIGSERIAL PRIMARY KEY,
    space_id BIGINT NOT NULL REFERENCES forum_spaces(id) ON DELETE CASCADE,
    title TEXT NOT NULL,
    author_id BIGINT REFERENCES users(id) ON DELETE SET NULL,
    author_name TEXT NOT NULL,
    created_at TIMESTAMPTZ NOT NULL,
    last_post_at TIMESTAMPTZ NOT NULL,
    posts BIGINT NOT NULL,
    closed_at TIMESTAMPTZ,
    summary TEXT,
    tracked_id BIGINT REFERENCES tracked_requests(id) ON DELETE SET NULL
);
CREATE INDEX forum_threads_space ON forum_threads(space_id, last_post_at);
CREATE INDEX forum_threads_recent ON forum_threads(created_at);
CREATE INDEX forum_threads_tracked ON forum_threads(tracked_id);

CREATE TABLE forum_posts (
    id BIGSERIAL PRIMARY KEY,
    thread_id BIGINT NOT NULL REFERENCES forum_threads(id) ON DELETE CASCADE,
    parent_id BIGINT REFERENCES forum_posts(id),
    reply_to_id BIGINT REFERENCES forum_posts(id),
    author_id BIGINT REFERENCES users(id) ON DELETE SET NULL,
    author_name TEXT NOT NULL,
    text TEXT NOT NULL,
    created_at TIMESTAMPTZ NOT NULL,
    edited_at TIMESTAMPTZ,
    state TEXT NOT NULL,
    state_reason TEXT,
    state_at TIMESTAMPTZ,
    supports BIGINT NOT NULL,
    reports BIGINT NOT NULL,
    position_unit_id BIGINT REFERENCES units(id),
    remark_id BIGINT REFERENCES remarks(id) ON DELETE SET NULL,
    form_key TEXT NOT NULL,
    lang TEXT NOT NULL,
    UNIQUE (thread_id, form_key)
);
CREATE INDEX forum_posts_top ON forum_posts(thread_id, parent_id, id);
CREATE INDEX forum_posts_parent ON forum_posts(parent_id, id);
CREATE INDEX forum_posts_author ON forum_posts(author_id, created_at);
CREATE INDEX forum_posts_state ON forum_posts(state, state_at);

CREATE TABLE forum_post_versions (
    id BIGSERIAL PRIMARY KEY,
    post_id BIGINT NOT NULL REFERENCES forum_posts(id) ON DELETE CASCADE,
    text TEXT NOT NULL,
    written_at TIMESTAMPTZ NOT NULL
);
CREATE INDEX forum_post_versions_post ON forum_post_versions(post_id, id);

CREATE TABLE forum_supports (
    post_id BIGINT NOT NULL REFERENCES forum_posts(id) ON DELETE CASCADE,
    user_id BIGINT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
    at TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (post_id, user_id)
);

CREATE TABLE forum_reports (
    id BIGSERIAL PRIMARY KEY,
    post_id BIGINT NOT NULL REFERENCES forum_posts(id) ON DELETE CASCADE,
    reporter_id BIGINT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
    reason TEXT NOT NULL,
    note TEXT,
    at TIMESTAMPTZ NOT NULL,
    outcome TEXT,
    UNIQUE (post_id, reporter_id)
);

-- Public: what was done, why and when, to which kind of content; never who reported.
CREATE TABLE forum_moderation (
    id BIGSERIAL PRIMARY KEY,
    post_id BIGINT REFERENCES forum_posts(id) ON DELETE SET NULL,
    thread_id BIGINT REFERENCES forum_threads(id) ON DELETE SET NULL,
    content TEXT NOT NULL,
    action TEXT NOT NULL,
    reason TEXT,
    statement TEXT,
    actor_id BIGINT REFERENCES users(id) ON DELETE SET NULL,
    at TIMESTAMPTZ NOT NULL
);
CREATE INDEX forum_moderation_at ON forum_moderation(at, id);

CREATE TABLE forum_appeals (
    post_id BIGINT PRIMARY KEY REFERENCES forum_posts(id) ON DELETE CASCADE,
    text TEXT NOT NULL,
    at TIMESTAMPTZ NOT NULL,
    decided_at TIMESTAMPTZ
);

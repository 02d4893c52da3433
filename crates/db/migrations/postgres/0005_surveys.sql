-- Surveys with their questions, responses from every channel, tallies kept up to date at
-- each submission (so results never recount), one-time codes, saved drafts, quick polls.

CREATE TABLE surveys (
    id BIGSERIAL PRIMARY KEY,
    slug TEXT NOT NULL UNIQUE,
    consultation_id BIGINT REFERENCES consultations(id) ON DELETE SET NULL,
    unit_id BIGINT NOT NULL REFERENCES units(id),
    title_pl TEXT NOT NULL,
    title_en TEXT NOT NULL,
    intro_pl TEXT NOT NULL,
    intro_en TEXT NOT NULL,
    status TEXT NOT NULL,
    access TEXT NOT NULL,
    layout TEXT NOT NULL,
    visibility TEXT NOT NULL,
    closes_at TIMESTAMPTZ,
    version INTEGER NOT NULL DEFAULT 1,
    created_by_id BIGINT REFERENCES users(id) ON DELETE SET NULL,
    created_at TIMESTAMPTZ NOT NULL,
    updated_at TIMESTAMPTZ NOT NULL
);
CREATE INDEX surveys_consultation ON surveys(consultation_id);

CREATE TABLE survey_questions (
    id BIGSERIAL PRIMARY KEY,
    survey_id BIGINT NOT NULL REFERENCES surveys(id) ON DELETE CASCADE,
    position INTEGER NOT NULL,
    page INTEGER NOT NULL,
    kind TEXT NOT NULL,
    required BOOLEAN NOT NULL,
    profile BOOLEAN NOT NULL,
    text_pl TEXT NOT NULL,
    text_en TEXT NOT NULL,
    help_pl TEXT NOT NULL,
    help_en TEXT NOT NULL,
    spec TEXT NOT NULL,
    show_if_question BIGINT,
    show_if_value TEXT,
    revision INTEGER NOT NULL DEFAULT 1
);
CREATE INDEX survey_questions_survey ON survey_questions(survey_id, position);

CREATE TABLE survey_codes (
    id BIGSERIAL PRIMARY KEY,
    survey_id BIGINT NOT NULL REFERENCES surveys(id) ON DELETE CASCADE,
    code TEXT NOT NULL,
    created_at TIMESTAMPTZ NOT NULL,
    used_at TIMESTAMPTZ,
    UNIQUE (survey_id, code)
);

CREATE TABLE survey_responses (
    id BIGSERIAL PRIMARY KEY,
    survey_id BIGINT NOT NULL REFERENCES surveys(id) ON DELETE CASCADE,
    channel TEXT NOT NULL,
    form_key TEXT NOT NULL,
    user_id BIGINT REFERENCES users(id) ON DELETE SET NULL,
    code_id BIGINT REFERENCES survey_codes(id) ON DELETE SET NULL,
    interviewer TEXT,
    place TEXT,
    collected_at TIMESTAMPTZ NOT NULL,
    submitted_at TIMESTAMPTZ NOT NULL,
    entered_by_id BIGINT REFERENCES users(id) ON DELETE SET NULL,
    survey_version INTEGER NOT NULL,
    UNIQUE (survey_id, form_key),
    UNIQUE (survey_id, user_id)
);
CREATE INDEX survey_responses_channel ON survey_responses(survey_id, channel, collected_at);
-- Exports read a survey's responses in id order, each with its answers: no sort needed.
CREATE INDEX survey_responses_survey ON survey_responses(survey_id, id);

CREATE TABLE survey_answers (
    response_id BIGINT NOT NULL REFERENCES survey_responses(id) ON DELETE CASCADE,
    question_id BIGINT NOT NULL REFERENCES survey_questions(id) ON DELETE CASCADE,
    item TEXT NOT NULL,
    num DOUBLE PRECISION,
    text TEXT,
    PRIMARY KEY (response_id, question_id, item)
);
CREATE INDEX survey_answers_question ON survey_answers(question_id, response_id);

CREATE TABLE survey_tallies (
    survey_id BIGINT NOT NULL REFERENCES surveys(id) ON DELETE CASCADE,
    question_id BIGINT NOT NULL,
    item TEXT NOT NULL,
    channel TEXT NOT NULL,
    day TEXT NOT NULL,
    n BIGINT NOT NULL,
    total DOUBLE PRECISION NOT NULL,
    PRIMARY KEY (survey_id, question_id, item, channel, day)
);

CREATE TABLE survey_drafts (
    survey_id BIGINT NOT NULL REFERENCES surveys(id) ON DELETE CASCADE,
    user_id BIGINT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
    answers TEXT NOT NULL,
    screen INTEGER NOT NULL,
    updated_at TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (survey_id, user_id)
);

CREATE TABLE polls (
    id BIGSERIAL PRIMARY KEY,
    question_pl TEXT NOT NULL,
    question_en TEXT NOT NULL,
    options TEXT NOT NULL,
    placement TEXT NOT NULL,
    consultation_id BIGINT REFERENCES consultations(id) ON DELETE CASCADE,
    district_id BIGINT REFERENCES districts(id) ON DELETE CASCADE,
    vote_mode TEXT NOT NULL,
    status TEXT NOT NULL,
    created_by_id BIGINT REFERENCES users(id) ON DELETE SET NULL,
    created_at TIMESTAMPTZ NOT NULL
);
CREATE INDEX polls_placement ON polls(placement, status);

CREATE TABLE poll_votes (
    id BIGSERIAL PRIMARY KEY,
    poll_id BIGINT NOT NULL REFERENCES polls(id) ON DELETE CASCADE,
    option_code TEXT NOT NULL,
    user_id BIGINT REFERENCES users(id) ON DELETE SET NULL,
    voter_key TEXT,
    created_at TIMESTAMPTZ NOT NULL,
    UNIQUE (poll_id, user_id),
    UNIQUE (poll_id, voter_key)
);

CREATE TABLE poll_tallies (
    poll_id BIGINT NOT NULL REFERENCES polls(id) ON DELETE CASCADE,
    option_code TEXT NOT NULL,
    n BIGINT NOT NULL,
    PRIMARY KEY (poll_id, option_code)
);

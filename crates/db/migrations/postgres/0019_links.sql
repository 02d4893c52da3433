-- Links between records made apart: the meeting of a body at which an opinion or
-- recommendation was adopted (so that each links the other and the vote can be held to those
-- present), and the body created on a request the city granted (so that the request leads to
-- it, and a request is not acted on twice).
ALTER TABLE opinions ADD COLUMN meeting_id BIGINT REFERENCES meetings(id) ON DELETE SET NULL;
CREATE INDEX opinions_meeting ON opinions(meeting_id);
ALTER TABLE body_requests ADD COLUMN body_id BIGINT REFERENCES dialogue_bodies(id) ON DELETE SET NULL;

-- Consultations referred to the dialogue bodies whose themes they touch, kept from the day
-- they were announced so that a body's queue and the organiser's list agree; and the link from
-- an opinion given on a consultation to that consultation and to the remark it became there.
CREATE TABLE body_referrals (
    body_id BIGINT NOT NULL REFERENCES dialogue_bodies(id) ON DELETE CASCADE,
    consultation_id BIGINT NOT NULL REFERENCES consultations(id) ON DELETE CASCADE,
    referred_at TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (body_id, consultation_id)
);
CREATE INDEX body_referrals_consultation ON body_referrals(consultation_id, body_id);

ALTER TABLE opinions ADD COLUMN consultation_id BIGINT REFERENCES consultations(id) ON DELETE SET NULL;
ALTER TABLE opinions ADD COLUMN remark_receipt TEXT;
CREATE INDEX opinions_consultation ON opinions(consultation_id, body_id);

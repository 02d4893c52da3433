-- Why a consultation was called off, shown on its public page; only cancelled ones have one.
ALTER TABLE consultations ADD COLUMN cancellation_reason TEXT;

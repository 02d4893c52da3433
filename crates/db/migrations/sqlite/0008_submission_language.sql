-- The language the submitter used, so that mail about their remarks (the published report)
-- reaches them in it; remarks keyed in from paper are in Polish.
ALTER TABLE submissions ADD COLUMN lang TEXT NOT NULL DEFAULT 'pl';

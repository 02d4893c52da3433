-- What each district's page tells about its council (rada dzielnicy): what it does and how it
-- can help, where it sits, when it is open and how to reach it; its editors keep them.
ALTER TABLE districts ADD COLUMN council_about TEXT NOT NULL DEFAULT '';
ALTER TABLE districts ADD COLUMN council_seat TEXT NOT NULL DEFAULT '';
ALTER TABLE districts ADD COLUMN council_hours TEXT NOT NULL DEFAULT '';
ALTER TABLE districts ADD COLUMN council_contact TEXT NOT NULL DEFAULT '';

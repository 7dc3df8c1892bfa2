-- A rejected registration must not keep its ID number from registering again
-- (otherwise whoever registers someone else's number first locks that person out).
-- The number stays in id_number as history; live_id_number holds it only while the
-- registration is not superseded, and is what must be unique.
ALTER TABLE person DROP CONSTRAINT person_id_number;
ALTER TABLE person ADD COLUMN live_id_number VARCHAR(18);
UPDATE person SET live_id_number = id_number;
ALTER TABLE person ADD CONSTRAINT person_live_id_number UNIQUE (live_id_number);
CREATE INDEX person_id_number ON person (id_number);

-- Review by the unit admin: the hours approved (may be fewer than claimed) and why
-- they differ; every decision in the history keeps the hours before and after.
ALTER TABLE declaration ADD COLUMN approved_hours DECIMAL(9,2);
ALTER TABLE declaration ADD COLUMN review_note VARCHAR(500);
ALTER TABLE declaration_history ADD COLUMN hours_before DECIMAL(9,2);
ALTER TABLE declaration_history ADD COLUMN hours_after DECIMAL(9,2);
-- the reviewer's list: a unit's declarations by state, oldest submission first
CREATE INDEX declaration_unit_queue ON declaration (unit_id, state, submitted_at);

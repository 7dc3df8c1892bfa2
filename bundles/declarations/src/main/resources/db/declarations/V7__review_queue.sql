-- The review queue (申报审核) of a unit is one state, oldest submission first, a page at a time:
-- with id in the index as well, the index both finds and orders a page, and the queue of a unit
-- with thousands of pending declarations is not sorted for every page. It replaces the index
-- without id, which every query that used it can use in the same way.
CREATE INDEX declaration_review_queue ON declaration (unit_id, state, submitted_at, id);
DROP INDEX declaration_unit_queue;

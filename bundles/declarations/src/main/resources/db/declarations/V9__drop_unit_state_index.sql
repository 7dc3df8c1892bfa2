-- declaration_unit (unit_id, state) is a prefix of declaration_review_queue (unit_id, state,
-- submitted_at, id) and of declaration_unit_year (unit_id, state, decl_year): every query that used it
-- can use either, and every change of a declaration's state had to maintain it as well.
DROP INDEX declaration_unit;

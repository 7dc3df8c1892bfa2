-- Fewer indexes for a change of state to rewrite (issue 13: in the submit burst's profile the
-- UPDATE of state spent two thirds of its samples maintaining declaration's indexes).
-- declaration_owner (owner_id, state, decl_year): every read of one person's declarations (their
-- list and its count, the yearly cap, pending and approved sums, the first year) finds them by
-- declaration_form (owner_id, form_id, decl_year), whose first column is the same; a person has
-- tens of declarations, whose state is then read from the rows.
DROP INDEX declaration_owner;
-- declaration_history_declaration (declaration_id, happened_at): Derby backs the foreign key of
-- declaration_history.declaration_id with an index of its own, which finds a declaration's few
-- history rows as well (PostgreSQL has no index behind a foreign key and keeps this one).
DROP INDEX declaration_history_declaration;

-- The province's declarations of a year, for the province report, read from this index alone
-- (no row of the table, whose schema snapshots make it large, is visited): the approved ones in
-- owner and decision order, and every submitted one by month and form.
CREATE INDEX declaration_year ON declaration (decl_year, state, owner_id, decided_at, id, form_id, form_version, kind,
  category, approved_hours, submitted_at);

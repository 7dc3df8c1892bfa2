-- the province's declarations of a year, for the province report (approved ones by owner)
CREATE INDEX declaration_year ON declaration (decl_year, state, owner_id);

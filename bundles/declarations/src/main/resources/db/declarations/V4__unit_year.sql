-- a unit's approved declarations of a year, for the unit's report
CREATE INDEX declaration_unit_year ON declaration (unit_id, state, decl_year);

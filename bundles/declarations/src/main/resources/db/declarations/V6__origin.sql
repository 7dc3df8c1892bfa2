-- Who declared it when not its owner: a continuing-education base's import names itself here
-- (「继续教育基地学时申报（基地「…」，班次「…」）」). NULL for the owner's own declarations. The owner cannot
-- change, withdraw or delete a declaration that has an origin.
ALTER TABLE declaration ADD COLUMN origin VARCHAR(200);

-- A person's lock row also counts the changes to their declarations: every transaction that
-- writes one of them (create, save, delete, submit, withdraw, a review decision, a base's import)
-- adds one to it before it writes the declaration. A person's own list kept in memory is
-- given again only while this count is what it was when the list was read, so a change made
-- through any node shows at once.
ALTER TABLE declaration_owner ADD COLUMN changes BIGINT NOT NULL DEFAULT 0;

-- everyone who already has declarations gets their row, so their list can be kept
INSERT INTO declaration_owner (owner_id, submissions, changes)
SELECT DISTINCT owner_id, 0, 0 FROM declaration
WHERE owner_id NOT IN (SELECT owner_id FROM declaration_owner);

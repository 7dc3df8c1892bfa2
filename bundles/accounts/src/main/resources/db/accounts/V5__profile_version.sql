-- 用户资料管理: the person's row gets a version, so that two tabs saving at once
-- cannot overwrite each other silently (the second gets 409).
ALTER TABLE person ADD COLUMN version INT NOT NULL DEFAULT 0;

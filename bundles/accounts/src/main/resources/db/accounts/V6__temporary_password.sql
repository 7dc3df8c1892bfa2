-- A password set by an admin (重置密码) works once: until the person sets their own,
-- every call but 修改密码, /api/me and logout is refused.
ALTER TABLE account ADD COLUMN must_change_password SMALLINT DEFAULT 0 NOT NULL;

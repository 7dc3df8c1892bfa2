-- 继续教育基地管理员: a base admin belongs to one base (the bases bundle's edu_base.id)
ALTER TABLE account ADD COLUMN base_id BIGINT;

-- When a post's reveal was finished (its recap out, or given up for good), apart from when it was claimed: a
-- reveal claimed by a process that died before its recap went out is taken up again later. Reveals made before
-- this column were finished when claimed.
ALTER TABLE daily_post ADD COLUMN recap_done_at BIGINT;
UPDATE daily_post SET recap_done_at = revealed_at WHERE revealed_at IS NOT NULL;

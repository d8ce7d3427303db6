-- The platform's id of the message that carried an answer to a question of the day, so that an
-- edit of that message before the reveal is scored again. Empty for answers sent through the
-- private form, and for those stored before this column existed.
ALTER TABLE daily_answer ADD COLUMN message_id VARCHAR(128);

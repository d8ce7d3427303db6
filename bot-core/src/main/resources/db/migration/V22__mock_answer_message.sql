-- The platform's id of the message that carried an answer in a mock interview, so that an edit of
-- the latest answer, before the next one, is scored again. Empty for answers sent through the form
-- or typed in the console, and for those stored before this column existed.
ALTER TABLE mock_answer ADD COLUMN message_id VARCHAR(128);

-- The message that shows a session's current question, so its buttons can be retired once the
-- question is answered (a stale button then cannot act on the next question by mistake).
ALTER TABLE mock_session ADD COLUMN question_message VARCHAR(128);

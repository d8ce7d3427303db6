-- A deleted message is looked up by its id alone when the platform does not say whose direct
-- conversation it was in (a Discord DM the process has not seen since it started).
CREATE INDEX mock_answer_message ON mock_answer (message_id);

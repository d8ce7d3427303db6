-- Whether an answer was put together from several chat messages (the rest of it sent moments after
-- the first): an edit of one of those messages cannot be scored again as the whole answer.
ALTER TABLE mock_answer ADD COLUMN joined INTEGER NOT NULL DEFAULT 0;
ALTER TABLE daily_answer ADD COLUMN joined INTEGER NOT NULL DEFAULT 0;

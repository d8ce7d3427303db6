-- Events left waiting are read oldest first a page at a time, by (recorded time, id): this index
-- gives those pages in order without sorting every pending event for each one.
CREATE INDEX processed_event_pending_order ON processed_event (status, processed_at, event_id);

-- Events left waiting are read oldest first a page at a time, by (recorded time, id): this index
-- gives those pages in order without sorting every pending event for each one. It replaces the
-- index by (status, not_before), whose one use (the pending count) it serves as well, so an event's
-- record costs no more index upkeep than before.
DROP INDEX processed_event_pending;
CREATE INDEX processed_event_pending_order ON processed_event (status, processed_at, event_id);

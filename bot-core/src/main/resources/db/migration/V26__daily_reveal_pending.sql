-- A reveal claimed and not yet finished (its recap still to go out) is marked pending by the claim itself, so a
-- reveal claimed by a version that does not mark it counts as finished, as it did there, and an upgrade with
-- instances of both versions running never makes a recap twice. The column added just before for the same purpose
-- (when the recap was finished) could not tell those apart.
ALTER TABLE daily_post ADD COLUMN reveal_pending INTEGER NOT NULL DEFAULT 0;
ALTER TABLE daily_post DROP COLUMN recap_done_at;

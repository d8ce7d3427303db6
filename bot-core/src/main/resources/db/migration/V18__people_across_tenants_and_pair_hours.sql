-- A Discord person's id is the same in every server and in direct messages, so their record is
-- looked up by platform and user id across tenants (stats, streaks, weak topics, forget-me and
-- export). These indexes make that lookup cheap on the tables that grow with practice.
CREATE INDEX mock_session_person ON mock_session (platform, user_id);
CREATE INDEX daily_answer_person ON daily_answer (platform, user_id);
CREATE INDEX review_card_person ON review_card (platform, user_id);
-- A candidate's questions in peer mock interviews count in their progress.
CREATE INDEX peer_turn_candidate ON peer_turn (platform, candidate, tenant);

-- Working hours a person chose for peer pairing (HH:MM in their zone); NULL: 09:00-18:00.
ALTER TABLE pair_member ADD COLUMN hours_from VARCHAR(5);
ALTER TABLE pair_member ADD COLUMN hours_to VARCHAR(5);

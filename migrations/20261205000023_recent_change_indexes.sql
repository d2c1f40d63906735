-- 最近变动 reads only the last 30 days of each kind of record: the timestamps it filters by,
-- indexed, so a quiet county's home page reads no old rows at all.
CREATE INDEX members_created ON members(created_at);
CREATE INDEX members_updated ON members(updated_at);
CREATE INDEX identity_marks_created ON identity_marks(created_at);
CREATE INDEX post_assignments_created ON post_assignments(created_at);
CREATE INDEX pledges_updated ON pledges(updated_at);
CREATE INDEX pledge_progress_created ON pledge_progress(created_at);
CREATE INDEX support_records_created ON support_records(created_at);
CREATE INDEX leader_visits_created ON leader_visits(created_at);
CREATE INDEX difficulties_updated ON difficulties(updated_at);
CREATE INDEX deputy_visits_created ON deputy_visits(created_at);
CREATE INDEX suggestions_updated ON suggestions(updated_at);
CREATE INDEX volunteer_activities_created ON volunteer_activities(created_at);

-- 检查汇总 at county scale (≈21,000 members): the roll of members read from an index holding
-- every column the review counts (no visit to the wide member rows), a member's identity marks by
-- date, and a member's posts by start — so the review's per-organization figures read each
-- member's marks and posts by one index seek instead of grouping every mark and post.
CREATE INDEX members_roll ON members(org_id, joined_on, status, status_date, category, gender, ethnicity, birth_date)
    WHERE deleted_at IS NULL;
CREATE INDEX identity_marks_member_shown ON identity_marks(member_id, shown_on) WHERE deleted_at IS NULL;
CREATE INDEX post_assignments_member ON post_assignments(member_id, start_on);

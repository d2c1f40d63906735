-- 检查汇总 at county scale: a member's pledges read with every column the review counts (no
-- visit to the pledge rows), and a pledge's items by deadline with their completion, so the
-- overdue test of each pledge is one index seek.
CREATE INDEX pledges_member_review ON pledges(member_id, year, pledged_on, published_on, closed_on, status)
    WHERE deleted_at IS NULL;
CREATE INDEX pledge_items_deadlines ON pledge_items(pledge_id, deadline, done_on);

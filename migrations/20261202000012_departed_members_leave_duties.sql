-- Members who left (转出, 去世) or were deleted before this version kept their post and their
-- responsibility-zone items, so public signs still showed them. From now on leaving ends both
-- in the same transaction; this brings existing files in line once: the post ends on the day
-- they left (their status date, else the day of deletion), and their zone items are uncovered.
UPDATE post_assignments
SET end_on = (
        SELECT max(post_assignments.start_on, COALESCE(m.status_date, substr(m.deleted_at, 1, 10), post_assignments.start_on))
        FROM members m WHERE m.id = post_assignments.member_id
    ),
    updated_at = strftime('%Y-%m-%dT%H:%M:%SZ', 'now')
WHERE end_on IS NULL
  AND member_id IN (SELECT id FROM members WHERE deleted_at IS NOT NULL OR status <> 'active');

UPDATE zone_items
SET member_id = NULL, updated_at = strftime('%Y-%m-%dT%H:%M:%SZ', 'now')
WHERE member_id IN (SELECT id FROM members WHERE deleted_at IS NOT NULL OR status <> 'active');

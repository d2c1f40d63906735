-- "Under an organization", stated once: each organization (org_id) paired with itself and every
-- organization above it (root_id). Lists, counts and prints filter with
--   (?1 IS NULL OR x.org_id IN (SELECT org_id FROM org_subtree WHERE root_id = ?1))
-- where ?1 is the organization chosen in the window (none: everything). Paths are '/1/4/9/',
-- so a prefix match on the path is exact.
CREATE VIEW org_subtree AS
SELECT root.id AS root_id, org.id AS org_id
FROM organizations root
JOIN organizations org ON substr(org.path, 1, length(root.path)) = root.path;

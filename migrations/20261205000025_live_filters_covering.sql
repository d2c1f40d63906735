-- Counting a roster search without text (the whole county, a subtree, a category or a status)
-- from the index alone: SQLite counts an index as covering only when it holds every column the
-- query names, and the filter names `deleted_at` (always NULL in this partial index, so one byte
-- per entry). Without it each count read all 21,000 rows of a county (4 ms; now under 1 ms).
DROP INDEX members_live_filters;
CREATE INDEX members_live_filters ON members(org_id, category, status, deleted_at) WHERE deleted_at IS NULL;

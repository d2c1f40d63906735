-- 操作记录: every create, change and delete of the data, one row per record written. The rows
-- are written by triggers that the app (re)creates at every start from the tables' columns
-- (src-tauri/db/history.rs), so they run in the same transaction as the change and no write
-- path can forget them; nothing here refers to a record by foreign key, so the log outlives
-- what it describes.
CREATE TABLE change_log (
    id               INTEGER PRIMARY KEY,
    -- UTC RFC 3339: the record's updated_at where it has one, else SQLite's clock
    at               TEXT NOT NULL,
    -- the operator name set on the 操作记录 page at the time
    operator         TEXT NOT NULL DEFAULT '',
    table_name       TEXT NOT NULL,
    row_id           INTEGER NOT NULL,
    -- create | update | delete (to the recycle bin, or removed) | restore (from the bin)
    action           TEXT NOT NULL CHECK (action IN ('create', 'update', 'delete', 'restore')),
    -- the member the record belongs to, for a member's own history
    member_id        INTEGER,
    -- the record as JSON before and after (NULL for a create's before and a removal's after)
    before           TEXT,
    after            TEXT
);
CREATE INDEX change_log_at ON change_log(at);
CREATE INDEX change_log_row ON change_log(table_name, row_id);
CREATE INDEX change_log_member ON change_log(member_id) WHERE member_id IS NOT NULL;

-- The 亮承诺 list at county scale: each pledge's item count, items done and the earliest deadline
-- of an item not yet done, kept by triggers whatever writes the items (the app, an import, a
-- restore, the recycle bin), so the list judges overdue and sorts without reading the items.
-- Derived data: not in 操作记录, not exchanged; a pledge without items has no row.
CREATE TABLE pledge_totals (
    pledge_id        INTEGER PRIMARY KEY,
    items            INTEGER NOT NULL,
    done             INTEGER NOT NULL,
    next_deadline    TEXT
);

INSERT INTO pledge_totals (pledge_id, items, done, next_deadline)
SELECT pledge_id, count(*), count(done_on), min(CASE WHEN done_on IS NULL THEN deadline END)
FROM pledge_items GROUP BY pledge_id;

CREATE TRIGGER pledge_totals_item_insert AFTER INSERT ON pledge_items BEGIN
    REPLACE INTO pledge_totals (pledge_id, items, done, next_deadline)
    SELECT NEW.pledge_id, count(*), count(done_on), min(CASE WHEN done_on IS NULL THEN deadline END)
    FROM pledge_items WHERE pledge_id = NEW.pledge_id;
END;

CREATE TRIGGER pledge_totals_item_update AFTER UPDATE OF pledge_id, deadline, done_on ON pledge_items BEGIN
    REPLACE INTO pledge_totals (pledge_id, items, done, next_deadline)
    SELECT NEW.pledge_id, count(*), count(done_on), min(CASE WHEN done_on IS NULL THEN deadline END)
    FROM pledge_items WHERE pledge_id = NEW.pledge_id;
END;

CREATE TRIGGER pledge_totals_item_move AFTER UPDATE OF pledge_id ON pledge_items
WHEN OLD.pledge_id IS NOT NEW.pledge_id BEGIN
    REPLACE INTO pledge_totals (pledge_id, items, done, next_deadline)
    SELECT OLD.pledge_id, count(*), count(done_on), min(CASE WHEN done_on IS NULL THEN deadline END)
    FROM pledge_items WHERE pledge_id = OLD.pledge_id;
END;

CREATE TRIGGER pledge_totals_item_delete AFTER DELETE ON pledge_items BEGIN
    REPLACE INTO pledge_totals (pledge_id, items, done, next_deadline)
    SELECT OLD.pledge_id, count(*), count(done_on), min(CASE WHEN done_on IS NULL THEN deadline END)
    FROM pledge_items WHERE pledge_id = OLD.pledge_id;
END;

CREATE TRIGGER pledge_totals_pledge_delete AFTER DELETE ON pledges BEGIN
    DELETE FROM pledge_totals WHERE pledge_id = OLD.id;
END;

-- The list's pass over a year: owner and status from the index alone.
CREATE INDEX pledges_list ON pledges(year, status, member_id, org_id) WHERE deleted_at IS NULL;

-- Roster search as people type, from an index rather than a scan of the county: each member's
-- search keys (the words of `search_text`: parts of the name, spellings, initials, mixes), the
-- phone from each digit on (a typed part of it begins one) marked '#', and the ID number's last
-- 3 to 8 characters marked '$' (a typed tail is one of them). A search is a range of keys.
-- Kept by triggers whatever writes a member; derived, so not in 操作记录 and not exchanged.
CREATE TABLE member_keys (
    key              TEXT NOT NULL,
    member_id        INTEGER NOT NULL,
    PRIMARY KEY (key, member_id)
) WITHOUT ROWID;

CREATE TRIGGER member_keys_insert AFTER INSERT ON members BEGIN
    INSERT OR IGNORE INTO member_keys (key, member_id)
    SELECT value, NEW.id FROM json_each('["' || replace(replace(replace(NEW.search_text, '\', '\\'), '"', '\"'), ' ', '","') || '"]')
    WHERE value <> ''
    UNION ALL
    SELECT '#' || substr(NEW.phone, n.value), NEW.id FROM json_each('[1,2,3,4,5,6,7,8,9,10,11,12,13,14,15,16,17,18]') n
    WHERE length(NEW.phone) - n.value >= 2
    UNION ALL
    SELECT '$' || upper(substr(NEW.id_number, -n.value)), NEW.id FROM json_each('[3,4,5,6,7,8]') n
    WHERE length(NEW.id_number) >= n.value
    ORDER BY 1;
END;

CREATE TRIGGER member_keys_update AFTER UPDATE OF search_text, phone, id_number ON members
WHEN OLD.search_text IS NOT NEW.search_text OR OLD.phone IS NOT NEW.phone OR OLD.id_number IS NOT NEW.id_number BEGIN
    DELETE FROM member_keys WHERE member_id = OLD.id;
    INSERT OR IGNORE INTO member_keys (key, member_id)
    SELECT value, NEW.id FROM json_each('["' || replace(replace(replace(NEW.search_text, '\', '\\'), '"', '\"'), ' ', '","') || '"]')
    WHERE value <> ''
    UNION ALL
    SELECT '#' || substr(NEW.phone, n.value), NEW.id FROM json_each('[1,2,3,4,5,6,7,8,9,10,11,12,13,14,15,16,17,18]') n
    WHERE length(NEW.phone) - n.value >= 2
    UNION ALL
    SELECT '$' || upper(substr(NEW.id_number, -n.value)), NEW.id FROM json_each('[3,4,5,6,7,8]') n
    WHERE length(NEW.id_number) >= n.value
    ORDER BY 1;
END;

CREATE TRIGGER member_keys_delete AFTER DELETE ON members BEGIN
    DELETE FROM member_keys WHERE member_id = OLD.id;
END;

-- The members there already, by the keys they have (indexed again with today's keys by the
-- app when it opens the file: roster::search_key::reindex).
INSERT OR IGNORE INTO member_keys (key, member_id)
SELECT j.value, m.id FROM members m,
    json_each('["' || replace(replace(replace(m.search_text, '\', '\\'), '"', '\"'), ' ', '","') || '"]') j
WHERE j.value <> '';
INSERT OR IGNORE INTO member_keys (key, member_id)
SELECT '#' || substr(m.phone, n.value), m.id FROM members m, json_each('[1,2,3,4,5,6,7,8,9,10,11,12,13,14,15,16,17,18]') n
WHERE length(m.phone) - n.value >= 2;
INSERT OR IGNORE INTO member_keys (key, member_id)
SELECT '$' || upper(substr(m.id_number, -n.value)), m.id FROM members m, json_each('[3,4,5,6,7,8]') n
WHERE length(m.id_number) >= n.value;

-- Counting a roster search without text (the whole county, a subtree, a category or a status)
-- from an index of the live members' filter columns rather than their rows.
CREATE INDEX members_live_filters ON members(org_id, category, status) WHERE deleted_at IS NULL;

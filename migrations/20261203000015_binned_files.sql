-- Files replaced or cleared (a member's photo, an agreement scan, the emblem) go to the recycle
-- bin instead of being deleted: moved into the data folder's bin/ and listed here until restored
-- or the bin is emptied.
CREATE TABLE binned_files (
    id               INTEGER PRIMARY KEY,
    uuid             TEXT NOT NULL UNIQUE,
    -- photo | scan | emblem
    kind             TEXT NOT NULL CHECK (kind IN ('photo', 'scan', 'emblem')),
    -- whose file it was: the member (photo) or the pairing (scan); none for the emblem
    member_id        INTEGER REFERENCES members(id),
    pairing_id       INTEGER REFERENCES pairings(id),
    -- the file's name inside bin/
    file             TEXT NOT NULL,
    -- the name it had when the user picked it (a scan's), for the bin's list
    original_name    TEXT NOT NULL DEFAULT '',
    deleted_at       TEXT NOT NULL,
    created_at       TEXT NOT NULL,
    updated_at       TEXT NOT NULL
);
CREATE INDEX binned_files_member ON binned_files(member_id) WHERE member_id IS NOT NULL;
CREATE INDEX binned_files_pairing ON binned_files(pairing_id) WHERE pairing_id IS NOT NULL;

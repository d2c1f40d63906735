-- Roster pages sorted by name or dates walk these indexes and stop at the page,
-- instead of sorting every member of a county for each page.
CREATE INDEX members_sort_name ON members(sort_name, id);
CREATE INDEX members_birth_date ON members(birth_date, id);
CREATE INDEX members_joined_on ON members(joined_on, id);

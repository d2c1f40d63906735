-- 代表委员工作证 carry the deputy's photo when one is given: a deputy's photo file in the data
-- folder's photos/ (named by the deputy's uuid, like members'), and a replaced or removed one
-- kept in the recycle bin under its deputy.
ALTER TABLE deputies ADD COLUMN photo TEXT;
ALTER TABLE binned_files ADD COLUMN deputy_id INTEGER REFERENCES deputies(id);

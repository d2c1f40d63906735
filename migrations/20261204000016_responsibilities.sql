-- The seed's responsibility chain: who answers for the practice at each level — the county's
-- 第一责任人 (县委书记), a township's 直接责任人 (党(工)委书记), a community's 具体责任人 (总支书记).
-- One person (name and title, as typed) per organization and role; 指导责任人 are the
-- community's contact leaders and are not stored here.
CREATE TABLE org_responsibilities (
    id               INTEGER PRIMARY KEY,
    uuid             TEXT NOT NULL UNIQUE,
    org_id           INTEGER NOT NULL REFERENCES organizations(id),
    role             TEXT NOT NULL CHECK (role IN ('first', 'direct', 'specific')),
    person           TEXT NOT NULL,
    created_at       TEXT NOT NULL,
    updated_at       TEXT NOT NULL
);
CREATE UNIQUE INDEX org_responsibilities_role ON org_responsibilities(org_id, role);

-- Foundation: organizations, members, settings.
-- Every record carries a stable UUID (data from many communities is merged later),
-- created_at/updated_at in UTC RFC 3339, and soft deletion so history survives.

CREATE TABLE organizations (
    id               INTEGER PRIMARY KEY,
    uuid             TEXT NOT NULL UNIQUE,
    parent_id        INTEGER REFERENCES organizations(id),
    -- county | township | community | branch | unit
    kind             TEXT NOT NULL CHECK (kind IN ('county', 'township', 'community', 'branch', 'unit')),
    -- for units: organ | enterprise | social (机关事业单位 / 企业 / 社会组织)
    unit_kind        TEXT CHECK (unit_kind IS NULL OR unit_kind IN ('organ', 'enterprise', 'social')),
    -- for units stationed in a community (驻社区单位)
    stationed_in     INTEGER REFERENCES organizations(id),
    name             TEXT NOT NULL,
    -- materialized path of ids, '/1/4/9/', so a subtree is one indexed prefix match
    path             TEXT NOT NULL,
    sort_order       INTEGER NOT NULL DEFAULT 0,
    deleted_at       TEXT,
    created_at       TEXT NOT NULL,
    updated_at       TEXT NOT NULL
);
CREATE INDEX organizations_parent ON organizations(parent_id);
CREATE INDEX organizations_path ON organizations(path);

CREATE TABLE members (
    id               INTEGER PRIMARY KEY,
    uuid             TEXT NOT NULL UNIQUE,
    org_id           INTEGER NOT NULL REFERENCES organizations(id),
    name             TEXT NOT NULL,
    -- male | female
    gender           TEXT NOT NULL CHECK (gender IN ('male', 'female')),
    ethnicity        TEXT NOT NULL,
    birth_date       TEXT NOT NULL,
    joined_on        TEXT NOT NULL,
    education        TEXT NOT NULL DEFAULT '',
    id_number        TEXT,
    phone            TEXT NOT NULL DEFAULT '',
    address          TEXT NOT NULL DEFAULT '',
    work_unit        TEXT NOT NULL DEFAULT '',
    category         TEXT NOT NULL CHECK (category IN ('in_service', 'no_post', 'committee', 'stationed_frontline', 'window_post', 'enterprise_frontline')),
    -- active (在册) | transferred (转出) | deceased (去世)
    status           TEXT NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'transferred', 'deceased')),
    status_date      TEXT,
    notes            TEXT NOT NULL DEFAULT '',
    -- file name of the photo inside the data folder's photos/ directory
    photo            TEXT,
    -- lower-case name, full pinyin and initials for every reading, space separated
    search_text      TEXT NOT NULL,
    -- first full-pinyin reading, for sorting by name as a Chinese reader expects
    sort_name        TEXT NOT NULL,
    deleted_at       TEXT,
    created_at       TEXT NOT NULL,
    updated_at       TEXT NOT NULL
);
CREATE INDEX members_org ON members(org_id);
-- One living record per ID number; a soft-deleted record frees its number.
CREATE UNIQUE INDEX members_id_number ON members(id_number) WHERE id_number IS NOT NULL AND deleted_at IS NULL;

CREATE TABLE settings (
    key              TEXT PRIMARY KEY,
    value            TEXT NOT NULL,
    updated_at       TEXT NOT NULL
);

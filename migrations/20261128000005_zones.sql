-- 党员责任区: zones of a community (河咀社区's 环湖党建: 12 zones), each with scope items —
-- lanes, buildings, households — every item covered by exactly one member.
CREATE TABLE zones (
    id               INTEGER PRIMARY KEY,
    uuid             TEXT NOT NULL UNIQUE,
    community_id     INTEGER NOT NULL REFERENCES organizations(id),
    name             TEXT NOT NULL,
    deleted_at       TEXT,
    created_at       TEXT NOT NULL,
    updated_at       TEXT NOT NULL
);
CREATE INDEX zones_community ON zones(community_id);
CREATE UNIQUE INDEX zones_community_name ON zones(community_id, name) WHERE deleted_at IS NULL;

CREATE TABLE zone_items (
    id               INTEGER PRIMARY KEY,
    uuid             TEXT NOT NULL UNIQUE,
    zone_id          INTEGER NOT NULL REFERENCES zones(id),
    -- lane (巷道) | building (楼栋) | household (户)
    kind             TEXT NOT NULL CHECK (kind IN ('lane', 'building', 'household')),
    name             TEXT NOT NULL,
    -- the one member responsible; NULL while uncovered
    member_id        INTEGER REFERENCES members(id),
    deleted_at       TEXT,
    created_at       TEXT NOT NULL,
    updated_at       TEXT NOT NULL
);
CREATE INDEX zone_items_zone ON zone_items(zone_id);
CREATE INDEX zone_items_member ON zone_items(member_id);
CREATE UNIQUE INDEX zone_items_zone_name ON zone_items(zone_id, kind, name) WHERE deleted_at IS NULL;

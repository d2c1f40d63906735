-- 亮职责: service posts per community with published duties, and who holds them over time
-- (认岗定责 when an in-service member claims a post, 设岗定责 when the community sets one).
CREATE TABLE posts (
    id               INTEGER PRIMARY KEY,
    uuid             TEXT NOT NULL UNIQUE,
    community_id     INTEGER NOT NULL REFERENCES organizations(id),
    name             TEXT NOT NULL,
    -- vanguard (先锋岗) | model (示范岗) | service (服务岗) | zone (责任区岗)
    kind             TEXT NOT NULL CHECK (kind IN ('vanguard', 'model', 'service', 'zone')),
    duties           TEXT NOT NULL,
    capacity         INTEGER NOT NULL CHECK (capacity >= 1),
    deleted_at       TEXT,
    created_at       TEXT NOT NULL,
    updated_at       TEXT NOT NULL
);
CREATE INDEX posts_community ON posts(community_id);
CREATE UNIQUE INDEX posts_community_name ON posts(community_id, name) WHERE deleted_at IS NULL;

CREATE TABLE post_assignments (
    id               INTEGER PRIMARY KEY,
    uuid             TEXT NOT NULL UNIQUE,
    post_id          INTEGER NOT NULL REFERENCES posts(id),
    member_id        INTEGER NOT NULL REFERENCES members(id),
    -- claimed (认岗定责) | assigned (设岗定责)
    how              TEXT NOT NULL CHECK (how IN ('claimed', 'assigned')),
    start_on         TEXT NOT NULL,
    end_on           TEXT,
    created_at       TEXT NOT NULL,
    updated_at       TEXT NOT NULL,
    CHECK (end_on IS NULL OR end_on >= start_on)
);
CREATE INDEX post_assignments_post ON post_assignments(post_id);
-- A member holds one post at a time; history keeps the ended ones.
CREATE UNIQUE INDEX post_assignments_current ON post_assignments(member_id) WHERE end_on IS NULL;

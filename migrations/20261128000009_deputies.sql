-- 代表委员进社区: deputies (党代表 / 人大代表 / 政协委员, not necessarily members) paired with
-- communities, reception points with their schedule and deputies on duty, visits (at least one
-- a quarter per pair) and the opinions and suggestions received, each handled to a reply.
CREATE TABLE deputies (
    id               INTEGER PRIMARY KEY,
    uuid             TEXT NOT NULL UNIQUE,
    name             TEXT NOT NULL,
    -- comma-separated role codes: party, npc, cppcc
    roles            TEXT NOT NULL,
    work_unit        TEXT NOT NULL DEFAULT '',
    phone            TEXT NOT NULL DEFAULT '',
    deleted_at       TEXT,
    created_at       TEXT NOT NULL,
    updated_at       TEXT NOT NULL
);

CREATE TABLE deputy_communities (
    id               INTEGER PRIMARY KEY,
    uuid             TEXT NOT NULL UNIQUE,
    deputy_id        INTEGER NOT NULL REFERENCES deputies(id),
    community_id     INTEGER NOT NULL REFERENCES organizations(id),
    start_on         TEXT NOT NULL,
    end_on           TEXT,
    created_at       TEXT NOT NULL,
    updated_at       TEXT NOT NULL,
    CHECK (end_on IS NULL OR end_on >= start_on)
);
CREATE UNIQUE INDEX deputy_communities_open ON deputy_communities(deputy_id, community_id) WHERE end_on IS NULL;

CREATE TABLE reception_points (
    id               INTEGER PRIMARY KEY,
    uuid             TEXT NOT NULL UNIQUE,
    community_id     INTEGER NOT NULL REFERENCES organizations(id),
    place            TEXT NOT NULL,
    schedule         TEXT NOT NULL,
    -- deputy ids on duty, comma-separated
    on_duty          TEXT NOT NULL DEFAULT '',
    deleted_at       TEXT,
    created_at       TEXT NOT NULL,
    updated_at       TEXT NOT NULL
);

CREATE TABLE deputy_visits (
    id               INTEGER PRIMARY KEY,
    uuid             TEXT NOT NULL UNIQUE,
    deputy_id        INTEGER NOT NULL REFERENCES deputies(id),
    community_id     INTEGER NOT NULL REFERENCES organizations(id),
    visited_on       TEXT NOT NULL,
    notes            TEXT NOT NULL DEFAULT '',
    deleted_at       TEXT,
    created_at       TEXT NOT NULL,
    updated_at       TEXT NOT NULL
);
CREATE INDEX deputy_visits_pair ON deputy_visits(deputy_id, community_id, visited_on);

CREATE TABLE suggestions (
    id               INTEGER PRIMARY KEY,
    uuid             TEXT NOT NULL UNIQUE,
    visit_id         INTEGER NOT NULL REFERENCES deputy_visits(id),
    community_id     INTEGER NOT NULL REFERENCES organizations(id),
    raised_by        TEXT NOT NULL,
    content          TEXT NOT NULL,
    raised_on        TEXT NOT NULL,
    replied_on       TEXT,
    reply            TEXT NOT NULL DEFAULT '',
    created_at       TEXT NOT NULL,
    updated_at       TEXT NOT NULL,
    CHECK (replied_on IS NULL OR replied_on >= raised_on)
);
CREATE INDEX suggestions_open ON suggestions(replied_on, raised_on);

-- 党员干部进社区: contact leaders (县级 / 科级) assigned to communities, their visits (民情恳谈,
-- 走访, 点评) and 民情日记, and residents' difficulties raised in visits, followed to closure:
-- 待办 → 办理中 → 已解决 → 已反馈, each step dated.
CREATE TABLE contact_leaders (
    id               INTEGER PRIMARY KEY,
    uuid             TEXT NOT NULL UNIQUE,
    name             TEXT NOT NULL,
    -- county (县级) | township (科级)
    level            TEXT NOT NULL CHECK (level IN ('county', 'township')),
    title            TEXT NOT NULL DEFAULT '',
    phone            TEXT NOT NULL DEFAULT '',
    deleted_at       TEXT,
    created_at       TEXT NOT NULL,
    updated_at       TEXT NOT NULL
);

CREATE TABLE leader_communities (
    id               INTEGER PRIMARY KEY,
    uuid             TEXT NOT NULL UNIQUE,
    leader_id        INTEGER NOT NULL REFERENCES contact_leaders(id),
    community_id     INTEGER NOT NULL REFERENCES organizations(id),
    start_on         TEXT NOT NULL,
    end_on           TEXT,
    created_at       TEXT NOT NULL,
    updated_at       TEXT NOT NULL,
    CHECK (end_on IS NULL OR end_on >= start_on)
);
CREATE UNIQUE INDEX leader_communities_open ON leader_communities(leader_id, community_id) WHERE end_on IS NULL;

CREATE TABLE leader_visits (
    id               INTEGER PRIMARY KEY,
    uuid             TEXT NOT NULL UNIQUE,
    leader_id        INTEGER NOT NULL REFERENCES contact_leaders(id),
    community_id     INTEGER NOT NULL REFERENCES organizations(id),
    visited_on       TEXT NOT NULL,
    -- talk (民情恳谈) | visit (走访) | review (点评)
    kind             TEXT NOT NULL CHECK (kind IN ('talk', 'visit', 'review')),
    participants     TEXT NOT NULL DEFAULT '',
    notes            TEXT NOT NULL DEFAULT '',
    deleted_at       TEXT,
    created_at       TEXT NOT NULL,
    updated_at       TEXT NOT NULL
);
CREATE INDEX leader_visits_pair ON leader_visits(leader_id, community_id, visited_on);

CREATE TABLE diary_entries (
    id               INTEGER PRIMARY KEY,
    uuid             TEXT NOT NULL UNIQUE,
    leader_id        INTEGER NOT NULL REFERENCES contact_leaders(id),
    community_id     INTEGER NOT NULL REFERENCES organizations(id),
    written_on       TEXT NOT NULL,
    text             TEXT NOT NULL,
    created_at       TEXT NOT NULL,
    updated_at       TEXT NOT NULL
);

CREATE TABLE difficulties (
    id               INTEGER PRIMARY KEY,
    uuid             TEXT NOT NULL UNIQUE,
    community_id     INTEGER NOT NULL REFERENCES organizations(id),
    visit_id         INTEGER REFERENCES leader_visits(id),
    raised_by        TEXT NOT NULL,
    content          TEXT NOT NULL,
    responsible      TEXT NOT NULL,
    -- open (待办) | in_progress (办理中) | resolved (已解决) | answered (已反馈)
    status           TEXT NOT NULL CHECK (status IN ('open', 'in_progress', 'resolved', 'answered')),
    raised_on        TEXT NOT NULL,
    started_on       TEXT,
    resolved_on      TEXT,
    answered_on      TEXT,
    outcome          TEXT NOT NULL DEFAULT '',
    created_at       TEXT NOT NULL,
    updated_at       TEXT NOT NULL,
    CHECK (started_on IS NULL OR started_on >= raised_on),
    CHECK (resolved_on IS NULL OR resolved_on >= started_on),
    CHECK (answered_on IS NULL OR answered_on >= resolved_on)
);
CREATE INDEX difficulties_open ON difficulties(status, raised_on);

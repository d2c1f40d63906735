-- 服务安排: a community's monthly plan of who comes to serve when and where — a paired unit,
-- a contact leader, a deputy, a volunteer team or members — and what they do. A repeating
-- entry ("每周二上午 接待点值班") is saved as one row per date, sharing a series and its rule,
-- so moving or cancelling one date leaves the others. A plan entry is fulfilled by the record
-- of what happened: a leader's visit, a deputy's visit, a volunteer activity or a unit's
-- support record.
CREATE TABLE schedule_entries (
    id                 INTEGER PRIMARY KEY,
    uuid               TEXT NOT NULL UNIQUE,
    community_id       INTEGER NOT NULL REFERENCES organizations(id),
    on_date            TEXT NOT NULL,
    -- morning (上午) | afternoon (下午) | all_day (全天) | hours (a time range)
    shift              TEXT NOT NULL CHECK (shift IN ('morning', 'afternoon', 'all_day', 'hours')),
    starts_at          TEXT,
    ends_at            TEXT,
    -- a reception point of the community, or a place typed (the service station, a square)
    reception_point_id INTEGER REFERENCES reception_points(id),
    place              TEXT NOT NULL DEFAULT '',
    -- unit (a paired unit) | leader (a contact leader) | deputy | team (a volunteer team or
    -- organizing unit, typed) | members (typed names)
    who_kind           TEXT NOT NULL CHECK (who_kind IN ('unit', 'leader', 'deputy', 'team', 'members')),
    unit_id            INTEGER REFERENCES organizations(id),
    leader_id          INTEGER REFERENCES contact_leaders(id),
    deputy_id          INTEGER REFERENCES deputies(id),
    who_name           TEXT NOT NULL DEFAULT '',
    service            TEXT NOT NULL,
    -- the series a repeating entry belongs to (a uuid shared by its dates, month after month),
    -- and its rule: weekly:<1-7> | nth:<1-4 or -1>:<1-7> | day:<1-31>
    series             TEXT,
    repeat_rule        TEXT,
    -- the date the rule gave, when this one was moved
    moved_from         TEXT,
    cancelled_on       TEXT,
    deleted_at         TEXT,
    created_at         TEXT NOT NULL,
    updated_at         TEXT NOT NULL,
    CHECK ((shift = 'hours') = (starts_at IS NOT NULL AND ends_at IS NOT NULL)),
    CHECK (ends_at IS NULL OR ends_at > starts_at),
    CHECK ((who_kind = 'unit') = (unit_id IS NOT NULL)),
    CHECK ((who_kind = 'leader') = (leader_id IS NOT NULL)),
    CHECK ((who_kind = 'deputy') = (deputy_id IS NOT NULL)),
    CHECK ((series IS NULL) = (repeat_rule IS NULL))
);
CREATE INDEX schedule_entries_month ON schedule_entries(community_id, on_date) WHERE deleted_at IS NULL;
CREATE INDEX schedule_entries_series ON schedule_entries(series, on_date) WHERE series IS NOT NULL;

-- Which record fulfilled an entry: exactly one of the four, and a record fulfils one entry.
CREATE TABLE schedule_fulfilments (
    id               INTEGER PRIMARY KEY,
    uuid             TEXT NOT NULL UNIQUE,
    entry_id         INTEGER NOT NULL UNIQUE REFERENCES schedule_entries(id),
    leader_visit_id  INTEGER UNIQUE REFERENCES leader_visits(id),
    deputy_visit_id  INTEGER UNIQUE REFERENCES deputy_visits(id),
    activity_id      INTEGER UNIQUE REFERENCES volunteer_activities(id),
    support_id       INTEGER UNIQUE REFERENCES support_records(id),
    created_at       TEXT NOT NULL,
    updated_at       TEXT NOT NULL,
    CHECK ((leader_visit_id IS NOT NULL) + (deputy_visit_id IS NOT NULL) + (activity_id IS NOT NULL)
           + (support_id IS NOT NULL) = 1)
);

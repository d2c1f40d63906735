-- 志愿者进社区: volunteer activities (date, organizing unit, service type, place, people served)
-- and their participants — members or others such as league members — with hours kept exactly
-- in tenths of an hour.
CREATE TABLE volunteer_activities (
    id               INTEGER PRIMARY KEY,
    uuid             TEXT NOT NULL UNIQUE,
    community_id     INTEGER NOT NULL REFERENCES organizations(id),
    held_on          TEXT NOT NULL,
    organizer        TEXT NOT NULL,
    service_type     TEXT NOT NULL,
    place            TEXT NOT NULL DEFAULT '',
    people_served    INTEGER NOT NULL CHECK (people_served >= 0),
    notes            TEXT NOT NULL DEFAULT '',
    deleted_at       TEXT,
    created_at       TEXT NOT NULL,
    updated_at       TEXT NOT NULL
);
CREATE INDEX volunteer_activities_held ON volunteer_activities(community_id, held_on);

CREATE TABLE volunteer_participants (
    id               INTEGER PRIMARY KEY,
    uuid             TEXT NOT NULL UNIQUE,
    activity_id      INTEGER NOT NULL REFERENCES volunteer_activities(id),
    -- a party member on the roll, or NULL for others (league members, residents)
    member_id        INTEGER REFERENCES members(id),
    name             TEXT NOT NULL,
    -- member (党员) | league (共青团员) | other (其他)
    kind             TEXT NOT NULL CHECK (kind IN ('member', 'league', 'other')),
    hours_tenths     INTEGER NOT NULL CHECK (hours_tenths > 0 AND hours_tenths <= 240),
    created_at       TEXT NOT NULL
);
CREATE INDEX volunteer_participants_activity ON volunteer_participants(activity_id);
CREATE INDEX volunteer_participants_member ON volunteer_participants(member_id);

-- 机关单位进社区: units paired with communities ("1+1") under a 《社区党建共建协议》, the support
-- each pairing brings (money kept exactly, in fen), and 党员领导干部帮扶对子 with their records.
CREATE TABLE pairings (
    id               INTEGER PRIMARY KEY,
    uuid             TEXT NOT NULL UNIQUE,
    unit_id          INTEGER NOT NULL REFERENCES organizations(id),
    community_id     INTEGER NOT NULL REFERENCES organizations(id),
    start_on         TEXT NOT NULL,
    end_on           TEXT,
    -- the agreement: signed on, in force until, what it says, and an optional scan in the data folder
    signed_on        TEXT,
    agreement_until  TEXT,
    agreement        TEXT NOT NULL DEFAULT '',
    scan_file        TEXT,
    scan_name        TEXT,
    deleted_at       TEXT,
    created_at       TEXT NOT NULL,
    updated_at       TEXT NOT NULL,
    CHECK (end_on IS NULL OR end_on >= start_on),
    CHECK (agreement_until IS NULL OR signed_on IS NULL OR agreement_until >= signed_on)
);
CREATE INDEX pairings_community ON pairings(community_id);
-- One pairing of a unit with a community at a time.
CREATE UNIQUE INDEX pairings_open ON pairings(unit_id, community_id) WHERE end_on IS NULL AND deleted_at IS NULL;

CREATE TABLE support_records (
    id               INTEGER PRIMARY KEY,
    uuid             TEXT NOT NULL UNIQUE,
    pairing_id       INTEGER NOT NULL REFERENCES pairings(id),
    -- funds (资金) | facilities (设施) | activity (活动) | other (其他)
    kind             TEXT NOT NULL CHECK (kind IN ('funds', 'facilities', 'activity', 'other')),
    given_on         TEXT NOT NULL,
    description      TEXT NOT NULL,
    -- yuan × 100, exact; required for funds
    amount_fen       INTEGER CHECK (amount_fen IS NULL OR amount_fen > 0),
    deleted_at       TEXT,
    created_at       TEXT NOT NULL,
    updated_at       TEXT NOT NULL,
    CHECK (kind <> 'funds' OR amount_fen IS NOT NULL)
);
CREATE INDEX support_records_pairing ON support_records(pairing_id, given_on);

CREATE TABLE help_pairs (
    id               INTEGER PRIMARY KEY,
    uuid             TEXT NOT NULL UNIQUE,
    community_id     INTEGER NOT NULL REFERENCES organizations(id),
    cadre            TEXT NOT NULL,
    cadre_title      TEXT NOT NULL DEFAULT '',
    -- the household or person helped
    helped           TEXT NOT NULL,
    start_on         TEXT NOT NULL,
    deleted_at       TEXT,
    created_at       TEXT NOT NULL,
    updated_at       TEXT NOT NULL
);
CREATE INDEX help_pairs_community ON help_pairs(community_id);

CREATE TABLE help_records (
    id               INTEGER PRIMARY KEY,
    uuid             TEXT NOT NULL UNIQUE,
    help_pair_id     INTEGER NOT NULL REFERENCES help_pairs(id),
    helped_on        TEXT NOT NULL,
    text             TEXT NOT NULL,
    created_at       TEXT NOT NULL,
    updated_at       TEXT NOT NULL
);
CREATE INDEX help_records_pair ON help_records(help_pair_id, helped_on);

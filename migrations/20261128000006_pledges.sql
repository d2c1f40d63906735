-- 亮承诺: pledges by an organization (党组织承诺) or a member for a year, their items, the
-- progress recorded against them (践诺, with evidence files kept in the data folder) and the
-- appraisals that close the cycle (评诺). "Overdue" is not stored: it depends on today's date.
CREATE TABLE pledges (
    id               INTEGER PRIMARY KEY,
    uuid             TEXT NOT NULL UNIQUE,
    year             INTEGER NOT NULL CHECK (year BETWEEN 2000 AND 2100),
    -- exactly one owner: an organization or a member
    org_id           INTEGER REFERENCES organizations(id),
    member_id        INTEGER REFERENCES members(id),
    pledged_on       TEXT NOT NULL,
    -- draft | published (公示, 践诺中) | completed | not_completed
    status           TEXT NOT NULL CHECK (status IN ('draft', 'published', 'completed', 'not_completed')),
    published_on     TEXT,
    closed_on        TEXT,
    deleted_at       TEXT,
    created_at       TEXT NOT NULL,
    updated_at       TEXT NOT NULL,
    CHECK ((org_id IS NULL) <> (member_id IS NULL)),
    CHECK (status = 'draft' OR published_on >= pledged_on),
    CHECK (closed_on IS NULL OR closed_on >= published_on)
);
CREATE INDEX pledges_year ON pledges(year, status);
-- One pledge per owner and year; further promises are items of it.
CREATE UNIQUE INDEX pledges_member_year ON pledges(member_id, year) WHERE member_id IS NOT NULL AND deleted_at IS NULL;
CREATE UNIQUE INDEX pledges_org_year ON pledges(org_id, year) WHERE org_id IS NOT NULL AND deleted_at IS NULL;

CREATE TABLE pledge_items (
    id               INTEGER PRIMARY KEY,
    uuid             TEXT NOT NULL UNIQUE,
    pledge_id        INTEGER NOT NULL REFERENCES pledges(id),
    seq              INTEGER NOT NULL,
    content          TEXT NOT NULL,
    measures         TEXT NOT NULL,
    owner            TEXT NOT NULL,
    -- 完成时限; may be empty only while the pledge is a draft
    deadline         TEXT,
    done_on          TEXT,
    created_at       TEXT NOT NULL,
    updated_at       TEXT NOT NULL
);
CREATE INDEX pledge_items_pledge ON pledge_items(pledge_id, seq);
CREATE INDEX pledge_items_open_deadline ON pledge_items(deadline) WHERE done_on IS NULL;

CREATE TABLE pledge_progress (
    id               INTEGER PRIMARY KEY,
    uuid             TEXT NOT NULL UNIQUE,
    pledge_id        INTEGER NOT NULL REFERENCES pledges(id),
    item_id          INTEGER REFERENCES pledge_items(id),
    entered_on       TEXT NOT NULL,
    text             TEXT NOT NULL,
    created_at       TEXT NOT NULL,
    updated_at       TEXT NOT NULL
);
CREATE INDEX pledge_progress_pledge ON pledge_progress(pledge_id, entered_on);

CREATE TABLE pledge_evidence (
    id               INTEGER PRIMARY KEY,
    uuid             TEXT NOT NULL UNIQUE,
    progress_id      INTEGER NOT NULL REFERENCES pledge_progress(id),
    -- the name the user's file had, shown in lists
    original_name    TEXT NOT NULL,
    -- the copy in the data folder: evidence/<uuid>.<ext>
    stored_name      TEXT NOT NULL,
    bytes            INTEGER NOT NULL,
    created_at       TEXT NOT NULL
);
CREATE INDEX pledge_evidence_progress ON pledge_evidence(progress_id);

CREATE TABLE pledge_appraisals (
    id               INTEGER PRIMARY KEY,
    uuid             TEXT NOT NULL UNIQUE,
    pledge_id        INTEGER NOT NULL REFERENCES pledges(id),
    -- organization (党组织) | members (党员) | residents (群众)
    appraiser        TEXT NOT NULL CHECK (appraiser IN ('organization', 'members', 'residents')),
    -- satisfied (满意) | fair (基本满意) | unsatisfied (不满意)
    rating           TEXT NOT NULL CHECK (rating IN ('satisfied', 'fair', 'unsatisfied')),
    comment          TEXT NOT NULL,
    appraised_on     TEXT NOT NULL,
    created_at       TEXT NOT NULL,
    updated_at       TEXT NOT NULL
);
CREATE INDEX pledge_appraisals_pledge ON pledge_appraisals(pledge_id);

-- 亮身份: the marks by which a member shows identity (党徽, 先锋岗/示范岗 signs, 责任区 sign,
-- deputies' work pass), each with the date shown and an optional place.
CREATE TABLE identity_marks (
    id               INTEGER PRIMARY KEY,
    uuid             TEXT NOT NULL UNIQUE,
    member_id        INTEGER NOT NULL REFERENCES members(id),
    -- badge | vanguard_post | model_post | responsibility_zone | work_pass
    mark_type        TEXT NOT NULL CHECK (mark_type IN ('badge', 'vanguard_post', 'model_post', 'responsibility_zone', 'work_pass')),
    shown_on         TEXT NOT NULL,
    place            TEXT NOT NULL DEFAULT '',
    deleted_at       TEXT,
    created_at       TEXT NOT NULL,
    updated_at       TEXT NOT NULL
);
-- A member holds each kind of mark once; recording it again is a no-op, not a second row.
CREATE UNIQUE INDEX identity_marks_member_type ON identity_marks(member_id, mark_type) WHERE deleted_at IS NULL;

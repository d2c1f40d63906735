-- 交换文件: a community (or any subtree) exported by one install and imported by a township's or
-- county's. One line per imported organization: where and when it came from, so a newer file
-- replaces it, an older one is refused and the tree marks it read-only.
CREATE TABLE exchange_imports (
    id               INTEGER PRIMARY KEY,
    -- The exported organization's uuid (kept by the import).
    source_uuid      TEXT NOT NULL UNIQUE,
    org_id           INTEGER NOT NULL REFERENCES organizations(id),
    -- Where it came from, in words: its organizations from the top, e.g. 中共江川县委 / 大街街道党工委 / 河咀社区党总支.
    source           TEXT NOT NULL,
    exported_at      TEXT NOT NULL,
    imported_at      TEXT NOT NULL,
    personal_data    INTEGER NOT NULL CHECK (personal_data = 0 OR personal_data = 1),
    data_sha256      TEXT NOT NULL
);
CREATE INDEX exchange_imports_org ON exchange_imports(org_id);

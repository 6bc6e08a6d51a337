-- ISMS Desk schema 3: the Statement of Applicability. One entry per Annex A control (the rows
-- are created from the embedded reference list when a vault is created or opened), and
-- approved versions: immutable snapshots of every entry.

CREATE TABLE soa_entries (
    control_id          TEXT    PRIMARY KEY,
    applicable          INTEGER CHECK (applicable IN (0, 1)),
    reason_legal        INTEGER NOT NULL DEFAULT 0 CHECK (reason_legal IN (0, 1)),
    reason_contractual  INTEGER NOT NULL DEFAULT 0 CHECK (reason_contractual IN (0, 1)),
    reason_business     INTEGER NOT NULL DEFAULT 0 CHECK (reason_business IN (0, 1)),
    reason_risk         INTEGER NOT NULL DEFAULT 0 CHECK (reason_risk IN (0, 1)),
    justification       TEXT    NOT NULL DEFAULT '',
    status              TEXT    CHECK (status IN ('not_started', 'in_progress', 'implemented')),
    owner_id            INTEGER REFERENCES people (id) ON DELETE RESTRICT,
    notes               TEXT    NOT NULL DEFAULT ''
) STRICT;

CREATE INDEX soa_entries_owner ON soa_entries (owner_id);

CREATE TABLE soa_versions (
    id           INTEGER PRIMARY KEY,
    number       INTEGER NOT NULL UNIQUE,
    approved_by  INTEGER NOT NULL REFERENCES people (id) ON DELETE RESTRICT,
    approved_on  TEXT    NOT NULL,
    note         TEXT    NOT NULL DEFAULT '',
    entries      TEXT    NOT NULL
) STRICT;

CREATE TRIGGER soa_versions_never_change BEFORE UPDATE ON soa_versions
BEGIN
    SELECT RAISE(ABORT, 'An approved SoA version never changes');
END;

CREATE TRIGGER soa_versions_never_go BEFORE DELETE ON soa_versions
BEGIN
    SELECT RAISE(ABORT, 'An approved SoA version is never deleted');
END;

-- ISMS Desk schema 1: the vault's identity, the organisation, and the history of every change.
PRAGMA application_id = 1230196051;

CREATE TABLE organisation (
    id                  INTEGER PRIMARY KEY CHECK (id = 1),
    name                TEXT    NOT NULL,
    scope               TEXT    NOT NULL DEFAULT '',
    isms_start          TEXT,
    stage1_date         TEXT,
    stage2_target       TEXT,
    certification_body  TEXT    NOT NULL DEFAULT '',
    finding_policy      TEXT    NOT NULL DEFAULT 'no_major_nc'
                        CHECK (finding_policy IN ('zero_findings', 'no_major_nc')),
    audit_months        INTEGER NOT NULL DEFAULT 3 CHECK (audit_months BETWEEN 1 AND 12)
) STRICT;

CREATE TABLE history (
    id          INTEGER PRIMARY KEY,
    at          TEXT    NOT NULL,
    actor       TEXT    NOT NULL,
    table_name  TEXT    NOT NULL,
    record_id   TEXT    NOT NULL,
    action      TEXT    NOT NULL CHECK (action IN ('create', 'update', 'delete', 'import')),
    before      TEXT,
    after       TEXT
) STRICT;

CREATE INDEX history_record ON history (table_name, record_id, id);

-- ISMS Desk schema 7: the internal audit programme (9.2) and the ISMS tracker of findings and
-- actions (10.2). Progress notes of tracker items are append-only: the schema refuses any
-- change or deletion of a saved note.

CREATE TABLE audits (
    id                INTEGER PRIMARY KEY,
    reference         TEXT    NOT NULL UNIQUE,
    title             TEXT    NOT NULL,
    planned_month     TEXT    NOT NULL,
    scope_clauses     TEXT    NOT NULL DEFAULT '[]',
    scope_controls    TEXT    NOT NULL DEFAULT '[]',
    auditor_id        INTEGER REFERENCES people (id) ON DELETE RESTRICT,
    external_auditor  TEXT    NOT NULL DEFAULT '',
    status            TEXT    NOT NULL DEFAULT 'planned'
                      CHECK (status IN ('planned', 'in_progress', 'completed', 'cancelled')),
    started_on        TEXT,
    completed_on      TEXT,
    summary           TEXT    NOT NULL DEFAULT ''
) STRICT;

CREATE INDEX audits_auditor ON audits (auditor_id);

CREATE TABLE tracker_items (
    id                    INTEGER PRIMARY KEY,
    reference             TEXT    NOT NULL UNIQUE,
    kind                  TEXT    NOT NULL
                          CHECK (kind IN ('major_nc', 'minor_nc', 'ofi', 'observation', 'action')),
    title                 TEXT    NOT NULL,
    description           TEXT    NOT NULL DEFAULT '',
    source                TEXT    NOT NULL
                          CHECK (source IN ('stage1_audit', 'stage2_audit', 'surveillance_audit',
                                            'internal_audit', 'management_review', 'incident',
                                            'risk_treatment', 'other')),
    source_ref            TEXT    NOT NULL DEFAULT '',
    clauses               TEXT    NOT NULL DEFAULT '[]',
    controls              TEXT    NOT NULL DEFAULT '[]',
    owner_id              INTEGER REFERENCES people (id) ON DELETE RESTRICT,
    raised_on             TEXT    NOT NULL,
    due_on                TEXT,
    status                TEXT    NOT NULL DEFAULT 'open'
                          CHECK (status IN ('open', 'in_progress', 'awaiting_verification', 'closed')),
    correction            TEXT    NOT NULL DEFAULT '',
    root_cause            TEXT    NOT NULL DEFAULT '',
    corrective_action     TEXT    NOT NULL DEFAULT '',
    decision              TEXT    NOT NULL DEFAULT '',
    effectiveness_on      TEXT,
    effectiveness_result  TEXT    NOT NULL DEFAULT '',
    closed_on             TEXT,
    evidence_ids          TEXT    NOT NULL DEFAULT '[]'
) STRICT;

CREATE INDEX tracker_items_owner ON tracker_items (owner_id);
CREATE INDEX tracker_items_source ON tracker_items (source, source_ref);

CREATE TABLE tracker_notes (
    id         INTEGER PRIMARY KEY,
    item_id    INTEGER NOT NULL REFERENCES tracker_items (id),
    noted_on   TEXT    NOT NULL,
    note       TEXT    NOT NULL
) STRICT;

CREATE INDEX tracker_notes_item ON tracker_notes (item_id);

CREATE TRIGGER tracker_notes_never_change BEFORE UPDATE ON tracker_notes
BEGIN
    SELECT RAISE(ABORT, 'A saved progress note never changes');
END;

CREATE TRIGGER tracker_notes_never_go BEFORE DELETE ON tracker_notes
BEGIN
    SELECT RAISE(ABORT, 'A saved progress note is never deleted');
END;

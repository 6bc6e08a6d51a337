-- ISMS Desk schema 9: planned changes to the ISMS (6.3) and management reviews (9.3). A
-- review's actions are tracker items whose source is the review (its reference in
-- `source_ref`).

CREATE TABLE changes (
    id              INTEGER PRIMARY KEY,
    reference       TEXT    NOT NULL UNIQUE,
    title           TEXT    NOT NULL,
    reason          TEXT    NOT NULL DEFAULT '',
    impact          TEXT    NOT NULL DEFAULT '',
    requester_id    INTEGER REFERENCES people (id) ON DELETE RESTRICT,
    approver_id     INTEGER REFERENCES people (id) ON DELETE RESTRICT,
    status          TEXT    NOT NULL DEFAULT 'proposed'
                    CHECK (status IN ('proposed', 'approved', 'implemented', 'rejected')),
    requested_on    TEXT,
    decided_on      TEXT,
    implemented_on  TEXT,
    risk_ids        TEXT    NOT NULL DEFAULT '[]',
    document_ids    TEXT    NOT NULL DEFAULT '[]'
) STRICT;

CREATE TABLE reviews (
    id                  INTEGER PRIMARY KEY,
    reference           TEXT    NOT NULL UNIQUE,
    held_on             TEXT    NOT NULL,
    attendee_ids        TEXT    NOT NULL DEFAULT '[]',
    other_attendees     TEXT    NOT NULL DEFAULT '',
    inputs              TEXT    NOT NULL DEFAULT '{}',
    improvement         TEXT    NOT NULL DEFAULT '',
    changes_needed      TEXT    NOT NULL DEFAULT ''
) STRICT;

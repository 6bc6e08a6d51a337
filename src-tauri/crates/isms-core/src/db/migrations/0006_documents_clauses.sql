-- ISMS Desk schema 6: the document register (policies, procedures, the manual…) with versions
-- (an approved version never changes; edits go into a new draft), and the clause checklist:
-- where each clause of 4 to 10 is addressed.

CREATE TABLE documents (
    id               INTEGER PRIMARY KEY,
    reference        TEXT    NOT NULL COLLATE NOCASE UNIQUE,
    title            TEXT    NOT NULL,
    kind             TEXT    NOT NULL
                     CHECK (kind IN ('policy', 'procedure', 'manual', 'plan', 'record', 'other')),
    mandatory_items  TEXT    NOT NULL DEFAULT '[]',
    owner_id         INTEGER REFERENCES people (id) ON DELETE RESTRICT,
    review_months    INTEGER CHECK (review_months BETWEEN 1 AND 60),
    next_review      TEXT,
    communicate      INTEGER NOT NULL DEFAULT 0 CHECK (communicate IN (0, 1)),
    audience         TEXT    NOT NULL DEFAULT '[]'
) STRICT;

CREATE INDEX documents_owner ON documents (owner_id);

CREATE TABLE document_versions (
    id              INTEGER PRIMARY KEY,
    document_id     INTEGER NOT NULL REFERENCES documents (id),
    number          TEXT    NOT NULL,
    change_summary  TEXT    NOT NULL DEFAULT '',
    evidence_id     INTEGER REFERENCES evidence (id),
    approved_by     INTEGER REFERENCES people (id) ON DELETE RESTRICT,
    approved_on     TEXT,
    UNIQUE (document_id, number)
) STRICT;

CREATE INDEX document_versions_document ON document_versions (document_id);

CREATE TRIGGER document_versions_approved_never_change BEFORE UPDATE ON document_versions
WHEN OLD.approved_on IS NOT NULL
BEGIN
    SELECT RAISE(ABORT, 'An approved document version never changes');
END;

CREATE TRIGGER document_versions_approved_never_go BEFORE DELETE ON document_versions
WHEN OLD.approved_on IS NOT NULL
BEGIN
    SELECT RAISE(ABORT, 'An approved document version is never deleted');
END;

CREATE TABLE clause_notes (
    clause_id     TEXT PRIMARY KEY,
    document_ids  TEXT NOT NULL DEFAULT '[]',
    records       TEXT NOT NULL DEFAULT ''
) STRICT;

-- ISMS Desk schema 5: information security objectives (6.2) and evidence files. File contents
-- are stored once per distinct SHA-256, in chunks, inside the encrypted vault; an evidence
-- record names a stored content and says what it is about and what it is linked to.

CREATE TABLE objectives (
    id              INTEGER PRIMARY KEY,
    title           TEXT    NOT NULL,
    measure         TEXT    NOT NULL DEFAULT '',
    owner_id        INTEGER REFERENCES people (id) ON DELETE RESTRICT,
    due_date        TEXT,
    status          TEXT    NOT NULL DEFAULT 'planned'
                    CHECK (status IN ('planned', 'in_progress', 'achieved', 'missed', 'cancelled')),
    progress_notes  TEXT    NOT NULL DEFAULT '[]'
) STRICT;

CREATE INDEX objectives_owner ON objectives (owner_id);

CREATE TABLE evidence_contents (
    sha256  TEXT    PRIMARY KEY,
    size    INTEGER NOT NULL,
    chunks  INTEGER NOT NULL
) STRICT;

CREATE TABLE evidence_chunks (
    sha256  TEXT    NOT NULL REFERENCES evidence_contents (sha256),
    seq     INTEGER NOT NULL,
    data    BLOB    NOT NULL,
    PRIMARY KEY (sha256, seq)
) STRICT;

CREATE TABLE evidence (
    id              INTEGER PRIMARY KEY,
    sha256          TEXT    NOT NULL REFERENCES evidence_contents (sha256),
    file_name       TEXT    NOT NULL,
    media_type      TEXT    NOT NULL,
    size            INTEGER NOT NULL,
    effective_date  TEXT,
    uploaded_at     TEXT    NOT NULL,
    description     TEXT    NOT NULL DEFAULT '',
    links           TEXT    NOT NULL DEFAULT '[]'
) STRICT;

CREATE INDEX evidence_content ON evidence (sha256);

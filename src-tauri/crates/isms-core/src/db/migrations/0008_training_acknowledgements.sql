-- ISMS Desk schema 8: training (courses and who completed them, 7.2 and 7.3) and the
-- acknowledgements of communicated documents (7.3, 7.4): who confirmed, for which approved
-- version, when and how.

CREATE TABLE courses (
    id               INTEGER PRIMARY KEY,
    title            TEXT    NOT NULL COLLATE NOCASE UNIQUE,
    kind             TEXT    NOT NULL CHECK (kind IN ('awareness', 'other')),
    validity_months  INTEGER CHECK (validity_months BETWEEN 1 AND 120)
) STRICT;

CREATE TABLE completions (
    id            INTEGER PRIMARY KEY,
    person_id     INTEGER NOT NULL REFERENCES people (id) ON DELETE RESTRICT,
    course_id     INTEGER NOT NULL REFERENCES courses (id) ON DELETE RESTRICT,
    completed_on  TEXT    NOT NULL,
    evidence_id   INTEGER REFERENCES evidence (id),
    UNIQUE (person_id, course_id, completed_on)
) STRICT;

CREATE INDEX completions_person ON completions (person_id);

CREATE TABLE acknowledgements (
    id               INTEGER PRIMARY KEY,
    person_id        INTEGER NOT NULL REFERENCES people (id) ON DELETE RESTRICT,
    version_id       INTEGER NOT NULL REFERENCES document_versions (id),
    acknowledged_on  TEXT    NOT NULL,
    method           TEXT    NOT NULL CHECK (method IN ('signature', 'form', 'email')),
    evidence_id      INTEGER REFERENCES evidence (id),
    UNIQUE (person_id, version_id)
) STRICT;

CREATE INDEX acknowledgements_version ON acknowledgements (version_id);

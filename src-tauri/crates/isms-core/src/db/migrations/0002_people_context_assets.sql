-- ISMS Desk schema 2: people (the owners of everything), the context of the organisation
-- (4.1 issues, 4.2 interested parties) and the asset inventory.

CREATE TABLE people (
    id              INTEGER PRIMARY KEY,
    name            TEXT    NOT NULL,
    email           TEXT    NOT NULL COLLATE NOCASE UNIQUE,
    job_title       TEXT    NOT NULL DEFAULT '',
    department      TEXT    NOT NULL DEFAULT '',
    start_date      TEXT,
    end_date        TEXT,
    top_management  INTEGER NOT NULL DEFAULT 0 CHECK (top_management IN (0, 1)),
    isms_owner      INTEGER NOT NULL DEFAULT 0 CHECK (isms_owner IN (0, 1))
) STRICT;

CREATE TABLE context_issues (
    id           INTEGER PRIMARY KEY,
    kind         TEXT    NOT NULL CHECK (kind IN ('internal', 'external')),
    title        TEXT    NOT NULL,
    description  TEXT    NOT NULL DEFAULT ''
) STRICT;

CREATE TABLE interested_parties (
    id            INTEGER PRIMARY KEY,
    name          TEXT    NOT NULL,
    requirements  TEXT    NOT NULL DEFAULT ''
) STRICT;

CREATE TABLE assets (
    id              INTEGER PRIMARY KEY,
    name            TEXT    NOT NULL,
    kind            TEXT    NOT NULL DEFAULT '',
    owner_id        INTEGER REFERENCES people (id) ON DELETE RESTRICT,
    classification  TEXT    NOT NULL DEFAULT '',
    description     TEXT    NOT NULL DEFAULT ''
) STRICT;

CREATE INDEX assets_owner ON assets (owner_id);

-- ISMS Desk schema 4: the risk method (6.1.2), the risk register with treatment actions
-- (6.1.3, 8.2, 8.3) and the risk owners' approvals. Scores and levels are derived from the
-- method when read, never stored. Lists inside a record (assets of a risk, controls of an
-- action) are JSON arrays, so each change to a record is one row and one history entry.

CREATE TABLE risk_method (
    id                    INTEGER PRIMARY KEY CHECK (id = 1),
    likelihood_levels     INTEGER NOT NULL CHECK (likelihood_levels BETWEEN 3 AND 5),
    impact_levels         INTEGER NOT NULL CHECK (impact_levels BETWEEN 3 AND 5),
    likelihood_labels     TEXT    NOT NULL,
    impact_labels         TEXT    NOT NULL,
    acceptance_threshold  INTEGER NOT NULL,
    red_threshold         INTEGER NOT NULL
) STRICT;

CREATE TABLE risks (
    id                   INTEGER PRIMARY KEY,
    reference            TEXT    NOT NULL UNIQUE,
    title                TEXT    NOT NULL,
    description          TEXT    NOT NULL DEFAULT '',
    threat               TEXT    NOT NULL DEFAULT '',
    vulnerability        TEXT    NOT NULL DEFAULT '',
    asset_ids            TEXT    NOT NULL DEFAULT '[]',
    owner_id             INTEGER REFERENCES people (id) ON DELETE RESTRICT,
    likelihood           INTEGER,
    impact               INTEGER,
    treatment            TEXT    CHECK (treatment IN ('modify', 'avoid', 'transfer', 'accept')),
    residual_likelihood  INTEGER,
    residual_impact      INTEGER,
    needs_review         INTEGER NOT NULL DEFAULT 0 CHECK (needs_review IN (0, 1))
) STRICT;

CREATE INDEX risks_owner ON risks (owner_id);

CREATE TABLE risk_actions (
    id         INTEGER PRIMARY KEY,
    risk_id    INTEGER NOT NULL REFERENCES risks (id),
    title      TEXT    NOT NULL,
    owner_id   INTEGER REFERENCES people (id) ON DELETE RESTRICT,
    due_date   TEXT,
    status     TEXT    NOT NULL DEFAULT 'planned' CHECK (status IN ('planned', 'in_progress', 'done')),
    done_date  TEXT,
    controls   TEXT    NOT NULL DEFAULT '[]'
) STRICT;

CREATE INDEX risk_actions_risk ON risk_actions (risk_id);
CREATE INDEX risk_actions_owner ON risk_actions (owner_id);

CREATE TABLE risk_approvals (
    id           INTEGER PRIMARY KEY,
    risk_id      INTEGER NOT NULL REFERENCES risks (id),
    kind         TEXT    NOT NULL CHECK (kind IN ('plan', 'acceptance')),
    person_id    INTEGER NOT NULL REFERENCES people (id) ON DELETE RESTRICT,
    approved_on  TEXT    NOT NULL,
    note         TEXT    NOT NULL DEFAULT '',
    risk_hash    TEXT    NOT NULL,
    approved     TEXT    NOT NULL
) STRICT;

CREATE INDEX risk_approvals_risk ON risk_approvals (risk_id);

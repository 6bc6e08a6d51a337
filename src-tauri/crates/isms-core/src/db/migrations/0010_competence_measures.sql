-- ISMS Desk schema 10: roles and competence (5.3, 7.2) and monitoring and measurement (9.1).
--
-- Roles: the standard ISMS roles (marked by `standard`) are in every vault from this migration
-- on; a company adds its own (`standard` NULL). A role whose `competence` text is not empty
-- requires competence, and everyone assigned to it needs competence evidence that is current.
-- Competence evidence belongs to a person: its kind, what it is, when it was obtained, when it
-- lapses (if it does) and the file that proves it.
--
-- Measures: what is monitored, how, how often, who measures and who evaluates, and the target
-- (9.1 a-f). A measure is either entered by hand (`source` 'manual') or computed from the vault
-- on the day of the result. Results are append-only: the schema refuses any change or deletion.

CREATE TABLE roles (
    id                INTEGER PRIMARY KEY,
    name              TEXT    NOT NULL COLLATE NOCASE UNIQUE,
    standard          TEXT    UNIQUE
                      CHECK (standard IN ('isms_owner', 'top_management', 'risk_owner',
                                          'control_owner', 'internal_auditor')),
    responsibilities  TEXT    NOT NULL DEFAULT '',
    competence        TEXT    NOT NULL DEFAULT ''
) STRICT;

INSERT INTO roles (name, standard, responsibilities, competence) VALUES
    ('ISMS owner', 'isms_owner',
     'Establishes, implements, maintains and continually improves the ISMS; keeps the risk register, the Statement of Applicability and the ISMS tracker; reports on the performance of the ISMS to top management.',
     'Knowledge of ISO/IEC 27001 and of information security risk management, shown by training or certification.'),
    ('Top management', 'top_management',
     'Leads and commits to the ISMS: approves the policy and objectives, provides resources, assigns responsibilities and holds the management review.',
     ''),
    ('Risk owner', 'risk_owner',
     'Is accountable for the risks they own: approves the treatment plan and accepts the residual risk.',
     'Understanding of the risk assessment method and of the assets and processes behind the risks they own.'),
    ('Control owner', 'control_owner',
     'Implements and operates the Annex A controls they own and keeps the evidence that they work.',
     ''),
    ('Internal auditor', 'internal_auditor',
     'Plans and carries out internal audits objectively and impartially, and reports the findings.',
     'Training in auditing management systems (ISO 19011 or an ISO/IEC 27001 internal or lead auditor course).');

CREATE TABLE role_assignments (
    id           INTEGER PRIMARY KEY,
    role_id      INTEGER NOT NULL REFERENCES roles (id),
    person_id    INTEGER NOT NULL REFERENCES people (id) ON DELETE RESTRICT,
    assigned_on  TEXT,
    UNIQUE (role_id, person_id)
) STRICT;

CREATE INDEX role_assignments_person ON role_assignments (person_id);

CREATE TABLE competence_evidence (
    id           INTEGER PRIMARY KEY,
    person_id    INTEGER NOT NULL REFERENCES people (id) ON DELETE RESTRICT,
    kind         TEXT    NOT NULL
                 CHECK (kind IN ('education', 'training', 'experience', 'certification')),
    title        TEXT    NOT NULL,
    obtained_on  TEXT    NOT NULL,
    expires_on   TEXT,
    evidence_id  INTEGER REFERENCES evidence (id),
    note         TEXT    NOT NULL DEFAULT ''
) STRICT;

CREATE INDEX competence_evidence_person ON competence_evidence (person_id);

CREATE TABLE measures (
    id               INTEGER PRIMARY KEY,
    reference        TEXT    NOT NULL COLLATE NOCASE UNIQUE,
    title            TEXT    NOT NULL,
    monitored        TEXT    NOT NULL DEFAULT '',
    method           TEXT    NOT NULL DEFAULT '',
    frequency        TEXT    NOT NULL CHECK (frequency IN ('monthly', 'quarterly', 'yearly')),
    measured_by      INTEGER REFERENCES people (id) ON DELETE RESTRICT,
    evaluated_by     INTEGER REFERENCES people (id) ON DELETE RESTRICT,
    source           TEXT    NOT NULL DEFAULT 'manual'
                     CHECK (source IN ('manual', 'awareness_training', 'acknowledgements',
                                       'open_ncs', 'overdue_items', 'red_risks_treated',
                                       'soa_implemented', 'audit_adherence')),
    unit             TEXT    NOT NULL DEFAULT '',
    target           REAL,
    direction        TEXT    NOT NULL DEFAULT 'at_least'
                     CHECK (direction IN ('at_least', 'at_most')),
    defined_on       TEXT,
    objective_ids    TEXT    NOT NULL DEFAULT '[]'
) STRICT;

CREATE TABLE measure_results (
    id               INTEGER PRIMARY KEY,
    measure_id       INTEGER NOT NULL REFERENCES measures (id),
    measured_on      TEXT    NOT NULL,
    value            REAL    NOT NULL,
    target_met       INTEGER NOT NULL CHECK (target_met IN (0, 1)),
    evaluation       TEXT    NOT NULL DEFAULT '',
    follow_up        TEXT    NOT NULL DEFAULT '',
    tracker_item_id  INTEGER REFERENCES tracker_items (id),
    evidence_id      INTEGER REFERENCES evidence (id)
) STRICT;

CREATE INDEX measure_results_measure ON measure_results (measure_id, measured_on);

CREATE TRIGGER measure_results_never_change BEFORE UPDATE ON measure_results
BEGIN
    SELECT RAISE(ABORT, 'A recorded result of a measure never changes');
END;

CREATE TRIGGER measure_results_never_go BEFORE DELETE ON measure_results
BEGIN
    SELECT RAISE(ABORT, 'A recorded result of a measure is never deleted');
END;

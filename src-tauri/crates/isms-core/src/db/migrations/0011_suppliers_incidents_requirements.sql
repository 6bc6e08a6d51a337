-- ISMS Desk schema 11: the registers a Stage 2 auditor samples beside the SoA: suppliers
-- (A.5.19-5.22), incidents (A.5.24-5.28, 6.8) and legal, regulatory and contractual
-- requirements (4.2 c, A.5.31-5.34).
--
-- Suppliers: what they do for the company, the information and assets they handle, how critical
-- they are, whether their contract holds security requirements (A.5.20), who owns the
-- relationship and how often it is reviewed. Reviews are kept one row each (date, outcome, note),
-- so a readiness check as of a day sees the last review held on or before that day; certificates
-- (ISO/IEC 27001, SOC 2 reports …) are kept one row each with their expiry and evidence file.
--
-- Incidents: INC-001 …, reported on and by, category and severity, the assets and suppliers
-- affected, whether personal data was involved, the response, the status and lessons learned.
-- An incident that raises a nonconformity says so (`raises_nc`); its tracker items are those
-- with source 'incident' whose source reference is the incident's reference.
--
-- Requirements: where the requirement comes from (a law, a regulation, a contract, a standard),
-- what it requires, the interested party it comes from, its owner, how it is met (Annex A
-- controls and documents) and when it was last reviewed.

CREATE TABLE suppliers (
    id                    INTEGER PRIMARY KEY,
    name                  TEXT    NOT NULL COLLATE NOCASE UNIQUE,
    service               TEXT    NOT NULL DEFAULT '',
    information           TEXT    NOT NULL DEFAULT '',
    asset_ids             TEXT    NOT NULL DEFAULT '[]',
    criticality           TEXT    CHECK (criticality IN ('low', 'medium', 'high', 'critical')),
    contract_requirements INTEGER NOT NULL DEFAULT 0 CHECK (contract_requirements IN (0, 1)),
    contract_reference    TEXT    NOT NULL DEFAULT '',
    owner_id              INTEGER REFERENCES people (id) ON DELETE RESTRICT,
    review_months         INTEGER NOT NULL DEFAULT 12 CHECK (review_months BETWEEN 1 AND 60),
    notes                 TEXT    NOT NULL DEFAULT ''
) STRICT;

CREATE INDEX suppliers_owner ON suppliers (owner_id);

CREATE TABLE supplier_reviews (
    id           INTEGER PRIMARY KEY,
    supplier_id  INTEGER NOT NULL REFERENCES suppliers (id),
    reviewed_on  TEXT    NOT NULL,
    outcome      TEXT    NOT NULL
                 CHECK (outcome IN ('satisfactory', 'actions_needed', 'unsatisfactory')),
    note         TEXT    NOT NULL DEFAULT ''
) STRICT;

CREATE INDEX supplier_reviews_supplier ON supplier_reviews (supplier_id, reviewed_on);

CREATE TABLE supplier_certificates (
    id           INTEGER PRIMARY KEY,
    supplier_id  INTEGER NOT NULL REFERENCES suppliers (id),
    title        TEXT    NOT NULL,
    issued_on    TEXT,
    expires_on   TEXT,
    evidence_id  INTEGER REFERENCES evidence (id)
) STRICT;

CREATE INDEX supplier_certificates_supplier ON supplier_certificates (supplier_id);

CREATE TABLE incidents (
    id             INTEGER PRIMARY KEY,
    reference      TEXT    NOT NULL COLLATE NOCASE UNIQUE,
    title          TEXT    NOT NULL,
    reported_on    TEXT    NOT NULL,
    reported_by    INTEGER REFERENCES people (id) ON DELETE RESTRICT,
    category       TEXT    NOT NULL DEFAULT 'other'
                   CHECK (category IN ('malware', 'phishing', 'unauthorised_access',
                                       'data_loss', 'availability', 'physical', 'supplier',
                                       'policy_violation', 'other')),
    severity       TEXT    CHECK (severity IN ('low', 'medium', 'high', 'critical')),
    asset_ids      TEXT    NOT NULL DEFAULT '[]',
    supplier_ids   TEXT    NOT NULL DEFAULT '[]',
    personal_data  INTEGER NOT NULL DEFAULT 0 CHECK (personal_data IN (0, 1)),
    response       TEXT    NOT NULL DEFAULT '',
    status         TEXT    NOT NULL DEFAULT 'reported'
                   CHECK (status IN ('reported', 'assessed', 'contained', 'closed')),
    closed_on      TEXT,
    lessons        TEXT    NOT NULL DEFAULT '',
    raises_nc      INTEGER NOT NULL DEFAULT 0 CHECK (raises_nc IN (0, 1)),
    evidence_ids   TEXT    NOT NULL DEFAULT '[]'
) STRICT;

CREATE TABLE requirements (
    id              INTEGER PRIMARY KEY,
    reference       TEXT    NOT NULL COLLATE NOCASE UNIQUE,
    source          TEXT    NOT NULL
                    CHECK (source IN ('law', 'regulation', 'contract', 'standard', 'other')),
    title           TEXT    NOT NULL,
    requires        TEXT    NOT NULL DEFAULT '',
    party_id        INTEGER REFERENCES interested_parties (id) ON DELETE RESTRICT,
    owner_id        INTEGER REFERENCES people (id) ON DELETE RESTRICT,
    controls        TEXT    NOT NULL DEFAULT '[]',
    document_ids    TEXT    NOT NULL DEFAULT '[]',
    reviewed_on     TEXT
) STRICT;

CREATE INDEX requirements_owner ON requirements (owner_id);
CREATE INDEX requirements_party ON requirements (party_id);

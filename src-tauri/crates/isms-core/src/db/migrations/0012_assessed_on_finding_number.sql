-- ISMS Desk schema 12: two facts an auditor asks for in the packs.
--
-- Risks: the day each risk was last assessed (8.2: risk assessments at planned intervals). A
-- risk already in the vault takes the day of its last recorded change, from the history every
-- write keeps, so an upgraded vault shows a date rather than nothing.
--
-- Tracker items: the certification body's own number for a finding it raised at a Stage 1,
-- Stage 2 or surveillance audit ("NC-02", "2026-S1-03"), so the corrective action plan answers
-- the body's report finding by finding.

ALTER TABLE risks ADD COLUMN assessed_on TEXT;

UPDATE risks
SET assessed_on = (
    SELECT substr(max(h.at), 1, 10)
    FROM history h
    WHERE h.table_name = 'risks' AND h.record_id = CAST(risks.id AS TEXT)
);

ALTER TABLE tracker_items ADD COLUMN finding_number TEXT NOT NULL DEFAULT '';

-- ISMS Desk schema 12: facts an auditor asks for in the packs.
--
-- The risk method: what each level of its scales means (6.1.2: criteria for performing risk
-- assessments), one definition per level, lowest first. A method on the common 5×5 labels gets
-- the common definitions; any other keeps none until its owner writes them.
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

ALTER TABLE risk_method ADD COLUMN likelihood_definitions TEXT NOT NULL DEFAULT '[]';
ALTER TABLE risk_method ADD COLUMN impact_definitions TEXT NOT NULL DEFAULT '[]';

UPDATE risk_method
SET likelihood_definitions = json_array('Not expected to happen; may occur only in exceptional circumstances (less than once in ten years).', 'Could happen but is not expected (once in three to ten years).', 'Might happen at some time (once in one to three years).', 'Will probably happen (about once a year).', 'Expected to happen, several times a year.')
WHERE json(likelihood_labels) = json('["Rare","Unlikely","Possible","Likely","Almost certain"]');

UPDATE risk_method
SET impact_definitions = json_array('No noticeable effect on clients, operations or obligations.', 'A short disruption or the exposure of internal information, handled in the normal course of business.', 'A service disrupted for up to a day, or a client''s information exposed without lasting harm; a notification may be needed.', 'Key services disrupted for days, personal or client data exposed and notified, or a contract breached.', 'Major clients lost, regulatory penalties, or harm that threatens the business.')
WHERE json(impact_labels) = json('["Negligible","Minor","Moderate","Major","Severe"]');

// What the search page shows of a hit: the kind's name; where it opens and how it reads are the
// dashboard's (`recordHref`, `recordLabel`), as a hit names its record as a readiness rule does.

import type { RecordKind } from '$lib/bindings/RecordKind';

export const KIND_LABEL: Record<RecordKind, string> = {
	organisation: 'Organisation',
	context: 'Context',
	person: 'Person',
	risk_method: 'Risk method',
	risk: 'Risk',
	control: 'SoA control',
	objective: 'Objective',
	document: 'Document',
	clause: 'Clause',
	audit: 'Audit',
	tracker_item: 'Tracker item',
	course: 'Training course',
	change: 'Change',
	review: 'Management review',
	asset: 'Asset',
	evidence: 'Evidence file',
	role: 'ISMS role',
	measure: 'Measure'
};

// What the incident screens need beyond the record (A.5.24–5.28): a blank incident, the words
// and tones of category, severity and status, the months of the timeline, what an incident
// still lacks (the same checks S2-INCIDENTS makes), and the checks the UI makes before sending.

import type { Criticality } from '$lib/bindings/Criticality';
import type { Incident } from '$lib/bindings/Incident';
import type { IncidentCategory } from '$lib/bindings/IncidentCategory';
import type { IncidentStatus } from '$lib/bindings/IncidentStatus';
import type { TrackerItem } from '$lib/bindings/TrackerItem';
import {
	CRITICALITY_LABELS,
	INCIDENT_CATEGORY_LABELS,
	INCIDENT_STATUS_LABELS
} from '$lib/bindings/vocabulary';
import type { FieldErrors } from '$lib/components/ui';

type Tone = 'neutral' | 'accent' | 'success' | 'warning' | 'danger';

export function blankIncident(today: string): Incident {
	return {
		id: 0,
		reference: '',
		title: '',
		reported_on: today,
		reported_by: null,
		category: 'other',
		severity: null,
		asset_ids: [],
		supplier_ids: [],
		personal_data: false,
		response: '',
		status: 'reported',
		closed_on: null,
		lessons: '',
		raises_nc: false,
		evidence_ids: []
	};
}

export const CATEGORY_LABELS: Record<IncidentCategory, string> = INCIDENT_CATEGORY_LABELS;
export const SEVERITY_LABELS: Record<Criticality, string> = CRITICALITY_LABELS;
export const STATUS_LABELS: Record<IncidentStatus, string> = INCIDENT_STATUS_LABELS;

export const SEVERITY_TONES: Record<Criticality, Tone> = {
	low: 'neutral',
	medium: 'accent',
	high: 'warning',
	critical: 'danger'
};

export const STATUS_TONES: Record<IncidentStatus, Tone> = {
	reported: 'danger',
	assessed: 'warning',
	contained: 'accent',
	closed: 'success'
};

const optionsOf = <T extends string>(labels: Record<T, string>) =>
	(Object.keys(labels) as T[]).map((value) => ({ value, label: labels[value] }));

export const CATEGORY_OPTIONS = optionsOf(CATEGORY_LABELS);
export const STATUS_OPTIONS = optionsOf(STATUS_LABELS);
export const SEVERITY_OPTIONS: { value: Criticality | ''; label: string }[] = [
	{ value: '', label: 'Not assessed yet' },
	...optionsOf(SEVERITY_LABELS)
];

/** The tracker items an incident raised: source "incident" and its reference. */
export const itemsOf = (incident: Incident, items: ReadonlyArray<TrackerItem>) =>
	items.filter(
		(i) =>
			i.source === 'incident' && i.source_ref.toUpperCase() === incident.reference.toUpperCase()
	);

/** What S2-INCIDENTS would say the incident lacks, in words; empty when nothing. */
export function gaps(incident: Incident, items: ReadonlyArray<TrackerItem>): string[] {
	const out: string[] = [];
	if (incident.severity === null) out.push('severity');
	if (!incident.response.trim()) out.push('response');
	if (incident.status === 'closed' && !incident.lessons.trim()) out.push('lessons learned');
	if (incident.raises_nc && itemsOf(incident, items).length === 0) out.push('tracker item');
	return out;
}

/** `YYYY-MM` of each month from the first report to `today`'s month, newest first. */
export function months(incidents: ReadonlyArray<Incident>, today: string): string[] {
	if (incidents.length === 0) return [];
	const first = incidents.reduce((a, i) => (i.reported_on < a ? i.reported_on : a), today);
	const out: string[] = [];
	let [y = 0, m = 1] = first.slice(0, 7).split('-').map(Number);
	const [ty = 0, tm = 1] = today.slice(0, 7).split('-').map(Number);
	while (y < ty || (y === ty && m <= tm)) {
		out.push(`${y}-${String(m).padStart(2, '0')}`);
		m += 1;
		if (m === 13) {
			m = 1;
			y += 1;
		}
	}
	return out.reverse();
}

/** What the form can say before the shell does. */
export function localErrors(incident: Incident): FieldErrors {
	const errors: Record<string, string> = {};
	if (!incident.title.trim()) errors.title = 'Say what happened.';
	if (!incident.reported_on) errors.reported_on = 'When was it reported?';
	if (incident.status === 'closed' && !incident.closed_on) errors.closed_on = 'When was it closed?';
	if (incident.closed_on && incident.status !== 'closed')
		errors.closed_on = 'Only a closed incident has a closing date.';
	if (incident.closed_on && incident.closed_on < incident.reported_on)
		errors.closed_on = 'It cannot be closed before it was reported.';
	return errors;
}

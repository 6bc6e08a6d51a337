// What the roles and competence screen needs beyond the records: whether a piece of evidence
// is current on a day (the core's rule: an expiry on D still counts on D), when it is close to
// lapsing, labels and tones, blank records and the checks made before sending.

import type { CompetenceEvidence } from '$lib/bindings/CompetenceEvidence';
import type { CompetenceKind } from '$lib/bindings/CompetenceKind';
import type { Role } from '$lib/bindings/Role';
import { COMPETENCE_KIND_LABELS } from '$lib/bindings/vocabulary';
import { formatDate } from '$lib/app/format';
import { daysBetween } from '$lib/training/training';

/** Days before its expiry that evidence is shown as expiring. */
export const EXPIRING_DAYS = 60;

export type Standing = 'not_yet' | 'current' | 'expiring' | 'lapsed';

/** Where a piece of evidence stands on `today`. */
export function standing(evidence: CompetenceEvidence, today: string): Standing {
	if (evidence.obtained_on > today) return 'not_yet';
	const until = evidence.expires_on;
	if (until === null) return 'current';
	if (until < today) return 'lapsed';
	return daysBetween(today, until) <= EXPIRING_DAYS ? 'expiring' : 'current';
}

export const STANDING_TONE: Record<Standing, 'neutral' | 'success' | 'warning' | 'danger'> = {
	not_yet: 'neutral',
	current: 'success',
	expiring: 'warning',
	lapsed: 'danger'
};

/** "Lapsed on 10 May 2026", "Expires on 24 Jun 2026", "Current", "From 1 Jul 2026". */
export function standingLabel(evidence: CompetenceEvidence, today: string): string {
	const until = evidence.expires_on;
	switch (standing(evidence, today)) {
		case 'not_yet':
			return `From ${formatDate(evidence.obtained_on)}`;
		case 'lapsed':
			return `Lapsed on ${formatDate(until ?? '')}`;
		case 'expiring':
			return `Expires on ${formatDate(until ?? '')}`;
		case 'current':
			return until === null ? 'Current' : `Current until ${formatDate(until)}`;
	}
}

/** Current on `today`, as the readiness rule counts it (expiring still counts). */
export const isCurrent = (evidence: CompetenceEvidence, today: string) => {
	const s = standing(evidence, today);
	return s === 'current' || s === 'expiring';
};

export const KIND_LABEL: Record<CompetenceKind, string> = COMPETENCE_KIND_LABELS;

export const requiresCompetence = (role: Role) => role.competence.trim() !== '';

export function blankRole(): Role {
	return { id: 0, name: '', standard: null, responsibilities: '', competence: '' };
}

export function blankEvidence(personId: number, today: string): CompetenceEvidence {
	return {
		id: 0,
		person_id: personId,
		kind: 'training',
		title: '',
		obtained_on: today,
		expires_on: null,
		evidence_id: null,
		note: ''
	};
}

export function roleErrors(role: Role): Record<string, string> {
	return role.name.trim() === '' ? { name: 'A role needs a name.' } : {};
}

export function evidenceErrors(evidence: CompetenceEvidence): Record<string, string> {
	const errors: Record<string, string> = {};
	if (evidence.person_id === 0) errors.person_id = 'Choose a person.';
	if (evidence.title.trim() === '')
		errors.title = 'Say what it is, e.g. the course or certificate.';
	if (evidence.obtained_on === '') errors.obtained_on = 'When was it obtained?';
	if (evidence.expires_on !== null && evidence.expires_on < evidence.obtained_on) {
		errors.expires_on = 'The expiry cannot come before the day it was obtained.';
	}
	return errors;
}

// What the changes screens need beyond the record (6.3): a blank change, status labels and
// tones, the status workflow (proposed → approved → implemented, or rejected) with the dates
// each step fills in, the status filter and the checks the UI can make before sending.

import type { ChangeStatus } from '$lib/bindings/ChangeStatus';
import type { IsmsChange } from '$lib/bindings/IsmsChange';

type Tone = 'neutral' | 'accent' | 'success' | 'warning' | 'danger';

export function blankChange(today: string): IsmsChange {
	return {
		id: 0,
		reference: '',
		title: '',
		reason: '',
		impact: '',
		requester_id: null,
		approver_id: null,
		status: 'proposed',
		requested_on: today,
		decided_on: null,
		implemented_on: null,
		risk_ids: [],
		document_ids: []
	};
}

export const STATUS_LABELS: Record<ChangeStatus, string> = {
	proposed: 'Proposed',
	approved: 'Approved',
	implemented: 'Implemented',
	rejected: 'Rejected'
};

export const STATUS_TONES: Record<ChangeStatus, Tone> = {
	proposed: 'accent',
	approved: 'warning',
	implemented: 'success',
	rejected: 'neutral'
};

export const STATUS_OPTIONS = (Object.keys(STATUS_LABELS) as ChangeStatus[]).map((value) => ({
	value,
	label: STATUS_LABELS[value]
}));

/** A step of the workflow: the status it leads to and the button that takes it. */
export type Step = { to: ChangeStatus; label: string };

const STEPS: Record<ChangeStatus, Step[]> = {
	proposed: [
		{ to: 'approved', label: 'Approve' },
		{ to: 'rejected', label: 'Reject' }
	],
	approved: [
		{ to: 'implemented', label: 'Mark implemented' },
		{ to: 'rejected', label: 'Reject' }
	],
	implemented: [],
	rejected: [{ to: 'proposed', label: 'Reopen as proposed' }]
};

/** The steps open from a status. */
export const stepsFrom = (status: ChangeStatus): Step[] => STEPS[status];

/**
 * The change moved to `to`: a decision (approved, rejected) is dated today unless already
 * dated, and so is an implementation; reopening clears the decision and implementation dates.
 */
export function moveTo(change: IsmsChange, to: ChangeStatus, today: string): IsmsChange {
	const next = { ...change, status: to };
	if (to === 'approved' || to === 'rejected') next.decided_on = change.decided_on ?? today;
	if (to === 'implemented') {
		next.decided_on = change.decided_on ?? today;
		next.implemented_on = change.implemented_on ?? today;
	}
	if (to === 'proposed') {
		next.decided_on = null;
		next.implemented_on = null;
	}
	if (to !== 'implemented' && to !== 'proposed') next.implemented_on = null;
	return next;
}

/** Changes with this status, or all of them for ''. */
export const withStatus = (changes: ReadonlyArray<IsmsChange>, status: ChangeStatus | '') =>
	status === '' ? [...changes] : changes.filter((c) => c.status === status);

/** Checks the UI can make before sending; the shell validates again (impact, approver…). */
export function localErrors(change: IsmsChange): Record<string, string> {
	const errors: Record<string, string> = {};
	if (change.title.trim() === '') errors.title = 'Say what changes.';
	return errors;
}

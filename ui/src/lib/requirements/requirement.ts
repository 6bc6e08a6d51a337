// What the requirements screens need beyond the record (4.2 c, A.5.31): a blank requirement,
// the words for its source, whether its review is due, and the checks the UI makes before
// sending.

import type { Requirement } from '$lib/bindings/Requirement';
import type { RequirementSource } from '$lib/bindings/RequirementSource';
import { REQUIREMENT_SOURCE_LABELS } from '$lib/bindings/vocabulary';
import type { FieldErrors } from '$lib/components/ui';

export function blankRequirement(): Requirement {
	return {
		id: 0,
		reference: '',
		source: 'law',
		title: '',
		requires: '',
		party_id: null,
		owner_id: null,
		controls: [],
		document_ids: [],
		reviewed_on: null
	};
}

export const SOURCE_LABELS: Record<RequirementSource, string> = REQUIREMENT_SOURCE_LABELS;

export const SOURCE_OPTIONS = (Object.keys(SOURCE_LABELS) as RequirementSource[]).map((value) => ({
	value,
	label: SOURCE_LABELS[value]
}));

/** The same calendar day a year before `today` (`YYYY-MM-DD`), the start of the review window. */
export function yearBefore(today: string): string {
	const [y = 0, m = 1, d = 1] = today.split('-').map(Number);
	const back = new Date(Date.UTC(y - 1, m - 1, d));
	// 29 February a year back is 28 February.
	if (back.getUTCMonth() !== m - 1) back.setUTCDate(0);
	return back.toISOString().slice(0, 10);
}

/** Reviewed within the 12 months up to `today`, both ends included (S1-REQUIREMENTS). */
export const reviewedInYear = (r: Requirement, today: string) =>
	r.reviewed_on !== null && r.reviewed_on <= today && r.reviewed_on >= yearBefore(today);

/** What the form can say before the shell does. */
export function localErrors(r: Requirement): FieldErrors {
	const errors: Record<string, string> = {};
	if (!r.title.trim()) errors.title = 'Name the law, regulation, contract or standard.';
	return errors;
}

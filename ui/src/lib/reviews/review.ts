// What the management review screens need beyond the record (9.3): a blank review, the inputs
// of 9.3.2 and which of them a review covers, when to offer the vault's proposed summary and
// how it is put in, the actions raised in a review, and the checks made before sending.

import type { ReferenceLists } from '$lib/bindings/ReferenceLists';
import type { Review } from '$lib/bindings/Review';
import type { ReviewInput } from '$lib/bindings/ReviewInput';
import type { TrackerItem } from '$lib/bindings/TrackerItem';

/**
 * The inputs of 9.3.2, copied from the core's reference/management-review-inputs.csv.
 * `reference_lists` does not carry them yet (only controls, clauses and mandatory items), so
 * this copy stands in until it does; `reviewInputs` prefers the shell's list when present.
 */
export const REVIEW_INPUTS: ReadonlyArray<ReviewInput> = [
	{ id: '9.3.2 a)', input: 'Status of actions from previous management reviews' },
	{
		id: '9.3.2 b)',
		input: 'Changes in external and internal issues that are relevant to the ISMS'
	},
	{
		id: '9.3.2 c)',
		input: 'Changes in needs and expectations of interested parties that are relevant to the ISMS'
	},
	{
		id: '9.3.2 d) 1)',
		input: 'Feedback on information security performance: nonconformities and corrective actions'
	},
	{
		id: '9.3.2 d) 2)',
		input: 'Feedback on information security performance: monitoring and measurement results'
	},
	{ id: '9.3.2 d) 3)', input: 'Feedback on information security performance: audit results' },
	{
		id: '9.3.2 d) 4)',
		input:
			'Feedback on information security performance: fulfilment of information security objectives'
	},
	{ id: '9.3.2 e)', input: 'Feedback from interested parties' },
	{ id: '9.3.2 f)', input: 'Results of risk assessment and status of risk treatment plan' },
	{ id: '9.3.2 g)', input: 'Opportunities for continual improvement' }
];

/** The shell's list of inputs when it sends one, else the copy above. */
export function reviewInputs(lists?: ReferenceLists | null): ReadonlyArray<ReviewInput> {
	const sent = (lists as { review_inputs?: ReviewInput[] } | null | undefined)?.review_inputs;
	return Array.isArray(sent) && sent.length > 0 ? sent : REVIEW_INPUTS;
}

export function blankReview(today: string): Review {
	return {
		id: 0,
		reference: '',
		held_on: today,
		attendee_ids: [],
		other_attendees: '',
		inputs: {},
		improvement: '',
		changes_needed: ''
	};
}

/** An input is covered once its note says something. */
export const isCovered = (note: string | undefined) => (note ?? '').trim() !== '';

/** How many of `inputs` have a note in the review. */
export const coveredCount = (notes: Review['inputs'], inputs: ReadonlyArray<ReviewInput>): number =>
	inputs.filter((i) => isCovered(notes[i.id])).length;

/** Offer the proposed summary unless there is none or the note already holds it. */
export function offersSummary(note: string, summary: string | undefined): summary is string {
	const proposal = (summary ?? '').trim();
	return proposal !== '' && !note.includes(proposal);
}

/** The note with the summary added below it, a blank line between. */
export function appendSummary(note: string, summary: string): string {
	const kept = note.trimEnd();
	return kept === '' ? summary : `${kept}\n\n${summary}`;
}

/** The review as it is sent: notes left empty are not notes; inputs in the standard's order. */
export function forSaving(review: Review): Review {
	const inputs = Object.fromEntries(
		Object.entries(review.inputs)
			.filter(([, note]) => isCovered(note))
			.sort(([a], [b]) => a.localeCompare(b))
	);
	return { ...review, inputs };
}

/** Whether two versions of a review say the same (attendees in any order). */
export function sameReview(a: Review, b: Review): boolean {
	const norm = (r: Review) => {
		const out = forSaving(r);
		return JSON.stringify({ ...out, attendee_ids: [...out.attendee_ids].sort((x, y) => x - y) });
	};
	return norm(a) === norm(b);
}

/** Tracker items raised in this review (the vault links them by the review's reference). */
export function actionsOf(items: ReadonlyArray<TrackerItem>, review: Review): TrackerItem[] {
	if (review.reference === '') return [];
	return items.filter((i) => i.source === 'management_review' && i.source_ref === review.reference);
}

/** Checks the UI can make before sending; the shell validates again. */
export function localErrors(review: Review): Record<string, string> {
	const errors: Record<string, string> = {};
	if (!/^\d{4}-\d{2}-\d{2}$/.test(review.held_on)) errors.held_on = 'When was the review held?';
	return errors;
}

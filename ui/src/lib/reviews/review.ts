// What the management review screens need beyond the record (9.3): a blank review, the inputs
// of 9.3.2 and which of them a review covers, when to offer the vault's proposed summary and
// how it is put in, the actions raised in a review, and the checks made before sending.

import type { ReferenceLists } from '$lib/bindings/ReferenceLists';
import type { Review } from '$lib/bindings/Review';
import type { ReviewInput } from '$lib/bindings/ReviewInput';
import type { TrackerItem } from '$lib/bindings/TrackerItem';

/** The inputs of 9.3.2, from the shell's reference lists (the core's embedded CSV). */
export function reviewInputs(lists?: ReferenceLists | null): ReadonlyArray<ReviewInput> {
	return lists?.review_inputs ?? [];
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

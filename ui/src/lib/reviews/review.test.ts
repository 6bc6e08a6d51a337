import { describe, expect, it } from 'vitest';
import type { ReferenceLists } from '$lib/bindings/ReferenceLists';
import { blankItem } from '$lib/tracker/item';
import {
	actionsOf,
	appendSummary,
	blankReview,
	coveredCount,
	forSaving,
	reviewInputs,
	sameReview
} from './review';
import { REVIEW_INPUTS } from '$lib/testing/reference';

const LISTS: ReferenceLists = {
	controls: [],
	clauses: [],
	mandatory_items: [],
	review_inputs: REVIEW_INPUTS.slice()
};

describe('management reviews', () => {
	it('takes the inputs from the reference lists, all ten of 9.3.2', () => {
		expect(reviewInputs(LISTS)).toEqual(REVIEW_INPUTS);
		expect(REVIEW_INPUTS).toHaveLength(10);
		expect(reviewInputs(undefined)).toEqual([]);
	});

	it('counts only inputs of the list whose note says something', () => {
		const notes = { '9.3.2 a)': 'Done.', '9.3.2 b)': ' ', 'not an input': 'x' };
		expect(coveredCount(notes, REVIEW_INPUTS)).toBe(1);
	});

	it('adds a summary below a note with a blank line, or alone in an empty one', () => {
		expect(appendSummary('Ours.\n', 'Vault.')).toBe('Ours.\n\nVault.');
		expect(appendSummary('  ', 'Vault.')).toBe('Vault.');
	});

	it('sends no empty notes and sees no change in the order of attendees or inputs', () => {
		const review = {
			...blankReview('2026-06-01'),
			attendee_ids: [4, 2],
			inputs: { '9.3.2 b)': 'B', '9.3.2 a)': 'A', '9.3.2 c)': '' }
		};
		expect(Object.keys(forSaving(review).inputs)).toEqual(['9.3.2 a)', '9.3.2 b)']);
		const saved = { ...review, attendee_ids: [2, 4], inputs: { '9.3.2 a)': 'A', '9.3.2 b)': 'B' } };
		expect(sameReview(review, saved)).toBe(true);
		expect(sameReview({ ...review, improvement: 'More' }, saved)).toBe(false);
	});

	it('finds the actions raised in a review by its reference, once it has one', () => {
		const item = (id: number, source: 'management_review' | 'internal_audit', ref: string) => ({
			...blankItem('2026-06-01', source, ref),
			id
		});
		const items = [
			item(1, 'management_review', 'MR-001'),
			item(2, 'management_review', 'MR-002'),
			item(3, 'internal_audit', 'MR-001')
		];
		const review = { ...blankReview('2026-06-01'), id: 1, reference: 'MR-001' };
		expect(actionsOf(items, review).map((i) => i.id)).toEqual([1]);
		expect(actionsOf(items, blankReview('2026-06-01'))).toEqual([]);
	});
});

import { fireEvent, render, screen, waitFor } from '@testing-library/svelte';
import { beforeEach, describe, expect, it, vi } from 'vitest';

vi.mock('@tauri-apps/api/core', () => ({ invoke: vi.fn() }));

import { invoke } from '@tauri-apps/api/core';
import type { Person } from '$lib/bindings/Person';
import type { Review } from '$lib/bindings/Review';
import type { TrackerItem } from '$lib/bindings/TrackerItem';
import { blankPerson } from '$lib/people/person';
import { blankItem } from '$lib/tracker/item';
import ReviewActions from './ReviewActions.svelte';
import { blankReview } from './review';

const invokeMock = vi.mocked(invoke);
const TODAY = '2026-06-02';
const PEOPLE: Person[] = [{ ...blankPerson(), id: 5, name: 'Mia Berg', email: 'mia@example.com' }];
const REVIEW: Review = { ...blankReview('2026-06-01'), id: 4, reference: 'MR-002' };

function open(review: Review, actions: TrackerItem[] = []) {
	const props = { review, actions, people: PEOPLE, today: TODAY, onraised: vi.fn() };
	render(ReviewActions, { props });
	return props;
}

describe('ReviewActions', () => {
	beforeEach(() => {
		invokeMock.mockReset();
	});

	it('raises an action of the review with its title, owner and due date', async () => {
		const { onraised } = open(REVIEW);
		const raised = { ...blankItem(TODAY), id: 12, reference: 'T-012' };
		invokeMock.mockResolvedValueOnce(raised);

		await fireEvent.input(screen.getByTestId('review-action-title'), {
			target: { value: '  Budget a penetration test  ' }
		});
		await fireEvent.change(screen.getByTestId('review-action-owner'), {
			target: { value: '5' }
		});
		await fireEvent.input(screen.getByTestId('review-action-due'), {
			target: { value: '2026-09-30' }
		});
		await fireEvent.click(screen.getByTestId('review-action-raise'));

		await waitFor(() => expect(onraised).toHaveBeenCalledWith(raised));
		expect(invokeMock).toHaveBeenCalledWith('reviews_raise_action', {
			review_id: 4,
			item: {
				...blankItem(TODAY, 'management_review', 'MR-002'),
				kind: 'action',
				title: 'Budget a penetration test',
				owner_id: 5,
				due_on: '2026-09-30'
			}
		});
		expect((screen.getByTestId('review-action-title') as HTMLInputElement).value).toBe('');
	});

	it('asks what is to be done before sending', async () => {
		open(REVIEW);
		await fireEvent.click(screen.getByTestId('review-action-raise'));
		expect(screen.getByRole('alert').textContent).toContain('Say what is to be done.');
		expect(invokeMock).not.toHaveBeenCalled();
	});

	it('lists the actions raised, each linking to the tracker', () => {
		const action = {
			...blankItem(TODAY, 'management_review', 'MR-002'),
			id: 12,
			reference: 'T-012',
			title: 'Budget a penetration test',
			owner_id: 5
		};
		open(REVIEW, [action]);
		const row = screen.getByTestId('review-action');
		expect(row.textContent).toContain('T-012');
		expect(row.textContent).toContain('Mia Berg');
		expect(row.querySelector('a')?.getAttribute('href')).toBe('/tracker/12');
	});

	it('waits for the review to be saved before actions can be raised', () => {
		open(blankReview(TODAY));
		expect(screen.getByTestId('review-actions-none').textContent).toContain('Save the review');
		expect(screen.queryByTestId('review-action-raise')).toBeNull();
	});
});

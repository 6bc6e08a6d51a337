import { QueryClient } from '@tanstack/svelte-query';
import { fireEvent, render, screen, waitFor, within } from '@testing-library/svelte';
import { beforeEach, describe, expect, it, vi } from 'vitest';

vi.mock('@tauri-apps/api/core', () => ({ invoke: vi.fn() }));

import { invoke } from '@tauri-apps/api/core';
import type { Person } from '$lib/bindings/Person';
import type { Review } from '$lib/bindings/Review';
import { blankPerson } from '$lib/people/person';
import ReviewEditorHarness from './ReviewEditorHarness.svelte';
import { blankReview } from './review';
import { REVIEW_INPUTS } from '$lib/testing/reference';

const invokeMock = vi.mocked(invoke);
const TODAY = '2026-06-02';
const PEOPLE: Person[] = [
	{ ...blankPerson(), id: 5, name: 'Mia Berg', email: 'mia@example.com', top_management: true }
];
const PROPOSED = { '9.3.2 a)': '0 actions from earlier reviews still open.' };

function open(review: Review, create: (args: unknown) => Promise<unknown>) {
	invokeMock.mockImplementation(async (command, args) => {
		if (command === 'reviews_proposed') return PROPOSED;
		if (command === 'reviews_create' || command === 'reviews_update') return create(args);
		throw new Error(`unexpected ${String(command)}`);
	});
	const props = {
		client: new QueryClient({ defaultOptions: { queries: { retry: false } } }),
		review,
		inputs: REVIEW_INPUTS,
		people: PEOPLE,
		tracker: [],
		today: TODAY,
		onsaved: vi.fn(),
		onraised: vi.fn()
	};
	render(ReviewEditorHarness, { props });
	return props;
}

const card = (id: string) =>
	within(screen.getAllByTestId('review-input').find((el) => el.dataset.input === id)!);

describe('ReviewEditor', () => {
	beforeEach(() => {
		invokeMock.mockReset();
	});

	it('creates the review with its attendees, the proposed summary kept and no empty notes', async () => {
		const created = { ...blankReview(TODAY), id: 1, reference: 'MR-001' };
		const { onsaved } = open(blankReview(TODAY), async () => created);

		await fireEvent.change(screen.getByTestId('review-attendees'), { target: { value: '5' } });
		await fireEvent.click(await card('9.3.2 a)').findByTestId('review-input-use-proposed'));
		await fireEvent.input(card('9.3.2 g)').getByTestId('review-input-note'), {
			target: { value: 'Automate access reviews.' }
		});
		await fireEvent.input(card('9.3.2 e)').getByTestId('review-input-note'), {
			target: { value: '  ' }
		});
		expect(screen.getByTestId('review-save-state').textContent).toContain('Unsaved changes');
		await fireEvent.click(screen.getByTestId('review-save'));

		await waitFor(() => expect(onsaved).toHaveBeenCalledWith(created, true));
		expect(invokeMock).toHaveBeenCalledWith('reviews_create', {
			review: {
				...blankReview(TODAY),
				attendee_ids: [5],
				inputs: {
					'9.3.2 a)': PROPOSED['9.3.2 a)'],
					'9.3.2 g)': 'Automate access reviews.'
				}
			}
		});
		expect(invokeMock).toHaveBeenCalledWith('reviews_proposed', { as_of: TODAY });
	});

	it('puts the shell’s field errors on the attendees and the inputs', async () => {
		const saved = { ...blankReview(TODAY), id: 2, reference: 'MR-002', attendee_ids: [5] };
		const { onsaved } = open(saved, async () => {
			throw {
				code: 'Validation',
				message: '2 fields need attention.',
				fields: [
					{ field: 'attendee_ids', message: 'No person with id 9.' },
					{ field: 'inputs', message: '9.3.2 z) is not an input of clause 9.3.2.' }
				]
			};
		});

		await fireEvent.input(screen.getByTestId('review-improvement'), {
			target: { value: 'Buy a password manager.' }
		});
		await fireEvent.click(screen.getByTestId('review-save'));

		expect((await screen.findByTestId('field-error-attendee_ids')).textContent).toContain(
			'No person with id 9.'
		);
		expect(screen.getByTestId('field-error-inputs').textContent).toContain('9.3.2 z)');
		expect(invokeMock).toHaveBeenCalledWith('reviews_update', expect.anything());
		expect(onsaved).not.toHaveBeenCalled();
	});

	it('asks when the review was held before sending', async () => {
		open(blankReview(TODAY), async () => null);
		await fireEvent.input(screen.getByTestId('review-held-on'), { target: { value: '' } });
		await fireEvent.click(screen.getByTestId('review-save'));
		expect(screen.getByTestId('field-error-held_on').textContent).toContain(
			'When was the review held?'
		);
		expect(invokeMock).not.toHaveBeenCalledWith('reviews_create', expect.anything());
	});
});

import { fireEvent, render, screen, within } from '@testing-library/svelte';
import { describe, expect, it, vi } from 'vitest';

vi.mock('@tauri-apps/api/core', () => ({ invoke: vi.fn() }));

import InputChecklist from './InputChecklist.svelte';
import { REVIEW_INPUTS } from '$lib/testing/reference';

const PROPOSED = {
	'9.3.2 a)': '0 actions from earlier reviews still open.',
	'9.3.2 b)': '3 internal and external issues recorded (clause 4.1).'
};

function open(notes: Record<string, string> = {}) {
	render(InputChecklist, { props: { inputs: REVIEW_INPUTS, notes, proposed: PROPOSED } });
}

const card = (id: string) => {
	const found = screen.getAllByTestId('review-input').find((el) => el.dataset.input === id);
	if (!found) throw new Error(`no card for ${id}`);
	return within(found);
};
const noteOf = (id: string) => card(id).getByTestId('review-input-note') as HTMLTextAreaElement;
const covered = () => screen.getByTestId('review-inputs-covered').textContent?.trim();

describe('InputChecklist', () => {
	it('shows one card per input of 9.3.2 with its clause and wording', () => {
		open();
		const cards = screen.getAllByTestId('review-input');
		expect(cards).toHaveLength(10);
		expect(cards[5]?.textContent).toContain('9.3.2 d) 3)');
		expect(cards[5]?.textContent).toContain('audit results');
	});

	it('counts the inputs with a note as covered, and not blank ones', async () => {
		open({ '9.3.2 a)': 'Two actions closed.', '9.3.2 e)': '   ' });
		expect(covered()).toBe('1 of 10 inputs covered');
		await fireEvent.input(noteOf('9.3.2 g)'), { target: { value: 'Automate access reviews.' } });
		expect(covered()).toBe('2 of 10 inputs covered');
		await fireEvent.input(noteOf('9.3.2 a)'), { target: { value: '' } });
		expect(covered()).toBe('1 of 10 inputs covered');
		expect(screen.getByRole('progressbar').getAttribute('aria-valuenow')).toBe('1');
	});

	it('fills an empty note with the proposed summary, which the user then keeps or edits', async () => {
		open();
		const a = card('9.3.2 a)');
		expect(a.getByTestId('review-input-proposed').textContent).toBe(PROPOSED['9.3.2 a)']);
		expect(a.queryByTestId('review-input-insert-proposed')).toBeNull();
		await fireEvent.click(a.getByTestId('review-input-use-proposed'));

		expect(noteOf('9.3.2 a)').value).toBe(PROPOSED['9.3.2 a)']);
		expect(a.queryByTestId('review-input-proposal')).toBeNull();
		expect(covered()).toBe('1 of 10 inputs covered');

		await fireEvent.input(noteOf('9.3.2 a)'), {
			target: { value: 'No actions open; the last one closed in May.' }
		});
		expect(noteOf('9.3.2 a)').value).toBe('No actions open; the last one closed in May.');
		expect(covered()).toBe('1 of 10 inputs covered');
	});

	it('inserts the proposed summary below the owner’s own words', async () => {
		open({ '9.3.2 b)': 'New supplier for payroll.' });
		const b = card('9.3.2 b)');
		await fireEvent.click(b.getByTestId('review-input-insert-proposed'));
		expect(noteOf('9.3.2 b)').value).toBe(`New supplier for payroll.\n\n${PROPOSED['9.3.2 b)']}`);
		expect(b.queryByTestId('review-input-proposal')).toBeNull();
	});

	it('offers nothing where the vault proposes nothing or the note already says it', () => {
		open({ '9.3.2 a)': PROPOSED['9.3.2 a)'] });
		expect(card('9.3.2 a)').queryByTestId('review-input-proposal')).toBeNull();
		expect(card('9.3.2 e)').queryByTestId('review-input-proposal')).toBeNull();
		expect(screen.getAllByTestId('review-input-proposal')).toHaveLength(1);
	});
});

// The kit's register widgets on their own: the multi-select picker, the notes log and the
// register toolbar.
import { fireEvent, render, screen } from '@testing-library/svelte';
import { describe, expect, it, vi } from 'vitest';
import MultiPicker from './MultiPicker.svelte';
import NotesLog from './NotesLog.svelte';
import RegisterToolbar from './RegisterToolbar.svelte';

describe('MultiPicker', () => {
	const options = [
		{ value: 'A.5.1', label: 'A.5.1 Policies', group: 'Organisational' },
		{ value: 'A.8.1', label: 'A.8.1 Endpoints', group: 'Technological' },
		{ value: 'A.8.2', label: 'A.8.2 Privileged access', group: 'Technological' }
	];
	const props = {
		options,
		placeholder: 'Add a control…',
		none: 'No control yet.',
		label: 'Controls',
		testid: 'p'
	};

	it('adds the picked option as a chip, offers only the rest, grouped, and removes a chip', async () => {
		render(MultiPicker<string>, { props: { ...props, values: ['A.8.1'] } });
		expect(screen.getAllByTestId('p-chip').map((c) => c.textContent?.trim())).toEqual([
			'A.8.1 Endpoints'
		]);
		const select = screen.getByTestId('p') as HTMLSelectElement;
		expect([...select.querySelectorAll('optgroup')].map((g) => g.label)).toEqual([
			'Organisational',
			'Technological'
		]);
		await fireEvent.change(select, { target: { value: 'A.5.1' } });
		expect(screen.getAllByTestId('p-chip')).toHaveLength(2);
		expect(select.value).toBe('');
		expect([...select.options].map((o) => o.value)).toEqual(['', 'A.8.2']);
		await fireEvent.click(screen.getByRole('button', { name: 'Remove A.8.1 Endpoints' }));
		expect(screen.getAllByTestId('p-chip').map((c) => c.textContent?.trim())).toEqual([
			'A.5.1 Policies'
		]);
	});

	it('lists linked records by reference with a link, keeps numeric values and says when none', async () => {
		render(MultiPicker<number>, {
			props: {
				...props,
				variant: 'list',
				values: [],
				options: [{ value: 7, reference: 'R-007', label: 'Phishing', href: '/risks/7' }]
			}
		});
		expect(screen.getByText('No control yet.')).toBeTruthy();
		await fireEvent.change(screen.getByTestId('p'), { target: { value: '7' } });
		const item = screen.getByTestId('p-item');
		expect(item.querySelector('a')?.getAttribute('href')).toBe('/risks/7');
		expect(item.textContent).toContain('Phishing');
		// Every option is linked: no select is left to offer more.
		expect(screen.queryByTestId('p')).toBeNull();
		await fireEvent.click(screen.getByTestId('p-unlink'));
		expect(screen.queryByTestId('p-item')).toBeNull();
	});
});

describe('NotesLog', () => {
	it('shows notes oldest first and ties in their order, and adds one through onadd', async () => {
		const onadd = vi.fn();
		render(NotesLog, {
			props: {
				notes: [
					{ order: 2, date: '2026-03-01', text: 'second' },
					{ order: 1, date: '2026-03-01', text: 'first' },
					{ order: 0, date: '2026-04-01', text: 'last' }
				],
				onadd,
				testid: 'n'
			}
		});
		expect(screen.getAllByTestId('n-note').map((n) => n.textContent)).toEqual([
			expect.stringContaining('first'),
			expect.stringContaining('second'),
			expect.stringContaining('last')
		]);
		await fireEvent.input(screen.getByTestId('n-note-text'), { target: { value: ' went well ' } });
		await fireEvent.click(screen.getByTestId('n-note-add'));
		expect(onadd).toHaveBeenCalledWith(expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/), 'went well');
		expect((screen.getByTestId('n-note-text') as HTMLInputElement).value).toBe('');
	});

	it('keeps the text and says what went wrong when adding fails, and refuses an empty note', async () => {
		const onadd = vi.fn().mockRejectedValue({ code: 'Locked', message: 'The vault is locked.' });
		render(NotesLog, { props: { notes: [], onadd, testid: 'n' } });
		expect(screen.getByText('No progress recorded yet.')).toBeTruthy();
		await fireEvent.click(screen.getByTestId('n-note-add'));
		expect(screen.getByRole('alert').textContent).toContain('Give the note a date and some text.');
		expect(onadd).not.toHaveBeenCalled();
		await fireEvent.input(screen.getByTestId('n-note-text'), { target: { value: 'x' } });
		await fireEvent.click(screen.getByTestId('n-note-add'));
		await vi.waitFor(() =>
			expect(screen.getByRole('alert').textContent).toContain('The vault is locked.')
		);
		expect((screen.getByTestId('n-note-text') as HTMLInputElement).value).toBe('x');
	});
});

describe('RegisterToolbar', () => {
	it('shows chips with counts, one on at a time, a second click turning it off', async () => {
		render(RegisterToolbar<'a' | 'b'>, {
			props: {
				query: '',
				searchLabel: 'Search',
				testid: 't',
				filters: [
					{ value: 'a', label: 'Open', count: 3 },
					{ value: 'b', label: 'Late', count: 1, tone: 'danger' }
				],
				count: '4 items'
			}
		});
		expect(screen.getByTestId('t-count').textContent).toBe('4 items');
		const a = screen.getByTestId('t-filter-a');
		const b = screen.getByTestId('t-filter-b');
		expect(a.textContent).toMatch(/Open\s+3/);
		await fireEvent.click(a);
		expect(a.getAttribute('aria-pressed')).toBe('true');
		await fireEvent.click(b);
		expect([a, b].map((c) => c.getAttribute('aria-pressed'))).toEqual(['false', 'true']);
		await fireEvent.click(b);
		expect(b.getAttribute('aria-pressed')).toBe('false');
	});
});

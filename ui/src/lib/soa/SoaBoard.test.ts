import { fireEvent, render, screen, waitFor, within } from '@testing-library/svelte';
import { beforeEach, describe, expect, it, vi } from 'vitest';

vi.mock('@tauri-apps/api/core', () => ({ invoke: vi.fn() }));

import { invoke } from '@tauri-apps/api/core';
import type { SoaEntry } from '$lib/bindings/SoaEntry';
import type { SoaView } from '$lib/bindings/SoaView';
import SoaBoard from './SoaBoard.svelte';

const invokeMock = vi.mocked(invoke);
const NO_REASONS = { legal: false, contractual: false, business: false, risk_assessment: false };

const entry = (
	control_id: string,
	title: string,
	theme: string,
	more: Partial<SoaEntry> = {}
): SoaEntry => ({
	control_id,
	title,
	theme,
	applicable: null,
	reasons: NO_REASONS,
	justification: '',
	status: null,
	owner_id: null,
	notes: '',
	...more
});

const ENTRIES: SoaEntry[] = [
	entry('5.1', 'Policies for information security', 'Organizational', {
		applicable: true,
		reasons: { ...NO_REASONS, legal: true },
		status: 'implemented'
	}),
	entry('5.2', 'Information security roles and responsibilities', 'Organizational'),
	entry('6.3', 'Information security awareness, education and training', 'People', {
		applicable: true,
		status: 'in_progress'
	}),
	entry('7.4', 'Physical security monitoring', 'Physical', {
		applicable: false,
		justification: 'No premises of our own: we work remotely.'
	}),
	entry('8.24', 'Use of cryptography', 'Technological')
];

const VIEW: SoaView = {
	entries: ENTRIES,
	totals: {
		controls: 5,
		applicable: 2,
		excluded: 1,
		undecided: 2,
		implemented: 1,
		in_progress: 1,
		not_started: 0,
		without_status: 2,
		not_applicable: 1,
		applicable_without_reason: 1,
		excluded_without_justification: 0
	}
};

const JUSTIFY = 'An excluded control needs a justification: say why it does not apply.';
const row = (id: string) => screen.getByTestId(`soa-row-${id}`);
const rowIds = () =>
	screen.queryAllByTestId(/^soa-row-/).map((el) => el.getAttribute('data-testid')!.slice(8));

function setup() {
	const onchanged = vi.fn();
	render(SoaBoard, { props: { view: VIEW, people: [], today: '2025-05-01', onchanged } });
	return { onchanged };
}

describe('SoaBoard', () => {
	beforeEach(() => {
		invokeMock.mockReset();
	});

	it('shows the totals the vault computed, and every control by theme', () => {
		setup();
		const total = (key: string) => screen.getByTestId(`soa-total-${key}`).textContent?.trim();
		expect(total('applicable')).toBe('2');
		expect(total('excluded')).toBe('1');
		expect(total('undecided')).toBe('2');
		expect(total('implemented')).toBe('1');
		expect(total('in_progress')).toBe('1');
		expect(total('not_started')).toBe('0');
		expect(total('without_status')).toBe('2');
		expect(total('not_applicable')).toBe('1');
		expect(total('decided')).toBe('3');
		expect(rowIds()).toEqual(['5.1', '5.2', '6.3', '7.4', '8.24']);
		const themes = screen
			.getAllByTestId('soa-group')
			.map((g) => g.querySelector('h2')?.textContent);
		expect(themes).toEqual([
			'Organizational controls',
			'People controls',
			'Physical controls',
			'Technological controls'
		]);
	});

	it('shows a refused exclusion’s error under that row’s justification, then saves it justified', async () => {
		const { onchanged } = setup();
		invokeMock.mockRejectedValueOnce({
			code: 'Validation',
			message: '1 field needs attention.',
			fields: [{ field: 'justification', message: JUSTIFY }]
		});
		await fireEvent.change(within(row('8.24')).getByTestId('soa-applicable'), {
			target: { value: 'no' }
		});
		const error = await within(row('8.24')).findByTestId('field-error-justification');
		expect(error.textContent).toContain(JUSTIFY);
		expect(invokeMock).toHaveBeenCalledWith('soa_update', {
			entry: { ...ENTRIES[4], applicable: false }
		});
		const input = within(row('8.24')).getByTestId('soa-justification');
		expect(input.getAttribute('aria-invalid')).toBe('true');
		expect(
			within(row('5.2')).queryByTestId('field-error-justification'),
			'only that row'
		).toBeNull();
		expect(onchanged).not.toHaveBeenCalled();

		const justified = {
			...ENTRIES[4]!,
			applicable: false,
			justification: 'We hold no data at rest.'
		};
		invokeMock.mockResolvedValueOnce(justified);
		await fireEvent.input(input, { target: { value: 'We hold no data at rest.' } });
		await fireEvent.change(input);
		await waitFor(() => expect(onchanged).toHaveBeenCalled());
		expect(invokeMock).toHaveBeenLastCalledWith('soa_update', { entry: justified });
		expect(within(row('8.24')).queryByTestId('field-error-justification')).toBeNull();
	});

	it('saves a reason and a status as soon as they are chosen', async () => {
		const { onchanged } = setup();
		invokeMock.mockImplementation(
			async (_cmd, args) => (args as { entry?: SoaEntry } | undefined)?.entry
		);
		await fireEvent.click(within(row('6.3')).getByTestId('soa-reason-risk_assessment'));
		await waitFor(() => expect(onchanged).toHaveBeenCalledTimes(1));
		expect(invokeMock).toHaveBeenCalledWith('soa_update', {
			entry: { ...ENTRIES[2], reasons: { ...NO_REASONS, risk_assessment: true } }
		});
		await fireEvent.change(within(row('6.3')).getByTestId('soa-status'), {
			target: { value: 'implemented' }
		});
		await waitFor(() => expect(onchanged).toHaveBeenCalledTimes(2));
	});

	it('filters to what is left to do', async () => {
		setup();
		await fireEvent.click(screen.getByTestId('soa-filter-undecided'));
		expect(rowIds()).toEqual(['5.2', '8.24']);
		await fireEvent.click(screen.getByTestId('soa-filter-no_reason'));
		expect(rowIds()).toEqual(['6.3']);
		await fireEvent.click(screen.getByTestId('soa-filter-not_implemented'));
		expect(rowIds()).toEqual(['6.3']);
		await fireEvent.click(screen.getByTestId('soa-filter-no_justification'));
		expect(rowIds()).toEqual([]);
		await fireEvent.click(screen.getByTestId('soa-filter-no_justification'));
		expect(rowIds()).toHaveLength(5);
	});

	it('marks the chosen rows applicable in one call, and puts a bulk error on its row', async () => {
		const { onchanged } = setup();
		await fireEvent.click(within(row('5.2')).getByTestId('soa-select'));
		await fireEvent.click(within(row('7.4')).getByTestId('soa-select'));
		expect(screen.getByTestId('soa-bulk').textContent).toContain('2 selected');

		invokeMock.mockRejectedValueOnce({
			code: 'Validation',
			message: 'x',
			fields: [{ field: '7.4.justification', message: JUSTIFY }]
		});
		await fireEvent.change(screen.getByTestId('soa-bulk-reason'), {
			target: { value: 'contractual' }
		});
		await fireEvent.click(screen.getByTestId('soa-bulk-applicable'));
		const error = await within(row('7.4')).findByTestId('field-error-justification');
		expect(error.textContent).toContain(JUSTIFY);
		expect(invokeMock).toHaveBeenCalledWith('soa_update_many', {
			entries: [
				{ ...ENTRIES[1], applicable: true, reasons: { ...NO_REASONS, contractual: true } },
				{ ...ENTRIES[3], applicable: true, reasons: { ...NO_REASONS, contractual: true } }
			]
		});
		expect(onchanged).not.toHaveBeenCalled();

		invokeMock.mockResolvedValueOnce([]);
		await fireEvent.click(screen.getByTestId('soa-bulk-applicable'));
		await waitFor(() => expect(onchanged).toHaveBeenCalled());
		expect(screen.queryByTestId('soa-bulk'), 'the selection is cleared').toBeNull();
	});
});

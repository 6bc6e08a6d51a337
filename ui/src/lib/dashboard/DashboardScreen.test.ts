import { fireEvent, render, screen, waitFor } from '@testing-library/svelte';
import { QueryClient } from '@tanstack/svelte-query';
import { beforeEach, describe, expect, it, vi } from 'vitest';

vi.mock('@tauri-apps/api/core', () => ({ invoke: vi.fn() }));
vi.mock('$app/navigation', () => ({ goto: vi.fn() }));

import { invoke } from '@tauri-apps/api/core';
import type { ReadinessView } from '$lib/bindings/ReadinessView';
import { formatDate } from '$lib/app/format';
import WithQueryClient from '$lib/testing/WithQueryClient.svelte';
import DashboardScreen from './DashboardScreen.svelte';
import { report, rule } from './fixtures';

const invokeMock = vi.mocked(invoke);
const TODAY = '2026-06-01';

function view(asOf: string): ReadinessView {
	const later = asOf > TODAY;
	return {
		stage1: report(1, [rule('S1-SCOPE', 'pass')], asOf),
		stage2: report(
			2,
			[rule('S2-INDEPENDENCE', later ? 'pass' : 'fail'), rule('S2-TREATMENT', 'warning')],
			asOf
		),
		stage2_target: '2026-06-24',
		days_to_stage2: (Date.parse('2026-06-24') - Date.parse(asOf)) / 86_400_000
	};
}

function mockShell() {
	invokeMock.mockImplementation(async (command: string, args?: unknown) => {
		switch (command) {
			case 'readiness_view':
				return view((args as { as_of: string }).as_of);
			case 'organisation_get':
				return { name: 'Fjord AS', stage1_date: '2026-03-02' };
			case 'risks_method_get':
				return null;
			default:
				return [];
		}
	});
}

const readinessCalls = () =>
	invokeMock.mock.calls.filter(([c]) => c === 'readiness_view').map(([, a]) => a);

function renderScreen() {
	const client = new QueryClient({ defaultOptions: { queries: { retry: false } } });
	render(WithQueryClient, {
		props: { client, component: DashboardScreen, props: { today: TODAY } }
	});
	return client;
}

describe('DashboardScreen', () => {
	beforeEach(() => {
		invokeMock.mockReset();
		mockShell();
	});

	it('evaluates as of today, then again for a date typed in the picker', async () => {
		renderScreen();
		await waitFor(() =>
			expect(screen.getByTestId('dashboard-verdict-2').textContent?.trim()).toBe('1 gap')
		);
		expect(readinessCalls()).toEqual([{ as_of: TODAY }]);
		expect(screen.getByTestId('dashboard-verdict-1').textContent?.trim()).toBe('Ready');
		expect(screen.getByTestId('dashboard-when-2').textContent).toContain('Stage 2 in 23 days');

		const picker = screen.getByTestId('dashboard-as-of') as HTMLInputElement;
		expect(picker.value).toBe(TODAY);
		await fireEvent.input(picker, { target: { value: '2026-06-20' } });
		await waitFor(() => expect(readinessCalls()).toContainEqual({ as_of: '2026-06-20' }));
		await waitFor(() =>
			expect(screen.getByTestId('dashboard-verdict-2').textContent?.trim()).toBe('Ready')
		);
		expect(screen.getByTestId('dashboard-when-2').textContent).toContain('Stage 2 in 4 days');
	});

	it('jumps to the Stage 2 date and back to today', async () => {
		renderScreen();
		const stage2 = await screen.findByTestId('dashboard-as-of-stage2');
		await fireEvent.click(stage2);
		await waitFor(() => expect(readinessCalls()).toContainEqual({ as_of: '2026-06-24' }));
		await waitFor(() =>
			expect(screen.getByTestId('dashboard-when-2').textContent).toContain('Stage 2 is today')
		);
		expect((screen.getByTestId('dashboard-as-of') as HTMLInputElement).value).toBe('2026-06-24');

		await fireEvent.click(screen.getByTestId('dashboard-as-of-today'));
		await waitFor(() =>
			expect(screen.getByTestId('dashboard-when-2').textContent).toContain('Stage 2 in 23 days')
		);
	});

	it('says plainly when it shows another day than today, and goes back to today', async () => {
		renderScreen();
		await screen.findByTestId('dashboard-verdict-2');
		expect(screen.queryByTestId('dashboard-as-of-notice'), 'not on today').toBeNull();

		await fireEvent.input(screen.getByTestId('dashboard-as-of'), {
			target: { value: '2026-05-10' }
		});
		const notice = await screen.findByTestId('dashboard-as-of-notice');
		expect(notice.textContent?.replace(/\s+/g, ' ').trim()).toBe(
			`Showing the vault as of ${formatDate('2026-05-10')}: records dated after that day are not counted. Back to today`
		);
		const first = document.querySelector('[data-testid="dashboard-as-of-notice"] ~ .stages');
		expect(first, 'the line stands above the stage cards').not.toBeNull();

		await fireEvent.click(screen.getByTestId('dashboard-back-to-today'));
		await waitFor(() => expect(screen.queryByTestId('dashboard-as-of-notice')).toBeNull());
		expect((screen.getByTestId('dashboard-as-of') as HTMLInputElement).value).toBe(TODAY);
		expect(readinessCalls().at(-1)).toEqual({ as_of: TODAY });
	});

	it('asks the tracker for the items overdue on the chosen day', async () => {
		renderScreen();
		await screen.findByTestId('dashboard-verdict-2');
		await fireEvent.input(screen.getByTestId('dashboard-as-of'), {
			target: { value: '2026-05-10' }
		});
		await waitFor(() =>
			expect(invokeMock).toHaveBeenCalledWith('tracker_overdue', { as_of: '2026-05-10' })
		);
	});

	it('lists the gap before the warning, with what to do', async () => {
		renderScreen();
		await screen.findAllByTestId('dashboard-rule');
		const ids = screen
			.getAllByTestId('dashboard-rule')
			.filter((r) => r.dataset.status !== 'pass')
			.map((r) => r.dataset.ruleId);
		expect(ids).toEqual(['S2-INDEPENDENCE', 'S2-TREATMENT']);
		expect(screen.getByTestId('dashboard-headline').textContent).toContain(
			'Stage 1 is ready; Stage 2 has 1 gap to close, 23 days before the audit.'
		);
		// The stage with gaps comes first: that is where the work is.
		const sections = [...document.querySelectorAll('[data-testid^="dashboard-rules-"]')];
		expect(sections.map((s) => s.getAttribute('data-testid'))).toEqual([
			'dashboard-rules-2',
			'dashboard-rules-1'
		]);
	});
});

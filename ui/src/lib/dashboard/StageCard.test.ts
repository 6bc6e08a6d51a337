import { render, screen } from '@testing-library/svelte';
import { describe, expect, it, vi } from 'vitest';

vi.mock('@tauri-apps/api/core', () => ({ invoke: vi.fn() }));

import StageCard from './StageCard.svelte';
import StageRules from './StageRules.svelte';
import { report, rule } from './fixtures';

const card = (r: ReturnType<typeof report>, extra: Record<string, unknown> = {}) =>
	render(StageCard, {
		props: {
			report: r,
			title: 'Implementation',
			question: 'Does it run?',
			when: 'Stage 2 in 23 days',
			rulesId: 'stage-2-rules',
			...extra
		}
	});

describe('StageCard', () => {
	it('says how many gaps in words and counts the rules that apply', () => {
		card(
			report(2, [
				rule('S2-A', 'pass'),
				rule('S2-B', 'fail'),
				rule('S2-C', 'fail'),
				rule('S2-D', 'warning'),
				rule('S2-E', 'not_applicable')
			])
		);
		expect(screen.getByTestId('dashboard-verdict-2').textContent?.trim()).toBe('2 gaps');
		expect(screen.getByTestId('dashboard-counts-2').textContent).toMatch(/1\s+of 4 rules pass/);
		expect(screen.getByTestId('dashboard-warnings-2').textContent?.trim()).toBe('1 warning');
		expect(screen.getByTestId('dashboard-when-2').textContent).toContain('Stage 2 in 23 days');
		expect(screen.getByRole('progressbar').getAttribute('aria-valuenow')).toBe('25');
	});

	it('says Ready when no rule fails, and offers to set a missing date', () => {
		card(report(1, [rule('S1-A', 'pass'), rule('S1-B', 'pass')]), {
			when: 'No Stage 1 date set',
			undated: true
		});
		expect(screen.getByTestId('dashboard-stage1')).toBeTruthy();
		expect(screen.getByTestId('dashboard-verdict-1').textContent?.trim()).toBe('Ready');
		expect(screen.getByTestId('dashboard-counts-1').textContent).toMatch(/2\s+of 2 rules pass/);
		expect(screen.queryByTestId('dashboard-warnings-1')).toBeNull();
		expect(screen.getByTestId('dashboard-set-date-1').getAttribute('href')).toBe('/organisation');
	});
});

describe('StageRules', () => {
	it('lists failing rules before warnings, folds passing ones, and links each record', () => {
		render(StageRules, {
			props: {
				id: 'stage-2-rules',
				title: 'Stage 2',
				report: report(2, [
					rule('S2-WARN', 'warning', [{ kind: 'control', ref: '5.15', title: 'Access', id: null }]),
					rule('S2-PASS', 'pass'),
					rule('S2-INDEPENDENCE', 'fail', [
						{ kind: 'audit', ref: 'IA-002', title: 'Access control', id: 12 }
					]),
					rule('S2-NA', 'not_applicable')
				])
			}
		});
		const rows = screen.getAllByTestId('dashboard-rule');
		expect(rows.map((r) => r.dataset.ruleId)).toEqual([
			'S2-INDEPENDENCE',
			'S2-WARN',
			'S2-PASS',
			'S2-NA'
		]);
		expect(rows[0]?.textContent).toContain('Gap');
		expect(rows[0]?.textContent).toContain('Clause 9.2');
		expect(rows[0]?.textContent).toContain('S2-INDEPENDENCE finding');
		expect(rows[0]?.textContent).toContain('Fix S2-INDEPENDENCE.');
		const links = screen.getAllByTestId('dashboard-record-link');
		expect(links.map((a) => a.getAttribute('href'))).toEqual([
			'/audits?audit=12',
			'/soa?control=5.15'
		]);
		expect(links[0]?.textContent?.trim()).toBe('IA-002 Access control');
		const passing = screen.getByTestId('dashboard-passing-2');
		expect(passing.tagName).toBe('DETAILS');
		expect((passing as HTMLDetailsElement).open).toBe(false);
		expect(passing.querySelector('summary')?.textContent).toContain('1 rule passes');
	});

	it('shows the first records at fault and the rest on demand', async () => {
		const records = Array.from({ length: 9 }, (_, i) => ({
			kind: 'risk' as const,
			ref: `R-00${i + 1}`,
			title: `Risk ${i + 1}`,
			id: i + 1
		}));
		render(StageRules, {
			props: { id: 'x', title: 'Stage 1', report: report(1, [rule('S1-RISKS', 'fail', records)]) }
		});
		expect(screen.getAllByTestId('dashboard-record-link')).toHaveLength(6);
		screen.getByRole('button', { name: 'Show 3 more' }).click();
		await vi.waitFor(() => expect(screen.getAllByTestId('dashboard-record-link')).toHaveLength(9));
	});
});

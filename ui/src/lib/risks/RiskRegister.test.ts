import { fireEvent, render, screen, within } from '@testing-library/svelte';
import { describe, expect, it, vi } from 'vitest';

vi.mock('@tauri-apps/api/core', () => ({ invoke: vi.fn() }));

import type { Person } from '$lib/bindings/Person';
import type { Risk } from '$lib/bindings/Risk';
import { blankPerson } from '$lib/people/person';
import { withLayout } from '$lib/testing/layout';
import { commonMethod, levelOf } from './method';
import { blankRisk } from './risk';
import RiskRegister from './RiskRegister.svelte';

const METHOD = commonMethod();
const PEOPLE: Person[] = [{ ...blankPerson(), id: 1, name: 'Łukasz Wąs', email: 'l@example.com' }];

let next = 0;
function risk(
	title: string,
	l: number | null,
	i: number | null,
	rl: number | null = null,
	ri: number | null = null
): Risk {
	next += 1;
	const score = (a: number | null, b: number | null) =>
		a !== null && b !== null ? { value: a * b, level: levelOf(METHOD, a * b)! } : null;
	return {
		...blankRisk(),
		id: next,
		reference: `R-${String(next).padStart(3, '0')}`,
		title,
		owner_id: 1,
		likelihood: l,
		impact: i,
		residual_likelihood: rl,
		residual_impact: ri,
		inherent: score(l, i),
		residual: score(rl, ri)
	};
}

const RISKS: Risk[] = [
	risk('Lost laptop', 4, 5, 2, 3),
	risk('Ransomware', 4, 5, 2, 3),
	risk('Supplier breach', 3, 4, 3, 2),
	risk('Phishing', 5, 3, 2, 3),
	risk('Office flood', 1, 2),
	risk('Not scored yet', null, null)
];

withLayout();

const rowTitles = () =>
	screen.queryAllByTestId('risks-row-title').map((el) => el.textContent?.trim() ?? '');
const cell = (axis: string, l: number, i: number) =>
	screen.getByTestId(`heatmap-${axis}-${l}-${i}`);

function setup() {
	render(RiskRegister, {
		props: { risks: RISKS, method: METHOD, people: PEOPLE, onopen: vi.fn() }
	});
}

describe('RiskRegister', () => {
	it('counts every heat-map cell from the rows, and a cell click leaves exactly those rows', async () => {
		setup();
		expect(rowTitles()).toHaveLength(RISKS.length);
		for (const axis of ['inherent', 'residual'] as const) {
			let total = 0;
			for (let l = 1; l <= 5; l += 1) {
				for (let i = 1; i <= 5; i += 1) {
					const count = Number(cell(axis, l, i).textContent?.trim());
					total += count;
					if (count === 0) continue;
					await fireEvent.click(cell(axis, l, i));
					expect(rowTitles(), `${axis} ${l}×${i} lists as many rows as its count`).toHaveLength(
						count
					);
					await fireEvent.click(cell(axis, l, i));
					expect(rowTitles(), 'a second click clears the filter').toHaveLength(RISKS.length);
				}
			}
			const unscored = screen.getByTestId(`heatmap-${axis}-unscored`).textContent ?? '';
			const left = RISKS.length - total;
			if (left > 0) expect(unscored).toContain(`${left} risk`);
		}
		expect(cell('inherent', 4, 5).textContent?.trim(), 'two risks score 4 × 5').toBe('2');
		expect(cell('residual', 2, 3).textContent?.trim(), 'three end at 2 × 3').toBe('3');
	});

	it('filters the table to the clicked cell with a chip that clears it', async () => {
		setup();
		await fireEvent.click(cell('inherent', 4, 5));
		expect(rowTitles().sort()).toEqual(['Lost laptop', 'Ransomware']);
		const chip = screen.getByTestId('risks-cell-filter');
		expect(chip.textContent).toContain('likelihood 4 · Likely');
		expect(chip.textContent).toContain('impact 5 · Severe');
		expect(cell('inherent', 4, 5).getAttribute('aria-pressed')).toBe('true');

		await fireEvent.click(within(chip).getByTestId('risks-cell-filter-clear'));
		expect(screen.queryByTestId('risks-cell-filter')).toBeNull();
		expect(rowTitles()).toHaveLength(RISKS.length);
	});

	it('recounts the heat maps from what the search and the level filter leave', async () => {
		setup();
		await fireEvent.input(screen.getByTestId('risks-search'), { target: { value: 'laptop' } });
		expect(rowTitles()).toEqual(['Lost laptop']);
		expect(cell('inherent', 4, 5).textContent?.trim()).toBe('1');
		await fireEvent.input(screen.getByTestId('risks-search'), { target: { value: '' } });

		await fireEvent.click(screen.getByTestId('risks-level-red'));
		expect(rowTitles().sort(), 'red: 20 and 15').toEqual(['Lost laptop', 'Phishing', 'Ransomware']);
		expect(cell('inherent', 3, 4).textContent?.trim(), '12 is amber, not counted').toBe('0');
		await fireEvent.click(screen.getByTestId('risks-level-unscored'));
		expect(rowTitles()).toEqual(['Not scored yet']);
	});

	it('sorts by a header, and again the other way', async () => {
		setup();
		await fireEvent.click(screen.getByTestId('risks-sort-inherent'));
		expect(rowTitles()[0], 'highest score first').toMatch(/Lost laptop|Ransomware/);
		expect(rowTitles().at(-1)).toBe('Not scored yet');
		await fireEvent.click(screen.getByTestId('risks-sort-inherent'));
		expect(rowTitles()[0]).toBe('Not scored yet');
		await fireEvent.click(screen.getByTestId('risks-sort-title'));
		expect(rowTitles()).toEqual([
			'Lost laptop',
			'Not scored yet',
			'Office flood',
			'Phishing',
			'Ransomware',
			'Supplier breach'
		]);
	});

	it('keeps only the rows in view in the DOM, even with 5,000 risks', async () => {
		const many = Array.from({ length: 5000 }, (_, n) =>
			risk(`Risk ${n + 1}`, (n % 5) + 1, (n % 3) + 1)
		);
		render(RiskRegister, {
			props: { risks: many, method: METHOD, people: PEOPLE, onopen: vi.fn() }
		});
		const rendered = rowTitles().length;
		expect(rendered, 'a window of rows, not the register').toBeGreaterThan(5);
		expect(rendered).toBeLessThan(60);
		expect(screen.getByTestId('risks-count').textContent).toContain('5000 risks');
		expect(cell('inherent', 5, 3).textContent?.trim(), 'counts still cover every risk').toBe('333');
		await fireEvent.click(cell('inherent', 5, 3));
		expect(screen.getByTestId('risks-count').textContent).toContain('333 of 5000');
	});
});

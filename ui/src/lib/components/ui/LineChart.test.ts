import { render, screen } from '@testing-library/svelte';
import { describe, expect, it } from 'vitest';
import LineChart from './LineChart.svelte';

describe('LineChart', () => {
	it('draws the points and the target, with a title and a table of the values', () => {
		const { container } = render(LineChart, {
			props: {
				title: 'Awareness coverage',
				points: [
					{ date: '2026-04-30', value: 100 },
					{ date: '2026-03-31', value: 83.3 }
				],
				target: 95,
				format: (v: number) => `${v} %`,
				testid: 'chart'
			}
		});
		expect(container.querySelector('svg title')?.textContent).toBe('Awareness coverage');
		expect(container.querySelectorAll('circle')).toHaveLength(2);
		expect(screen.getByTestId('chart-target')).toBeTruthy();
		const cells = [...container.querySelectorAll('tbody td')].map((td) => td.textContent);
		expect(cells).toEqual(['2026-03-31', '83.3 %', '2026-04-30', '100 %']);
	});

	it('labels a single result once, under its point', () => {
		const { container } = render(LineChart, {
			props: { title: 'One', points: [{ date: '2026-11-30', value: 83.3 }], target: 95 }
		});
		const dates = [...container.querySelectorAll('svg text.tick')]
			.map((t) => t.textContent?.trim())
			.filter((t) => t === '2026-11-30');
		expect(dates).toHaveLength(1);
	});
});

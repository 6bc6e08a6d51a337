import { describe, expect, it } from 'vitest';
import type { MeasureWithResults } from '$lib/bindings/MeasureWithResults';
import { blankMeasure, dueState, meetsTarget, targetText, withUnit } from './measure';

describe('measure', () => {
	it('meets a target in both directions, and always without one', () => {
		expect(meetsTarget(95, 95, 'at_least')).toBe(true);
		expect(meetsTarget(94.9, 95, 'at_least')).toBe(false);
		expect(meetsTarget(0, 0, 'at_most')).toBe(true);
		expect(meetsTarget(1, 0, 'at_most')).toBe(false);
		expect(meetsTarget(-3, null, 'at_least')).toBe(true);
	});

	it('writes values and targets with their unit', () => {
		expect(withUnit(96, '%')).toBe('96 %');
		expect(withUnit(2, 'count')).toBe('2');
		expect(withUnit(66.666, 'days')).toBe('66.67 days');
		const m = {
			...blankMeasure('2026-06-01'),
			target: 10,
			direction: 'at_most' as const,
			unit: '%'
		};
		expect(targetText(m)).toBe('≤ 10 %');
		expect(targetText(blankMeasure('2026-06-01'))).toBe('No target');
	});

	it('flags overdue periods before the open current one', () => {
		const entry: MeasureWithResults = {
			measure: blankMeasure('2026-01-01'),
			results: [],
			overdue: [{ start: '2026-04-01', end: '2026-04-30', label: '2026-04' }],
			current: { start: '2026-05-01', end: '2026-05-31', label: '2026-05' }
		};
		expect(dueState(entry)).toEqual({ tone: 'danger', text: 'Overdue: 2026-04' });
		expect(dueState({ ...entry, overdue: [] })).toEqual({
			tone: 'warning',
			text: 'Due this month'
		});
		expect(dueState({ ...entry, overdue: [], current: null })).toBeNull();
	});
});

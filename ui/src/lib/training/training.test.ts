import { describe, expect, it } from 'vitest';
import { addMonths, cellStatus, daysBetween, latestCompletions, validityLabel } from './training';

describe('cellStatus', () => {
	const today = '2026-06-15';

	it('is never without a completion', () => {
		expect(cellStatus(null, 12, today)).toBe('never');
		expect(cellStatus(null, null, today)).toBe('never');
	});

	it('is current for ever when the course does not expire', () => {
		expect(cellStatus('2015-01-01', null, today)).toBe('current');
	});

	it('is current while more than 30 days remain', () => {
		// Ends 2026-07-16: 31 days away.
		expect(cellStatus('2025-07-16', 12, today)).toBe('current');
	});

	it('is expiring with exactly 30 days left, and on the last valid day', () => {
		// Ends 2026-07-15: 30 days away.
		expect(cellStatus('2025-07-15', 12, today)).toBe('expiring');
		// Ends tomorrow.
		expect(cellStatus('2025-06-16', 12, today)).toBe('expiring');
	});

	it('is expired from the day it ends', () => {
		expect(cellStatus('2025-06-15', 12, today)).toBe('expired');
		expect(cellStatus('2024-01-01', 12, today)).toBe('expired');
	});

	it('ends on the last day of a shorter month', () => {
		expect(addMonths('2026-01-31', 1)).toBe('2026-02-28');
		expect(addMonths('2024-01-31', 1)).toBe('2024-02-29');
		expect(addMonths('2025-11-30', 3)).toBe('2026-02-28');
		// 31 Jan + 1 month ends 28 Feb: expired on 28 Feb, expiring the day before.
		expect(cellStatus('2026-01-31', 1, '2026-02-28')).toBe('expired');
		expect(cellStatus('2026-01-31', 1, '2026-02-27')).toBe('expiring');
	});

	it('counts days across months and years', () => {
		expect(daysBetween('2026-06-15', '2026-07-15')).toBe(30);
		expect(daysBetween('2025-12-31', '2026-01-01')).toBe(1);
		expect(daysBetween('2026-03-01', '2026-02-28')).toBe(-1);
	});
});

describe('latestCompletions', () => {
	it('keeps the latest completion per person and course', () => {
		const c = (id: number, person_id: number, course_id: number, completed_on: string) => ({
			id,
			person_id,
			course_id,
			completed_on,
			evidence_id: null
		});
		const latest = latestCompletions([
			c(1, 1, 1, '2025-01-01'),
			c(2, 1, 1, '2026-01-01'),
			c(3, 1, 2, '2024-05-05'),
			c(4, 2, 1, '2023-03-03')
		]);
		expect(latest.get('1:1')?.id).toBe(2);
		expect(latest.get('1:2')?.id).toBe(3);
		expect(latest.get('2:1')?.id).toBe(4);
		expect(latest.get('2:2')).toBeUndefined();
	});
});

describe('validityLabel', () => {
	it('says years when whole, months otherwise', () => {
		const course = { id: 1, title: 'x', kind: 'awareness' as const };
		expect(validityLabel({ ...course, validity_months: 12 })).toBe('Valid 1 year');
		expect(validityLabel({ ...course, validity_months: 24 })).toBe('Valid 2 years');
		expect(validityLabel({ ...course, validity_months: 6 })).toBe('Valid 6 months');
		expect(validityLabel({ ...course, validity_months: null })).toBe('Does not expire');
	});
});

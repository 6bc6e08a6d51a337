import { describe, expect, it } from 'vitest';
import { blankRequirement, reviewedInYear, yearBefore } from './requirement';

describe('requirements', () => {
	it('counts a review within the 12 months up to today, both ends included', () => {
		expect(yearBefore('2026-06-20')).toBe('2025-06-20');
		expect(yearBefore('2028-02-29')).toBe('2027-02-28');
		const r = (d: string | null) => ({ ...blankRequirement(), reviewed_on: d });
		expect(reviewedInYear(r('2025-06-20'), '2026-06-20')).toBe(true);
		expect(reviewedInYear(r('2025-06-19'), '2026-06-20')).toBe(false);
		expect(reviewedInYear(r('2026-06-21'), '2026-06-20')).toBe(false);
		expect(reviewedInYear(r(null), '2026-06-20')).toBe(false);
	});
});

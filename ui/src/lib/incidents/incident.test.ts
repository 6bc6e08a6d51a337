import { describe, expect, it } from 'vitest';
import type { TrackerItem } from '$lib/bindings/TrackerItem';
import { blankItem } from '$lib/tracker/item';
import { blankIncident, gaps, localErrors, months } from './incident';

describe('incidents', () => {
	it('lists every month from the first report to today, newest first', () => {
		const a = { ...blankIncident('2026-11-03'), id: 1 };
		const b = { ...blankIncident('2027-01-20'), id: 2 };
		expect(months([b, a], '2027-02-01')).toEqual(['2027-02', '2027-01', '2026-12', '2026-11']);
		expect(months([], '2027-02-01')).toEqual([]);
	});

	it('says what an incident lacks, as S2-INCIDENTS would', () => {
		const i = { ...blankIncident('2026-05-02'), id: 1, reference: 'INC-001', title: 'Phish' };
		expect(gaps(i, [])).toEqual(['severity', 'response']);
		const answered = { ...i, severity: 'low' as const, response: 'Blocked the sender.' };
		expect(gaps(answered, [])).toEqual([]);
		const closed = { ...answered, status: 'closed' as const, closed_on: '2026-05-03' };
		expect(gaps(closed, [])).toEqual(['lessons learned']);
		const nc = { ...answered, raises_nc: true };
		expect(gaps(nc, [])).toEqual(['tracker item']);
		const item: TrackerItem = { ...blankItem('2026-05-03', 'incident', 'inc-001'), id: 4 };
		expect(gaps(nc, [item])).toEqual([]);
	});

	it('checks the closing date before sending', () => {
		const i = { ...blankIncident('2026-05-02'), title: 'Phish', status: 'closed' as const };
		expect(localErrors(i).closed_on).toBe('When was it closed?');
		expect(localErrors({ ...i, closed_on: '2026-05-01' }).closed_on).toMatch(
			/before it was reported/
		);
		expect(localErrors({ ...i, status: 'contained', closed_on: '2026-05-03' }).closed_on).toMatch(
			/Only a closed incident/
		);
	});
});

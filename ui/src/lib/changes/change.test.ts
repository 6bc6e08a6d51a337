import { describe, expect, it } from 'vitest';
import { blankChange, moveTo, stepsFrom, withStatus } from './change';

const TODAY = '2026-05-10';

describe('the change workflow', () => {
	it('offers approve or reject to a proposal, implementation once approved, reopening once rejected', () => {
		expect(stepsFrom('proposed').map((s) => s.to)).toEqual(['approved', 'rejected']);
		expect(stepsFrom('approved').map((s) => s.to)).toEqual(['implemented', 'rejected']);
		expect(stepsFrom('implemented')).toEqual([]);
		expect(stepsFrom('rejected').map((s) => s.to)).toEqual(['proposed']);
	});

	it('dates a decision and an implementation today unless they are already dated', () => {
		const proposed = blankChange('2026-05-01');
		const approved = moveTo(proposed, 'approved', TODAY);
		expect(approved).toMatchObject({ status: 'approved', decided_on: TODAY, implemented_on: null });
		const done = moveTo({ ...approved, decided_on: '2026-05-03' }, 'implemented', TODAY);
		expect(done).toMatchObject({
			status: 'implemented',
			decided_on: '2026-05-03',
			implemented_on: TODAY
		});
		expect(proposed.status).toBe('proposed');
	});

	it('clears the decision when a rejected change is reopened', () => {
		const rejected = moveTo(blankChange(TODAY), 'rejected', TODAY);
		expect(moveTo(rejected, 'proposed', TODAY)).toMatchObject({
			status: 'proposed',
			decided_on: null,
			implemented_on: null
		});
	});

	it('filters by status, or keeps all for any status', () => {
		const changes = [
			{ ...blankChange(TODAY), id: 1 },
			{ ...blankChange(TODAY), id: 2, status: 'rejected' as const }
		];
		expect(withStatus(changes, 'rejected').map((c) => c.id)).toEqual([2]);
		expect(withStatus(changes, '')).toHaveLength(2);
	});
});

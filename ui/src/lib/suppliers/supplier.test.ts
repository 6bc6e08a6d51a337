import { describe, expect, it } from 'vitest';
import type { Supplier } from '$lib/bindings/Supplier';
import {
	addMonths,
	blankSupplier,
	expiredCertificates,
	needsAttention,
	reviewDue,
	reviewState
} from './supplier';

const reviewed = (...days: string[]): Supplier => ({
	...blankSupplier(),
	id: 1,
	name: 'Nimbus',
	review_months: 12,
	reviews: days.map((d, i) => ({
		id: i + 1,
		supplier_id: 1,
		reviewed_on: d,
		outcome: 'satisfactory',
		note: ''
	}))
});

describe('supplier reviews', () => {
	it('adds months as the core does, the day clamped to the month', () => {
		expect(addMonths('2026-01-31', 1)).toBe('2026-02-28');
		expect(addMonths('2024-02-29', 12)).toBe('2025-02-28');
		expect(addMonths('2026-11-15', 3)).toBe('2027-02-15');
	});

	it('counts the last review held on or before the day, due on the day is not overdue', () => {
		const s = reviewed('2025-06-20', '2026-07-01');
		expect(reviewDue(s, '2026-06-20')).toBe('2026-06-20');
		expect(reviewState(s, '2026-06-20')).toBe('current');
		expect(reviewState(s, '2026-06-21')).toBe('overdue');
		expect(reviewState(s, '2026-07-01')).toBe('current');
		expect(reviewState(reviewed(), '2026-07-01')).toBe('never');
	});

	it('names a critical supplier without security terms or a review in time', () => {
		const s = { ...reviewed('2026-01-10'), criticality: 'critical' as const, owner_id: 3 };
		expect(needsAttention({ ...s, contract_requirements: true }, '2026-06-20')).toBe(false);
		expect(needsAttention(s, '2026-06-20')).toBe(true);
		expect(needsAttention({ ...s, contract_requirements: true, reviews: [] }, '2026-06-20')).toBe(
			true
		);
		expect(needsAttention({ ...s, criticality: 'low' }, '2026-06-20')).toBe(false);
	});

	it('finds the certificates lapsed by the day, not those issued after it', () => {
		const s: Supplier = {
			...blankSupplier(),
			certificates: [
				{
					id: 1,
					supplier_id: 1,
					title: 'Old',
					issued_on: null,
					expires_on: '2026-06-19',
					evidence_id: null
				},
				{
					id: 2,
					supplier_id: 1,
					title: 'Now',
					issued_on: null,
					expires_on: '2026-06-20',
					evidence_id: null
				},
				{
					id: 3,
					supplier_id: 1,
					title: 'Later',
					issued_on: '2026-07-01',
					expires_on: '2026-01-01',
					evidence_id: null
				}
			]
		};
		expect(expiredCertificates(s, '2026-06-20').map((c) => c.title)).toEqual(['Old']);
	});
});

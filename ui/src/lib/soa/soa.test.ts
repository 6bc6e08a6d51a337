import { describe, expect, it } from 'vitest';
import type { SoaEntry } from '$lib/bindings/SoaEntry';
import { differing, registerUses, splitField, summary } from './soa';

const NO_REASONS = { legal: false, contractual: false, business: false, risk_assessment: false };
const entry = (control_id: string, more: Partial<SoaEntry> = {}): SoaEntry => ({
	control_id,
	title: '',
	theme: 'Organizational',
	applicable: null,
	reasons: NO_REASONS,
	justification: '',
	status: null,
	owner_id: null,
	notes: '',
	...more
});

describe('the SoA helpers', () => {
	it('split a bulk error field at the control, whose id has a dot of its own', () => {
		expect(splitField('8.24.justification')).toEqual({ control: '8.24', field: 'justification' });
		expect(splitField('justification')).toBeNull();
	});

	it('find the controls whose decision differs between two versions', () => {
		const v1 = [entry('5.1'), entry('5.2', { applicable: true }), entry('5.3')];
		const v2 = [
			entry('5.1', { notes: 'a note is not a decision' }),
			entry('5.2', { applicable: true, status: 'implemented' }),
			entry('5.3', { applicable: false, justification: 'No staff.' })
		];
		expect([...differing(v1, v2)]).toEqual(['5.2', '5.3']);
	});

	it('sum an entry up in one line', () => {
		expect(
			summary(
				entry('5.1', {
					applicable: true,
					reasons: { ...NO_REASONS, legal: true },
					status: 'in_progress'
				}),
				'Maria Nowak'
			)
		).toBe('Applicable (Legal) · In progress · Maria Nowak');
		expect(summary(entry('5.2'), '')).toBe('Not decided · No status');
	});
});

describe('registerUses', () => {
	it('names the records resting on A.5.19, A.5.24 and A.5.31, and nothing for an empty register', () => {
		expect(registerUses({ suppliers: 8, incidents: 1, requirements: 0 })).toEqual({
			'5.19': { text: '8 suppliers', href: '/suppliers' },
			'5.24': { text: '1 incident', href: '/incidents' }
		});
	});
});

import { describe, expect, it } from 'vitest';
import type { CompetenceEvidence } from '$lib/bindings/CompetenceEvidence';
import { blankEvidence, evidenceErrors, isCurrent, standing, standingLabel } from './competence';

const cert = (obtained_on: string, expires_on: string | null): CompetenceEvidence => ({
	...blankEvidence(1, obtained_on),
	kind: 'certification',
	title: 'ISO/IEC 27001 Lead Auditor',
	expires_on
});

describe('standing', () => {
	it('counts an expiry on the day itself as current, the day after as lapsed', () => {
		const e = cert('2024-01-10', '2026-06-15');
		expect(standing(e, '2026-06-15')).toBe('expiring');
		expect(isCurrent(e, '2026-06-15')).toBe(true);
		expect(standing(e, '2026-06-16')).toBe('lapsed');
		expect(isCurrent(e, '2026-06-16')).toBe(false);
		expect(standingLabel(e, '2026-06-16')).toMatch(/^Lapsed on /);
	});

	it('is expiring within 60 days of the expiry, current before, not yet before it was obtained', () => {
		const e = cert('2024-01-10', '2026-08-14');
		expect(standing(e, '2026-06-15')).toBe('expiring'); // 60 days left
		expect(standing(e, '2026-06-14')).toBe('current'); // 61 days left
		expect(standing(e, '2024-01-09')).toBe('not_yet');
		expect(standing(cert('2024-01-10', null), '2099-01-01')).toBe('current');
		expect(standingLabel(cert('2024-01-10', null), '2099-01-01')).toBe('Current');
	});
});

describe('evidenceErrors', () => {
	it('asks for a person and a title, and an expiry not before the day obtained', () => {
		const errors = evidenceErrors({
			...blankEvidence(0, '2026-06-15'),
			expires_on: '2026-06-14'
		});
		expect(Object.keys(errors).sort()).toEqual(['expires_on', 'person_id', 'title']);
		expect(evidenceErrors(cert('2026-06-15', '2026-06-15'))).toEqual({});
	});
});

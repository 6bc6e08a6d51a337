import { describe, expect, it } from 'vitest';
import type { Document } from '$lib/bindings/Document';
import type { SoaVersion } from '$lib/bindings/SoaVersion';
import { blankDocument, registerVersion, SOA_ITEM } from './document';

const doc = (items: string[], approved: string | null): Document => ({
	...blankDocument(),
	id: 1,
	reference: 'SOA-01',
	title: 'Statement of Applicability',
	mandatory_items: items,
	versions: [
		{
			id: 1,
			number: '1.0',
			change_summary: '',
			evidence_id: null,
			approved_by: 1,
			approved_on: approved
		}
	]
});
const version = (number: number, approved_on: string): SoaVersion => ({
	number,
	approved_by: 1,
	approved_on,
	note: '',
	entries: []
});
const soa = [version(1, '2026-03-10'), version(2, '2026-06-04')];

describe('registerVersion', () => {
	it("shows the SoA's latest approved version on the SoA's entry", () => {
		expect(registerVersion(doc([SOA_ITEM], '2025-12-29'), soa)).toEqual({
			number: '2',
			approved_on: '2026-06-04',
			fromSoa: true
		});
	});

	it("keeps the document's own version when it is the later, or for any other document", () => {
		expect(registerVersion(doc([SOA_ITEM], '2026-07-01'), soa)?.number).toBe('1.0');
		expect(registerVersion(doc(['5.2'], '2025-12-29'), soa)).toEqual({
			number: '1.0',
			approved_on: '2025-12-29',
			fromSoa: false
		});
		expect(registerVersion(doc(['5.2'], null), soa)).toBeNull();
	});
});

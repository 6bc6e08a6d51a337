import { describe, expect, it } from 'vitest';
import { domainChanged, domainsChanged, dropRecordData, queryClient } from './query';
import { foldedCount, matches } from './search';

describe('dropRecordData', () => {
	it('forgets vault records but keeps app data that the start screen observes', () => {
		queryClient.setQueryData(['organisation'], { name: 'Acme' });
		queryClient.setQueryData(['app'], { recent: [] });
		matches('acme', ['Acme Ltd', 'a record the search box folded']);
		expect(foldedCount()).toBeGreaterThan(0);
		dropRecordData();
		expect(foldedCount(), 'folded record text is record data too').toBe(0);
		expect(queryClient.getQueryData(['organisation'])).toBeUndefined();
		expect(queryClient.getQueryData(['app'])).toEqual({ recent: [] });
		expect(queryClient.getQueryState(['app'])?.isInvalidated).toBe(true);
	});
});

describe('domainChanged', () => {
	it('marks that domain stale, and what is computed from every domain', async () => {
		queryClient.setQueryData(['audits'], []);
		queryClient.setQueryData(['people'], []);
		queryClient.setQueryData(['readiness', '2026-06-01'], { ready: false });
		queryClient.setQueryData(['coverage', '2026-06-01'], { clauses: [] });
		queryClient.setQueryData(['search', 'audit'], { total: 0, hits: [] });
		await domainChanged('audits');
		expect(queryClient.getQueryState(['audits'])?.isInvalidated).toBe(true);
		expect(queryClient.getQueryState(['readiness', '2026-06-01'])?.isInvalidated).toBe(true);
		expect(queryClient.getQueryState(['coverage', '2026-06-01'])?.isInvalidated).toBe(true);
		expect(queryClient.getQueryState(['search', 'audit'])?.isInvalidated).toBe(true);
		expect(queryClient.getQueryState(['people'])?.isInvalidated).toBe(false);
	});
});

describe('domainsChanged', () => {
	it('marks every domain a write changed stale, and no other', async () => {
		queryClient.setQueryData(['audits'], []);
		queryClient.setQueryData(['tracker'], []);
		queryClient.setQueryData(['risks', 'method'], null);
		await domainsChanged(['audits', 'tracker']);
		expect(queryClient.getQueryState(['audits'])?.isInvalidated).toBe(true);
		expect(queryClient.getQueryState(['tracker'])?.isInvalidated).toBe(true);
		expect(queryClient.getQueryState(['risks', 'method'])?.isInvalidated).toBe(false);
		await domainsChanged(['risks']);
		expect(queryClient.getQueryState(['risks', 'method'])?.isInvalidated).toBe(true);
	});
});

import { describe, expect, it } from 'vitest';
import { domainChanged, dropRecordData, queryClient } from './query';

describe('dropRecordData', () => {
	it('forgets vault records but keeps app data that the start screen observes', () => {
		queryClient.setQueryData(['organisation'], { name: 'Acme' });
		queryClient.setQueryData(['app'], { recent: [] });
		dropRecordData();
		expect(queryClient.getQueryData(['organisation'])).toBeUndefined();
		expect(queryClient.getQueryData(['app'])).toEqual({ recent: [] });
		expect(queryClient.getQueryState(['app'])?.isInvalidated).toBe(true);
	});
});

describe('domainChanged', () => {
	it('marks that domain stale, and the readiness computed from every domain', async () => {
		queryClient.setQueryData(['audits'], []);
		queryClient.setQueryData(['people'], []);
		queryClient.setQueryData(['readiness', '2026-06-01'], { ready: false });
		await domainChanged('audits');
		expect(queryClient.getQueryState(['audits'])?.isInvalidated).toBe(true);
		expect(queryClient.getQueryState(['readiness', '2026-06-01'])?.isInvalidated).toBe(true);
		expect(queryClient.getQueryState(['people'])?.isInvalidated).toBe(false);
	});
});

import { describe, expect, it } from 'vitest';
import { dropRecordData, queryClient } from './query';

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

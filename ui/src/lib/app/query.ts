// Server state (TanStack Query), keyed by domain: ['organisation'], ['app'] …
// Records are not refetched on a timer: the shell emits `data-changed { domain }` and the root
// layout invalidates that key; on `vault-locked` the whole cache is dropped.

import { QueryClient } from '@tanstack/svelte-query';

export const queryClient = new QueryClient({
	defaultOptions: {
		queries: {
			retry: false,
			staleTime: Infinity,
			refetchOnWindowFocus: false,
			refetchOnReconnect: false
		}
	}
});

/** Forgets every record held in memory (after a lock). */
export function dropRecordData(): void {
	queryClient.clear();
}

/** Marks one domain's data stale so screens showing it refetch. */
export function domainChanged(domain: string): Promise<void> {
	return queryClient.invalidateQueries({ queryKey: [domain] });
}

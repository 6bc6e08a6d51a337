// Server state (TanStack Query), keyed by domain: ['organisation'], ['app'] …
// Records are not refetched on a timer: the shell emits `data-changed { domains }` (the domains
// a command's writes changed, as the vault reports them) and the root layout invalidates those
// keys; on `vault-locked` the whole cache is dropped.

import { QueryClient } from '@tanstack/svelte-query';
import type { Domain } from '$lib/bindings/Domain';
import { forgetFolded } from './search';

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

/** Keys whose data is about the app, not the vault: kept across a lock. */
const APP_KEYS: ReadonlySet<unknown> = new Set(['app']);

/**
 * Forgets every vault record held in memory (after a lock), the search boxes' folded texts too. App data (the recent list,
 * settings) stays: the start screen may already be observing it, and clearing a query under an
 * active observer would leave that screen waiting for ever.
 */
export function dropRecordData(): void {
	queryClient.removeQueries({ predicate: (query) => !APP_KEYS.has(query.queryKey[0]) });
	forgetFolded();
	void queryClient.invalidateQueries({ queryKey: ['app'] });
}

/** Keys computed from the records of every domain (the readiness rules, the clause coverage,
 * search results): stale after any change. */
const DERIVED_KEYS: ReadonlyArray<string> = ['readiness', 'coverage', 'search'];

/** Marks one domain's data stale, and what is derived from it, so screens showing it refetch. */
export async function domainChanged(domain: Domain): Promise<void> {
	await domainsChanged([domain]);
}

/** Marks the data of every domain in `domains` stale (a query whose key starts with one of
 * them), and what is derived from every domain, so the screens showing them refetch. */
export async function domainsChanged(domains: ReadonlyArray<Domain>): Promise<void> {
	const keys = new Set<string>([...domains, ...DERIVED_KEYS]);
	await Promise.all([...keys].map((key) => queryClient.invalidateQueries({ queryKey: [key] })));
}

/** Whether any of `queries` is still waiting for its first data. Every query's `isPending` is
 * read, never only up to the first pending one: a query's result notifies the screen only of
 * the properties read from it, and a screen that had stopped at `a.isPending || …` was seen to
 * stay "Loading…" with all its data in the cache. */
export function anyPending(...queries: ReadonlyArray<{ readonly isPending: boolean }>): boolean {
	const states = queries.map((q) => q.isPending);
	return states.some(Boolean);
}

// How the clause checklist reads an entry: its depth in the standard and whether anything is
// recorded for it.

import type { ClauseEntry } from '$lib/bindings/ClauseEntry';

/** 0 for "4", 1 for "4.1", 2 for "6.1.2". */
export const depth = (clauseId: string) => clauseId.split('.').length - 1;

export const hasSomething = (entry: ClauseEntry) =>
	entry.document_ids.length > 0 || entry.records.trim() !== '';

export function progress(entries: ReadonlyArray<ClauseEntry>): string {
	const done = entries.filter(hasSomething).length;
	return `${done} of ${entries.length} clauses have something recorded`;
}

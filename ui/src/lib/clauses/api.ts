// Typed wrappers over the `clauses_*` commands (docs/ipc.md).

import type { ClauseEntry } from '$lib/bindings/ClauseEntry';
import { call } from '$lib/ipc';

/** Every clause and subclause of 4 to 10, in the standard's order. */
export const clausesList = () => call<ClauseEntry[]>('clauses_list');

export const clausesUpdate = (entry: ClauseEntry) => call<ClauseEntry>('clauses_update', { entry });

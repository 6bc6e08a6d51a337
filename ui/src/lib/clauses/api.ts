// Typed wrappers over the `clauses_*` commands (docs/ipc.md).

import type { ClauseEntry } from '$lib/bindings/ClauseEntry';
import { call } from '$lib/ipc';

/** Every clause and subclause of 4 to 10, in the standard's order. */
export const clausesList = () => call('clauses_list');

export const clausesUpdate = (entry: ClauseEntry) => call('clauses_update', { entry });

/** Where every clause and mandatory item stands as of `asOf` ("YYYY-MM-DD"): the one coverage
 * the readiness rules and the packs read too. */
export const clausesCoverage = (asOf: string) => call('clauses_coverage', { as_of: asOf });

// How the clause checklist reads the one coverage of clauses 4 to 10 (computed by the core,
// `clauses_coverage`): a status in words and tone, the summary line, a covering document's label.

import type { Coverage } from '$lib/bindings/Coverage';
import type { CoverageStatus } from '$lib/bindings/CoverageStatus';
import type { CoveringDocument } from '$lib/bindings/CoveringDocument';
import { COVERAGE_STATUS_LABELS } from '$lib/bindings/vocabulary';
import { formatDate } from '$lib/app/format';

export const STATUS_LABELS: Record<CoverageStatus, string> = COVERAGE_STATUS_LABELS;

export const STATUS_TONES: Record<CoverageStatus, 'success' | 'warning' | 'danger'> = {
	addressed: 'success',
	planned: 'warning',
	not_addressed: 'danger'
};

/** "12 of 30 clauses addressed, 10 planned, 8 not addressed as of 10 May 2026", counting every
 * clause and sub-clause as the readiness rule S1-CLAUSES does. */
export function summary(coverage: Coverage): string {
	const count = (s: CoverageStatus) => coverage.clauses.filter((c) => c.status === s).length;
	return (
		`${count('addressed')} of ${coverage.clauses.length} clauses addressed, ` +
		`${count('planned')} planned, ${count('not_addressed')} not addressed ` +
		`as of ${formatDate(coverage.as_of)}`
	);
}

/** "POL-01 Information security policy, version 1.2". */
export const coveringLabel = (d: CoveringDocument) =>
	`${d.reference} ${d.title}${d.version ? `, version ${d.version}` : ''}`;

// Readiness reports for the dashboard's unit tests.

import type { ReadinessReport } from '$lib/bindings/ReadinessReport';
import type { RecordRef } from '$lib/bindings/RecordRef';
import type { RuleResult } from '$lib/bindings/RuleResult';
import type { RuleStatus } from '$lib/bindings/RuleStatus';

export function rule(
	id: string,
	status: RuleStatus,
	records: RecordRef[] = [],
	stage = id.startsWith('S1') ? 1 : 2
): RuleResult {
	return {
		id,
		stage,
		status,
		clause: '9.2',
		finding: `${id} finding`,
		records,
		fix: status === 'pass' || status === 'not_applicable' ? '' : `Fix ${id}.`
	};
}

export function report(stage: number, rules: RuleResult[], asOf = '2026-06-01'): ReadinessReport {
	return { stage, as_of: asOf, ready: rules.every((r) => r.status !== 'fail'), rules };
}

// What the dashboard makes of a readiness report: counts and the verdict of a stage, the rules
// in the order to act on them, where each record at fault is fixed, the countdown to Stage 2,
// and the follow-ups due (audits this month, overdue tracker items and treatment actions).

import type { Audit } from '$lib/bindings/Audit';
import type { AuditStatus } from '$lib/bindings/AuditStatus';
import type { ReadinessReport } from '$lib/bindings/ReadinessReport';
import type { RecordKind } from '$lib/bindings/RecordKind';
import type { RecordRef } from '$lib/bindings/RecordRef';
import type { Risk } from '$lib/bindings/Risk';
import type { RiskAction } from '$lib/bindings/RiskAction';
import type { RuleResult } from '$lib/bindings/RuleResult';
import type { RuleStatus } from '$lib/bindings/RuleStatus';
import type { TrackerItem } from '$lib/bindings/TrackerItem';
import { isOverdue as itemOverdue } from '$lib/tracker/item';

export type StageSummary = {
	stage: number;
	ready: boolean;
	/** Rules that apply (all but "not applicable"). */
	applicable: number;
	passed: number;
	failed: number;
	warnings: number;
};

export function summarise(report: ReadinessReport): StageSummary {
	const count = (s: RuleStatus) => report.rules.filter((r) => r.status === s).length;
	const failed = count('fail');
	return {
		stage: report.stage,
		// The shell decides; a failing rule can never leave a stage ready.
		ready: report.ready && failed === 0,
		applicable: report.rules.length - count('not_applicable'),
		passed: count('pass'),
		failed,
		warnings: count('warning')
	};
}

export const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

/** "Ready" or "3 gaps": the verdict in words, so colour is never the only signal. */
export const verdictText = (s: StageSummary) => (s.ready ? 'Ready' : plural(s.failed, 'gap'));

const RANK: Record<RuleStatus, number> = { fail: 0, warning: 1, pass: 2, not_applicable: 3 };

/** The rules to act on first: failing ones, then warnings, each kept in the engine's order. */
export function rulesToAct(report: ReadinessReport): RuleResult[] {
	return report.rules
		.map((rule, index) => ({ rule, index }))
		.filter(({ rule }) => rule.status === 'fail' || rule.status === 'warning')
		.sort((a, b) => RANK[a.rule.status] - RANK[b.rule.status] || a.index - b.index)
		.map(({ rule }) => rule);
}

/** The rules with nothing to do: passing ones, then those that do not apply. */
export function rulesDone(report: ReadinessReport): RuleResult[] {
	return [
		...report.rules.filter((r) => r.status === 'pass'),
		...report.rules.filter((r) => r.status === 'not_applicable')
	];
}

/** Where a record (at fault, or found) is opened. Kinds without a page of their own open their
 * register. */
const ROUTES: Record<RecordKind, (r: RecordRef) => string> = {
	organisation: () => '/organisation',
	context: () => '/organisation',
	person: () => '/people',
	risk_method: () => '/risks/method',
	risk: (r) => withId('/risks', r),
	control: (r) => (r.ref ? `/soa?control=${encodeURIComponent(r.ref)}` : '/soa'),
	objective: () => '/objectives',
	document: (r) => withId('/documents', r),
	clause: () => '/clauses',
	audit: (r) => (r.id === null ? '/audits' : `/audits?audit=${r.id}`),
	tracker_item: (r) => withId('/tracker', r),
	course: () => '/training',
	change: (r) => withId('/changes', r),
	review: (r) => withId('/reviews', r),
	asset: () => '/assets',
	// Evidence is attached to controls: open the first one it is linked to.
	evidence: (r) => (r.ref ? `/soa?control=${encodeURIComponent(r.ref)}` : '/soa'),
	role: () => '/competence',
	measure: () => '/measures',
	supplier: (r) => withParam('/suppliers', 'supplier', r),
	incident: (r) => withParam('/incidents', 'incident', r),
	requirement: (r) => withParam('/requirements', 'requirement', r)
};

const withId = (base: string, r: RecordRef) => (r.id === null ? base : `${base}/${r.id}`);

/** A register whose records open over it: `?<param>=<id>` (see `app/linked.svelte.ts`). */
const withParam = (base: string, param: string, r: RecordRef) =>
	r.id === null ? base : `${base}?${param}=${r.id}`;

export const recordHref = (r: RecordRef): string => ROUTES[r.kind](r);

/** How a record reads in a link: its reference and title, or just one when they say the same. */
export function recordLabel(r: RecordRef): string {
	if (r.kind === 'person' || r.ref === '' || r.ref === r.title) return r.title || r.ref;
	if (r.title === '') return r.ref;
	if (r.kind === 'organisation') return r.title;
	return `${r.ref} ${r.title}`;
}

/** The countdown to the Stage 2 target as of the evaluation date. */
export function stage2When(days: number | null): string {
	if (days === null) return 'No Stage 2 date set';
	if (days === 0) return 'Stage 2 is today';
	if (days > 0) return `Stage 2 in ${plural(days, 'day')}`;
	return `Stage 2 date passed ${plural(-days, 'day')} ago`;
}

/** `date` lies after `asOf`: what it dates had not happened yet on that day (as the core's
 * view of a day judges it; an unknown date counts as before). */
const after = (date: string | null, asOf: string) => date !== null && date > asOf;

/** An audit's status on `asOf`: completed only if completed by then, in progress only if
 * started by then (as the core's view of a day takes it). */
export function auditStatusOn(a: Audit, asOf: string): AuditStatus {
	if (a.status === 'cancelled') return a.status;
	if (a.status === 'completed' && !after(a.completed_on, asOf)) return a.status;
	return a.started_on !== null && !after(a.started_on, asOf) ? 'in_progress' : 'planned';
}

/** Audits of the month of `asOf` still to be done on that day (planned or in progress then:
 * an audit completed after `asOf` was not done yet). */
export function auditsThisMonth(audits: ReadonlyArray<Audit>, asOf: string): Audit[] {
	const month = asOf.slice(0, 7);
	return audits
		.filter((a) => a.planned_month === month && auditStatusOn(a, asOf) !== 'completed')
		.filter((a) => a.status !== 'cancelled')
		.sort((a, b) => a.reference.localeCompare(b.reference));
}

/** Tracker items not closed whose due date is before `asOf`, the longest overdue first. */
export function overdueItems(items: ReadonlyArray<TrackerItem>, asOf: string): TrackerItem[] {
	return items
		.filter((i) => itemOverdue(i, asOf))
		.sort((a, b) => (a.due_on ?? '').localeCompare(b.due_on ?? '') || a.id - b.id);
}

export type OverdueAction = { risk: Risk; action: RiskAction };

/** Treatment actions not done by `asOf` whose due date is before it, the longest overdue
 * first (an action done after `asOf` was still open on that day). */
export function overdueActions(risks: ReadonlyArray<Risk>, asOf: string): OverdueAction[] {
	return risks
		.flatMap((risk) => risk.actions.map((action) => ({ risk, action })))
		.filter(
			({ action }) =>
				(action.status !== 'done' || after(action.done_date, asOf)) &&
				action.due_date !== null &&
				action.due_date < asOf
		)
		.sort(
			(a, b) =>
				(a.action.due_date ?? '').localeCompare(b.action.due_date ?? '') || a.risk.id - b.risk.id
		);
}

/** Whole days from `from` to `to` (both "YYYY-MM-DD"). */
export function daysBetween(from: string, to: string): number {
	return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}

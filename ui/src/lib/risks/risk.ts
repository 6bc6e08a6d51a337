// What the risk screens need beyond the record: blank ones to create, words for the enums,
// where the owner's approvals stand, what an approval approved (in plain words), and how the
// register is searched and sorted.

import type { ActionStatus } from '$lib/bindings/ActionStatus';
import type { ApprovalKind } from '$lib/bindings/ApprovalKind';
import type { Person } from '$lib/bindings/Person';
import type { Risk } from '$lib/bindings/Risk';
import type { RiskAction } from '$lib/bindings/RiskAction';
import type { RiskInput } from '$lib/bindings/RiskInput';
import type { RiskLevel } from '$lib/bindings/RiskLevel';
import type { Treatment } from '$lib/bindings/Treatment';
import * as vocabulary from '$lib/bindings/vocabulary';
import { sortedByValue } from '$lib/app/collate';
import { matches } from '$lib/app/search';

export function blankRisk(): Risk {
	return {
		id: 0,
		reference: '',
		title: '',
		description: '',
		threat: '',
		vulnerability: '',
		asset_ids: [],
		owner_id: null,
		likelihood: null,
		impact: null,
		treatment: null,
		residual_likelihood: null,
		residual_impact: null,
		assessed_on: null,
		actions: [],
		needs_review: false,
		inherent: null,
		residual: null,
		approvals: []
	};
}

export function blankAction(): RiskAction {
	return {
		id: 0,
		title: '',
		owner_id: null,
		due_date: null,
		status: 'planned',
		done_date: null,
		controls: []
	};
}

export const TREATMENTS: ReadonlyArray<{ value: Treatment; label: string; description: string }> = [
	{
		value: 'modify',
		label: vocabulary.TREATMENT_LABELS.modify,
		description: 'Reduce it with controls: the actions below.'
	},
	{
		value: 'avoid',
		label: vocabulary.TREATMENT_LABELS.avoid,
		description: 'Stop the activity that gives rise to it.'
	},
	{
		value: 'transfer',
		label: vocabulary.TREATMENT_LABELS.transfer,
		description: 'Share it: insurance, a supplier, a contract.'
	},
	{
		value: 'accept',
		label: vocabulary.TREATMENT_LABELS.accept,
		description: 'Retain it knowingly; its owner accepts it.'
	}
];

export const TREATMENT_LABELS: Record<Treatment, string> = vocabulary.TREATMENT_LABELS;

export const ACTION_STATUSES: ReadonlyArray<{ value: ActionStatus; label: string }> = [
	{ value: 'planned', label: vocabulary.ACTION_STATUS_LABELS.planned },
	{ value: 'in_progress', label: vocabulary.ACTION_STATUS_LABELS.in_progress },
	{ value: 'done', label: vocabulary.ACTION_STATUS_LABELS.done }
];

export const APPROVAL_KINDS: Record<ApprovalKind, string> = vocabulary.APPROVAL_KIND_LABELS;

export type ApprovalState = 'ok' | 'void' | 'missing';

/**
 * Where the owner's approvals stand: `ok` when every approval the risk needs is current (the
 * plan; and the acceptance when the decision is to accept), `void` when one was given but the
 * risk has changed since, `missing` when one was never given.
 */
export function approvalState(risk: Risk): ApprovalState {
	const needed: ApprovalKind[] = risk.treatment === 'accept' ? ['plan', 'acceptance'] : ['plan'];
	let state: ApprovalState = 'ok';
	for (const kind of needed) {
		const given = risk.approvals.filter((a) => a.kind === kind);
		if (given.some((a) => !a.void)) continue;
		if (given.length > 0) state = 'void';
		else if (state === 'ok') state = 'missing';
	}
	return state;
}

export const APPROVAL_STATES: Record<
	ApprovalState,
	{ label: string; tone: 'success' | 'warning' | 'neutral' }
> = {
	ok: { label: 'Approved', tone: 'success' },
	void: { label: 'Void', tone: 'warning' },
	missing: { label: 'Missing', tone: 'neutral' }
};

type Approved = {
	likelihood?: number | null;
	impact?: number | null;
	treatment?: Treatment | null;
	residual_likelihood?: number | null;
	residual_impact?: number | null;
	actions?: unknown[];
};

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null;

/** What an approval approved, in plain words: "Inherent 4 × 5 = 20 · Modify · 2 actions …". */
export function approvedInWords(approved: unknown): string {
	if (!isRecord(approved)) return 'The risk as it stood then.';
	const a = approved as Approved;
	const score = (l?: number | null, i?: number | null) =>
		typeof l === 'number' && typeof i === 'number' ? `${l} × ${i} = ${l * i}` : 'not scored';
	const parts = [`Inherent ${score(a.likelihood, a.impact)}`];
	parts.push(
		a.treatment ? `decision: ${TREATMENT_LABELS[a.treatment] ?? a.treatment}` : 'no decision'
	);
	const actions = Array.isArray(a.actions) ? a.actions.length : 0;
	parts.push(actions === 1 ? '1 action' : `${actions} actions`);
	parts.push(`residual ${score(a.residual_likelihood, a.residual_impact)}`);
	return parts.join(' · ');
}

export function matchesRisk(risk: Risk, owner: Person | undefined, query: string): boolean {
	return matches(query, [
		risk.reference,
		risk.title,
		risk.description,
		risk.threat,
		risk.vulnerability,
		owner?.name
	]);
}

/** The register after its search box and level filter: what the heat maps count. */
export function filterRisks(
	risks: ReadonlyArray<Risk>,
	people: ReadonlyMap<number, Person>,
	query: string,
	level: LevelFilter | null
): Risk[] {
	return risks.filter(
		(r) =>
			(level === null || hasLevel(r, level)) &&
			matchesRisk(r, r.owner_id === null ? undefined : people.get(r.owner_id), query)
	);
}

/** The level filter: a level, or the risks not scored yet. */
export type LevelFilter = RiskLevel | 'unscored';

export function hasLevel(risk: Risk, filter: LevelFilter): boolean {
	return filter === 'unscored' ? risk.inherent === null : risk.inherent?.level === filter;
}

export type SortKey =
	'reference' | 'title' | 'owner' | 'inherent' | 'treatment' | 'residual' | 'approvals' | 'review';

export type Sort = { key: SortKey; descending: boolean };

const APPROVAL_ORDER: Record<ApprovalState, number> = { missing: 0, void: 1, ok: 2 };

/**
 * A sorted copy of the register; ties keep reference order and unscored risks sort lowest.
 * Text is ranked in the reader's collation (`sortedByValue`), so "Łukasz" sorts with the Ls.
 */
export function sortRisks(
	risks: ReadonlyArray<Risk>,
	sort: Sort,
	ownerName: (risk: Risk) => string
): Risk[] {
	const value = (r: Risk): number | string => {
		switch (sort.key) {
			case 'reference':
				return r.id;
			case 'title':
				return r.title;
			case 'owner':
				return ownerName(r);
			case 'inherent':
				return r.inherent?.value ?? -1;
			case 'treatment':
				return r.treatment ? TREATMENT_LABELS[r.treatment] : '';
			case 'residual':
				return r.residual?.value ?? -1;
			case 'approvals':
				return APPROVAL_ORDER[approvalState(r)];
			case 'review':
				return r.needs_review ? 1 : 0;
		}
	};
	return sortedByValue(risks, value, sort.descending, (r) => r.id);
}

/** Checks the form can make before sending; the shell validates again. */
export function localErrors(risk: Risk): Record<string, string> {
	const errors: Record<string, string> = {};
	if (risk.title.trim() === '') errors.title = 'A risk needs a title.';
	risk.actions.forEach((action, i) => {
		if (action.title.trim() === '') errors[`actions.${i}.title`] = 'An action needs a title.';
		if (action.status === 'done' && action.done_date === null)
			errors[`actions.${i}.done_date`] = 'When was it done?';
	});
	return errors;
}

/** The parts of a risk the form edits, to tell whether anything changed. */
export function editable(risk: Risk): string {
	return JSON.stringify(toInput(risk));
}

/** What is sent to save a risk: what the user writes of it. The reference, the review flag,
 * the scores and the approvals are the vault's; the saved risk comes back with them. */
export function toInput(risk: Risk): RiskInput {
	const { reference, needs_review, inherent, residual, approvals, ...input } = risk;
	void reference;
	void needs_review;
	void inherent;
	void residual;
	void approvals;
	return input;
}

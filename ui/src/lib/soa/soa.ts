// What the SoA screen needs beyond the entries: words for the choices, the filters an owner
// works through before Stage 1, the bulk changes, where a bulk error belongs, and what
// differs between two versions.

import type { ImplementationStatus } from '$lib/bindings/ImplementationStatus';
import type { SoaEntry } from '$lib/bindings/SoaEntry';
import type { SoaReasons } from '$lib/bindings/SoaReasons';
import { IMPLEMENTATION_STATUS_LABELS } from '$lib/bindings/vocabulary';
import { matches } from '$lib/app/search';

export const REASONS: ReadonlyArray<{ key: keyof SoaReasons; label: string; short: string }> = [
	{ key: 'legal', label: 'Legal or regulatory', short: 'Legal' },
	{ key: 'contractual', label: 'Contractual', short: 'Contract' },
	{ key: 'business', label: 'Business requirement or best practice', short: 'Business' },
	{ key: 'risk_assessment', label: 'Risk assessment result', short: 'Risk' }
];

export type Applicability = 'yes' | 'no' | '';

export const APPLICABILITY: ReadonlyArray<{ value: Applicability; label: string }> = [
	{ value: '', label: 'Not decided' },
	{ value: 'yes', label: 'Applicable' },
	{ value: 'no', label: 'Not applicable' }
];

export const toApplicability = (v: boolean | null): Applicability =>
	v === null ? '' : v ? 'yes' : 'no';
export const fromApplicability = (v: Applicability): boolean | null =>
	v === '' ? null : v === 'yes';

export const STATUSES: ReadonlyArray<{ value: ImplementationStatus | ''; label: string }> = [
	{ value: '', label: 'No status' },
	{ value: 'not_started', label: IMPLEMENTATION_STATUS_LABELS.not_started },
	{ value: 'in_progress', label: IMPLEMENTATION_STATUS_LABELS.in_progress },
	{ value: 'implemented', label: IMPLEMENTATION_STATUS_LABELS.implemented }
];

export const STATUS_LABELS: Record<ImplementationStatus, string> = IMPLEMENTATION_STATUS_LABELS;

export type Filter = 'undecided' | 'no_reason' | 'no_justification' | 'not_implemented';

export const FILTERS: ReadonlyArray<{ value: Filter; label: string }> = [
	{ value: 'undecided', label: 'Not decided' },
	{ value: 'no_reason', label: 'Applicable without reason' },
	{ value: 'no_justification', label: 'Excluded without justification' },
	{ value: 'not_implemented', label: 'Not implemented' }
];

const anyReason = (r: SoaReasons) => r.legal || r.contractual || r.business || r.risk_assessment;

/** The filters match the core's totals: a row counted there is a row shown here. */
export function passes(entry: SoaEntry, filter: Filter): boolean {
	switch (filter) {
		case 'undecided':
			return entry.applicable === null;
		case 'no_reason':
			return entry.applicable === true && !anyReason(entry.reasons);
		case 'no_justification':
			return entry.applicable === false && entry.justification.trim() === '';
		case 'not_implemented':
			return entry.applicable === true && entry.status !== 'implemented';
	}
}

export function matchesEntry(entry: SoaEntry, ownerName: string, query: string): boolean {
	return matches(query, [entry.control_id, entry.title, entry.justification, ownerName]);
}

export type Bulk =
	| { kind: 'applicable'; reason: keyof SoaReasons }
	| { kind: 'status'; status: ImplementationStatus | null }
	| { kind: 'owner'; owner: number | null };

/** The entries a bulk action sends: every chosen entry with the one change applied. */
export function applyBulk(entries: ReadonlyArray<SoaEntry>, bulk: Bulk): SoaEntry[] {
	return entries.map((e) => {
		switch (bulk.kind) {
			case 'applicable':
				return { ...e, applicable: true, reasons: { ...e.reasons, [bulk.reason]: true } };
			case 'status':
				return { ...e, status: bulk.status };
			case 'owner':
				return { ...e, owner_id: bulk.owner };
		}
	});
}

/** Splits a bulk error's field, `8.1.justification`, into the control and its field. */
export function splitField(field: string): { control: string; field: string } | null {
	const match = /^(\d+\.\d+)\.(.+)$/.exec(field);
	return match ? { control: match[1]!, field: match[2]! } : null;
}

/** The decision parts of an entry, compared between versions. */
export function decision(e: SoaEntry): string {
	return JSON.stringify([e.applicable, e.reasons, e.justification.trim(), e.status, e.owner_id]);
}

/** Control ids whose entries differ between two lists (a version and another, or now). */
export function differing(a: ReadonlyArray<SoaEntry>, b: ReadonlyArray<SoaEntry>): Set<string> {
	const other = new Map(b.map((e) => [e.control_id, decision(e)]));
	const out = new Set<string>();
	for (const e of a) if (other.get(e.control_id) !== decision(e)) out.add(e.control_id);
	for (const e of b) if (!a.some((x) => x.control_id === e.control_id)) out.add(e.control_id);
	return out;
}

/** A reason list in words: "Legal, Risk". */
export const reasonsText = (r: SoaReasons) =>
	REASONS.filter((x) => r[x.key])
		.map((x) => x.short)
		.join(', ');

/** An entry's decision in one line: "Applicable (Legal, Risk) · Implemented · Maria Nowak". */
export function summary(e: SoaEntry, ownerName: string): string {
	const applicability =
		e.applicable === null
			? 'Not decided'
			: e.applicable
				? `Applicable${reasonsText(e.reasons) ? ` (${reasonsText(e.reasons)})` : ''}`
				: 'Not applicable';
	const parts = [applicability, e.status ? STATUS_LABELS[e.status] : 'No status'];
	if (ownerName) parts.push(ownerName);
	return parts.join(' · ');
}

/** What a register in use says on the control it rests on: "8 suppliers" on A.5.19. */
export type RegisterUse = { text: string; href: string };

/** The registers that rest on a control, by control id, from how many records each holds. */
export function registerUses(counts: {
	suppliers: number;
	incidents: number;
	requirements: number;
}): Record<string, RegisterUse> {
	const out: Record<string, RegisterUse> = {};
	const add = (control: string, n: number, one: string, many: string, href: string) => {
		if (n > 0) out[control] = { text: `${n} ${n === 1 ? one : many}`, href };
	};
	add('5.19', counts.suppliers, 'supplier', 'suppliers', '/suppliers');
	add('5.24', counts.incidents, 'incident', 'incidents', '/incidents');
	add('5.31', counts.requirements, 'requirement', 'requirements', '/requirements');
	return out;
}

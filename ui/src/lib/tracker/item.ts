// What the tracker screens need beyond the record: a blank item, labels and tones of kinds,
// sources and statuses, the overdue rule, filters and sorting, and the checks the UI can make
// before sending.

import type { ItemKind } from '$lib/bindings/ItemKind';
import type { ItemSource } from '$lib/bindings/ItemSource';
import type { ItemStatus } from '$lib/bindings/ItemStatus';
import type { TrackerItem } from '$lib/bindings/TrackerItem';
import { ITEM_KIND_LABELS, ITEM_SOURCE_LABELS, ITEM_STATUS_LABELS } from '$lib/bindings/vocabulary';
import { sortedByValue } from '$lib/app/collate';

type Tone = 'neutral' | 'accent' | 'success' | 'warning' | 'danger';

export function blankItem(
	today: string,
	source: ItemSource = 'other',
	sourceRef = ''
): TrackerItem {
	return {
		id: 0,
		reference: '',
		kind: 'action',
		title: '',
		description: '',
		source,
		source_ref: sourceRef,
		finding_number: '',
		clauses: [],
		controls: [],
		owner_id: null,
		raised_on: today,
		due_on: null,
		status: 'open',
		correction: '',
		root_cause: '',
		corrective_action: '',
		decision: '',
		effectiveness_on: null,
		effectiveness_result: '',
		closed_on: null,
		evidence_ids: [],
		notes: []
	};
}

export const KIND_LABELS: Record<ItemKind, string> = ITEM_KIND_LABELS;

export const KIND_TONES: Record<ItemKind, Tone> = {
	major_nc: 'danger',
	minor_nc: 'warning',
	ofi: 'accent',
	observation: 'neutral',
	action: 'neutral'
};

export const SOURCE_LABELS: Record<ItemSource, string> = ITEM_SOURCE_LABELS;

export const STATUS_LABELS: Record<ItemStatus, string> = ITEM_STATUS_LABELS;

export const STATUS_TONES: Record<ItemStatus, Tone> = {
	open: 'neutral',
	in_progress: 'accent',
	awaiting_verification: 'warning',
	closed: 'success'
};

const optionsOf = <T extends string>(labels: Record<T, string>) =>
	(Object.keys(labels) as T[]).map((value) => ({ value, label: labels[value] }));

export const KIND_OPTIONS = optionsOf(KIND_LABELS);
export const SOURCE_OPTIONS = optionsOf(SOURCE_LABELS);

/** The sources whose findings carry the certification body's own number. */
export const CERTIFICATION_AUDITS: readonly ItemSource[] = [
	'stage1_audit',
	'stage2_audit',
	'surveillance_audit'
];
export const STATUS_OPTIONS = optionsOf(STATUS_LABELS);

export const isNonconformity = (kind: ItemKind) => kind === 'major_nc' || kind === 'minor_nc';

/** Overdue: a due date before today on an item not closed. */
export function isOverdue(item: TrackerItem, today: string): boolean {
	return item.status !== 'closed' && item.due_on !== null && item.due_on < today;
}

/** Checks the UI can make before sending; the shell validates again. */
export function localErrors(item: TrackerItem): Record<string, string> {
	const errors: Record<string, string> = {};
	if (item.title.trim() === '') errors.title = 'Say what the item is about.';
	return errors;
}

/** What the tracker table is narrowed by; '' means any. */
export type Filters = {
	kind: string;
	source: string;
	status: string;
	owner: string;
	overdue: boolean;
};

export const NO_FILTERS: Filters = { kind: '', source: '', status: '', owner: '', overdue: false };

export function matches(item: TrackerItem, f: Filters, today: string): boolean {
	return (
		(f.kind === '' || item.kind === f.kind) &&
		(f.source === '' || item.source === f.source) &&
		(f.status === '' || item.status === f.status) &&
		(f.owner === '' || String(item.owner_id) === f.owner) &&
		(!f.overdue || isOverdue(item, today))
	);
}

export type SortKey = 'reference' | 'kind' | 'title' | 'source' | 'owner' | 'due' | 'status';
export type Sort = { key: SortKey; descending: boolean };

const rankOf = <K extends string>(labels: Record<K, string>) => {
	const order = Object.keys(labels);
	return (key: K) => order.indexOf(key);
};
const kindRank = rankOf(KIND_LABELS);
const statusRank = rankOf(STATUS_LABELS);

/**
 * A sorted copy of the items: kinds by severity, statuses along the workflow, undated items
 * after dated ones, text in the reader's collation; ties keep reference order.
 */
export function sortItems(
	items: ReadonlyArray<TrackerItem>,
	sort: Sort,
	ownerName: (item: TrackerItem) => string
): TrackerItem[] {
	const value = (i: TrackerItem): number | string => {
		switch (sort.key) {
			case 'reference':
				return i.id;
			case 'kind':
				return kindRank(i.kind);
			case 'title':
				return i.title;
			case 'source':
				return SOURCE_LABELS[i.source];
			case 'owner':
				return ownerName(i);
			case 'due':
				return i.due_on ? Date.parse(i.due_on) : Number.MAX_SAFE_INTEGER;
			case 'status':
				return statusRank(i.status);
		}
	};
	return sortedByValue(items, value, sort.descending, (i) => i.id);
}

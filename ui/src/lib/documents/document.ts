// What the document screens need beyond the record: a blank one, kind labels, which version is
// current and which is the open draft, and the checks the UI can make before sending.

import type { DocKind } from '$lib/bindings/DocKind';
import type { Document } from '$lib/bindings/Document';
import type { DocumentVersion } from '$lib/bindings/DocumentVersion';
import type { MandatoryItem } from '$lib/bindings/MandatoryItem';
import { DOC_KIND_LABELS } from '$lib/bindings/vocabulary';

export function blankDocument(): Document {
	return {
		id: 0,
		reference: '',
		title: '',
		kind: 'policy',
		mandatory_items: [],
		owner_id: null,
		review_months: 12,
		next_review: null,
		communicate: false,
		audience: [],
		versions: []
	};
}

export const KIND_LABELS: Record<DocKind, string> = DOC_KIND_LABELS;

export const KIND_OPTIONS = (Object.keys(KIND_LABELS) as DocKind[]).map((value) => ({
	value,
	label: KIND_LABELS[value]
}));

/** The latest approved version (versions come oldest first), or null before any approval. */
export function currentApproved(doc: Document): DocumentVersion | null {
	return doc.versions.filter((v) => v.approved_on !== null).at(-1) ?? null;
}

/** The version not yet approved, if any (there is at most one). */
export function openDraft(doc: Document): DocumentVersion | null {
	return doc.versions.find((v) => v.approved_on === null) ?? null;
}

/** Items of documented information a document can cover: documents and records. */
export function coverable(items: ReadonlyArray<MandatoryItem>): MandatoryItem[] {
	return items.filter((i) => i.kind === 'document' || i.kind === 'record');
}

/** "POL-01 Information security policy" */
export const documentLabel = (doc: Pick<Document, 'reference' | 'title'>) =>
	`${doc.reference} ${doc.title}`;

/** Departments from "Sales, Engineering"; empty means all staff. */
export function parseAudience(text: string): string[] {
	return text
		.split(',')
		.map((d) => d.trim())
		.filter((d) => d !== '');
}

/** Checks the UI can make before sending; the shell validates again. */
export function localErrors(doc: Document): Record<string, string> {
	const errors: Record<string, string> = {};
	if (doc.reference.trim() === '') errors.reference = 'Enter a reference like POL-01.';
	if (doc.title.trim() === '') errors.title = 'Enter the document’s title.';
	return errors;
}

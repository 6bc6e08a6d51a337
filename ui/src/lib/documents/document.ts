// What the document screens need beyond the record: a blank one, kind labels, which version is
// current and which is the open draft, and the checks the UI can make before sending.

import type { DocKind } from '$lib/bindings/DocKind';
import type { Document } from '$lib/bindings/Document';
import type { DocumentVersion } from '$lib/bindings/DocumentVersion';
import type { MandatoryItem } from '$lib/bindings/MandatoryItem';
import type { SoaVersion } from '$lib/bindings/SoaVersion';
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

/** The mandatory documented information that is the Statement of Applicability. */
export const SOA_ITEM = '6.1.3 d)';

/** The approval the register shows for a document: its own latest approved version, or for
 * the SoA's entry the SoA's latest approved version when that is the later (as the core's
 * `soa::register_version` and the packs show it). */
export function registerVersion(
	doc: Document,
	soaVersions: ReadonlyArray<SoaVersion>
): { number: string; approved_on: string; fromSoa: boolean } | null {
	const own = currentApproved(doc);
	const mine = own?.approved_on
		? { number: own.number, approved_on: own.approved_on, fromSoa: false }
		: null;
	if (!doc.mandatory_items.some((m) => m.trim() === SOA_ITEM)) return mine;
	const soa = [...soaVersions]
		.sort((a, b) =>
			a.approved_on === b.approved_on ? a.number - b.number : a.approved_on < b.approved_on ? -1 : 1
		)
		.at(-1);
	if (!soa) return mine;
	if (mine && mine.approved_on > soa.approved_on) return mine;
	return { number: String(soa.number), approved_on: soa.approved_on, fromSoa: true };
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

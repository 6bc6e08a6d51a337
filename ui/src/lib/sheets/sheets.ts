// What the import wizard and the export button need beyond the commands: the registers a
// spreadsheet fills or is written from, the user's choice of columns as the shell takes it,
// where an import error points (sheet, row, column), and progress in words.

import type { ImportProgress } from '$lib/bindings/ImportProgress';
import type { SheetChoice } from '$lib/bindings/SheetChoice';
import type { SheetImportKind } from '$lib/bindings/SheetImportKind';
import type { SheetPreview } from '$lib/bindings/SheetPreview';

/** The registers imported through the wizard, from a spreadsheet or a form tool's CSV. */
export type SheetKind = SheetImportKind;

/** The registers written to a spreadsheet: the same as those imported. */
export type RegisterKind = SheetKind;

/** What a workbook export holds: one register, or `all` of them (the Export screen's
 * "Everything as one workbook", which `isms import <vault> all` reads back). */
export type ExportSheetKind = RegisterKind | 'all';

/** What the wizard says of a kind: its title, a record's noun, how rows already in the vault
 * are matched, and `added` for the records only ever added (a row already recorded is
 * skipped, never updated). */
export type SheetKindInfo = { title: string; noun: string; matched: string; added?: true };

export const SHEET_KINDS: Record<SheetKind, SheetKindInfo> = {
	risks: { title: 'risk register', noun: 'risk', matched: 'by reference (R-001) or title' },
	soa: {
		title: 'Statement of Applicability',
		noun: 'control',
		matched: 'by control id (5.1, A.5.1, 5.01 …)'
	},
	assets: { title: 'asset inventory', noun: 'asset', matched: 'by name' },
	people: { title: 'people list', noun: 'person', matched: 'by e-mail' },
	tracker: {
		title: 'findings log',
		noun: 'tracker item',
		matched: 'by reference (T-001) or title'
	},
	documents: { title: 'document register', noun: 'document', matched: 'by reference' },
	competence: {
		title: 'competence register',
		noun: 'piece of competence evidence',
		matched: 'by person, title and day obtained'
	},
	measures: {
		title: 'measures and their results',
		noun: 'measure',
		matched: 'by reference (M-001) or title; results only added'
	},
	training: {
		title: 'training completions',
		noun: 'completion',
		matched: 'by person (e-mail), course and day',
		added: true
	},
	acknowledgements: {
		title: 'acknowledgements',
		noun: 'acknowledgement',
		matched: 'by person (e-mail) and document version',
		added: true
	},
	suppliers: {
		title: 'supplier list',
		noun: 'supplier',
		matched: 'by name; a review or certificate only added'
	},
	incidents: {
		title: 'incident log',
		noun: 'incident',
		matched: 'by reference (INC-001) or title'
	},
	requirements: {
		title: 'requirements register',
		noun: 'requirement',
		matched: 'by reference (REQ-001) or title'
	},
	audits: {
		title: 'internal audit programme',
		noun: 'audit',
		matched: 'by reference (IA-001) or title'
	}
};

export const REGISTER_TITLES: Record<RegisterKind, string> = {
	risks: 'Risk register',
	soa: 'Statement of Applicability',
	assets: 'Asset inventory',
	people: 'People',
	tracker: 'ISMS tracker',
	documents: 'Document register',
	audits: 'Internal audit programme',
	training: 'Training matrix',
	competence: 'Roles and competence',
	acknowledgements: 'Policy acknowledgements',
	measures: 'Monitoring and measurement',
	suppliers: 'Supplier register',
	incidents: 'Incident log',
	requirements: 'Legal, regulatory and contractual requirements'
};

/** The preview's columns as the choice the shell takes: every column, with its field or none. */
export function choicesOf(preview: SheetPreview): SheetChoice[] {
	return preview.columns.map((c) => ({ index: c.index, field: c.field }));
}

/** `choices` with column `index` filling `field` (taken from any other column), or nothing. */
export function assign(choices: SheetChoice[], index: number, field: string | null): SheetChoice[] {
	return choices.map((c) => {
		if (c.index === index) return { index, field };
		if (field !== null && c.field === field) return { index: c.index, field: null };
		return c;
	});
}

/** Where an import error points. The shell names a cell `Risks!D7` (or a row `Risks!7`), and
 * starts the message with that address; a form tool's rows name `row 3.email` (the header's
 * text) or `row 1`; file-wide problems name `file` or `mapping`. */
export type CellError = {
	sheet: string | null;
	row: number | null;
	column: string | null;
	message: string;
};

export function cellError(field: string, message: string): CellError {
	const byRow = rowError(field);
	if (byRow.row !== null) return { sheet: null, ...byRow, message };
	const match = /^(?:'((?:[^']|'')*)'|(.*))!([A-Z]*)(\d+)$/.exec(field);
	if (!match) return { sheet: null, row: null, column: null, message };
	const [, quoted, plain, column, row] = match;
	// "Risks!D7: …" or "Risks!D7 (Likelihood): …": the address (and header) go, the rest stays.
	const rest = message.startsWith(field) ? message.slice(field.length) : null;
	const said = rest === null ? null : /^(?: \([^)]*\))?: (.*)$/s.exec(rest);
	return {
		sheet: quoted !== undefined ? quoted.replaceAll("''", "'") : (plain ?? null),
		row: Number(row),
		column: column ? column : null,
		message: said?.[1] ?? message
	};
}

/** The header of column `letter` in the preview, for an error's "D (Likelihood)". */
export function headerOf(preview: SheetPreview | null, letter: string | null): string | null {
	if (!preview || letter === null) return null;
	return preview.columns.find((c) => c.letter === letter)?.header || null;
}

/** A bad cell as the problems panel shows it: row, "D · Likelihood", and the message. */
export function problemOf(
	error: { field: string; message: string },
	preview: SheetPreview | null
): { row: number | null; column: string | null; message: string } {
	const at = cellError(error.field, error.message);
	const header = headerOf(preview, at.column);
	return {
		row: at.row,
		column: at.column ? `${at.column}${header ? ` · ${header}` : ''}` : null,
		message: at.message
	};
}

/** "row 3.email" → row 3, column "email"; "row 1" → row 1 alone; anything else as it is. */
export function rowError(field: string): { row: number | null; column: string | null } {
	const match = /^row (\d+)(?:\.(.+))?$/.exec(field);
	if (!match) return { row: null, column: field || null };
	return { row: Number(match[1]), column: match[2] ?? null };
}

/** Where an import has got, in words: "Checked 3 of 10 rows", "Written 3 of 10 rows". */
export function progressLabel(progress: ImportProgress | null): string {
	if (progress === null) return 'Reading the file…';
	const done = progress.done.toLocaleString();
	const total = progress.total.toLocaleString();
	return `${progress.phase === 'checking' ? 'Checked' : 'Written'} ${done} of ${total} rows`;
}

/** 0 to 100. */
export function progressPercent(progress: ImportProgress | null): number {
	if (progress === null || progress.total === 0) return 0;
	return Math.min(100, Math.round((progress.done / progress.total) * 100));
}

export const plural = (n: number, noun: string) => `${n} ${noun}${n === 1 ? '' : 's'}`;

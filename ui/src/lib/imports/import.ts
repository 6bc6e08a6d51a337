// What the import dialog needs beyond the commands: the kinds of import with the columns each
// expects, where a row error points (row and column), and progress in words.

import type { ImportProgress } from '$lib/bindings/ImportProgress';

export type ImportKind = 'training' | 'acknowledgements';

export const IMPORT_KINDS: Record<ImportKind, { title: string; columns: string; noun: string }> = {
	training: {
		title: 'Import training completions',
		columns: 'e-mail, course, date',
		noun: 'completion'
	},
	acknowledgements: {
		title: 'Import acknowledgements',
		columns: 'e-mail, document, version, date, method',
		noun: 'acknowledgement'
	}
};

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

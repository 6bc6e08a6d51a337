// The search boxes over lists: every word of the query must appear in one of the record's
// fields, ignoring case and accents ("lukasz" finds "Łukasz").
//
// Folding (NFD and a pattern) is most of a search's cost, and a list refolds the same rows on
// every keystroke, so each folded text is kept, up to a bound. Locking forgets them all
// (`forgetFolded`, from `dropRecordData`): they are record text.

function fold(text: string): string {
	return text
		.normalize('NFD')
		.replace(/\p{M}/gu, '')
		.replace(/ł/g, 'l')
		.replace(/Ł/g, 'L')
		.toLocaleLowerCase();
}

const folded = new Map<string, string>();
/** Texts kept folded at most: a register of 10,000 rows, five times over. */
const KEPT = 50_000;

function foldedOnce(text: string): string {
	let result = folded.get(text);
	if (result === undefined) {
		if (folded.size >= KEPT) folded.clear();
		result = fold(text);
		folded.set(text, result);
	}
	return result;
}

/** Forgets every folded text (after a lock). */
export function forgetFolded(): void {
	folded.clear();
	lastQuery = '';
	lastWords = [];
}

/** How many folded texts are kept (for tests). */
export const foldedCount = () => folded.size;

// A list asks with the same query once per row: split and fold it once.
let lastQuery = '';
let lastWords: string[] = [];

function wordsOf(query: string): string[] {
	if (query !== lastQuery) {
		lastWords = fold(query).split(/\s+/).filter(Boolean);
		lastQuery = query;
	}
	return lastWords;
}

export function matches(query: string, fields: ReadonlyArray<string | null | undefined>): boolean {
	const words = wordsOf(query);
	if (words.length === 0) return true;
	const haystack = foldedOnce(fields.filter(Boolean).join(' \u0000 '));
	return words.every((word) => haystack.includes(word));
}

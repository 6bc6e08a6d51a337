// Lists in the order a reader expects in their own language: "Łukasz" before "Maria",
// "Ørsted" with the other O names, "Asset 2" before "Asset 10". (The vault sorts with SQLite's
// NOCASE, which folds only ASCII letters, so lists are sorted again here.)

// Under LANG=C the webview's locale is "en-US-u-va-posix", whose collation puts every
// non-ASCII letter after "z"; plain English collation is the neutral (root) order instead.
const locale = /posix/i.test(new Intl.Collator().resolvedOptions().locale) ? 'en' : undefined;
const collator = new Intl.Collator(locale, { sensitivity: 'base', numeric: true });

/** A sorted copy of `items`, by the text `key` gives each. */
export function sortedBy<T>(items: ReadonlyArray<T>, key: (item: T) => string): T[] {
	return [...items].sort((a, b) => collator.compare(key(a), key(b)));
}

/**
 * A sorted copy of `items` by a number or text `value` each (text in the reader's collation,
 * numbers as numbers), reversed when `descending`; ties keep the order of `tiebreak`.
 */
export function sortedByValue<T>(
	items: ReadonlyArray<T>,
	value: (item: T) => number | string,
	descending: boolean,
	tiebreak: (item: T) => number
): T[] {
	const values = new Map(items.map((item) => [item, value(item)]));
	const texts = [...new Set([...values.values()].filter((v) => typeof v === 'string'))];
	const rank = new Map(sortedBy(texts, (t) => t).map((t, i) => [t, i]));
	const key = (item: T) => {
		const v = values.get(item) ?? 0;
		return typeof v === 'number' ? v : (rank.get(v) ?? 0);
	};
	const sign = descending ? -1 : 1;
	return [...items].sort((a, b) => sign * (key(a) - key(b)) || tiebreak(a) - tiebreak(b));
}

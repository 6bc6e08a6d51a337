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

// The search boxes over lists: every word of the query must appear in one of the record's
// fields, ignoring case and accents ("lukasz" finds "Łukasz").

function fold(text: string): string {
	return text
		.normalize('NFD')
		.replace(/\p{M}/gu, '')
		.replace(/ł/g, 'l')
		.replace(/Ł/g, 'L')
		.toLocaleLowerCase();
}

export function matches(query: string, fields: ReadonlyArray<string | null | undefined>): boolean {
	const words = fold(query).split(/\s+/).filter(Boolean);
	if (words.length === 0) return true;
	const haystack = fold(fields.filter(Boolean).join(' \u0000 '));
	return words.every((word) => haystack.includes(word));
}

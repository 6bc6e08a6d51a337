// What the asset screens need beyond the record: a blank one, owner names, suggestions for the
// free-text fields, and which rows a search keeps.

import type { Asset } from '$lib/bindings/Asset';
import type { Person } from '$lib/bindings/Person';
import { matches } from '$lib/app/search';

export function blankAsset(): Asset {
	return { id: 0, name: '', kind: '', owner_id: null, classification: '', description: '' };
}

/** Common types, offered while typing; any other words are fine. */
export const KIND_SUGGESTIONS = [
	'Information',
	'Database',
	'Application',
	'SaaS service',
	'Server',
	'Laptop',
	'Mobile device',
	'Network device',
	'Paper records',
	'Premises'
] as const;

/** A common four-level scheme, offered while typing; the organisation may use its own. */
export const CLASSIFICATION_SUGGESTIONS = ['Public', 'Internal', 'Confidential', 'Restricted'];

export type Tone = 'neutral' | 'accent' | 'warning' | 'danger';

/** Stricter classifications read warmer; unknown words stay neutral. */
export function classificationTone(classification: string): Tone {
	switch (classification.trim().toLocaleLowerCase()) {
		case 'internal':
			return 'accent';
		case 'confidential':
			return 'warning';
		case 'restricted':
		case 'secret':
		case 'strictly confidential':
			return 'danger';
		default:
			return 'neutral';
	}
}

export function peopleById(people: ReadonlyArray<Person>): Map<number, Person> {
	return new Map(people.map((p) => [p.id, p]));
}

export function matchesAsset(asset: Asset, owner: Person | undefined, query: string): boolean {
	return matches(query, [asset.name, asset.kind, asset.classification, owner?.name]);
}

/** Checks the UI can make before sending; the shell validates again. */
export function localErrors(asset: Asset): Record<string, string> {
	return asset.name.trim() === '' ? { name: 'Enter a name for the asset.' } : {};
}

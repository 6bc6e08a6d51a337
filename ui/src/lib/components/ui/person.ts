// The one rule about people the kit's person picker needs: who is still with the organisation.

import type { Person } from '$lib/bindings/Person';

/** Active on `today` ("YYYY-MM-DD"): no end date, or one after today (the core's rule). */
export function isActive(person: Person, today: string): boolean {
	return person.end_date === null || person.end_date > today;
}

// What the people screens need to know about a person beyond the record: a blank one to
// create, whether they are still with the organisation, and which rows a search keeps.

import type { Person } from '$lib/bindings/Person';
import { matches } from '$lib/app/search';

export function blankPerson(): Person {
	return {
		id: 0,
		name: '',
		email: '',
		job_title: '',
		department: '',
		start_date: null,
		end_date: null,
		top_management: false,
		isms_owner: false
	};
}

// Whether someone is still with the organisation is the kit's rule: its person picker needs it.
export { isActive } from '$lib/components/ui/person';

export function matchesPerson(person: Person, query: string): boolean {
	return matches(query, [person.name, person.email, person.job_title, person.department]);
}

/** Checks the UI can make before sending; the shell validates again. */
export function localErrors(person: Person): Record<string, string> {
	const errors: Record<string, string> = {};
	if (person.name.trim() === '') errors.name = 'Enter the person’s name.';
	if (person.email.trim() === '') errors.email = 'Enter an e-mail address like name@example.com.';
	return errors;
}

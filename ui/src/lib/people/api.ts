// Typed wrappers over the `people_*` commands (docs/ipc.md).

import type { Person } from '$lib/bindings/Person';
import { call } from '$lib/ipc';

export const peopleList = () => call('people_list');

export const peopleCreate = (person: Person) => call('people_create', { person });

export const peopleUpdate = (person: Person) => call('people_update', { person });

/** Rejects with `Referenced` while the person owns records; its message says what. */
export const peopleDelete = (id: number) => call('people_delete', { id });

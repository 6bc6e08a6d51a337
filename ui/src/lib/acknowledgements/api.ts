// Typed wrappers over the `acknowledgements_*` commands (docs/ipc.md), and the documents and
// people the screen names (kept here so this domain does not depend on another screen's module).

import type { Acknowledgement } from '$lib/bindings/Acknowledgement';
import { call } from '$lib/ipc';

/** Every acknowledgement, and who has and has not acknowledged each communicated document. */
export const acknowledgementsList = (asOf: string) =>
	call('acknowledgements_list', { as_of: asOf });

/** Only an approved version can be acknowledged. */
export const acknowledgementsAdd = (ack: Acknowledgement) => call('acknowledgements_add', { ack });

export const acknowledgementsDelete = (id: number) => call('acknowledgements_delete', { id });

export const documentsList = () => call('documents_list');

export const peopleList = () => call('people_list');

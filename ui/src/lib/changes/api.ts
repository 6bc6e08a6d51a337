// Typed wrappers over the `changes_*` commands (docs/ipc.md). There is no delete: a recorded
// change stays, rejected if it did not go ahead.

import type { IsmsChange } from '$lib/bindings/IsmsChange';
import { call } from '$lib/ipc';

export const changesList = () => call('changes_list');

/** The vault assigns the reference (CH-001…); send id 0 and reference ''. */
export const changesCreate = (change: IsmsChange) => call('changes_create', { change });

/** Approving or implementing needs `impact` and `approver_id`, else `Validation` names them. */
export const changesUpdate = (change: IsmsChange) => call('changes_update', { change });

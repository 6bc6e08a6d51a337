// Typed wrappers over the `objectives_*` commands (docs/ipc.md), and the people list the owner
// select needs (kept here so this domain does not depend on another screen's module).

import type { Objective } from '$lib/bindings/Objective';
import { call } from '$lib/ipc';

export const objectivesList = () => call('objectives_list');

export const objectivesCreate = (objective: Objective) => call('objectives_create', { objective });

export const objectivesUpdate = (objective: Objective) => call('objectives_update', { objective });

export const objectivesDelete = (id: number) => call('objectives_delete', { id });

export const ownersList = () => call('people_list');

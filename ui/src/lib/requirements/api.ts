// Typed wrappers over the `requirements_*` commands (docs/ipc.md).

import type { Requirement } from '$lib/bindings/Requirement';
import { call } from '$lib/ipc';

export const requirementsList = () => call('requirements_list');

/** The vault assigns the reference (REQ-001…); send id 0 and reference ''. */
export const requirementsCreate = (requirement: Requirement) =>
	call('requirements_create', { requirement });

export const requirementsUpdate = (requirement: Requirement) =>
	call('requirements_update', { requirement });

export const requirementsDelete = (id: number) => call('requirements_delete', { id });

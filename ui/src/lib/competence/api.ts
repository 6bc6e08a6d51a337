// Typed wrappers over the `competence_*` commands (docs/ipc.md). Evidence files enter through
// the evidence domain (lib/evidence) and are linked by their id.

import type { Assignment } from '$lib/bindings/Assignment';
import type { CompetenceEvidence } from '$lib/bindings/CompetenceEvidence';
import type { Role } from '$lib/bindings/Role';
import { call } from '$lib/ipc';

/** Every role, who holds which, and everyone's competence evidence. */
export const competenceList = () => call('competence_list');

/** Adds a role (id 0) or saves one. */
export const competenceSaveRole = (role: Role) => call('competence_save_role', { role });

export const competenceRemoveRole = (id: number) => call('competence_remove_role', { id });

export const competenceAssign = (assignment: Assignment) =>
	call('competence_assign', { assignment });

export const competenceUnassign = (id: number) => call('competence_unassign', { id });

/** Records a piece of competence evidence (id 0) or saves one. */
export const competenceSaveEvidence = (evidence: CompetenceEvidence) =>
	call('competence_save_evidence', { evidence });

export const competenceRemoveEvidence = (id: number) => call('competence_remove_evidence', { id });

export const peopleList = () => call('people_list');

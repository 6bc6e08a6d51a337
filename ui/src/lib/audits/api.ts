// Typed wrappers over the `audits_*` commands (docs/ipc.md), and the lists the audit form needs.

import type { Audit } from '$lib/bindings/Audit';
import type { Conflict } from '$lib/bindings/Conflict';
import type { Person } from '$lib/bindings/Person';
import type { ReferenceLists } from '$lib/bindings/ReferenceLists';
import type { TrackerItem } from '$lib/bindings/TrackerItem';
import { call } from '$lib/ipc';

export const auditsList = () => call<Audit[]>('audits_list');

export const auditsCreate = (audit: Audit) => call<Audit>('audits_create', { audit });

export const auditsUpdate = (audit: Audit) => call<Audit>('audits_update', { audit });

export const auditsDelete = (id: number) => call<null>('audits_delete', { id });

export const auditsConflicts = (audit: Audit) => call<Conflict[]>('audits_conflicts', { audit });

export const auditsRaiseFinding = (auditId: number, item: TrackerItem) =>
	call<TrackerItem>('audits_raise_finding', { audit_id: auditId, item });

export const peopleList = () => call<Person[]>('people_list');

export const referenceLists = () => call<ReferenceLists>('reference_lists');

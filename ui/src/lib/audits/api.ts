// Typed wrappers over the `audits_*` commands (docs/ipc.md), and the lists the audit form needs.

import type { Audit } from '$lib/bindings/Audit';
import type { TrackerItem } from '$lib/bindings/TrackerItem';
import { call } from '$lib/ipc';

export const auditsList = () => call('audits_list');

export const auditsCreate = (audit: Audit) => call('audits_create', { audit });

export const auditsUpdate = (audit: Audit) => call('audits_update', { audit });

export const auditsDelete = (id: number) => call('audits_delete', { id });

export const auditsConflicts = (audit: Audit) => call('audits_conflicts', { audit });

export const auditsRaiseFinding = (auditId: number, item: TrackerItem) =>
	call('audits_raise_finding', { audit_id: auditId, item });

export const peopleList = () => call('people_list');

export const referenceLists = () => call('reference_lists');

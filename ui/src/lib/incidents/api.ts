// Typed wrappers over the `incidents_*` commands (docs/ipc.md).

import type { Incident } from '$lib/bindings/Incident';
import type { TrackerItem } from '$lib/bindings/TrackerItem';
import { call } from '$lib/ipc';

export const incidentsList = () => call('incidents_list');

/** The vault assigns the reference (INC-001…); send id 0 and reference ''. */
export const incidentsCreate = (incident: Incident) => call('incidents_create', { incident });

export const incidentsUpdate = (incident: Incident) => call('incidents_update', { incident });

/** Refused (`Referenced`) once the incident raised tracker items. */
export const incidentsDelete = (id: number) => call('incidents_delete', { id });

/** Raises a tracker item whose source is the incident. */
export const incidentsRaiseItem = (incidentId: number, item: TrackerItem) =>
	call('incidents_raise_item', { incident_id: incidentId, item });

// Typed wrappers over the `measures_*` commands: measures with their results and due periods,
// saving and removing a measure, the value the vault proposes for a day, recording a result.

import type { Measure } from '$lib/bindings/Measure';
import type { NewResult } from '$lib/bindings/NewResult';
import { call } from '$lib/ipc';

export const measuresList = (asOf: string) => call('measures_list', { as_of: asOf });

export const measuresSave = (measure: Measure) => call('measures_save', { measure });

export const measuresRemove = (id: number) => call('measures_remove', { id });

export const measuresPropose = (id: number, on: string) => call('measures_propose', { id, on });

export const measuresRecord = (measureId: number, result: NewResult) =>
	call('measures_record', { measure_id: measureId, result });

export const peopleList = () => call('people_list');

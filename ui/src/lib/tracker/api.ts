// Typed wrappers over the `tracker_*` commands (docs/ipc.md).

import type { TrackerItem } from '$lib/bindings/TrackerItem';
import { call } from '$lib/ipc';

export const trackerList = () => call('tracker_list');

/** Only the items past their due date as of `asOf` (the dashboard's follow-ups). */
export const trackerOverdue = (asOf: string) => call('tracker_overdue', { as_of: asOf });

export const trackerCreate = (item: TrackerItem) => call('tracker_create', { item });

export const trackerUpdate = (item: TrackerItem) => call('tracker_update', { item });

export const trackerAddNote = (itemId: number, notedOn: string, note: string) =>
	call('tracker_add_note', { item_id: itemId, noted_on: notedOn, note });

// What the objectives screens need beyond the record: a blank one, status labels and tones,
// the latest progress note, and the checks the UI can make before sending.

import type { Objective } from '$lib/bindings/Objective';
import type { ObjectiveStatus } from '$lib/bindings/ObjectiveStatus';
import type { ProgressNote } from '$lib/bindings/ProgressNote';
import { OBJECTIVE_STATUS_LABELS } from '$lib/bindings/vocabulary';

export function blankObjective(): Objective {
	return {
		id: 0,
		title: '',
		measure: '',
		owner_id: null,
		due_date: null,
		status: 'planned',
		progress_notes: []
	};
}

export const STATUS_LABELS: Record<ObjectiveStatus, string> = OBJECTIVE_STATUS_LABELS;

export const STATUS_TONES: Record<ObjectiveStatus, 'neutral' | 'accent' | 'success' | 'danger'> = {
	planned: 'neutral',
	in_progress: 'accent',
	achieved: 'success',
	missed: 'danger',
	cancelled: 'neutral'
};

export const STATUS_OPTIONS = (Object.keys(STATUS_LABELS) as ObjectiveStatus[]).map((value) => ({
	value,
	label: STATUS_LABELS[value]
}));

/** Notes oldest first; notes of the same day keep the order they were written in. */
export function sortedNotes(notes: ReadonlyArray<ProgressNote>): ProgressNote[] {
	return notes
		.map((note, i) => ({ note, i }))
		.sort((a, b) => a.note.date.localeCompare(b.note.date) || a.i - b.i)
		.map(({ note }) => note);
}

export function lastNote(objective: Objective): ProgressNote | null {
	return sortedNotes(objective.progress_notes).at(-1) ?? null;
}

/** Checks the UI can make before sending; the shell validates again. */
export function localErrors(objective: Objective): Record<string, string> {
	const errors: Record<string, string> = {};
	if (objective.title.trim() === '') errors.title = 'Enter what the objective is.';
	return errors;
}

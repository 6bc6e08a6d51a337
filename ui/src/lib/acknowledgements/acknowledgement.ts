// What the acknowledgements screen needs beyond the records: counts per document, method
// labels, which acknowledgement stands for a person and version, a blank one, and the checks
// made before sending.

import type { AckMethod } from '$lib/bindings/AckMethod';
import type { AckStatus } from '$lib/bindings/AckStatus';
import type { Acknowledgement } from '$lib/bindings/Acknowledgement';
import { ACK_METHOD_LABELS } from '$lib/bindings/vocabulary';

export type AckCounts = { done: number; total: number; percent: number };

/** How many of the people a document is communicated to have acknowledged its version. */
export function ackCounts(status: Pick<AckStatus, 'acknowledged' | 'missing'>): AckCounts {
	const done = status.acknowledged.length;
	const total = done + status.missing.length;
	return { done, total, percent: total === 0 ? 0 : Math.round((done / total) * 100) };
}

/** "7 of 9 acknowledged" */
export const countLabel = ({ done, total }: AckCounts) => `${done} of ${total} acknowledged`;

export const METHOD_LABELS: Record<AckMethod, string> = ACK_METHOD_LABELS;

export const METHOD_OPTIONS = (Object.keys(METHOD_LABELS) as AckMethod[]).map((value) => ({
	value,
	label: METHOD_LABELS[value]
}));

/** The earliest acknowledgement of a version by a person, if any. */
export function ackOf(
	acks: ReadonlyArray<Acknowledgement>,
	personId: number,
	versionId: number
): Acknowledgement | null {
	return (
		acks
			.filter((a) => a.person_id === personId && a.version_id === versionId)
			.sort((a, b) => a.acknowledged_on.localeCompare(b.acknowledged_on))[0] ?? null
	);
}

export function blankAck(personId: number, versionId: number, today: string): Acknowledgement {
	return {
		id: 0,
		person_id: personId,
		version_id: versionId,
		acknowledged_on: today,
		method: 'form',
		evidence_id: null
	};
}

/** Checks the UI can make before sending; the shell validates again. */
export function localErrors(ack: Acknowledgement): Record<string, string> {
	const errors: Record<string, string> = {};
	if (!ack.acknowledged_on) errors.acknowledged_on = 'Enter the day it was acknowledged.';
	return errors;
}

// What the training screen needs beyond the records: each matrix cell's status from the latest
// completion and the course's validity (the core's rule for awareness, applied per course),
// labels and tones of the statuses, blank records and the checks made before sending.

import type { AwarenessStatus } from '$lib/bindings/AwarenessStatus';
import type { Completion } from '$lib/bindings/Completion';
import type { Course } from '$lib/bindings/Course';
import type { CourseKind } from '$lib/bindings/CourseKind';
import { AWARENESS_STATUS_LABELS, COURSE_KIND_LABELS } from '$lib/bindings/vocabulary';

/** Days before its end that a completion counts as expiring. */
export const EXPIRING_DAYS = 30;

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

function parts(ymd: string): [number, number, number] {
	const [y, m, d] = ymd.split('-').map(Number);
	return [y ?? 0, m ?? 1, d ?? 1];
}

/** `ymd` plus `months`, on the last day of the month when that day does not exist (31 Jan + 1
 * month = 28 Feb), as the core computes an expiry. */
export function addMonths(ymd: string, months: number): string {
	const [y, m, d] = parts(ymd);
	const index = y * 12 + (m - 1) + months;
	const year = Math.floor(index / 12);
	const month = (index % 12) + 1;
	const last = new Date(Date.UTC(year, month, 0)).getUTCDate();
	return `${pad(year, 4)}-${pad(month)}-${pad(Math.min(d, last))}`;
}

/** Whole days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: string, to: string): number {
	const utc = (ymd: string) => {
		const [y, m, d] = parts(ymd);
		return Date.UTC(y, m - 1, d);
	};
	return Math.round((utc(to) - utc(from)) / 86_400_000);
}

/** The day a completion stops counting, or null when the course never expires. */
export function expiresOn(completedOn: string, validityMonths: number | null): string | null {
	return validityMonths === null ? null : addMonths(completedOn, validityMonths);
}

/**
 * A cell's status on `today`: never done; current; expiring when it ends within 30 days;
 * expired from the day it ends.
 */
export function cellStatus(
	completedOn: string | null,
	validityMonths: number | null,
	today: string
): AwarenessStatus {
	if (completedOn === null) return 'never';
	const until = expiresOn(completedOn, validityMonths);
	if (until === null) return 'current';
	if (until <= today) return 'expired';
	if (daysBetween(today, until) <= EXPIRING_DAYS) return 'expiring';
	return 'current';
}

/** The latest completion of each person and course, keyed `${person}:${course}`. */
export function latestCompletions(completions: ReadonlyArray<Completion>): Map<string, Completion> {
	const latest = new Map<string, Completion>();
	for (const c of completions) {
		const key = cellKey(c.person_id, c.course_id);
		const known = latest.get(key);
		if (!known || c.completed_on > known.completed_on) latest.set(key, c);
	}
	return latest;
}

export const cellKey = (personId: number, courseId: number) => `${personId}:${courseId}`;

export const STATUS_LABELS: Record<AwarenessStatus, string> = AWARENESS_STATUS_LABELS;

export const STATUS_HINTS: Record<AwarenessStatus, string> = {
	current: 'Done and still valid',
	expiring: `Ends within ${EXPIRING_DAYS} days`,
	expired: 'No longer valid',
	never: 'Not done yet'
};

export const STATUS_TONES: Record<AwarenessStatus, 'success' | 'warning' | 'danger' | 'neutral'> = {
	current: 'success',
	expiring: 'warning',
	expired: 'danger',
	never: 'neutral'
};

export const STATUS_ORDER: ReadonlyArray<AwarenessStatus> = [
	'current',
	'expiring',
	'expired',
	'never'
];

export const KIND_LABELS: Record<CourseKind, string> = COURSE_KIND_LABELS;

export const KIND_OPTIONS = (Object.keys(KIND_LABELS) as CourseKind[]).map((value) => ({
	value,
	label: KIND_LABELS[value]
}));

export function validityLabel(course: Course): string {
	const m = course.validity_months;
	if (m === null) return 'Does not expire';
	if (m % 12 === 0) return `Valid ${m / 12} year${m === 12 ? '' : 's'}`;
	return `Valid ${m} month${m === 1 ? '' : 's'}`;
}

export function blankCourse(): Course {
	return { id: 0, title: '', kind: 'awareness', validity_months: 12 };
}

export function blankCompletion(today: string): Completion {
	return { id: 0, person_id: 0, course_id: 0, completed_on: today, evidence_id: null };
}

/** Checks the UI can make before sending; the shell validates again. */
export function courseErrors(course: Course): Record<string, string> {
	const errors: Record<string, string> = {};
	if (course.title.trim() === '') errors.title = 'Enter the course’s title.';
	const m = course.validity_months;
	if (m !== null && (!Number.isInteger(m) || m < 1 || m > 120))
		errors.validity_months = 'Between 1 and 120 months, or empty if it does not expire.';
	return errors;
}

export function completionErrors(completion: Completion): Record<string, string> {
	const errors: Record<string, string> = {};
	if (completion.person_id === 0) errors.person_id = 'Choose who completed it.';
	if (completion.course_id === 0) errors.course_id = 'Choose the course.';
	if (!completion.completed_on) errors.completed_on = 'Enter the day it was completed.';
	return errors;
}

/** The mark beside a status's colour, so colour is never the only signal. */
export const STATUS_ICONS: Record<AwarenessStatus, 'check' | 'alert' | 'x' | 'info'> = {
	current: 'check',
	expiring: 'alert',
	expired: 'x',
	never: 'info'
};

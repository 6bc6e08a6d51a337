// What the audit programme needs beyond the record: a blank audit, status labels and tones,
// the months of the programme, the overdue rule and the checks the UI can make before sending.

import type { Audit } from '$lib/bindings/Audit';
import type { AuditStatus } from '$lib/bindings/AuditStatus';
import { AUDIT_STATUS_LABELS } from '$lib/bindings/vocabulary';

export function blankAudit(month: string): Audit {
	return {
		id: 0,
		reference: '',
		title: '',
		planned_month: month,
		scope_clauses: [],
		scope_controls: [],
		auditor_id: null,
		external_auditor: '',
		status: 'planned',
		started_on: null,
		completed_on: null,
		summary: ''
	};
}

export const STATUS_LABELS: Record<AuditStatus, string> = AUDIT_STATUS_LABELS;

export const STATUS_TONES: Record<AuditStatus, 'neutral' | 'accent' | 'success'> = {
	planned: 'neutral',
	in_progress: 'accent',
	completed: 'success',
	cancelled: 'neutral'
};

export const STATUS_OPTIONS = (Object.keys(STATUS_LABELS) as AuditStatus[]).map((value) => ({
	value,
	label: STATUS_LABELS[value]
}));

/** "YYYY-MM" of a "YYYY-MM-DD" date. */
export const monthOf = (ymd: string) => ymd.slice(0, 7);

/** Overdue: planned for a month already past and neither completed nor cancelled. */
export function isOverdue(audit: Audit, today: string): boolean {
	return (
		audit.status !== 'completed' &&
		audit.status !== 'cancelled' &&
		audit.planned_month < monthOf(today)
	);
}

function nextMonth(month: string): string {
	const [y = 0, m = 0] = month.split('-').map(Number);
	return m === 12 ? `${y + 1}-01` : `${y}-${String(m + 1).padStart(2, '0')}`;
}

/** Every month from the earliest planned to the latest, each with its audits. */
export function byMonth(audits: ReadonlyArray<Audit>): Array<{ month: string; audits: Audit[] }> {
	const valid = audits.filter((a) => /^\d{4}-\d{2}$/.test(a.planned_month));
	if (valid.length === 0) return [];
	const months = valid.map((a) => a.planned_month).sort();
	const first = months[0] ?? '';
	const last = months.at(-1) ?? '';
	const out: Array<{ month: string; audits: Audit[] }> = [];
	for (let m = first; m <= last; m = nextMonth(m)) {
		out.push({
			month: m,
			audits: valid
				.filter((a) => a.planned_month === m)
				.sort((a, b) => a.reference.localeCompare(b.reference))
		});
	}
	return out;
}

const monthName = new Intl.DateTimeFormat(undefined, {
	month: 'long',
	year: 'numeric',
	timeZone: 'UTC'
});

export function formatMonth(month: string): string {
	const [y, m] = month.split('-').map(Number);
	if (!y || !m) return month;
	return monthName.format(new Date(Date.UTC(y, m - 1, 1)));
}

/** Checks the UI can make before sending; the shell validates again. */
export function localErrors(audit: Audit): Record<string, string> {
	const errors: Record<string, string> = {};
	if (audit.title.trim() === '') errors.title = 'Give the audit a title.';
	if (!/^\d{4}-(0[1-9]|1[0-2])$/.test(audit.planned_month))
		errors.planned_month = 'Enter the month as YYYY-MM.';
	return errors;
}

// What the supplier screens need beyond the record (A.5.19–5.22): a blank supplier, the words
// and tones of criticality and review outcomes, and where a supplier stands on a day: its last
// review, when the next is due, whether it is overdue, and its expired certificates. The same
// judgements S2-SUPPLIERS makes in the core, for what the screen shows before it asks.

import type { Certificate } from '$lib/bindings/Certificate';
import type { Criticality } from '$lib/bindings/Criticality';
import type { ReviewOutcome } from '$lib/bindings/ReviewOutcome';
import type { Supplier } from '$lib/bindings/Supplier';
import type { SupplierReview } from '$lib/bindings/SupplierReview';
import { CRITICALITY_LABELS, REVIEW_OUTCOME_LABELS } from '$lib/bindings/vocabulary';
import type { FieldErrors } from '$lib/components/ui';

type Tone = 'neutral' | 'accent' | 'success' | 'warning' | 'danger';

export function blankSupplier(): Supplier {
	return {
		id: 0,
		name: '',
		service: '',
		information: '',
		asset_ids: [],
		criticality: null,
		contract_requirements: false,
		contract_reference: '',
		owner_id: null,
		review_months: 12,
		notes: '',
		reviews: [],
		certificates: []
	};
}

export const CRITICALITY_OF: Record<Criticality, string> = CRITICALITY_LABELS;
export const OUTCOME_LABELS: Record<ReviewOutcome, string> = REVIEW_OUTCOME_LABELS;

export const CRITICALITY_TONES: Record<Criticality, Tone> = {
	low: 'neutral',
	medium: 'accent',
	high: 'warning',
	critical: 'danger'
};

export const OUTCOME_TONES: Record<ReviewOutcome, Tone> = {
	satisfactory: 'success',
	actions_needed: 'warning',
	unsatisfactory: 'danger'
};

export const CRITICALITIES = Object.keys(CRITICALITY_OF) as Criticality[];

export const OUTCOME_OPTIONS = (Object.keys(OUTCOME_LABELS) as ReviewOutcome[]).map((value) => ({
	value,
	label: OUTCOME_LABELS[value]
}));

/** `YYYY-MM-DD` plus whole months, the day clamped to the month's last (31 Jan + 1 = 28 Feb). */
export function addMonths(ymd: string, months: number): string {
	const [y = 0, m = 1, d = 1] = ymd.split('-').map(Number);
	const first = new Date(Date.UTC(y, m - 1 + months, 1));
	const last = new Date(Date.UTC(first.getUTCFullYear(), first.getUTCMonth() + 1, 0)).getUTCDate();
	first.setUTCDate(Math.min(d, last));
	return first.toISOString().slice(0, 10);
}

/** The last review held on or before `today`. */
export function lastReview(s: Supplier, today: string): SupplierReview | null {
	return s.reviews
		.filter((r) => r.reviewed_on <= today)
		.reduce<SupplierReview | null>(
			(best, r) => (best === null || r.reviewed_on >= best.reviewed_on ? r : best),
			null
		);
}

/** When the next review is due; null when it was never reviewed. */
export function reviewDue(s: Supplier, today: string): string | null {
	const last = lastReview(s, today);
	return last === null ? null : addMonths(last.reviewed_on, s.review_months);
}

/** Where the supplier's review stands on `today`. */
export type ReviewState = 'current' | 'overdue' | 'never';

export function reviewState(s: Supplier, today: string): ReviewState {
	const due = reviewDue(s, today);
	if (due === null) return 'never';
	return due < today ? 'overdue' : 'current';
}

/** Certificates issued by `today` (or undated) that had lapsed by it. */
export const expiredCertificates = (s: Supplier, today: string): Certificate[] =>
	s.certificates.filter(
		(c) =>
			(c.issued_on === null || c.issued_on <= today) &&
			c.expires_on !== null &&
			c.expires_on < today
	);

/** A supplier S2-SUPPLIERS would name: unrated, unowned, or critical without contract or review. */
export function needsAttention(s: Supplier, today: string): boolean {
	if (s.criticality === null || s.owner_id === null) return true;
	if (s.criticality !== 'critical') return false;
	return !s.contract_requirements || reviewState(s, today) !== 'current';
}

/** What the form can say before the shell does. */
export function localErrors(s: Supplier): FieldErrors {
	const errors: Record<string, string> = {};
	if (!s.name.trim()) errors.name = 'Name the supplier.';
	if (!Number.isInteger(s.review_months) || s.review_months < 1 || s.review_months > 60)
		errors.review_months = 'Review a supplier at least every 60 months, at most every month.';
	return errors;
}

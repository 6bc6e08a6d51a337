// The risk method as the screens use it: the common 5×5, labels for other sizes, the level a
// score falls in, and the checks the form can make before sending. The shell validates again.
// `levelOf` is for previews only (a draft method's matrix, a score being chosen, the matrix
// colours): the scores a risk has come from the core, on the risk it returns; `levels.test.ts`
// pins `levelOf` to the core's rule.

import type { RiskLevel } from '$lib/bindings/RiskLevel';
import type { RiskMethod } from '$lib/bindings/RiskMethod';
import type { Score } from '$lib/bindings/Score';
import { RISK_LEVEL_LABELS } from '$lib/bindings/vocabulary';

/** The matrix sizes the core accepts, per axis. */
export const LEVEL_COUNTS = [3, 4, 5] as const;

/** The common 5×5 matrix: acceptable up to 6, red from 15 (the core's default). */
export function commonMethod(): RiskMethod {
	return {
		likelihood_levels: 5,
		impact_levels: 5,
		likelihood_labels: [...LIKELIHOOD_LABELS[5]],
		impact_labels: [...IMPACT_LABELS[5]],
		// Left blank, the common labels take the common meanings from the core when saved.
		likelihood_definitions: ['', '', '', '', ''],
		impact_definitions: ['', '', '', '', ''],
		acceptance_threshold: 6,
		red_threshold: 15
	};
}

const LIKELIHOOD_LABELS: Record<3 | 4 | 5, readonly string[]> = {
	3: ['Unlikely', 'Possible', 'Likely'],
	4: ['Unlikely', 'Possible', 'Likely', 'Almost certain'],
	5: ['Rare', 'Unlikely', 'Possible', 'Likely', 'Almost certain']
};

const IMPACT_LABELS: Record<3 | 4 | 5, readonly string[]> = {
	3: ['Minor', 'Moderate', 'Severe'],
	4: ['Minor', 'Moderate', 'Major', 'Severe'],
	5: ['Negligible', 'Minor', 'Moderate', 'Major', 'Severe']
};

/**
 * Labels resized to `levels`. Untouched common labels become the common labels of the new
 * size; the user's own words are kept where they were typed, and new levels get a common label
 * (or stay empty when the user started from scratch).
 */
export function resizeLabels(
	labels: readonly string[],
	levels: number,
	axis: 'likelihood' | 'impact'
): string[] {
	const table: Record<number, readonly string[]> =
		axis === 'likelihood' ? LIKELIHOOD_LABELS : IMPACT_LABELS;
	const common = table[levels] ?? [];
	const untouched = labels.join('\n') === (table[labels.length] ?? []).join('\n');
	if (untouched) return [...common];
	const started = labels.some((l) => l.trim() !== '');
	return Array.from({ length: levels }, (_, i) => labels[i] ?? (started ? (common[i] ?? '') : ''));
}

/** A method being edited: thresholds may be empty while the user types. */
export type MethodDraft = Omit<RiskMethod, 'acceptance_threshold' | 'red_threshold'> & {
	acceptance_threshold: number | null;
	red_threshold: number | null;
};

/** A blank 5×5 with no labels and no thresholds: what the form shows before any method. */
export function blankMethod(): MethodDraft {
	return {
		likelihood_levels: 5,
		impact_levels: 5,
		likelihood_labels: ['', '', '', '', ''],
		impact_labels: ['', '', '', '', ''],
		likelihood_definitions: ['', '', '', '', ''],
		impact_definitions: ['', '', '', '', ''],
		acceptance_threshold: null,
		red_threshold: null
	};
}

/** The level of a score: red at or above the red threshold, acceptable at or below acceptance. */
export function levelOf(
	method: Pick<MethodDraft, 'acceptance_threshold' | 'red_threshold'>,
	score: number
): RiskLevel | null {
	const { acceptance_threshold: accept, red_threshold: red } = method;
	if (red !== null && score >= red) return 'red';
	if (accept !== null && score <= accept) return 'acceptable';
	if (accept !== null && red !== null) return 'amber';
	return null;
}

/** The score a likelihood and an impact being chosen would give (a preview: the saved risk's
 * scores are the core's, on the risk it returns); null until both are chosen and it has a level. */
export function previewScore(
	method: Pick<MethodDraft, 'acceptance_threshold' | 'red_threshold'>,
	likelihood: number | null,
	impact: number | null
): Score | null {
	if (likelihood === null || impact === null) return null;
	const value = likelihood * impact;
	const level = levelOf(method, value);
	return level ? { value, level } : null;
}

export const LEVEL_LABELS: Record<RiskLevel, string> = RISK_LEVEL_LABELS;

/** The badge tone of a level: colour is never the only signal, the label says it too. */
export const LEVEL_TONES: Record<RiskLevel, 'success' | 'warning' | 'danger'> = {
	acceptable: 'success',
	amber: 'warning',
	red: 'danger'
};

/** "4 · Likely": a level as the selects and the heat-map axes show it. */
export function levelLabel(labels: readonly string[], level: number): string {
	const label = labels[level - 1]?.trim();
	return label ? `${level} · ${label}` : String(level);
}

/** The score bands in words, for the legend: "Acceptable: 1 to 6". */
export function bands(method: MethodDraft): Array<{ level: RiskLevel; text: string }> {
	const max = method.likelihood_levels * method.impact_levels;
	const { acceptance_threshold: accept, red_threshold: red } = method;
	if (accept === null || red === null || accept >= red) return [];
	const range = (from: number, to: number) =>
		from > to ? 'none' : from === to ? `${from}` : `${from} to ${to}`;
	return [
		{ level: 'acceptable', text: range(1, Math.min(accept, max)) },
		{ level: 'amber', text: range(accept + 1, Math.min(red - 1, max)) },
		{ level: 'red', text: range(red, max) }
	];
}

/** Checks the form can make before sending, on the keys the shell uses. */
export function localErrors(method: MethodDraft): Record<string, string> {
	const errors: Record<string, string> = {};
	const max = method.likelihood_levels * method.impact_levels;
	if (method.likelihood_labels.some((l) => l.trim() === ''))
		errors.likelihood_labels = 'Give every likelihood level a label.';
	if (method.impact_labels.some((l) => l.trim() === ''))
		errors.impact_labels = 'Give every impact level a label.';
	const accept = method.acceptance_threshold;
	const red = method.red_threshold;
	if (accept === null || !Number.isInteger(accept) || accept < 1)
		errors.acceptance_threshold = 'Enter the highest score you accept, at least 1.';
	if (red === null || !Number.isInteger(red) || red < 1)
		errors.red_threshold = 'Enter the lowest score that is red.';
	else if (red > max) errors.red_threshold = `At most the highest score, ${max}.`;
	if (accept !== null && red !== null && !errors.acceptance_threshold && accept >= red)
		errors.acceptance_threshold = 'Must be below the red threshold.';
	return errors;
}

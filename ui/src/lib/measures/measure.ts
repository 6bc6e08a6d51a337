// What the Monitoring screen says about a measure: labels, the target as text, whether a value
// meets it (as the vault decides), and whether a period is due or overdue.

import type { Direction } from '$lib/bindings/Direction';
import type { Frequency } from '$lib/bindings/Frequency';
import type { Measure } from '$lib/bindings/Measure';
import type { MeasureWithResults } from '$lib/bindings/MeasureWithResults';
import type { Source } from '$lib/bindings/Source';
import * as vocabulary from '$lib/bindings/vocabulary';

export const FREQUENCY_LABELS: Record<Frequency, string> = vocabulary.FREQUENCY_LABELS;

export const SOURCE_LABELS: Record<Source, string> = vocabulary.SOURCE_LABELS;

const PERIOD_WORDS: Record<Frequency, string> = {
	monthly: 'this month',
	quarterly: 'this quarter',
	yearly: 'this year'
};

export function blankMeasure(today: string): Measure {
	return {
		id: 0,
		reference: '',
		title: '',
		monitored: '',
		method: '',
		frequency: 'monthly',
		measured_by: null,
		evaluated_by: null,
		source: 'manual',
		unit: '',
		target: null,
		direction: 'at_least',
		defined_on: today,
		objective_ids: []
	};
}

/** Whether `value` meets the target; no target is always met (as the core decides). */
export function meetsTarget(value: number, target: number | null, direction: Direction): boolean {
	if (target === null) return true;
	return direction === 'at_least' ? value >= target : value <= target;
}

/** "95 %", "3", "12 days". */
export function withUnit(value: number, unit: string): string {
	const n = Number.isInteger(value) ? String(value) : String(Math.round(value * 100) / 100);
	if (unit === '' || unit === 'count') return n;
	return `${n} ${unit}`;
}

/** "≥ 95 %", or "No target". */
export function targetText(m: Measure): string {
	if (m.target === null) return 'No target';
	return `${m.direction === 'at_least' ? '≥' : '≤'} ${withUnit(m.target, m.unit)}`;
}

/** The highlight a measure gets: overdue periods first, then the open current one. */
export function dueState(
	entry: MeasureWithResults
): { tone: 'danger' | 'warning'; text: string } | null {
	if (entry.overdue.length > 0) {
		const labels = entry.overdue.map((p) => p.label).join(', ');
		return { tone: 'danger', text: `Overdue: ${labels}` };
	}
	if (entry.current) {
		return { tone: 'warning', text: `Due ${PERIOD_WORDS[entry.measure.frequency]}` };
	}
	return null;
}

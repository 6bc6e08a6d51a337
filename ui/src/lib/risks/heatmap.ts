// Heat-map counts computed from the very risks the table lists, so a cell's count is always
// the number of rows a click on it leaves in the table.

import type { Risk } from '$lib/bindings/Risk';

export type Axis = 'inherent' | 'residual';

/** A cell of one heat map; likelihood and impact count from 1. */
export type Cell = { axis: Axis; likelihood: number; impact: number };

export function levelsOf(risk: Risk, axis: Axis): [number | null, number | null] {
	return axis === 'inherent'
		? [risk.likelihood, risk.impact]
		: [risk.residual_likelihood, risk.residual_impact];
}

export function inCell(risk: Risk, cell: Cell): boolean {
	const [l, i] = levelsOf(risk, cell.axis);
	return l === cell.likelihood && i === cell.impact;
}

export type Counts = {
	/** `cells[likelihood - 1][impact - 1]`, as the shell's HeatMap. */
	cells: number[][];
	/** Risks without both values, or outside the matrix. */
	unscored: number;
};

export function countCells(
	risks: ReadonlyArray<Risk>,
	axis: Axis,
	likelihoodLevels: number,
	impactLevels: number
): Counts {
	const cells = Array.from({ length: likelihoodLevels }, () =>
		Array.from({ length: impactLevels }, () => 0)
	);
	let unscored = 0;
	for (const risk of risks) {
		const [l, i] = levelsOf(risk, axis);
		const row = l === null ? undefined : cells[l - 1];
		if (row && i !== null && i >= 1 && i <= impactLevels) row[i - 1] = (row[i - 1] ?? 0) + 1;
		else unscored += 1;
	}
	return { cells, unscored };
}

export const sameCell = (a: Cell | null, b: Cell | null) =>
	a !== null &&
	b !== null &&
	a.axis === b.axis &&
	a.likelihood === b.likelihood &&
	a.impact === b.impact;

// The UI's preview of a score's level (`levelOf`, used while the user types, before anything is
// saved) against the core's own levels, committed by a core test (`make schema` regenerates
// the table): if the rule changes in the core, this fails until `levelOf` follows.
import { describe, expect, it } from 'vitest';
import type { RiskLevel } from '$lib/bindings/RiskLevel';
import type { RiskMethod } from '$lib/bindings/RiskMethod';
import table from './levels.fixture.json';
import { levelOf } from './method';

const rows = table as Array<{ method: RiskMethod; levels: RiskLevel[] }>;

describe("the preview's levels", () => {
	it('are the core levels for every score of every method in the table', () => {
		expect(rows.length).toBeGreaterThan(5);
		for (const { method, levels } of rows) {
			expect(levels).toHaveLength(method.likelihood_levels * method.impact_levels);
			levels.forEach((level, i) => expect(levelOf(method, i + 1), `${i + 1}`).toBe(level));
		}
	});
});

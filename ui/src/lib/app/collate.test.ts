import { describe, expect, it } from 'vitest';
import { sortedBy } from './collate';

describe('sortedBy', () => {
	it('sorts names as a reader expects, not by code point', () => {
		const names = ['Maria Nowak', 'Łukasz Wąs', 'anna', 'Asset 10', 'Asset 2'];
		expect(sortedBy(names, (n) => n)).toEqual([
			'anna',
			'Asset 2',
			'Asset 10',
			'Łukasz Wąs',
			'Maria Nowak'
		]);
	});
});

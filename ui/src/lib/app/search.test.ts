import { describe, expect, it } from 'vitest';
import { foldedCount, forgetFolded, matches } from './search';

describe('matches', () => {
	it('finds every word in any field, ignoring case and accents', () => {
		const fields = ['Łukasz Wąs', 'lukasz@example.com', 'Engineering'];
		expect(matches('', fields), 'an empty query keeps every row').toBe(true);
		expect(matches('lukasz was', fields)).toBe(true);
		expect(matches('ENGINEER', fields)).toBe(true);
		expect(matches('lukasz finance', fields), 'all words must match').toBe(false);
	});

	it('keeps folded texts between keystrokes and forgets them on lock', () => {
		forgetFolded();
		matches('a', ['Zażółć gęślą jaźń']);
		matches('ab', ['Zażółć gęślą jaźń']);
		expect(foldedCount(), 'one row, folded once').toBe(1);
		expect(matches('gesla', ['Zażółć gęślą jaźń'])).toBe(true);
		matches('a', ['edited: Zażółć']);
		expect(foldedCount(), 'an edited row is folded anew').toBe(2);
		forgetFolded();
		expect(foldedCount()).toBe(0);
	});
});

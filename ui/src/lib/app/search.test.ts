import { describe, expect, it } from 'vitest';
import { matches } from './search';

describe('matches', () => {
	it('finds every word in any field, ignoring case and accents', () => {
		const fields = ['Łukasz Wąs', 'lukasz@example.com', 'Engineering'];
		expect(matches('', fields), 'an empty query keeps every row').toBe(true);
		expect(matches('lukasz was', fields)).toBe(true);
		expect(matches('ENGINEER', fields)).toBe(true);
		expect(matches('lukasz finance', fields), 'all words must match').toBe(false);
	});
});

import { describe, expect, it, vi } from 'vitest';
import { TOUCH_INTERVAL_MS, throttle } from './activity';

describe('throttle()', () => {
	it('calls at once, then at most once per interval', () => {
		let now = 1_000;
		const action = vi.fn();
		const touch = throttle(action, TOUCH_INTERVAL_MS, () => now);
		touch();
		touch();
		expect(action).toHaveBeenCalledTimes(1);
		now += TOUCH_INTERVAL_MS - 1;
		touch();
		expect(action, 'still inside the 30 s window').toHaveBeenCalledTimes(1);
		now += 1;
		touch();
		expect(action).toHaveBeenCalledTimes(2);
	});
});

// For unit tests of virtualised tables: jsdom lays nothing out, so a scroller has no size and
// a virtualiser shows no row. `withLayout()` gives every element a size for the tests of the
// file that calls it, and restores jsdom's own afterwards.
import { afterAll, beforeAll } from 'vitest';

export function withLayout(height = 600, width = 1000): void {
	const saved = {
		offsetHeight: Object.getOwnPropertyDescriptor(HTMLElement.prototype, 'offsetHeight'),
		offsetWidth: Object.getOwnPropertyDescriptor(HTMLElement.prototype, 'offsetWidth')
	};
	beforeAll(() => {
		Object.defineProperty(HTMLElement.prototype, 'offsetHeight', {
			configurable: true,
			value: height
		});
		Object.defineProperty(HTMLElement.prototype, 'offsetWidth', {
			configurable: true,
			value: width
		});
	});
	afterAll(() => {
		for (const [key, descriptor] of Object.entries(saved)) {
			if (descriptor) Object.defineProperty(HTMLElement.prototype, key, descriptor);
		}
	});
}

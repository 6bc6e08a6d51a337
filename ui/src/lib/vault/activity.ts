// User activity resets the shell's idle auto-lock timer. Pointer and key events arrive many
// times a second; the shell only needs to hear about them once in a while.

export const TOUCH_INTERVAL_MS = 30_000;

/**
 * Returns a function that calls `action` at most once per `intervalMs` (leading edge: the
 * first call goes through at once). `now` is passed in so tests need no fake timers.
 */
export function throttle(
	action: () => void,
	intervalMs: number,
	now: () => number = Date.now
): () => void {
	let last = -Infinity;
	return () => {
		const t = now();
		if (t - last < intervalMs) return;
		last = t;
		action();
	};
}

// Asking again before the last answer came: only the answer to the latest question is used,
// so a slow reply to an earlier one never overwrites a newer result.
export type Latest = {
	/** Asks; `ok` or `fail` runs only if no newer question (or `drop`) came meanwhile. */
	ask<T>(question: Promise<T>, ok: (answer: T) => void, fail: (error: unknown) => void): void;
	/** Forgets the question in flight: its answer, when it comes, is ignored. */
	drop(): void;
};

export function latest(): Latest {
	let asked = 0;
	return {
		ask(question, ok, fail) {
			const ticket = ++asked;
			question.then(
				(answer) => {
					if (ticket === asked) ok(answer);
				},
				(error: unknown) => {
					if (ticket === asked) fail(error);
				}
			);
		},
		drop() {
			asked++;
		}
	};
}

// For unit tests: the reference lists read from the core's own CSV files (the ones the Rust
// core embeds), so tests see the real data and nothing is retyped here.
import type { ReviewInput } from '$lib/bindings/ReviewInput';
import reviewInputsCsv from '../../../../src-tauri/crates/isms-core/reference/management-review-inputs.csv?raw';

/** Rows of a two-column CSV whose second column may hold commas (these files use no quotes). */
function rows(text: string): Array<[string, string]> {
	return text
		.trim()
		.split('\n')
		.slice(1)
		.map((line: string): [string, string] => {
			const comma = line.indexOf(',');
			return [line.slice(0, comma), line.slice(comma + 1).trim()];
		});
}

/** The inputs of 9.3.2, as `reference_lists` sends them. */
export const REVIEW_INPUTS: ReadonlyArray<ReviewInput> = rows(reviewInputsCsv).map(
	([id, input]) => ({ id, input })
);

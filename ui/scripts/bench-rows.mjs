// Prints the UI benchmarks that `vitest bench --outputJson` wrote as table rows, the same shape as
// the Rust benchmarks print (`| what | median |`), for `make bench`'s one table.
import { readFileSync } from 'node:fs';

const report = JSON.parse(readFileSync(process.argv[2], 'utf8'));
for (const file of report.files) {
	for (const group of file.groups) {
		for (const b of group.benchmarks) {
			console.log(
				`| ${group.fullName.split(' > ').pop()}: ${b.name} | ${b.median.toFixed(2)} ms |`
			);
		}
	}
}

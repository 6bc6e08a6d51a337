// The risk register's search box and level filter over 10,000 risks, as the screen runs them
// (`filterRisks`): a word most risks hold, two words few hold, a word none holds, and the level
// filter alone. Each is a keystroke after the first (the rows' folded text is kept). Run by
// `make bench` (`npm run bench`), which prints the medians as table rows.
import { bench, describe } from 'vitest';
import type { Person } from '$lib/bindings/Person';
import type { Risk } from '$lib/bindings/Risk';
import { commonMethod, levelOf } from './method';
import { blankRisk, filterRisks } from './risk';

const METHOD = commonMethod();
const THREATS: ReadonlyArray<string> = [
	'Phishing',
	'Ransomware',
	'Laptop theft',
	'Supplier breach',
	'Insider misuse'
];
const ASSETS: ReadonlyArray<string> = [
	'customer records',
	'payroll',
	'source code',
	'the CRM',
	'backups in the cloud'
];

const people = new Map<number, Person>(
	Array.from({ length: 500 }, (_, i) => [
		i + 1,
		{ id: i + 1, name: `Person ${i + 1} Wąsowski`, email: `p${i + 1}@example.com` } as Person
	])
);

const risks: Risk[] = Array.from({ length: 10_000 }, (_, i) => {
	const l = (i % 5) + 1;
	const m = ((i * 7) % 5) + 1;
	const threat = THREATS[i % THREATS.length] ?? '';
	const asset = ASSETS[(i * 3) % ASSETS.length] ?? '';
	return {
		...blankRisk(),
		id: i + 1,
		reference: `R-${String(i + 1).padStart(5, '0')}`,
		title: `${threat} exposes ${asset}`,
		description: `Risk ${i + 1}: ${threat.toLowerCase()} could expose ${asset} through staff or suppliers; reviewed quarterly.`,
		threat,
		vulnerability: i % 2 ? 'No multi-factor authentication on e-mail' : 'Unencrypted disks',
		owner_id: (i % 500) + 1,
		likelihood: l,
		impact: m,
		inherent: { value: l * m, level: levelOf(METHOD, l * m)! }
	};
});

describe('risk register, 10,000 risks', () => {
	bench('filter by a word most risks hold ("staff")', () => {
		filterRisks(risks, people, 'staff', null);
	});
	bench('filter by two words few hold ("ransomware payroll")', () => {
		filterRisks(risks, people, 'ransomware payroll', null);
	});
	bench('filter by a word none holds', () => {
		filterRisks(risks, people, 'zyzzyva', null);
	});
	bench('filter by level alone (red)', () => {
		filterRisks(risks, people, '', 'red');
	});
});

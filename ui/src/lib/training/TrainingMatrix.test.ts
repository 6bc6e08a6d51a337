import { fireEvent, render, screen } from '@testing-library/svelte';
import { describe, expect, it, vi } from 'vitest';

vi.mock('@tauri-apps/api/core', () => ({ invoke: vi.fn() }));

import type { Course } from '$lib/bindings/Course';
import type { Person } from '$lib/bindings/Person';
import { blankPerson } from '$lib/people/person';
import TrainingMatrix from './TrainingMatrix.svelte';

const person = (id: number, name: string): Person => ({ ...blankPerson(), id, name });
const PEOPLE = [person(1, 'Anna'), person(2, 'Ben')];
const COURSES: Course[] = [
	{ id: 10, title: 'Security awareness', kind: 'awareness', validity_months: 12 },
	{ id: 11, title: 'Secure coding', kind: 'other', validity_months: null }
];
const done = (id: number, person_id: number, course_id: number, completed_on: string) => ({
	id,
	person_id,
	course_id,
	completed_on,
	evidence_id: null
});

describe('TrainingMatrix', () => {
	it('colours each cell by the latest completion, and says so in words', async () => {
		const oncell = vi.fn();
		render(TrainingMatrix, {
			props: {
				people: PEOPLE,
				courses: COURSES,
				completions: [
					done(1, 1, 10, '2024-06-01'),
					done(2, 1, 10, '2025-07-01'), // latest: ends 2026-07-01, 16 days away
					done(3, 2, 10, '2025-01-01'), // ended 2026-01-01
					done(4, 1, 11, '2020-02-02') // never expires
				],
				awareness: [
					{ person_id: 1, status: 'expiring' as const },
					{ person_id: 2, status: 'expired' as const }
				],
				today: '2026-06-15',
				oncell
			}
		});

		const cells = screen.getAllByTestId('training-cell');
		expect(cells.map((c) => c.dataset.status)).toEqual(['expiring', 'current', 'expired', 'never']);
		expect(cells[3]?.textContent).toContain('Never');
		expect(cells[0]?.getAttribute('aria-label')).toContain('Anna, Security awareness: Expiring');
		const badges = screen.getAllByTestId('training-awareness').map((b) => b.textContent?.trim());
		expect(badges).toEqual(['Expiring', 'Expired']);

		await fireEvent.click(cells[3]!);
		expect(oncell).toHaveBeenCalledWith(2, 11);
	});
});

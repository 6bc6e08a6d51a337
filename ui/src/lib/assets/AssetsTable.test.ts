import { fireEvent, render, screen } from '@testing-library/svelte';
import { describe, expect, it, vi } from 'vitest';

vi.mock('@tauri-apps/api/core', () => ({ invoke: vi.fn() }));

import type { Asset } from '$lib/bindings/Asset';
import type { Person } from '$lib/bindings/Person';
import { blankPerson } from '$lib/people/person';
import AssetsTable from './AssetsTable.svelte';

const PEOPLE: Person[] = [
	{ ...blankPerson(), id: 1, name: 'Łukasz Wąs', email: 'lukasz@example.com' },
	{ ...blankPerson(), id: 2, name: 'Anna Kowalska', email: 'anna@example.com' },
	{ ...blankPerson(), id: 3, name: 'Old Timer', email: 'old@example.com', end_date: '2020-01-31' }
];

const asset = (id: number, name: string, kind: string, owner: number | null, cls: string) => ({
	id,
	name,
	kind,
	owner_id: owner,
	classification: cls,
	description: ''
});

const ASSETS: Asset[] = [
	asset(1, 'Customer database', 'Database', 1, 'Confidential'),
	asset(2, 'Developer laptops', 'Laptop', 2, 'Internal'),
	asset(3, 'Marketing site', 'SaaS service', null, 'Public'),
	asset(4, 'Paper archive', 'Paper records', 3, 'Restricted')
];

function names(): string[] {
	return screen.getAllByTestId('assets-row-name').map((el) => el.textContent?.trim() ?? '');
}

describe('AssetsTable', () => {
	it('lists every asset with its owner, and the search box filters the rows', async () => {
		const onopen = vi.fn();
		render(AssetsTable, { props: { assets: ASSETS, people: PEOPLE, today: '2025-05-01', onopen } });
		expect(names()).toEqual([
			'Customer database',
			'Developer laptops',
			'Marketing site',
			'Paper archive'
		]);
		const owners = screen.getAllByTestId('assets-row-owner').map((el) => el.textContent);
		expect(owners[0]).toContain('Łukasz Wąs');
		expect(owners[2]).toContain('No owner');
		expect(owners[3], 'an owner who has left is marked').toContain('Left');

		const search = screen.getByTestId('assets-search');
		await fireEvent.input(search, { target: { value: 'lukasz' } });
		expect(names(), 'by owner, ignoring accents').toEqual(['Customer database']);

		await fireEvent.input(search, { target: { value: 'internal' } });
		expect(names(), 'by classification').toEqual(['Developer laptops']);

		await fireEvent.input(search, { target: { value: 'saas' } });
		expect(names(), 'by type').toEqual(['Marketing site']);

		await fireEvent.input(search, { target: { value: 'nothing like it' } });
		expect(screen.queryAllByTestId('assets-row')).toHaveLength(0);
		expect(screen.getByTestId('assets-table').textContent).toContain(
			'No asset matches “nothing like it”'
		);

		await fireEvent.input(search, { target: { value: '' } });
		expect(names()).toHaveLength(4);
		await fireEvent.click(screen.getAllByTestId('assets-row')[1]!);
		expect(onopen).toHaveBeenCalledWith(ASSETS[1]);
	});
});

import { fireEvent, render, screen, waitFor } from '@testing-library/svelte';
import { describe, expect, it, vi } from 'vitest';
import type { Person } from '$lib/bindings/Person';
import { IpcError } from '$lib/ipc/error';
import FieldsHost from '$lib/testing/FieldsHost.svelte';
import { fieldTestid } from './field';
import PersonSelect from './PersonSelect.svelte';
import TextField from './TextField.svelte';

const person = (id: number, name: string, end_date: string | null = null): Person => ({
	id,
	name,
	email: `${id}@example.com`,
	job_title: '',
	department: '',
	start_date: null,
	end_date,
	top_management: false,
	isms_owner: false
});

const PEOPLE = [person(2, 'Zoë'), person(1, 'Ann', '2020-01-31'), person(3, 'Bo')];
const bound = () => JSON.parse(screen.getByTestId('host-bound').textContent ?? '{}');
const labels = (select: HTMLSelectElement) => Array.from(select.options).map((o) => o.text);

describe('typed fields', () => {
	it('a field shows the error for its own model key, tied to its control', () => {
		render(TextField, {
			props: {
				label: 'Name',
				name: 'name',
				value: '',
				errors: { name: 'Give it a name.', email: 'Not this one.' },
				testid: 'name'
			}
		});
		const input = screen.getByTestId('name');
		expect(screen.getByTestId('field-error-name').textContent).toContain('Give it a name.');
		expect(screen.queryByText('Not this one.'), 'another key’s error stays off').toBeNull();
		expect(input.getAttribute('aria-invalid')).toBe('true');
		expect(input.getAttribute('aria-describedby')).toBe(screen.getByTestId('field-error-name').id);
	});

	it('fields inside a record dialog show its checks and the shell’s field errors by key', async () => {
		const save = vi
			.fn()
			.mockRejectedValue(
				new IpcError('Validation', 'Invalid', [{ field: 'months', message: 'At most 120.' }])
			);
		let checks: Record<string, string> = { title: 'Enter a title.', scope: 'Name the scope.' };
		render(FieldsHost, { props: { people: PEOPLE, validate: () => checks, save } });

		await fireEvent.click(screen.getByTestId('host-save'));
		expect(screen.getByTestId('field-error-title').textContent).toContain('Enter a title.');
		expect(screen.getByTestId('field-error-scope').textContent, 'a plain Field too').toContain(
			'Name the scope.'
		);
		expect(save, 'a local error stops the save').not.toHaveBeenCalled();

		checks = {};
		await fireEvent.click(screen.getByTestId('host-save'));
		await waitFor(() =>
			expect(screen.getByTestId('field-error-months').textContent).toContain('At most 120.')
		);
		expect(screen.queryByTestId('field-error-title')).toBeNull();
	});

	it('binds text, a number or null, and a person’s id or null', async () => {
		render(FieldsHost, { props: { people: PEOPLE, validate: () => ({}), save: vi.fn() } });
		await fireEvent.input(screen.getByTestId('host-title'), { target: { value: 'Backups' } });
		await fireEvent.input(screen.getByTestId('host-months'), { target: { value: '12' } });
		await fireEvent.change(screen.getByTestId('host-owner'), { target: { value: '3' } });
		expect(bound()).toEqual({ title: 'Backups', months: 12, owner: 3 });

		await fireEvent.input(screen.getByTestId('host-months'), { target: { value: '' } });
		await fireEvent.change(screen.getByTestId('host-owner'), { target: { value: '' } });
		expect(bound()).toEqual({ title: 'Backups', months: null, owner: null });
	});
});

describe('PersonSelect', () => {
	it('without a day it lists everyone in the vault, in the order given', () => {
		render(PersonSelect, { props: { value: null, people: PEOPLE, 'data-testid': 'who' } });
		expect(labels(screen.getByTestId('who'))).toEqual(['No owner yet', 'Zoë', 'Ann', 'Bo']);
	});

	it('on a day it lists who is still there by name, and who left only while chosen', () => {
		render(PersonSelect, {
			props: { value: 1, people: PEOPLE, today: '2025-05-01', none: 'Nobody', 'data-testid': 'who' }
		});
		const select = screen.getByTestId<HTMLSelectElement>('who');
		expect(labels(select)).toEqual(['Nobody', 'Ann (left)', 'Bo', 'Zoë']);
		expect(select.value).toBe('1');
	});
});

describe('fieldTestid', () => {
	it('names a field by its form and model key, in kebab case without an _id ending', () => {
		expect(fieldTestid('item', 'source_ref')).toBe('item-source-ref');
		expect(fieldTestid('item', 'owner_id')).toBe('item-owner');
		expect(fieldTestid('org', 'name')).toBe('org-name');
		expect(fieldTestid('x', 'valid_from_id_card')).toBe('x-valid-from-id-card');
	});
});

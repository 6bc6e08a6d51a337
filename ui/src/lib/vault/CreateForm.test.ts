import { fireEvent, render, screen, waitFor } from '@testing-library/svelte';
import { beforeEach, describe, expect, it, vi } from 'vitest';

vi.mock('@tauri-apps/api/core', () => ({ invoke: vi.fn() }));
vi.mock('$lib/ipc/seal', () => import('$lib/testing/seal'));

import { invoke } from '@tauri-apps/api/core';
import { sealed } from '$lib/testing/seal';
import CreateForm from './CreateForm.svelte';

const invokeMock = vi.mocked(invoke);
const DIR = '/home/ana/Documents/ISMS Desk';
const GOOD = 'correct horse battery staple';

function setup() {
	const oncreated = vi.fn();
	render(CreateForm, { props: { defaultDir: DIR, oncreated, oncancel: vi.fn() } });
	return { oncreated };
}

async function fill(name: string, passphrase: string, confirmation: string) {
	await fireEvent.input(screen.getByTestId('create-org-name'), { target: { value: name } });
	await fireEvent.input(screen.getByTestId('create-passphrase'), { target: { value: passphrase } });
	await fireEvent.input(screen.getByTestId('create-passphrase-confirm'), {
		target: { value: confirmation }
	});
}

describe('CreateForm', () => {
	beforeEach(() => {
		invokeMock.mockReset();
	});

	it('proposes <default dir>/<sanitised name>.isms while the name is typed', async () => {
		setup();
		await fireEvent.input(screen.getByTestId('create-org-name'), {
			target: { value: 'Acme: Ltd' }
		});
		expect(screen.getByTestId<HTMLInputElement>('create-path').value).toBe(`${DIR}/Acme Ltd.isms`);
	});

	it('refuses a passphrase shorter than 12 characters without invoking', async () => {
		setup();
		await fill('Acme Ltd', 'elevenchars', 'elevenchars');
		await fireEvent.click(screen.getByTestId('create-submit'));
		expect(screen.getByTestId('field-error-passphrase').textContent).toContain('at least 12');
		expect(invokeMock).not.toHaveBeenCalled();
	});

	it('shows a mismatch on the confirm field and does not invoke', async () => {
		setup();
		await fill('Acme Ltd', GOOD, `${GOOD}!`);
		await fireEvent.click(screen.getByTestId('create-submit'));
		expect(screen.getByTestId('field-error-passphrase_confirm').textContent).toContain(
			'do not match'
		);
		expect(screen.queryByTestId('field-error-passphrase')).toBeNull();
		expect(invokeMock).not.toHaveBeenCalled();
	});

	it('requires the organisation name', async () => {
		setup();
		await fill('   ', GOOD, GOOD);
		await fireEvent.click(screen.getByTestId('create-submit'));
		expect(screen.getByTestId('field-error-organisation_name')).toBeTruthy();
		expect(invokeMock).not.toHaveBeenCalled();
	});

	it('sends no file (the shell names it as shown), the organisation name and passphrase', async () => {
		const status = { unlocked: true, path: `${DIR}/Acme Ltd.isms`, organisation_name: 'Acme Ltd' };
		invokeMock.mockResolvedValueOnce(status);
		const { oncreated } = setup();
		await fill('  Acme Ltd ', GOOD, GOOD);
		await fireEvent.click(screen.getByTestId('create-submit'));
		await waitFor(() => expect(oncreated).toHaveBeenCalledWith(status));
		expect(invokeMock).toHaveBeenCalledTimes(1);
		expect(invokeMock).toHaveBeenCalledWith('vault_create', {
			file: null,
			organisation_name: 'Acme Ltd',
			passphrase: sealed(GOOD)
		});
	});

	it('uses the file picked with Choose… by its handle, and keeps it when the name changes', async () => {
		invokeMock.mockResolvedValueOnce({
			handle: 'new vault handle',
			name: 'acme.isms',
			shown: '/mnt/share/acme.isms',
			bytes: null
		});
		setup();
		await fireEvent.input(screen.getByTestId('create-org-name'), { target: { value: 'Acme' } });
		await fireEvent.click(screen.getByTestId('create-choose'));
		expect(invokeMock).toHaveBeenCalledWith('vault_choose_new', { suggested_name: 'Acme' });
		await waitFor(() =>
			expect(screen.getByTestId<HTMLInputElement>('create-path').value).toBe('/mnt/share/acme.isms')
		);
		await fireEvent.input(screen.getByTestId('create-org-name'), {
			target: { value: 'Acme Group' }
		});
		expect(screen.getByTestId<HTMLInputElement>('create-path').value).toBe('/mnt/share/acme.isms');
		invokeMock.mockResolvedValueOnce({ unlocked: true });
		await fireEvent.input(screen.getByTestId('create-passphrase'), { target: { value: GOOD } });
		await fireEvent.input(screen.getByTestId('create-passphrase-confirm'), {
			target: { value: GOOD }
		});
		await fireEvent.click(screen.getByTestId('create-submit'));
		await waitFor(() =>
			expect(invokeMock).toHaveBeenLastCalledWith('vault_create', {
				file: 'new vault handle',
				organisation_name: 'Acme Group',
				passphrase: sealed(GOOD)
			})
		);
	});

	it('shows AlreadyExists on the location field', async () => {
		invokeMock.mockRejectedValueOnce({
			code: 'AlreadyExists',
			message: 'File exists.',
			fields: []
		});
		const { oncreated } = setup();
		await fill('Acme Ltd', GOOD, GOOD);
		await fireEvent.click(screen.getByTestId('create-submit'));
		const error = await screen.findByTestId('field-error-path');
		expect(error.textContent).toContain('already exists');
		expect(screen.getByTestId('create-path').getAttribute('aria-invalid')).toBe('true');
		expect(oncreated).not.toHaveBeenCalled();
	});

	it('puts Validation field errors on the inputs with the same key', async () => {
		invokeMock.mockRejectedValueOnce({
			code: 'Validation',
			message: 'Name too long.',
			fields: [{ field: 'organisation_name', message: 'Use at most 200 characters.' }]
		});
		setup();
		await fill('Acme Ltd', GOOD, GOOD);
		await fireEvent.click(screen.getByTestId('create-submit'));
		const error = await screen.findByTestId('field-error-organisation_name');
		expect(error.textContent).toContain('at most 200');
	});
});

import { fireEvent, render, screen, waitFor } from '@testing-library/svelte';
import { beforeEach, describe, expect, it, vi } from 'vitest';

vi.mock('@tauri-apps/api/core', () => ({ invoke: vi.fn() }));

import { invoke } from '@tauri-apps/api/core';
import UnlockForm from './UnlockForm.svelte';

const invokeMock = vi.mocked(invoke);
const PATH = '/home/ana/Documents/ISMS Desk/Acme Ltd.isms';

function setup() {
	const onunlocked = vi.fn();
	render(UnlockForm, { props: { path: PATH, onunlocked, onback: vi.fn() } });
	return { onunlocked };
}

async function unlockWith(passphrase: string) {
	await fireEvent.input(screen.getByTestId('unlock-passphrase'), { target: { value: passphrase } });
	await fireEvent.click(screen.getByTestId('unlock-submit'));
}

describe('UnlockForm', () => {
	beforeEach(() => invokeMock.mockReset());

	it('shows the file name and focuses the passphrase', () => {
		setup();
		expect(screen.getByTestId('unlock-file').textContent).toBe('Acme Ltd.isms');
		expect(document.activeElement).toBe(screen.getByTestId('unlock-passphrase'));
	});

	it('sends path and passphrase and reports the status', async () => {
		const status = { unlocked: true, path: PATH, organisation_name: 'Acme Ltd' };
		invokeMock.mockResolvedValueOnce(status);
		const { onunlocked } = setup();
		await unlockWith('correct horse battery staple');
		await waitFor(() => expect(onunlocked).toHaveBeenCalledWith(status));
		expect(invokeMock).toHaveBeenCalledWith('vault_unlock', {
			path: PATH,
			passphrase: 'correct horse battery staple'
		});
	});

	it('shows the wrong-passphrase message for WrongPassphraseOrDamaged and keeps the text', async () => {
		invokeMock.mockRejectedValueOnce({
			code: 'WrongPassphraseOrDamaged',
			message: 'whatever the backend says',
			fields: []
		});
		const { onunlocked } = setup();
		await unlockWith('not the passphrase');
		const error = await screen.findByTestId('unlock-error');
		expect(error.textContent).toContain('Wrong passphrase, or the vault file is damaged');
		expect(error.textContent).toContain('restore from a backup');
		expect(screen.getByTestId<HTMLInputElement>('unlock-passphrase').value).toBe(
			'not the passphrase'
		);
		expect(screen.queryByTestId('unlock-banner')).toBeNull();
		expect(onunlocked).not.toHaveBeenCalled();
	});

	it('shows other failures as a banner, not as a passphrase error', async () => {
		invokeMock.mockRejectedValueOnce({ code: 'InUse', message: 'locked by pid 42', fields: [] });
		setup();
		await unlockWith('correct horse battery staple');
		const banner = await screen.findByTestId('unlock-banner');
		expect(banner.textContent).toContain('open elsewhere');
		expect(screen.queryByTestId('unlock-error')).toBeNull();
	});
});

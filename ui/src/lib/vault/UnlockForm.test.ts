import { fireEvent, render, screen, waitFor } from '@testing-library/svelte';
import { beforeEach, describe, expect, it, vi } from 'vitest';

vi.mock('@tauri-apps/api/core', () => ({ invoke: vi.fn() }));
vi.mock('$lib/ipc/seal', () => import('$lib/testing/seal'));

import { invoke } from '@tauri-apps/api/core';
import { sealed } from '$lib/testing/seal';
import UnlockForm from './UnlockForm.svelte';

const invokeMock = vi.mocked(invoke);
const PATH = '/home/ana/Documents/ISMS Desk/Acme Ltd.isms';
/** The handle the shell gave for the vault: the form sends it, never the path it shows. */
const VAULT = '5f0c3e2a9b8d7c6e5f4a3b2c1d0e9f8a';

function setup() {
	const onunlocked = vi.fn();
	render(UnlockForm, { props: { vault: VAULT, path: PATH, onunlocked, onback: vi.fn() } });
	return { onunlocked };
}

async function unlockWith(passphrase: string) {
	await fireEvent.input(screen.getByTestId('unlock-passphrase'), { target: { value: passphrase } });
	await fireEvent.click(screen.getByTestId('unlock-submit'));
}

describe('UnlockForm', () => {
	beforeEach(() => {
		invokeMock.mockReset();
	});

	it('shows the file name and focuses the passphrase', () => {
		setup();
		expect(screen.getByTestId('unlock-file').textContent).toBe('Acme Ltd.isms');
		expect(document.activeElement).toBe(screen.getByTestId('unlock-passphrase'));
	});

	it('sends the handle and passphrase and reports the status', async () => {
		const status = { unlocked: true, path: PATH, organisation_name: 'Acme Ltd' };
		invokeMock.mockResolvedValueOnce(status);
		const { onunlocked } = setup();
		await unlockWith('correct horse battery staple');
		await waitFor(() => expect(onunlocked).toHaveBeenCalledWith(status));
		expect(invokeMock).toHaveBeenCalledWith('vault_unlock', {
			vault: VAULT,
			passphrase: sealed('correct horse battery staple')
		});
	});

	it('says a full disk as it is and starts no damage check', async () => {
		invokeMock.mockRejectedValueOnce({
			code: 'Io',
			message: 'The disk is full; nothing was changed. Free some space and try again.',
			fields: []
		});
		setup();
		await unlockWith('correct horse battery staple');
		const banner = await screen.findByTestId('unlock-banner');
		expect(banner.textContent).toContain('could not be read');
		expect(banner.textContent).toContain('The disk is full');
		expect(screen.queryByTestId('unlock-error')).toBeNull();
		expect(invokeMock).not.toHaveBeenCalledWith('vault_find_backup', expect.anything());
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

	describe('after a failed unlock', () => {
		const DAMAGED = {
			code: 'WrongPassphraseOrDamaged',
			message: 'file is not a database',
			fields: []
		};
		const BACKUP =
			'/home/ana/.local/share/isms-desk/backups/abc/Acme Ltd 2026-12-01 0900 daily.isms';
		const COPY = '/home/ana/Documents/ISMS Desk/Acme Ltd restored 2026-12-01 0900.isms';
		const search = (diagnosis: string, found: boolean, skipped = 0) => ({
			found: found ? 'backup handle' : null,
			search: {
				diagnosis,
				found: found
					? {
							path: BACKUP,
							taken_at: '2026-12-01T09:00:00Z',
							reason: 'daily',
							bytes: 204800,
							restore_to: COPY
						}
					: null,
				skipped: Array.from({ length: skipped }, (_, i) => ({
					path: `/b/${i}.isms`,
					code: 'WrongPassphraseOrDamaged',
					reason: 'damaged'
				})),
				backup_dir: '/home/ana/.local/share/isms-desk/backups/abc'
			}
		});

		/** Answers each command from `answers`; a value that is an Error is thrown. */
		function answer(answers: Record<string, unknown[]>) {
			invokeMock.mockImplementation(async (cmd: string) => {
				const next = answers[cmd]?.shift();
				if (next === undefined) throw new Error(`unexpected ${cmd}`);
				if (next instanceof Error || (typeof next === 'object' && next && 'code' in next))
					throw next;
				return next;
			});
		}

		it('says the passphrase is wrong when the shell finds no page that verifies', async () => {
			answer({ vault_unlock: [DAMAGED], vault_find_backup: [search('WrongPassphrase', false)] });
			setup();
			await unlockWith('typo');
			const error = await screen.findByTestId('unlock-error');
			expect(error.textContent).toContain('does not open this vault');
			expect(screen.queryByTestId('restore-offer')).toBeNull();
			expect(invokeMock).toHaveBeenCalledWith('vault_find_backup', {
				vault: VAULT,
				passphrase: sealed('typo')
			});
		});

		it('offers the newest good backup of a damaged vault, restores it as a copy and opens that', async () => {
			const status = { unlocked: true, path: COPY, organisation_name: 'Acme Ltd', demo: false };
			answer({
				vault_unlock: [DAMAGED, status],
				vault_find_backup: [search('Damaged', true, 2)],
				vault_restore_backup: [
					{ handle: 'copy handle', name: 'copy.isms', shown: COPY, bytes: 204800 }
				]
			});
			const { onunlocked } = setup();
			await unlockWith('right passphrase');
			expect((await screen.findByTestId('restore-target')).textContent).toBe(
				'Acme Ltd restored 2026-12-01 0900.isms'
			);
			expect(screen.getByTestId('restore-skipped').textContent).toContain('2 newer backups');
			expect(screen.queryByTestId('unlock-error')).toBeNull();
			await fireEvent.click(screen.getByTestId('restore-submit'));
			await waitFor(() => expect(onunlocked).toHaveBeenCalledWith(status));
			expect(invokeMock).toHaveBeenCalledWith('vault_restore_backup', {
				vault: VAULT,
				backup: 'backup handle',
				passphrase: sealed('right passphrase')
			});
			expect(invokeMock).toHaveBeenLastCalledWith('vault_unlock', {
				vault: 'copy handle',
				passphrase: sealed('right passphrase')
			});
		});

		it('says so when no backup of a damaged vault verifies, and offers no restore', async () => {
			answer({ vault_unlock: [DAMAGED], vault_find_backup: [search('Damaged', false, 3)] });
			setup();
			await unlockWith('right passphrase');
			const none = await screen.findByTestId('restore-none');
			expect(none.textContent).toContain('None of its 3 automatic backups verifies');
			expect(screen.queryByTestId('restore-submit')).toBeNull();
		});

		it('shows a failed restore and stays on the form', async () => {
			answer({
				vault_unlock: [DAMAGED],
				vault_find_backup: [search('Damaged', true)],
				vault_restore_backup: [{ code: 'Io', message: 'The disk is full.', fields: [] }]
			});
			const { onunlocked } = setup();
			await unlockWith('right passphrase');
			await fireEvent.click(await screen.findByTestId('restore-submit'));
			expect((await screen.findByTestId('restore-error')).textContent).toBe('The disk is full.');
			expect(onunlocked).not.toHaveBeenCalled();
		});
	});
});

// Typed wrappers over the `vault_*` commands (docs/ipc.md). Passphrases are sealed for the
// shell just before the command (ipc/seal.ts) and never kept here. Vault files are named by the
// handles the shell gives out (dialogs, the recent list), never by path.

import { call } from '$lib/ipc';
import { seal } from '$lib/ipc/seal';

export const vaultStatus = () => call('vault_status');

/** Native save dialog for a new vault; `suggestedName` has no extension. `null` when cancelled. */
export const vaultChooseNew = (suggestedName: string) =>
	call('vault_choose_new', { suggested_name: suggestedName });

/** Native open dialog; `null` when the user cancels. */
export const vaultChooseExisting = () => call('vault_choose_existing');

/** Creates the vault in the file chosen with `vaultChooseNew` (its handle) or, with `file`
 * `null`, named after the organisation in the default folder. */
export async function vaultCreate(args: {
	file: string | null;
	organisation_name: string;
	passphrase: string;
}) {
	const [passphrase] = await seal(args.passphrase);
	return call('vault_create', { ...args, passphrase });
}

/** Unlocks the vault behind `vault`, a handle of the recent list or a dialog. */
export async function vaultUnlock(vault: string, passphrase: string) {
	const [sealed] = await seal(passphrase);
	return call('vault_unlock', { vault, passphrase: sealed });
}

export const vaultLock = () => call('vault_lock');

/** Removes a vault from the recent list; the file itself is never touched. */
export const vaultForget = (vault: string) => call('vault_forget', { vault });

/** Tells the shell the user is active, which resets the idle auto-lock timer. */
export const vaultTouch = () => call('vault_touch');

export async function vaultChangePassphrase(current: string, newPassphrase: string) {
	const [sealedCurrent, sealedNew] = await seal(current, newPassphrase);
	return call('vault_change_passphrase', {
		current: sealedCurrent,
		new_passphrase: sealedNew
	});
}

/** Native save dialog, then a verified encrypted copy; `null` when the user cancels. */
export const vaultBackup = () => call('vault_backup');

export const vaultCheck = () => call('vault_check');

/** After a failed unlock: damage or a wrong passphrase, and the newest backup that verifies. */
export async function vaultFindBackup(vault: string, passphrase: string) {
	const [sealed] = await seal(passphrase);
	return call('vault_find_backup', { vault, passphrase: sealed });
}

/** Restores the backup `vaultFindBackup` offered (its handle) as a new file beside the vault,
 * which is untouched; resolves with the copy, to unlock. */
export async function vaultRestoreBackup(vault: string, backup: string, passphrase: string) {
	const [sealed] = await seal(passphrase);
	return call('vault_restore_backup', { vault, backup, passphrase: sealed });
}

/** Creates the demo company in a temporary folder and unlocks it (`demo: true`); deleted on lock. */
export const demoOpen = () => call('demo_open');

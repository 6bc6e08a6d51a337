// Typed wrappers over the `vault_*` commands (docs/ipc.md). Passphrases are sealed for the
// shell just before the command (ipc/seal.ts) and never kept here.

import type { BackupInfo } from '$lib/bindings/BackupInfo';
import type { BackupSearch } from '$lib/bindings/BackupSearch';
import type { CheckReport } from '$lib/bindings/CheckReport';
import type { RestoredCopy } from '$lib/bindings/RestoredCopy';
import type { AppInfo } from '$lib/bindings/AppInfo';
import type { VaultStatus } from '$lib/bindings/VaultStatus';
import { call } from '$lib/ipc';
import { seal } from '$lib/ipc/seal';

export const vaultStatus = () => call<VaultStatus>('vault_status');

/** Native save dialog for a new vault; `suggestedName` has no extension. `null` when cancelled. */
export const vaultChooseNew = (suggestedName: string) =>
	call<string | null>('vault_choose_new', { suggested_name: suggestedName });

/** Native open dialog; `null` when the user cancels. */
export const vaultChooseExisting = () => call<string | null>('vault_choose_existing');

export async function vaultCreate(args: {
	path: string;
	organisation_name: string;
	passphrase: string;
}) {
	const [passphrase] = await seal(args.passphrase);
	return call<VaultStatus>('vault_create', { ...args, passphrase });
}

export async function vaultUnlock(path: string, passphrase: string) {
	const [sealed] = await seal(passphrase);
	return call<VaultStatus>('vault_unlock', { path, passphrase: sealed });
}

export const vaultLock = () => call<VaultStatus>('vault_lock');

/** Removes a vault from the recent list; the file itself is never touched. */
export const vaultForget = (path: string) => call<AppInfo>('vault_forget', { path });

/** Tells the shell the user is active, which resets the idle auto-lock timer. */
export const vaultTouch = () => call<null>('vault_touch');

export async function vaultChangePassphrase(current: string, newPassphrase: string) {
	const [sealedCurrent, sealedNew] = await seal(current, newPassphrase);
	return call<null>('vault_change_passphrase', {
		current: sealedCurrent,
		new_passphrase: sealedNew
	});
}

/** Native save dialog, then a verified encrypted copy; `null` when the user cancels. */
export const vaultBackup = () => call<BackupInfo | null>('vault_backup');

export const vaultCheck = () => call<CheckReport>('vault_check');

/** After a failed unlock: damage or a wrong passphrase, and the newest backup that verifies. */
export async function vaultFindBackup(path: string, passphrase: string) {
	const [sealed] = await seal(passphrase);
	return call<BackupSearch>('vault_find_backup', { path, passphrase: sealed });
}

/** Restores one of the vault's automatic backups as a new file beside it; the vault is untouched. */
export async function vaultRestoreBackup(path: string, backup: string, passphrase: string) {
	const [sealed] = await seal(passphrase);
	return call<RestoredCopy>('vault_restore_backup', { path, backup, passphrase: sealed });
}

/** Creates the demo company in a temporary folder and unlocks it (`demo: true`); deleted on lock. */
export const demoOpen = () => call<VaultStatus>('demo_open');

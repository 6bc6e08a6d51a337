// Typed wrappers over the `vault_*` commands (docs/ipc.md). Passphrases pass straight through
// to the shell and are never kept here.

import type { BackupInfo } from '$lib/bindings/BackupInfo';
import type { BackupSearch } from '$lib/bindings/BackupSearch';
import type { CheckReport } from '$lib/bindings/CheckReport';
import type { RestoredCopy } from '$lib/bindings/RestoredCopy';
import type { AppInfo } from '$lib/bindings/AppInfo';
import type { VaultStatus } from '$lib/bindings/VaultStatus';
import { call } from '$lib/ipc';

export const vaultStatus = () => call<VaultStatus>('vault_status');

/** Native save dialog for a new vault; `suggestedName` has no extension. `null` when cancelled. */
export const vaultChooseNew = (suggestedName: string) =>
	call<string | null>('vault_choose_new', { suggested_name: suggestedName });

/** Native open dialog; `null` when the user cancels. */
export const vaultChooseExisting = () => call<string | null>('vault_choose_existing');

export const vaultCreate = (args: {
	path: string;
	organisation_name: string;
	passphrase: string;
}) => call<VaultStatus>('vault_create', args);

export const vaultUnlock = (path: string, passphrase: string) =>
	call<VaultStatus>('vault_unlock', { path, passphrase });

export const vaultLock = () => call<VaultStatus>('vault_lock');

/** Removes a vault from the recent list; the file itself is never touched. */
export const vaultForget = (path: string) => call<AppInfo>('vault_forget', { path });

/** Tells the shell the user is active, which resets the idle auto-lock timer. */
export const vaultTouch = () => call<null>('vault_touch');

export const vaultChangePassphrase = (current: string, newPassphrase: string) =>
	call<null>('vault_change_passphrase', { current, new_passphrase: newPassphrase });

/** Native save dialog, then a verified encrypted copy; `null` when the user cancels. */
export const vaultBackup = () => call<BackupInfo | null>('vault_backup');

export const vaultCheck = () => call<CheckReport>('vault_check');

/** After a failed unlock: damage or a wrong passphrase, and the newest backup that verifies. */
export const vaultFindBackup = (path: string, passphrase: string) =>
	call<BackupSearch>('vault_find_backup', { path, passphrase });

/** Restores one of the vault's automatic backups as a new file beside it; the vault is untouched. */
export const vaultRestoreBackup = (path: string, backup: string, passphrase: string) =>
	call<RestoredCopy>('vault_restore_backup', { path, backup, passphrase });

/** Creates the demo company in a temporary folder and unlocks it (`demo: true`); deleted on lock. */
export const demoOpen = () => call<VaultStatus>('demo_open');

// The screens over an unlocked vault. A locked vault sends the user to the start screen.
import { redirect, error } from '@sveltejs/kit';
import type { VaultStatus } from '$lib/bindings/VaultStatus';
import { toIpcError } from '$lib/ipc';
import { vaultStatus } from '$lib/vault/api';
import type { LayoutLoad } from './$types';

export const load: LayoutLoad = async () => {
	let status: VaultStatus;
	try {
		status = await vaultStatus();
	} catch (e) {
		error(500, toIpcError(e).message);
	}
	if (!status.unlocked) redirect(307, '/');
	return { status };
};

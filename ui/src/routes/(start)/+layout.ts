// The screens for a locked vault. An unlocked vault skips them and goes to its records.
import { redirect, error } from '@sveltejs/kit';
import { toIpcError } from '$lib/ipc';
import { vaultStatus } from '$lib/vault/api';
import type { LayoutLoad } from './$types';

export const load: LayoutLoad = async () => {
	let unlocked: boolean;
	try {
		unlocked = (await vaultStatus()).unlocked;
	} catch (e) {
		error(500, toIpcError(e).message);
	}
	if (unlocked) redirect(307, '/dashboard');
	return {};
};

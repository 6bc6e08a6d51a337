import { redirect } from '@sveltejs/kit';
import type { PageLoad } from './$types';

export const load: PageLoad = ({ url }) => {
	// The vault's handle (from the recent list or the open dialog) and its path, shown only.
	const vault = url.searchParams.get('vault');
	const path = url.searchParams.get('path') ?? '';
	if (!vault) redirect(307, '/');
	return { vault, path };
};

import { redirect } from '@sveltejs/kit';
import type { PageLoad } from './$types';

export const load: PageLoad = ({ url }) => {
	const path = url.searchParams.get('path');
	if (!path) redirect(307, '/');
	return { path };
};
